"""Round 34: crisis mode hears new facts, withdrawal care asked in other words, referrers,
titles in names, callback status asked plainly, pieces of a message on a bad line."""

from __future__ import annotations

from typing import Any, List

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.form_answers import parse_first_name
from iop_assistant.nlu.contact_questions import asks_callback_status
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.withdrawal_story import asks_whether_to_get_care
from iop_assistant.program_question import asks_if_the_start_still_stands
from iop_assistant.rasa_hooks import crisis_context, fragments
from iop_assistant.writer_role import writes_as_a_professional


@pytest.mark.parametrize(
    "text, kind",
    [
        # crisis role-play round 35: the violence reply again, "Call 911 now" to someone who had
        ("ok i texted 911. he stopped banging i think he passed out on the couch", "help_coming"),
        ("i already called them, hes on his side now", "help_coming"),
        ("ok theyre here. im ok. but seriously can i still start monday", "help_here"),
        ("the cops just showed up", "help_here"),
        (
            "he didnt overdose he just had a seizure?? i already called them. hes on his side "
            "now, breathing. what do i tell the paramedics",
            "what_to_say",
        ),
        ("narcan... I have narcan... how", "naloxone_question"),
    ],
)
def test_new_facts_after_a_crisis_reply_are_read(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "we have narcan at home, how much does the program cost",
        "they're here for the program orientation?",
    ],
)
def test_look_alikes_are_no_such_update(text):
    assert read_update(text) not in ("naloxone_question", "help_here")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ok theyre here. im ok. but can i still start monday if i dont have a ride", True),
        ("will this mess up me starting monday, i wont have my car", True),
        ("todavia puedo empezar el lunes?", True),
        ("can i start monday", False),
        ("can i still come to group if i relapsed", False),
    ],
)
def test_asks_if_the_start_still_stands(text, expected):
    assert asks_if_the_start_still_stands(text) is expected


LORAZEPAM = (
    "she already skipped her pill yesterday and today and she says she feels jittery and her "
    "heart is pounding. what do I do"
)


@pytest.mark.parametrize(
    "text, earlier, expected",
    [
        # family role-play round 35: a 70-year-old's lorazepam stopped, her doctor closed
        (LORAZEPAM, [], True),
        ("she's withdrawing I think. should she take her pill again?", [LORAZEPAM], True),
        (
            "can withdrawal from lorazepam be dangerous? do I take her to urgent care or the ER?",
            [],
            True,
        ),
        ("she's shaky and scared. where do I take her right now", [LORAZEPAM], True),
        ("she's shaky and scared. where do I take her right now", [], False),
        ("my husband gets the shakes every morning until he drinks, what do i do?", [], False),
        ("where do i take him for detox", [], False),
    ],
)
def test_withdrawal_care_today_asked_in_other_words(text, earlier, expected):
    assert asks_whether_to_get_care(text, earlier) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # caller role-play round 35: a new request started, then what IOP treats
        ("Is somebody still gonna call me? Cause I don't want a call at home.", True),
        ("So nothing got saved from before, right? Nobody's calling my house?", True),
        ("Do you have a callback request for me or not?", True),
        ("nothing was saved in my fridge", False),
    ],
)
def test_callback_status_asked_plainly(text, expected):
    assert asks_callback_status(text) is expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("Dr. Priya Nair", "Priya"),
        ("reverend thomas okafor", "Thomas"),
        ("Ms. Johnson", "Ms. Johnson"),
        ("mr smith", "Mr. Smith"),
        ("Bob", "Bob"),
    ],
)
def test_a_title_is_never_saved_as_the_name(text, name):
    assert parse_first_name(text) == name


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hi, I'm a case manager at a shelter and I have a client with no phone", True),
        ("ED nurse here, patient being discharged on bupe", True),
        ("soy trabajadora social y tengo una paciente", True),
        ("I'm a nurse and I drink a bottle of wine most nights", False),
        ("my therapist said I should try IOP", False),
        ("my son is a nurse", False),
    ],
)
def test_writes_as_a_professional(text, expected):
    assert writes_as_a_professional(text) is expected


