"""Words a bad line or quick texting cut into pieces are read together for danger.

A caller on a bad line got through only "my son", then "pills", then "not waking"
(caller role-play round 35): each piece alone is nothing ("not waking" was read as a
"no", and answered "That's okay"). When a short message follows one or two short
messages, the pieces are joined and read again; if the joined words are a crisis the
crisis guard recognises (its lexicon, not the classifier's guess), the message is that
crisis. Nothing else about the message changes.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from iop_assistant.nlu.crisis_updates import GUARD_ENTITIES

FRAGMENT_WORDS = 4  # a piece: this many words or fewer
PIECES_BEFORE = 2  # how many earlier pieces may be joined
CRISIS_INTENT = "crisis"


def _is_piece(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= FRAGMENT_WORDS and not text.startswith("/")


def joined_pieces(text: str, earlier: List[str]) -> str | None:
    """The message joined to the short messages just before it, or None when it is not a
    piece or nothing short came before."""
    if not _is_piece(text):
        return None
    pieces: List[str] = []
    for before in reversed(earlier[-PIECES_BEFORE:]):
        if not _is_piece(before):
            break
        pieces.insert(0, before.strip(" .…"))
    if not pieces:
        return None
    return " ".join([*pieces, text.strip(" .…")])


def guard_entities(parse_data: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [e for e in parse_data.get("entities") or [] if e.get("entity") in GUARD_ENTITIES]


def take_the_joined_crisis(parse_data: Dict[str, Any], joined: Dict[str, Any]) -> bool:
    """Makes ``parse_data`` the crisis the joined pieces are, when the guard found one."""
    found = guard_entities(joined)
    if (joined.get("intent") or {}).get("name") != CRISIS_INTENT or not found:
        return False
    kept = [e for e in parse_data.get("entities") or [] if e.get("entity") not in GUARD_ENTITIES]
    parse_data["intent"] = {"name": CRISIS_INTENT, "confidence": 1.0}
    parse_data["entities"] = kept + found
    parse_data["joined_pieces"] = joined.get("text")
    return True


# inside a form short answers follow short answers ("no", "daily", "beer"): there only a
# piece with a word of danger is joined ("my husband" / "drank" / "won't wake": caller
# role-play round 36, where "drank" had started the detox questions)
_DANGER_PIECE = re.compile(
    r"\b(?:wake|waking|woke|breath\w*|blue|seiz\w*|overdos\w*|od|dying|die|dead|kill|bleed\w*|gun|"
    r"unconscious|passed\s+out|not\s+moving|shaking|despierta|respira|convuls\w*)\b",
    re.IGNORECASE,
)


def may_join(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """Only a message that is not already a crisis (or an update); inside a form, only a
    piece with a word of danger."""
    name = (parse_data.get("intent") or {}).get("name")
    if name in (CRISIS_INTENT, "crisis_update") or guard_entities(parse_data):
        return False
    if getattr(tracker, "active_loop_name", None):
        return bool(_DANGER_PIECE.search(str(parse_data.get("text") or "")))
    return True
