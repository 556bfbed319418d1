"""What the SMS and voice webhooks share: reading a signed Twilio form post.

Both channels must refuse anything that is not a well-formed, correctly
signed form post before they write or run anything, and must never let free
text trigger intents directly; keeping that in one place keeps them alike.
"""

from __future__ import annotations

import asyncio
import logging
import unicodedata
from typing import Any, Callable

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from iop_assistant.channels.twilio_signature import (
    FORM_CONTENT_TYPE,
    FormParams,
    MalformedFormError,
    parse_form,
)

logger = logging.getLogger(__name__)


def truthy(value: str | None) -> bool:
    """An environment switch such as IOP_SMS_ALLOW_UNSIGNED=1."""
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def is_invisible(ch: str) -> bool:
    """Whitespace, the replacement character, or a control/format/unassigned character.

    These are what the NLU pipeline's first step (``InputGuard.clean_text``)
    turns into spaces and then strips: zero-width space, BOM, soft hyphen,
    direction marks, C0/C1 controls.
    """
    return ch.isspace() or ch == "\ufffd" or unicodedata.category(ch)[0] == "C"


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters (:func:`is_invisible`) it starts with."""
    start = 0
    while start < len(text) and is_invisible(text[start]):
        start += 1
    return text[start:]


def defuse_intent_syntax(text: str) -> str:
    """Free text may not trigger intents directly ("/affirm{...}"): drop leading slashes.

    Rasa treats a message as an intent when it starts with "/" -- and the
    NLU pipeline reads it *after* cleaning (control and format characters
    become spaces, then the text is stripped), so "\u200b/crisis{...}" was an
    intent with entities too. Slashes, whitespace and invisible characters
    are dropped until the cleaned text no longer starts with "/":
    "/ /affirm", "/\n/deny" (found by fuzz/fuzz_intent_syntax.py) and
    "\ufeff\u00ad/restart" must not get through. Text that does not look
    like an intent after cleaning is returned unchanged.
    """
    defused = text
    while strip_invisible(defused).startswith("/"):
        defused = strip_invisible(defused).lstrip("/")
    return defused


def read_signed_form(
    request: Request,
    signature_ok: Callable[[Request, FormParams], bool],
    channel: str,
) -> FormParams | HTTPResponse:
    """The parsed form, or the 400 / 403 answer to send instead."""
    content_type = (request.headers.get("content-type") or "").split(";")[0]
    if content_type.strip().lower() != FORM_CONTENT_TYPE:
        return response.text("expected a form post", status=400)
    try:
        form = parse_form(request.body or b"")
    except MalformedFormError:
        return response.text("malformed form body", status=400)
    if not signature_ok(request, form):
        logger.warning("%s webhook: rejected a request with a missing or bad signature", channel)
        return response.text("invalid signature", status=403)
    return form


def log_late_failure(channel: str) -> Callable[[asyncio.Future[Any]], None]:
    """Done-callback for a turn that outlived its reply deadline."""

    def callback(task: asyncio.Future[Any]) -> None:
        if not task.cancelled() and task.exception() is not None:
            logger.error("a late %s turn failed: %r", channel, task.exception())

    return callback
