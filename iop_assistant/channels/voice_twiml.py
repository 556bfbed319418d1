"""Spoken shape of the assistant's replies, and what a caller's answer means.

Pure functions, no Rasa imports (the webhook is :mod:`.voice`):

* bot messages become short texts for ``<Say>``; buttons become
  "Say or press 1 for Tell me more, or 2 for ..." (:mod:`.options`, as SMS
  numbers them); ``tel:`` buttons are not
  options, their number is read out instead (unless the text already says it);
* a key ("1") or the option's words ("tell me more", "one") select an option;
  0 and the help line words ("representative", "operator", "talk to someone",
  "a person", "help line") ask for a transfer;
* TwiML is built with ``twilio``'s ``VoiceResponse`` (which escapes the text):
  a ``<Gather>`` that speaks the reply and listens, or a ``<Say>`` + ``<Dial>``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Sequence, cast

from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from iop_assistant.call_questions import asks_if_a_person_answers, asks_to_hear_my_number
from iop_assistant.channels.options import (
    FOR_ES,
    VOICE_JOINER,
    VOICE_JOINER_ES,
    VOICE_LEAD,
    VOICE_LEAD_ES,
    Option,
    normalise_words,
    offered,
    only_last_question_options,
    options_line,
    select_option,
    tel_line,
    tel_number,
)
from iop_assistant.channels.sms_format import split_words
from iop_assistant.input_text import is_getting_a_pen
from iop_assistant.phone import mentions_number

HELPLINE_DIGIT = "0"
CRISIS_LINE_DIGIT = "9"
# a call that opened in English moves to Spanish with this key (issue 18, role-play
# 2026-12-04: a Spanish speaker heard only English and no way to change it)
SPANISH_DIGIT = "8"
SPANISH_OFFER = "Para español, marque {key} o diga español."
# the greeting's own "Español" option: its key is the one said in Spanish too (caller
# role-play 2026-12-04, late: "4 for Español", then "marque 8")
SPANISH_OPTION_PAYLOAD = "español"
SPANISH_REQUEST_TEXT = "en español por favor"
MAX_OPTIONS = 8  # keys 1-8; 0 is the help line and 9 the crisis line
MAX_SAY_CHARS = 1000  # one <Say> (Twilio's hard limit is 4,096 characters)
MAX_SPOKEN_CHARS = 3000  # all <Say>s of one answer: nobody listens to more
DIAL_TIMEOUT = 30
NUMBER_ENTRY_TIMEOUT = 8  # seconds between keys while a phone number is keyed in

HANDOFF_PHRASES = (
    "representative",
    "operator",
    "agent",
    "live agent",
    "transfer me",
    "transfer",
    "human",
    "talk to someone",
    "speak to someone",
    "talk to somebody",
    "speak to somebody",
    "talk to a counselor",
    "talk to a counsellor",
    "speak to a counselor",
    "a counselor",
    "a counsellor",
    "talk to anyone",
    "a person",
    "real person",
    "live person",
    "someone real",
    "help line",
    "helpline",
    "robot",
    "customer service",
    "press zero",
    "press 0",
    "a nurse",
    # after a transfer nobody answered: "can you try them again" (voice role-play 2026-12-04:
    # read as an overdose, Narcan and rescue breaths, and no retry)
    "try them again",
    "you try again",
    "try it again",
    "call them again",
    "try the help line again",
    "intentelo otra vez",
    "intente otra vez",
    "llame otra vez",
    # Spanish (issue 18): normalise_words keeps letters, so both spellings are listed
    "linea de ayuda",
    "línea de ayuda",
    "hablar con una persona",
    "operador",
    "operadora",
    "representante",
    "hablar con alguien",
    "marque cero",
    # "ok entonces paseme ahorita" (blind es-v8: "Did you mean one of these?")
    "paseme",
    "pasenme",
    "páseme",
    "pásenme",
    "comuniqueme",
    "comuníqueme",
    "transfierame",
    "transfiérame",
)
CRISIS_LINE_PHRASES = ("988", "9 8 8", "nine eight eight", "nueve ocho ocho")
ENGLISH_VOICE, SPANISH_VOICE = "en-US", "es-US"
NUMBER_WORDS = {
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "zero": "0",
}


@dataclass
class Prompt:
    """What to say for one reply and the options it offered."""

    sayings: List[str] = field(default_factory=list)
    options: List[Option] = field(default_factory=list)
    language: str = "en"  # "es" when a reply came in Spanish (the NLG marks each message)

    @property
    def closing(self) -> List[str]:
        """The options line (always spoken, even when the text is cut)."""
        if self.language == "es":
            line = options_line(self.options, VOICE_LEAD_ES, VOICE_JOINER_ES, FOR_ES)
        else:
            line = options_line(self.options, VOICE_LEAD, VOICE_JOINER)
        return [line] if line else []

    @property
    def twilio_language(self) -> str:
        """The voice and speech-recognition language Twilio is asked for."""
        return twilio_language(self.language)


def twilio_language(language: str | None) -> str:
    """``es-US`` for a Spanish conversation, else ``en-US``."""
    return SPANISH_VOICE if language == "es" else ENGLISH_VOICE


# ------------------------------------------------------------------ reading
def speakable(text: str | None) -> str:
    """Text fit for text-to-speech: no markdown marks, emoji or line breaks."""
    kept = []
    for ch in unicodedata.normalize("NFKC", text or ""):
        category = unicodedata.category(ch)
        if category in ("So", "Cs", "Co", "Cn") or ch in "\u200d\ufe0e\ufe0f*_`#":
            continue
        kept.append(" " if category.startswith("C") else ch)
    return " ".join("".join(kept).split())


def render_prompt(messages: Iterable[Dict[str, Any]]) -> Prompt:
    """Bot messages (as collected from Rasa) -> spoken texts and offered options."""
    prompt = Prompt()
    tel_lines: List[str] = []
    spoken_so_far = ""
    for message in only_last_question_options(messages):
        if message.get("language") == "es":
            prompt.language = "es"
        text = speakable(message.get("text"))
        if text:
            prompt.sayings.append(text)
            spoken_so_far += " " + text
        options, tel_buttons = offered(
            message.get("buttons"),
            first_number=len(prompt.options) + 1,
            shape=speakable,
            most=MAX_OPTIONS - len(prompt.options),
        )
        prompt.options.extend(options)
        for button in tel_buttons:
            line = speakable(tel_line(button))
            said = mentions_number(spoken_so_far, tel_number(button))
            if line and not said and line not in tel_lines:
                tel_lines.append(line)
    if tel_lines:
        prompt.sayings.append(". ".join(line.rstrip(".") for line in tel_lines) + ".")
    return prompt


def _has_phrase(words: str, phrases: Iterable[str]) -> bool:
    padded = f" {words} "
    return any(f" {phrase} " in padded for phrase in phrases)


# a person asked for later, not now (voice role-play 2026-12-04: "I'd like a real person
# to call me back. Tomorrow morning" was transferred at once)
CALL_BACK_PHRASES = (
    "call me back",
    "call back",
    "callback",
    "call me tomorrow",
    "call me later",
    "ring me back",
    "me llamen",
    "llamenme",
    "que me llame",
)


# "if I call that help line, when do they actually pick up" (v11 b-20) asks about the
# help line's hours: answered, not transferred
_ASKS_WHEN_IT_ANSWERS = re.compile(
    r"\b(?:when|what\s+(?:time|times|hours|days)|how\s+late|how\s+early)\b.*\b(?:pick\s+up|answer|open|there|"
    r"available|reach|call|close|closes|closed|shut)\b|\b(?:is|are)\s+(?:it|they|(?:the|your|ur|that)\s+help\s*line)\s+"
    r"(?:open|there|available)\b|"
    # "is your help line open on the weekends?", "a que horas contestan en la linea de ayuda",
    # "who is the help line going to call?" (caller and Spanish role-play round 38: put
    # through to the help line instead of told)
    r"\bweekends?\b|\bholidays?\b|\bthanksgiving\b|\bchristmas\b|\bfines?\s+de\s+semana\b|\bd[ií]as?\s+festivos?\b|"
    r"\bnavidad\b|\bwho\s+(?:is|will|are)\s+(?:the\s+help\s*line|they|you|y'?all)\s+(?:going\s+to\s+|gonna\s+)?call\b|"
    # "what are the hours for the help line", "business hours?" (caller role-play round 22:
    # transferred twice, never told)
    r"\bhours\b|\b24\s*(?:/\s*7|hours|seven)\b|\bhorarios?\b|\ba\s+qu[eé]\s+horas?\b|"
    r"\bdo\s+they\s+(?:actually\s+)?(?:pick\s+up|answer)\b|"
    # "does the help line answer at night" (caller role-play round 23: transferred)
    r"\b(?:does|do|will|is|would)\s+(?:the\s+help\s*line|anyone|anybody|someone|somebody|a\s+person|"
    # "if I call that help line at like three in the morning does an actual person pick up?"
    # (caller role-play round 24: transferred without being told)
    r"an?\s+(?:actual|real|live)\s+(?:person|human)|a\s+human)\s+"
    r"(?:\w+\s+){0,3}?(?:answer|pick\s+up|there|open|available)\b[^?]{0,30}\b(?:at\s+night|night|nights|"
    r"weekends?|sundays?|saturdays?|holidays?|late|overnight|early|\d{1,2}\s*(?:am|pm))\b|"
    r"\b(?:at|around)\s+(?:like\s+)?(?:\d{1,2}|one|two|three|four|five|midnight)\s*(?:am|a\s*m|in\s+the\s+morning|"
    r"at\s+night)?\b[^?]{0,40}\b(?:does|do|will|is|would)\s+(?:\w+\s+){0,3}?(?:person|human|anyone|anybody|"
    r"someone|somebody)\s+(?:\w+\s+){0,2}?(?:answer|pick\s+up|be\s+there)\b|"
    # "la linea de ayuda contesta en la noche o nomas en el dia" (blind es-v8: transferred)
    r"\b(?:contesta|contestan|atiende|atienden|abre|abren|est[aá]\s+abierta|hay\s+alguien)\b[^?]{0,40}"
    r"\b(?:noche|noches|d[ií]a|fines?\s+de\s+semana|domingos?|s[aá]bados?|madrugada|24\s+horas)\b"
)


# "if I call that help line later is that a real person who picks up?" (caller role-play
# round 35: transferred): a question about the line, not a request for it now
_ASKS_WHO_PICKS_UP = re.compile(
    r"\b(?:is|will|would|does)\s+(?:that|it|there|they)\s+(?:be\s+)?(?:an?\s+)?(?:real\s+|actual\s+|live\s+)?"
    r"(?:person|human|someone|somebody)\s+(?:who|that)?\s*(?:picks?\s+up|answers?)\b"
)


_JUST_TRY_AGAIN = re.compile(
    r"^(?:(?:ugh|ok|okay|just|please|can\s+you|could\s+you|well|then|so|yeah|yes)\s+){1,3}"
    r"(?:try|call)\s+(?:again|them\s+again|it\s+again)(?:\s+please)?$"
)


def wants_helpline(speech: str | None, digits: str | None) -> bool:
    """0, or words asking for a person or the help line."""
    if (digits or "").strip() == HELPLINE_DIGIT:
        return True
    words = normalise_words(speech)
    if _ASKS_WHEN_IT_ANSWERS.search(words):
        return False
    if words in ("try again", "try again please", "again", "retry"):
        return True  # the no-answer prompt's own words ("to try again, press 0")
    if _JUST_TRY_AGAIN.match(words):
        return True  # "ugh, just try again" (caller role-play round 35: "still not understanding")
    if _has_phrase(words, CALL_BACK_PHRASES):
        return False  # "a real person to call me back tomorrow" asks for a callback
    if asks_if_a_person_answers(speech or "") or _ASKS_WHO_PICKS_UP.search(words):
        return False  # "is this a real person?" is answered, not transferred (round 35)
    return bool(words) and (_has_phrase(words, HANDOFF_PHRASES) or words in ("0", "zero"))


# "what was that phone number? say it slower", "i just want the number so i can write it
# down", "cual es el numero": the number read out, not a transfer
_ASKS_FOR_THE_NUMBER = re.compile(
    r"\bwhat(?:'?s|\s+is|\s+was)\s+(?:that|the|your|ur)\s+(?:phone\s+|help\s*line\s+)?number\b|"
    r"\b(?:say|read|repeat|give\s+me|tell\s+me)\s+(?:me\s+)?(?:the|that|your)\s+(?:phone\s+|help\s*line\s+)?"
    r"number\b|\b(?:just\s+)?(?:want|need)\s+(?:the|that|your)\s+(?:phone\s+|help\s*line\s+)?number\b|"
    r"\bwrite\s+(?:it|the\s+number)\s+down\b|"
    # "can you just the number" (blind v16, a caller at the screening's first question)
    r"\b(?:can|could)\s+(?:you|u)\s+just\s+(?:\w+\s+)?(?:the|that|your)\s+number\b|"
    r"\bcu[aá]l\s+es\s+el\s+n[uú]mero\b|\b(?:d[ií]game|rep[ií]tame|p[aá]seme|d[eé]me)\s+el\s+n[uú]mero\b|"
    # "me repite el numero por favor", "digame otra vez el numero de ustedes" (Spanish role-play
    # round 32, voice: the callback's questions, three times)
    r"\b(?:me\s+)?(?:repite|repita|rep[ií]tame|d[ií]game|dime|me\s+dice|me\s+da)\s+(?:otra\s+vez\s+|de\s+nuevo\s+)?"
    r"el\s+n[uú]mero\b|"
    # "hang on, eight eight eight seven eight three... what was the last part" (caller
    # role-play round 24: the suicide check-in question)
    r"\bwhat\s+(?:was|were|is|are)\s+the\s+(?:last|rest|end|other)\s+(?:part|bit|digits|numbers|four)\b|"
    r"\b(?:the\s+)?(?:rest|end)\s+of\s+(?:it|the\s+number)\b|\beight\s+eight\s+eight\b",
    re.IGNORECASE,
)
_DECLINES_A_TRANSFER = re.compile(
    r"\b(?:stop|quit)\s+(?:connecting|transferring|putting)\b|"
    r"\b(?:don'?t|dont|do\s+not|didn'?t|did\s+not)\s+(?:want\s+to\s+be\s+)?(?:connect|transfer|put)\w*\b|"
    r"\bno\s+me\s+(?:comunique|transfiera|pase)\b|"
    # "not yet, I'm not ready to talk to somebody", "wait no, not yet" (caller role-play round
    # 25: a second transfer)
    r"^\W*(?:(?:wait|hold\s+on|no+|um+|uh+)\W+)*not\s+(?:yet|now|right\s+now)\b|\bnot\s+ready\s+to\s+talk\b|"
    r"\b(?:don'?t|dont|do\s+not)\s+want\s+to\s+talk\s+to\s+(?:anyone|anybody|somebody|someone|a\s+person)\b|"
    r"\btodav[ií]a\s+no\b",
    re.IGNORECASE,
)


def asks_for_the_number(speech: str | None) -> bool:
    """The caller wants the help line's number read out (to write it down); not 988's."""
    words = speech or ""
    if asks_to_hear_my_number(words):
        return False  # "read that number back to me": theirs, not ours (round 35)
    return bool(_ASKS_FOR_THE_NUMBER.search(words)) and not re.search(r"\b(?:988|911)\b", words)


# "sorry can you repeat that slower" right after the number was read out (blind v16: the
# call's greeting was read again, from the conversation's last reply)
_ASKS_AGAIN = re.compile(
    r"\b(?:repeat|again|slower|slowly|didn'?t\s+(?:catch|get|hear)|what\s+was\s+(?:that|it)|"
    r"one\s+more\s+time|come\s+again|pardon|otra\s+vez|rep[ií]t\w*|despacio|no\s+(?:le\s+)?(?:entend|o[ií]))",
    re.IGNORECASE,
)
MAX_ASKS_AGAIN_WORDS = 12


def asks_again(speech: str | None) -> bool:
    """A short request to hear the last thing again ("say that again slower"), or to wait
    while the caller gets a pen ("hold on hold on let me get a pen", blind v19: transferred;
    round 25: the greeting again)."""
    words = speech or ""
    if is_getting_a_pen(words):
        return True
    return len(words.split()) <= MAX_ASKS_AGAIN_WORDS and bool(_ASKS_AGAIN.search(words))


_SAYS_GOODBYE = re.compile(
    r"(?:^|\W)(?:bye+(?:\s+now|\s+bye)?|goodbye|gotta\s+go|got\s+to\s+go|hanging\s+up|adi[oó]s|"
    r"ya\s+me\s+voy|tengo\s+que\s+colgar)\W*$",
    re.IGNORECASE,
)


# "okay okay i'm hanging up and calling nine one one" (blind v22, voice: the crisis reply
# read again to a caller on the way to dial)
_LEAVING_TO_CALL_911 = re.compile(
    r"\b(?:i'?m|im|i\s+am|i'?ll|ill|i\s+will|gonna|going\s+to|ok(?:ay)?)\b[^.?!]{0,30}\b(?:hang(?:ing)?\s+up|"
    r"calling|call|dial|dialing)\b[^.?!]{0,20}\b(?:911|nine\s+one\s+one|nine\s+eleven|nueve\s+uno\s+uno|"
    r"an\s+ambulance|the\s+ambulance)\b|"
    r"\b(?:voy\s+a|ya\s+voy\s+a|ahorita)\s+(?:colgar\s+y\s+)?(?:llamar|marcar)\s+(?:al\s+)?(?:911|nueve\s+uno\s+uno)\b",
    re.IGNORECASE,
)


# not leaving: refusing 911, already called it, calling from another phone, or asking the
# assistant to stay ("I'm not calling 911, the cops will come", "I called 911... what do I do
# till they get here", "I'm calling 911 on my cell right now, can you stay on": caller
# role-play round 30 got "Yes, hang up and call 911 now. Goodbye" and the call ended)
_STAYS_ON_THE_LINE = re.compile(
    r"\b(?:not|never|won'?t|don'?t|dont|no\s+voy\s+a|no\s+quiero)\b|n't\b|"
    r"\b(?:stay\s+on|stay\s+with\s+me|hold\s+on|keep\s+talking|what\s+(?:do|should|can)\s+i\s+do|till\s+they|"
    r"until\s+they|other\s+phone|(?:my|his|her|the)\s+(?:cell|other\s+line|landline)|"
    r"qu[eé]date|no\s+cuelgues|qu[eé]\s+hago)\b",
    re.IGNORECASE,
)


def leaves_to_call_911(speech: str | None) -> bool:
    """The caller is hanging up to dial 911 now: told to go, not kept on the line. Never
    when they refuse 911, ask the assistant to stay, or call from another phone."""
    text = speech or ""
    return bool(_LEAVING_TO_CALL_911.search(text)) and not _STAYS_ON_THE_LINE.search(text)


def says_goodbye(speech: str | None) -> bool:
    """The caller's last words are a farewell ("the ambulance is here, bye")."""
    return bool(_SAYS_GOODBYE.search(speech or ""))


