"""Buttons as numbered options, the same on every phone channel.

A person on SMS or a call cannot tap a button, so each button becomes an
option with a number: SMS writes "Reply 1 for Tell me more, 2 for ...",
voice says "Say or press 1 for Tell me more, or 2 for ..." (both from
:func:`options_line`). A reply of the number or the option's words picks it
(:func:`select_option`). ``tel:`` buttons are never options: they are shown
or read out as the number (:func:`tel_line`).

Pure functions, no Rasa imports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Callable, Dict, Iterable, List, Sequence, Tuple

from iop_assistant.phone import display, mentions_number

Button = Dict[str, Any]
Option = Dict[str, str]

SMS_LEAD, SMS_JOINER = "Reply ", ", "
VOICE_LEAD, VOICE_JOINER = "Say or press ", ", or "
# Spanish (issue 18): "Diga o marque 1 para ..., o 2 para ..."
VOICE_LEAD_ES, VOICE_JOINER_ES, FOR_ES = "Diga o marque ", ", o ", "para"
SMS_LEAD_ES, SMS_JOINER_ES = "Responda ", ", "


def is_tel(button: Button) -> bool:
    """A button that dials a number (``tel:`` payload)."""
    return str(button.get("payload") or "").strip().lower().startswith("tel:")


def tel_number(button: Button) -> str:
    """The number a ``tel:`` button dials."""
    return str(button.get("payload") or "").strip()[4:].strip()


def tel_line(button: Button) -> str:
    """How a ``tel:`` button reads: its title, plus the number if the title lacks it."""
    number = tel_number(button)
    title = " ".join(str(button.get("title") or "").split())
    shown = display(number)
    if not title:
        return shown
    if mentions_number(title, number):
        return title
    return f"{title}: {shown}"


def single_spaced(text: str) -> str:
    """``text`` on one line with single spaces (how SMS shows a button title)."""
    return " ".join(text.split())


def offered(
    buttons: Sequence[Any] | None,
    first_number: int = 1,
    shape: Callable[[str], str] = single_spaced,
    most: int | None = None,
) -> Tuple[List[Option], List[Button]]:
    """The options a message's buttons offer, numbered from ``first_number``, and its tel buttons.

    ``shape`` turns a title into what the channel shows or says; buttons
    without a title after shaping, and options past ``most``, are left out.
    """
    options: List[Option] = []
    tel_buttons: List[Button] = []
    for button in buttons or []:
        if not isinstance(button, dict):
            continue
        if is_tel(button):
            tel_buttons.append(button)
            continue
        title = shape(str(button.get("title") or button.get("payload") or ""))
        if not title or (most is not None and len(options) >= most):
            continue
        payload = str(button.get("payload") or title)
        options.append(
            {"number": str(first_number + len(options)), "title": title, "payload": payload}
        )
    return options, tel_buttons


def options_line(
    options: Sequence[Option], lead: str = SMS_LEAD, joiner: str = SMS_JOINER, word: str = "for"
) -> str:
    """``Reply 1 for Tell me more, 2 for Talk to someone.`` (or the voice or Spanish wording)."""
    if not options:
        return ""
    line = lead + joiner.join(f"{o['number']} {word} {o['title']}" for o in options)
    return line if line[-1] in ".?!" else line + "."


def only_last_question_options(messages: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The messages with option buttons kept on the last message that has any.

    A reply like "an answer + the question again" offers the question's options
    only, numbered from 1 as when it was first asked: "4" must keep meaning
    what it meant in the message the person read. ``tel:`` buttons stay.
    """
    messages = list(messages)
    last = max(
        (
            i
            for i, m in enumerate(messages)
            if any(isinstance(b, dict) and not is_tel(b) for b in m.get("buttons") or [])
        ),
        default=-1,
    )
    kept = []
    for i, message in enumerate(messages):
        if i < last and message.get("buttons"):
            tel_only = [b for b in message["buttons"] if isinstance(b, dict) and is_tel(b)]
            message = {**message, "buttons": tel_only}
        kept.append(message)
    return kept


def normalise_words(text: str | None) -> str:
    """Lower case words without punctuation ("Help-line!" -> "help line")."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


_AROUND_A_NUMBER = re.compile(
    r"^(?:(?:ok|okay|k|yes|yeah|yea|um|uh|option|number|num|press|pick|choose|i\s+pick|i\s+choose)\s+)+"
    r"(\d)(?:\s+(?:please|pls|plz|thanks|thx|ty))?$|^(\d)\s+(?:please|pls|plz|thanks|thx|ty)$"
)


# "the second one" (caller role-play round 24: the first option was chosen), "la segunda"
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "primero": 1, "primera": 1, "primer": 1, "segundo": 2, "segunda": 2, "tercero": 3,
    "tercera": 3, "cuarto": 4, "cuarta": 4,
}  # fmt: skip
_BY_ORDINAL = re.compile(
    r"^(?:(?:um|uh|ok|okay|yes|yeah)\s+)?(?:the\s+|el\s+|la\s+)?(\w+)"
    r"(?:\s+(?:one|option|choice|thing|uno|una|opcion|opci\u00f3n))?(?:\s+(?:please|pls|por\s+favor))?$"
)


def _by_ordinal(wanted: str, options: Sequence[Option]) -> str | None:
    """The option number an ordinal names ("the second one" -> "2", "the last one")."""
    match = _BY_ORDINAL.match(wanted)
    if not match:
        return None
    word = match.group(1)
    if word in ("last", "ultimo", "ultima", "\u00faltimo", "\u00faltima"):
        return str(options[-1].get("number"))
    number = _ORDINALS.get(word)
    return str(number) if number else None


def select_option(text: str | None, options: Sequence[Option]) -> Option | None:
    """The option a reply picks: its number ("1", "#1", "1."), an ordinal ("the second one")
    or its words."""
    if not text or not options:
        return None
    wanted = normalise_words(text)
    if not wanted:
        return None
    wanted = _by_ordinal(wanted, options) or wanted
    # "ok 2", "2 pls", "option 2", "number 2" (texter role-play 2026-12-04: "ok 2" started
    # the screening offered as 1)
    around = _AROUND_A_NUMBER.match(wanted)
    if around:
        wanted = around.group(1) or around.group(2)
    for option in options:
        if wanted == str(option.get("number")):
            return option
    for option in options:
        title = normalise_words(str(option.get("title", "")))
        if wanted == title:
            return option
        # "2. no", "1 yes" (crisis role-play round 28: "2. no" to the check-in question got the
        # reply for a yes): the number with its own title
        if title and wanted == f"{option.get('number')} {title}":
            return option
    return None


def tag_language(collected: List[Dict[str, Any]], message: Dict[str, Any]) -> None:
    """Carry the reply's language (set by the NLG) onto the messages a channel collected.

    Rasa's ``CollectingOutputChannel`` keeps only text, buttons and the like;
    voice and SMS need the language to speak and number options in it.
    """
    language = message.get("language")
    if language:
        for collected_message in collected:
            collected_message["language"] = language
