"""Round 33: the retrained classifier's weak guesses, "too long", relatives' outcomes."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.control_intents import asks_for_shorter


@pytest.mark.parametrize(
    "text, expected",
    [
        ("too long", True),
        ("shorter pls", True),
        ("tl;dr", True),
        ("way too long lol", True),
        ("mas corto porfa", True),
        ("muy largo", True),
        ("can u make it shorter", True),
        ("how long is the program", False),
        ("too long to wait?", False),
        ("is it too long", False),
        ("long", False),
    ],
)
def test_asks_for_shorter(text, expected):
    assert asks_for_shorter(text) is expected


@pytest.mark.parametrize(
    "text, intent, confidence, expected",
    [
        # after the round 32 retrain the classifier's own reading was too weak to pass
        ("ok lets do it", "affirm", 0.30, "affirm"),
        ("lets do this", "nlu_fallback", 0.30, "affirm"),
        (
            "i walked out of rehab against medical advice last week. can i still do your program",
            "ask_relapse",
            0.10,
            "ask_relapse",
        ),
        ("too long", "ask_program_length", 0.6, "repeat_last"),
        ("shorter pls", "nlu_fallback", 0.3, "repeat_last"),
    ],
)
def test_weak_or_wrong_readings_are_lifted(gated, text, intent, confidence, expected):
    assert gated(text, intent, confidence) == expected


def test_a_weak_relapse_reading_is_made_sure_for_coming_back():
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.control_gate import gate

    text = "i walked out of rehab against medical advice last week. can i still do your program"
    message = Message({TEXT: text})
    message.set(INTENT, {"name": "ask_relapse", "confidence": 0.1})
    message.set(INTENT_RANKING_KEY, [{"name": "ask_relapse", "confidence": 0.1}])
    gate(message)
    assert message.get(INTENT) == {"name": "ask_relapse", "confidence": 1.0}


@pytest.mark.parametrize(
    "text, intent, expected",
    [
        ("he is odd", "crisis", "inform_use"),
        ("my brother is so weird lately", "out_of_scope", "inform_use"),
        ("mi hijo anda muy raro", "nlu_fallback", "inform_use"),
        ("he is odd and not breathing", "crisis", "crisis"),
        ("i feel weird", "crisis_checkin", "crisis_checkin"),
    ],
)
def test_someone_odd_lately_is_a_relatives_worry(gated, text, intent, expected):
    # left open in round 32: "he is odd" got the 911 reply from the classifier alone
    assert gated(text, intent, 0.9) == expected


@pytest.mark.parametrize(
    "text, category",
    [
        ("my roommate is shaking all over on the floor and wont answer me", "seizure"),
        ("hes shaking on the floor", "seizure"),
        (
            "he gets really aggressive when he drinks and im scared of what will happen tonight",
            "violence",
        ),
        ("se pone muy agresivo cuando toma y tengo miedo de lo que pase en la noche", "violence"),
    ],
)
def test_round35_danger_is_read(guard, text, category):
    hit = guard.check(text)
    assert hit is not None and hit.category == category


@pytest.mark.parametrize(
    "text",
    ["im shaking on the floor lol from laughing", "he gets aggressive when he drinks"],
)
def test_round35_look_alikes_are_no_hit(guard, text):
    assert guard.check(text) is None


def test_withdrawal_told_and_taking_her_in_asked_is_care_today(gated):
    text = (
        "my wife drinks every day and this morning her hands are shaking bad and she threw up, "
        "should i take her in somewhere"
    )
    assert gated(text, "crisis", 0.9) == "ask_safety_procedures"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hello? is this a real person?", True),
        ("are you a robot or what", True),
        ("is this a recording", True),
        ("i want a real person", False),
    ],
)
def test_is_this_a_person(text, expected):
    from iop_assistant.call_questions import asks_if_a_person_answers

    assert asks_if_a_person_answers(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("im 3 days out of detox and thinking about just having a beer tonight", True),
        ("honestly i really want to have a drink right now", True),
        ("we are thinking about having a drink tonight to celebrate her birthday", False),
        ("i had a beer tonight with dinner", False),
    ],
)
def test_thinking_about_a_drink_tonight_is_a_craving(text, expected):
    from iop_assistant.nlu.contact_questions import tells_of_a_craving

    assert tells_of_a_craving(text) is expected


def test_a_classifier_only_crisis_with_a_laugh_takes_its_next_reading(guarded):
    # blind es-v19, read in round 33: a son yelling "te mate" at friends in a video game "jaja"
    text = (
        "mi hijo anda rarisimo, se encierra en el cuarto con el videojuego gritando te mate te "
        "mate a los panas por el headset jaja. eso es normal?"
    )
    message = guarded(text, "crisis", "out_of_scope")
    assert message.get("intent")["name"] != "crisis"


def test_a_laugh_never_hides_a_lexicon_hit(guarded):
    message = guarded("lol i just took 30 of my pills", "crisis")
    assert message.get("intent")["name"] == "crisis"
