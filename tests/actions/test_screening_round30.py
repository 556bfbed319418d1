"""Round 30 (blind v24/es-v15 failures, read after they were measured): answers said together.

"yeah i had the d t's last time i quit i was in the hospital for it and no i cant be pregnant"
(voice) was asked again and never reached "detox first"; "last night. my hands shake a little
in the morning" to "when did you last use?" was followed by the symptoms question; "no shakes
or anything, just tired and kinda down" was a "not sure"; a pregnancy said in the first message
was asked about later; "been smoking fent every day" was asked "is this about you?".
"""

from __future__ import annotations

from actions.screening import prefilled, pregnancy_told_before
from iop_assistant import screening_answers
from tests.actions.test_screening import tracker, validate


def test_past_dts_said_with_a_no_about_pregnancy_is_a_yes() -> None:
    text = (
        "yeah i had the d t's last time i quit i was in the hospital for it and no i cant be "
        "pregnant"
    )
    assert validate("screening_complicated_history", text)[0] == "yes"
    reading = screening_answers.read_emergency(text)
    assert not reading.now, "the pregnancy's 'cant' is no sign happening now"
    assert "confusion" in reading.past


def test_symptoms_said_with_the_last_use_are_kept() -> None:
    text = "last night. my hands shake a little in the morning. no seizures. not pregnant"
    form_tracker = tracker({"screening_substances": ["alcohol", "benzodiazepine"]}, text)
    from rasa_sdk.executor import CollectingDispatcher

    from actions.screening import ValidateDetoxScreeningForm

    result = ValidateDetoxScreeningForm().validate_screening_last_use(
        text, CollectingDispatcher(), form_tracker, {}
    )
    assert result["screening_last_use"] == "days" or result["screening_last_use"]
    assert result["screening_symptoms"] == ["shakes"]
    assert result["screening_pregnant"] == "no"


def test_no_shakes_then_a_later_kinda_is_still_no_symptoms() -> None:
    text = "no shakes or anything, just tired and kinda down for a couple days after"
    assert screening_answers.parse_symptoms(text) == {"none"}
    assert screening_answers.parse_symptoms("no, kinda") == set()


def test_a_pregnancy_said_first_is_not_asked_again() -> None:
    text = "im 14 weeks pregnant and using pain pills i buy off the street. do i need detox?"
    assert pregnancy_told_before(tracker({"screening_for": "self"}, text)) is True
    assert pregnancy_told_before(tracker({"screening_for": "other"}, text)) is None


def test_ones_own_use_told_first_says_who_it_is_for() -> None:
    for text in (
        "been smoking fent every day for like 2 years, want to get clean. do i need detox",
        "i take kratom every day, like 30-40 grams. trying to figure out if i need detox",
        "hi I just finished 30 days inpatient for alcohol and pills. do I have to do detox again",
    ):
        assert prefilled(tracker({}, text)).get("screening_for") == "self", text
    assert "screening_for" not in prefilled(tracker({}, "my wife says i have to ask this thing"))


def test_out_of_detox_told_first_is_about_oneself() -> None:
    text = "got out of detox tuesday for opiates, they said do IOP next. do i need anything else"
    assert prefilled(tracker({}, text)).get("screening_for") == "self"


def test_a_prescription_said_with_the_care_answer_is_kept() -> None:
    from rasa_sdk.executor import CollectingDispatcher

    from actions.screening import ValidateDetoxScreeningForm

    text = (
        "im on suboxone now from the detox doc so yes thats prescribed. last used fent 9 days ago"
    )
    slots = {"screening_for": "self", "screening_substances": ["opioid"]}
    result = ValidateDetoxScreeningForm().validate_screening_recent_care(
        text, CollectingDispatcher(), tracker(slots, text), {}
    )
    assert result["screening_recent_care"] == "yes"
    assert result["screening_prescribed"] == ["opioid"]


def test_weeks_since_a_missed_shot_is_no_last_drink_for_a_daily_drinker() -> None:
    # caller role-play round 31: "IOP may fit" for morning shakes until a drink
    text = (
        "Honestly I missed my last shot, its been like five weeks, and Ive been drinking again. "
        ". Do I need detox first? Ive been drinking every day for like three weeks."
    )
    found = prefilled(tracker({}, text))
    assert found["screening_frequency"] == "daily"
    assert "screening_last_use" not in found
