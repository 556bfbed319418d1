"""A second call asked for after a call was arranged for someone else.

"can you call me too if he doesn't answer?" after a wife arranged a call for her husband
(Spanish role-play round 38, voice): a new request started and replaced his, first with
"as soon as possible", then with "afternoon", when he is at work; she hung up thinking both
calls were arranged. The store keeps one request per conversation, so the honest answer is
that his call stays and how she can be called too (the help line), not a new request.
Read in the conversation (``crisis_context``'s parse wrapper), where the saved request and
who it is for are known.
"""

from __future__ import annotations

import re
from typing import Any, Dict

from iop_assistant.form_answers import asks_to_call_someone_else
from iop_assistant.language.events import user_texts
from iop_assistant.language.reply_reasons import SECOND_CALL_REASON, read_as

PLEA_INTENT = "request_help"  # its reply gives way to the reason's (language/nlg.py INSTEAD)
_ALSO_ME = re.compile(
    r"\bcall\s+me\s+(?:too|also|as\s+well)\b|\b(?:also|and)\s+call\s+me\b|"
    r"\b(?:if|when)\s+(?:he|she|they)\s+(?:doesn'?t|don'?t|does\s+not|do\s+not|can'?t|won'?t|didn'?t)\s+"
    r"(?:answer|pick\s+up)\b[^.?!]{0,40}\b(?:call|try)\s+me\b|"
    r"\b(?:call|try)\s+me\b[^.?!]{0,40}\bif\s+(?:he|she|they)\s+(?:doesn'?t|don'?t|does\s+not|can'?t|won'?t)\s+"
    r"(?:answer|pick\s+up)\b|"
    r"\bll[aá]m(?:en|e)me\s+(?:a\s+m[ií]\s+)?tambi[eé]n\b|\btambi[eé]n\s+a\s+m[ií]\b|"
    r"\bsi\s+(?:[eé]l|ella)\s+no\s+(?:contesta|responde)\b[^.?!]{0,40}\bll[aá]m\w*\b|"
    r"\bll[aá]m\w*\b[^.?!]{0,40}\bsi\s+(?:[eé]l|ella)\s+no\s+(?:contesta|responde)\b",
    re.IGNORECASE,
)


def asks_for_a_second_call(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """A call to the writer too, asked once a call for someone else is saved: the honest
    answer (``utter_callback_second_person``) instead of a request that would replace it."""
    if tracker is None or not tracker.get_slot("callback_request_id"):
        return False
    if getattr(tracker, "active_loop_name", None):
        return False
    if not _ALSO_ME.search(" ".join(str(parse_data.get("text") or "").split())):
        return False
    if not any(asks_to_call_someone_else(t) for t in user_texts(tracker.events)):
        return False
    return read_as(parse_data, PLEA_INTENT, SECOND_CALL_REASON)
