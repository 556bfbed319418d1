"""Whether a message asks about the program itself (no Rasa imports).

After a crisis reply, people who are safe again ask what they came for: "does your
program treat meth", "ok I'm safe, how do I sign up", "what hours are the groups".
Role-played people got "I'm still here" or the safety text again, four times in a
row (2026-12-04). Both the NLU (a safety update that also asks) and the clarifying
action (an unclear question after a crisis) use this to answer the question instead.
"""

from __future__ import annotations

import re

_ABOUT_THE_PROGRAM = re.compile(
    r"\b(?:program|iop|treat|treats|treatment|sign\s+up|signing\s+up|enroll|enrol|enrolling|"
    r"start|starting|intake|insurance|medicaid|medicare|cost|pay|groups?|sessions?|hours|schedule|"
    r"open|family|therapy|counsel\w*|you\s+guys|your|programa|tratamiento|grupos?|horario|"
    r"seguro|inscrib\w*|empezar)\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?|¿|\b(?:do|does|can|could|is|are|how|what|when|where|which|who|will|would)\b|"
    r"\b(?:asking|wondering|want\s+to\s+know|info|information|como|cuando|donde|cuanto|que)\b",
    re.IGNORECASE,
)


def asks_about_the_program(text: str | None) -> bool:
    """A question (or "I'm asking / I want info") with a word about the program in it."""
    text = str(text or "")
    return bool(_ASKS.search(text)) and bool(_ABOUT_THE_PROGRAM.search(text))


# "How do we sign up for the program", "how does someone start your IOP", "what are the
# steps to enroll": asked plainly, it is the admission question whatever else the message
# says ("He is safe. How do we sign up" was read as a question about safety, role-play
# 2026-12-04). "how do i start tapering" is not one.
ENROLL_INTENT = "ask_admission_process"
_ENROLL = re.compile(
    r"\b(?:how|where)\s+(?:do|does|can|could|would|should)\s+(?:i|we|he|she|they|someone|somebody|my\s+\w+)\s+"
    r"(?:sign\s+(?:up|him\s+up|her\s+up|them\s+up)|enrol+|register|get\s+(?:him\s+|her\s+|them\s+)?(?:in|into|enrolled|signed\s+up)\b|"
    r"start\s+(?:the|your|this)\s+(?:program|iop)|join\s+(?:the|your)\s+(?:program|iop))|"
    r"\b(?:what\s+are\s+)?the\s+steps\s+to\s+(?:start|enrol+|sign\s+up|get\s+in)\b|"
    r"\bhow\s+(?:do|does|can)\s+(?:i|we|he|she|someone|somebody)\s+start\s+(?:the|your)\s+(?:iop|program)\b|"
    # Spanish: "como me inscribo", "como lo apunto al programa"
    r"\bc[oó]mo\s+(?:me|lo|la|nos|le)\s+(?:inscrib\w*|apunt\w*|registr\w*)\b|"
    r"\bc[oó]mo\s+(?:empiez\w*|empez\w*|entr\w*)\s+(?:al|en\s+el|el)\s+programa\b",
    re.IGNORECASE,
)


def asks_how_to_enroll(text: str | None) -> bool:
    """A plain question about how to sign up for the program."""
    return bool(_ENROLL.search(str(text or "")))


# "my name is Jose Garcia, what is IOP?": the plainest question there is, read as unsure
# (0.26) by one training of the classifier and answered by another
_WHAT_IS_IOP = re.compile(
    r"\bwhat\s+(?:is|'?s|does)\s+(?:an?\s+|the\s+)?(?:iop|intensive\s+outpatient(?:\s+program)?)\b"
    r"(?:\s+mean)?(?!\s+(?:schedule|cost|like\s+on))",
    re.IGNORECASE,
)


def asks_what_iop_is(text: str | None) -> bool:
    """ "What is IOP?" asked in so many words."""
    return bool(_WHAT_IS_IOP.search(str(text or "")))