def declines_a_transfer(speech: str | None) -> bool:
    """ "Stop connecting me!": whatever else the words say, no transfer now."""
    return bool(_DECLINES_A_TRANSFER.search(speech or ""))


def spanish_key(options: Sequence[Dict[str, Any]]) -> str:
    """The key that asks for Spanish: the "Español" option's number when one is offered."""
    for option in options:
        if str(option.get("payload") or "").strip().lower() == SPANISH_OPTION_PAYLOAD:
            return str(option.get("number"))
    return SPANISH_DIGIT


def wants_spanish(digits: str | None, options: Sequence[Dict[str, Any]]) -> bool:
    """8 pressed where no option has that number: the caller asks for Spanish."""
    key = (digits or "").strip()
    return key == SPANISH_DIGIT and not any(str(o.get("number")) == key for o in options)


# "if I call 988 are they gonna send the cops?" asks about 988; it is no request to be put
# through (voice role-play 2026-12-04: the caller, alone with a gun, was dialled at once)
_ABOUT_THE_CRISIS_LINE = (
    "if i", "if we", "are they", "will they", "would they", "do they", "does", "is it",
    "cops", "police", "what is", "whats", "what's", "who is", "how does", "si llamo",
    "policia", "mandan",
    # "i'll try 988 later": a plan, not "put me through now"
    "later", "tomorrow", "i'll", "ill try", "i will", "maybe",
    # "is 988 only for suicide", "what does 988 do": questions about it
    "is 988", "is 9 8 8", "only for", "just for", "es solo", "para que", "para qué",
)  # fmt: skip
# "it didn't go through. try the 988 again" (caller role-play round 26: the screening offer)
_CRISIS_LINE_ASKS = (
    "connect", "put me through", "transfer", "dial", "call them", "for me", "try", "again",
    "crisis line", "suicide line", "lifeline", "comuniqueme", "comuníqueme", "páseme", "paseme",
)  # fmt: skip


