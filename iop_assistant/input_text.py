"""What counts as readable input, and the text the classifier may see.

Plain functions with no Rasa import, shared by the NLU components
(:mod:`iop_assistant.nlu.input_guard`) and the action server
(``actions/clarify.py``), which must not load Rasa or TensorFlow.
"""

from __future__ import annotations

import re
import unicodedata
from typing import List

MAX_CLASSIFIED_CHARS = 1000
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def clean_text(text: str | None, limit: int = MAX_CLASSIFIED_CHARS) -> str:
    """Text the classifier should see: printable characters, whitespace collapsed, capped."""
    if not text:
        return ""
    kept = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " " for ch in text.replace("\ufffd", " ")
    )
    kept = " ".join(kept.split())
    return kept[:limit]


def defused_clean_text(text: str | None) -> str:
    """:func:`clean_text` that never starts with "/".

    Rasa's ``RegexMessageHandler`` reads "/intent{...}" from the *cleaned*
    text, so "\u200b/crisis{...}" would become an intent with entities once
    the zero-width space is gone. Whatever the channel, cleaning must not
    create intent syntax that was not there.
    """
    cleaned = clean_text(text)
    while cleaned.startswith("/"):
        cleaned = cleaned.lstrip("/").strip()
    return cleaned


# "hi, what is iop": a greeting in front of the question. The classifier put nearly all
# its weight on greet, the control gate rightly refused a greeting that says more, and
# the question fell back (role-play smoke test, 2026-12-03). The classifier reads the
# question; the whole text is kept for everything else.
_LEADING_GREETING = re.compile(
    r"^\W*(?:hi+|hey+|hello+|helo|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:there|all|again|guys|y'?all|folks|everyone))?\s*[,.!:;-]*\s+",
    re.IGNORECASE,
)
MIN_WORDS_AFTER_GREETING = 3


# what follows the greeting asks for something: a question or a request
_ASKS = re.compile(
    r"\?|^\W*(?:what|whats|what's|how|when|where|why|who|which|can|could|do|does|is|are|will|"
    r"would|should|may|i\s+need|i\s+want|i'?d\s+like|i\s+would\s+like|please|pls|tell\s+me|"
    r"help|need|looking\s+for)\b",
    re.IGNORECASE,
)


def without_leading_greeting(text: str) -> str:
    """The question after a leading "hi,"/"hello there." ("hi, what is iop"); small talk
    after a greeting ("hey, first time using this chat") stays whole, a greeting."""
    match = _LEADING_GREETING.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    if len(re.findall(r"[\w']+", rest)) < MIN_WORDS_AFTER_GREETING or not _ASKS.search(rest):
        return text
    return rest


# A message that is a US phone number, maybe with "my number is" / "call me at":
# the person wants a call ("773.555.0119" alone was "I couldn't read that", v4).
_PHONE_NUMBER = r"(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}"
_PHONE_MESSAGE = re.compile(
    r"^\W*(?:(?:my|the|a|our)\s+(?:\w+\s+)?(?:number|phone|cell|#)\s*(?:is|=|:)?\s*|"
    r"(?:(?:you\s+can\s+)?(?:call|reach|text)\s+me\s+(?:at|on)\s*)|(?:it'?s|its|here'?s\s+(?:my\s+)?"
    r"(?:number|#))\s*:?\s*)?" + _PHONE_NUMBER + r"\W*(?:thanks?|thank\s+you|please|pls|thx)?\W*$",
    re.IGNORECASE,
)


def is_phone_message(text: str | None) -> bool:
    """The whole message gives a phone number ("773.555.0119", "my number is 646 555 0121")."""
    return bool(_PHONE_MESSAGE.search((text or "").strip()))


def is_unreadable(text: str | None) -> bool:
    """True when a message holds no letters: empty, emoji, digits-only noise or binary junk."""
    cleaned = clean_text(text)
    if is_phone_message(cleaned):
        return False  # a phone number is a request for a call, not noise
    if not _LETTER.search(cleaned):
        return not cleaned.isdigit() or len(cleaned) > 3  # "1" is a button reply, keep it
    letters = len(_LETTER.findall(cleaned))
    return letters / max(len(cleaned), 1) < 0.3 and len(cleaned) > 12


