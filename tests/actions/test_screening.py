"""The screening form's validation and outcome, with rasa-sdk's Tracker and CollectingDispatcher."""

from __future__ import annotations

import asyncio
from typing import Any, Dict, List

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.screening import (
    ActionScreeningOutcome,
    ValidateDetoxScreeningForm,
    answers_from,
    symptoms_answer,
)
from iop_assistant import screening_answers, screening_rules

FORM_SLOTS = [
    "screening_for",
    "screening_recent_care",
    "screening_care_30_days",
    "screening_use_since_care",
    "screening_substances",
    "screening_prescribed",
    "screening_frequency",
    "screening_last_use",
    "screening_symptoms",
    "screening_emergency_now",
    "screening_complicated_history",
    "screening_drinks",
    "screening_pregnant",
    "screening_age",
    "screening_medical",
    "screening_blackouts",
]


def tracker(
    slots: Dict[str, Any],
    text: str = "",
    intent: str = "affirm",
    confidence: float = 0.9,
    entities: List[dict] | None = None,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": entities or [],
    }
    events = [{"event": "user", "text": text, "parse_data": latest}]
    return Tracker(
        "screen",
        slots,
        latest,
        events,
        False,
        None,
        {"name": "detox_screening_form"},
        "action_listen",
    )


def validate(slot: str, text: str, slots: Dict[str, Any] | None = None, **kwargs):
    dispatcher = CollectingDispatcher()
    form = ValidateDetoxScreeningForm()
    method = getattr(form, f"validate_{slot}")
    result = method(text, dispatcher, tracker(slots or {}, text, **kwargs), {})
    return result[slot], [m.get("response") for m in dispatcher.messages]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("For me", "self"),
        ("me", "self"),
        ("its for myself", "self"),
        ("For someone else", "other"),
        ("my son", "other"),
        ("asking for my husband", "other"),
        ("my best friend", "other"),
    ],
)
def test_who_it_is_for(text, expected):
    assert validate("screening_for", text)[0] == expected


@pytest.mark.parametrize(
    "text,entities,expected",
    [
        (
            "xanax bars mostly",
            [{"entity": "SUBSTANCE", "value": "xanax"}, {"entity": "SUBSTANCE", "value": "bars"}],
            ["benzodiazepine"],
        ),
        (
            "fent and percs",
            [{"entity": "SUBSTANCE", "value": "fent"}, {"entity": "SUBSTANCE", "value": "percs"}],
            ["opioid"],
        ),
        ("alcohol", None, ["alcohol"]),
        ("benzos", None, ["benzodiazepine"]),
        ("opioids", None, ["opioid"]),
        ("vodka, and some weed", None, ["alcohol", "cannabis"]),
        ("something else", None, ["other"]),
        ("bath salts i think", None, ["other"]),
        ("none", None, []),
        ("no idea", None, ["unknown"]),
        ("no clue", None, ["unknown"]),
        ("not sure what he takes", None, ["unknown"]),
        ("nothing right now, but I drank daily until Sunday", None, ["alcohol"]),
        ("xanax and i dont know what else", None, ["benzodiazepine", "other"]),
        ("soma and ambien", None, ["sedative"]),
        ("GHB on weekends", None, ["sedative"]),
        ("gabapentin, lots of it", None, ["sedative"]),
        ("phenobarbital", None, ["sedative"]),
        ("phenibut", None, ["sedative"]),
        ("suboxone", None, ["opioid"]),
    ],
)
def test_substances_become_categories(text, entities, expected):
    assert validate("screening_substances", text, entities=entities)[0] == expected


def test_program_question_mid_form_is_answered_and_asked_again():
    value, responses = validate(
        "screening_frequency",
        "how long is the program",
        intent="ask_program_length",
        confidence=0.93,
    )
    assert value is None
    assert responses == ["utter_ask_program_length"]


def test_unclear_answer_is_unknown_not_a_loop():
    value, responses = validate(
        "screening_frequency", "hmm its complicated", intent="deny", confidence=0.4
    )
    assert value == "unknown" and responses == []


@pytest.mark.parametrize(
    "slot,text,expected",
    [
        ("screening_frequency", "every day", "daily"),
        ("screening_frequency", "most days", "most_days"),
        ("screening_frequency", "about once a week", "weekly"),
        ("screening_last_use", "this morning", "today"),
        ("screening_last_use", "over a month ago", "months"),
        ("screening_recent_care", "Yes", "yes"),
        ("screening_recent_care", "nope", "no"),
        ("screening_recent_care", "Not sure", "unknown"),
        ("screening_complicated_history", "yeah i had a seizure once", "yes"),
        ("screening_care_30_days", "Yes", "yes"),
        ("screening_care_30_days", "no", "no"),
        ("screening_care_30_days", "2 weeks ago", "yes"),
        ("screening_care_30_days", "yes, last year", "no"),
        ("screening_care_30_days", "about 3 months ago", "no"),
        ("screening_care_30_days", "not sure", "unknown"),
        ("screening_use_since_care", "no", "no"),
        ("screening_use_since_care", "nope, not a drop", "no"),
        ("screening_use_since_care", "yes", "yes"),
        ("screening_use_since_care", "drinking daily again", "yes"),
        ("screening_use_since_care", "I relapsed", "yes"),
        ("screening_use_since_care", "hmm", "unknown"),
    ],
)
def test_answers(slot, text, expected):
    assert validate(slot, text)[0] == expected