def wants_crisis_line(speech: str | None, digits: str | None) -> bool:
    """9, or the caller asking for 988 (only offered after a crisis reply): "988", "yes
    988 please", "connect me to 988"; not a question about it."""
    if (digits or "").strip() == CRISIS_LINE_DIGIT:
        return True
    words = normalise_words(speech)
    if not words or not _has_phrase(words, CRISIS_LINE_PHRASES):
        return False
    if _has_phrase(words, _ABOUT_THE_CRISIS_LINE):
        return False
    return len(words.split()) <= 5 or _has_phrase(words, _CRISIS_LINE_ASKS)


def choose(speech: str | None, digits: str | None, options: Sequence[Option]) -> Option | None:
    """The option a key or an answer picks: "2", "two", "option 2" or its title."""
    if not options:
        return None
    if digits and digits.strip():
        return select_option(digits.strip(), options)
    words = normalise_words(speech)
    for prefix in ("option ", "number ", "press "):
        if words.startswith(prefix):
            words = words[len(prefix) :]
    words = NUMBER_WORDS.get(words, words)
    return select_option(words, options)


# ------------------------------------------------------------------ TwiML
def fit_sayings(sayings: Sequence[str], closing: Sequence[str] = ()) -> List[str]:
    """Texts in pieces of at most MAX_SAY_CHARS, about MAX_SPOKEN_CHARS in all.

    Long texts are cut on word boundaries and what goes over the budget is
    dropped; the ``closing`` texts (options, the channel's own short offers)
    are always kept, after the rest.
    """
    tail = [p for t in closing for p in split_words(speakable(t), MAX_SAY_CHARS)]
    budget = MAX_SPOKEN_CHARS - sum(len(t) for t in tail)
    pieces: List[str] = []
    for text in sayings:
        for piece in split_words(speakable(text), MAX_SAY_CHARS):
            if len(piece) > budget:
                return pieces + tail
            pieces.append(piece)
            budget -= len(piece)
    return pieces + tail


