"""Round 25: what v19/es-v10 (read this round) showed in the language rules."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.control_intents import asks_for_screening
from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.dosing_questions import asks_about_stopping_while_pregnant


@pytest.mark.parametrize(
    "text,asks",
    [
        ("ok perdon mejor en español jaja. como se si necesito detox primero? es para mi", True),
        ("hola, necesito saber si tengo que ir a detox o puedo entrar directo al programa", True),
        ("yo quisiera que me hicieran las preguntas esas de si necesito detox", True),
        ("quiero saber si mi hijo tiene que ir a detox", True),
        ("ustedes hacen detox?", False),
        ("tienen desintoxicacion ahi?", False),
    ],
)
def test_spanish_asks_for_the_screening(text: str, asks: bool) -> None:
    assert asks_for_screening(text) is asks


@pytest.mark.parametrize(
    "text,pregnant",
    [
        ("uso coca los fines de semana, no estoy embarazada, tengo que ir a detox?", False),
        ("i'm not pregnant, do i need to stop before detox", False),
        ("estoy embarazada y quiero dejar las pastillas", True),
        ("im pregnant and want to stop using", True),
    ],
)
def test_a_pregnancy_said_not_to_be_is_no_pregnancy(text: str, pregnant: bool) -> None:
    assert asks_about_stopping_while_pregnant(text) is pregnant


@pytest.mark.parametrize(
    "text,danger",
    [
        ("i found foil and some little blue pills i think its fentanyl", False),
        ("his lips are blue", True),
        ("he is turning blue", True),
    ],
)
def test_the_colour_of_pills_is_no_danger_word(text: str, danger: bool) -> None:
    assert has_danger_words(text) is danger


def _message(text: str, ranking: list[tuple[str, float]]):
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    message = Message({TEXT: text})
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    return message


@pytest.mark.parametrize(
    "text,ranking,intent",
    [
        # es-v10: the question asked with the language is answered (in Spanish)
        (
            "mi hijo dice que lo van a meter a un intensive outpatient y no entiendo que es eso, "
            "me explican porfavor, no hablo mucho ingles",
            [("ask_what_is_iop", 0.8), ("speak_spanish", 0.1)],
            "ask_what_is_iop",
        ),
        # an unsure guess, or a short request: the language answer as before
        (
            "hola puedo hablar en español? quiero saber cuanto cuesta el programa",
            [("ask_helpline_hours", 0.3), ("ask_cost_insurance", 0.2)],
            "speak_spanish",
        ),
        ("en español por favor", [("speak_spanish", 0.9)], "speak_spanish"),
    ],
)
def test_a_question_with_a_language_request_is_answered(text, ranking, intent) -> None:
    from rasa.shared.nlu.constants import INTENT

    from iop_assistant.nlu.control_gate import gate

    message = _message(text, ranking)
    gate(message)
    assert message.get(INTENT)["name"] == intent


def test_what_comes_next_is_not_say_that_again() -> None:
    from iop_assistant.nlu.control_intents import asks_to_repeat

    assert not asks_to_repeat("6 weeks left. then what?")
    assert not asks_to_repeat("and then what")
    assert asks_to_repeat("what?")
    assert asks_to_repeat("sorry what was that")


def test_not_wanting_the_screening_is_no_request_for_it() -> None:
    assert not asks_for_screening("I don't want to do the screening anymore")
    assert not asks_for_screening("can we stop the questions")
    assert asks_for_screening("can you do the screening for my son")


def test_leaving_a_child_somewhere_is_not_stopping_a_drug() -> None:
    text = "estoy embarazada y tengo un niño de 2, con quien lo dejo mientras voy al programa?"
    assert not asks_about_stopping_while_pregnant(text)
    assert asks_about_stopping_while_pregnant("estoy embarazada, puedo dejar de tomar de golpe?")


def test_sports_are_not_deportation() -> None:
    from iop_assistant.program_question import asks_about_immigration

    assert not asks_about_immigration("yo apuesto en el celular, los deportes y todo eso")
    assert asks_about_immigration("me pueden deportar si voy?")
    assert asks_about_immigration("will i get deported")


def test_a_spanish_dose_taken_is_something_taken() -> None:
    from iop_assistant.nlu.danger_words import says_something_was_taken

    assert says_something_was_taken("ya me tome el frasco de klonopin con tequila")
    assert says_something_was_taken("mezcle klonopin con alcohol")
    assert not says_something_was_taken("quiero dejar el alcohol")


@pytest.mark.parametrize(
    "text",
    [
        "He has guns in the house and he's been drinking since noon.",
        "My husband's face is white and clammy and he's not answering me.",
        "the shakes are bad and I'm starting to see things",
        "28 weeks pregnant, I used last night and today the baby stopped moving",
        "fell while i was high and hit my head",
        "is there a way to make sure somebody finds me before my kids get home",
        "anoche intente ahorcarme y hoy lo voy a volver a intentar",
        "la voz me sigue diciendo que me mate",
        "me estoy cortando y no se como parar",
        "me meti medio gramo de crystal y tengo el pecho apretado",
        "mezcle klonopin con alcohol y ya no siento las piernas y veo doble",
    ],
)
def test_round25_words_of_danger(text: str) -> None:
    """v19/es-v10 crisis misses with no danger word: inside a form a classifier-only crisis
    with none of these words is read as an answer, so the form went on."""
    assert has_danger_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "i get shaky and sweaty and cant sleep",
        "sometimes i throw up when i stop",
        "i want to quit for good",
        "tiemblo y sudo en la noche",
    ],
)
def test_withdrawal_answers_stay_answers(text: str) -> None:
    assert not has_danger_words(text)


def test_hopelessness_is_asked_about() -> None:
    from iop_assistant.nlu.distress import is_ambiguous_distress

    assert is_ambiguous_distress("idk whats the point of quitting anyway nothing ever gets better")
    assert is_ambiguous_distress("it never gets better for me")
    assert not is_ambiguous_distress("does it get better after the first week?")


def test_stop_the_questions_and_connect_me_is_a_transfer() -> None:
    from rasa.shared.nlu.constants import INTENT

    from iop_assistant.nlu.control_gate import gate

    message = _message("forget the questions man just put me through to somebody", [("stop", 0.9)])
    gate(message)
    assert message.get(INTENT)["name"] == "request_human"
    message = _message("forget the questions. I'll just call", [("stop", 0.9)])
    gate(message)
    assert message.get(INTENT)["name"] == "stop"


def test_getting_a_pen_is_say_it_again() -> None:
    from rasa.shared.nlu.constants import INTENT

    from iop_assistant.nlu.control_gate import gate

    message = _message("hold on hold on let me get a pen", [("request_human", 0.76)])
    gate(message)
    assert message.get(INTENT)["name"] == "repeat_last"


def test_a_spanish_wish_for_a_call_is_a_callback_request() -> None:
    from iop_assistant.nlu.control_intents import asks_for_a_call

    assert asks_for_a_call("yo lo estoy criando. quisiera que alguien me llamara para orientarme")
    assert asks_for_a_call("me gustaria que me llamaran en la tarde")


def test_never_mind_someone_else_will_handle_it_is_a_stop() -> None:
    from iop_assistant.nlu.control_intents import says_stop

    assert says_stop("Actually never mind. His mother says she will handle it. Sorry to bother you")
    assert not says_stop("never mind. how long is the program")


def test_a_past_overdose_with_a_request_for_a_call_is_a_callback_request() -> None:
    """blind v19 a-s14: a mother asking for a call for her son got the story-of-use reply."""
    import spacy
    from rasa.shared.nlu.constants import INTENT

    from iop_assistant.nlu import spacy_pipeline
    from iop_assistant.nlu.crisis_guard import CrisisGuard
    from iop_assistant.nlu.crisis_matcher import CrisisMatcher
    from iop_assistant.nlu.input_guard import InputGuard

    guard = CrisisGuard(CrisisMatcher(spacy.load(spacy_pipeline.build())))
    for text, intent in (
        (
            "my son just got out of jail last week, he overdosed twice before he went in. "
            "he wants to do IOP. can someone call him?",
            "request_callback",
        ),
        ("he overdosed twice last year and hes not breathing now, call me", "crisis"),
    ):
        message = _message(text, [("crisis", 0.99), ("inform_use", 0.01)])
        InputGuard().process([message])
        guard.process([message])
        assert message.get(INTENT)["name"] == intent, text


def test_a_seizure_on_a_stimulant_gets_seizure_first_aid() -> None:
    import spacy

    from iop_assistant.nlu import spacy_pipeline
    from iop_assistant.nlu.crisis_guard import refine
    from iop_assistant.nlu.crisis_matcher import CrisisMatcher

    matcher = CrisisMatcher(spacy.load(spacy_pipeline.build()))
    for text, category in (
        ("he took too much meth and now hes seizing", "seizure"),
        ("he took too much fentanyl and now hes seizing", "overdose"),
    ):
        hit = matcher.match(text)
        assert hit is not None
        assert refine(hit, text, matcher).category == category, text


@pytest.mark.parametrize(
    "text,asks",
    [
        ("is narcan free", True),
        ("where do i buy narcan", True),
        ("can I get narcan free for the house", True),
        ("donde consigo narcan", True),
        ("what is narcan", False),
        ("he isnt breathing do i give narcan", False),
    ],
)
def test_where_to_get_naloxone(text: str, asks: bool) -> None:
    from iop_assistant.nlu.danger_questions import asks_where_to_get_naloxone

    assert asks_where_to_get_naloxone(text) is asks


def test_round26_roleplay_callers() -> None:
    """Caller role-play round 26: "What, dear?" is "say that again"; "I just need the number
    for your help line" is the number read out, not a transfer; a program question with
    "I don't drive anymore" in it is a program question."""
    from iop_assistant.channels.voice_twiml import asks_for_the_number
    from iop_assistant.nlu.control_intents import asks_to_repeat
    from iop_assistant.program_question import asks_about_the_program

    assert asks_to_repeat("What, dear?")
    assert asks_to_repeat("say that again hon")
    assert asks_for_the_number("Yeah hi, I just need the number for your help line.")
    assert asks_about_the_program(
        "Tell me more. How many days would I have to go? I don't drive anymore, my son drives me."
    )


def test_ill_call_them_myself_thanks_bye_is_a_goodbye() -> None:
    from rasa.shared.nlu.constants import INTENT

    from iop_assistant.nlu.control_gate import gate

    message = _message("No that's fine, I'll call them myself. Thanks, bye.", [("goodbye", 0.6)])
    gate(message)
    assert message.get(INTENT)["name"] == "goodbye"
    message = _message("no dont call me, cancel it", [("cancel_callback", 0.9)])
    gate(message)
    assert message.get(INTENT)["name"] == "cancel_callback"


@pytest.mark.parametrize(
    "text,asks",
    [
        ("why cant i just stop? im sick of needing them", True),
        ("why not just quit cold turkey?", True),
        ("why cant i stop thinking about it", False),
        ("why did i start drinking", False),
    ],
)
def test_why_not_just_stop_is_the_dosing_question(text: str, asks: bool) -> None:
    from iop_assistant.nlu.dosing_questions import asks_about_dosing

    assert asks_about_dosing(text) is asks


def test_getting_a_pen_on_the_phone_is_the_number_again() -> None:
    from iop_assistant.channels.voice_twiml import asks_again

    assert asks_again("hold on hold on let me get a pen")
    assert not asks_again("can you tell me about the groups")


def test_shot_myself_in_the_foot_is_an_idiom() -> None:
    """tests/safety after the round 25 retrain: the classifier's sure crisis."""
    from iop_assistant.nlu.danger_idioms import is_idiom_only

    assert is_idiom_only("shot myself in the foot by skipping meetings, want to get back on track")
    assert not is_idiom_only("i shot myself in the foot with the gun")


