"""Every screening reply variation, rendered as the server renders it, says what its
safety note promises (issue 13); every variation of every response is linted."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant import program_facts, screening_rules
from tests.content.test_responses import DOSING, STIGMA, all_text
from tests.domains import rasa_domain

REPO = Path(__file__).resolve().parents[2]
DOMAIN = rasa_domain()
NLG = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
HELPLINE = program_facts.load().helpline
DONT_STOP = "don't stop alcohol or benzodiazepines suddenly on your own"


def render(response: str, **slots: str) -> str:
    tracker = DialogueStateTracker.from_events(
        "screening-replies", [SlotSet(k, v) for k, v in slots.items()], slots=DOMAIN.slots
    )
    message = asyncio.run(NLG.generate(response, tracker, "rest"))
    return all_text(message)


@pytest.mark.parametrize(
    "response,note,needed",
    [
        ("utter_screening_detox_first", None, [DONT_STOP, "help you find detox", "diagnosis"]),
        (
            "utter_screening_detox_first",
            screening_rules.NOTE_WITHDRAWAL_NOW,
            ["today", "911 if it gets worse", "tel:911", DONT_STOP, "diagnosis"],
        ),
        ("utter_screening_iop_may_fit", screening_rules.NOTE_SEDATIVES, [DONT_STOP, "clinician"]),
        ("utter_screening_iop_may_fit", None, ["may be a good fit", "clinician"]),
        ("utter_screening_helpline", None, [DONT_STOP, "diagnosis"]),
        (
            "utter_screening_helpline",
            screening_rules.NOTE_PRESCRIBED,
            ["Never stop a prescribed medicine on your own", "not by itself a reason for detox"],
        ),
        ("utter_screening_prescribed_note", None, ["Never stop a prescribed medicine"]),
    ],
)
def test_each_note_has_its_variation(response, note, needed):
    text = render(response, **({"screening_note": note} if note else {}))
    for phrase in needed:
        assert phrase.lower() in text.lower(), (response, note, phrase)
    assert HELPLINE in text or response == "utter_screening_prescribed_note"


def test_every_note_the_action_can_choose_has_a_variation():
    from actions.screening import NOTE_PRIORITY, OUTCOME_RESPONSES

    for outcome, notes in NOTE_PRIORITY.items():
        variations = DOMAIN.responses[OUTCOME_RESPONSES[outcome]]
        shown = {
            c["value"]
            for v in variations
            for c in v.get("condition") or []
            if c.get("name") == "screening_note"
        }
        assert set(notes) == shown, outcome


@pytest.mark.parametrize("for_who", ["self", "other"])
@pytest.mark.parametrize(
    "slot", ["screening_care_30_days", "screening_use_since_care", "screening_prescribed"]
)
def test_new_questions_speak_to_the_right_person(slot, for_who):
    text = render(f"utter_ask_{slot}", screening_for=for_who)
    assert ("they" in text.split() or "them" in text.split()) is (for_who == "other"), text


def variations():
    for name, variants in DOMAIN.responses.items():
        for i, variant in enumerate(variants):
            yield name, i, variant


def test_every_variation_is_linted_not_only_the_first():
    slots = program_facts.load().as_slots()
    for name, i, variant in variations():
        text = variant.get("text", "")
        for slot, value in slots.items():
            text = text.replace("{" + slot + "}", value)
        text += " " + " ".join(b.get("title", "") for b in variant.get("buttons") or [])
        assert not STIGMA.search(text), (name, i, STIGMA.search(text))
        assert not DOSING.search(text), (name, i, DOSING.search(text))
        assert len(variant.get("text", "")) <= 320, (name, i)


def test_no_reply_promises_to_arrange_detox():
    for name, i, variant in variations():
        assert (
            "arrange" not in variant.get("text", "").lower()
            or "detox" not in variant.get("text", "").lower()
        ), (name, i)
