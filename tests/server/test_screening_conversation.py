"""The detox-first screening through the real servers, typed the way people type."""

from __future__ import annotations

import uuid

from iop_assistant import program_facts
from tests.server.conftest import texts

HELPLINE = program_facts.load().helpline


def test_screening_detox_first_for_a_family_member(servers):
    sender = uuid.uuid4().hex
    servers.say(sender, "hi")
    assert "for you or for someone else" in texts(servers.say(sender, "/request_detox_screening"))
    assert "Have they" in texts(servers.say(sender, "its for my dad"))
    assert "What do they use" in texts(servers.say(sender, "no"))
    assert "How often" in texts(servers.say(sender, "vodka mostly"))
    assert "last use" in texts(servers.say(sender, "every day"))
    servers.say(sender, "this morning")
    assert "seizure" in texts(servers.say(sender, "yeah he gets the shakes and sweats"))
    outcome = texts(servers.say(sender, "no"))
    assert "detox before IOP" in outcome and "isn't a diagnosis" in outcome
    assert HELPLINE in outcome
    tracker = servers.tracker(sender)
    assert tracker["slots"]["screening_outcome"] == "detox_first"


def test_question_mid_screening_is_answered_then_the_form_resumes(servers):
    sender = uuid.uuid4().hex
    servers.say(sender, "/request_detox_screening")
    servers.say(sender, "for me")
    reply = texts(servers.say(sender, "how long does the program last"))
    assert "one to three months" in reply
    assert "recently finished detox" in reply


def test_stop_mid_screening(servers):
    sender = uuid.uuid4().hex
    servers.say(sender, "/request_detox_screening")
    reply = texts(servers.say(sender, "/stop"))
    assert "stop here" in reply
    assert not (servers.tracker(sender).get("active_loop") or {}).get("name")


def test_crisis_mid_screening_ends_it_and_flags_the_conversation(servers):
    sender = uuid.uuid4().hex
    servers.say(sender, "/request_detox_screening")
    servers.say(sender, "for me")
    reply = texts(servers.say(sender, "honestly i just want to die"))
    assert "988" in reply and "911" in reply
    tracker = servers.tracker(sender)
    assert not (tracker.get("active_loop") or {}).get("name")
    assert tracker["slots"]["crisis_flag"] is True
    assert tracker["slots"]["crisis_category"] == "suicidal"
    # the next message does not restart the form
    assert "What do you use" not in texts(servers.say(sender, "ok"))
