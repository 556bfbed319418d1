"""Fuzz the webhook form parser and Twilio signature check with raw request bodies.

Invariants: ``parse_form`` returns every field as a non-empty list of strings
or raises ``MalformedFormError`` (the channels answer 400), nothing else; a
body signed the way Twilio signs it validates, and any other signature does
not. Run: ``python fuzz/fuzz_sms_form.py -max_total_time=60`` (or ``fuzz/run.py``).
"""

from __future__ import annotations

import atheris
from harness import run

with atheris.instrument_imports():
    from iop_assistant.channels.twilio_signature import (
        FormParams,
        MalformedFormError,
        is_valid,
        parse_form,
        public_url,
        sign,
    )

TOKEN = "fuzz-auth-token"
URL = public_url("https://iop.example.org", "/webhooks/sms/webhook")


def one_input(body: bytes) -> None:
    """One request body, as the SMS and voice webhooks read it."""
    try:
        form = parse_form(body)
    except MalformedFormError:
        return
    assert isinstance(form, FormParams)
    for name, values in form.items():
        assert isinstance(name, str) and values and all(isinstance(v, str) for v in values)
    signature = sign(TOKEN, URL, form)
    assert is_valid(TOKEN, URL, form, signature), form
    assert not is_valid(TOKEN, URL, form, "x" + signature)
    assert not is_valid(TOKEN, URL, form, None)


if __name__ == "__main__":
    run(one_input)
