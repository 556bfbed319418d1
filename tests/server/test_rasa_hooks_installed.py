"""The real server, started by the launcher, reports every hook into Rasa as installed."""

from __future__ import annotations

import requests

from iop_assistant import rasa_hooks


def test_health_status_reports_every_hook_installed_by_the_launcher(servers):
    response = requests.get(f"{servers.rasa_url}/webhooks/health/status", timeout=30)
    report = response.json()
    assert report["rasa_hooks"] == {
        "installed": True,
        "hooks": {name: True for name in rasa_hooks.HOOKS},
        "launcher": True,
        "untested_versions": [],
    }
    assert response.status_code == 200 and report["status"] == "ok"
    # the project's own stores, from the repo's endpoints.yml (as make run)
    assert report["tracker_store"]["configured"] and report["lock_store"]["configured"]


def test_the_pseudo_channel_route_is_gone(servers):
    gone = requests.get(f"{servers.rasa_url}/webhooks/action_failsafe/", timeout=10)
    assert gone.status_code == 404
