"""Hallucinations from stimulant use, told by family who is asking, get the psychosis reply
(911 when anyone might get hurt, 988 for families, intake decides), not the withdrawal
911 reply; withdrawal and any other danger keep the crisis reply (night role-play)."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import ENTITIES, INTENT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.use_psychosis import is_use_psychosis

# the mother's words (night role-play), then the same worry worded apart
FAMILY_ASKING = [
    "Hello my son is 31 and uses meth and lately he hears voices and sees bugs on his arms. "
    "Is he too far gone for outpatient?",
    "its not an emergency hes calm right now. i just want to know if your program can take "
    "someone who is hallucinating from meth",
    "why would i call 911 hes watching tv. does IOP treat meth psychosis or not",
    "my daughter is on crystal and keeps seeing shadows, can you guys help with that",
    "hes been smoking ice for a week and now hes super paranoid, what do we do",
]
STILL_DANGER = [
    "he stopped drinking 2 days ago and now hes hallucinating",  # withdrawal: 911
    "she quit xanax and is seeing bugs",
    "hes on meth and hallucinating and he has a knife",
    "my son smokes meth and now hes paranoid and says he wants to die",
    "he's on meth, hearing voices and he isn't breathing right",
    "my boyfriend does meth and gets paranoid for days. how do i even bring up treatment",
]


def update_kind(message: Message) -> str | None:
    for entity in message.get(ENTITIES) or []:
        if entity["entity"] == "crisis_update":
            return entity["value"]
    return None


@pytest.mark.parametrize("text", FAMILY_ASKING)
@pytest.mark.parametrize("classifier", ["crisis", "ask_who_is_iop_for"])
def test_family_asking_about_psychosis_from_use_gets_the_psychosis_reply(guarded, text, classifier):
    assert is_use_psychosis(text)
    message = guarded(text, classifier)
    assert message.get(INTENT)["name"] == "crisis_update"
    assert update_kind(message) == "psychosis"
    assert not message.get("crisis_guard")


@pytest.mark.parametrize("text", STILL_DANGER)
def test_withdrawal_and_other_danger_are_not_psychosis_from_use(text):
    assert not is_use_psychosis(text)


@pytest.mark.parametrize("text", STILL_DANGER[:5])
def test_withdrawal_and_other_danger_keep_the_crisis_reply(guarded, text):
    assert guarded(text).get(INTENT)["name"] == "crisis"


def test_the_voices_getting_worse_is_psychosis_now():
    text = "ok. and until he gets in, what do i do if the voices get worse?"
    assert read_update(text) == "psychosis"


@pytest.mark.parametrize("classifier", ["crisis", "ask_who_is_iop_for"])
def test_asking_what_to_do_if_the_voices_get_worse_gets_the_psychosis_reply(guarded, classifier):
    text = (
        "ok. and until he gets in, what do i do if the voices get worse? my husband wants to "
        "take his truck keys away"
    )
    message = guarded(text, classifier)
    assert (message.get(INTENT)["name"], update_kind(message)) == ("crisis_update", "psychosis")


def test_a_calm_parent_asking_to_flush_the_pills_and_stop_gets_the_dosing_reply(guarded):
    text = (
        "No no, she's fine right now, sitting at dinner with us. I just mean should we flush "
        "the pills and have her stop tonight? She says she can't sleep without the xanax"
    )
    assert guarded(text).get(INTENT)["name"] == "ask_dosing"


def test_asking_why_911_after_saying_nobody_is_overdosing_is_a_no(guarded):
    text = "What? She's not overdosing, she's at her friend's. Why are you telling me to call 911"
    assert guarded(text).get(INTENT)["name"] != "crisis"


def test_a_real_emergency_after_a_denial_keeps_the_crisis_reply(guarded):
    text = "shes not overdosing but she wont wake up, why are you telling me to call 911"
    assert guarded(text).get(INTENT)["name"] == "crisis"
