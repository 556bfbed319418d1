"""How to get through the first days: a question about coping, not about the program.

"thanks. any tips for getting through the weekend?" from someone leaving 30 days of
residential care on Friday, and "how do i make it through the first week home" (stepdown
role-play round 38: "Did you mean one of these?" with cost and doses, then the detox
questions) ask for what helps in the days ahead. The answer is general and safe: a plan
of who to call, staying away from people and places of use, meetings, naloxone. No Rasa
imports.
"""

from __future__ import annotations

import re

_GET_THROUGH = re.compile(
    r"\b(?:tips?|advice|ideas?|ways?|how\s+(?:do|can|should|will)\s+i|what\s+(?:do|can|should)\s+i\s+do\s+to|"
    r"help\s+me)\b[^.!?]{0,30}\b(?:get(?:ting)?\s+through|make\s+it\s+through|making\s+it\s+through|survive|"
    r"surviving|stay(?:ing)?\s+(?:clean|sober)|not\s+(?:use|using|drink|drinking|relapse|relaps\w+))\b"
    r"(?=[^.!?]{0,40}\b(?:weekend|first\s+(?:days?|week|night|month)|tonight|the\s+holidays?|when\s+i\s+get\s+"
    r"(?:home|out)|after\s+(?:rehab|residential|detox|treatment|i\s+get\s+out)|till\s+(?:monday|iop|group)|"
    r"until\s+(?:monday|iop|group|i\s+start)|home)\b)|"
    r"\b(?:consejos?|ideas?|c[oó]mo\s+(?:le\s+)?hago)\b[^.!?]{0,30}\b(?:aguantar|pasar|sobrevivir|no\s+(?:usar|tomar|"
    r"recaer|consumir))\b[^.!?]{0,30}\b(?:fin\s+de\s+semana|primeros\s+d[ií]as|esta\s+noche|cuando\s+salga)\b",
    re.IGNORECASE,
)


# "im scared of the first weekend home. any tips?", "but like actual tips. what do people do
# the first weekend" (stepdown role-play round 39: the IOP-or-residential answer, a menu)
_TIPS = re.compile(
    r"\b(?:tips?|advice|ideas|what\s+do\s+(?:people|others|folks|most\s+people)\s+do|what\s+helps|"
    r"consejos?|qu[eé]\s+hace\s+la\s+gente)\b",
    re.IGNORECASE,
)
_FIRST_DAYS = re.compile(
    r"\b(?:weekend|first\s+(?:days?|week|night|month)|get(?:ting)?\s+out|getting\s+home|going\s+home|"
    r"(?:leave|leaving|out\s+of|finish(?:ing)?)\s+(?:residential|rehab|detox|treatment|inpatient)|"
    r"fin\s+de\s+semana|primeros\s+d[ií]as|cuando\s+salga)\b",
    re.IGNORECASE,
)


_AGAINST_ADVICE = re.compile(
    r"\bagainst\s+(?:medical\s+|doctor'?s?\s+)?advice\b|\bama\b", re.IGNORECASE
)


def asks_how_to_get_through(text: str | None) -> bool:
    """Tips asked for the first days, the weekend or tonight without using ("left rehab
    against medical advice" asks for none)."""
    cleaned = _AGAINST_ADVICE.sub(" ", " ".join(str(text or "").split()))
    return bool(_GET_THROUGH.search(cleaned)) or bool(
        _TIPS.search(cleaned) and _FIRST_DAYS.search(cleaned)
    )