def gather(
    action_url: str,
    sayings: Sequence[str],
    closing: Sequence[str] = (),
    hints: Sequence[str] = (),
    language: str = "en-US",
    number_entry: bool = False,
    spanish_offer: bool = False,
    spanish_key: str = SPANISH_DIGIT,
    slowly: bool = False,
) -> str:
    """TwiML that speaks ``sayings`` then ``closing`` and listens for speech or one key
    (with ``number_entry``, for a phone number: any number of keys, ended by #).

    Twilio posts the answer (``SpeechResult`` or ``Digits``) to ``action_url``;
    ``actionOnEmptyResult`` makes it post there on silence too (no answer
    fields), and the ``<Redirect>`` does the same should the Gather ever fall
    through.
    """
    reply = VoiceResponse()
    # twilio's builders return whatever they nest, typed as ``TwiML | str``: a <Gather> here
    listen = cast(
        Gather,
        reply.gather(
            input="speech dtmf",
            action=action_url,
            method="POST",
            speech_timeout="auto",
            num_digits=None if number_entry else 1,
            finish_on_key="#" if number_entry else None,
            timeout=NUMBER_ENTRY_TIMEOUT if number_entry else None,
            action_on_empty_result=True,
            language=language,
            hints=", ".join(h for h in (speakable(h) for h in hints) if h and "," not in h) or None,
        ),
    )
    if spanish_offer:
        # first, before the English greeting and menu: Spanish-speaking callers heard about 30
        # seconds of English before the offer (Spanish role-plays, rounds 15 and 16)
        listen.say(SPANISH_OFFER.format(key=spanish_key), language=twilio_language("es"))
    for text in fit_sayings(sayings, closing):
        if not slowly:
            listen.say(text, language=language)
            continue
        # "say that again slower" (caller role-plays, rounds 30 and 31: the same speed): one
        # sentence at a time with a pause after each, which every Twilio voice honours
        for sentence in _SENTENCE_END.split(text):
            if sentence.strip():
                listen.say(sentence.strip(), language=language)
                listen.pause(length=SLOW_PAUSE_SECONDS)
    reply.redirect(action_url, method="POST")
    return str(reply)