def test_recent_care_with_a_time_answers_both_questions():
    form = ValidateDetoxScreeningForm()
    text = "Yes, detox 2 years ago"
    result = form.validate_screening_recent_care(
        text, CollectingDispatcher(), tracker({}, text), {}
    )
    assert result == {"screening_recent_care": "yes", "screening_care_30_days": "no"}
    text = "yeah I left rehab last week"
    result = form.validate_screening_recent_care(
        text, CollectingDispatcher(), tracker({}, text), {}
    )
    assert result == {"screening_recent_care": "yes", "screening_care_30_days": "yes"}
    text = "no, never"
    result = form.validate_screening_recent_care(
        text, CollectingDispatcher(), tracker({}, text), {}
    )
    assert result == {"screening_recent_care": "no"}


@pytest.mark.parametrize(
    "text,named,expected",
    [
        ("Yes", ["opioid"], ["opioid"]),
        ("yes", ["alcohol", "benzodiazepine"], ["benzodiazepine"]),
        ("No", ["opioid"], []),
        ("suboxone from my clinic", ["opioid", "benzodiazepine"], ["opioid"]),
        ("methadone, I go to the clinic every morning", ["opioid"], ["opioid"]),
        ("my doctor prescribes the klonopin", ["benzodiazepine"], ["benzodiazepine"]),
        ("the xanax is off the street", ["benzodiazepine"], []),
        ("not prescribed", ["opioid"], []),
        ("Not sure", ["opioid"], "unknown"),
    ],
)
def test_prescribed(text, named, expected):
    value, _ = validate("screening_prescribed", text, {"screening_substances": named})
    assert value == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Yes", ["reported"]),
        ("No", ["none"]),
        ("the shakes and sweats", ["shakes", "sweats"]),
        ("Not sure", None),
    ],
)
def test_symptoms_answer(text, expected):
    assert symptoms_answer(text) == expected


def test_symptoms_answer_marks_emergencies():
    answer = symptoms_answer("im having chest pain right now")
    assert "emergency:chest_pain" in answer


def required(slots):
    return asyncio.run(
        ValidateDetoxScreeningForm().required_slots(
            FORM_SLOTS, CollectingDispatcher(), tracker(slots), {}
        )
    )


RISK_SLOTS = [
    "screening_drinks",
    "screening_pregnant",
    "screening_age",
    "screening_medical",
    "screening_blackouts",
]
BASIC_SLOTS = [
    s
    for s in FORM_SLOTS
    if s
    not in (
        "screening_care_30_days",
        "screening_use_since_care",
        "screening_prescribed",
        "screening_emergency_now",
        *RISK_SLOTS,
    )
]


def test_only_what_the_decision_needs_is_asked():
    assert required({}) == BASIC_SLOTS
    # pregnancy can still turn "IOP may fit" into the help line
    # stimulants or cannabis only: the symptoms question stays (emergency signs now)
    assert required({"screening_substances": ["cannabis"]}) == BASIC_SLOTS[:3] + [
        "screening_symptoms",
        "screening_pregnant",
    ]
    assert "screening_symptoms" not in required({"screening_last_use": "months"})
    assert required({"screening_symptoms": ["emergency:seizure"]}) == []


def test_recent_care_follow_ups_only_after_a_yes():
    assert "screening_care_30_days" not in required({"screening_recent_care": "no"})
    assert "screening_care_30_days" not in required({"screening_recent_care": "unknown"})
    after_yes = required({"screening_recent_care": "yes"})
    assert "screening_care_30_days" in after_yes
    assert "screening_use_since_care" not in after_yes
    long_ago = {"screening_recent_care": "yes", "screening_care_30_days": "no"}
    assert "screening_use_since_care" not in required(long_ago)
    recent = {"screening_recent_care": "yes", "screening_care_30_days": "yes"}
    assert "screening_use_since_care" in required(recent)


@pytest.mark.parametrize(
    "used,asked",
    [
        (["opioid"], True),
        (["benzodiazepine", "alcohol"], True),
        (["sedative"], True),
        (["alcohol"], False),
        (["other"], False),
        (["unknown"], False),
        ([], False),
    ],
)
def test_prescribed_is_asked_only_for_medicines_that_can_be_prescribed(used, asked):
    assert ("screening_prescribed" in required({"screening_substances": used})) is asked


def outcome(slots):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionScreeningOutcome().run(dispatcher, tracker(slots), {}))
    return dispatcher.messages[0]["response"], {e["name"]: e["value"] for e in events}


DAILY_ALCOHOL = {
    "screening_for": "self",
    "screening_recent_care": "no",
    "screening_substances": ["alcohol"],
    "screening_frequency": "daily",
    "screening_last_use": "today",
    "screening_symptoms": ["shakes"],
    "screening_complicated_history": "no",
}


def test_outcome_detox_first():
    response, slots = outcome(DAILY_ALCOHOL)
    assert response == "utter_screening_detox_first"
    assert slots["screening_outcome"] == "detox_first"
    assert slots["screening_reasons"]


RECENT_DETOX_NO_USE = {
    "screening_recent_care": "yes",
    "screening_care_30_days": "yes",
    "screening_use_since_care": "no",
}


