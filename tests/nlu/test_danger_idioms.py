"""Idioms built from danger words are not a crisis when only the classifier says so."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.danger_idioms import is_idiom_only


@pytest.mark.parametrize(
    "text",
    [
        "my cousin hit me up last week about your program",
        "i kind of jumped the gun and quit my job already",
        "gonna bite the bullet and call the intake line",
        "need a little breathing room at work, do you have evening groups",
        "just want to get this off my chest before group",
        "we're cutting ties with the old crowd",
        "told my mom til i was blue in the face",
    ],
)
def test_idioms_hold_every_danger_word(text: str) -> None:
    assert is_idiom_only(text)


@pytest.mark.parametrize(
    "text",
    [
        "gonna bite the bullet and end it tonight",
        "he hit me up then hit me hard in the face",
        "breathing room is the least of it, she's not breathing",
        "i want to die",
        "what are your hours",
    ],
)
def test_danger_beside_an_idiom_or_no_idiom_is_left_alone(text: str) -> None:
    assert not is_idiom_only(text)
