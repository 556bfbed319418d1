"""The staff console: a Sanic app (``create_app``) over the app database and
the Rasa tracker store. See docs/privacy.md for who sees what."""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any) -> Any:
    """The console app (imported lazily: the CLI tools need no web stack)."""
    from iop_assistant.console.app import create_app as factory

    return factory(*args, **kwargs)


__all__ = ["create_app"]
