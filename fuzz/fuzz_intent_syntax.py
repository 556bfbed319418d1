"""Fuzz the guard that keeps SMS, voice and web text from triggering intents directly.

Rasa reads a message that starts with "/" as an intent (``/affirm{"x": 1}``):
the processor checks the text as ``UserMessage`` strips it, and the NLU
pipeline checks it again *after* ``InputGuard`` has cleaned it (control and
format characters such as a zero-width space, BOM, soft hyphen or direction
mark become spaces, then the text is stripped). Invariants, whatever a
caller, texter or web client sends:

* the text ``defuse_intent_syntax`` hands to Rasa, stripped as Rasa strips
  it, never starts with "/";
* nor does that text once cleaned as the NLU pipeline cleans it;
* nor does the NLU pipeline's own cleaning of any raw text
  (``defused_clean_text``), whatever channel it came from;
* the web channels' gate passes only an offered payload as "/…".
"""

from __future__ import annotations

import atheris
from harness import run, text

with atheris.instrument_imports(include=["iop_assistant"]):
    from iop_assistant.channels.web import PayloadGate
    from iop_assistant.channels.webhook import defuse_intent_syntax
    from iop_assistant.input_text import clean_text, defused_clean_text

INTENT_PREFIX = "/"  # rasa.shared.constants.INTENT_MESSAGE_PREFIX
# characters the NLU pipeline cleans away, to put in front of intent syntax often
INVISIBLE = ["\u200b", "\ufeff", "\u00ad", "\u200e", "\u200f", "\u202e", "\x00", "\x1b", "\u2060"]
GATE = PayloadGate()


def one_input(raw: bytes) -> None:
    """One inbound text or utterance, sometimes behind invisible characters."""
    data = atheris.FuzzedDataProvider(raw)
    prefix = "".join(data.PickValueInList(INVISIBLE) for _ in range(data.ConsumeIntInRange(0, 3)))
    message = prefix + text(data)
    handed_to_rasa = defuse_intent_syntax(message).strip()
    assert not handed_to_rasa.startswith(INTENT_PREFIX), (message, handed_to_rasa)
    assert not clean_text(handed_to_rasa).startswith(INTENT_PREFIX), (message, handed_to_rasa)
    assert not defused_clean_text(message).startswith(INTENT_PREFIX), message
    gated = (GATE.text_for_rasa(message) or "").strip()
    assert not gated.startswith(INTENT_PREFIX) or gated in GATE.static, (message, gated)


if __name__ == "__main__":
    run(one_input)