def test_outcome_iop_may_fit_after_recent_detox_with_no_use_since():
    response, slots = outcome(
        DAILY_ALCOHOL | RECENT_DETOX_NO_USE | {"screening_symptoms": ["none"]}
    )
    assert response == "utter_screening_iop_may_fit"
    assert slots["screening_outcome"] == "iop_may_fit"
    assert slots["screening_note"] == "sedatives_named"


@pytest.mark.parametrize(
    "care",
    [
        {"screening_recent_care": "yes"},  # when unknown (not asked)
        {"screening_recent_care": "yes", "screening_care_30_days": "no"},
        {"screening_recent_care": "yes", "screening_care_30_days": "unknown"},
        RECENT_DETOX_NO_USE | {"screening_use_since_care": "yes"},
        RECENT_DETOX_NO_USE | {"screening_use_since_care": "unknown"},
    ],
)
def test_old_care_or_use_since_runs_the_usual_rules(care):
    response, slots = outcome(DAILY_ALCOHOL | care | {"screening_symptoms": ["none"]})
    assert response == "utter_screening_detox_first"
    assert "recent_higher_care_no_use_since" not in slots["screening_reasons"]


def test_back_to_daily_drinking_after_residential_with_past_dts_is_not_iop():
    response, _ = outcome(
        DAILY_ALCOHOL
        | RECENT_DETOX_NO_USE
        | {
            "screening_use_since_care": "yes",
            "screening_symptoms": ["unknown"],
            "screening_complicated_history": "yes",
        }
    )
    assert response == "utter_screening_detox_first"


def test_withdrawal_now_after_recent_care_says_call_today():
    response, slots = outcome(
        DAILY_ALCOHOL | RECENT_DETOX_NO_USE | {"screening_use_since_care": "yes"}
    )
    assert response == "utter_screening_detox_first"
    assert slots["screening_note"] == "withdrawal_now"
    assert slots["screening_reasons"][0] == "recent_higher_care_with_current_withdrawal"


def test_family_member_with_no_idea_what_is_used_goes_to_the_help_line():
    value, _ = validate("screening_substances", "no idea honestly", {"screening_for": "other"})
    assert value == ["unknown"]
    response, slots = outcome(
        {
            "screening_for": "other",
            "screening_recent_care": "no",
            "screening_substances": value,
            "screening_frequency": "weekly",
            "screening_last_use": "days",
            "screening_symptoms": ["none"],
            "screening_complicated_history": "no",
        }
    )
    assert response == "utter_screening_helpline"
    assert "substances_unknown" in slots["screening_reasons"]


METHADONE = {
    "screening_for": "self",
    "screening_recent_care": "no",
    "screening_substances": ["opioid"],
    "screening_prescribed": ["opioid"],
    "screening_frequency": "daily",
    "screening_last_use": "today",
    "screening_symptoms": ["none"],
    "screening_complicated_history": "no",
}


def test_methadone_maintenance_goes_to_the_help_line_never_detox_first():
    for symptoms in (["none"], ["sweats"]):
        response, slots = outcome(METHADONE | {"screening_symptoms": symptoms})
        assert response == "utter_screening_helpline"
        assert slots["screening_note"] == "prescribed"


def test_prescribed_medicine_with_detox_first_for_alcohol_adds_the_note():
    dispatcher = CollectingDispatcher()
    slots = METHADONE | {
        "screening_substances": ["alcohol", "opioid"],
        "screening_symptoms": ["shakes"],
    }
    asyncio.run(ActionScreeningOutcome().run(dispatcher, tracker(slots), {}))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_screening_detox_first",
        "utter_screening_prescribed_note",
        "utter_screening_opioid_note",
    ]


def test_emergency_in_the_form_shows_the_withdrawal_crisis_wording():
    _, slots = outcome(DAILY_ALCOHOL | {"screening_symptoms": ["emergency:seizure"]})
    assert slots["crisis_category"] == "withdrawal"


def test_unknown_substances_slot_is_unknown_not_other():
    answers = answers_from(tracker({"screening_substances": ["unknown"]}))
    assert answers.substances is None


def test_outcome_helpline_when_unsure():
    response, _ = outcome(
        {
            "screening_for": "self",
            "screening_recent_care": "unknown",
            "screening_substances": ["other"],
            "screening_frequency": "unknown",
            "screening_last_use": "unknown",
            "screening_symptoms": ["unknown"],
            "screening_complicated_history": "unknown",
        }
    )
    assert response == "utter_screening_helpline"


def test_outcome_emergency_is_the_crisis_reply():
    response, slots = outcome(DAILY_ALCOHOL | {"screening_symptoms": ["emergency:seizure"]})
    assert response == "utter_crisis"
    assert slots["screening_outcome"] == "emergency"


def test_answers_from_slots():
    answers = answers_from(tracker(DAILY_ALCOHOL | {"screening_for": "other"}))
    assert answers == screening_rules.ScreeningAnswers(
        for_self=False,
        substances={"alcohol"},
        frequency="daily",
        last_use="today",
        withdrawal_symptoms={"shakes"},
        emergency_symptoms_now=set(),
        past_complicated_withdrawal=False,
        recent_higher_care=False,
    )


