"""The callback request form: who to call, when, and whether we may text them.

Asks only what the call needs. On SMS and voice the caller's own number is
offered first (looked up from the app database, since conversation ids are
keyed hashes). The request is committed before the person is told it is
saved; if saving fails they are told to call the help line instead.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Callable, Dict, List

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.form_turns import answered_faq, times_said_since_start, user_texts_this_session
from iop_assistant import form_answers, phone, screening_answers
from iop_assistant.call_questions import asks_to_hear_my_number
from iop_assistant.language import SLOT as LANGUAGE_SLOT
from iop_assistant.nlu.contact_questions import (
    CALLBACK_STATUS_REASON,
    HELPLINE_HOURS_INTENT,
    TEXT_BACK_INTENT,
    asks_callback_status,
)
from iop_assistant.store.callbacks import WEB_CLIENT_METADATA as WEB_CLIENT_KEY
from iop_assistant.store.callbacks import CallbackLimitError

logger = logging.getLogger(__name__)

FORM = "callback_form"
REPEAT_INTENT = "repeat_last"
FORM_SLOTS = (
    "callback_use_caller_number",
    "callback_phone",
    "callback_best_time",
    "callback_name",
    "callback_consent",
)
OFFER_TEXTING = "utter_callback_offer_texting_number"
# channels whose conversations come from a phone number: how the offer of it is worded
OFFER_RESPONSES = {"sms": OFFER_TEXTING, "voice": "utter_callback_offer_calling_number"}
SKIP = form_answers.SKIP
SAVE_TIMEOUT_SECONDS = 8.0
MAX_UNCLEAR_CONSENT = 2
MAX_UNCLEAR_TIME = 2
MAX_UNCLEAR_NAME = 1
ANY_TIME = "any time"


_HAS_A_WORD = re.compile(r"[^\W\d_]{3,}")  # "mornings", not "555"
_NO_FIRST = re.compile(r"\W*(?:no|nope|nah|not)\b")


def caller_number(tracker: Tracker) -> str | None:
    """The number an SMS or voice conversation comes from (None on the web)."""
    if tracker.get_latest_input_channel() not in OFFER_RESPONSES:
        return None
    from iop_assistant.store.contacts import contact_number

    try:
        return contact_number(tracker.sender_id)
    except Exception:  # the database is down: just ask for the number
        logger.exception("could not read the caller's number")
        return None


async def changed_number(value: Any, tracker: Tracker) -> Dict[str, Any]:
    """A different number given while another question is asked: "could they call my
    work line instead? 312-555-0160" (v4) changes the number, then the question repeats.
    So does "use my number" from a texter or caller whose own number is not the one
    given ("617 555 0199 its my moms phone" ... "my mom cant know. use my number",
    texter role-play 2026-12-04: saved with the mother's number).

    The answer about the caller's own number changes with it: a second request in the
    conversation reuses both, and a stale "yes" put the rejected work phone back on the
    request when only the time was changed (texter role-play 2026-12-05)."""
    typed = phone.parse_phone_answer(str(value or ""))
    current = tracker.get_slot("callback_phone")
    if typed.status is phone.PhoneStatus.OK and current and typed.e164 != current:
        own = await asyncio.to_thread(caller_number, tracker)
        mine = "yes" if typed.e164 == own else "no"
        return {"callback_phone": typed.e164, "callback_use_caller_number": mine}
    if current and form_answers.is_other_number(str(value or "")):
        # "nvm just call my cell instead" with no digits: the number is asked for again
        return {"callback_phone": None, "callback_use_caller_number": "no"}
    if current and form_answers.asks_for_this_number(str(value or "")):
        own = await asyncio.to_thread(caller_number, tracker)
        if own and own != current:
            return {"callback_phone": own, "callback_use_caller_number": "yes"}
    return {}


def times_said(tracker: Tracker, response: str) -> int:
    """How often ``response`` was said since the callback form last started."""
    return times_said_since_start(tracker, FORM, response)


DISCREET_REPLY = "utter_callback_discreet"
NO_VOICEMAIL_NOTED = "utter_callback_no_voicemail"
FOR_SOMEONE_ELSE = "utter_callback_for_someone_else"
WHY_NUMBER_REPLY = "utter_callback_why_number"
CALLER_ID_REPLY = "utter_callback_caller_id"
WHEN_THEY_CALL_REPLY = "utter_callback_when_they_call"


def latest_text(tracker: Tracker) -> str:
    return str((tracker.latest_message or {}).get("text") or "")


def answered_question(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """A question asked between the callback questions is answered, then the question is
    asked again. "If he answers, will they tell him what it's about? He can't know I
    called" got "I didn't catch a time" twice (role-play 2026-12-04, voice): whether the
    call is discreet is answered first, once per request."""
    text = latest_text(tracker)
    if form_answers.asks_why_the_number(text) and not times_said_since_start(
        tracker, "callback_form", WHY_NUMBER_REPLY
    ):
        dispatcher.utter_message(response=WHY_NUMBER_REPLY)
        return True
    if form_answers.asks_if_the_call_is_private(text) and not times_said_since_start(
        tracker, "callback_form", DISCREET_REPLY
    ):
        dispatcher.utter_message(response=DISCREET_REPLY)
        return True
    return answered_about_the_call(dispatcher, tracker) or answered_faq(dispatcher, tracker)


def answered_about_the_call(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Which number will show, or when they will call, asked between the questions: answered
    once per request, before the words are read as a time, a name or a number. "what number
    will you call from?" got "I didn't catch a name"; "tonight or tomorrow?" was saved as
    the time (round 34's open list)."""
    text = latest_text(tracker)
    for asks, reply in (
        (form_answers.asks_what_the_caller_id_shows, CALLER_ID_REPLY),
        (form_answers.asks_when_they_call, WHEN_THEY_CALL_REPLY),
    ):
        if asks(text) and not times_said_since_start(tracker, "callback_form", reply):
            dispatcher.utter_message(response=reply)
            return True
    return False


def asks_how_to_reach_a_person(tracker: Tracker) -> bool:
    """ "can someone text me back", "is the help line open at night": answered before the
    words are read as a yes, a no or a number (texter role-play 2026-12-04, late)."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return intent in (TEXT_BACK_INTENT, HELPLINE_HOURS_INTENT)


def asks_about_the_call(value: Any, tracker: Tracker) -> bool:
    """A question about reaching a person or why the number is needed, asked where a number
    is expected: answered first, then the number asked again (not read as a yes or a no)."""
    return asks_how_to_reach_a_person(tracker) or form_answers.asks_why_the_number(str(value or ""))


# "ay no espera en la manana trabajo, mejor en la noche" (blind es-v16, read in round 31: the
# morning kept): the time after "better" / "actually" / "instead" is the one meant
_INSTEAD = re.compile(
    r"\b(?:mejor|m[aá]s\s+bien|actually|instead|rather|better\s+(?:is|would\s+be)?|make\s+it|i\s+meant|"
    r"quise\s+decir|no\s+(?:mejor|espera))\b",
    re.IGNORECASE,
)


def best_time_answer(text: str) -> str | None:
    """now / morning / afternoon / evening, a time in the person's words, or None."""
    markers = list(_INSTEAD.finditer(text))
    if markers:
        after = form_answers.parse_best_time(text[markers[-1].end() :])
        if after:
            return after
    return form_answers.parse_best_time(text)


# "yes but only after 5 pls", "no, call my cell 312-555-0187 after 6" (role-plays round 17:
# the time said with the number was lost and asked for again)
_TIME_PART = re.compile(
    r"\b(?:after|before|around|between|any\s*time|asap|as\s+soon\s+as|tonight|tomorrow|tmrw|"
    r"in\s+the\s+(?:morning|afternoon|evening)|mornings?|afternoons?|evenings?|at\s+\d|"
    r"despu[eé]s\s+de|antes\s+de|en\s+la\s+(?:ma[nñ]ana|tarde|noche)|por\s+la\s+(?:ma[nñ]ana|tarde|noche)|"
    r"a\s+las\s+\d)\b.*$",
    re.IGNORECASE,
)


def time_said_with(text: str, tracker: Tracker) -> Dict[str, Any]:
    """The best time, and a first name, said in the same message as the number answer,
    while none is kept ("call 312-555-0164 not this one. afternoons r best. name is jo",
    blind v15: the name was asked for, then "yes" was no name, and nothing was saved)."""
    said: Dict[str, Any] = {}
    if not tracker.get_slot("callback_best_time"):
        found = _TIME_PART.search(text)
        time = best_time_answer(found.group(0)) if found else None
        if time:
            said["callback_best_time"] = time
    if not tracker.get_slot("callback_name"):
        name = form_answers.first_name_in_request(text)
        if name:
            said["callback_name"] = name
    return said


def first_name_answer(text: str) -> str | None:
    """A first name, "skip" when declined, None when unclear (the name is optional)."""
    return form_answers.parse_first_name(text)


def from_starting_message(
    tracker: Tracker, slot: str, read: Callable[[str | None], str | None]
) -> Dict[str, Any]:
    """``slot`` read from the message that started the form (no question asked yet, slot
    still empty); nothing otherwise, so the form asks as usual."""
    if tracker.get_slot("requested_slot") or tracker.get_slot(slot):
        return {}
    value = read(tracker.latest_message.get("text"))
    return {slot: value} if value else {}


# what a second request reuses from the first (the time is what people change)
REUSED_SLOTS = ("callback_use_caller_number", "callback_phone", "callback_name", "callback_consent")


def earlier_answers(tracker: Tracker) -> Dict[str, Any]:
    """The saved request's answers, kept for a second request in this conversation."""
    earlier = tracker.get_slot("callback_earlier")
    if not isinstance(earlier, dict) or not tracker.get_slot("callback_request_id"):
        return {}
    return {slot: earlier[slot] for slot in REUSED_SLOTS if earlier.get(slot)}


def from_earlier_request(tracker: Tracker, *slots: str) -> Dict[str, Any]:
    """``slots`` from the saved request, when this form has just started and the message
    did not give them anew; nothing otherwise."""
    if tracker.get_slot("requested_slot"):
        return {}
    earlier = earlier_answers(tracker)
    return {s: earlier[s] for s in slots if s in earlier and not tracker.get_slot(s)}


class AskCallbackUseCallerNumber(Action):
    """Offers the number the person is texting or calling from."""

    def name(self) -> str:
        return "action_ask_callback_use_caller_number"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        number = await asyncio.to_thread(caller_number, tracker)
        if not number:
            dispatcher.utter_message(response="utter_ask_callback_phone")
            return []
        offer = OFFER_RESPONSES.get(tracker.get_latest_input_channel() or "", OFFER_TEXTING)
        dispatcher.utter_message(response=offer, caller_number=phone.display(number))
        return []


STATUS_RESPONSE = "utter_callback_status"
NO_STATUS_RESPONSE = "utter_callback_status_none"
PENDING_STATUS_RESPONSE = "utter_callback_status_pending"
_WHEN_WORDS = {
    "en": {
        "now": "as soon as they can",
        "morning": "in the morning",
        "afternoon": "in the afternoon",
        "evening": "in the evening",
        ANY_TIME: "at any time",
    },
    "es": {
        "now": "lo antes posible",
        "morning": "en la mañana",
        "afternoon": "en la tarde",
        "evening": "en la noche",
        ANY_TIME: "a cualquier hora",
    },
}


def asks_status(tracker: Tracker) -> bool:
    """The message that started the form asks about a request already made (the gate's
    reading, or the words themselves)."""
    latest = tracker.latest_message or {}
    gate = latest.get("control_gate") or {}
    return gate.get("reason") == CALLBACK_STATUS_REASON or asks_callback_status(
        str(latest.get("text") or "")
    )


def when_words(best_time: str, language: str | None) -> str:
    """The saved time in the person's language; a time in their own words is quoted."""
    words = _WHEN_WORDS.get(language or "en", _WHEN_WORDS["en"])
    if best_time in words:
        return words[best_time]
    return f"({best_time})"


def open_callback(conversation_id: str) -> Any:
    """The store call (a seam the tests point at a real database of their own)."""
    from iop_assistant.store.callback_status import open_callback_for

    return open_callback_for(conversation_id)


def read_back_a_new_number(
    dispatcher: CollectingDispatcher, tracker: Tracker, events: List[EventType]
) -> None:
    """A number newly heard on a call is said back before the next question (caller role-play
    rounds 34 and 35: heard only when all was saved), unless it is the caller's own, already
    read in the question."""
    if tracker.get_latest_input_channel() != "voice":
        return
    slots = {e.get("name"): e.get("value") for e in events if e.get("event") == "slot"}
    number = slots.get("callback_phone")
    if not number or number == tracker.get_slot("callback_phone"):
        return
    if slots.get("callback_use_caller_number") == "yes":
        return
    dispatcher.utter_message(
        response="utter_callback_number_heard", callback_number=readable_number(str(number))
    )


class ValidateCallbackForm(FormValidationAction):
    """Reads each answer; asks about the caller's own number only where it is known."""

    def name(self) -> str:
        return "validate_callback_form"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[EventType]:
        """ "what?" to a question (caller role-play round 24: "Sorry, I didn't catch that. You
        can ask me about our program", three times, to a hard-of-hearing caller): the form
        reads nothing from it and asks the same question again."""
        requested = tracker.get_slot("requested_slot")
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        if requested and intent == REPEAT_INTENT:
            return [SlotSet(requested, None)]
        number = tracker.get_slot("callback_phone")
        if requested and number and asks_to_hear_my_number(latest_text(tracker)):
            # "can you read that number back to me?" (caller role-play round 35: the help
            # line's number, twice): theirs, then the same question again
            dispatcher.utter_message(
                response="utter_callback_number_heard", callback_number=readable_number(number)
            )
            return [SlotSet(requested, None)]
        if requested and asks_status(tracker):
            # "wait did that go thru??" mid-request (blind v21: "I didn't catch a name"): not
            # saved yet, then the same question
            dispatcher.utter_message(response=PENDING_STATUS_RESPONSE)
            return [SlotSet(requested, None)]
        if not requested and asks_status(tracker):
            # "did my request go through?" (round 26): what is saved is told, and the form
            # ends with its slots filled from it (action_submit_callback saves nothing new)
            found = await asyncio.to_thread(open_callback, tracker.sender_id)
            if found is not None:
                dispatcher.utter_message(
                    response=STATUS_RESPONSE,
                    callback_number=readable_number(found.phone_number),
                    callback_when=when_words(found.best_time, tracker.get_slot(LANGUAGE_SLOT)),
                )
                return [
                    SlotSet("callback_use_caller_number", "no"),
                    SlotSet("callback_phone", found.phone_number),
                    SlotSet("callback_best_time", found.best_time),
                    SlotSet("callback_name", SKIP),
                    SlotSet("callback_consent", "no"),
                    SlotSet("callback_request_id", str(found.request_id)),
                    SlotSet("requested_slot", None),
                ]
            dispatcher.utter_message(response=NO_STATUS_RESPONSE)
        events = await super().run(dispatcher, tracker, domain)
        read_back_a_new_number(dispatcher, tracker, events)
        return events

    async def required_slots(
        self,
        domain_slots: List[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> List[str]:
        offered = tracker.get_slot("callback_use_caller_number") is not None
        if not offered and not await asyncio.to_thread(caller_number, tracker):
            return [s for s in domain_slots if s != "callback_use_caller_number"]
        return domain_slots

    async def extract_callback_phone(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """A number in the message that started the form is the number to call.

        "call me at 312 555 0187", or a number texted on its own (v4), starts the
        form; asking "what number should they call?" next reads as not listening.
        Only the starting message counts (no question asked yet, no number yet).
        """
        if tracker.get_slot("requested_slot") or tracker.get_slot("callback_phone"):
            return {}
        starting = str(tracker.latest_message.get("text") or "")
        if form_answers.asks_for_no_voicemail(starting):
            # "can someone call me back? dont leave a voicemail, he checks my phone": noted,
            # not "say so and I'll note it" (round 29 check); saved with the request
            dispatcher.utter_message(response=NO_VOICEMAIL_NOTED)
        elif form_answers.asks_if_the_call_is_private(starting) and not times_said(
            tracker, DISCREET_REPLY
        ):
            # "if someone calls me will they leave a voicemail? my wife cant know" starting
            # the request: answered before the first question (probe, round 16)
            dispatcher.utter_message(response=DISCREET_REPLY)
        for_someone_else = form_answers.asks_to_call_someone_else(starting)
        typed = phone.parse_phone_answer(starting)
        if typed.status is not phone.PhoneStatus.OK:
            if for_someone_else:
                # their number is asked for (language/nlg.py words the question for them),
                # not the writer's offered
                return {"callback_use_caller_number": "no"}
            if form_answers.changes_the_number(starting):
                # "change the phone number for the call back" (caller role-play round 19: the
                # old number was reused): the number is asked for again
                return {"callback_use_caller_number": "no"}
            return from_earlier_request(tracker, "callback_phone", "callback_use_caller_number")
        if for_someone_else:
            dispatcher.utter_message(response=FOR_SOMEONE_ELSE)
        own = await asyncio.to_thread(caller_number, tracker)
        if own is None:
            return {"callback_phone": typed.e164}
        return {
            "callback_phone": typed.e164,
            "callback_use_caller_number": "yes" if typed.e164 == own else "no",
        }

    def extract_callback_best_time(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """A time said in the starting message ("call me ... after 5pm") is not asked again."""
        return from_starting_message(
            tracker, "callback_best_time", form_answers.best_time_in_request
        )

    def extract_callback_name(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """A name given in the starting message ("..., my name is Luis") is not asked again;
        nor is the name (or "no name") of a request made earlier in this conversation."""
        starting = str(tracker.latest_message.get("text") or "")
        if form_answers.asks_to_call_someone_else(starting):
            # "Hi this is Maria... can your help line call HER directly?": Maria is not who
            # they ask for; "ask for Tanya" is
            return from_starting_message(
                tracker, "callback_name", form_answers.their_name_in_request
            )
        given = from_starting_message(tracker, "callback_name", form_answers.first_name_in_request)
        return given or from_earlier_request(tracker, "callback_name")

    def extract_callback_consent(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        """The texting answer of a request made earlier in this conversation; or a "don't
        text me" said before the texting question is asked, which answers it."""
        if (
            not tracker.get_slot("callback_consent")
            and tracker.get_slot("requested_slot") != "callback_consent"
            and form_answers.says_no_texts(tracker.latest_message.get("text"))
        ):
            return {"callback_consent": "no"}
        return from_earlier_request(tracker, "callback_consent")

    async def validate_callback_use_caller_number(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if asks_about_the_call(value, tracker) and answered_question(dispatcher, tracker):
            return {"callback_use_caller_number": None}  # "no i said TEXT not call" is no "no"
        typed = phone.parse_phone_answer(str(value or ""))
        said = time_said_with(str(value or ""), tracker)
        if typed.status is phone.PhoneStatus.OK:  # "no, use my work # 303 555 0102" (v4)
            own = await asyncio.to_thread(caller_number, tracker)
            return {
                "callback_use_caller_number": "yes" if typed.e164 == own else "no",
                "callback_phone": typed.e164,
                **said,
            }
        if form_answers.asks_which_number(str(value or "")):
            dispatcher.utter_message(response="utter_callback_which_number")
            return {"callback_use_caller_number": None}
        answer = screening_answers.parse_yes_no(str(value or ""))
        if (
            answer is False
            and form_answers.is_this_number(str(value or ""))
            and not _NO_FIRST.match(screening_answers.fold(str(value or "")))
            and not form_answers.is_other_number(str(value or ""))
        ):
            # "this number but pls dont leave a voicemail my wife checks it" (blind v25, read
            # in round 31: the "dont" was the answer, and the number was asked for)
            answer = True
        if answer is None and form_answers.is_this_number(str(value or "")):
            answer = True  # "this one", "the one im calling from"
        if answer is None and form_answers.is_other_number(str(value or "")):
            answer = False  # "a different number": ask for it (v8, voice)
        if answer is True:
            number = await asyncio.to_thread(caller_number, tracker)
            if number:
                return {"callback_use_caller_number": "yes", "callback_phone": number, **said}
            return {"callback_use_caller_number": "no", **said}
        if answer is False:
            return {"callback_use_caller_number": "no", **said}
        said_time = best_time_answer(str(value or ""))
        if said_time and not tracker.get_slot("callback_best_time"):
            # "evenings are best" to "should they call this number?" (v9 b-voice-07): kept
            # for the time question, and this one asked again (not an answer about groups)
            return {"callback_use_caller_number": None, "callback_best_time": said_time}
        answered_question(dispatcher, tracker)
        offered = sum(
            times_said_since_start(tracker, FORM, offer)
            for offer in (OFFER_TEXTING, "utter_callback_offer_calling_number")
        )
        if offered >= 3:
            # asked three times and still no yes or no ("aqui mismo", a menu number, a name:
            # blind es-v11 asked four times over): the number is asked for in so many words
            return {"callback_use_caller_number": "no"}
        return {"callback_use_caller_number": None}

    async def validate_callback_phone(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        answer = phone.parse_phone_answer(str(value or ""))
        if answer.status is phone.PhoneStatus.OK:
            return {"callback_phone": answer.e164, **time_said_with(str(value or ""), tracker)}
        if answered_about_the_call(dispatcher, tracker):
            return {"callback_phone": None}
        if asks_about_the_call(value, tracker) and answered_question(dispatcher, tracker):
            return {"callback_phone": None}  # answered, then the number asked again
        if form_answers.asks_which_number(str(value or "")):
            dispatcher.utter_message(response="utter_callback_which_number")
            return {"callback_phone": None}
        if form_answers.is_this_number(str(value or "")):
            # "just use this one its fine" after saying no to it (role-play 2026-12-04,
            # late: "doesn't look like a US number", three times)
            own = await asyncio.to_thread(caller_number, tracker)
            if own:
                return {"callback_phone": own, "callback_use_caller_number": "yes"}
        said_time = (
            best_time_answer(str(value or "")) if _HAS_A_WORD.search(str(value or "")) else None
        )
        if said_time and answer.status is not phone.PhoneStatus.INTERNATIONAL:
            # "mornings" to "what number should they call?" (blind v25, read in round 31:
            # "doesn't look like a US number", three times): the time is kept for later
            dispatcher.utter_message(response="utter_callback_time_kept")
            return {"callback_phone": None, "callback_best_time": said_time}
        if not answered_question(dispatcher, tracker):
            digits = digits_short_of_a_number(str(value or ""))
            if answer.status is phone.PhoneStatus.INTERNATIONAL:
                dispatcher.utter_message(response="utter_callback_international")
            elif digits:
                dispatcher.utter_message(response="utter_callback_digit_count", digit_count=digits)
            else:
                dispatcher.utter_message(response="utter_callback_invalid_phone")
        return {"callback_phone": None}

    async def validate_callback_best_time(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if changed := await changed_number(value, tracker):
            return {**changed, "callback_best_time": None}
        if answered_about_the_call(dispatcher, tracker):
            return {"callback_best_time": None}
        answer = best_time_answer(str(value or ""))
        if answer is not None:  # a time wins over any FAQ reading ("after 6pm")
            told = form_answers.name_told_with(str(value or ""))
            if told and not tracker.get_slot("callback_name"):
                # "a las 5 de la tarde, me llamo Jose Luis": the name kept too, the time
                # without it (Spanish role-play round 37)
                name, before = told
                return {
                    "callback_best_time": best_time_answer(before) or answer,
                    "callback_name": name,
                }
            return {"callback_best_time": answer}
        name = None if tracker.get_slot("callback_name") else first_name_answer(str(value or ""))
        if name not in (None, SKIP):
            # "marcus" to "when is a good time?" (blind v21, voice and SMS: "I didn't catch a
            # time", then the name was lost): the name is kept, the time asked again
            dispatcher.utter_message(response="utter_screening_noted")
            return {"callback_best_time": None, "callback_name": name}
        if answered_question(dispatcher, tracker):
            return {"callback_best_time": None}
        if times_said(tracker, "utter_callback_time_unclear") >= MAX_UNCLEAR_TIME:
            return {"callback_best_time": ANY_TIME}  # never loop: they'll call when they can
        dispatcher.utter_message(response="utter_callback_time_unclear")
        return {"callback_best_time": None}

    async def validate_callback_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        if changed := await changed_number(value, tracker):
            return {**changed, "callback_name": None}
        if answered_about_the_call(dispatcher, tracker):
            return {"callback_name": None}
        answer = first_name_answer(str(value or ""))
        if answer is not None:
            return {"callback_name": answer}
        said_time = best_time_answer(str(value or ""))
        if said_time is not None and _INSTEAD.search(str(value or "")):
            # "ay no espera en la manana trabajo, mejor en la noche" (blind es-v16, read in
            # round 31): the time given before, changed; the name asked again
            dispatcher.utter_message(response="utter_callback_time_kept")
            return {"callback_name": None, "callback_best_time": said_time}
        if said_time is not None:
            # "after 5:30 pm is best" to the name question (role-play 2026-12-04: the time was
            # lost and "tomorrow" read back): the time is kept, the name asked again
            return {"callback_name": None, "callback_best_time": said_time}
        if answered_question(dispatcher, tracker):
            return {"callback_name": None}
        if times_said(tracker, "utter_callback_name_unclear") >= MAX_UNCLEAR_NAME:
            return {"callback_name": SKIP}  # optional: an unclear answer means no name
        dispatcher.utter_message(response="utter_callback_name_unclear")
        return {"callback_name": None}

    async def validate_callback_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[str, Any]:
        text = str(value or "")
        if form_answers.says_no_texts(text) and not re.search(r"\d", text):
            # "no dont text this phone" (blind v18, a shelter's shared phone: "this phone" was
            # read as a new number and the question came again; nothing was saved)
            return {"callback_consent": "no"}
        if changed := await changed_number(value, tracker):
            return {**changed, "callback_consent": None}
        answer = screening_answers.parse_yes_no(text)
        if answer is None and form_answers.asks_for_no_voicemail(text):
            answer = screening_answers.parse_yes_no(
                form_answers.without_the_voicemail_request(text)
            )
        if answer is None:  # consent is never assumed
            if answered_question(dispatcher, tracker):
                return {"callback_consent": None}
            if times_said(tracker, "utter_callback_consent_unclear") >= MAX_UNCLEAR_CONSENT:
                dispatcher.utter_message(response="utter_callback_no_text")
                return {"callback_consent": "no"}  # no clear yes: no text, and no endless loop
            dispatcher.utter_message(response="utter_callback_consent_unclear")
            return {"callback_consent": None}
        return {"callback_consent": "yes" if answer else "no"}


def asked_for_no_voicemail(tracker: Tracker) -> bool:
    """ "don't leave a voicemail" said anywhere in this session (before the request or inside
    it): the help line leaves nothing when the call goes unanswered."""
    return any(form_answers.asks_for_no_voicemail(t) for t in user_texts_this_session(tracker))


def callback_language(tracker: Tracker) -> str | None:
    """The conversation's language, or Spanish when the call was asked for in Spanish in an
    English conversation ("can someone call my mom in spanish"): the help line sees it on
    the request, and the confirmation text is written in it."""
    if any(form_answers.asks_for_a_call_in_spanish(t) for t in user_texts_this_session(tracker)):
        return "es"
    return tracker.get_slot(LANGUAGE_SLOT)


async def save_from_slots(tracker: Tracker) -> int:
    """Commits the request the form's slots describe; raises when it cannot."""
    name = tracker.get_slot("callback_name")
    return await asyncio.wait_for(
        asyncio.to_thread(
            save_request,
            conversation_id=tracker.sender_id,
            channel=tracker.get_latest_input_channel() or "unknown",
            phone_number=tracker.get_slot("callback_phone"),
            best_time=tracker.get_slot("callback_best_time") or ANY_TIME,
            consent_to_text=tracker.get_slot("callback_consent") == "yes",
            first_name=None if name in (None, SKIP) else name,
            client_key=web_client_key(tracker),
            language=callback_language(tracker),
            no_voicemail=asked_for_no_voicemail(tracker),
        ),
        timeout=SAVE_TIMEOUT_SECONDS,
    )


async def save_and_report(
    dispatcher: CollectingDispatcher, tracker: Tracker, saved_response: str
) -> List[EventType]:
    """Commits the request, then reads it back with ``saved_response``; on failure sends
    the person to the help line. The form's slots are cleared either way."""
    reset: List[EventType] = [SlotSet(slot, None) for slot in FORM_SLOTS]
    number: str = tracker.get_slot("callback_phone") or ""
    try:
        request_id = await save_from_slots(tracker)
    except CallbackLimitError as limit:
        # an abuse limit, not a fault: the person is told why, and given the help line
        logger.warning("callback request not saved: %s", limit)
        dispatcher.utter_message(response="utter_callback_limit")
        return reset
    except Exception:
        logger.exception("saving a callback request failed")
        dispatcher.utter_message(response="utter_callback_failed")
        return reset
    # the domain words the best time by the callback_best_time slot (response conditions)
    dispatcher.utter_message(response=saved_response, callback_number=readable_number(number))
    name = tracker.get_slot("callback_name")
    if name and name != SKIP:
        # "What name do you have down for me?", "and they kno to ask for dre right" (caller and
        # texter role-plays, rounds 31 and 32): the name is said back with the request
        dispatcher.utter_message(response="utter_callback_name_noted", callback_name=name)
    if asked_for_no_voicemail(tracker) and not times_said(tracker, NO_VOICEMAIL_NOTED):
        dispatcher.utter_message(response=NO_VOICEMAIL_NOTED)
    if await replaced_earlier(tracker, request_id):
        dispatcher.utter_message(response="utter_callback_replaced")
    kept = {slot: tracker.get_slot(slot) for slot in REUSED_SLOTS}
    return [
        *reset,
        SlotSet("callback_request_id", str(request_id)),
        SlotSet("callback_earlier", kept),
    ]


async def replaced_earlier(tracker: Tracker, request_id: int) -> bool:
    """A new request from a conversation that already made one (role-play 2026-12-04: "move
    the call to after 8 pm... I won't get 2 calls, right?") replaces it: the earlier one is
    closed once the new one is committed, so a failure never leaves the person with none."""
    earlier = tracker.get_slot("callback_request_id")
    if not earlier:
        return False
    if str(earlier) == str(request_id):
        return True  # the same number: the store updated the open request (one call)
    try:
        return await asyncio.wait_for(
            asyncio.to_thread(
                withdraw_request, int(earlier), tracker.sender_id, f"replaced by #{request_id}"
            ),
            timeout=SAVE_TIMEOUT_SECONDS,
        )
    except Exception:  # both stay open: staff see two requests, nobody goes without a call
        logger.exception("closing the earlier callback request failed")
        return False


class SubmitCallback(Action):
    """Commits the request (and its outbox rows), then says so; or sends to the help line."""

    def name(self) -> str:
        return "action_submit_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if not tracker.get_slot("callback_phone"):
            dispatcher.utter_message(response="utter_callback_failed")
            return [SlotSet(slot, None) for slot in FORM_SLOTS]
        if asks_status(tracker):
            # the form was filled from the request already saved, which was read back: no
            # second request on top of it
            return [SlotSet(slot, None) for slot in FORM_SLOTS]
        return await save_and_report(dispatcher, tracker, "utter_callback_saved")


class SaveCallbackOnLeave(Action):
    """A goodbye before the last callback question keeps the request the person made.

    Callers said "great, thank you, bye" at the optional name question and the call
    they expected never came (role-play, voice, 2026-12-03). With a number and a time
    the request is saved (no text without a yes) and read back before the goodbye;
    with less there is nothing to call, and nothing is said about it.
    """

    def name(self) -> str:
        return "action_save_callback_on_leave"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        if not tracker.get_slot("callback_phone") or not tracker.get_slot("callback_best_time"):
            return [SlotSet(slot, None) for slot in FORM_SLOTS]
        return await save_and_report(dispatcher, tracker, "utter_callback_saved_on_leave")


def web_client_key(tracker: Tracker) -> str | None:
    """The keyed hash of the web client's address the web channels put in the metadata
    (iop_assistant/channels/web.py), for the per-client limit; None on SMS and voice."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            value = (event.get("metadata") or {}).get(WEB_CLIENT_KEY)
            return str(value)[:64] if isinstance(value, str) and value else None
    return None


_ONLY_A_NUMBER = re.compile(r"^[\s\d()+.#*-]+$")


def digits_short_of_a_number(text: str) -> int:
    """How many digits a number-only answer has when that is 7 to 9: a caller who keyed
    "301555012" heard only "say all 10 digits" (caller role-play round 34); 0 otherwise."""
    if not _ONLY_A_NUMBER.match(text or ""):
        return 0
    count = sum(ch.isdigit() for ch in text)
    return count if 7 <= count <= 9 else 0


def readable_number(number: str) -> str:
    """(312) 555-0187: read back so a mistyped digit is caught before anyone dials it."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "US")
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


KEPT_FOR_THEM = "utter_callback_kept_for_them"


def arranged_for_someone_else(tracker: Tracker) -> bool:
    """The conversation asked for the call to go to someone else (a client, a son)."""
    return any(
        form_answers.asks_to_call_someone_else(text) for text in user_texts_this_session(tracker)
    )


class WithdrawCallback(Action):
    """ "Actually, don't call me": the saved request is withdrawn, and the person is told."""

    def name(self) -> str:
        return "action_withdraw_callback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]
    ) -> List[EventType]:
        request_id = tracker.get_slot("callback_request_id")
        if not request_id:
            dispatcher.utter_message(response="utter_callback_nothing_to_withdraw")
            return []
        if arranged_for_someone_else(tracker) and form_answers.declines_only_a_call_to_the_writer(
            str(tracker.latest_message.get("text") or "")
        ):
            dispatcher.utter_message(response=KEPT_FOR_THEM)
            return []
        try:
            withdrawn = await asyncio.wait_for(
                asyncio.to_thread(withdraw_request, int(request_id), tracker.sender_id),
                timeout=SAVE_TIMEOUT_SECONDS,
            )
        except Exception:
            logger.exception("withdrawing a callback request failed")
            dispatcher.utter_message(response="utter_callback_withdraw_failed")
            return []
        said = "utter_callback_withdrawn" if withdrawn else "utter_callback_nothing_to_withdraw"
        dispatcher.utter_message(response=said)
        return [SlotSet("callback_request_id", None)]


def withdraw_request(request_id: int, conversation_id: str, outcome: str | None = None) -> bool:
    """The store call (a seam the tests point at a real database of their own)."""
    from iop_assistant.store.callback_withdrawal import withdraw_callback_request

    if outcome is None:
        return withdraw_callback_request(request_id, conversation_id)
    return withdraw_callback_request(request_id, conversation_id, outcome=outcome)


def save_request(**request: Any) -> int:
    """The store call (a seam the tests point at a real database of their own)."""
    from iop_assistant.store.callbacks import save_callback_request

    return save_callback_request(**request)
