"""Questions the control gate answers with a reason the response generator acts on: who
speaks Spanish on the phone, papers or immigration (es-v3, Spanish role-plays), a Spanish
question fairly sure of its topic, and when drinking is an emergency (family role-play):
the gate chooses the answer and says why; the generator adds a note for that reason, or
says another answer in its place."""

from __future__ import annotations

import asyncio
from typing import Callable

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG
from iop_assistant.program_question import asks_about_immigration, asks_for_a_spanish_speaker


@pytest.mark.parametrize(
    "text",
    [
        "hablan español?",
        "¿hay alguien que hable español por teléfono?",
        "does the help line speak spanish",
        "do you guys speak spanish?",
        "tienen grupos en español?",
    ],
)
def test_asking_who_speaks_spanish(text: str) -> None:
    assert asks_for_a_spanish_speaker(text)


@pytest.mark.parametrize(
    "text", ["quiero hablar en español", "english please", "my son speaks spanish at home"]
)
def test_asking_for_spanish_or_saying_who_speaks_it_is_not_that_question(text: str) -> None:
    assert not asks_for_a_spanish_speaker(text)


@pytest.mark.parametrize(
    "text",
    [
        "si voy a su programa ustedes le pasan mi informacion a migracion? no tengo papeles",
        "me van a pedir seguro social o alguna id para entrar?",
        "mi esposo no tiene papeles",
        "quisiera saber si sin papeles puedo entrar",
        "do you need my social security number",
        "is ICE going to find out",
        "will they ask about my immigration status",
    ],
)
def test_immigration_words(text: str) -> None:
    assert asks_about_immigration(text)


@pytest.mark.parametrize(
    "text",
    [
        "tengo seguro social del imss",  # insurance
        "I get social security disability",
        "necesito papeles para la corte",  # court papers: the paperwork answer
        "the ice is melting",
    ],
)
def test_look_alikes_are_not_immigration(text: str) -> None:
    assert not asks_about_immigration(text)


def test_the_gate_answers_papers_with_the_privacy_law(gated: Callable[..., str]) -> None:
    text = "si voy a su programa le pasan mi informacion a migracion? no tengo papeles"
    assert gated(text, "ask_legal_paperwork", 0.8) == "ask_confidentiality"


def test_the_gate_answers_who_speaks_spanish(gated: Callable[..., str]) -> None:
    # the question asks for Spanish too: the Spanish welcome, then the note
    assert gated("does the help line speak spanish", "ask_helpline_hours", 0.8) == "speak_spanish"
    assert gated("tienen grupos en español?", "ask_group_therapy", 0.8) == "ask_format"


def test_a_crisis_is_left_to_the_crisis_guard(gated: Callable[..., str]) -> None:
    assert gated("no tengo papeles y me quiero matar", "crisis", 0.9) == "crisis"


RESPONSES = {
    "utter_ask_confidentiality": [{"text": "Records are protected."}],
    "utter_note_immigration": [{"text": "The same for everyone."}],
    "utter_ask_format": [{"text": "Ask about groups."}],
    "utter_note_spanish_speaker": [{"text": "Ask for Spanish."}],
}


def reply(utter: str, reason: str) -> str:
    parse_data = {
        "text": "x",
        "intent": {"name": "ask_confidentiality", "confidence": 1.0},
        "control_gate": {"from": "ask_cost_insurance", "reason": reason},
    }
    tracker = DialogueStateTracker.from_events(
        "note", [UserUttered("x", parse_data["intent"], [], parse_data)]
    )
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    generated = asyncio.run(nlg.generate(utter, tracker, "rest"))
    assert generated is not None
    return str(generated["text"])


def test_the_note_follows_the_answer_for_its_reason() -> None:
    assert reply("utter_ask_confidentiality", "immigration") == (
        "Records are protected.\n\nThe same for everyone."
    )
    assert reply("utter_ask_format", "spanish speaker") == "Ask about groups.\n\nAsk for Spanish."


def test_no_note_for_another_reason() -> None:
    assert reply("utter_ask_confidentiality", "privacy") == "Records are protected."


@pytest.mark.parametrize(
    ("text", "intent", "confidence", "expected"),
    [
        # a Spanish question read fairly surely as a program topic keeps its reading (es-v3)
        ("que tratamientos tienen para la adiccion", "ask_therapies", 0.5, "ask_therapies"),
        ("¿tienen lugares para vivir?", "ask_sober_living", 0.4, "ask_sober_living"),
        # unsure, or not a question: the Spanish welcome, which offers everything
        (
            "que pasa si uso mientras estoy en el programa",
            "ask_family_involvement",
            0.31,
            "speak_spanish",
        ),
        ("mi hijo toma mucho y no se que hacer con el", "ask_who_benefits", 0.4, "speak_spanish"),
    ],
)
def test_a_spanish_question_keeps_a_fair_program_reading(
    gated: Callable[..., str], text: str, intent: str, confidence: float, expected: str
) -> None:
    assert gated(text, intent, confidence) == expected


@pytest.mark.parametrize(
    "text",
    [
        "When is drinking an emergency?",
        "what are the signs of alcohol poisoning",
        "how do i know if he drank too much",
    ],
)
def test_when_drinking_is_an_emergency_gets_the_alcohol_poisoning_answer(
    gated: Callable[..., str], text: str
) -> None:
    # family role-play round 17: the withdrawal text or a menu, never these signs
    assert gated(text, "ask_dosing", 0.5) == "ask_safety_procedures"


@pytest.mark.parametrize(
    "text", ["he drank too much and won't wake up", "i drank too much last night lol"]
)
def test_drinking_now_is_not_that_question(text: str) -> None:
    from iop_assistant.nlu.danger_questions import asks_about_alcohol_poisoning

    assert not asks_about_alcohol_poisoning(text)


def test_the_alcohol_answer_is_said_instead_of_the_overdose_one() -> None:
    responses = {
        "utter_ask_safety_procedures": [{"text": "Naloxone."}],
        "utter_alcohol_poisoning": [{"text": "Call 911 if they can't be woken."}],
    }
    parse_data = {
        "text": "When is drinking an emergency?",
        "intent": {"name": "ask_safety_procedures", "confidence": 1.0},
        "control_gate": {"from": "ask_dosing", "reason": "alcohol poisoning"},
    }
    tracker = DialogueStateTracker.from_events(
        "instead", [UserUttered(parse_data["text"], parse_data["intent"], [], parse_data)]
    )
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    reply = asyncio.run(nlg.generate("utter_ask_safety_procedures", tracker, "rest"))
    assert reply and reply["text"] == "Call 911 if they can't be woken."


def test_asked_again_the_note_alone_is_said() -> None:
    # Spanish role-play round 19: three immigration questions in a row got "Eso es lo
    # principal que sé" after the privacy answer
    from rasa.shared.core.events import BotUttered

    parse_data = {
        "text": "y no le van a decir a migracion?",
        "intent": {"name": "ask_confidentiality", "confidence": 1.0},
        "control_gate": {"from": "ask_legal_paperwork", "reason": "immigration"},
    }
    tracker = DialogueStateTracker.from_events(
        "again",
        [
            BotUttered(
                "Records are protected.", metadata={"utter_action": "utter_ask_confidentiality"}
            ),
            UserUttered(parse_data["text"], parse_data["intent"], [], parse_data),
        ],
    )
    responses = {**RESPONSES, "utter_no_more": [{"text": "That's the main thing I know."}]}
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    reply = asyncio.run(nlg.generate("utter_ask_confidentiality", tracker, "rest"))
    assert reply and reply["text"] == "The same for everyone."
