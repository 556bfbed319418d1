"""The signature helper: the URL Twilio signs, the form, RequestValidator."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from iop_assistant.channels.twilio_signature import (
    MalformedFormError,
    is_valid,
    parse_form,
    public_url,
    sign,
)

TOKEN = "12345"
URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
PARAMS = {
    "CallSid": "CA1234567890ABCDE",
    "Caller": "+12349013030",
    "Digits": "1234",
    "From": "+12349013030",
    "To": "+18005551212",
}


def test_matches_twilios_documented_example():
    # the example from Twilio's security docs
    assert sign(TOKEN, URL, PARAMS) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
    assert is_valid(TOKEN, URL, {k: [v] for k, v in PARAMS.items()}, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")


def test_public_url_is_base_plus_path_plus_query():
    assert public_url("https://x.org/", "/webhooks/sms/webhook") == (
        "https://x.org/webhooks/sms/webhook"
    )
    assert public_url("https://x.org", "/webhooks/sms/webhook", "a=1") == (
        "https://x.org/webhooks/sms/webhook?a=1"
    )


def test_form_keeps_blank_values_which_twilio_signs():
    body = b"Body=&From=%2B15551234567&MessageSid=SM1&NumMedia=0"
    form = parse_form(body)
    assert form.first("Body") == "" and form.first("From") == "+15551234567"
    url = "https://x.org/webhooks/sms/webhook"
    params = {"Body": "", "From": "+15551234567", "MessageSid": "SM1", "NumMedia": "0"}
    signature = RequestValidator(TOKEN).compute_signature(url, params)
    assert is_valid(TOKEN, url, form, signature)


def test_any_change_breaks_the_signature():
    url = "https://x.org/webhooks/sms/webhook"
    form = parse_form(b"Body=hi&From=%2B15551234567&MessageSid=SM1")
    signature = sign(TOKEN, url, {"Body": "hi", "From": "+15551234567", "MessageSid": "SM1"})
    assert is_valid(TOKEN, url, form, signature)
    assert not is_valid(TOKEN, url + "?x=1", form, signature)
    assert not is_valid("other", url, form, signature)
    assert not is_valid(
        TOKEN, url, parse_form(b"Body=hi!&From=%2B15551234567&MessageSid=SM1"), signature
    )
    assert not is_valid(TOKEN, url, form, None)
    assert not is_valid("", url, form, signature)


def test_repeated_fields_are_all_signed():
    url = "https://x.org/w"
    form = parse_form(b"a=1&a=2&b=3")
    assert form.getall("a") == ["1", "2"]
    assert is_valid(TOKEN, url, form, sign(TOKEN, url, {"a": ["1", "2"], "b": "3"}))


@pytest.mark.parametrize("body", [b"\xff\xfe\x00junk", b"Body=%FF%FE&From=1"])
def test_undecodable_body_is_malformed(body):
    with pytest.raises(MalformedFormError):
        parse_form(body)
