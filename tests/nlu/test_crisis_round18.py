"""The crisis lexicon after reading v12 and es-v3 (blind until round 18): each miss in its
family, in the authors' words and in ours, and the look-alikes each family must leave
alone (issues 12 and 18)."""

from __future__ import annotations

import pytest
import spacy

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.crisis_matcher import DEFAULT_LEXICON, CrisisMatcher
from iop_assistant.nlu.danger_words import has_danger_words


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)


@pytest.mark.parametrize(
    "text, category",
    [
        ("ordered the stuff online to ctb and it came today", "suicidal"),
        ("thinking about how to ctb tonight", "suicidal"),
        ("she texted 'ill be dead by tomorrow dont try to stop me'. what do i do", "suicidal"),
        ("i'm gonna be dead by the weekend anyway", "suicidal"),
        ("he posted 'see you on the other side' and his phone is at the tracks", "suicidal"),
        (
            "Can someone call me back? I'm standing at the edge of the parking garage roof",
            "suicidal",
        ),
        ("im sitting on the ledge of the bridge", "suicidal"),
        ("my roommate stopped me. I still want to do it once he's asleep.", "suicidal"),
        ("we narcanned him 5 min ago and he's going back out again", "overdose"),
        ("gave her narcan and now she's nodding off again", "overdose"),
        ("tell my son I love him. I'm sorry.", "suicidal"),
        ("this is the last message you'll get from me", "suicidal"),
        ("been googling how many tylenol it takes", "suicidal"),
        ("looked up how much insulin would kill me", "suicidal"),
        ("been vomiting for hours and now theres blood in it", "medical"),
        ("he's throwing up blood", "medical"),
        (
            "I don't think I'll be around for Monday. I've got everything set up in the basement.",
            "suicidal",
        ),
        ("the needle loaded with everything I have, going to make it the last one", "suicidal"),
        # Spanish (es-v3)
        ("Sería mejor estar muerto. Pienso en eso todo el día", "suicidal"),
        ("ya quiero desaparecer pa siempre", "suicidal"),
        ("xq seguir vivo si ya lo perdi todo", "suicidal"),
        ("me estoy pegando en la cabeza contra la pared", "self_harm"),
        ("mi hermano dice que va a matar a mi papa", "violence"),
    ],
)
def test_each_family_catches_its_messages(matcher: CrisisMatcher, text: str, category: str) -> None:
    hit = matcher.match(text)
    assert hit is not None, text
    assert hit.category == category


@pytest.mark.parametrize(
    "text",
    [
        "see you on the other side of the weekend",
        "i'm sitting on the edge of my seat waiting for the intake call",
        "I googled how much the program costs",
        "we catch the bus at 6",
        "i have everything set up in the garage for the party",
        "I'm not sure I'll be around for the start date, I travel for work",
        "mi hijo dice que el programa le va a ayudar",
        # es-v3: blue pills found in a grandson's clothes are no blue nails ("unas" / "uñas")
        "encontré unas bolsitas con polvo blanco y unas pastillas azules en su ropa",
        "my doctor said i'm gonna die if i keep drinking like this",
        "lol my friends say im gonna die of alcohol poisoning one day",
    ],
)
def test_look_alikes_are_left_alone(matcher: CrisisMatcher, text: str) -> None:
    assert matcher.match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "wrote my will and notes for my kids today. you can give my intake spot to someone else",
        "made sure the life insurance goes to my son",
        "By the time she reads this I'll be gone.",
        "ya me despedi de mi mama",
        "her boyfriend is shoving her around, I can hear her screaming. What does it cost?",
    ],
)
def test_farewells_and_shoving_are_danger_words(text: str) -> None:
    # a sure crisis reading by the classifier alone keeps its crisis reply with these words,
    # even with a program word in the message (crisis_guard.plain_request_reading)
    assert has_danger_words(text)


@pytest.mark.parametrize(
    "text, runner_up, expected",
    [
        (
            "can i go to the family part even if he wont go",
            "ask_family_involvement",
            "ask_family_involvement",
        ),
        ("sorry can we switch to english? my spanish isnt good", "ask_format", "speak_english"),
        (
            "buenas, quería información para mi esposo pero ahorita no puedo hablar mucho",
            "greet",
            "nlu_fallback",
        ),
        ("y si el no quiere ir? ya le dije y se enoja bien feo", "greet", "ask_family_involvement"),
        # no program question, no language, no information asked: the crisis reply stays
        ("tonight im going to do it", "ask_schedule", "crisis"),
        ("i have them in my hand", "ask_medication", "crisis"),
    ],
)
def test_a_classifier_only_crisis_that_plainly_asks_gets_its_answer(
    guarded, text: str, runner_up: str, expected: str
) -> None:
    message = guarded(text, "crisis", runner_up)
    assert message.get("intent")["name"] == expected
