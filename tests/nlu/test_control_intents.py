"""A goal is never a command: stop, goodbye, thanks and hello only when plainly meant."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.control_intents import (
    asks_to_be_connected,
    ends_with_farewell,
    is_explicit,
    is_explicit_command,
    is_goal_or_plea,
    is_plea,
    starts_with_stop,
)


@pytest.mark.parametrize(
    "text",
    [
        "I want to stop drinking",
        "how do I quit meth",
        "i need to get clean",
        "trying to stop using pills",
        "help me stop drinking so much",
        "i'm ready to quit heroin for good",
        "how do i stop",
    ],
)
def test_goals_are_not_stop(text):
    assert is_goal_or_plea(text)
    assert not is_explicit("stop", text)
    assert not is_explicit_command("stop", text)


@pytest.mark.parametrize("text", ["help", "i need help", "help me please", "HELP!!", "pls help me"])
def test_pleas_are_not_thanks(text):
    assert is_plea(text)
    assert not is_explicit("thank", text)


@pytest.mark.parametrize(
    "intent, text",
    [
        ("stop", "stop"),
        ("stop", "STOP"),
        ("stop", "never mind"),
        ("stop", "can we stop"),
        ("stop", "i want to stop"),
        ("stop", "skip this"),
        ("goodbye", "bye"),
        ("goodbye", "thank you goodbye"),
        ("goodbye", "ok gotta go"),
        ("thank", "thanks!"),
        ("thank", "ok thank you so much"),
        ("greet", "hi"),
        ("greet", "hello there"),
    ],
)
def test_explicit_commands_stand(intent, text):
    assert is_explicit(intent, text)
    assert is_explicit_command(intent, text)


@pytest.mark.parametrize(
    "intent, text",
    [
        ("stop", "i can't stop for a day without shaking"),
        ("stop", "i cant stop shaking"),
        ("goodbye", "nothing yet"),
        ("goodbye", "now"),
        ("goodbye", "as soon as possible"),
        ("greet", "hi my son drinks every night and i'm scared"),
        ("thank", "thanks, so how much does the program cost with insurance"),
    ],
)
def test_answers_inside_a_form_are_not_commands(intent, text):
    assert not is_explicit_command(intent, text)


def test_long_messages_are_not_control():
    text = "ok so bye for now but " + "really " * 12 + "i will come back later"
    assert not is_explicit("goodbye", text)


def test_yes_no_only_when_short():
    assert is_explicit("affirm", "yes")
    assert not is_explicit("affirm", "yes my husband has been drinking every day for ten years now")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hola, necesito ayuda para mi esposo que toma mucho", True),
        ("mi hijo usa drogas", True),
        ("necesito hablar con alguien", True),
        ("my son Jose drinks every day", False),
        ("is the program in Los Angeles", False),
        ("hola", False),
    ],
)
def test_spanish_is_recognised_on_sms_length_text(text, expected):
    from iop_assistant.nlu.control_intents import looks_spanish

    assert looks_spanish(text) is expected


@pytest.mark.parametrize("text", ["thank you goodbye", "thanks bye", "ok thx, bye now"])
def test_thanks_with_a_farewell_ends(text):
    from iop_assistant.nlu.control_intents import is_farewell_with_thanks

    assert is_farewell_with_thanks(text)


def test_thanks_alone_is_not_a_farewell():
    from iop_assistant.nlu.control_intents import is_farewell_with_thanks

    assert not is_farewell_with_thanks("thanks so much")


@pytest.mark.parametrize(
    "text", ["how soon can i start", "when is the next group?", "can i come today"]
)
def test_questions_are_not_farewells(text):
    assert not is_explicit("goodbye", text)


@pytest.mark.parametrize("text", ["how are you", "how's it going"])
def test_greeting_questions_stay_greetings(text):
    assert is_explicit("greet", text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my son is 19 and i found pills in his car. can someone just call me", True),
        ("i relapsed 10 days after detox. can someone call me back?", True),
        ("i'd like a callback", True),
        ("could someone phone my husband tonight", True),
        ("give me a call after 6", True),
        ("should i call 911", False),
        ("should i call her or 911", False),
        ("do i call him back or wait for the ambulance", False),
        ("can we call her mom instead", False),
        ("what do i call this program", False),
        ("can i call you", False),
    ],
)
def test_callback_requests_inside_long_messages(text, expected):
    from iop_assistant.nlu.control_intents import asks_for_a_call

    assert asks_for_a_call(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("can we do the detox first questions", True),
        ("can you run the detox questions for her then", True),
        ("ok do the screening", True),
        ("does my husband need detox before he starts", True),
        ("do you offer detox", False),
        ("is detox part of the program", False),
    ],
)
def test_screening_requests_in_peoples_words(text, expected):
    from iop_assistant.nlu.control_intents import asks_for_screening

    assert asks_for_screening(text) is expected


@pytest.mark.parametrize("text", ["what do I do", "ok what should i do now", "now what"])
def test_what_do_i_do_is_a_plea(text):
    assert is_plea(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I've been drinking every night to fall asleep and I'm scared I can't stop", True),
        ("my son is using pills and i'm terrified", True),
        ("i'm scared of the dark", False),
        ("he's using and i'm scared", True),
        ("my dad passed away from liver disease, I don't want that to be me", True),
        ("i dont want to end up like my mom", True),
        ("i don't want to be here anymore", False),
    ],
)
def test_worried_disclosures(text, expected):
    from iop_assistant.nlu.control_intents import is_worried_disclosure

    assert is_worried_disclosure(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "actually dont call me",
        "please don't call me",
        "cancel my callback",
        "no need to call me back",
        "i dont need a callback anymore",
        "never mind dont call",
        "dont call, just text me",
        "nah forget the callback, ill just ring yall tomorrow",  # v5, own words
        "scratch that call, i'll call the help line myself",
        # texter role-play 2026-12-04 (second round): the request stayed
        "actually nah cancel that my mom might answer",
    ],
)
def test_taking_a_callback_back_is_not_asking_for_one(text):
    from iop_assistant.nlu.control_intents import cancels_a_call

    assert cancels_a_call(text)


@pytest.mark.parametrize(
    "text",
    [
        "call me back",
        "can someone call me",
        "dont call me crazy but i need help",
        "dont call my work number, call my cell",
    ],
)
def test_asking_for_a_call_is_not_cancelling(text):
    from iop_assistant.nlu.control_intents import cancels_a_call

    assert not cancels_a_call(text)


@pytest.mark.parametrize(
    "text",
    [
        "ugh. stop, i dont want to do this right now",
        "nvm stop asking me stuff",
        "actually never mind",
    ],
)
def test_fed_up_stops_are_explicit_inside_a_form(text):
    from iop_assistant.nlu.control_intents import is_explicit_command

    assert is_explicit_command("stop", text)


@pytest.mark.parametrize(
    "text",
    ["773.555.0119", "my number is 6465550121", "+1 (415) 555-0188", "call me at 312 555 0187 thx"],
)
def test_a_phone_number_alone_asks_for_a_call(text: str) -> None:
    from iop_assistant.input_text import is_phone_message, is_unreadable

    assert is_phone_message(text)
    assert not is_unreadable(text)


@pytest.mark.parametrize("text", ["1", "the number 988", "i was born in 1985", "1234567", "2"])
def test_numbers_that_are_not_phone_numbers_are_not_a_call_request(text: str) -> None:
    from iop_assistant.input_text import is_phone_message

    assert not is_phone_message(text)


@pytest.mark.parametrize(
    "text",
    [
        "hmm actually no. my husband reads my texts. never mind, cancel it",
        "Actually, you know what, forget it. Never mind.",
        "nah forget it",
    ],
)
def test_a_message_that_ends_in_never_mind_is_a_stop(text: str) -> None:
    """v4: these went on with the form ("Sorry, I didn't catch a time")."""
    from iop_assistant.nlu.control_intents import ends_with_stop, is_explicit_command, is_stop_only

    assert ends_with_stop(text) or is_stop_only(text)
    assert is_explicit_command("stop", text)


@pytest.mark.parametrize(
    "text", ["skip", "no thanks", "pass", "I'd rather not give a name. no thanks", "no"]
)
def test_answers_that_sound_like_stop_are_not_forced_to_stop(text: str) -> None:
    """A name can be skipped and a text declined; only the classifier makes these a stop."""
    from iop_assistant.nlu.control_intents import ends_with_stop, is_stop_only

    assert not ends_with_stop(text) and not is_stop_only(text)


@pytest.mark.parametrize(
    "text", ["ugh. stop asking me all these questions right now", "i dont want to do this"]
)
def test_a_plain_stop_is_a_stop_whatever_the_classifier_read(text: str) -> None:
    """CI, 2026-12-03: a retrained model read the first as out_of_scope and the form went on."""
    from iop_assistant.nlu.control_intents import is_stop_only

    assert is_stop_only(text)


@pytest.mark.parametrize(
    "intent, text",
    [
        ("thank", "thank you. i'd like to talk to someone about it"),
        ("greet", "hi can i speak with a real person"),
        ("thank", "thanks, i want to talk to one of your counselors"),
        # the fresh-clone trial of issue 19: read as "are you a bot?"
        ("bot_challenge", "hi can i text with a real person"),
        # texter role-play 2026-12-04: request_human at 0.24, then a clarifying menu
        ("request_human", "actually can i just talk to sum1"),
        ("ask_individual_counseling", "can i talk to somebody"),
    ],
)
def test_courtesy_then_asking_for_a_person_is_a_request(intent: str, text: str) -> None:
    """v4: "thank you. i'd like to talk to someone about it" got "You're welcome"."""
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.control_gate import gate

    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.9}])
    gate(message)
    assert message.get(INTENT)["name"] == "request_human"


@pytest.mark.parametrize("text", ["thanks so much", "thank you, that helps", "hi there"])
def test_plain_courtesy_is_not_a_request(text: str) -> None:
    from iop_assistant.nlu.control_intents import asks_for_a_person

    assert not asks_for_a_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nah, I'll just call that number myself. Thanks, goodbye.",
        "Thank you, dear. You've been very kind. Goodbye now.",
        "ok i think i got it. take care",
    ],
)
def test_a_message_that_ends_in_goodbye_is_a_goodbye(text: str) -> None:
    """v4 (voice): the call went on with the next screening question."""
    from iop_assistant.nlu.control_intents import ends_with_farewell

    assert ends_with_farewell(text)
    assert is_explicit_command("goodbye", text)


@pytest.mark.parametrize(
    "text", ["whats the cost? ok bye", "bye", "no. im good", "yes. all set", "ok thanks"]
)
def test_answers_and_questions_are_not_farewells(text: str) -> None:
    from iop_assistant.nlu.control_intents import ends_with_farewell

    assert not ends_with_farewell(text)


@pytest.mark.parametrize(
    "text", ["i dont wanna do this rn", "ugh this is alot of questions", "too many questions"]
)
def test_fed_up_with_questions_is_a_stop(text: str) -> None:
    """Role-play texter: both were taken as screening answers and the next question came."""
    from iop_assistant.nlu.control_intents import is_stop_only

    assert is_stop_only(text)


def test_asking_how_many_questions_is_not_a_stop() -> None:
    from iop_assistant.nlu.control_intents import is_stop_only

    assert not is_stop_only("how many questions are there")


@pytest.mark.parametrize(
    "text",
    [
        "what was that?",
        "could you say that again, a little slower",
        "oh, hello, i'm sorry, i didn't, um... what was that?",
        "sorry i didnt catch that",
        # caller role-play 2026-12-05: menus, twice, and the wait-times answer
        "Sorry, what? Can you say that again? The TV was on.",
        "Huh? I didn't catch any of that. Repeat please.",
        "Wait, say that last part again? A few days a week?",
    ],
)
def test_asking_to_hear_it_again_is_a_repeat(text: str) -> None:
    """Role-play (voice): older callers asked and got a "Did you mean" list."""
    from iop_assistant.nlu.control_intents import asks_to_repeat

    assert asks_to_repeat(text)


@pytest.mark.parametrize(
    "text",
    [
        "what was that number again",
        "what is iop",
        "what do you mean by detox",
        "huh? so how much does it cost for a week of the program",
        "what? i said my moms pills are right there and im kind of scared of myself",
    ],
)
def test_questions_are_not_repeats(text: str) -> None:
    from iop_assistant.nlu.control_intents import asks_to_repeat

    assert not asks_to_repeat(text)


@pytest.mark.parametrize(
    "text",
    [
        "eh never mind cancel that",
        "actually nvm, forget it, i'll just call later",  # v5, own words
        "you know what, i changed my mind, stop, i'll ask my wife first",
        "nah i dont wanna answer all these questions rn",
    ],
)
def test_a_stop_with_a_reason_to_leave_is_explicit(text):
    from iop_assistant.nlu.control_intents import is_explicit_command

    assert is_explicit_command("stop", text)


@pytest.mark.parametrize("text", ["nvm, its alcohol", "never mind, what about insurance"])
def test_a_stop_followed_by_an_answer_or_a_question_is_not_a_stop(text):
    from iop_assistant.nlu.control_intents import is_explicit_command

    assert not is_explicit_command("stop", text)


@pytest.mark.parametrize(
    "text, asks",
    [
        ("maybe later. whats ur number", True),
        ("what's the number again?", True),
        ("can you text me the number", True),
        ("what number should i give them", False),
    ],
)
def test_asking_for_the_help_line_number(text, asks):
    from iop_assistant.nlu.control_intents import asks_for_the_number

    assert asks_for_the_number(text) is asks


def test_a_repeated_what_do_i_do_is_a_plea():
    from iop_assistant.nlu.control_intents import is_plea

    assert is_plea("what do i do what do i do")


@pytest.mark.parametrize(
    "text",
    [
        "can you just put me through to somebody now",
        "ok connect me with whoever does the admissions",
        "please transfer my call to the front desk",
        "put me through",
    ],
)
def test_asking_to_be_put_through_is_a_request_for_a_person(text):
    """v7, voice: the topic named ("admissions") is not the question."""
    assert asks_to_be_connected(text)


@pytest.mark.parametrize(
    "text", ["can you connect me to a detox center", "i want to connect with other parents"]
)
def test_connecting_with_something_else_is_not_a_transfer(text):
    assert not asks_to_be_connected(text)


@pytest.mark.parametrize(
    "text",
    ["actually nvm not ready", "you know what never mind forget it im not ready for this"],
)
def test_a_stop_with_a_reason_and_no_punctuation_is_explicit(text):
    assert starts_with_stop(text) and is_explicit_command("stop", text)


def test_a_stop_with_an_answer_and_no_punctuation_is_not_a_stop():
    assert not starts_with_stop("nvm its alcohol")


def test_having_to_go_ends_the_conversation():
    """v7: "sorry she just got home, I have to go" inside the screening."""
    assert ends_with_farewell("sorry she just got home, I have to go")
    assert not ends_with_farewell("do i have to go every day, or just weekdays?")


def test_changes_of_mind_inside_a_form_are_commands():
    # texter role-play 2026-12-04: both were taken as answers to a screening question
    from iop_assistant.nlu.control_intents import (
        asks_to_talk_to_someone_now,
        is_explicit_command,
        starts_with_stop,
    )

    assert starts_with_stop("nvm this is taking 4ever")
    assert is_explicit_command("stop", "nvm this is taking forever")
    assert not starts_with_stop("nvm, its alcohol")
    assert asks_to_talk_to_someone_now("actually can i just talk to sum1")
    assert asks_to_talk_to_someone_now("i'd rather talk to a real person")
    assert not asks_to_talk_to_someone_now("my wife thinks i should talk to somebody")


@pytest.mark.parametrize(
    "text",
    ["can they call in the evening instead?", "please move the call to the afternoon"],
)
def test_moving_the_call_is_a_callback_request(text: str) -> None:
    # role-play 2026-12-04: read as questions about the schedule and wait times
    from iop_assistant.nlu.control_intents import asks_for_a_call

    assert asks_for_a_call(text)
    assert not asks_for_a_call("should i call 911 instead")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        # role-play 2026-12-04: "ya" left the callback offer, "ye" got the question again
        ("ya", "affirm"),
        ("ye", "affirm"),
        ("yea pls", "affirm"),
        ("k", "affirm"),
        ("yup!", "affirm"),
        ("nah", "deny"),
        ("nope", "deny"),
        ("ya know what i mean", None),
        ("yes i drink every day", None),
    ],
)
def test_texted_yes_and_no(text, answer):
    from iop_assistant.nlu.control_intents import texting_yes_no

    assert texting_yes_no(text) == answer


# v12 (read in round 18): a staff role needed, the number asked in Spanglish, a polite
# repeat, and skipping the questions
def test_round18_requests_in_peoples_words() -> None:
    from iop_assistant.nlu.control_intents import (
        asks_for_the_number,
        asks_to_be_connected,
        asks_to_repeat,
        stops_the_questions,
    )

    assert asks_to_be_connected("i just need the front desk please")
    assert asks_to_be_connected("can i get the operator")
    assert asks_for_the_number("gracias, whats the number para llamar")
    assert asks_for_the_number("ok i just want the phone number")
    assert asks_to_repeat("i'm sorry dear could you say that again a little slower")
    assert stops_the_questions("this is a lot of questions. can we skip this")
    assert not stops_the_questions("can we skip the line and start monday")
    assert not asks_to_be_connected("the front desk was rude last time")
