"""Round 32: role-play round 34, round 31's open list, the read blind v27/es-v18 crisis misses."""

from __future__ import annotations

import pytest

from iop_assistant import form_answers
from iop_assistant.input_text import emoji_words
from iop_assistant.nlu.crisis_guard import is_first_person, takes_only_depressants
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.distress import asks_the_point_of_the_assistant, is_ambiguous_distress
from iop_assistant.nlu.dosing_questions import tells_of_use_while_pregnant
from iop_assistant.program_question import asks_how_to_refer, asks_what_a_referrer_hears


@pytest.mark.parametrize(
    "text, words",
    [
        ("👋", "hi"),
        ("🙏🏽", "thank you"),
        ("👍👍", "ok"),
        ("🆘", "help"),
        ("hi 👋", None),
        ("😭", None),
    ],
)
def test_known_emoji_alone_are_read_as_their_words(text, words):
    assert emoji_words(text) == words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my friend did G at a party and she wont wake up", True),
        ("she took a bunch of sleeping pills with wine", True),
        ("he took some pills and drank", False),
        ("he took xanax and drank", False),
    ],
)
def test_only_depressants(text, expected):
    assert takes_only_depressants(text) is expected


def test_others_named_only_as_objects_keep_it_first_person():
    assert is_first_person("i took all of them. just wanted to tell someone sorry")
    assert not is_first_person("he took all of them")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("does poison control call the cops", "poison_control_police"),
        ("would a couple beers stop it", "drink_for_shakes"),
        ("is there a shelter i can go to tonight", "dv_shelter"),
        ("hes on my phone plan, can he see what i text u?", "dv_phone_safety"),
        ("please dont call anyone", "refuses_911"),
        ("im getting really sleepy. please dont call anyone", "getting_drowsy"),
        ("viene la policia si llamo?", "police_fear"),
        ("hay algun refugio donde pueda ir?", "dv_shelter"),
        ("dice que ya esta bien", "refuses_911"),
        ("can it wait til tomorrow", "refuses_911"),
    ],
)
def test_round32_update_kinds(text, kind):
    assert read_update(text) == kind


def test_a_referrer_asking_what_they_hear_back():
    assert asks_what_a_referrer_hears(
        "I'm a probation officer. If I refer a client, what will I hear back about attendance?"
    )
    assert asks_what_a_referrer_hears("im his PO, will i get updates if he misses?")
    assert not asks_what_a_referrer_hears("will you let me know if my son shows up")
    assert asks_how_to_refer("i'm an ER social worker, can you take a patient today?")


@pytest.mark.parametrize(
    "text",
    [
        "wait, actually he drinks every day, not weekends",
        "no he drinks every day actually",
        "wait i was wrong its daily",
        "actually it was tuesday",
    ],
)
def test_corrections_with_actually(text):
    assert form_answers.corrects_an_answer(text)


def test_the_point_of_the_assistant_is_no_distress():
    assert asks_the_point_of_the_assistant("what the hell is the point of you")
    assert not is_ambiguous_distress("whats the point of this thing")
    assert is_ambiguous_distress("whats even the point anymore")


def test_use_told_with_a_pregnancy():
    assert tells_of_use_while_pregnant("i drink a bottle of wine a night and im 10 weeks pregnant")
    assert not tells_of_use_while_pregnant("i drink a bottle of wine a night")