SLOW_PAUSE_SECONDS = 1
_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+")
_SLOWER = re.compile(
    r"\b(?:slower|slowly|slow\s+down|m[aá]s\s+despacio|despacio|m[aá]s\s+lento)\b", re.I
)


# suicidal words said with a request for a person: the crisis reply comes first (it offers 988
# and the help line by key); the crisis guard reads everything else in the bot
_DANGER_SAID = re.compile(
    r"\b(?:don'?t|dont|do\s+not)\s+want\s+to\s+(?:be\s+here|be\s+alive|live|wake\s+up|go\s+on)\b|"
    r"\b(?:want|wanna|going)\s+to\s+(?:die|end\s+it|kill\s+myself)\b|\bkill\s+myself\b|\bsuicid\w*|"
    r"\bend\s+(?:my\s+life|it\s+all)\b|\bno\s+quiero\s+(?:vivir|seguir)\b|\bquiero\s+morir\w*|\bmatarme\b|"
    r"\boverdos\w*|\bnot\s+breathing\b|\bno\s+respira\b",
    re.IGNORECASE,
)


def tells_of_danger(speech: str | None) -> bool:
    """Suicidal or overdose words said on the call (with a request for a person or not)."""
    return bool(_DANGER_SAID.search(speech or ""))


def asks_for_slower(speech: str | None) -> bool:
    """The caller asks to hear it more slowly ("say that again slower", "mas despacio")."""
    return bool(_SLOWER.search(speech or ""))