def test_a_gun_in_the_glove_box_is_means_at_hand() -> None:
    """Caller role-play round 26: "my gun's in the glove box" got no word about the gun."""
    from iop_assistant.nlu.crisis_updates import read_update

    assert read_update("my gun's in the glove box") == "has_means"
    assert read_update("the gun is in my truck") == "has_means"
    assert read_update("is my gun in the car?") is None


def test_an_overdose_days_ago_and_revived_is_already_treated() -> None:
    """Stepdown role-play round 26: the live-overdose reply to someone the ER had sent."""
    from iop_assistant.nlu.past_danger import was_already_treated

    assert was_already_treated("I overdosed 2 days ago, they had to narcan me")
    assert not was_already_treated("they had to narcan me an hour ago and now i cant breathe")
    assert not was_already_treated(
        "he overdosed 2 days ago, they had to narcan him, now he's not breathing"
    )


def test_try_the_988_again_is_a_request_for_the_crisis_line() -> None:
    from iop_assistant.channels.voice_twiml import wants_crisis_line

    assert wants_crisis_line("it didn't go through. try the 988 again", "")
    assert not wants_crisis_line("if i call 988 again will they send the cops", "")


def test_a_plan_to_try_988_later_is_not_a_transfer() -> None:
    from iop_assistant.channels.voice_twiml import wants_crisis_line

    assert not wants_crisis_line("ok i'll try 988 later tonight", "")
    assert not wants_crisis_line("maybe i will try calling 988 tomorrow", "")
    assert wants_crisis_line("988 please", "")
