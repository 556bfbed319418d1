"""Fuzz the message cap every channel applies before Rasa (issue 14, item 6).

Invariants: ``cap_message`` never raises; what it returns is at most
``MAX_MESSAGE_CHARS`` plus the mark; a capped message keeps the person's first
part and ends with their last characters (where a crisis may be written); a
short one is unchanged. The crisis guard's ``bounded_for_reading`` keeps both
ends and stays bounded. After the cap, the cleaned text the NLU pipeline reads
never starts with intent syntax.
"""

from __future__ import annotations

import atheris
from harness import run, text

with atheris.instrument_imports(include=["iop_assistant"]):
    from iop_assistant.channels.message_size import (
        CUT_MARK,
        HEAD_CHARS,
        MAX_MESSAGE_CHARS,
        TAIL_CHARS,
        bounded_for_reading,
        cap_message,
    )
    from iop_assistant.channels.webhook import defuse_intent_syntax
    from iop_assistant.input_text import defused_clean_text


def one_input(raw: bytes) -> None:
    data = atheris.FuzzedDataProvider(raw)
    body = text(data, 200) * data.ConsumeIntInRange(1, 60)
    kept, truncated = cap_message(body)
    assert kept is not None  # text in, text out
    assert len(kept) <= MAX_MESSAGE_CHARS + len(CUT_MARK)
    if truncated is None:
        assert kept == body and len(body) <= MAX_MESSAGE_CHARS
    else:
        assert kept.startswith(body[:HEAD_CHARS]) and kept.endswith(body[-TAIL_CHARS:])
        assert truncated["original_chars"] == len(body)
    read = bounded_for_reading(body, head=500, tail=100)
    assert (
        len(read) <= 603
        and read.startswith(body[:500])
        and read.endswith(body[-100:] if body else "")
    )
    cleaned = defused_clean_text(defuse_intent_syntax(kept))
    assert not cleaned.startswith("/"), (kept[:80], cleaned[:80])


if __name__ == "__main__":
    run(one_input)
