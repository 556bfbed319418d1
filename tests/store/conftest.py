"""A migrated app database in a temp dir."""

from __future__ import annotations

import pytest

from iop_assistant.store import migrate


@pytest.fixture
def engine(tmp_path):
    return migrate(f"sqlite:///{tmp_path / 'app.db'}")
