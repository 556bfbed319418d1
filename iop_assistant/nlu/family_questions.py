"""Relatives asking about their loved one's privacy or relapse, in their own words.

"since he's 19 would you guys tell me what he says in there or no", "y si el entra ustedes me
van a decir como va?" (blind v24/es-v15, read in round 30) got the what-is-IOP answer or the
program's privacy answer worded for the patient ("can't be shared unless you say yes"). A
relative needs it the other way round: what the program may tell them (only with the adult's
written consent, 42 CFR Part 2), that they can still call and share what they know, and that
family groups support them. "what if he relapses after" needs the same turn: relapse is common,
IOP fits after one, and support for them. The control gate says these instead of the usual
answers (``language/nlg.py`` INSTEAD); a minor's guardian keeps its own answer.
"""

from __future__ import annotations

import re

_SOMEONE = (
    r"(?:he|she|they|him|her|them|hes|shes|he'?s|she'?s|my\s+(?:\w+\s+)?(?:son|daughter|kid|child|husband|wife|"
    r"partner|boyfriend|girlfriend|brother|sister|mom|mother|dad|father|grandson|granddaughter|"
    r"nephew|niece|friend|fiance|fiancee|loved\s+one)|el|ella|mi\s+(?:hijo|hija|esposo|esposa|"
    r"marido|novio|novia|hermano|hermana))"
)
_TOLD_ABOUT = re.compile(
    r"\b(?:would|will|can|could|do|does)\s+(?:you|u|y'?all|you\s+guys|the\s+(?:program|staff|"
    r"counselors?|therapists?))\s+(?:\w+\s+){0,2}?(?:tell|update|inform|call|let)\s+(?:me|us)\b|"
    r"(?<!\bhow\s)\b(?:will|would|can|could|do)\s+(?:i|we)\s+(?:\w+\s+){0,3}?(?:know|find\s+out|hear|be\s+told|"
    r"get\s+(?:told|updates?|informed)|see\s+(?:his|her|their)\s+(?:records?|progress))\b|"
    r"\b(?:keep|kept)\s+(?:me|us)\s+(?:in\s+the\s+loop|posted|updated|informed)\b|"
    r"\b(?:me|nos)\s+(?:van\s+a\s+|pueden\s+|podrian\s+)?(?:decir|contar|informar|avisar)\w*\s+"
    r"(?:como\s+va|como\s+le\s+va|si\s+va|lo\s+que|de\s+su|sobre)\b",
    re.IGNORECASE,
)
_WHAT_OF_THEM = re.compile(
    rf"\b(?:what|how|if|whether|when)\s+{_SOMEONE}\b|\babout\s+{_SOMEONE}\b|"
    rf"\b{_SOMEONE}\s*(?:'s|s)?\s+(?:progress|records?|attendance|results?|tests?)\b|"
    rf"\b(?:since|cuz|because|bc)\s+{_SOMEONE}\b|\b(?:como\s+va|como\s+le\s+va|si\s+va)\b",
    re.IGNORECASE,
)
_MINOR_WORDS = re.compile(
    r"\b(?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\s*(?:years?|yrs?|yo|y/o)?"
    r"(?:\s*-?\s*old)?\b(?![.,]?\d)|\bunder\s+18\b|\bminor\b|\bteen(?:ager)?\b|\bmenor\s+de\s+edad\b",
    re.IGNORECASE,
)


def asks_what_family_is_told(text: str | None) -> bool:
    """A relative asks what the program will tell them about an adult loved one."""
    said = str(text or "")
    return (
        bool(_TOLD_ABOUT.search(said))
        and bool(_WHAT_OF_THEM.search(said))
        and not _MINOR_WORDS.search(said)
    )


_THEIR_RELAPSE = re.compile(
    rf"\b(?:what\s+if|what\s+happens\s+if|if|when|and\s+if|y\s+si|que\s+pasa\s+si)\s+{_SOMEONE}\s+"
    r"(?:\w+\s+){0,2}?(?:relapse[sd]?|relapsing|slips?|slipped|uses?\s+again|starts?\s+(?:using|drinking)\s+again|"
    r"drinks?\s+again|goes?\s+back\s+to\s+(?:using|drinking|it)|recae|recaiga|vuelve\s+a\s+(?:usar|tomar|consumir))\b|"
    rf"\b{_SOMEONE}\s+(?:\w+\s+){{0,2}}?(?:relapsed|relapses|keeps\s+relapsing|recayo|volvio\s+a\s+(?:usar|tomar|consumir))\b"
    r"(?=[^?]{0,120}\?|.*\b(?:can|could|will|would|does|do|should|what|how)\b)",
    re.IGNORECASE | re.DOTALL,
)


def asks_about_their_relapse(text: str | None) -> bool:
    """A relative asks about a loved one's relapse (before, during or after the program)."""
    return bool(_THEIR_RELAPSE.search(str(text or "")))