def _tracker(*texts: str, slots: dict | None = None) -> DialogueStateTracker:
    events: List[Any] = [ActionExecuted("action_session_start"), ActionExecuted("action_listen")]
    for name, value in (slots or {}).items():
        events.append(SlotSet(name, value))
    for text in texts:
        events += [UserUttered(text, {"name": "inform"}), ActionExecuted("utter_inform_use")]
        events.append(ActionExecuted("action_listen"))
    return DialogueStateTracker.from_events("someone", events)


def test_pieces_are_joined_only_after_pieces():
    assert fragments.joined_pieces("not waking", ["hello? my son", "pills"]) == (
        "hello? my son pills not waking"
    )
    assert fragments.joined_pieces("not waking", ["my son took a lot of pills tonight"]) is None
    assert fragments.joined_pieces("he took a lot of pills tonight", ["my son"]) is None


def test_a_joined_crisis_from_the_guard_is_taken_and_a_guess_is_not():
    parse = {"text": "not waking", "intent": {"name": "deny"}, "entities": []}
    guessed = {"intent": {"name": "crisis"}, "entities": []}
    assert not fragments.take_the_joined_crisis(parse, guessed)
    found = {
        "text": "my son pills not waking",
        "intent": {"name": "crisis"},
        "entities": [{"entity": "crisis_category", "value": "overdose"}],
    }
    assert fragments.take_the_joined_crisis(parse, found)
    assert parse["intent"]["name"] == "crisis"
    assert {"entity": "crisis_category", "value": "overdose"} in parse["entities"]


def test_lips_turning_blue_stay_the_sons_overdose():
    tracker = _tracker("my son... pills... not waking", slots={"crisis_category": "overdose"})
    parse = {
        "text": "lips... blue... what do I",
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [{"entity": "crisis_category", "value": "overdose_self"}],
    }
    crisis_context.in_context(parse, tracker)
    assert parse["entities"][0]["value"] == "overdose"
    own = {
        "text": "i took some too and my lips are blue",
        "intent": {"name": "crisis", "confidence": 1.0},
        "entities": [{"entity": "crisis_category", "value": "overdose_self"}],
    }
    crisis_context.in_context(own, tracker)
    assert own["entities"][0]["value"] == "overdose_self"


def test_where_to_take_her_after_withdrawal_told_is_care_today():
    tracker = _tracker(LORAZEPAM)
    parse = {
        "text": "that doesn't help. she's shaky and scared. where do I take her right now",
        "intent": {"name": "crisis_checkin", "confidence": 0.6},
        "entities": [],
    }
    result = crisis_context.in_context(parse, tracker)
    assert result["intent"]["name"] == "ask_safety_procedures"
    assert result["control_gate"]["reason"] == "withdrawal care today"


def test_the_partner_who_took_the_phone_and_keys_is_danger_at_home(guard):
    text = (
        "hi is this the iop place. im on my sons old phone. my boyfriend took my phone and my car "
        "keys and im in the bathroom w the door locked"
    )
    hit = guard.check(text)
    assert hit is not None and hit.category == "violence"
    assert guard.check("im hiding in the bathroom at work lol") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("im scared to start the program tonight", "ask_first_day"),
        ("we are thinking about having a drink tonight to celebrate", "nlu_fallback"),
    ],
)
def test_nerves_and_celebrations_are_no_classifier_only_crisis(guarded, text, expected):
    message = guarded(text, "crisis", "goodbye")
    assert message.get("intent")["name"] == expected


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "ok voy a mandar texto a ese numero. si se pone peor me voy con mi hermana",
            "will_reach_out",
        ),
        ("if he gets worse tonight i will take the kids to my moms", "will_reach_out"),
        ("im gonna take some of my moms xanax", "self_medicate"),
    ],
)
def test_a_safety_plan_is_a_step_taken(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text, expected",
    [
        # self role-play round 36: the methadone answer to an Adderall prescription misused
        (
            "I have a prescription for Adderall but I've been taking more than I'm supposed to",
            "ask_who_benefits",
        ),
        ("would you guys tell my psychiatrist? I do need it for ADHD", "ask_confidentiality"),
        ("can i stay on my suboxone during the program", "ask_staying_on_medication"),
    ],
)
def test_a_prescription_misused_is_not_the_staying_on_medication_answer(text, expected):
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.question_first import QuestionFirst

    message = Message({TEXT: text})
    message.set(INTENT, {"name": "ask_staying_on_medication", "confidence": 0.7})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_staying_on_medication", "confidence": 0.7}])
    QuestionFirst.__new__(QuestionFirst).process([message])
    assert message.get(INTENT)["name"] == expected


