"""A migrated app database in a temp dir (the handoff tables come from migration 0005)."""

from __future__ import annotations

import pytest

from iop_assistant.migrations import migrate


@pytest.fixture
def engine(tmp_path):
    engine = migrate(f"sqlite:///{tmp_path / 'app.db'}")
    yield engine
    engine.dispose()
