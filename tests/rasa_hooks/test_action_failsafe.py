"""The action-server failsafe with Rasa's real RemoteAction, NLG and domain."""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import EndpointConfig

from devtools.ports import free_port
from iop_assistant import program_facts
from iop_assistant.rasa_hooks import action_failsafe
from tests.domains import rasa_domain


@pytest.fixture(autouse=True)
def _uninstall_afterwards(restored) -> None:
    """``install()`` wraps Rasa's RemoteAction.run; every test leaves it as it found it."""
    restored(RemoteAction, "run")


@pytest.fixture(scope="module")
def domain() -> Domain:
    return rasa_domain()


def run_unreachable(domain: Domain, output: CollectingOutputChannel) -> None:
    action_failsafe.install()
    # nothing listens on a free port: the action server is unreachable
    endpoint = EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook")
    action = RemoteAction("action_submit_callback", endpoint)
    tracker = DialogueStateTracker.from_events("failsafe-test", [], slots=domain.slots)
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    with pytest.raises(RasaException):  # Rasa still sees the failure and logs it
        asyncio.run(action.run(output, nlg, tracker, domain))


def test_unreachable_action_server_says_the_help_line(domain, caplog):
    output = CollectingOutputChannel()
    run_unreachable(domain, output)
    assert len(output.messages) == 1
    text = output.messages[0]["text"]
    assert program_facts.load().helpline in text and "911" in text
    assert "action server unreachable" in caplog.text


def test_said_once_per_turn(domain):
    output = CollectingOutputChannel()
    run_unreachable(domain, output)
    run_unreachable(domain, output)  # e.g. a form's validation, then its question
    assert len(output.messages) == 1


def test_install_is_idempotent():
    action_failsafe.install()
    assert action_failsafe.install() is False
