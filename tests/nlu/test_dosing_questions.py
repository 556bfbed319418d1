"""A request for a dose or a way to cut down gets no numbers: ask_dosing's reply says why
not alone, offers the detox screening and gives the help line (never dosing advice)."""

from __future__ import annotations

import re

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant import domain_files, program_facts
from iop_assistant.nlu.control_gate import gate
from iop_assistant.nlu.dosing_questions import DOSING_INTENT, asks_about_dosing

# worded apart from data/nlu/faq_safety.yml's examples
DOSING = [
    # v9: stopping all at once
    "should i just stop right away because of the baby",
    "should i just quit the xanax on my own this weekend so i show up clean",
    "can i stop cold turkey",
    "how can i taper off my klonopin without a doctor",
    "whats the best way to wean off alcohol",
    "how many milligrams of methadone should my son take",
    "how much xanax is too much",
    "Can I take more Suboxone if I still feel sick?",
    "how fast should i come off percocet",
    "is 10 mg of valium safe",
    "should i double my dose of bupe tonight",
    "how do we cut down my dad's drinking slowly",
    "what dosage of gabapentin should i ask for",
    "i need a weaning plan for benzos",
    # night role-play (2026-12-04): a plan to stop alone, or taking the drug away at once
    "He's gonna quit on his own this weekend, is that ok?",
    "my husband wants to stop drinking cold turkey tomorrow, is that safe",
    "im going to quit the bars by myself this weekend?",
    "Is it safe for her to stop xanax cold turkey?",
    "is it safe for him to stop drinking cold turkey by himself",
    "should we flush the pills and have her stop tonight?",
    "can we throw out his vodka and make him quit",
]
NOT_DOSING = [
    "should i stop using",
    "can i stop at any time during the program",
    "when should i stop by the office",
    "will they make me come off my suboxone",  # the program's rule: ask_staying_on_medication
    "do they taper you off methadone in iop",
    "can i keep my methadone while in the program",
    "i take 4 mg of xanax every day",  # a fact for the screening, not a question
    "im on 120mg methadone",
    "how much drinking is too much",  # is my use a problem (ask_am_i_addicted)
    "how many days a week should i take off work",
    "how much does it cost",
    "how do i quit drinking",  # a goal: the program answers that
    "do you do medication management",
    "do i need detox first",
    "i want to stop drinking this weekend",  # a goal with no question: request_help
    "hes going to stop by tomorrow, is that ok",
    "she wants to quit her job this week, is that a good idea",
    "should we flush the pills",  # keeping pills away is means safety, not a stop plan
]


@pytest.mark.parametrize("text", DOSING)
def test_dosing_requests_are_recognised(text: str) -> None:
    assert asks_about_dosing(text)


@pytest.mark.parametrize("text", NOT_DOSING)
def test_program_rules_facts_and_goals_are_not_dosing_requests(text: str) -> None:
    assert not asks_about_dosing(text)


def _gated(text: str, intent: str) -> str:
    message = Message(data={TEXT: text})
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.9}])
    gate(message)
    return message.get(INTENT)["name"]


@pytest.mark.parametrize("intent", ["ask_safety_procedures", "ask_medication", "nlu_fallback"])
def test_the_gate_sends_dosing_requests_to_ask_dosing(intent: str) -> None:
    """Before: "how do i cut down my xanax" got the overdose steps with no help line."""
    assert _gated("how do i cut down my xanax", intent) == DOSING_INTENT


def test_the_gate_leaves_a_crisis_reading_alone() -> None:
    assert _gated("how much xanax should i take to never wake up", "crisis") == "crisis"


def test_the_reply_gives_no_numbers_but_the_help_line_and_the_screening() -> None:
    helpline = program_facts.load().helpline
    for variation in domain_files.load_raw()["responses"]["utter_ask_dosing"]:
        text = variation["text"]
        assert "{helpline}" in text
        # no number but the help line and 911 (for a seizure)
        assert not re.search(r"\d", text.replace("{helpline}", "").replace("911", "")), text
        assert "911" in text
        assert not re.search(r"\b(?:mg|milligram|per day|a day|every \w+ days)\b", text, re.I)
        payloads = [b["payload"] for b in variation["buttons"]]
        assert "/request_detox_screening" in payloads
        assert "tel:{helpline_e164}" in payloads
    assert helpline


def test_stopping_them_all_at_once_is_a_dosing_question_not_a_crisis():
    # role-play 2026-12-04 (a caller, 71, and a parent): the 988 reply
    import spacy

    from iop_assistant.nlu import spacy_pipeline
    from iop_assistant.nlu.crisis_matcher import DEFAULT_LEXICON, CrisisMatcher

    text = "is it safe for her to stop taking them all at once"
    assert asks_about_dosing(text)
    matcher = CrisisMatcher(spacy.load(spacy_pipeline.build()), DEFAULT_LEXICON)
    assert matcher.match(text) is None
    assert matcher.match("should i just stop taking them all at once") is None
    assert matcher.match("im going to swallow them all at once") is not None


# v12 (round 18): stopping while pregnant, and "what if i just stop this weekend"
@pytest.mark.parametrize(
    "text, expected",
    [
        ("i'm pregnant and i've been taking oxys, i'm scared if i stop it'll hurt the baby", True),
        ("I just found out I'm pregnant and I drink most nights. Should I stop?", True),
        ("my daughter is pregnant and she wants to quit heroin on her own", True),
        ("estoy embarazada y quiero dejar de tomar", True),
        ("my wife is pregnant and i want to stop drinking before the baby comes", False),
        ("i'm pregnant, do you have groups for moms?", False),
    ],
)
def test_stopping_while_pregnant(text, expected):
    from iop_assistant.nlu.dosing_questions import asks_about_stopping_while_pregnant

    assert asks_about_stopping_while_pregnant(text) is expected


def test_the_gate_gives_the_dosing_answer_and_its_note_reason(gated):
    text = "i'm pregnant and i've been taking oxys, i'm scared if i stop it'll hurt the baby"
    # over the classifier's crisis guess: the guard still answers a lexicon hit
    assert gated(text, "crisis", 1.0) == "ask_dosing"
    assert asks_about_dosing("what if i just stop this weekend and tough it out")
