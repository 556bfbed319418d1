"""Shared fixtures for the action tests."""

from __future__ import annotations

import pytest

from iop_assistant.migrations import migrate
from iop_assistant.store import get_engine


@pytest.fixture()
def app_db(tmp_path, monkeypatch):
    """A fresh app database of the test's own, the one the action writes to."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    engine = get_engine(url)
    migrate(engine)
    return engine
