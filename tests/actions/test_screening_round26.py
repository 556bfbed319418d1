"""Round 26 (blind v20 and es-v11, read): the screening's opening and its first answers.

The blind conversations expected few questions: people say who it is for and their own
history in one breath ("its for me. never been to rehab or detox"), and a relative who
asked "does my husband need detox first?" read "Have they recently finished detox...?"
with no opening, and answered "ok yes, its for my husband".
"""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import INTRO_RESPONSE, ValidateDetoxScreeningForm
from iop_assistant import domain_files
from tests.actions.test_screening import asked, told
from tests.actions.test_screening_round25 import _validate


def _first_run(*texts: str) -> tuple[Dict[str, Any], List[str]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(
        ValidateDetoxScreeningForm().run(dispatcher, told(*texts), domain_files.load_raw())
    )
    said = [str(m.get("response")) for m in dispatcher.messages]
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}, said


def test_the_opening_is_said_when_who_it_is_for_was_told_already() -> None:
    slots, said = _first_run("does my husband need detox first? he drinks every night")
    assert slots["screening_for"] == "other"
    assert slots["requested_slot"] not in (None, "screening_for")
    assert said == [INTRO_RESPONSE]


def test_no_second_opening_when_who_it_is_for_is_the_first_question() -> None:
    slots, said = _first_run("can you check if i need detox")
    assert slots["requested_slot"] == "screening_for"
    assert INTRO_RESPONSE not in said


@pytest.mark.parametrize(
    "text, care",
    [
        ("sure go ahead ask. its for me. never been to rehab or detox", "no"),
        ("yeah lets do it. for me. no detox or rehab ever", "no"),
        ("It's for my mother, not me. She has never been in detox or any treatment", "no"),
        ("yes its me. finished detox yesterday, it was 5 days", "yes"),
    ],
)
def test_who_it_is_for_keeps_the_care_history_told_with_it(text: str, care: str) -> None:
    result = _validate("screening_for", text, {})
    assert result["screening_for"] in ("self", "other")
    assert result["screening_recent_care"] == care


def test_never_been_anywhere_like_that_is_their_own_history() -> None:
    result = _validate("screening_for", "no never been anywhere like that. just weed daily", {})
    assert result["screening_for"] == "self"
    assert result["screening_recent_care"] == "no"


def test_a_yes_to_the_questions_is_not_a_yes_to_recent_care() -> None:
    form = ValidateDetoxScreeningForm()
    slots = {"screening_for": "other"}
    text = "ok yes, its for my husband"
    result = form.validate_screening_recent_care(
        text, CollectingDispatcher(), asked("screening_recent_care", 1, text, slots), {}
    )
    assert result == {"screening_recent_care": None}
    plain = form.validate_screening_recent_care(
        "yes", CollectingDispatcher(), asked("screening_recent_care", 1, "yes", slots), {}
    )
    assert plain["screening_recent_care"] == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "for me, never been to rehab. crack twice a month, last time 2 weeks ago. no withdrawal"
        " just tired after, never had a seizure, not pregnant",
    ],
)
def test_everything_told_to_the_first_question_is_kept(text: str) -> None:
    result = _validate("screening_for", text, {"screening_substances": ["stimulant"]})
    assert result["screening_for"] == "self"
    assert result["screening_recent_care"] == "no"
    assert result["screening_symptoms"] == ["none"]
    assert result["screening_complicated_history"] == "no"
    assert result["screening_pregnant"] == "no"


def test_the_prescription_and_last_use_told_first_are_kept() -> None:
    slots, _ = _first_run(
        "i take 4 xanax bars a day that i get from a plug, last one this morning. do i need detox"
    )
    assert slots["screening_prescribed"] == []
    assert slots["screening_last_use"] == "today"


def test_a_time_told_about_care_is_no_last_use() -> None:
    text = "not in the last month no. was in the hospital 2019"
    result = _validate("screening_recent_care", text, {"screening_for": "self"})
    assert "screening_last_use" not in result
