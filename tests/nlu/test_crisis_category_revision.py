"""Crisis replies that fit what is happening (role-play 2026-12-04, afternoon).

A husband whose wife took a handful of sleeping pills and "wants to die" got
988 first and 911 only "if you're in immediate danger"; a son whose father was
"on the floor shaking and jerking" after quitting drinking got naloxone and
rescue breaths; "do i hold him down?" and "should I make her throw up?" went
unanswered. Each sentence below is in our own words, not the role-play's.
"""

from __future__ import annotations

import pytest
import spacy

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.crisis_guard import OVERDOSE_SELF, refine
from iop_assistant.nlu.crisis_matcher import CATEGORY_PRIORITY, DEFAULT_LEXICON, CrisisMatcher
from iop_assistant.nlu.crisis_updates import read_update


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)


def category(matcher: CrisisMatcher, text: str) -> str | None:
    hit = matcher.match(text)
    return refine(hit, text, matcher).category if hit else None


def test_seizure_comes_right_after_overdose():
    assert CATEGORY_PRIORITY[:3] == ("overdose", "seizure", "medical")


@pytest.mark.parametrize(
    "text",
    [
        "my husband took a whole bunch of his sleeping pills and says he wants to die",
        "mom swallowed a handful of her pills, she keeps saying she wants to die",
        "my brother took a whole bunch of his seroquel and said he doesnt want to live",
    ],
)
def test_someone_elses_overdose_with_suicidal_words_gets_911_first(matcher, text):
    # sleeping pills alone get the sedative overdose reply: 911 first there too
    assert category(matcher, text) in ("overdose", "overdose_sedative")


@pytest.mark.parametrize(
    "text",
    [
        "i took a handful of my sleeping pills and i want to die",
        "i swallowed 30 of my xanax, i dont want to be here anymore",
    ],
)
def test_my_own_overdose_with_suicidal_words_is_911_for_myself(matcher, text):
    assert category(matcher, text) == OVERDOSE_SELF


def test_suicidal_words_without_anything_taken_stay_suicidal(matcher):
    assert category(matcher, "i just want to go to sleep and not wake up") == "suicidal"


@pytest.mark.parametrize(
    "text",
    [
        "she is really drowsy and slurring, what do i do",
        "my dad is barely responding",
        "he's barely waking up when i shake him",
        "i can hardly wake her",
    ],
)
def test_sedation_now_is_an_overdose(matcher, text):
    assert category(matcher, text) == "overdose"


@pytest.mark.parametrize(
    "text",
    [
        "my uncle stopped drinking 3 days ago and he is on the floor jerking",
        "hes shaking and jerking and wont answer me",
        "she's still convulsing",
        "he is having a seizure right now",
        "he's seizing",
    ],
)
def test_a_seizure_now_has_its_own_category(matcher, text):
    assert category(matcher, text) == "seizure"


@pytest.mark.parametrize(
    "text",
    [
        "i can barely wake up in the mornings",
        "he barely wakes up before noon these days",
        "he's barely waking up in the morning, is that the pills",
        "she gets the shakes and jerking every morning",
        "he was on the floor shaking last year when he quit",
        "does withdrawal cause seizures",
        "he had a seizure two years ago when he quit",
    ],
)
def test_look_alikes_are_not_an_emergency_now(matcher, text):
    assert category(matcher, text) not in ("seizure", "overdose", OVERDOSE_SELF)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("do i hold him down?", "seizure_first_aid"),
        ("should i put something in her mouth so she doesnt bite her tongue", "seizure_first_aid"),
        ("can he swallow his tongue", "seizure_first_aid"),
        ("should i make him throw up", "overdose_first_aid"),
        ("do i put her in a cold shower", "overdose_first_aid"),
        ("can i just let him sleep it off", "overdose_first_aid"),
        ("should i keep her awake", "overdose_first_aid"),
        ("¿la hago vomitar?", "overdose_first_aid"),
        ("¿le pongo algo en la boca?", "seizure_first_aid"),
    ],
)
def test_first_aid_questions_are_read(text, kind):
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "ok ill call tomorrow when she's sleeping it off",
        "can you hold my spot in the group",
        "i threw up this morning, is that withdrawal",
        "will the program hold me accountable",
    ],
)
def test_first_aid_look_alikes_are_left_alone(text):
    assert read_update(text) is None


def test_a_call_for_911_keeps_the_conversations_category(matcher):
    from iop_assistant.nlu.crisis_guard import crisis_entities

    hit = matcher.match("do we still have to call 911?")
    assert hit is not None and hit.pattern_id == "call_911"
    names = [e["entity"] for e in crisis_entities(hit, "do we still have to call 911?")]
    assert names == ["crisis_pattern"]  # no category: the earlier one stays


def test_fearing_the_police_is_not_calling_them(matcher):
    assert matcher.match("do they send police if you text 988") is None
    hit = matcher.match("should i call the cops, he is hitting me")
    assert hit is not None and hit.category == "violence"


def test_not_waking_up_about_oneself_with_nothing_taken_is_suicidal(matcher):
    # role-play 2026-12-04: "don't take anything else" to someone who had taken nothing
    text = "honestly it would be easier if i just didnt wake up tomorrow"
    assert category(matcher, text) == "suicidal"
    assert category(matcher, "i took all my pills and i might not wake up") == OVERDOSE_SELF
    assert category(matcher, "my dad wont wake up") == "overdose"


@pytest.mark.parametrize(
    "text",
    [
        "my friend did G at a party last night and she's still really hard to wake up",
        "my roommate took a bunch of sleeping pills with wine and she's really out of it",
        "my brother drank a whole bottle of vodka and now he wont wake up",
        "mi amigo tomo G en una fiesta y no despierta",
    ],
)
def test_ghb_sleeping_pills_or_alcohol_alone_get_the_sedative_overdose_reply(matcher, text):
    assert category(matcher, text) == "overdose_sedative"


@pytest.mark.parametrize(
    "text",
    [
        "he took some pills and drank and wont wake up",
        "she took xanax and drank and i cant wake her",
        "my friend did G and some blues and wont wake up",
        "he took too much molly and G and now hes not breathing",
    ],
)
def test_anything_that_could_hold_an_opioid_keeps_naloxone_first(matcher, text):
    assert category(matcher, text) != "overdose_sedative"
