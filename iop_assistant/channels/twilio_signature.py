"""Checking that a webhook request really comes from Twilio.

Twilio signs ``PUBLIC_BASE_URL + path + query`` plus every form parameter
(sorted by name, blank values included) with the account's auth token
(HMAC-SHA1, base64, header ``X-Twilio-Signature``). The check is done by
``twilio.request_validator.RequestValidator``; this module only builds its
inputs the way Twilio does.
"""

from __future__ import annotations

from typing import Dict, List, Mapping
from urllib.parse import parse_qsl

from twilio.request_validator import RequestValidator

SIGNATURE_HEADER = "X-Twilio-Signature"
FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


class MalformedFormError(ValueError):
    """The body is not a readable URL-encoded form."""


class FormParams(Dict[str, List[str]]):
    """Form fields with every value kept (``getall`` is what the validator reads)."""

    def getall(self, name: str) -> List[str]:
        """All values sent for ``name``."""
        return list(self[name])

    def first(self, name: str, default: str | None = None) -> str | None:
        """The first value sent for ``name``."""
        values = self.get(name)
        return values[0] if values else default


def parse_form(body: bytes) -> FormParams:
    """A URL-encoded body as :class:`FormParams`; blank values are kept.

    Sanic's own ``request.form`` drops blank values (``Body=``), which Twilio
    signs, so the channel parses the body itself. Raises :class:`MalformedFormError`.
    """
    try:
        text = body.decode("utf-8")
        pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
    except (UnicodeDecodeError, ValueError) as error:
        raise MalformedFormError(str(error)) from error
    form = FormParams()
    for name, value in pairs:
        form.setdefault(name, []).append(value)
    return form


def public_url(base_url: str, path: str, query_string: str = "") -> str:
    """The URL Twilio requested, as it signed it: public base + path + query."""
    url = base_url.rstrip("/") + "/" + path.lstrip("/")
    return f"{url}?{query_string}" if query_string else url


def is_valid(
    auth_token: str, url: str, params: Mapping[str, List[str]], signature: str | None
) -> bool:
    """True when ``signature`` is Twilio's signature of ``url`` and ``params``."""
    if not auth_token or not signature:
        return False
    form = params if isinstance(params, FormParams) else FormParams(params)
    return bool(RequestValidator(auth_token).validate(url, form, signature))


def sign(auth_token: str, url: str, params: Mapping[str, object]) -> str:
    """The signature Twilio would send (for tests and local tools)."""
    form = FormParams()
    for name, value in params.items():
        form[name] = [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
    return RequestValidator(auth_token).compute_signature(url, form)