def test_too_much_medicine_with_confusion_is_poison_control():
    text = (
        "She's 80 and she's been taking more of her anxiety pills than she's supposed to, "
        "and today she's kind of confused."
    )
    assert read_update(text) == "poison_control"
    assert read_update("i take more adderall than prescribed") is None


def test_a_button_pressed_after_a_crisis_reply_is_answered():
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("my son broke the door last night. im scared", {"name": "crisis"}),
        ActionExecuted("utter_crisis"),
        ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("someone", events)
    parse = {
        "text": "/ask_what_is_iop",
        "intent": {"name": "ask_what_is_iop", "confidence": 1.0},
        "entities": [],
    }
    assert crisis_context.in_context(parse, tracker)["intent"]["name"] == "ask_what_is_iop"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ok delete my number i dont want ppl knowing", "ask_chat_privacy"),
        ("can u erase it or not. yes or no", "ask_chat_privacy"),
        ("intensive outpatient for wat. did my mom sign me up for this", "bot_challenge"),
        ("bc i got a txt from this number yesterday", "bot_challenge"),
        ("how do i delete the app", "out_of_scope"),
    ],
)
def test_deleting_data_and_who_signed_me_up_are_answered(gated, text, expected):
    assert gated(text, "out_of_scope", 0.6) == expected


def test_hard_to_wake_after_opioids_is_the_overdose_reply():
    tracker = _tracker("my resident used heroin or fentanyl over the weekend")
    parse = {
        "text": "should i be worried? hes not really answering",
        "intent": {"name": "ask_dosing", "confidence": 0.5},
        "entities": [],
    }
    crisis_context.in_context(parse, tracker)
    assert parse["intent"]["name"] == "crisis"
    assert {"entity": "crisis_category", "value": "overdose", "extractor": "crisis_context"} in (
        parse["entities"]
    )
    calm = {
        "text": "hes not really answering my texts",
        "intent": {"name": "inform"},
        "entities": [],
    }
    crisis_context.in_context(calm, _tracker("my son uses fentanyl"))
    assert calm["intent"]["name"] == "inform"


@pytest.mark.parametrize(
    "text, kind",
    [
        # blind v29 / es-v20, read in round 34 (their crisis-related failing turns only)
        ("ya llegamos con mi hermana. estamos bien", "safe_now"),
        ("ya sali con los 2 niños", "safe_now"),
        (
            "hes asleep in his recliner snoring like always, he woke up fine when i said goodnight",
            None,
        ),
        ("hes snoring really loud and i cant wake him", "not_sleeping"),
    ],
)
def test_blind_round34_updates(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text, expected",
    [
        ("honestly dont know how much longer i can do this", True),
        ("queria preguntar por el programa pero la verdad ya no se ni para que", True),
        ("i dont know how long i can wait for the intake", False),
    ],
)
def test_blind_round34_sideways_distress_is_asked_about(text, expected):
    from iop_assistant.nlu.distress import is_ambiguous_distress

    assert is_ambiguous_distress(text) is expected


def test_more_than_prescribed_alone_is_a_screening_answer():
    # the persona p64 (CI rehearsal, round 34): "yes but i take more than prescribed" to the
    # prescribed question got the Poison Control reply and the screening stopped
    assert read_update("yes but i take more than prescribed") is None


def test_pieces_are_not_joined_after_a_crisis_reply():
    # CI rehearsal, round 34: "mi esposo no respira" then "English please" was read as the
    # crisis again (the pieces joined), and the language switch never came
    from iop_assistant.rasa_hooks.crisis_context import _actions, had_crisis_reply

    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("mi esposo no respira", {"name": "crisis"}),
        ActionExecuted("utter_crisis"),
        ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("someone", events)
    assert had_crisis_reply(_actions(tracker)[-1:])