def test_every_screening_slot_is_wired_like_the_others(domain):
    """A form slot needs a conditioned from_text mapping, a question with a "they"
    variation, a validate_<slot> method and a parser for FormAnswerPolicy."""
    from iop_assistant import form_answers

    required_slots = domain["forms"]["detox_screening_form"]["required_slots"]
    assert required_slots == FORM_SLOTS
    not_intent = domain["slots"]["screening_for"]["mappings"][0]["not_intent"]
    for slot in required_slots:
        (mapping,) = domain["slots"][slot]["mappings"]
        assert mapping["type"] == "from_text" and mapping["not_intent"] == not_intent, slot
        assert mapping["conditions"] == [
            {"active_loop": "detox_screening_form", "requested_slot": slot}
        ], slot
        assert hasattr(ValidateDetoxScreeningForm, f"validate_{slot}"), slot
        assert slot in form_answers.PARSERS, slot
        if slot != "screening_for":
            variations = domain["responses"][f"utter_ask_{slot}"]
            assert any(
                c.get("name") == "screening_for" and c.get("value") == "other"
                for v in variations
                for c in v.get("condition") or []
            ), slot


def test_prescribed_medicine_with_detox_first_without_symptoms_adds_the_note():
    dispatcher = CollectingDispatcher()
    slots = METHADONE | {"screening_substances": ["alcohol", "opioid"]}
    events = asyncio.run(ActionScreeningOutcome().run(dispatcher, tracker(slots), {}))
    assert [m["response"] for m in dispatcher.messages] == [
        "utter_screening_detox_first",
        "utter_screening_prescribed_note",
        "utter_screening_opioid_note",
    ]
    assert {e["name"]: e["value"] for e in events}["screening_note"] is None


@pytest.mark.parametrize(
    "text",
    [
        "wait how many days a week is the program, i work full time",
        "is it evenings?",
        "how much does it cost",
        "do you take medicaid",
    ],
)
def test_a_question_back_is_recognised(text):
    from actions.screening import is_question

    assert is_question(text)


@pytest.mark.parametrize(
    "text", ["every day", "about 3 days a week", "last night", "no", "its for me"]
)
def test_answers_are_not_questions(text):
    from actions.screening import is_question

    assert not is_question(text)


def test_a_program_question_mid_screening_is_answered_not_taken_as_an_answer():
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.screening import read_answer

    text = "wait how many days a week is the program, i work full time"
    latest = {"text": text, "intent": {"name": "ask_schedule", "confidence": 0.45}, "entities": []}
    tracker = Tracker("c", {}, latest, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = read_answer("screening_frequency", "several_days", "unknown", dispatcher, tracker)
    assert result == {"screening_frequency": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_ask_schedule"]


ONE_GLASS_OF_WINE = {
    "screening_for": "self",
    "screening_recent_care": "no",
    "screening_substances": ["alcohol"],
    "screening_frequency": "daily",
    "screening_last_use": "today",
    "screening_symptoms": ["none"],
    "screening_complicated_history": "no",
}


def asked_next(slots):
    return next((s for s in required(slots) if slots.get(s) is None), None)


def test_risk_questions_only_when_they_can_change_the_outcome():
    """Issue 13 item 8: amount, pregnancy, age, illness, blackouts, asked only when needed."""
    slots = dict(ONE_GLASS_OF_WINE)
    assert asked_next(slots) == "screening_drinks"
    slots["screening_drinks"] = 1.0
    for risk in RISK_SLOTS[1:]:
        assert asked_next(slots) == risk
        slots[risk] = "no"
    assert asked_next(slots) is None
    response, _ = outcome(slots)
    assert response == "utter_screening_iop_may_fit"  # one glass of wine: never detox first
    # a clear detox first (heavy drinking with shakes) asks nothing more
    heavy = ONE_GLASS_OF_WINE | {"screening_symptoms": ["shakes"], "screening_drinks": 12.0}
    assert asked_next(heavy) is None
    # one risk factor with daily drinking settles it: no more questions
    older = ONE_GLASS_OF_WINE | {"screening_drinks": 4.0, "screening_pregnant": "no"}
    assert asked_next(older) == "screening_age"
    older["screening_age"] = "yes"
    assert asked_next(older) is None
    assert outcome(older)[0] == "utter_screening_detox_first"


def test_pregnancy_with_opioids_is_asked_first_and_goes_to_the_help_line():
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["opioid"],
        "screening_prescribed": [],
    }
    assert asked_next(slots) == "screening_pregnant"
    slots["screening_pregnant"] = "yes"
    assert asked_next(slots) is None
    response, events = outcome(slots)
    assert response == "utter_screening_helpline"
    assert events["screening_note"] == "pregnant_opioid"


def test_emergency_sign_without_a_time_is_confirmed_first():
    slots = dict(ONE_GLASS_OF_WINE, screening_symptoms=["shakes", "unclear:seizure"])
    slots.pop("screening_complicated_history")
    assert asked_next(slots) == "screening_emergency_now"
    form = ValidateDetoxScreeningForm()
    now = form.validate_screening_emergency_now("yes", CollectingDispatcher(), tracker(slots), {})
    assert now["screening_symptoms"] == ["shakes", "emergency:seizure"]
    assert now["crisis_category"] == "withdrawal"
    before = form.validate_screening_emergency_now(
        "no, last time I quit", CollectingDispatcher(), tracker(slots), {}
    )
    assert before["screening_symptoms"] == ["shakes"]
    assert before["screening_complicated_history"] == "yes"


def test_opioid_outcomes_add_the_tolerance_and_naloxone_note():
    """Issue 13 item 10."""
    slots = dict(ONE_GLASS_OF_WINE, screening_substances=["opioid"], screening_prescribed=[])
    slots["screening_pregnant"] = "no"
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionScreeningOutcome().run(dispatcher, tracker(slots), {}))
    assert dispatcher.messages[-1]["response"] == "utter_screening_opioid_note"


