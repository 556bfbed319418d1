"""Stopping asked about, by someone who told of a past withdrawal seizure or the DTs.

"is it dangerous to stop drinking cold turkey? I had a seizure once, couple years back, when
I quit for a few days" (caller role-play round 37) got the general answer about stopping
suddenly ("I can't say how much to take"), and he planned to quit alone that weekend. A past
withdrawal seizure or the DTs is the strongest sign that the next withdrawal can be severe
(ASAM 2020): the answer is not to stop alone, supervised detox, the help line today, and 911
for a seizure, confusion or hallucinations. No Rasa imports.
"""

from __future__ import annotations

import re
from typing import Iterable

from iop_assistant import substances
from iop_assistant.screening_answers import read_emergency

HISTORY_SIGNS = frozenset({"seizure", "hallucinations", "confusion"})
_STOPPING = (
    r"(?:cold\s+turkey|quit(?:ting)?|stop(?:ping)?|detox(?:ing)?|come\s+off|coming\s+off|get\s+off|"
    r"getting\s+off|dejar(?:lo|la)?|parar|desintoxicar\w*)"
)
_HOW_SAFE = (
    r"(?:dangerous|safe|ok(?:ay)?|risky|bad|by\s+(?:myself|herself|himself|themselves)|alone|at\s+home|"
    r"on\s+(?:my|her|his|their)\s+own|peligroso|seguro|sol[oa]|en\s+casa)"
)
_ASKS_ABOUT_STOPPING = re.compile(
    rf"\b{_STOPPING}\b[^.!?]{{0,60}}\b{_HOW_SAFE}\b|\b{_HOW_SAFE}\b[^.!?]{{0,40}}\b{_STOPPING}\b",
    re.IGNORECASE,
)


def asks_about_stopping(text: str | None) -> bool:
    """Whether stopping (cold turkey, alone, at home) is safe, asked or planned."""
    return bool(_ASKS_ABOUT_STOPPING.search(" ".join(str(text or "").split())))


def past_withdrawal_told(texts: Iterable[str]) -> bool:
    """A past withdrawal seizure or the DTs, told in any of ``texts``."""
    return any(read_emergency(t or "").past & HISTORY_SIGNS for t in texts)


def stopping_after_a_past_seizure(text: str, earlier: Iterable[str]) -> bool:
    """Stopping asked about, in a conversation that told of a past seizure or the DTs."""
    return asks_about_stopping(text) and past_withdrawal_told([*earlier, text])


# "hes passed out on the couch snoring. should i be worried", "i tried to wake him he kinda
# groaned and went back out" after "he drank... a lot" (family role-play round 37: the
# stopping-suddenly text, then "Give naloxone" twice, and "naloxone can wear off" once he
# woke): the signs of alcohol poisoning, when only alcohol was named
_PASSED_OUT = re.compile(
    r"\b(?:passed\s+out|passing\s+out|snor\w*|groan\w*|went\s+back\s+out|out\s+cold|sleeping\s+it\s+off|"
    r"sleep\s+it\s+off|se\s+qued[oó]\s+dormid[oa]|est[aá]\s+tirad[oa]|ronca\w*)\b",
    re.IGNORECASE,
)
_WORSE_THAN_ASLEEP = re.compile(
    r"\b(?:not\s+breathing|isn'?t\s+breathing|stopped\s+breathing|barely\s+breathing|blue|gr[ae]y|no\s+pulse|"
    r"unresponsive|seiz\w*|shaking|won'?t\s+wake|can'?t\s+wake|wont\s+wake|cant\s+wake|no\s+respira|no\s+despierta|"
    # throwing up or choking while passed out is the emergency itself: the crisis reply
    r"throw\w*\s+up|threw\s+up|vomit\w*|puk\w*|chok\w*|gurgl\w*|pale|cold\s+skin|clammy|vomita\w*)\b",
    re.IGNORECASE,
)
_OTHER_DRUGS = frozenset({"opioid", "benzodiazepine", "sedative", "stimulant"})


def passed_out_after_drinking(text: str, earlier: Iterable[str]) -> bool:
    """Someone passed out or snoring after drinking, told when only alcohol was named and
    nothing says they can't be woken or aren't breathing."""
    if not _PASSED_OUT.search(text or "") or _WORSE_THAN_ASLEEP.search(text or ""):
        return False
    named: set[str] = set()
    for said in [*earlier, text]:
        if _PILLS_OR_DRUGS.search(said or ""):
            return False  # "took some pills and had a bunch of drinks": an overdose to treat
        named |= substances.categories_in_text(said or "")
    return "alcohol" in named and not named & _OTHER_DRUGS


_PILLS_OR_DRUGS = re.compile(
    r"\b(?:pills?|pastillas?|bars|tabs|xans?|percs?|blues|molly|coke|meth|crack|dope|fent\w*|heroin|"
    r"took\s+(?:some|something|a\s+bunch|a\s+handful)|popped|snort\w*|shot\s+up)\b",
    re.IGNORECASE,
)
