"""Every test here leaves Rasa as it found it: hooks it installed are uninstalled after."""

from __future__ import annotations

from typing import Iterator

import pytest

from iop_assistant import rasa_hooks


@pytest.fixture(autouse=True)
def _undo_hooks() -> Iterator[None]:
    before = rasa_hooks.installed()
    yield
    for name, was_installed in before.items():
        if not was_installed:
            rasa_hooks.hook(name).uninstall()
