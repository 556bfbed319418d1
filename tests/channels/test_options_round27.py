"""Round 28 role-play: "2. no" to a numbered yes/no question is the No option."""

from __future__ import annotations

from iop_assistant.channels.options import select_option

YES_NO = [
    {"number": 1, "title": "Yes", "payload": "yes"},
    {"number": 2, "title": "No", "payload": "no"},
]


def test_a_number_with_its_own_title_picks_that_option() -> None:
    assert select_option("2. no", YES_NO) == YES_NO[1]
    assert select_option("1 yes", YES_NO) == YES_NO[0]


def test_a_number_with_another_title_picks_nothing() -> None:
    assert select_option("2 yes", YES_NO) is None
