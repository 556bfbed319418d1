"""The message cap every channel applies (issue 14, item 6)."""

from iop_assistant.channels.message_size import (
    CUT_MARK,
    HEAD_CHARS,
    MAX_MESSAGE_CHARS,
    TAIL_CHARS,
    bounded_for_reading,
    cap_message,
    request_max_bytes,
)


def test_short_messages_pass_unchanged():
    assert cap_message("hello") == ("hello", None)
    assert cap_message("") == ("", None)
    assert cap_message(None) == (None, None)
    exact = "a" * MAX_MESSAGE_CHARS
    assert cap_message(exact) == (exact, None)


def test_long_messages_keep_the_first_part_and_the_end():
    text = "A" * 10_000 + "I want to die"
    kept, truncated = cap_message(text)
    assert kept.startswith("A" * HEAD_CHARS) and kept.endswith("I want to die")
    assert CUT_MARK in kept and len(kept) == HEAD_CHARS + len(CUT_MARK) + TAIL_CHARS
    assert truncated == {
        "original_chars": len(text),
        "dropped_chars": len(text) - HEAD_CHARS - TAIL_CHARS,
    }


def test_readers_see_a_bounded_prefix_and_suffix():
    text = "start " + "x" * 1_000_000 + " end"
    read = bounded_for_reading(text)
    assert read.startswith("start") and read.endswith("end") and len(read) < 11_000


def test_request_limit_from_the_environment():
    assert request_max_bytes({}) == 1_000_000
    assert request_max_bytes({"IOP_REQUEST_MAX_BYTES": "50000"}) == 50_000
    assert request_max_bytes({"IOP_REQUEST_MAX_BYTES": "junk"}) == 1_000_000
    assert request_max_bytes({"IOP_REQUEST_MAX_BYTES": "10"}) == 16_384
