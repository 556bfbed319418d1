"""The crisis replies for someone else's danger and for fumes (crisis role-play round 29).

A category with words of its own only in the first reply takes, in every other reply, the words
of the category it falls back to (``CATEGORY_FALLBACK``, followed on), never the writer's own
suicidal words ("move away from anything you could hurt yourself with") for a sister calling
911 for her brother.
"""

from __future__ import annotations

from typing import Any, Dict

import pytest

from tests.domains import render


def _render(name: str, channel: str = "rest", language: str = "en", **slots: Any) -> Dict[str, Any]:
    return render(name, language, channel, **slots)


@pytest.mark.parametrize("channel", ["rest", "twilio", "voice"])
def test_fumes_in_someone_elses_garage_say_911_and_the_fumes(channel: str) -> None:
    text = _render("utter_crisis", channel, crisis_category="fumes_other")["text"]
    assert text.startswith(("Call 911 now", "Hang up and call 911 now"))
    assert "fumes" in text and "glad you told me" not in text


@pytest.mark.parametrize("channel", ["rest", "voice"])
def test_ones_own_fumes_say_turn_the_engine_off(channel: str) -> None:
    text = _render("utter_crisis", channel, crisis_category="fumes")["text"]
    assert text.startswith("Please turn the engine off") and "988" in text


def test_someone_elses_suicidal_danger_is_911_first() -> None:
    text = _render("utter_crisis", crisis_category="suicidal_other")["text"]
    assert text.startswith("Call 911 now") and "988" in text and "(888) 783-3291" in text


@pytest.mark.parametrize("category", ["suicidal_other", "fumes_other"])
def test_help_coming_for_someone_else_is_not_the_writers_own(category: str) -> None:
    text = _render("utter_crisis_update_help_coming", crisis_category=category)["text"]
    assert "hurt yourself" not in text and "Domestic Violence" not in text
    assert "keep talking to them" in text


def test_a_followup_without_words_of_its_own_follows_the_chain() -> None:
    """fumes_other -> suicidal_other -> medical for the repeat of the crisis reply."""
    medical = _render("utter_crisis_again", crisis_category="medical")["text"]
    assert _render("utter_crisis_again", crisis_category="fumes_other")["text"] == medical


def test_ones_own_fumes_follow_up_with_the_suicidal_words() -> None:
    own = _render("utter_crisis_update_help_coming", crisis_category="suicidal")["text"]
    assert _render("utter_crisis_update_help_coming", crisis_category="fumes")["text"] == own


@pytest.mark.parametrize("category", ["suicidal_other", "fumes_other", "fumes"])
def test_spanish_has_its_own_words(category: str) -> None:
    reply = _render("utter_crisis", language="es", crisis_category=category)
    assert reply["language"] == "es" and "911" in reply["text"]


def test_which_call_first_is_answered_911_first() -> None:
    text = _render(
        "utter_crisis_update_what_to_say",
        crisis_update="should_call_911",
        crisis_category="fumes_other",
    )["text"]
    assert text.startswith("Call 911 now, before anything else")


def test_seizure_first_aid_has_its_answer() -> None:
    text = _render("utter_seizure_first_aid")["text"]
    assert "don't hold them down" in text and "first aid classes" in text


def test_out_of_the_car_gets_fresh_air_and_988() -> None:
    text = _render("utter_crisis_update_safe_now", crisis_category="fumes")["text"]
    assert "fresh air" in text and "988" in text and "911" in text