def test_required_slots_read_a_drinks_answer_before_it_is_validated():
    """rasa_sdk asks required_slots with the extracted text still in the slot: the
    persona run showed every amount answer crashing the action server on float()."""
    slots = dict(ONE_GLASS_OF_WINE, screening_drinks="8 to 10 drinks i guess, strong ones")
    assert "screening_drinks" in required(slots)
    slots["screening_drinks"] = "a lot"
    required(slots)  # unknown words: no crash


def test_confirmation_read_from_words_that_are_not_yes_or_no():
    slots = dict(ONE_GLASS_OF_WINE, screening_symptoms=["unclear:seizure"])
    form = ValidateDetoxScreeningForm()
    calm = form.validate_screening_emergency_now(
        "anxious, shaky", CollectingDispatcher(), tracker(slots), {}
    )
    assert calm["screening_emergency_now"] == "no"
    unsure = form.validate_screening_emergency_now(
        "i dont know", CollectingDispatcher(), tracker(slots), {}
    )
    assert unsure["screening_symptoms"] == ["emergency:seizure"]  # unsure: 911


def test_stimulant_emergency_is_asked_and_answered():
    """Persona p53: cocaine with crushing chest pain now was told IOP may fit."""
    slots = {
        "screening_for": "self",
        "screening_recent_care": "no",
        "screening_substances": ["stimulant"],
    }
    assert asked_next(slots) == "screening_symptoms"
    answer = symptoms_answer("my chest is really tight like crushing, cant catch my breath")
    assert any(a.startswith("emergency:") for a in answer)


def test_the_same_faq_detour_is_taken_once_then_the_words_are_the_answer():
    """Persona p72 ("hiv meds" read as a medication question) looped 30 turns."""
    slots = {"screening_substances": ["opioid"], "requested_slot": "screening_prescribed"}
    first = tracker(slots, text="hiv meds", intent="ask_medication")
    dispatcher = CollectingDispatcher()
    assert ValidateDetoxScreeningForm().validate_screening_prescribed(
        "hiv meds", dispatcher, first, {}
    ) == {"screening_prescribed": None}
    assert dispatcher.messages[0]["response"] == "utter_ask_medication"
    again = tracker(slots, text="hiv meds", intent="ask_medication")
    said = {"event": "bot", "metadata": {"utter_action": "utter_ask_medication"}}
    again.events.insert(0, said)
    dispatcher = CollectingDispatcher()
    result = ValidateDetoxScreeningForm().validate_screening_prescribed(
        "hiv meds", dispatcher, again, {}
    )
    assert result == {"screening_prescribed": "unknown"} and not dispatcher.messages


def test_stimulant_only_emergency_gets_the_medical_wording():
    slots = {"screening_substances": ["stimulant"]}
    result = ValidateDetoxScreeningForm().validate_screening_symptoms(
        "hes hearing voices right now", CollectingDispatcher(), tracker(slots), {}
    )
    assert result["crisis_category"] == "medical"
    assert "emergency:hallucinations" in result["screening_symptoms"]


def test_the_form_sets_the_note_before_the_outcome_reply_is_rendered(domain):
    """Rasa renders action_screening_outcome's reply before its own SlotSets apply, so the
    safety-note variation was never shown on the real server: the form sets it."""
    slots = dict(ONE_GLASS_OF_WINE, screening_drinks=1.0, screening_pregnant="no")
    slots |= {
        "screening_age": "no",
        "screening_medical": "no",
        "requested_slot": "screening_blackouts",
    }
    t = tracker(slots, text="never", intent="deny")
    t.slots["screening_blackouts"] = "never"  # extracted from the text, as Rasa does
    events = asyncio.run(ValidateDetoxScreeningForm().run(CollectingDispatcher(), t, domain))
    set_ = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_["requested_slot"] is None
    assert set_["screening_note"] == "sedatives_named"


def test_drink_brands_in_the_substances_answer_are_alcohol():
    """Persona p68 ("coke and jack") was told IOP may fit: only the cocaine was seen."""
    from actions.screening import substance_categories

    assert substance_categories(tracker({}), "coke and jack") == ["alcohol", "stimulant"]
    assert substance_categories(tracker({}), "twisted tea mostly") == ["alcohol"]


def test_a_son_is_not_asked_about_pregnancy():
    """Role-play: "Could they be pregnant?" about a son or a husband read as not listening."""
    from actions.screening import ValidateDetoxScreeningForm

    slots = {
        "screening_for": "other",
        "screening_recent_care": "no",
        "screening_substances": ["opioid"],
        "screening_frequency": "daily",
    }
    events = [{"event": "user", "text": "my son is 19 and i think hes on fentanyl"}]
    tracker = Tracker("conv", slots, {}, events, False, None, {}, "action_listen")
    domain_slots = [
        "screening_for",
        "screening_substances",
        "screening_pregnant",
        "screening_frequency",
    ]
    asked = asyncio.run(
        ValidateDetoxScreeningForm().required_slots(
            domain_slots, CollectingDispatcher(), tracker, {}
        )
    )
    assert "screening_pregnant" not in asked


