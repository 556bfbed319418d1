"""A person telling of withdrawal signs is offered the detox questions, not a menu.

"He does get the shakes in the morning, he has a drink first thing to steady his hands.
He really doesn't want to go to a hospital." got "Did you mean one of these?" with three
unrelated topics (caller role-play 2026-12-04, late): a textbook sign of dangerous
alcohol withdrawal. When the classifier is unsure and the words name a withdrawal sign
together with drinking or using, the message is a story about use (the reply offers the
detox questions and warns against stopping alone). Signs happening now in a way that is
an emergency stay with the crisis guard, which runs after this.
"""

from __future__ import annotations

import re

from iop_assistant import screening_answers, screening_rules, substances

STORY_INTENT = "inform_use"
_USE_WORDS = re.compile(
    r"\b(?:drink\w*|drank|drunk|booze|alcohol|using|uses|used|high|withdraw\w*|detox\w*|"
    r"dope\s*sick|sick\s+without|pills?|meds|bebe|tomando|usando)\b",
    re.IGNORECASE,
)


def tells_of_withdrawal(text: str | None) -> bool:
    """Names a withdrawal sign (shakes, sweats, can't sleep) and drinking or a drug."""
    cleaned = str(text or "")
    signs = screening_answers.parse_symptoms(cleaned) - {screening_rules.NO_SYMPTOMS}
    if not signs:
        return False
    return bool(_USE_WORDS.search(cleaned)) or bool(substances.categories_in_text(cleaned))
