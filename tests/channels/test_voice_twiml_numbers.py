"""The help line's number read out to a caller writing it down (caller role-play 2026-12-05)."""

from __future__ import annotations

import pytest

from iop_assistant.channels import voice_twiml
from iop_assistant.channels.voice import digit_by_digit


def test_the_number_is_read_digit_by_digit_in_groups():
    assert digit_by_digit("(888) 783-3291") == "8 8 8, 7 8 3, 3 2 9 1"


@pytest.mark.parametrize(
    "speech",
    [
        "what was that phone number? say it slower",
        "I just want the number so I can write it down",
        "cual es el numero",
    ],
)
def test_asking_for_the_number(speech):
    assert voice_twiml.asks_for_the_number(speech)


@pytest.mark.parametrize("speech", ["connect me to the help line", "what is the number for 988"])
def test_other_words_are_not_asking_for_the_number(speech):
    assert not voice_twiml.asks_for_the_number(speech)


@pytest.mark.parametrize("speech", ["Stop connecting me!", "I didn't want to be connected"])
def test_declining_a_transfer(speech):
    assert voice_twiml.declines_a_transfer(speech)
