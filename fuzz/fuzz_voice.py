"""Fuzz the voice webhook's answer handling and the TwiML it builds.

A caller's ``SpeechResult`` and ``Digits`` arrive as a form post: they must
come back out of ``parse_form`` unchanged, never make the helpers raise, and
pick only options that were offered. Whatever the bot says (any text, any
buttons), ``gather`` and ``dial`` build well-formed XML whose ``<Say>``
texts fit Twilio's limits.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlencode

import atheris
from harness import options, run, text, texts

with atheris.instrument_imports():
    from iop_assistant.channels import identity
    from iop_assistant.channels import voice_twiml as twiml
    from iop_assistant.channels.twilio_signature import parse_form

ACTION_URL = "https://iop.example.org/webhooks/voice/webhook?a=1&b=2"
HELPLINE = "+18005550100"
KEY = b"fuzz-sender-id-key"


def bot_messages(data: atheris.FuzzedDataProvider) -> list[dict]:
    """Bot messages as Rasa collects them: text, and buttons (some of them ``tel:``)."""
    messages = []
    for _ in range(data.ConsumeIntInRange(0, 4)):
        buttons = [
            {
                "title": text(data, 60),
                "payload": ("tel:" if data.ConsumeBool() else "") + text(data, 30),
            }
            for _ in range(data.ConsumeIntInRange(0, 10))
        ]
        messages.append({"text": text(data, 2500), "buttons": buttons})
    return messages


def check_twiml(document: str) -> None:
    """Well-formed TwiML whose every ``<Say>`` fits one Twilio ``<Say>``."""
    root = ET.fromstring(document)
    assert root.tag == "Response"
    for say in root.iter("Say"):
        assert len(say.text or "") <= twiml.MAX_SAY_CHARS


def one_input(raw: bytes) -> None:
    """One answer on a call, the options offered before it, and the bot's next reply."""
    data = atheris.FuzzedDataProvider(raw)
    fields = {"CallSid": text(data, 40), "From": text(data, 20), "SpeechResult": text(data)}
    fields["Digits"] = text(data, 4)
    form = parse_form(urlencode(fields).encode())
    assert {name: form.first(name) for name in fields} == fields
    speech, digits = fields["SpeechResult"].strip(), fields["Digits"].strip()

    offered = options(data, twiml.MAX_OPTIONS)
    twiml.wants_helpline(speech, digits)
    twiml.wants_crisis_line(speech, digits)
    chosen = twiml.choose(speech, digits, offered)
    assert chosen is None or chosen in offered
    assert identity.sender_id("voice", fields["From"], KEY).startswith("voice-")

    prompt = twiml.render_prompt(bot_messages(data))
    assert len(prompt.options) <= twiml.MAX_OPTIONS
    hints = [o["title"] for o in prompt.options] + texts(data, 3, 40)
    check_twiml(twiml.gather(ACTION_URL, prompt.sayings + [speech], prompt.closing, hints))
    check_twiml(twiml.dial(prompt.sayings, HELPLINE, if_unanswered=text(data)))


if __name__ == "__main__":
    run(one_input)
