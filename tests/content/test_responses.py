"""Every response: facts from program.yml, SMS-sized first answers, next steps, kind words."""

from __future__ import annotations

import asyncio
import re
import shutil
from pathlib import Path
from typing import Dict, List

import pytest
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant import program_facts
from iop_assistant.domain_files import DOMAIN_DIR
from iop_assistant.topics import FAQ_INTENTS
from tests.domains import rasa_domain

REPO = Path(__file__).resolve().parents[2]
PHONE = re.compile(r"\(?\b\d{3}\)?[\s.-]*\d{3}[\s.-]*\d{4}\b")
STIGMA = re.compile(
    r"\b(addicts?|abusers?|junkies?|junkie|alcoholics?|clean|dirty|substance abuse|drug abuse)\b",
    re.IGNORECASE,
)
DOSING = re.compile(
    r"\b(taper\w*|wean\w*|mg|milligrams?|dosage|dosing|\d+\s*pills?)\b|(?<!over)\bdoses?\b",
    re.IGNORECASE,
)


# template variables an action passes with the response (actions/callback.py reads back)
ACTION_VARIABLES = {
    "callback_number": "(202) 555-0143",
    "caller_number": "(202) 555-0143",
    "callback_when": "in the morning",  # the saved time, read back (callback status)
    "digit_count": 9,  # a number a digit short (actions/callback.py)
    # actions/handoff.py (issue 19)
    "position": 2,
    "wait_minutes": 5,
    "handoff_hours": "Monday to Friday, 9 AM to 5 PM (EST)",
    "handoff_hours_es": "lunes a viernes, 9 AM a 5 PM (EST)",
}


def render_all(domain_path: Path) -> Dict[str, List[dict]]:
    """Every response of a domain rendered as the Rasa server renders it."""
    domain = rasa_domain() if domain_path == DOMAIN_DIR else Domain.load(str(domain_path))
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    tracker = DialogueStateTracker.from_events("content-test", [], slots=domain.slots)
    rendered = {}
    for name in domain.responses:
        rendered[name] = asyncio.run(nlg.generate(name, tracker, "rest", **ACTION_VARIABLES))
    return rendered


@pytest.fixture(scope="module")
def rendered() -> Dict[str, dict]:
    return render_all(DOMAIN_DIR)


@pytest.mark.parametrize(
    "best_time, words",
    [
        ("now", "as soon as they can"),
        ("morning", "in the morning"),
        ("afternoon", "in the afternoon"),
        ("evening", "in the evening"),
        ("any time", "at any time"),
        ("after 6pm", "at the time you gave (after 6pm); I can't promise the exact time"),
    ],
)
def test_the_saved_callback_says_the_best_time_in_words(best_time, words):
    domain = rasa_domain()
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    tracker = DialogueStateTracker.from_events(
        "content-test", [SlotSet("callback_best_time", best_time)], slots=domain.slots
    )
    message = asyncio.run(
        nlg.generate("utter_callback_saved", tracker, "rest", callback_number="(202) 555-0143")
    )
    assert f"call (202) 555-0143 {words}. " in message["text"]


def all_text(message: dict) -> str:
    buttons = " ".join(f"{b['title']} {b['payload']}" for b in message.get("buttons") or [])
    return f"{message.get('text', '')} {buttons}"


def test_domain_facts_match_program_yml():
    assert program_facts.is_current(), (
        "domain/program_facts.yml is out of date: run `make generate` and commit"
    )


def test_a_stale_facts_file_fails_the_check_without_being_rewritten(tmp_path):
    stale = tmp_path / "program_facts.yml"
    helpline = program_facts.load().helpline
    text = program_facts.FACTS_FILE.read_text().replace(helpline, "(555) 010-0199")
    stale.write_text(text)
    assert not program_facts.is_current(stale)
    assert stale.read_text() == text
    assert program_facts.FACTS_FILE.read_text().startswith("# Generated from program.yml")


def test_no_phone_number_is_written_into_a_response():
    raw = rasa_domain().responses
    for name, variations in raw.items():
        for variation in variations:
            assert not PHONE.search(str(variation)), f"{name} spells out a number; use {{helpline}}"


