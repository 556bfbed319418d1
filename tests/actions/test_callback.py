"""The callback form's answers and its save step, with rasa-sdk's Tracker and
CollectingDispatcher against a real SQLite app database (no mocks)."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.callback import (
    AskCallbackUseCallerNumber,
    SaveCallbackOnLeave,
    SubmitCallback,
    ValidateCallbackForm,
    best_time_answer,
    first_name_answer,
    read_back_a_new_number,
)
from iop_assistant import form_answers
from iop_assistant.form_answers import MAX_BEST_TIME_CHARS
from iop_assistant.store import CallbackRequest, OutboxMessage
from iop_assistant.store.contacts import remember_contact
from iop_assistant.store.db import session_scope

DOMAIN_SLOTS = [
    "callback_use_caller_number",
    "callback_phone",
    "callback_best_time",
    "callback_name",
    "callback_consent",
]
CALLER = "+12025550143"


def tracker(
    slots: Dict[str, Any] | None = None,
    text: str = "",
    intent: str = "inform",
    channel: str = "rest",
    sender: str = "conv-1",
) -> Tracker:
    latest = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": []}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": channel}]
    return Tracker(sender, slots or {}, latest, events, False, None, {}, "action_listen")


def run(coro):
    return asyncio.run(coro) if asyncio.iscoroutine(coro) else coro


def validate(slot: str, text: str, **kw: Any) -> tuple[Dict[str, Any], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    form = ValidateCallbackForm()
    method = getattr(form, f"validate_{slot}")
    result = run(method(text, dispatcher, tracker(text=text, **kw), {}))
    return result, dispatcher


def responses(dispatcher: CollectingDispatcher) -> list:
    return [m.get("response") for m in dispatcher.messages]


# ------------------------------------------------------------------ phone number
@pytest.mark.parametrize(
    "text, expected",
    [
        ("(202) 555-0143", "+12025550143"),
        ("202.555.0143", "+12025550143"),
        ("my cell is 773-555-0123 thanks", "+17735550123"),
        ("+1 617 555 0104", "+16175550104"),
        ("2025550143", "+12025550143"),
    ],
)
def test_valid_us_numbers_are_kept_in_e164(text, expected):
    result, dispatcher = validate("callback_phone", text)
    assert result == {"callback_phone": expected}
    assert dispatcher.messages == []


@pytest.mark.parametrize(
    "text", ["555", "call me", "abcdefg", "20255501439999", "", "😀📞", "<script>alert(1)</script>"]
)
def test_invalid_numbers_are_asked_again_with_the_help_line(text):
    result, dispatcher = validate("callback_phone", text)
    assert result == {"callback_phone": None}
    assert responses(dispatcher) == ["utter_callback_invalid_phone"]


def test_a_caller_hears_a_new_number_read_back_at_once():
    # caller role-play rounds 34 and 35: the number was read back only when all was saved
    dispatcher = CollectingDispatcher()
    events = [{"event": "slot", "name": "callback_phone", "value": "+13015550127"}]
    read_back_a_new_number(dispatcher, tracker(channel="voice"), events)
    assert dispatcher.messages[0]["response"] == "utter_callback_number_heard"
    assert dispatcher.messages[0]["callback_number"] == "(301) 555-0127"


@pytest.mark.parametrize(
    "channel, slots, events",
    [
        ("rest", {}, [{"event": "slot", "name": "callback_phone", "value": "+13015550127"}]),
        (
            "voice",
            {"callback_phone": "+13015550127"},
            [{"event": "slot", "name": "callback_phone", "value": "+13015550127"}],
        ),
        (
            "voice",
            {},
            [
                {"event": "slot", "name": "callback_phone", "value": "+13015550127"},
                {"event": "slot", "name": "callback_use_caller_number", "value": "yes"},
            ],
        ),
    ],
)
def test_no_read_back_by_text_for_the_same_number_or_the_callers_own(channel, slots, events):
    dispatcher = CollectingDispatcher()
    read_back_a_new_number(dispatcher, tracker(slots, channel=channel), events)
    assert dispatcher.messages == []


def test_read_my_number_back_says_theirs_and_asks_again():
    # caller role-play round 35: "can you read that number back to me?" got the help line's
    form = ValidateCallbackForm()
    dispatcher = CollectingDispatcher()
    slots = {"requested_slot": "callback_best_time", "callback_phone": "+13015550142"}
    text = "wait, can you read that number back to me? I want to make sure you got it right"
    events = run(form.run(dispatcher, tracker(slots, text=text, channel="voice"), {}))
    assert events == [
        {"event": "slot", "timestamp": None, "name": "callback_best_time", "value": None}
    ]
    assert dispatcher.messages[0]["callback_number"] == "(301) 555-0142"


@pytest.mark.parametrize("text, count", [("301555012", 9), ("301 555 01", 8), ("555-0127", 7)])
def test_a_number_a_few_digits_short_says_how_many_came_through(text, count):
    # caller role-play round 34: "301555012" keyed in got only "say all 10 digits"
    result, dispatcher = validate("callback_phone", text, channel="voice")
    assert result == {"callback_phone": None}
    assert responses(dispatcher) == ["utter_callback_digit_count"]
    assert dispatcher.messages[0]["digit_count"] == count


def test_an_international_number_gets_an_honest_answer():
    result, dispatcher = validate("callback_phone", "+44 20 7946 0958")
    assert result == {"callback_phone": None}
    assert responses(dispatcher) == ["utter_callback_international"]


def test_a_program_question_instead_of_a_number_is_answered():
    result, dispatcher = validate(
        "callback_phone", "how much does it cost", intent="ask_cost_insurance"
    )
    assert result == {"callback_phone": None}
    assert responses(dispatcher) == ["utter_ask_cost_insurance"]


# ------------------------------------------------------------------ the caller's own number
def test_web_chat_never_offers_a_caller_number(app_db):
    slots = run(
        ValidateCallbackForm().required_slots(DOMAIN_SLOTS, CollectingDispatcher(), tracker(), {})
    )
    assert "callback_use_caller_number" not in slots
    assert slots[0] == "callback_phone"


def test_sms_offers_the_texting_number_and_yes_uses_it(app_db):
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    sms = dict(channel="sms", sender="conv-sms")
    slots = run(
        ValidateCallbackForm().required_slots(
            DOMAIN_SLOTS, CollectingDispatcher(), tracker(**sms), {}
        )
    )
    assert slots[0] == "callback_use_caller_number"

    dispatcher = CollectingDispatcher()
    run(AskCallbackUseCallerNumber().run(dispatcher, tracker(**sms), {}))
    assert dispatcher.messages[0]["response"] == "utter_callback_offer_texting_number"
    assert dispatcher.messages[0]["caller_number"] == "(202) 555-0143"

    result, _ = validate("callback_use_caller_number", "yes", intent="affirm", **sms)
    assert result == {"callback_use_caller_number": "yes", "callback_phone": CALLER}


@pytest.mark.parametrize(
    "text", ["this one", "just use this one its fine", "the number im texting from"]
)
def test_sms_this_number_asked_for_a_number_takes_the_texting_number(app_db, text):
    """After "no" to the offer, "just use this one" was "not a US number" three times
    (role-play 2026-12-04, late)."""
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    result, dispatcher = validate("callback_phone", text, channel="sms", sender="conv-sms")
    assert result == {"callback_phone": CALLER, "callback_use_caller_number": "yes"}
    assert dispatcher.messages == []


def test_web_this_number_has_no_number_to_take(app_db):
    result, dispatcher = validate("callback_phone", "this one")
    assert result == {"callback_phone": None}
    assert responses(dispatcher) == ["utter_callback_invalid_phone"]


def test_sms_no_asks_for_another_number(app_db):
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    result, _ = validate(
        "callback_use_caller_number", "no", intent="deny", channel="sms", sender="conv-sms"
    )
    assert result == {"callback_use_caller_number": "no"}


def test_sms_another_number_typed_instead_of_yes_is_taken(app_db):
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    result, _ = validate(
        "callback_use_caller_number", "call 773-555-0123 instead", channel="sms", sender="conv-sms"
    )
    assert result == {"callback_use_caller_number": "no", "callback_phone": "+17735550123"}


def test_voice_says_calling_from(app_db):
    remember_contact("conv-voice", "voice", CALLER, engine=app_db)
    dispatcher = CollectingDispatcher()
    run(
        AskCallbackUseCallerNumber().run(
            dispatcher, tracker(channel="voice", sender="conv-voice"), {}
        )
    )
    assert dispatcher.messages[0]["response"] == "utter_callback_offer_calling_number"


def extract_phone(text: str, slots: Dict[str, Any] | None = None, **kw: Any) -> Dict[str, Any]:
    form = ValidateCallbackForm()
    return run(
        form.extract_callback_phone(CollectingDispatcher(), tracker(slots, text=text, **kw), {})
    )


def test_a_number_in_the_starting_message_is_not_asked_again():
    assert extract_phone("can someone call me at 312 555 0187") == {
        "callback_phone": "+13125550187"
    }
    assert extract_phone("312-555-0187") == {"callback_phone": "+13125550187"}


def test_a_texter_who_gives_another_number_is_not_offered_their_own(app_db):
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    sms = dict(channel="sms", sender="conv-sms")
    assert extract_phone("call me at 312 555 0187", **sms) == {
        "callback_phone": "+13125550187",
        "callback_use_caller_number": "no",
    }
    assert extract_phone("call me at 202 555 0143", **sms) == {
        "callback_phone": CALLER,
        "callback_use_caller_number": "yes",
    }


@pytest.mark.parametrize(
    "text, slots",
    [
        ("can someone call me", None),
        ("my son is 19", None),
        ("312 555 0187", {"requested_slot": "callback_best_time"}),  # changed_number's job
        ("312 555 0187", {"callback_phone": "+17735550123"}),
    ],
)
def test_only_a_number_in_the_starting_message_is_extracted(text, slots):
    assert extract_phone(text, slots) == {}


# ------------------------------------------------------------------ time, name, consent
@pytest.mark.parametrize(
    "text, expected",
    [
        ("now", "now"),
        ("As soon as possible", "now"),
        ("morning", "morning"),
        ("mornings before 10", "mornings before 10"),
        ("afternoon", "afternoon"),
        ("tonight", "evening"),
        ("after work", "evening"),
        ("Tuesday at 3:30", "Tuesday at 3:30"),
        # typed times are times, not program questions (issue 12)
        ("asap", "now"),
        ("ASAP please", "now"),
        ("after 6pm", "after 6pm"),
        ("anytime after 5", "anytime after 5"),
        ("weekdays around noon", "weekdays around noon"),
        # not a time: asked again, never saved
        ("no name", None),
        ("what do you mean", None),
        ("Yes", None),
        ("", None),
    ],
)
def test_best_time(text, expected):
    assert best_time_answer(text) == expected


def test_best_time_own_words_are_trimmed():
    assert len(best_time_answer("tomorrow " + "x" * 5000)) == MAX_BEST_TIME_CHARS


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sam", "Sam"),
        ("it's maria", "Maria"),
        ("my name is José", "José"),
        ("you can ask for Dee", "Dee"),
        ("Mary-Kate", "Mary-Kate"),
        ("skip", "skip"),
        ("I'd rather not say", "skip"),
        ("no", "skip"),
        ("", "skip"),
        ("no thanks", "skip"),
        # unclear: asked once more, never saved as a name (issue 12: "Yes" was saved)
        ("12345", None),
        ("<b>x</b>", None),
        ("Yes", None),
        ("ok", None),
        ("why do you need it?", None),
    ],
)
def test_first_name(text, expected):
    assert first_name_answer(text) == expected


@pytest.mark.parametrize(
    "text, expected", [("yes", "yes"), ("sure, text me", "yes"), ("no", "no"), ("no thanks", "no")]
)
def test_consent_is_explicit(text, expected):
    result, dispatcher = validate("callback_consent", text)
    assert result == {"callback_consent": expected}


@pytest.mark.parametrize("text", ["maybe", "what will it say", "hmm", "🙂"])
def test_unclear_consent_is_never_assumed(text):
    result, dispatcher = validate("callback_consent", text)
    assert result == {"callback_consent": None}
    assert responses(dispatcher) == ["utter_callback_consent_unclear"]


# ------------------------------------------------------------------ saving
FILLED = {
    "callback_phone": CALLER,
    "callback_best_time": "morning",
    "callback_name": "Sam",
    "callback_consent": "yes",
}


def saved(engine) -> tuple[list, list]:
    with session_scope(engine) as session:
        requests = session.execute(select(CallbackRequest)).scalars().all()
        outbox = session.execute(select(OutboxMessage)).scalars().all()
        return requests, outbox


def submit(slots: Dict[str, Any], channel: str = "rest") -> tuple[list, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = run(SubmitCallback().run(dispatcher, tracker(slots, channel=channel), {}))
    return events, dispatcher


def test_saved_only_after_commit_with_outbox_rows(app_db):
    events, dispatcher = submit(FILLED, channel="socketio")
    assert named_aside(responses(dispatcher)) == ["utter_callback_saved"]
    requests, outbox = saved(app_db)
    assert len(requests) == 1
    request = requests[0]
    assert (request.phone_number, request.best_time, request.first_name) == (
        CALLER,
        "morning",
        "Sam",
    )
    assert request.consent_to_text is True and request.channel == "socketio"
    assert sorted(m.kind for m in outbox) == ["callback_confirmation", "staff_alert"]
    set_slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert set_slots["callback_request_id"] == str(request.id)
    assert all(set_slots[s] is None for s in DOMAIN_SLOTS)  # a second request starts fresh


def test_a_spanish_conversation_saves_its_language_and_a_spanish_text(app_db):
    """Issue 18: the language slot goes with the request; the confirmation is in Spanish."""
    submit({**FILLED, "language": "es"}, channel="socketio")
    (request,), outbox = saved(app_db)
    assert request.language == "es"
    (confirmation,) = [m for m in outbox if m.kind == "callback_confirmation"]
    assert confirmation.body.startswith(
        f"Hola Sam, recibimos su pedido (ref {request.id}) y le llamaremos en la mañana."
    )


def test_a_conversation_without_a_language_is_confirmed_in_english(app_db):
    submit(FILLED)
    (request,), outbox = saved(app_db)
    assert request.language == "en"
    assert all(not m.body.startswith("Hola") for m in outbox)


def leave(slots: Dict[str, Any], channel: str = "voice") -> tuple[list, CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = run(SaveCallbackOnLeave().run(dispatcher, tracker(slots, channel=channel), {}))
    return events, dispatcher


def test_a_goodbye_at_the_name_question_keeps_the_request_without_texts(app_db):
    """Role-play (voice): "great, thank you, bye" at the name question lost the callback."""
    events, dispatcher = leave({"callback_phone": CALLER, "callback_best_time": "evening"})
    assert responses(dispatcher) == ["utter_callback_saved_on_leave"]
    (request,), outbox = saved(app_db)
    assert (request.phone_number, request.best_time, request.consent_to_text) == (
        CALLER,
        "evening",
        False,
    )
    assert [m.kind for m in outbox] == ["staff_alert"]  # no text without a yes
    assert any(e.get("name") == "callback_request_id" for e in events)


@pytest.mark.parametrize("slots", [{}, {"callback_phone": CALLER}, {"callback_best_time": "now"}])
def test_a_goodbye_before_a_number_and_a_time_saves_nothing(app_db, slots):
    _, dispatcher = leave(slots)
    assert responses(dispatcher) == []
    assert saved(app_db) == ([], [])


def test_no_consent_no_text_to_the_person(app_db):
    submit({**FILLED, "callback_consent": "no", "callback_name": "skip"})
    requests, outbox = saved(app_db)
    assert requests[0].consent_to_text is False and requests[0].first_name is None
    assert [m.kind for m in outbox] == ["staff_alert"]


def test_a_failed_save_sends_the_person_to_the_help_line(tmp_path, monkeypatch):
    # a database that cannot be written: a directory where the file should be
    blocked = tmp_path / "blocked.db"
    blocked.mkdir()
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{blocked}")
    events, dispatcher = submit(FILLED)
    assert responses(dispatcher) == ["utter_callback_failed"]
    assert not any(e.get("name") == "callback_request_id" for e in events)


def test_no_number_is_never_reported_saved(app_db):
    _, dispatcher = submit({**FILLED, "callback_phone": None})
    assert responses(dispatcher) == ["utter_callback_failed"]
    assert saved(app_db) == ([], [])


def test_after_two_unclear_answers_no_text_is_sent_and_the_form_moves_on():
    unclear = {
        "event": "bot",
        "text": "?",
        "metadata": {"utter_action": "utter_callback_consent_unclear"},
    }
    events = [
        {"event": "active_loop", "name": "callback_form"},
        unclear,
        unclear,
        {"event": "user", "text": "hmm", "parse_data": {"intent": {"name": "inform"}}},
    ]
    latest = {"text": "hmm", "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    tracker_ = Tracker("c", {}, latest, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = run(ValidateCallbackForm().validate_callback_consent("hmm", dispatcher, tracker_, {}))
    assert result == {"callback_consent": "no"}
    assert responses(dispatcher) == ["utter_callback_no_text"]


def test_unclear_answers_before_this_form_do_not_count():
    unclear = {
        "event": "bot",
        "text": "?",
        "metadata": {"utter_action": "utter_callback_consent_unclear"},
    }
    events = [unclear, unclear, {"event": "active_loop", "name": "callback_form"}]
    latest = {"text": "hmm", "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    tracker_ = Tracker("c", {}, latest, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    result = run(ValidateCallbackForm().validate_callback_consent("hmm", dispatcher, tracker_, {}))
    assert result == {"callback_consent": None}


def test_one_web_client_is_limited_whatever_conversation_or_number(app_db, monkeypatch):
    """Issue 14, item 5: the web channels pass a keyed hash of the client's address
    (metadata ``web_client``); the store counts requests per client a day."""
    monkeypatch.setenv("IOP_CALLBACKS_PER_CLIENT_PER_DAY", "2")
    outcomes = []
    for i in range(3):
        slots = {**FILLED, "callback_phone": f"+1202555{i:04d}"}
        state = tracker(slots, sender=f"conv-{i}")
        state.events[-1]["metadata"] = {"web_client": "a" * 32}
        dispatcher = CollectingDispatcher()
        run(SubmitCallback().run(dispatcher, state, {}))
        outcomes.append(named_aside(responses(dispatcher)))
    assert outcomes == [["utter_callback_saved"]] * 2 + [["utter_callback_limit"]]  # told why
    requests, _ = saved(app_db)
    assert [r.client_key for r in requests] == ["a" * 32] * 2
    # another client, and SMS/voice (no key), are not held back by it
    other = tracker({**FILLED, "callback_phone": "+12025559999"}, sender="conv-9")
    other.events[-1]["metadata"] = {"web_client": "b" * 32}
    dispatcher = CollectingDispatcher()
    run(SubmitCallback().run(dispatcher, other, {}))
    assert named_aside(responses(dispatcher)) == ["utter_callback_saved"]


@pytest.mark.parametrize(
    "text", ["no use my work # 303 555 0102", "Not this phone. Call my cell, it's 303-555-0102."]
)
def test_a_no_that_gives_another_number_keeps_the_number(app_db, text):
    """v4: the number given with the "no" was dropped and asked for again."""
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    result, _ = validate("callback_use_caller_number", text, channel="sms", sender="conv-sms")
    assert result == {"callback_use_caller_number": "no", "callback_phone": "+13035550102"}


@pytest.mark.parametrize("slot", ["callback_best_time", "callback_name"])
def test_a_new_number_while_another_question_is_asked_changes_the_number(slot):
    result, dispatcher = validate(
        slot,
        "wait. could they call my work line instead? 312-555-0160",
        slots={"callback_phone": "+13125550177"},
    )
    assert result == {
        "callback_phone": "+13125550160",
        "callback_use_caller_number": "no",
        slot: None,
    }
    assert dispatcher.messages == []


def test_the_same_number_again_is_not_a_change():
    result, _ = validate("callback_best_time", "evening", slots={"callback_phone": "+13125550177"})
    assert result == {"callback_best_time": "evening"}


def extract(slot: str, text: str, slots: Dict[str, Any] | None = None) -> Dict[str, Any]:
    form = ValidateCallbackForm()
    method = getattr(form, f"extract_{slot}")
    return method(CollectingDispatcher(), tracker(slots, text=text), {})


def test_a_time_and_name_in_the_starting_message_are_not_asked_again():
    text = "pls have someone call me at 520-555-0156 after 5pm, my name is Luis. its about my son"
    assert extract("callback_best_time", text) == {"callback_best_time": "after 5pm"}
    assert extract("callback_name", text) == {"callback_name": "Luis"}
    assert extract("callback_best_time", "can someone call me asap") == {
        "callback_best_time": "now"
    }
    assert extract("callback_name", "This is Ana, call me between 2 and 4") == {
        "callback_name": "Ana"
    }


@pytest.mark.parametrize(
    "slot, text, slots",
    [
        ("callback_best_time", "can someone call me at 312 555 0187", None),
        ("callback_name", "this is about my son, call me tonight", None),
        ("callback_best_time", "after 5pm", {"requested_slot": "callback_name"}),
        ("callback_name", "my name is Luis", {"callback_name": "Rob"}),
    ],
)
def test_only_a_time_or_name_said_in_the_starting_message_is_taken(
    slot: str, text: str, slots: Dict[str, Any] | None
):
    assert extract(slot, text, slots) == {}


@pytest.mark.parametrize("answer", ["dont need a name", "you can skip that", "no thank you"])
def test_declining_the_name_in_other_words_saves_no_name(answer: str):
    assert form_answers.parse_first_name(answer) == form_answers.SKIP


@pytest.mark.parametrize("answer", ["Dont", "You", "wait"])
def test_words_that_are_not_names_are_not_saved_as_names(answer: str):
    assert form_answers.parse_first_name(answer) is None


def test_a_question_about_which_number_is_answered_and_the_number_asked_again():
    dispatcher = CollectingDispatcher()
    form = ValidateCallbackForm()
    slots = {"requested_slot": "callback_phone"}
    result = run(
        form.validate_callback_phone(
            "her number or mine?", dispatcher, tracker(slots, text="her number or mine?"), {}
        )
    )
    assert result == {"callback_phone": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_which_number"]


def test_a_time_about_something_else_is_not_the_time_to_call():
    """ "she wants to start iop asap. can someone call us" (v5): asap is about starting."""
    text = "my wife wants to start iop asap. can someone call us"
    assert extract("callback_best_time", text) == {}


def test_a_time_is_never_saved_as_a_first_name():
    assert form_answers.parse_first_name("as soon as possible") is None
    assert form_answers.parse_first_name("tomorrow") is None


def test_a_second_request_replaces_the_first(app_db):
    """Role-play 2026-12-04: moving the call to after 8 pm must not mean two calls."""
    first_events, _ = submit(FILLED)
    first_id = {e["name"]: e["value"] for e in first_events if e.get("event") == "slot"}[
        "callback_request_id"
    ]
    other_number = "+13125550187"
    events, dispatcher = submit(
        {
            **FILLED,
            "callback_phone": other_number,
            "callback_best_time": "after 8 pm",
            "callback_request_id": first_id,
        }
    )
    assert named_aside(responses(dispatcher)) == ["utter_callback_saved", "utter_callback_replaced"]
    requests, outbox = saved(app_db)
    by_id = {str(r.id): r for r in requests}
    assert by_id[first_id].status == "closed"
    assert by_id[first_id].outcome.startswith("replaced by #")
    open_requests = [r for r in requests if r.status == "new"]
    assert [r.best_time for r in open_requests] == ["after 8 pm"]
    first_texts = [m for m in outbox if str(m.callback_request_id) == first_id]
    assert first_texts and all(m.status == "cancelled" for m in first_texts)


def test_a_request_after_a_withdrawn_one_is_simply_saved(app_db):
    events, dispatcher = submit({**FILLED, "callback_request_id": "9999"})
    assert named_aside(responses(dispatcher)) == ["utter_callback_saved"]
    (request,), _ = saved(app_db)
    assert request.status == "new"


def test_a_new_time_for_the_same_number_updates_the_open_request(app_db):
    first_events, _ = submit(FILLED)
    first_id = {e["name"]: e["value"] for e in first_events if e.get("event") == "slot"}[
        "callback_request_id"
    ]
    _, dispatcher = submit(
        {**FILLED, "callback_best_time": "evening", "callback_request_id": first_id}
    )
    assert named_aside(responses(dispatcher)) == ["utter_callback_saved", "utter_callback_replaced"]
    (request,), _ = saved(app_db)
    assert (request.status, request.best_time) == ("new", "evening")


def test_a_time_given_to_the_number_question_is_kept_for_later(app_db):
    """v9 b-voice-07: "evenings are best" to "should they call this number?" got the
    answer about evening groups; the time is kept and the number question asked again."""
    remember_contact("conv-voice", "voice", CALLER, engine=app_db)
    result, dispatcher = validate(
        "callback_use_caller_number",
        "evenings are best",
        intent="ask_format",
        channel="voice",
        sender="conv-voice",
    )
    assert result == {"callback_use_caller_number": None, "callback_best_time": "evening"}
    assert responses(dispatcher) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "yes but only after 5 pls",
            {
                "callback_use_caller_number": "yes",
                "callback_phone": CALLER,
                "callback_best_time": "after 5 pls",
            },
        ),
        (
            "no, call my cell 312-555-0187 after 6",
            {
                "callback_use_caller_number": "no",
                "callback_phone": "+13125550187",
                "callback_best_time": "after 6",
            },
        ),
    ],
)
def test_a_time_said_with_the_number_answer_is_kept(app_db, text, expected):
    # role-plays round 17: "yes but only after 5 pls" lost its time and was asked again
    remember_contact("conv-time", "sms", CALLER, engine=app_db)
    result, _ = validate("callback_use_caller_number", text, channel="sms", sender="conv-time")
    assert result == expected


def test_a_kept_time_is_not_replaced_by_the_number_answer(app_db):
    remember_contact("conv-kept", "sms", CALLER, engine=app_db)
    dispatcher = CollectingDispatcher()
    form = ValidateCallbackForm()
    t = tracker({"callback_best_time": "morning"}, "yes after 5", channel="sms", sender="conv-kept")
    result = run(form.validate_callback_use_caller_number("yes after 5", dispatcher, t, {}))
    assert "callback_best_time" not in result


def test_call_my_cell_instead_asks_for_the_number_again(app_db):
    # texter role-play round 17: "nvm just call my cell instead" left the call on the wife's
    # phone; with no digits given, the number is asked for again
    remember_contact("conv-cell", "sms", CALLER, engine=app_db)
    form = ValidateCallbackForm()
    t = tracker(
        {"callback_phone": CALLER, "callback_use_caller_number": "yes"},
        "nvm just call my cell instead",
        channel="sms",
        sender="conv-cell",
    )
    result = run(
        form.validate_callback_name("nvm just call my cell instead", CollectingDispatcher(), t, {})
    )
    assert result["callback_phone"] is None
    assert result["callback_use_caller_number"] == "no"


def test_my_phone_in_a_reason_is_no_switch_to_the_callers_number(app_db):
    # caller role-play round 19: "no, please don't text me. he looks at my phone" to the
    # texting question put the call back on the house phone she had refused
    remember_contact("conv-house", "voice", "+12405550163", engine=app_db)
    said = "no, please don't text me. he looks at my phone. and don't leave a message"
    form = ValidateCallbackForm()
    t = tracker(
        {"callback_phone": "+13015550199", "callback_use_caller_number": "no"},
        said,
        channel="voice",
        sender="conv-house",
    )
    result = run(form.validate_callback_consent(said, CollectingDispatcher(), t, {}))
    assert result.get("callback_phone", "+13015550199") == "+13015550199"
    assert result.get("callback_consent") == "no"


@pytest.mark.parametrize("slot", ["callback_phone", "callback_use_caller_number"])
def test_why_the_number_is_answered_and_the_question_asked_again(slot: str):
    # v13: "why do u need my number cant i just call u" was taken as "yes, this number"
    text = "why do u need my number cant i just call u"
    dispatcher = CollectingDispatcher()
    form = ValidateCallbackForm()
    validate = getattr(form, f"validate_{slot}")
    result = run(validate(text, dispatcher, tracker({"requested_slot": slot}, text=text), {}))
    assert result == {slot: None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_callback_why_number"]


@pytest.mark.parametrize(
    "text,slots,expected",
    [
        ("can someone call me, no texts please", {}, {"callback_consent": "no"}),
        (
            "Lisa. please dont text, he reads my phone",
            {"requested_slot": "callback_name"},
            {"callback_consent": "no"},
        ),
        ("can someone call me", {}, {}),
        ("don't text me", {"requested_slot": "callback_consent"}, {}),
    ],
)
def test_no_texts_said_before_the_texting_question_answers_it(text, slots, expected):
    form = ValidateCallbackForm()
    got = form.extract_callback_consent(CollectingDispatcher(), tracker(slots, text=text), {})
    assert got == expected


def test_what_to_a_callback_question_asks_it_again() -> None:
    """caller role-play round 24: "what?" to "should they call this number?" got "Sorry, I
    didn't catch that. You can ask me about our program" (the form rejected the turn)."""
    import asyncio

    from rasa_sdk import Tracker
    from rasa_sdk.events import SlotSet
    from rasa_sdk.executor import CollectingDispatcher

    from actions.callback import ValidateCallbackForm

    latest = {"text": "what?", "intent": {"name": "repeat_last", "confidence": 1.0}}
    tracker = Tracker(
        "c",
        {"requested_slot": "callback_best_time"},
        latest,
        [{"event": "user", "text": "what?", "parse_data": latest}],
        False,
        None,
        {"name": "callback_form"},
        "action_listen",
    )
    events = asyncio.run(ValidateCallbackForm().run(CollectingDispatcher(), tracker, {}))
    assert events == [SlotSet("callback_best_time", None)]


