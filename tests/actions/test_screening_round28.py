"""Round 28 (blind v22 and es-v13, read): answers said in one breath, and out of turn.

A daily drinker with the shakes told a withdrawal seizure "about two years ago" to the
frequency question; the time was read as the last use ("months ago") and the outcome was
"IOP may fit". GHB "every couple hours" was read as a prescription. These pin the readings.
"""

from __future__ import annotations

import asyncio

from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import ValidateDetoxScreeningForm
from tests.actions.test_screening import outcome, tracker, validate


def test_a_past_seizure_with_a_time_is_history_not_the_last_use() -> None:
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["alcohol"],
        "screening_symptoms": ["shakes", "sweats"],
    }
    result, _ = validate(
        "screening_frequency",
        "yeah i had a seizure about two years ago when i tried quitting on my own",
        slots,
    )
    assert result is None
    # the whole answer, not only the slot asked
    form = ValidateDetoxScreeningForm()
    full = form.validate_screening_frequency(
        "yeah i had a seizure about two years ago when i tried quitting on my own",
        CollectingDispatcher(),
        tracker(slots, "yeah i had a seizure about two years ago"),
        {},
    )
    assert full.get("screening_complicated_history") == "yes"
    assert "screening_last_use" not in full


def test_how_often_and_when_last_come_with_what_they_use() -> None:
    form = ValidateDetoxScreeningForm()
    text = (
        "alcohol beer all day and then vodka at night pretty much every day about a fifth "
        "last drink was this morning"
    )
    result = form.validate_screening_substances(
        text, CollectingDispatcher(), tracker({"screening_for": "self"}, text), {}
    )
    assert result["screening_substances"] == ["alcohol"]
    assert result["screening_frequency"] == "daily"
    assert result["screening_last_use"] == "today"


def test_an_amount_a_day_is_not_a_last_use() -> None:
    form = ValidateDetoxScreeningForm()
    text = "xanax bars, like 4-6 a day for about a year"
    result = form.validate_screening_substances(
        text, CollectingDispatcher(), tracker({"screening_for": "self"}, text), {}
    )
    assert result["screening_frequency"] == "daily"
    assert "screening_last_use" not in result


def test_naming_the_drug_again_with_how_often_is_no_prescription() -> None:
    slots = {"screening_for": "self", "screening_substances": ["sedative"]}
    result, said = validate(
        "screening_prescribed",
        "GHB like i said every couple hours day and night last dose was like an hour ago",
        slots,
    )
    assert result is None
    assert said == ["utter_screening_noted"]


def test_every_couple_hours_is_daily() -> None:
    from iop_assistant.screening_answers import parse_frequency

    assert parse_frequency("every couple hours day and night") == "daily"
    assert parse_frequency("cada dos horas") == "daily"


def test_never_in_detox_after_a_yes_to_the_questions_is_a_no() -> None:
    """ "si por favor. nunca ha estado internado ni en detox" (blind es-v13)."""
    result, _ = validate(
        "screening_recent_care",
        "si por favor. nunca ha estado internado ni en detox. lo ultimo que tomo fue hoy",
        {"screening_for": "other", "language": "es"},
    )
    assert result == "no"


def test_a_leading_no_answers_use_since_care() -> None:
    result, _ = validate(
        "screening_use_since_care",
        "no, I feel okay now. sleeping better, no shakes",
        {"screening_for": "self", "screening_recent_care": "yes", "screening_care_30_days": "yes"},
    )
    assert result == "no"


def test_a_dont_know_left_by_an_answer_out_of_turn_can_be_told_later() -> None:
    """ "No, it is not prescribed" to "when did you last use?" left a don't-know; "Last
    night before bed." to the symptoms question then fills it."""
    form = ValidateDetoxScreeningForm()
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["benzodiazepine"],
        "screening_prescribed": [],
        "screening_frequency": "daily",
        "screening_last_use": "unknown",
    }
    result = form.validate_screening_symptoms(
        "Last night before bed.", CollectingDispatcher(), tracker(slots, "Last night"), {}
    )
    assert result["screening_symptoms"] is None
    assert result["screening_last_use"] == "today"


