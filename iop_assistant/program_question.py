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
    r"seguro|inscribir\w*|empezar)\b",
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