_FASTER = re.compile(
    r"\b(?:faster|speed\s+(?:it\s+)?up|(?:at\s+)?normal\s+speed|you\s+can\s+go\s+(?:faster|quicker)|"
    r"m[aá]s\s+r[aá]pido|velocidad\s+normal)\b",
    re.I,
)


def speed_asked(speech: str | None, slowly_now: bool) -> bool:
    """Whether the rest of the call is read slowly: "slower" turns it on, "faster" off."""
    if _FASTER.search(speech or ""):
        return False
    return slowly_now or asks_for_slower(speech)


def dial(
    sayings: Sequence[str],
    number: str,
    if_unanswered: str = "",
    language: str = "en-US",
    action_url: str | None = None,
    whisper_url: str | None = None,
) -> str:
    """TwiML that speaks ``sayings``, then transfers the call to ``number``.

    With ``action_url`` Twilio posts the outcome (``DialCallStatus``) there
    when the transferred call ends, and ``dial_ended`` answers it: the "could
    not be connected" message is spoken only when the transfer failed, never
    after a call that took place. Without it, ``if_unanswered`` follows the
    dial as before. ``whisper_url`` is played to the person who answers,
    before the caller is connected (what the assistant already knows).
    """
    reply = VoiceResponse()
    for text in fit_sayings(sayings):
        reply.say(text, language=language)
    if action_url:
        transfer = cast(Dial, reply.dial(timeout=DIAL_TIMEOUT, action=action_url, method="POST"))
        if whisper_url:
            transfer.number(number, url=whisper_url, method="POST")
        else:
            transfer.number(number)
        return str(reply)
    reply.dial(number, timeout=DIAL_TIMEOUT)
    if if_unanswered:
        reply.say(speakable(if_unanswered), language=language)
    reply.hangup()
    return str(reply)


CONNECTED_STATUSES = frozenset({"completed", "answered"})


def was_connected(status: str | None) -> bool:
    """A transfer's ``DialCallStatus`` says the call took place."""
    return (status or "").strip().lower() in CONNECTED_STATUSES


def dial_ended(status: str | None, if_unanswered: str, language: str = "en-US") -> str:
    """The answer to a transfer's outcome: hang up after a call, or say it failed."""
    reply = VoiceResponse()
    if (status or "").strip().lower() not in CONNECTED_STATUSES and if_unanswered:
        reply.say(speakable(if_unanswered), language=language)
    reply.hangup()
    return str(reply)


def say_and_hang_up(sayings: Sequence[str], language: str = "en-US") -> str:
    """The last words of a call ("thank you, goodbye"), then hang up."""
    reply = VoiceResponse()
    for text in fit_sayings(sayings):
        reply.say(text, language=language)
    reply.hangup()
    return str(reply)


def whisper(summary: str, language: str = "en-US") -> str:
    """Spoken to the help-line answerer only, before the caller is connected."""
    reply = VoiceResponse()
    reply.say(speakable(summary), language=language)
    return str(reply)
