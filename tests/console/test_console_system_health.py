"""Storage outages reported by the Rasa servers are shown to staff at once."""

from __future__ import annotations

from iop_assistant.console import system_health
from iop_assistant.tracking.health_state import record_event


def test_an_open_outage_is_listed_until_it_recovers(tmp_path, monkeypatch):
    monkeypatch.setenv("IOP_HEALTH_EVENTS_FILE", str(tmp_path / "health.jsonl"))
    assert system_health.open_outages() == []
    record_event("tracker_store", "outage_started", backend="postgresql", error="down")
    record_event("lock_store", "outage_started", backend="redis", error="down")
    assert {e["component"] for e in system_health.open_outages()} == {"tracker_store", "lock_store"}
    record_event("tracker_store", "recovered", backend="postgresql", written_back=3)
    assert [e["component"] for e in system_health.open_outages()] == ["lock_store"]


def test_every_page_shows_the_banner_and_the_dashboard_lists_events(
    tmp_path, monkeypatch, server, as_role
):
    monkeypatch.setenv("IOP_HEALTH_EVENTS_FILE", str(tmp_path / "health.jsonl"))
    client = as_role("clinician")

    def page(path: str) -> str:
        return client.get(server.url + path).text

    assert "Storage outage" not in page("/conversations")
    record_event("tracker_store", "outage_started", backend="postgresql", error="refused")
    for path in ("/conversations", "/dashboard"):
        shown = page(path)
        assert "Storage outage" in shown and "postgresql" in shown
    assert "outage started" in page("/dashboard")
    record_event("tracker_store", "recovered", backend="postgresql", written_back=1)
    assert "Storage outage" not in page("/conversations")
