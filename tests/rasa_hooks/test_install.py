"""The hooks as one package: installed together, idempotent, undone, and reported by health."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from iop_assistant import rasa_hooks
from iop_assistant.tracking.health import health_report


def test_install_installs_every_hook_once() -> None:
    rasa_hooks.uninstall()
    assert rasa_hooks.installed() == {name: False for name in rasa_hooks.HOOKS}
    assert rasa_hooks.install() == {name: True for name in rasa_hooks.HOOKS}
    assert rasa_hooks.install() == {name: False for name in rasa_hooks.HOOKS}  # idempotent
    assert rasa_hooks.report()["installed"] is True


def test_uninstall_gives_rasa_its_own_methods_back() -> None:
    from rasa.core.actions.action import RemoteAction

    rasa_hooks.uninstall()
    own = (RemoteAction.run, RemoteAction._validate_action_result)
    rasa_hooks.install()
    assert (RemoteAction.run, RemoteAction._validate_action_result) != own
    rasa_hooks.uninstall()
    assert (RemoteAction.run, RemoteAction._validate_action_result) == own


def health_of_this_process() -> dict:
    """The health report of a Rasa app with no model and no stores (this test process)."""
    app = SimpleNamespace(ctx=SimpleNamespace(agent=None))
    return asyncio.run(health_report(app))


def test_health_says_so_when_rasa_started_without_the_launcher() -> None:
    rasa_hooks.uninstall()  # as under a plain `rasa run`
    report = health_of_this_process()
    assert report["status"] == "degraded"
    assert report["rasa_hooks"]["installed"] is False
    assert report["rasa_hooks"]["hooks"] == {name: False for name in rasa_hooks.HOOKS}


def test_health_lists_each_installed_hook() -> None:
    rasa_hooks.install()
    hooks = health_of_this_process()["rasa_hooks"]
    assert hooks["installed"] is True
    assert hooks["hooks"] == {name: True for name in rasa_hooks.HOOKS}
