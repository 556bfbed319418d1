"""Fuzz the guard that keeps SMS and voice text from triggering intents directly.

Rasa reads a message that starts with "/" as an intent (``/affirm{"x": 1}``)
after stripping it (``UserMessage`` strips the text). Invariant: whatever a
caller or texter sends, the text ``defuse_intent_syntax`` hands to Rasa,
stripped as Rasa strips it, never starts with "/".
"""

from __future__ import annotations

import atheris
from harness import run, text

with atheris.instrument_imports(include=["iop_assistant"]):
    from iop_assistant.channels.webhook import defuse_intent_syntax

INTENT_PREFIX = "/"  # rasa.shared.constants.INTENT_MESSAGE_PREFIX


def one_input(raw: bytes) -> None:
    """One inbound text or utterance."""
    message = text(atheris.FuzzedDataProvider(raw))
    handed_to_rasa = defuse_intent_syntax(message).strip()
    assert not handed_to_rasa.startswith(INTENT_PREFIX), (message, handed_to_rasa)


if __name__ == "__main__":
    run(one_input)
