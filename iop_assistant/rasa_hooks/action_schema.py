"""Checks every action-server reply against Rasa's schema, compiled once.

Rasa 3.6 validates each custom action's reply with ``jsonschema.validate``,
which first re-checks the schema itself against the JSON-Schema meta-schema
and builds a new validator: on every custom action, form validation
included. Profiling one Rasa server under 20 concurrent conversations
(py-spy, see docs/performance.md) put 29 % of its CPU there. :func:`install`
replaces ``RemoteAction._validate_action_result`` with the same check
against the same schema, using one validator built (and the schema checked)
once per process. Invalid replies still raise the same ``ValidationError``
with Rasa's explanation appended.

Installed with the other hooks by the launcher (``python -m iop_assistant.serve``,
:func:`iop_assistant.rasa_hooks.install`).
"""

from __future__ import annotations

import functools
from typing import Any, Callable

from jsonschema import ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

_HINT = (
    ". Failed to validate Action server response from API, "
    "make sure your response from the Action endpoint is valid. "
    "For more information about the format visit "
    f"{DOCS_BASE_URL}/custom-actions"
)

_rasas_own: list[Callable[[RemoteAction, dict[str, Any]], bool]] = []  # set by install()


@functools.lru_cache(maxsize=1)
def response_validator() -> Validator:
    """The validator for action-server replies; the schema is checked here, once."""
    schema = RemoteAction.action_response_format_spec()
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def validate_action_result(_: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's check, same schema and same error, without rebuilding the validator."""
    try:
        response_validator().validate(result)
    except ValidationError as error:
        error.message += _HINT
        raise
    return True


def installed() -> bool:
    return RemoteAction._validate_action_result is validate_action_result


def install() -> bool:
    """Replaces Rasa's per-call validation (idempotent); True when installed now."""
    if installed():
        return False
    _rasas_own.append(RemoteAction._validate_action_result)
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
    return True


def uninstall() -> None:
    """Back to Rasa's own per-call validation (tests undo what they installed)."""
    if installed():
        RemoteAction._validate_action_result = _rasas_own.pop()  # type: ignore[method-assign]
