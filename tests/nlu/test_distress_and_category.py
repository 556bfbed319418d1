"""The check-in tier and the reply category the crisis guard picks for the writer."""

from __future__ import annotations

import pytest
import spacy

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.crisis_guard import OVERDOSE_SELF, is_first_person, refine
from iop_assistant.nlu.crisis_matcher import DEFAULT_LEXICON, CrisisMatcher
from iop_assistant.nlu.distress import is_ambiguous_distress


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    # build() returns at once when the pipeline is current; without it this module
    # needed an earlier test (or make) to have built it
    return CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)


@pytest.mark.parametrize(
    "text",
    [
        "what's even the point anymore",
        "I can't keep doing this",
        "honestly nothing matters anymore",
        "i feel so hopeless",
        "im so tired of everything",
        "i just want it all to stop",
        "i don't think i can keep going",  # v5, own words
        "why should i even try anymore",
    ],
)
def test_ambiguous_distress_gets_a_check_in(text):
    assert is_ambiguous_distress(text)


@pytest.mark.parametrize(
    "text",
    [
        "what's the point of group therapy",
        "whats the point of the drug tests",
        "i can't keep my schedule with work, is there an evening group",
        "tired of waiting on hold",
        "why do i even bother calling the insurance",
    ],
)
def test_program_questions_are_not_distress(text):
    assert not is_ambiguous_distress(text)


def test_first_person_overdose_is_about_the_writer(matcher):
    text = "i took a whole bottle of pills"
    assert refine(matcher.match(text), text, matcher).category == OVERDOSE_SELF


def test_bystander_overdose_keeps_bystander_steps(matcher):
    text = "my friend took a whole bottle of pills"
    assert refine(matcher.match(text), text, matcher).category == "overdose"


def test_passive_wish_is_suicidal_not_overdose(matcher):
    text = "i just want to go to sleep and not wake up"
    assert refine(matcher.match(text), text, matcher).category == "suicidal"


def test_person():
    assert is_first_person("i took too many")
    assert not is_first_person("he took too many and i'm scared")


@pytest.mark.parametrize(
    "text",
    [
        "my mom relapsed AGAIN. I can't keep doing this. I'm so done with everything",
        "i relapsed again and i honestly don't see the point in trying anymore",
        "i feel like giving up on everything",
    ],
)
def test_v7_despair_is_ambiguous_distress(text):
    assert is_ambiguous_distress(text)


def test_not_seeing_the_point_of_a_therapy_is_not_despair():
    assert not is_ambiguous_distress("i dont see the point of group therapy")


def test_tired_of_all_of_it_is_ambiguous_distress():
    # v12 (round 18): "im so tired of all of it" got no check-in question
    from iop_assistant.nlu.distress import is_ambiguous_distress

    assert is_ambiguous_distress("im so tired of all of it")
    assert is_ambiguous_distress("so tired of all this")
    assert not is_ambiguous_distress("im so tired of all this paperwork")
