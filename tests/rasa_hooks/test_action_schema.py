"""Action-server replies are checked against Rasa's own schema, compiled once."""

from __future__ import annotations

import jsonschema
import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from iop_assistant.rasa_hooks import action_schema

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "callback_phone", "value": "+12025550143"}],
     "responses": [{"text": "Thanks", "buttons": [], "elements": []}]},
    {"events": [{"event": "active_loop", "name": None}], "responses": [{"response": "utter_x"}]},
    {},
]  # fmt: skip
INVALID = [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": "text"},
    {"events": [{"event": 5}]},
]


@pytest.fixture(autouse=True)
def _uninstall_afterwards(restored) -> None:
    """``install()`` patches Rasa's RemoteAction; every test leaves it as it found it."""
    restored(RemoteAction, "_validate_action_result")


def rasa_verdict(result: dict) -> bool:
    """What Rasa's own code (``jsonschema.validate`` on the same schema) says."""
    try:
        jsonschema.validate(result, RemoteAction.action_response_format_spec())
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("result", VALID + INVALID)
def test_same_verdict_as_rasa(result):
    action_schema.install()
    action = RemoteAction("action_x", None)
    if rasa_verdict(result):
        assert action._validate_action_result(result) is True
    else:
        with pytest.raises(ValidationError) as caught:
            action._validate_action_result(result)
        assert "Failed to validate Action server response" in caught.value.message


def test_validator_is_built_once():
    action_schema.install()
    first = action_schema.response_validator()
    RemoteAction("action_x", None)._validate_action_result({"events": []})
    assert action_schema.response_validator() is first


def test_install_is_idempotent():
    action_schema.install()
    assert action_schema.install() is False
    assert RemoteAction._validate_action_result is action_schema.validate_action_result
