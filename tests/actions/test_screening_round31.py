"""Round 31 (v25/es-v16 conversation failures, read after they were measured blind): the
screening and callback forms, run with rasa-sdk's Tracker and CollectingDispatcher.

Someone five weeks clean, out of residential care, was asked how often they use; "no seizures
ever, nothing prescribed, not pregnant (guy)" became the pregnancy answer word for word;
"did detox in march, relapsed" (in December) was taken as recent care with no use since; a
relative who knew none of the answers was asked each question; "this number but pls dont
leave a voicemail" was a no to the number; "mornings" to the number question got "not a US
number" three times.
"""

from __future__ import annotations

import asyncio
import datetime

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.callback import ValidateCallbackForm, best_time_answer
from actions.screening import (
    ValidateDetoxScreeningForm,
    not_known_at_all,
    prefilled,
    recent_care_answer,
)
from iop_assistant import form_answers
from tests.actions.test_screening import tracker


def test_nothing_used_since_a_recent_stay_skips_how_often_and_when() -> None:
    form = ValidateDetoxScreeningForm()
    slots = {
        "screening_for": "self",
        "screening_recent_care": "yes",
        "screening_care_30_days": "yes",
        "screening_use_since_care": "no",
        "screening_substances": ["opioid", "benzodiazepine"],
    }
    track = tracker(slots, "no withdrawal now")
    required = asyncio.run(
        form.required_slots(
            list(form.domain_slots({"forms": {}}) or [])
            or [
                "screening_for",
                "screening_recent_care",
                "screening_care_30_days",
                "screening_use_since_care",
                "screening_substances",
                "screening_prescribed",
                "screening_frequency",
                "screening_last_use",
                "screening_symptoms",
            ],
            CollectingDispatcher(),
            track,
            {},
        )
    )
    assert "screening_frequency" not in required
    assert "screening_last_use" not in required


def test_a_named_month_says_whether_the_stay_was_recent() -> None:
    december = datetime.date(2026, 12, 7)
    assert form_answers.care_month_within_30_days("did detox in march", december) == "no"
    assert form_answers.care_month_within_30_days("got out in november", december) == "yes"
    assert form_answers.care_month_within_30_days("no month here", december) is None
    answer, slots = recent_care_answer("did detox in march, relapsed. last used 3 hrs ago")
    assert answer == "yes"
    if datetime.date.today().month not in (3, 4):
        assert slots["screening_care_30_days"] == "no"


def test_relapsed_and_last_used_the_day_she_went_in() -> None:
    assert form_answers.used_since_care("relapsed") == "yes"
    said = "heroin, every day before detox. last used the day she went in, last saturday"
    assert form_answers.used_since_care(said) == "no"


def test_a_prescription_said_after_a_leading_no_is_kept() -> None:
    text = (
        "No withdrawal now, never had a seizure. The suboxone I'm on is prescribed by the "
        "rehab doctor."
    )
    track = tracker({"screening_substances": ["opioid", "benzodiazepine"]}, text)
    result = ValidateDetoxScreeningForm().validate_screening_prescribed(
        text, CollectingDispatcher(), track, {}
    )
    assert result["screening_prescribed"] == ["opioid"]


def test_a_correction_with_the_answer_clears_the_raw_text_of_the_question() -> None:
    text = "wait sorry i hit the wrong one, nothing is prescribed"
    slots = {
        "screening_for": "self",
        "screening_substances": ["benzodiazepine"],
        "screening_prescribed": ["benzodiazepine"],
        "screening_pregnant": text,  # what the form's from_text mapping put there
        "requested_slot": "screening_pregnant",
    }
    events = [{"event": "active_loop", "name": "detox_screening_form"}]
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.8}, "entities": []}
    events.append({"event": "user", "text": text, "parse_data": latest})
    track = Tracker(
        "fix", slots, latest, events, False, None, {"name": "detox_screening_form"}, "action_listen"
    )
    result = asyncio.run(ValidateDetoxScreeningForm().run(CollectingDispatcher(), track, {}))
    values = {e["name"]: e["value"] for e in result if e.get("event") == "slot"}
    assert values["screening_prescribed"] == []
    assert values["screening_pregnant"] is None


def test_several_dont_knows_are_all_unknown() -> None:
    track = tracker({"screening_for": "other"}, "")
    said = "honestly i dont know how often or when she last used or if she gets withdrawals"
    unknown = not_known_at_all("screening_frequency", said, track)
    assert unknown["screening_frequency"] == "unknown"
    assert unknown["screening_last_use"] == "unknown"
    assert unknown["screening_symptoms"] == ["unknown"]
    assert not_known_at_all("screening_frequency", "every day, dont know when", track) == {}


def test_other_peoples_use_in_a_question_is_not_their_own() -> None:
    text = (
        "does iop work for like ketamine and whippets or is it just for alcohol and heroin people"
    )
    track = tracker({}, text)
    assert prefilled(track).get("screening_substances") == ["other"]


def test_a_time_told_when_the_number_is_asked_is_kept() -> None:
    dispatcher = CollectingDispatcher()
    result = asyncio.run(
        ValidateCallbackForm().validate_callback_phone(
            "mornings", dispatcher, tracker({}, "mornings"), {}
        )
    )
    assert result == {"callback_phone": None, "callback_best_time": "morning"}
    assert [m.get("response") for m in dispatcher.messages] == ["utter_callback_time_kept"]


def test_a_changed_time_takes_the_one_after_better() -> None:
    assert best_time_answer("ay no espera en la manana trabajo, mejor en la noche") == "evening"
    assert best_time_answer("mornings") == "morning"
