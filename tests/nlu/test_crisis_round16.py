"""The crisis lexicon after reading blind v11 and the round-16 role-play: each miss and
false alarm in their words, and in ours (issue 12)."""

from __future__ import annotations

import pytest
import spacy

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.crisis_matcher import DEFAULT_LEXICON, CrisisMatcher


@pytest.fixture(scope="module")
def matcher() -> CrisisMatcher:
    return CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)


@pytest.mark.parametrize(
    "text, category",
    [
        (
            "do you guys take people who are thinking about suicide? because thats me. "
            "im thinking about it right now",
            "suicidal",
        ),
        ("is suicide something you treat? asking bc that's me", "suicidal"),
        (
            "asking for me but honestly i wont be around by the time it starts, i have it all "
            "planned out for this weekend",
            "suicidal",
        ),
        ("used a new batch and everything's going dark", "medical"),
        ("my vision is going black after that pill", "medical"),
        ("i'm getting the aura i got before my last withdrawal seizure", "seizure"),
        ("tuve una convulsion ahorita mismo", "withdrawal"),
        ("he's bleeding a lot, when do i call 911", "medical"),
        # role-play round 17
        (
            "used tonight, im by myself. i feel super heavy and my breathing feels kinda slow",
            "overdose",
        ),
        ("i just used. i keep nodding off while typing this", "overdose"),
        ("He's had 8 beers and is going to drive, what do I do??", "medical"),
    ],
)
def test_danger_is_caught(matcher: CrisisMatcher, text: str, category: str) -> None:
    hit = matcher.match(text)
    assert hit is not None and hit.category.startswith(category), (text, hit)


@pytest.mark.parametrize(
    "text",
    [
        "my mom has been drinking since my dad died and I'm scared she'll drink herself to death",
        "I had a heart attack at 40 from cocaine. I'm 45 now and using again and want help",
        "my wife is gonna strangle me if i forget our anniversary again",
        "he overdosed yesterday but he's home from the hospital now and doing okay",
        "my husband had a withdrawal seizure last night, he was discharged and he's stable",
        "what if he gets the shakes saturday, when do i call 911",
        "at what point should i call 911",
        "I didn't call 911, there's no emergency. where can I buy naloxone",
        "He's home for now. What are the signs that mean he took too much and I need to call 911?",
        "is he gonna die? can't I just wait till morning",
        "what is a seizure aura",
        "She has overdosed twice that I know of. Can I sign her up for your program?",
        "Oh no, no she is not overdosing right now, I'm sorry I scared you.",
    ],
)
def test_look_alikes_are_not(matcher: CrisisMatcher, text: str) -> None:
    assert matcher.match(text) is None, text


def test_a_real_threat_over_leaving_stays_a_crisis(matcher: CrisisMatcher) -> None:
    assert matcher.match("he's gonna kill me if i leave") is not None