# A message of only these emoji says something plain (texter role-play round 33: a wave and
# praying hands got "I couldn't read that"). Faces and hearts of sadness are not mapped: they
# are read as they are (no letters), never guessed into words.
_EMOJI_WORDS = {
    "\U0001f44b": "hi",  # waving hand
    "\u270b": "hi",  # raised hand
    "\U0001f91a": "hi",  # raised back of hand
    "\U0001f64f": "thank you",  # folded hands
    "\U0001f64c": "thank you",  # raised hands
    "\u2764": "thank you",  # red heart
    "\U0001f499": "thank you",  # blue heart
    "\U0001f44d": "ok",  # thumbs up
    "\U0001f44c": "ok",  # OK hand
    "\u2705": "ok",  # check mark button
    "\U0001f197": "ok",  # OK button
    "\U0001f44e": "no",  # thumbs down
    "\u274c": "no",  # cross mark
    "\U0001f198": "help",  # SOS button
}
# skin tones, variation selectors and the zero-width joiner ride along with an emoji
_EMOJI_MODIFIER = re.compile("[\U0001f3fb-\U0001f3ff\ufe0e\ufe0f\u200d]")


def emoji_words(text: str | None) -> str | None:
    """The plain words of a message made only of known emoji ("👋" → "hi"), else None."""
    rest = _EMOJI_MODIFIER.sub("", str(text or ""))
    rest = re.sub(r"[\s.!?,]", "", rest)
    if not rest or any(char not in _EMOJI_WORDS for char in rest):
        return None
    words = dict.fromkeys(_EMOJI_WORDS[char] for char in rest)
    return " ".join(words)


_BARE_NUMBER = re.compile(r"^\W*\d{1,3}\W*$")


def is_bare_number(text: str | None) -> bool:
    """A number and nothing else ("2", "4."): an option only where options were shown."""
    return bool(_BARE_NUMBER.match(str(text or "")))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(text: str) -> List[str]:
    """The text's sentences, split after ".", "!" or "?" (questions keep their "?")."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# Speech-to-text spells out what people say as letters or splits words (blind v17, callers:
# "what is eye oh pee" and "do you guys take uh medic aid" got a menu). The classifier sees
# the written form; the crisis layer still reads the original words.
_SPOKEN_FORMS = (
    (re.compile(r"\b(?:eye|i)[\s.-]+(?:oh|o)[\s.-]+(?:pee|p)\b", re.IGNORECASE), "IOP"),
    (re.compile(r"\bmedic\s+aid\b", re.IGNORECASE), "Medicaid"),
    (re.compile(r"\bmedi\s+care\b", re.IGNORECASE), "Medicare"),
    (re.compile(r"\b(?:the|an?)\s+e\.?\s+r\b\.?", re.IGNORECASE), "the ER"),
    (re.compile(r"\bd\.?\s+o\.?\s+t\b\.?", re.IGNORECASE), "DOT"),
    (re.compile(r"\bsub\s+ox(?:\s+|-)?own\b", re.IGNORECASE), "Suboxone"),
    # "i'm on the meth a done like a hundred milligrams" (blind v21, voice: a menu)
    (re.compile(r"\b(?:the\s+)?meth(?:\s+a|a)\s+done\b", re.IGNORECASE), "methadone"),
    (re.compile(r"\bviva\s+troll\b", re.IGNORECASE), "Vivitrol"),
    (re.compile(r"\bbu\s+prenorphine\b", re.IGNORECASE), "buprenorphine"),
)


def written_forms(text: str) -> str:
    """Spelled-out or split words from speech in their written form ("eye oh pee" -> IOP)."""
    for pattern, written in _SPOKEN_FORMS:
        text = pattern.sub(written, text)
    return text


# "hold on hold on let me get a pen" right after the number (blind v19, voice: transferred)
_GETTING_A_PEN = re.compile(
    r"\b(?:let\s+me|lemme|i\s+(?:need\s+to|gotta|have\s+to)|hold\s+on\s+i'?ll|wait\s+i'?ll)\s+"
    r"(?:get|grab|find)\s+(?:a\s+|my\s+)?(?:pen|pencil|paper|something\s+to\s+write)\b|"
    r"\b(?:let\s+me|lemme)\s+write\s+(?:it|that|this)\s+down\b|"
    r"\bd[eé]jeme\s+(?:agarrar|buscar|sacar)\s+(?:una\s+)?(?:pluma|l[aá]piz|papel)\b|"
    # "¿me repite el número? lo voy a apuntar" (Spanish role-play round 28: the suicide
    # question; "apuntar" is to write down)
    r"\b(?:lo|la|los)\s+voy\s+a\s+apuntar\b|\bd[eé](?:jeme|jame)\s+(?:lo\s+)?apunt(?:o|ar(?:lo)?)\b|"
    r"\bpara\s+apuntar(?:lo)?\b",
    re.IGNORECASE,
)


def is_getting_a_pen(text: str) -> bool:
    """The person is getting a pen to write the number down: say it again."""
    return bool(_GETTING_A_PEN.search(text))
