"""Fuzzing the real SMS and voice webhooks on the real `rasa run` (hypothesis).

Malformed or unsigned bodies get a 4xx; correctly signed forms full of odd
values get TwiML. Never a 5xx, whatever Twilio (or an attacker) posts.
"""

from __future__ import annotations

import secrets

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

PATHS = ("/webhooks/sms/webhook", "/webhooks/voice/webhook")
VALUE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(path=st.sampled_from(PATHS), body=st.binary(max_size=3000), signed=st.booleans())
def test_arbitrary_bodies_get_4xx_not_5xx(servers, path, body, signed):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signed:
        headers["X-Twilio-Signature"] = secrets.token_urlsafe(20)
    reply = requests.post(servers.rasa_url + path, data=body, headers=headers, timeout=30)
    assert 400 <= reply.status_code < 500


@FUZZ
@given(
    path=st.sampled_from(PATHS),
    body=VALUE,
    sender=st.one_of(VALUE, st.just("+12025550177")),
    extra=st.dictionaries(st.text(min_size=1, max_size=20), VALUE, max_size=4),
    media=st.sampled_from(["0", "1", "-1", "x", ""]),
)
def test_signed_forms_with_odd_values_never_fail(servers, path, body, sender, extra, media):
    sid = ("SM" if "sms" in path else "CA") + secrets.token_hex(16)
    form = {**extra, "From": sender, "Body": body, "SpeechResult": body, "NumMedia": media}
    form.update({"MessageSid": sid, "CallSid": sid, "AccountSid": "AC" + "0" * 32})
    signature = RequestValidator(servers.env["TWILIO_AUTH_TOKEN"]).compute_signature(
        servers.env["PUBLIC_BASE_URL"] + path, form
    )
    reply = requests.post(
        servers.rasa_url + path, data=form, headers={"X-Twilio-Signature": signature}, timeout=60
    )
    assert reply.status_code < 500, reply.text[:200]
    if reply.status_code == 200:
        assert "<Response" in reply.text
