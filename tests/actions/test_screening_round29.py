"""Round 29 (caller role-play round 30): a past seizure's time in the message that starts
the screening is not the last drink.

"I drink every day, pretty much a fifth, and I get the shakes in the morning", then "okay
but I had a seizure last year when I tried to quit on my own. do I need detox first": the
words before the first question were read together and "last year" became the last drink,
so a daily drinker with the shakes and a withdrawal seizure got "IOP may fit", three times.
"""

from __future__ import annotations

from actions.screening import last_use_outside_withdrawal_stories, prefilled
from tests.actions.test_screening import tracker


def test_a_seizure_last_year_is_not_the_last_drink() -> None:
    text = (
        "yeah I drink every day, pretty much a fifth, and I get the shakes in the morning . "
        "okay but I had a seizure last year when I tried to quit on my own. do I need detox first"
    )
    found = prefilled(tracker({}, text))
    assert found["screening_substances"] == ["alcohol"]
    assert "screening_last_use" not in found


def test_a_last_drink_said_beside_the_seizure_is_still_read() -> None:
    text = "had a seizure last year when i quit. last drink was this morning"
    assert last_use_outside_withdrawal_stories(text) is not None
    assert last_use_outside_withdrawal_stories("had a seizure last year when i quit") is None
