"""An unsure reading of a story of withdrawal signs offers the detox questions (caller
role-play 2026-12-04, late: "he has a drink first thing to steady his hands" got a
"Did you mean" menu)."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.withdrawal_story import asks_about_withdrawal_danger_signs


@pytest.mark.parametrize(
    "text",
    [
        # caller role-play 2026-12-04, late: a "Did you mean" menu
        "Oh god. He does get the shakes in the morning, he has a drink first thing to steady "
        "his hands. He really doesn't want to go to a hospital.",
        "i get sweats and cant sleep when i dont drink",
        "she gets real sick and shaky without her pills",
    ],
)
def test_an_unsure_story_of_withdrawal_signs_offers_the_detox_questions(gated, text):
    assert gated(text, "ask_therapies", 0.3) == "inform_use"


@pytest.mark.parametrize(
    ("text", "intent", "confidence"),
    [
        ("he is shaking and confused right now", "crisis", 0.4),  # the crisis guard's
        ("my hands shake when i dont drink, does the program do detox?", "ask_detox_offered", 0.8),
        ("my hands shake", "inform", 0.3),  # no drinking or drug named
    ],
)
def test_other_readings_of_withdrawal_words_stay(gated, text, intent, confidence):
    assert gated(text, intent, confidence) == intent


@pytest.mark.parametrize(
    "text",
    [
        # family and caller role-plays 2026-12-05: a menu or the crisis text
        "what are the warning signs of dangerous alcohol withdrawal",
        "I'm fine, I'm not in danger lol. last thing, if he stops anyway this weekend before "
        "anyone calls back, what signs mean I need to take him to the ER?",
    ],
)
def test_a_calm_question_about_danger_signs_gets_what_means_911(gated, text):
    assert gated(text, "ask_safety_procedures", 0.6) == "ask_dosing"


def test_paranoia_from_meth_is_left_to_the_psychosis_reply():
    text = "if he gets really paranoid on meth again, when is it an ER thing"
    assert not asks_about_withdrawal_danger_signs(text)


def test_when_to_call_911_for_withdrawal_asked_ahead_is_the_danger_signs_question():
    # a regression conversation the retrained classifier read unsure (round 18)
    from iop_assistant.nlu.withdrawal_story import asks_about_withdrawal_danger_signs

    assert asks_about_withdrawal_danger_signs(
        "what if he gets the shakes saturday, when do i call 911"
    )
    assert not asks_about_withdrawal_danger_signs("when do i call 911 for an overdose")