def test_changing_the_helpline_in_program_yml_changes_every_response(tmp_path):
    shutil.copytree(DOMAIN_DIR, tmp_path / "domain")
    program = (REPO / "program.yml").read_text()
    old = program_facts.load()
    program = program.replace(old.helpline, "(555) 010-0199").replace(
        old.helpline_e164, "+15550100199"
    )
    (tmp_path / "program.yml").write_text(program)
    assert program_facts.sync(tmp_path / "domain" / "program_facts.yml", tmp_path / "program.yml")

    before = render_all(DOMAIN_DIR)
    after = render_all(tmp_path / "domain")
    showing = [name for name, msg in before.items() if old.helpline in all_text(msg)]
    assert len(showing) >= 10, "most answers should offer the help line"
    for name in showing:
        text = all_text(after[name])
        assert "(555) 010-0199" in text, name
        assert old.helpline not in text and old.helpline_e164 not in text, name
    for name, msg in after.items():
        assert "{" not in msg.get("text", ""), f"{name} has an unfilled template"


@pytest.mark.parametrize("intent", FAQ_INTENTS)
def test_faq_first_answer_fits_sms_and_offers_next_steps(rendered, intent):
    message = rendered[f"utter_{intent}"]
    assert len(message["text"]) <= 320, f"{len(message['text'])} characters"
    buttons = message.get("buttons") or []
    assert 1 <= len(buttons) <= 3
    for button in buttons:
        assert button["payload"].startswith(("/", "tel:")), button


def test_every_response_is_sms_sized(rendered):
    for name, message in rendered.items():
        assert 0 < len(message.get("text", "")) <= 320, name


def test_no_stigmatising_words(rendered):
    for name, message in rendered.items():
        assert not STIGMA.search(all_text(message)), f"{name}: {STIGMA.search(all_text(message))}"


def test_no_dosing_or_tapering_advice(rendered):
    for name, message in rendered.items():
        assert not DOSING.search(all_text(message)), f"{name}: {DOSING.search(all_text(message))}"


def test_facts_the_article_does_not_give_send_people_to_intake(rendered):
    for intent in ("ask_cost_insurance", "ask_location_hours"):
        text = all_text(rendered[f"utter_{intent}"])
        assert program_facts.load().helpline in text


def test_the_program_never_claims_to_offer_detox(rendered):
    assert "does not offer detox" in rendered["utter_ask_detox_offered"]["text"]
    for _name, message in rendered.items():
        assert not re.search(
            r"\bwe (offer|provide|do) (medical )?detox", message.get("text", ""), re.I
        )


def test_bot_challenge_says_it_is_automated(rendered):
    text = rendered["utter_bot_challenge"]["text"]
    assert (
        text.startswith("I'm the ") and "automated assistant, not a person or a clinician." in text
    )


def test_crisis_reply_has_911_988_and_help_line(rendered):
    message = rendered["utter_crisis"]
    text = all_text(message)
    for needed in ("911", "988", "988lifeline.org", program_facts.load().helpline):
        assert needed in text
    assert {b["payload"] for b in message["buttons"]} >= {"tel:911", "tel:988"}


def test_disclaimer_says_what_it_must(rendered):
    text = rendered["utter_disclaimer"]["text"].lower()
    for needed in (
        "automated assistant",
        "not a person",
        "medical advice",
        "around the clock",
        "911",
        "988",
    ):
        assert needed in text


def test_every_crisis_variation_has_911_988_and_help_line():
    helpline = program_facts.load().helpline
    variations = rasa_domain().responses["utter_crisis"]
    assert len(variations) >= 6
    for variation in variations:
        text = variation["text"].replace("{helpline}", helpline)
        assert "911" in text and "988" in text and helpline in text, text[:60]
        assert len(text) <= 320


def test_crisis_reply_is_shaped_per_channel():
    domain = rasa_domain()
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    tracker = DialogueStateTracker.from_events("channel-test", [], slots=domain.slots)
    helpline = program_facts.load().helpline
    web = asyncio.run(nlg.generate("utter_crisis", tracker, "socketio"))
    assert {b["payload"] for b in web["buttons"]} >= {"tel:911", "tel:988"}
    voice = asyncio.run(nlg.generate("utter_crisis", tracker, "voice"))
    assert "press 0" in voice["text"] and helpline in voice["text"]
    assert "911" in voice["text"] and "988" in voice["text"] and not voice.get("buttons")
    sms = asyncio.run(nlg.generate("utter_crisis", tracker, "sms"))
    for number in ("911", "988", helpline):
        assert number in sms["text"], "SMS shows the numbers as plain text"
