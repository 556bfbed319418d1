"""Spanish replies (issue 18): every reply of the Spanish-speaking files has a Spanish
variation for each English one, with the same facts, buttons and safety words."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any, Dict, Iterator, List, Tuple

import pytest
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant import program_facts, yaml_io
from iop_assistant.domain_files import DOMAIN_DIR
from iop_assistant.language.nlg import LanguageNLG, is_spanish, without_language
from iop_assistant.topics import FAQ_INTENTS
from tests.content.test_responses import DOSING, STIGMA, all_text
from tests.domains import rasa_domain, render

# the files whose every reply speaks Spanish: a new English reply here needs its Spanish
SPANISH_FILES = ("faq.yml", "screening.yml", "callback.yml", "handoff.yml")
STIGMA_ES = re.compile(
    r"\b(adict[oa]s?|drogadict\w*|abusador\w*|alcoh[oó]lic[oa]s?|limpi[oa]s?|suci[oa]s?"
    r"|vicios[oa]s?|abuso de (sustancias|drogas|alcohol))\b",
    re.IGNORECASE,
)
DOSING_ES = re.compile(
    r"\b(dosis|mg|miligramos?|gradualmente|poco a poco|\d+\s*pastillas?)\b", re.IGNORECASE
)
# a placeholder said in words has its own Spanish slot
SPANISH_SLOT = {
    "address": "address_es",
    "hours": "hours_es",
    "hours_answer": "hours_answer_es",
    "handoff_hours": "handoff_hours_es",
}
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def responses_of(file_name: str) -> Dict[str, List[Dict[str, Any]]]:
    raw = yaml_io.read(DOMAIN_DIR / file_name) or {}
    return raw.get("responses") or {}


def shape(variation: Dict[str, Any]) -> Tuple[str, Tuple[Tuple[str, str], ...]]:
    """What chooses a variation besides the language: its channel and other conditions."""
    stripped = without_language(variation)
    conditions = tuple(
        sorted((str(c.get("name")), str(c.get("value"))) for c in stripped.get("condition") or [])
    )
    return str(variation.get("channel") or ""), conditions


def pairs() -> Iterator[Tuple[str, Dict[str, Any], Dict[str, Any] | None]]:
    """(name, English variation, its Spanish twin or None) for every English variation."""
    for file_name in SPANISH_FILES:
        for name, variations in responses_of(file_name).items():
            spanish = {shape(v): v for v in variations if is_spanish(v)}
            for variation in variations:
                if not is_spanish(variation):
                    yield name, variation, spanish.get(shape(variation))


PAIRS = list(pairs())
IDS = [
    f"{name}[{shape(en)[0] or 'any'}{''.join(f',{k}={v}' for k, v in shape(en)[1])}]"
    for name, en, _ in PAIRS
]


def test_the_spanish_files_hold_the_faq_answers():
    names = set(responses_of("faq.yml"))
    for intent in FAQ_INTENTS:
        assert f"utter_{intent}" in names


@pytest.mark.parametrize("name,english,spanish", PAIRS, ids=IDS)
def test_every_english_variation_has_a_spanish_twin(name, english, spanish):
    """Same channel and same other conditions, so a Spanish conversation never falls
    back to English (nlg.for_language keeps only Spanish once one exists)."""
    assert spanish is not None, f"{name}: no Spanish variation for {shape(english)}"


def _filled(text: str) -> str:
    """The text as a reply says it: facts filled in, and the gap an empty fact leaves closed
    (language/nlg.py)."""
    for slot, value in program_facts.load().as_slots().items():
        text = text.replace("{" + slot + "}", value)
    return re.sub(r" {2,}", " ", text).strip()


@pytest.mark.parametrize("name,english,spanish", [p for p in PAIRS if p[2]], ids=lambda x: "")
def test_spanish_says_the_same_facts_with_the_same_buttons(name, english, spanish):
    en_text, es_text = english["text"], spanish["text"]
    assert es_text != en_text, name
    wanted = {SPANISH_SLOT.get(p, p) for p in PLACEHOLDER.findall(en_text)}
    assert wanted <= set(PLACEHOLDER.findall(es_text)), name
    for number in ("911", "988", "Narcan", "Suboxone", "42 CFR Part 2", "SAMHSA"):
        if number in en_text:
            assert number in es_text, (name, number)
    if english.get("buttons"):
        assert [b["payload"] for b in spanish.get("buttons") or []] == [
            b["payload"] for b in english["buttons"]
        ], name
        for en_button, es_button in zip(english["buttons"], spanish["buttons"], strict=True):
            if "{helpline}" in en_button["title"]:
                assert "{helpline}" in es_button["title"], name


def spanish_variations() -> Iterator[Tuple[str, Dict[str, Any]]]:
    for file_name in SPANISH_FILES:
        for name, variations in responses_of(file_name).items():
            for variation in variations:
                if is_spanish(variation):
                    yield name, variation


def test_spanish_words_matter_and_no_dosing_advice():
    for name, variation in spanish_variations():
        buttons = " ".join(b.get("title", "") for b in variation.get("buttons") or [])
        text = f"{_filled(variation['text'])} {buttons}"
        assert not STIGMA_ES.search(text), (name, STIGMA_ES.search(text))
        assert not STIGMA.search(text), (name, STIGMA.search(text))
        assert not DOSING_ES.search(text), (name, DOSING_ES.search(text))
        assert not DOSING.search(text), (name, DOSING.search(text))


def test_spanish_replies_are_sms_sized_and_988_offers_spanish():
    for name, variation in spanish_variations():
        text = _filled(variation["text"])
        assert 0 < len(text) <= 320, (name, len(text))
        if "988" in text:
            assert re.search(r"marque 2|opción 2|2 para español|AYUDA", text), name


def test_the_spanish_program_facts_come_from_program_yml():
    facts = program_facts.load()
    assert facts.address_es and facts.address_es != facts.address
    assert facts.hours_es == ""  # unconfirmed, like the English hours: nothing is said


def test_a_confirmed_fact_has_its_spanish_wording(tmp_path: Path):
    from iop_assistant import program_confirm

    entry = {"confirmed": False, "value": "Open 9-5.", "default": "", "value_es": "Abierto 9-5."}
    data = {"confirm_before_launch": {"hours": entry}}
    assert program_confirm.fact(data, "hours", "es") == ""
    entry["confirmed"] = True
    assert program_confirm.fact(data, "hours", "es") == "Abierto 9-5."
    assert program_confirm.fact(data, "hours") == "Open 9-5."
    del entry["value_es"]
    assert program_confirm.fact(data, "hours", "es") == "Open 9-5."


def _render(name: str, language: str, channel: str = "rest", **slots: Any) -> Dict[str, Any]:
    return render(name, language, channel, **slots)


@pytest.mark.parametrize("intent", FAQ_INTENTS)
def test_faq_answers_follow_the_conversation_language(intent):
    name = f"utter_{intent}"
    es, en = _render(name, "es"), _render(name, "en")
    assert es["language"] == "es" and en["language"] == "en"
    assert es["text"] != en["text"] and "{" not in es["text"]
    english = [v for v in rasa_domain().responses[name] if not v.get("condition")]
    assert en["text"] == _filled(english[-1]["text"]), "English answers are unchanged"
    helpline = program_facts.load().helpline
    if helpline in all_text(en):
        assert helpline in all_text(es), name


def test_the_voice_answer_stays_a_voice_answer_in_spanish():
    es = _render("utter_ask_format", "es", "voice")
    assert es["language"] == "es" and "programar" in es["text"] and not es.get("buttons")


def test_the_location_answer_says_the_address_in_spanish():
    es = _render("utter_ask_location_hours", "es")
    assert program_facts.load().address_es in es["text"]
    assert program_facts.load().address not in es["text"]


NO_DE_GOLPE = "no deje el alcohol ni las benzodiacepinas de golpe por su cuenta"


@pytest.mark.parametrize(
    "response,note,needed",
    [
        ("utter_screening_detox_first", None, [NO_DE_GOLPE, "encontrarla", "diagnóstico"]),
        (
            "utter_screening_detox_first",
            "withdrawal_now",
            ["hoy", "911 si empeora", "tel:911", NO_DE_GOLPE, "diagnóstico"],
        ),
        ("utter_screening_iop_may_fit", "sedatives_named", [NO_DE_GOLPE, "profesional de salud"]),
        ("utter_screening_iop_may_fit", None, ["buena opción", "profesional de salud"]),
        ("utter_screening_helpline", None, [NO_DE_GOLPE, "diagnóstico"]),
        ("utter_screening_helpline", "pregnant_opioid", ["embarazo", "bebé", "hoy"]),
        (
            "utter_screening_helpline",
            "prescribed",
            ["nunca deje una medicina recetada por su cuenta", "no es, por sí solo, una razón"],
        ),
        ("utter_screening_prescribed_note", None, ["nunca deje una medicina recetada"]),
        ("utter_screening_opioid_note", None, ["sobredosis", "naloxona (narcan)", "911"]),
        ("utter_screening_stopped", None, [NO_DE_GOLPE]),
        ("utter_ask_screening_for", None, [NO_DE_GOLPE, "no es un diagnóstico"]),
    ],
)
def test_each_screening_outcome_keeps_its_safety_words_in_spanish(response, note, needed):
    slots = {"screening_note": note} if note else {}
    es = _render(response, "es", **slots)
    text = all_text(es).lower()
    assert es["language"] == "es"
    for phrase in needed:
        assert phrase.lower() in text, (response, note, phrase)
    helpline = program_facts.load().helpline
    assert helpline in text or response in (
        "utter_screening_prescribed_note",
        "utter_screening_opioid_note",
        "utter_ask_screening_for",
    )


@pytest.mark.parametrize("for_who", ["self", "other"])
@pytest.mark.parametrize(
    "slot",
    [
        "screening_recent_care",
        "screening_care_30_days",
        "screening_use_since_care",
        "screening_substances",
        "screening_frequency",
        "screening_symptoms",
        "screening_drinks",
        "screening_age",
    ],
)
def test_spanish_questions_speak_to_the_right_person(slot, for_who):
    es = _render(f"utter_ask_{slot}", "es", screening_for=for_who)
    assert ("esa persona" in es["text"].lower()) is (for_who == "other"), es["text"]
    english = _render(f"utter_ask_{slot}", "en", screening_for=for_who)
    assert [b["payload"] for b in es.get("buttons") or []] == [
        b["payload"] for b in english.get("buttons") or []
    ], "the form parses the same payloads in both languages"


def test_the_spanish_handoff_hours_are_the_ones_the_action_passes():
    es = asyncio.run(
        LanguageNLG(domain=rasa_domain()).generate(
            "utter_handoff_hours",
            _tracker("es"),
            "rest",
            handoff_hours="Monday to Friday, 9 AM to 5 PM (EST)",
            handoff_hours_es="lunes a viernes, 9 AM a 5 PM (EST)",
        )
    )
    assert es is not None and "lunes a viernes" in es["text"] and "Monday" not in es["text"]


def _tracker(language: str) -> DialogueStateTracker:
    tracker = DialogueStateTracker.from_events("es-test", [], slots=rasa_domain().slots)
    tracker.update(SlotSet("language", language))
    return tracker
