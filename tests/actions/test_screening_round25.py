"""Round 25 (blind v19 and es-v10, read): answers said ahead, together, in one message.

People answer the questions they expect, several at a time ("no seizures. not pregnant");
before, only the question asked was read and the others were asked again or dropped.
"""

from __future__ import annotations

from typing import Any, Dict

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import ValidateDetoxScreeningForm, care_told, prefilled
from iop_assistant.screening_answers import pregnancy_stated
from tests.actions.test_screening import asked, outcome, tracker


def _validate(slot: str, text: str, slots: Dict[str, Any], times: int = 1) -> Dict[str, Any]:
    form = ValidateDetoxScreeningForm()
    method = getattr(form, f"validate_{slot}")
    return method(text, CollectingDispatcher(), asked(slot, times, text, slots), {})


@pytest.mark.parametrize(
    "text, expected",
    [
        ("no seizures. and im a dude so not pregnant", False),
        ("No seizures, never had DTs. Not pregnant either, I'm a guy lol", False),
        ("had a seizure last summer when i ran out for a day. not pregnant btw", False),
        ("no estoy embarazada", False),
        ("im pregnant 10 wks and using oxys", True),
        ("Not that I know of. I don't believe she is pregnant but I can't be sure.", None),
        ("can i come if im pregnant?", None),
        ("i drink every day", None),
    ],
)
def test_pregnancy_said_plainly_or_not_at_all(text: str, expected: bool | None) -> None:
    assert pregnancy_stated(text) is expected


def test_a_frequency_answer_with_no_seizures_and_not_pregnant() -> None:
    """The pregnancy answer is kept; "no seizures" alone leaves the history question (seizures,
    the DTs or a hospital withdrawal) to be asked (tests/server: "no seizures, just the
    sweats" is followed by it)."""
    slots = {"screening_for": "self", "screening_substances": ["alcohol"]}
    result = _validate("screening_frequency", "every weekend. no seizures n not pregnant", slots)
    assert result["screening_frequency"] is not None
    assert "screening_complicated_history" not in result
    assert result["screening_pregnant"] == "no"
    both = _validate(
        "screening_frequency", "every weekend. no seizures or dts, not pregnant", slots
    )
    assert both["screening_complicated_history"] == "no"
    # round 26 (blind v20): the DTs follow alcohol, benzos and sleeping pills only, so for
    # crack and methadone "no seizures ever" answers the whole question
    opioid_and_stimulant = {**slots, "screening_substances": ["opioid", "stimulant"]}
    other = _validate(
        "screening_frequency", "every weekend. no seizures ever", opioid_and_stimulant
    )
    assert other["screening_complicated_history"] == "no"


def test_no_answer_to_the_question_asked_but_answers_to_later_ones_are_kept() -> None:
    """blind v19 a-r04: "No seizures, never had DTs. Not pregnant either" to "how often?"."""
    slots = {"screening_for": "self", "screening_substances": ["alcohol"]}
    text = "No seizures, never had DTs. Not pregnant either, I'm a guy lol"
    result = _validate("screening_frequency", text, slots)
    assert result["screening_frequency"] is None  # asked again, once
    assert result["screening_complicated_history"] == "no"
    assert result["screening_pregnant"] == "no"


def test_symptoms_with_no_seizures_or_dts_answers_the_history_question_too() -> None:
    """blind v19 b-s15: the seizure question came next as if nothing was said."""
    slots = {"screening_for": "self", "screening_substances": ["alcohol"]}
    text = "shakes every morning til i drink, sweats, cant eat. never had seizures or the dts"
    result = _validate("screening_symptoms", text, slots)
    assert "shakes" in result["screening_symptoms"]
    assert result["screening_complicated_history"] == "no"


def test_a_past_seizure_told_to_the_frequency_question_is_a_yes_to_history() -> None:
    slots = {"screening_for": "self", "screening_substances": ["sedative"]}
    text = "had a seizure last summer when i ran out for a day. not pregnant btw"
    result = _validate("screening_frequency", text, slots)
    assert result["screening_complicated_history"] == "yes"
    assert result["screening_pregnant"] == "no"