def test_daily_street_benzos_with_withdrawal_is_detox_first() -> None:
    response, _ = outcome(
        {
            "screening_for": "self",
            "screening_recent_care": "no",
            "screening_substances": ["benzodiazepine"],
            "screening_prescribed": [],
            "screening_frequency": "daily",
            "screening_last_use": "today",
            "screening_symptoms": ["anxiety", "insomnia", "shakes"],
        }
    )
    assert response == "utter_screening_detox_first"


def test_not_prescribed_said_with_the_answer_keeps_the_answer() -> None:
    """ "never been to detox. and no they're not prescribed to me" (blind v22: "I've fixed
    that" and the 30-day question)."""
    text = "never been to detox. and no they're not prescribed to me"
    slots = {
        "screening_for": "self",
        "screening_substances": ["benzodiazepine"],
        "requested_slot": "screening_recent_care",
        "screening_recent_care": text,  # the form's from_text mapping, before validation
    }
    state = tracker(slots, text, intent="deny")
    state.events.append({"event": "slot", "name": "screening_recent_care", "value": text})
    domain = {
        "forms": {"detox_screening_form": {"required_slots": ["screening_recent_care"]}},
        "slots": {"screening_recent_care": {"type": "any", "mappings": [{"type": "from_text"}]}},
    }
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateDetoxScreeningForm().run(dispatcher, state, domain))
    assert SlotSet("screening_prescribed", []) in events
    assert SlotSet("screening_recent_care", "no") in events
    assert "utter_screening_corrected" not in [m.get("response") for m in dispatcher.messages]


def test_why_at_the_first_question_is_answered_and_asked_again() -> None:
    result, said = validate("screening_for", "why do you need to know that?", {})
    assert result is None
    assert said == ["utter_screening_why"]


def test_nothing_since_answers_use_since_care() -> None:
    """ "alcohol, every day before detox, nothing since" (blind v22, SMS)."""
    from iop_assistant.form_answers import used_since_care

    assert used_since_care("alcohol, every day before detox, nothing since") == "no"
    assert used_since_care("yes, i drank since") == "yes"
    form = ValidateDetoxScreeningForm()
    text = "yes. alcohol, every day before detox, nothing since. last drink was 9 days ago"
    slots = {"screening_for": "self", "screening_recent_care": "yes"}
    result = form.validate_screening_care_30_days(
        text, CollectingDispatcher(), tracker(slots, text), {}
    )
    assert result["screening_use_since_care"] == "no"


def test_not_pregnant_if_you_ask_is_not_a_hedge() -> None:
    from iop_assistant.screening_answers import pregnancy_stated

    assert pregnancy_stated("nope never. not pregnant either if u ask that") is False
    assert pregnancy_stated("not pregnant i think") is None


def test_spanish_answers_in_one_breath() -> None:
    """Blind es-v13: "sintomas nada... y no estoy embarazada" and "embarazo menos jaja soy
    vato" were asked again."""
    from iop_assistant.screening_answers import pregnancy_stated

    assert pregnancy_stated("recetado tampoco obvio, y embarazo menos jaja soy vato") is False
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["alcohol"],
        "screening_frequency": "weekly",
        "language": "es",
    }
    form = ValidateDetoxScreeningForm()
    text = (
        "sintomas nada, solo la cruda del domingo jaja. convulsiones nunca. y no estoy embarazada"
    )
    result = form.validate_screening_last_use(
        text, CollectingDispatcher(), tracker(slots, text), {}
    )
    assert result["screening_symptoms"] == ["none"]
    assert result["screening_pregnant"] == "no"
    answer, _ = validate(
        "screening_pregnant",
        "no, convulsiones nunca. recetado tampoco obvio, y embarazo menos jaja soy vato",
        {**slots, "screening_symptoms": ["none"], "screening_last_use": "days"},
    )
    assert answer == "no"
