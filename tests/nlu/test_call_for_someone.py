"""A family member asking whether they may make the first call gets how it starts (the
help line call, then a clinician), not a crisis reply or a callback form (night role-play)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.control_gate import gate
from iop_assistant.program_question import ENROLL_INTENT, asks_to_call_for_someone

ASKING = [
    # the wife's words (night role-play), then worded apart
    "can i be the one to call and set it up or does he have to do it himself? he said hed "
    "maybe go if i do the calling",
    "um im not in danger, im asking if i can make the call for him to get him started",
    "can a wife call that number for her husband or does it have to be him",
    "could we sign her up for her, she wont pick up the phone",
    "does my son have to call himself",
    "¿Puedo llamar yo por él, como su mamá?",
    "puedo llamar por mi hijo o tiene que llamar el mismo",
]
NOT_ASKING = [
    "can i call you tomorrow",
    "can we call for information",
    "can i call 911 for him",
    "can i call the police on him",
    "please call me back",
    "puedo llamar manana",
]


@pytest.mark.parametrize("text", ASKING)
def test_asking_to_make_the_call_for_someone_is_recognised(text):
    assert asks_to_call_for_someone(text)


@pytest.mark.parametrize("text", NOT_ASKING)
def test_other_calls_are_not(text):
    assert not asks_to_call_for_someone(text)


@pytest.mark.parametrize("classified", ["nlu_fallback", "request_callback", "crisis_checkin"])
def test_the_gate_answers_how_it_starts(classified):
    message = Message(data={TEXT: ASKING[0]})
    message.set(INTENT, {"name": classified, "confidence": 0.6})
    message.set(INTENT_RANKING_KEY, [{"name": classified, "confidence": 0.6}])
    gate(message)
    assert message.get(INTENT)["name"] == ENROLL_INTENT


def test_a_crisis_reading_is_left_to_the_crisis_guard():
    message = Message(data={TEXT: ASKING[0]})
    message.set(INTENT, {"name": "crisis", "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": "crisis", "confidence": 0.9}])
    gate(message)
    assert message.get(INTENT)["name"] == "crisis"