def test_an_answer_already_given_is_not_overwritten() -> None:
    slots = {"screening_for": "self", "screening_complicated_history": "yes"}
    result = _validate("screening_frequency", "every day, no seizures", slots)
    assert "screening_complicated_history" not in result


@pytest.mark.parametrize(
    "text, expected",
    [
        ("never been to detox or rehab", {"screening_recent_care": "no"}),
        ("no detox. i was in county for 2 weeks tho", {"screening_recent_care": "no"}),
        (
            "just finished a 5 day detox last week for heroin",
            {"screening_recent_care": "yes", "screening_care_30_days": "yes"},
        ),
        ("every day", {}),
    ],
)
def test_the_care_question_answered_in_so_many_words(text: str, expected: Dict[str, Any]) -> None:
    assert care_told(text) == expected


def test_who_it_is_for_answered_with_their_own_history_is_for_them() -> None:
    """blind v19 b-s14/b-s17: "Sorry, I didn't catch that. Are these questions about
    you...?" to someone telling their own history."""
    result = _validate("screening_for", "never been to detox or rehab", {})
    assert result["screening_for"] == "self"
    assert result["screening_recent_care"] == "no"
    other = _validate("screening_for", "he's never been to detox", {})
    assert other["screening_for"] == "other"


def test_its_for_me_in_the_first_message_is_not_asked() -> None:
    text = "can u tell me if i need detox first? its for me, i mostly binge drink on weekends"
    found = prefilled(tracker({}, text))
    assert found["screening_for"] == "self"
    family = prefilled(tracker({}, "does my son need detox first? he drinks every day"))
    assert family["screening_for"] == "other"


def test_weekend_cocaine_with_no_withdrawal_ends_in_iop_may_fit() -> None:
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["stimulant"],
        "screening_frequency": "weekly",
        "screening_last_use": "days",
        "screening_symptoms": ["none"],
        "screening_complicated_history": "no",
        "screening_pregnant": "no",
    }
    assert outcome(slots)[0] == "utter_screening_iop_may_fit"


def test_not_pregnant_in_the_first_message_is_not_asked_again() -> None:
    """blind es-v10 s02: "...uso coca los fines de semana cuando salgo. no estoy embarazada"."""
    text = "necesito saber si tengo que ir a detox. es para mi. uso coca. no estoy embarazada"
    assert prefilled(tracker({}, text))["screening_pregnant"] == "no"
    about_her = "does my daughter need detox? she drinks every day. im a guy, her dad"
    assert "screening_pregnant" not in prefilled(tracker({}, about_her))


def test_a_detox_just_finished_in_the_first_message_is_not_asked_about() -> None:
    """blind v19 a-r04: "I just got out of a 5 day detox yesterday..." then "have you recently
    finished detox?"."""
    text = "I just got out of a 5 day detox yesterday for alcohol. Do I need anything else first?"
    found = prefilled(tracker({}, text))
    assert found["screening_recent_care"] == "yes"
    assert found["screening_care_30_days"] == "yes"
    assert "screening_recent_care" not in prefilled(tracker({}, "do i need detox first? i drink"))


def test_for_me_in_the_request_wins_over_a_relative_named_before() -> None:
    """Round 25 widget check: "is narcan free? my brother uses", then "necesito saber si
    tengo que ir a detox. es para mi" got "¿Esa persona...?"."""
    from rasa_sdk import Tracker

    texts = [
        "is narcan free? my brother uses",
        "necesito saber si tengo que ir a detox. es para mi",
    ]
    events = [{"event": "user", "text": t, "parse_data": {"text": t}} for t in texts]
    latest = {"text": texts[-1], "intent": {"name": "request_detox_screening"}, "entities": []}
    tracker = Tracker("t", {}, latest, events, False, None, {}, "action_listen")
    assert prefilled(tracker)["screening_for"] == "self"


def test_es_para_mi_papa_is_for_someone_else():
    # blind es-v19, read in round 33: "es para mi papa" read as "es para mí"
    from actions.screening import _SAYS_FOR_ME

    assert not _SAYS_FOR_ME.search("me puede hacer el cuestionario de detox? es para mi papa")
    assert _SAYS_FOR_ME.search("necesito saber si tengo que ir a detox. es para mi")
