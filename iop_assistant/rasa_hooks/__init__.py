"""This project's changes to Rasa's behaviour, in one place.

Rasa 3.6 has no extension point for any of them, so each replaces one Rasa
method, and each is tied to the tested Rasa version (the launcher,
:mod:`iop_assistant.serve`, refuses others):

* :mod:`.action_failsafe`: the help line when the action server can't be reached;
* :mod:`.action_schema`: action-server replies checked with one compiled validator;
* :mod:`.handoff_pause`: a crisis in a conversation paused for staff is still answered;
* :mod:`.state_window`: policies build only the last states of a long conversation;
* :mod:`.event_types`: a stored event's class found in a table, not by walking every subclass;
* :mod:`.session_rollover`: a long session starts a new one carrying its state;
* :mod:`.parse_cache`: a short message ("hi", "yes") read by the NLU pipeline once per model;
* :mod:`.rule_keys`: RulePolicy's rule lookup without re-reading every rule at every state;
* :mod:`.warm_up`: a newly loaded model reads two messages before the first person writes;
* :mod:`.inference_load`: DIET loads without training on an example (no training graph);
* :mod:`.crisis_context`: a crisis update is read as one only after a crisis reply;
* :mod:`.second_question`: a second program question in one message is read and answered.

A third, ``tf_predict`` (DIET's traced graph called through private
TensorFlow APIs), was removed: it saved 3-7 % of an NLU parse's CPU and no
measurable latency (docs/performance.md).

``python -m iop_assistant.serve`` calls :func:`install` before Rasa starts;
``GET /webhooks/health/status`` reports :func:`report`, so a server started
some other way (plain ``rasa run``) shows as degraded instead of silently
running without them.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any, Dict, List

HOOKS = (
    "action_failsafe",
    "action_schema",
    "handoff_pause",
    "state_window",
    "event_types",
    "session_rollover",
    "parse_cache",
    "rule_keys",
    "warm_up",
    "inference_load",
    "crisis_context",
    "second_question",
)
# set by the launcher: that it ran, and any untested versions it was told to accept
_launch: Dict[str, Any] = {"launcher": False, "untested_versions": []}


def hook(name: str) -> ModuleType:
    """The hook's module (imported on first use: each imports Rasa)."""
    return importlib.import_module(f"{__name__}.{name}")


def install() -> Dict[str, bool]:
    """Installs every hook (idempotent); maps each name to True when installed now."""
    return {name: hook(name).install() for name in HOOKS}


def uninstall() -> None:
    """Back to Rasa's own behaviour (tests undo what they installed)."""
    for name in HOOKS:
        hook(name).uninstall()


def installed() -> Dict[str, bool]:
    """Whether each hook is in place in this process."""
    return {name: hook(name).installed() for name in HOOKS}


def mark_launched(untested_versions: List[str]) -> None:
    """Called by the launcher once the hooks are in, for :func:`report`."""
    _launch.update(launcher=True, untested_versions=list(untested_versions))


def report() -> Dict[str, Any]:
    """For the health status: every hook by name, whether all are in place,
    whether the launcher started this process and on which untested versions."""
    hooks = installed()
    return {"installed": all(hooks.values()), "hooks": hooks, **_launch}
