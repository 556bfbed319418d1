"""A migrated app database in a temp dir."""

from __future__ import annotations

import pytest

from iop_assistant.migrations import migrate


@pytest.fixture
def engine(tmp_path):
    engine = migrate(f"sqlite:///{tmp_path / 'app.db'}")
    yield engine
    engine.dispose()  # pooled connections would outlive the temp dir