def asked_next_after(slots, text):
    """The next question when the person's last message was ``text``."""
    form = ValidateDetoxScreeningForm()
    found = asyncio.run(
        form.required_slots(FORM_SLOTS, CollectingDispatcher(), tracker(slots, text), {})
    )
    return next((s for s in found if slots.get(s) is None), None)


def test_an_answer_to_a_later_question_fills_it_and_the_question_is_asked_again():
    """v8: "all day every day" to "is any of it prescribed?" was taken as "don't know"."""
    slots = {"screening_substances": ["opioid", "benzodiazepine"]}
    result, said = validate("screening_prescribed", "all day every day", slots)
    assert result is None and said == ["utter_screening_noted"]
    dispatcher = CollectingDispatcher()
    events = ValidateDetoxScreeningForm().validate_screening_prescribed(
        "all day every day", dispatcher, tracker(slots, "all day every day"), {}
    )
    assert events == {"screening_prescribed": None, "screening_frequency": "daily"}
    named = ValidateDetoxScreeningForm().validate_screening_last_use(
        "yea sick af when i run out, sweats cramps cant sleep",
        CollectingDispatcher(),
        tracker({}, "yea sick af when i run out, sweats cramps cant sleep"),
        {},
    )
    assert named["screening_last_use"] is None
    assert "sweats" in named["screening_symptoms"]


def test_the_substances_said_again_are_no_answer_and_the_question_is_asked_again():
    """v11 a-02: "just alcohol, vodka mostly" to "when did you last use?" was taken as
    "don't know"; a new substance named there is added."""
    slots = {"screening_substances": ["alcohol"], "screening_frequency": "daily"}
    events = ValidateDetoxScreeningForm().validate_screening_last_use(
        "just alcohol, vodka mostly and some xanax",
        CollectingDispatcher(),
        tracker(slots, "just alcohol, vodka mostly and some xanax"),
        {},
    )
    assert events["screening_last_use"] is None
    assert events["screening_substances"] == ["alcohol", "benzodiazepine"]


def test_a_bare_no_is_never_read_as_an_answer_ahead():
    result, _ = validate("screening_prescribed", "no", {"screening_substances": ["opioid"]})
    assert result == []  # a plain no answers the question asked


def test_nothing_recent_is_a_no_to_recent_care():
    result, _ = validate(
        "screening_recent_care", "Did residential at the VA in 2019. Nothing recent."
    )
    assert result == "no"


def test_an_amount_already_told_is_not_asked_again():
    """v8: "every day. most of a fifth by night" and then "how many drinks a day?"."""
    slots = DAILY_ALCOHOL | {"screening_complicated_history": "no"}
    assert asked_next_after(slots, "yeah") == "screening_drinks"
    assert asked_next_after(slots, "every day. most of a fifth by night") is None
    assert outcome_after(slots, "every day. most of a fifth by night") == (
        "utter_screening_detox_first"
    )
    # a low or unclear amount is still asked
    assert asked_next_after(slots, "just 2 beers") == "screening_drinks"


def outcome_after(slots, text):
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionScreeningOutcome().run(dispatcher, tracker(slots, text), {}))
    return dispatcher.messages[0]["response"]


def test_a_past_seizure_with_symptoms_now_settles_detox_first_without_the_amount():
    """v8 (voice): "yes i had a seizure last year when i tried to quit" was followed by
    "how many drinks?", asked only to pick the reply's safety note."""
    slots = DAILY_ALCOHOL | {"screening_complicated_history": "yes"}
    assert asked_next(slots) is None
    response, events = outcome(slots)
    assert response == "utter_screening_detox_first"
    assert events["screening_note"] == screening_rules.NOTE_WITHDRAWAL_NOW


# ------------------------------------------------------------------ Spanish answers (issue 18)
@pytest.mark.parametrize(
    "slot,text,expected",
    [
        ("screening_for", "para mí", "self"),
        ("screening_for", "para mi esposo", "other"),
        ("screening_recent_care", "sí", "yes"),
        ("screening_recent_care", "no", "no"),
        ("screening_recent_care", "no sé", "unknown"),
        ("screening_substances", "perico y pisto", ["alcohol", "stimulant"]),
        ("screening_substances", "chiva", ["opioid"]),
        ("screening_substances", "tecate", ["alcohol"]),
        ("screening_frequency", "todos los días", "daily"),
        ("screening_frequency", "cada fin de semana", "weekly"),
        ("screening_last_use", "anoche", "today"),
        ("screening_last_use", "hace 2 días", "days"),
        ("screening_symptoms", "temblores y no puedo dormir", ["insomnia", "shakes"]),
        ("screening_symptoms", "convulsiones", ["unclear:seizure"]),
        ("screening_symptoms", "nada", ["none"]),
        ("screening_complicated_history", "sí, una convulsión", "yes"),
        ("screening_drinks", "un six", 6.0),
        ("screening_age", "tengo 67", "yes"),
        ("screening_blackouts", "a veces", "yes"),
    ],
)
def test_spanish_answers(slot, text, expected):
    assert validate(slot, text)[0] == expected


