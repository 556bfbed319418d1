"""Text-message shape of the assistant's replies, and what a reply text means.

Pure functions, no Rasa imports:

* buttons become numbered options appended to the text
  ("Reply 1 for Tell me more, 2 for Talk to someone.", :mod:`.options`);
  ``tel:`` buttons are shown as a plain number (phones make it tappable) and
  are not numbered; a reply of "1" or an option's words selects that option
  (:func:`.options.select_option`);
* long replies are split on word boundaries into at most 3 messages of at
  most 1,600 characters (Twilio's limit, counted in UTF-16 units so emoji
  never push a message over it);
* the carrier keywords (STOP..., START..., HELP/INFO) are recognised only as
  a single word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Sequence, Tuple

from iop_assistant.channels.options import (
    FOR_ES,
    SMS_JOINER_ES,
    SMS_LEAD_ES,
    Button,
    Option,
    offered,
    only_last_question_options,
    options_line,
    tel_line,
    tel_number,
)
from iop_assistant.channels.options import is_tel as is_tel  # for web_clients.py, see below
from iop_assistant.phone import display, mentions_number
from iop_assistant.readability import gsm7_text

# channels/web_clients.py (another part of issue 16) still imports is_tel and
# pretty_number from here; once it imports them from .options and
# iop_assistant.phone (display), this line and the re-export above go
pretty_number = display

MAX_SMS_CHARS = 1600  # Twilio error 21617 above this
MAX_SEGMENTS = 3
ELLIPSIS = "..."

OPT_OUT_KEYWORDS = frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "PARAR"})
OPT_IN_KEYWORDS = frozenset({"START", "UNSTOP", "YES"})
HELP_KEYWORDS = frozenset({"HELP", "INFO", "AYUDA"})
# Spanish keywords (issue 18), answered in Spanish; the carriers' English ones are unchanged
SPANISH_KEYWORDS = frozenset({"PARAR", "AYUDA"})

KEYWORD_STOP = "stop"
KEYWORD_START = "start"
KEYWORD_HELP = "help"


# ------------------------------------------------------------------ keywords
# An opt-out in plain words is honoured like STOP (texter role-play round 24: "stop texting me"
# and "i said stop" got "Is there something else you'd like to know?"). Only whole messages
# that ask for no more texts: "don't text me" answers the callback's text question.
_ASKS_TO_STOP_TEXTING = re.compile(
    r"^\W*(?:(?:pls|please|plz|ok(?:ay)?|just|omg|bro|dude|yo)\W+)*(?:"
    r"(?:stop|quit)\s+(?:texting|messaging|txting|sending\s+(?:me\s+)?(?:texts|messages|msgs))(?:\s+me)?|"
    r"i\s+said\s+stop|unsubscribe(?:\s+me)?|no\s+more\s+(?:texts|messages|msgs)|"
    r"deja(?:r|n)?\s+de\s+(?:mandarme|enviarme|escribirme)(?:\s+mensajes)?|ya\s+no\s+me\s+(?:escriban|manden\s+mensajes)"
    r")(?:\W+(?:pls|please|plz|thanks|thx|anymore|now|already))*\W*$",
    re.IGNORECASE,
)


def keyword_of(text: str | None) -> Tuple[str, str] | None:
    """``(kind, WORD)`` when ``text`` is a single carrier keyword, else None.

    Case and surrounding spaces or punctuation do not matter ("  Stop. ");
    anything longer than one word ("I want to stop drinking") is an ordinary
    message.
    """
    if not text:
        return None
    word = text.strip().strip(".!?,;:'\"()[]*-_~ \t\r\n").upper()
    if not word:
        return None
    if any(ch.isspace() for ch in word):
        return (KEYWORD_STOP, "STOP") if _ASKS_TO_STOP_TEXTING.match(text.strip()) else None
    if word in OPT_OUT_KEYWORDS:
        return KEYWORD_STOP, word
    if word in OPT_IN_KEYWORDS:
        return KEYWORD_START, word
    if word in HELP_KEYWORDS:
        return KEYWORD_HELP, word
    return None


# ------------------------------------------------------------------- buttons
def render_message(
    text: str | None,
    buttons: Sequence[Button] | None,
    first_number: int = 1,
    language: str | None = None,
) -> Tuple[str, List[Option]]:
    """One bot message as SMS text, and the selectable options it offered.

    Options are numbered from ``first_number`` (numbering goes on across the
    messages of one reply). A ``tel:`` button whose number the text already
    shows is left out; other ``tel:`` buttons become a plain line.
    """
    body = (text or "").strip()
    options, tel_buttons = offered(buttons, first_number)
    tel_lines: List[str] = []
    for button in tel_buttons:
        if not mentions_number(body, tel_number(button)):
            line = tel_line(button)
            if line and line not in tel_lines:
                tel_lines.append(line)
    extra: List[str] = []
    if options:
        if language == "es":
            extra.append(options_line(options, SMS_LEAD_ES, SMS_JOINER_ES, FOR_ES))
        else:
            extra.append(options_line(options))
    extra.extend(tel_lines)
    if extra:
        body = (body + "\n\n" if body else "") + "\n".join(extra)
    return body, options


def render_reply(messages: Iterable[Dict[str, Any]]) -> Tuple[List[str], List[Option]]:
    """Bot messages (as collected from Rasa) -> texts and the options offered."""
    texts: List[str] = []
    options: List[Option] = []
    for message in only_last_question_options(messages):
        text = message.get("text")
        if not text and message.get("image"):
            text = str(message["image"])
        rendered, new_options = render_message(
            text, message.get("buttons"), len(options) + 1, message.get("language")
        )
        options.extend(new_options)
        if rendered:
            texts.append(rendered)
    return texts, options


# ----------------------------------------------------------------- splitting
def sms_length(text: str) -> int:
    """Length as Twilio counts it at worst: UTF-16 code units (an emoji can be 2)."""
    return len(text.encode("utf-16-le")) // 2


def _joins_previous(ch: str) -> bool:
    """Characters that belong to the one before them (never start a message with one)."""
    return (
        unicodedata.category(ch).startswith("M")
        or ch in "\u200d\ufe0e\ufe0f"
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
        or "\U000e0020" <= ch <= "\U000e007f"
    )


def _fit_index(text: str, limit: int) -> int:
    """Largest index i with ``sms_length(text[:i]) <= limit``."""
    used = 0
    for index, ch in enumerate(text):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            return index
    return len(text)


@dataclass
class _Cut:
    head: str
    rest: str


def _cut(text: str, limit: int) -> _Cut:
    """Cut ``text`` at the last paragraph, line or word boundary within ``limit``."""
    end = _fit_index(text, limit)
    if end >= len(text):
        return _Cut(text, "")
    window = text[: end + 1]  # a space right after the limit is a fine place to cut
    for separator, min_share in (("\n\n", 0.5), ("\n", 0.5), (" ", 0.0)):
        pos = window.rfind(separator)
        if pos > 0 and pos >= limit * min_share:
            return _Cut(text[:pos].rstrip(), text[pos:].lstrip())
    for pos in range(len(window) - 1, 0, -1):
        if window[pos].isspace():
            return _Cut(text[:pos].rstrip(), text[pos:].lstrip())
    # one enormous "word": cut between characters, never inside an emoji sequence
    pos = end
    while pos > 1 and (_joins_previous(text[pos]) or text[pos - 1] == "\u200d"):
        pos -= 1
    return _Cut(text[:pos], text[pos:])


def split_words(text: str, limit: int = MAX_SMS_CHARS) -> List[str]:
    """``text`` in pieces of at most ``limit`` units, cut on word boundaries."""
    pieces: List[str] = []
    rest = text.strip()
    while rest:
        if sms_length(rest) <= limit:
            pieces.append(rest)
            break
        cut = _cut(rest, limit)
        if cut.head:
            pieces.append(cut.head)
        rest = cut.rest
    return pieces


def _truncate(text: str, limit: int) -> str:
    """``text`` shortened on a word boundary to fit ``limit`` with a trailing "..."."""
    if sms_length(text) <= limit:
        return text
    head = _cut(text, limit - len(ELLIPSIS)).head.rstrip(" ,;:-")
    return head + ELLIPSIS


def segment(
    texts: Sequence[str], limit: int = MAX_SMS_CHARS, max_segments: int = MAX_SEGMENTS
) -> List[str]:
    """Pack reply texts into at most ``max_segments`` messages of ``limit`` units.

    Texts are joined with a blank line while they fit; a text longer than one
    message is split on word boundaries; whatever does not fit in the last
    allowed message is cut off with "...".
    """
    segments: List[str] = []
    current = ""
    for text in texts:
        text = gsm7_text((text or "").strip())
        if not text:
            continue
        candidate = f"{current}\n\n{text}" if current else text
        if sms_length(candidate) <= limit:
            current = candidate
            continue
        if current:
            segments.append(current)
        pieces = split_words(text, limit)
        segments.extend(pieces[:-1])
        current = pieces[-1] if pieces else ""
    if current:
        segments.append(current)
    if len(segments) > max_segments:
        overflow = "\n\n".join(segments[max_segments - 1 :])
        segments = segments[: max_segments - 1] + [_truncate(overflow, limit)]
    return segments