def test_dont_text_this_phone_answers_the_texting_question(app_db):
    # blind v18 (read in round 24), a shared shelter phone: "no dont text this phone" was read
    # as a new number, the texting question came again and nothing was saved
    remember_contact("conv-shelter", "sms", "+17135554155", engine=app_db)
    said = "no dont text this phone"
    form = ValidateCallbackForm()
    t = tracker(
        {"callback_phone": "+12155550163", "callback_use_caller_number": "no"},
        said,
        channel="sms",
        sender="conv-shelter",
    )
    result = run(form.validate_callback_consent(said, CollectingDispatcher(), t, {}))
    assert result == {"callback_consent": "no"}


def test_this_number_with_no_voicemail_is_a_yes_to_the_number(app_db):
    """Blind v25, read in round 31: the "dont" about the voicemail was the answer, and the
    number was asked for, then "mornings" was "not a US number" three times."""
    remember_contact("conv-sms", "sms", CALLER, engine=app_db)
    sms = dict(channel="sms", sender="conv-sms")
    text = "this number but pls dont leave a voicemail my wife checks it"
    result, _ = validate("callback_use_caller_number", text, intent="deny", **sms)
    assert result["callback_use_caller_number"] == "yes"
    assert result["callback_phone"] == CALLER
    result, _ = validate("callback_use_caller_number", "no not this number", intent="deny", **sms)
    assert result["callback_use_caller_number"] == "no"


def named_aside(said: list) -> list:
    """The responses, without the name said back after a save (round 32)."""
    return [r for r in said if r != "utter_callback_name_noted"]