def test_a_spanish_question_back_is_a_question():
    from actions.screening import is_question

    assert is_question("¿cuánto cuesta")
    assert not is_question("todos los días")


def told(*texts: str, slots: Dict[str, Any] | None = None) -> Tracker:
    """A tracker at the screening's first run, after ``texts`` (the last one started it)."""
    latest = {
        "text": texts[-1],
        "intent": {"name": "request_detox_screening", "confidence": 0.9},
        "entities": [],
    }
    events = [{"event": "user", "text": t, "parse_data": {"text": t}} for t in texts]
    return Tracker(
        "screen",
        {"requested_slot": None, **(slots or {})},
        latest,
        events,
        False,
        None,
        {"name": "detox_screening_form"},
        "action_listen",
    )


def first_run(*texts: str, slots: Dict[str, Any] | None = None) -> Dict[str, Any]:
    """The slots the form's first validation sets, with the project's real domain."""
    from iop_assistant import domain_files

    events = asyncio.run(
        ValidateDetoxScreeningForm().run(
            CollectingDispatcher(), told(*texts, slots=slots), domain_files.load_raw()
        )
    )
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_what_was_told_before_the_first_question_is_not_asked_again():
    # role-play 2026-12-04, caller 6: asked for the substance and how often after saying both
    set_now = first_run(
        "i drink about a fifth a day and i get the shakes in the morning. do i need detox"
    )
    assert set_now["screening_substances"] == ["alcohol"]
    assert set_now["screening_frequency"] == "daily"
    assert set_now["screening_symptoms"] and "none" not in set_now["screening_symptoms"]
    assert set_now.get("requested_slot") not in (
        "screening_substances",
        "screening_frequency",
        "screening_symptoms",
    )


@pytest.mark.parametrize(
    "texts",
    [
        ("my son is 19 and he drinks every night", "does he need detox"),
        ("asking for my husband", "detox first?"),
        ("mi hijo toma mucho", "necesita desintoxicacion"),
    ],
)
def test_someone_elses_use_told_before_is_not_asked_again(texts):
    assert first_run(*texts)["screening_for"] == "other"


def test_a_family_member_named_earlier_is_not_asked_who_it_is_for():
    # role-play 2026-12-04, caller 3: "for you or someone else?" after "my brother" twice
    set_now = first_run(
        "its not for me its for my brother, he takes xanax and drinks",
        "does he need detox first",
    )
    assert set_now["screening_for"] == "other"
    assert set_now["screening_substances"] == ["alcohol", "benzodiazepine"]
    assert set_now.get("requested_slot") != "screening_for"


@pytest.mark.parametrize(
    "texts",
    [
        ("do i need detox",),
        ("my wife says i drink too much", "do i need detox"),  # their own use: still asked
        ("ok my wife says i have to ask this thing if i need detox first. so. do i",),  # v9
        ("/request_detox_screening",),
    ],
)
def test_nothing_is_guessed_who_it_is_for(texts):
    assert "screening_for" not in first_run(*texts)


def test_emergency_signs_told_before_are_left_to_the_symptoms_question():
    set_now = first_run("he drinks every day and he is seeing things right now, detox?")
    assert "screening_symptoms" not in set_now


def test_nothing_is_prefilled_once_a_question_was_asked():
    tracker_asked = told("i drink every day", slots={"requested_slot": "screening_recent_care"})
    form = ValidateDetoxScreeningForm()
    assert form.extract_screening_substances(CollectingDispatcher(), tracker_asked, {}) == {}


def test_street_use_named_with_the_substances_is_not_asked_about_prescriptions():
    """v9 self-09: "xanax bars, i buy them", then "is any of it prescribed?" four times."""
    form = ValidateDetoxScreeningForm()
    text = "xanax bars, i buy them"
    result = form.validate_screening_substances(text, CollectingDispatcher(), tracker({}, text), {})
    assert result == {"screening_substances": ["benzodiazepine"], "screening_prescribed": []}


def asked(slot: str, times: int, text: str, slots: Dict[str, Any]) -> Tracker:
    """A tracker whose form asked for ``slot`` ``times`` times, then got ``text``."""
    latest = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    events: List[Dict[str, Any]] = [{"event": "active_loop", "name": "detox_screening_form"}]
    events += [{"event": "bot", "metadata": {"utter_action": f"utter_ask_{slot}"}}] * times
    events.append({"event": "user", "text": text, "parse_data": latest})
    return Tracker(
        "screen",
        slots,
        latest,
        events,
        False,
        None,
        {"name": "detox_screening_form"},
        "action_listen",
    )


def test_a_question_is_not_asked_a_third_time_when_answers_fit_other_questions():
    form = ValidateDetoxScreeningForm()
    slots = {"screening_substances": ["opioid"], "requested_slot": "screening_prescribed"}
    once = form.validate_screening_prescribed(
        "every day",
        CollectingDispatcher(),
        asked("screening_prescribed", 1, "every day", slots),
        {},
    )
    assert once == {"screening_prescribed": None, "screening_frequency": "daily"}
    # the same answer again fills nothing new: "don't know", not a third time
    kept = {**slots, "screening_frequency": "daily"}
    twice = form.validate_screening_prescribed(
        "every day",
        CollectingDispatcher(),
        asked("screening_prescribed", 2, "every day", kept),
        {},
    )
    assert twice == {"screening_prescribed": "unknown"}


