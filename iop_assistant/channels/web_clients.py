"""What third-party web clients (rasa-webchat, plain REST) need from the web channels.

Issue 15 item 6. Our widget turns a ``tel:`` button into a link that dials;
other clients do not:

* rasa-webchat sends a button's payload as the person's message, so the crisis
  reply's "Call 911" button arrives as the text ``tel:911``. Read as words it
  got the detox offer. It is answered here, in the channel, with the number
  to dial, and never reaches the model (no topic menu, no offer, nothing
  written to the conversation).
* a client that shows no buttons at all would hide the number: every
  ``tel:`` button's number is also put in the message text when the text does
  not already spell it out (the same rule as SMS, :mod:`.sms_format`).
* rasa-webchat's default init payload is empty; an empty or blank socket.io
  message is ignored instead of being answered "I couldn't read that". (Over
  REST a blank message is a person's bad input: answered, and kept.)
"""

from __future__ import annotations

import re
from typing import Any, Dict

from rasa.core.channels.channel import OutputChannel

from iop_assistant.channels.sms_format import is_tel, mentions_number, pretty_number, tel_line

# "tel:911", "tel:+18887833291", "tel: (888) 783-3291": a number and nothing else
_TEL_TEXT = re.compile(r"^\s*tel:\s*(\+?[0-9][0-9 ().-]{1,24})\s*$", re.IGNORECASE)


def is_blank(text: str | None) -> bool:
    """An empty or whitespace-only message (a client's empty init payload)."""
    return not (text or "").strip()


def called_number(text: str | None) -> str | None:
    """The number of a ``tel:`` button a client sent back as text, else None."""
    match = _TEL_TEXT.match(text or "")
    return match.group(1).strip() if match else None


def call_reply(number: str) -> str:
    """The answer to a tapped call button: the number to dial, and only that."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if digits == "911":
        return "Please call 911 now from your phone."
    if digits == "988":
        return "Call or text 988 from your phone (988 Suicide & Crisis Lifeline, any time)."
    return f"Please call {pretty_number(number)} from your phone."


def with_numbers_in_text(message: Dict[str, Any]) -> Dict[str, Any]:
    """The bot message with each ``tel:`` button's number in its text, if the text lacks it."""
    buttons = [b for b in message.get("buttons") or [] if isinstance(b, dict) and is_tel(b)]
    text = str(message.get("text") or "")
    if not buttons or not text:
        return message
    lines = []
    for button in buttons:
        number = str(button.get("payload")).strip()[4:]
        line = tel_line(button)
        if not mentions_number(text, number) and line not in lines:
            lines.append(line)
    if not lines:
        return message
    return {**message, "text": text + "\n\n" + "\n".join(lines)}


def show_numbers(output_channel: OutputChannel | None) -> None:
    """Make ``output_channel`` put call numbers in the text of what it sends."""
    if output_channel is None or getattr(output_channel, "_numbers_in_text", False):
        return
    send = output_channel.send_response

    async def send_response(recipient_id: str, message: Dict[str, Any]) -> None:
        await send(recipient_id, with_numbers_in_text(message))

    output_channel.send_response = send_response  # type: ignore[method-assign]
    output_channel._numbers_in_text = True  # type: ignore[attr-defined]