def test_each_answer_to_another_question_is_kept_and_the_question_asked_again():
    """v14: "weekends mostly", then when they last used, to the symptoms question (cannabis
    skips how often and when); the second was taken as "don't know"."""
    form = ValidateDetoxScreeningForm()
    slots = {
        "screening_substances": ["cannabis"],
        "screening_frequency": "weekly",
        "requested_slot": "screening_symptoms",
    }
    result = form.validate_screening_symptoms(
        "3 days ago",
        CollectingDispatcher(),
        asked("screening_symptoms", 2, "3 days ago", slots),
        {},
    )
    assert result == {"screening_symptoms": None, "screening_last_use": "days"}


def test_months_since_last_use_from_a_daily_user_still_asks_about_withdrawal():
    """v9 family-01: "he went to detox once like 5 years ago" to "when did they last use?"
    read as months ago skipped the withdrawal questions for a daily drinker (iop may fit)."""
    daily = required(
        {
            "screening_substances": ["alcohol"],
            "screening_frequency": "daily",
            "screening_last_use": "months",
        }
    )
    assert "screening_symptoms" in daily and "screening_complicated_history" in daily
    weekly = required(
        {
            "screening_substances": ["alcohol"],
            "screening_frequency": "weekly",
            "screening_last_use": "months",
        }
    )
    assert "screening_symptoms" not in weekly


def test_a_new_substance_named_to_the_symptoms_question_is_added_and_it_is_asked_again():
    # es-v3: "cristal, y a veces se toma unas cervezas" was read as a yes to the symptoms
    # question ("a veces"), and the outcome came without the alcohol questions
    form = ValidateDetoxScreeningForm()
    text = "cristal, y a veces se toma unas cervezas"
    slots = {"screening_substances": ["stimulant"]}
    result = form.validate_screening_symptoms(
        text, CollectingDispatcher(), tracker(slots, text), {}
    )
    assert result["screening_symptoms"] is None
    assert result["screening_substances"] == ["alcohol", "stimulant"]


def test_symptoms_named_with_a_new_substance_are_still_the_answer():
    form = ValidateDetoxScreeningForm()
    text = "yes he shakes and sweats, and he drinks beer too"
    slots = {"screening_substances": ["stimulant"]}
    result = form.validate_screening_symptoms(
        text, CollectingDispatcher(), tracker(slots, text), {}
    )
    assert result["screening_symptoms"] and "shakes" in result["screening_symptoms"]


def test_spanish_drinking_slang_is_alcohol():
    from iop_assistant import substances

    assert substances.categories_in_text("chupe mas que nada, y perico") == {
        "alcohol",
        "stimulant",
    }
    assert substances.categories_in_text("se pone bien bolo los fines") == {"alcohol"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("not really. maybe a little cranky and i don't sleep great the first night", False),
        ("no nunca", False),
        ("maybe", True),
        ("no idea", None),
        ("no se", True),
    ],
)
def test_a_no_first_answers_the_pregnancy_question(text, expected):
    """v14: "not really... maybe a little cranky" read as "maybe pregnant"."""
    assert screening_answers.parse_pregnant(text) is expected


def test_a_no_first_answers_recent_care_whatever_follows():
    # blind es-v6: "casi todos los dias" read as the time of the care, a yes
    text = "no nunca he estado internado lo que tomo es cerveza y guaro casi todos los dias"
    assert validate("screening_recent_care", text)[0] == "no"


def test_a_substance_named_as_use_since_care_is_kept():
    # blind v15: "meth" to "have you used since you left?", then "what do you use?"
    dispatcher = CollectingDispatcher()
    form = ValidateDetoxScreeningForm()
    result = form.validate_screening_use_since_care(
        "meth", dispatcher, tracker({"screening_recent_care": "yes"}, "meth"), {}
    )
    assert result["screening_use_since_care"] == "yes"
    assert result["screening_substances"] == ["stimulant"]


def test_unsure_whether_prescribed_said_with_the_substances():
    # blind v15: the prescribed question four times while the person answered others
    dispatcher = CollectingDispatcher()
    form = ValidateDetoxScreeningForm()
    text = "wine, and she takes ativan. not sure it's all prescribed honestly"
    result = form.validate_screening_substances(text, dispatcher, tracker({}, text), {})
    assert result["screening_prescribed"] == "unknown"
    assert set(result["screening_substances"]) == {"alcohol", "benzodiazepine"}


def test_how_often_to_the_pregnancy_question_is_kept_and_asked_again():
    # es-v6: "como 6 o 7 al dia ya" gave a man the pregnancy outcome
    value, said = validate(
        "screening_pregnant", "como 6 o 7 al dia ya", {"screening_substances": ["opioid"]}
    )
    assert value is None


@pytest.mark.parametrize(
    "text", ["why do u need to know all this", "por que me pregunta eso", "why are you asking"]
)
def test_why_the_questions_is_answered_and_the_question_asked_again(text):
    # blind v15: "why do u need to know all this" was taken as "not sure"
    value, said = validate("screening_prescribed", text, {"screening_substances": ["opioid"]})
    assert value is None
    assert said == ["utter_screening_why"]
