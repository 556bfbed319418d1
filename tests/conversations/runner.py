"""Plays written conversations through the real channels and judges each turn.

A conversation file (format: tests/conversations/FORMAT.md) says what a person
types, taps, texts or says, and what must happen on each turn in observable
terms ("crisis", "answers: schedule", "callback_saved", "transfer"). This
module sends each turn through REST, the signed SMS webhook or the signed
voice webhook of a running Rasa server, reads the reply the person sees, the
tracker (which responses were said, which form is asking what) and the app
database (saved callback requests), and records every expectation that did
not hold. It never changes what it judges: the same code path a person hits.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

import requests
from twilio.request_validator import RequestValidator

from iop_assistant import domain_files, program_facts, yaml_io
from iop_assistant.channels import identity
from iop_assistant.store.callback_withdrawal import WITHDRAWN_OUTCOME

HELPLINE_DIGITS = re.sub(r"\D", "", program_facts.load().helpline)
SMS_PATH = "/webhooks/sms/webhook"
VOICE_PATH = "/webhooks/voice/webhook"
GOODBYE_ACTIONS = {"utter_goodbye"}
COLD_ACTIONS = {"utter_goodbye", "utter_thank", "utter_stop", "utter_no_more"}
# topics whose response name differs from utter_ask_<topic>
TOPIC_RESPONSES = {"format_online_evening": "ask_format"}
# A reply is Spanish when it has Spanish marks (¿ ¡ ñ or an accented vowel) or two common
# Spanish words that are not English ones. The first check, a dozen words ("ayuda", "usted",
# "línea"...), failed correct Spanish such as "¿Cuándo es buena hora para llamarle?" and
# "IOP suele reunirse de 3 a 5 días por semana" (found 2026-12-04 on the developers' own
# Spanish conversations; it had scored 38 of the 40 blind Spanish conversations as having a
# reply with "no Spanish line"). Written apart from the assistant's own language detector.
SPANISH_MARKS = re.compile(r"[¿¡ñáéíóú]", re.IGNORECASE)
SPANISH_WORDS = frozenset(
    """el los las del que es para por con una su sus le lo se al usted puede ayuda llame llamar
    linea gracias necesita hablar programa dias semana hora cuando como esta estan nuestra
    nuestro podemos quiere tiene hay muy pero mas sobre desde hasta tambien puedo""".split()
)


def is_spanish(text: str) -> bool:
    """Whether a reply reads as Spanish (see SPANISH_MARKS and SPANISH_WORDS)."""
    if SPANISH_MARKS.search(text):
        return True
    return len({w for w in re.findall(r"[a-z]+", text.lower()) if w in SPANISH_WORDS}) >= 2


@dataclass
class Endpoint:
    """Where the stack runs and the secrets the channels check."""

    rasa_url: str
    token: str  # Rasa HTTP API token (tracker reads)
    twilio_token: str  # signs SMS and voice webhooks
    public_base_url: str  # the URL Twilio signs
    sender_key: bytes  # IOP_SENDER_ID_KEY: SMS/voice conversation ids
    app_db: Path  # SQLite app database with callback_requests

    @classmethod
    def for_servers(cls, servers: Any) -> Endpoint:
        """The endpoint of servers started by tests/server/conftest.py's ``Servers``."""
        return cls(
            rasa_url=servers.rasa_url,
            token=servers.token,
            twilio_token=servers.env["TWILIO_AUTH_TOKEN"],
            public_base_url=servers.env["PUBLIC_BASE_URL"],
            sender_key=servers.env["IOP_SENDER_ID_KEY"].encode(),
            app_db=servers.tmp / "app.db",
        )


@dataclass
class Reply:
    """What the person saw or heard on one turn, plus the tracker's view of it."""

    text: str = ""
    buttons: List[Dict[str, str]] = field(default_factory=list)
    dial: str | None = None
    hangup: bool = False
    listens: bool = False
    actions: List[str] = field(default_factory=list)
    slots_set: Dict[str, Any] = field(default_factory=dict)
    active_loop: str | None = None
    requested_slot: str | None = None
    intent: str | None = None
    language: str | None = None  # the conversation's language slot after the turn (issue 18)
    # the screening's outcome standing after the turn, however many turns ago it was given
    screening_outcome: str | None = None
    voice_language: str | None = None  # <Gather language=...> of a voice answer


@dataclass
class TurnResult:
    user: str
    reply: Reply
    failures: List[str]
    crisis_turn: bool
    # the screening's outcome expected here was given on an earlier turn (counted apart)
    outcome_given_earlier: bool = False


@dataclass
class ConversationResult:
    conversation: Dict[str, Any]
    turns: List[TurnResult]
    end_failures: List[str]
    error: str | None = None

    @property
    def passed(self) -> bool:
        return not self.error and not self.end_failures and all(not t.failures for t in self.turns)

    def describe(self) -> str:
        lines = [f"{self.conversation.get('id')} ({self.conversation.get('channel')}):"]
        if self.error:
            lines.append(f"  error: {self.error}")
        for turn in self.turns:
            mark = "ok " if not turn.failures else "XX "
            lines.append(f"  {mark}> {turn.user[:100]}")
            lines.append(f"      < {turn.reply.text[:160]!r} {turn.reply.actions}")
            if os.environ.get("CONVERSATION_SLOTS"):  # debugging: what each turn set
                lines.append(f"      = {turn.reply.slots_set}")
            lines.extend(f"      ! {f}" for f in turn.failures)
        lines.extend(f"  ! end: {f}" for f in self.end_failures)
        return "\n".join(lines)


def load_conversations(path: Path) -> List[Dict[str, Any]]:
    data = yaml_io.read(path) or []
    for conversation in data:
        conversation.setdefault("source", path.name)
    return data


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def typed_text(value: Any) -> str:
    """What the person typed: YAML reads an unquoted ``no`` or ``yes`` as a boolean."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


_PHONES_GIVEN: set[str] = set()


def _random_phone() -> str:
    """A valid US number of the fictional 555 range, never the same twice in one run.

    Two conversations texting from one number share a tracker: the later one then saw the
    earlier one's crisis reply as its own (CI, round 19: 70,000 numbers drawn at random
    for a few hundred SMS and voice conversations collided). Numbers stated in the sets
    are 555-01xx; these are 555-2000 and up.
    """
    while True:
        area = secrets.choice(["202", "312", "415", "617", "713", "773", "847"])
        phone = f"+1{area}555{2000 + secrets.randbelow(8000)}"
        if phone not in _PHONES_GIVEN:
            _PHONES_GIVEN.add(phone)
            return phone


class Session:
    """One person's conversation on one channel."""

    def __init__(self, endpoint: Endpoint, channel: str, phone: str | None = None) -> None:
        self.endpoint = endpoint
        self.channel = channel
        self.phone = phone or _random_phone()
        self.call_sid = "CA" + secrets.token_hex(16)
        self.voice_path = VOICE_PATH
        self.last = Reply()
        if channel == "rest":
            self.sender = "conv-" + secrets.token_hex(8)
        else:
            self.sender = identity.sender_id(channel, self.phone, endpoint.sender_key)
        self.seen_events = 0

    # ------------------------------------------------------------ sending
    def _signed_post(self, path: str, form: Dict[str, str]) -> ET.Element:
        url = self.endpoint.public_base_url + path
        signature = RequestValidator(self.endpoint.twilio_token).compute_signature(url, form)
        response = requests.post(
            self.endpoint.rasa_url + path,
            data=form,
            headers={"X-Twilio-Signature": signature},
            timeout=60,
        )
        response.raise_for_status()
        return ET.fromstring(response.content)

    def _rest(self, message: str) -> Reply:
        response = requests.post(
            f"{self.endpoint.rasa_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": message},
            timeout=60,
        )
        response.raise_for_status()
        messages = response.json()
        reply = Reply(text="\n".join(m.get("text", "") for m in messages if m.get("text")))
        for m in messages:
            reply.buttons.extend(m.get("buttons") or [])
        return reply

    def _sms(self, body: str) -> Reply:
        sid = "SM" + secrets.token_hex(16)
        form = {
            "MessageSid": sid,
            "SmsMessageSid": sid,
            "AccountSid": "AC" + "0" * 32,
            "From": self.phone,
            "To": "+18885550100",
            "Body": body,
            "NumMedia": "0",
            "ApiVersion": "2010-04-01",
        }
        root = self._signed_post(SMS_PATH, form)
        return Reply(text="\n".join((m.text or "") for m in root.iter("Message")))

    def _voice(self, **answer: str) -> Reply:
        form = {
            "AccountSid": "AC" + "0" * 32,
            "ApiVersion": "2010-04-01",
            "CallSid": self.call_sid,
            "CallStatus": "in-progress",
            "Direction": "inbound",
            "From": self.phone,
            "To": "+18885550100",
            **answer,
        }
        root = self._signed_post(self.voice_path, form)
        # Twilio posts the next answer to the <Gather>/<Dial> action (its turn nonce)
        for tag in ("Gather", "Dial"):
            node = root.find(f".//{tag}")
            if node is not None and node.get("action"):
                self.voice_path = node.get("action").removeprefix(self.endpoint.public_base_url)
                break
        dial = root.find(".//Dial")
        spoken = [s.get("language") for s in root.iter("Say") if s.get("language")]
        gather = root.find(".//Gather")
        return Reply(
            voice_language=(gather.get("language") if gather is not None else None)
            or (spoken[0] if spoken else None),
            text=" ".join((s.text or "") for s in root.iter("Say")),
            dial="".join(dial.itertext()).strip() if dial is not None else None,
            hangup=root.find(".//Hangup") is not None,
            listens=root.find(".//Gather") is not None,
        )

    def start_call(self) -> Reply:
        """A call starts with Twilio's first webhook (no speech yet)."""
        return self._voice()

    def send(self, turn: Dict[str, Any]) -> tuple[str, Reply]:
        """Sends one turn; returns what the person did (for the report) and the reply."""
        if "tap" in turn:
            title = str(turn["tap"]).lower()
            chosen = next(
                (b for b in self.last.buttons if str(b.get("title", "")).lower() == title), None
            )
            if self.channel != "rest" or chosen is None:
                return self._send_text(str(turn["tap"]), f"[tap] {turn['tap']}")
            return self._send_text(str(chosen["payload"]), f"[tap] {turn['tap']}")
        if "choose" in turn:
            number = int(turn["choose"])
            if self.channel == "rest":
                buttons = self.last.buttons
                if 1 <= number <= len(buttons):
                    return self._send_text(
                        str(buttons[number - 1]["payload"]), f"[choose {number}]"
                    )
                return self._send_text(str(number), f"[choose {number}]")
            if self.channel == "voice":
                return f"[press {number}]", self._observe(self._voice(Digits=str(number)))
            return self._send_text(str(number), f"[choose {number}]")
        if "digits" in turn:
            return f"[press {turn['digits']}]", self._observe(
                self._voice(Digits=str(turn["digits"]))
            )
        text = typed_text(turn.get("user", ""))
        return self._send_text(text, text)

    def _send_text(self, text: str, shown: str) -> tuple[str, Reply]:
        if self.channel == "rest":
            reply = self._rest(text)
        elif self.channel == "sms":
            reply = self._sms(text)
        else:
            reply = self._voice(SpeechResult=text, Confidence="0.9")
        return shown, self._observe(reply)

    # ------------------------------------------------------------ observing
    def tracker(self) -> Dict[str, Any]:
        response = requests.get(
            f"{self.endpoint.rasa_url}/conversations/{self.sender}/tracker",
            params={"token": self.endpoint.token},
            timeout=30,
        )
        response.raise_for_status()
        return response.json()

    def _observe(self, reply: Reply) -> Reply:
        tracker = self.tracker()
        events = tracker.get("events") or []
        new = events[self.seen_events :]
        self.seen_events = len(events)
        for event in new:
            kind = event.get("event")
            if kind == "bot":
                metadata = event.get("metadata") or {}
                name = metadata.get("utter_action")
                if name and name not in reply.actions:
                    reply.actions.append(name)
                # a second answer or a note added to the same message (language/nlg.py)
                for also in metadata.get("also_said") or []:
                    if also not in reply.actions:
                        reply.actions.append(also)
            elif kind == "action" and event.get("name") not in (None, "action_listen"):
                if event["name"] not in reply.actions:
                    reply.actions.append(event["name"])
            elif kind == "slot":
                reply.slots_set[event.get("name")] = event.get("value")
            elif kind == "user":
                reply.intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if "action_repeat_last" in reply.actions and self.last is not None:
            # the previous reply said again word for word (actions/repeat.py): it still
            # answers what that reply answered ("what?" after the schedule, blind v17)
            reply.actions += [a for a in self.last.actions if a.startswith("utter_ask_")]
        reply.active_loop = (tracker.get("active_loop") or {}).get("name")
        reply.requested_slot = (tracker.get("slots") or {}).get("requested_slot")
        reply.language = (tracker.get("slots") or {}).get("language")
        reply.screening_outcome = (tracker.get("slots") or {}).get("screening_outcome")
        self.last = reply
        return reply


# ---------------------------------------------------------------- judging
def _names_all_three(variants: List[Dict[str, Any]]) -> bool:
    """Every wording of a response gives 911, 988 and the help line (FORMAT.md's ``crisis``)."""
    texts = [str(v.get("text", "")) for v in variants or []]
    return bool(texts) and all("911" in t and "988" in t and "{helpline}" in t for t in texts)


# The crisis reply and the crisis-update replies that still give 911, 988 and the
# help line in every wording ("no narcan", "help is coming", "can't afford an
# ambulance"), and the reply to a yes to the check-in question. The check-in is not
# one (it asks before it sends anyone to 911), nor is "safe now" (it no longer presses
# for 911 in every wording).
CRISIS_RESPONSES = frozenset(
    {"utter_crisis", "utter_crisis_again"}
    | {
        name
        for name, variants in (domain_files.load_raw().get("responses") or {}).items()
        if (name.startswith("utter_crisis_update_") or name == "utter_crisis_checkin_yes")
        and _names_all_three(variants)
    }
)


def is_crisis_reply(reply: Reply) -> bool:
    """The crisis reply was said (the first reply of a conversation also names 911 and
    988 in its disclaimer, so the words alone don't tell)."""
    return bool(CRISIS_RESPONSES & set(reply.actions))


def names_emergency_numbers(reply: Reply) -> bool:
    return "911" in reply.text and "988" in reply.text


def gives_helpline(reply: Reply) -> bool:
    if HELPLINE_DIGITS in _digits(reply.text):
        return True
    if reply.dial and HELPLINE_DIGITS in _digits(reply.dial):
        return True
    return any(HELPLINE_DIGITS in _digits(str(b.get("payload", ""))) for b in reply.buttons)


def ends_screening_with_crisis(reply: Reply) -> bool:
    """The crisis reply ended the screening on this turn (data/rules/detox.yml): the
    emergency outcome, said as the crisis reply (911) rather than as a screening result."""
    return (
        is_crisis_reply(reply)
        and "action_deactivate_loop" in reply.actions
        and reply.active_loop is None
    )


def check(expect: Any, reply: Reply, channel: str) -> str | None:
    """None when the expectation holds, else why not."""
    if isinstance(expect, dict):
        ((key, value),) = expect.items()
        if key == "answers":
            topic = TOPIC_RESPONSES.get(value, f"ask_{value}")
            wanted = {f"utter_{topic}", f"utter_more_{topic}"}
            return None if wanted & set(reply.actions) else f"does not answer {value}"
        if key == "screening_outcome":
            got = reply.slots_set.get("screening_outcome")
            if value == "emergency" and got is None and ends_screening_with_crisis(reply):
                got = "emergency"  # a crisis said inside the screening ends it with 911
            if got is None and reply.active_loop is None and reply.screening_outcome == value:
                # given a turn or two earlier, as soon as the answers decided it (the form asks
                # nothing the outcome does not need), and still standing: the person has it
                # (from round 31; blind authors expected every question asked first)
                got = value
            return None if got == value else f"screening outcome {got!r}, wanted {value!r}"
        if key == "says":  # regression sets only: a fact the reply must carry
            return None if str(value).lower() in reply.text.lower() else f"does not say {value!r}"
        if key == "language":  # the conversation's language (slot) after this turn
            return (
                None
                if reply.language == value
                else f"language {reply.language!r}, wanted {value!r}"
            )
        if key == "voice_language":  # what Twilio is asked to speak and hear
            if channel != "voice":
                return None
            got = reply.voice_language
            return None if got == value else f"voice language {got!r}, wanted {value!r}"
        if key == "says_not":
            return None if str(value).lower() not in reply.text.lower() else f"says {value!r}"
        return f"unknown expectation {key}"
    name = str(expect)
    actions = set(reply.actions)
    if name == "crisis":
        ok = is_crisis_reply(reply) and names_emergency_numbers(reply)
        return None if ok else "no crisis reply (911 + 988)"
    if name == "not_crisis":
        return None if not is_crisis_reply(reply) else "crisis reply where none was needed"
    if name == "checkin":
        ok = "utter_crisis_checkin" in actions or (
            "988" in reply.text and "?" in reply.text and not is_crisis_reply(reply)
        )
        return None if ok else "no check-in question"
    if name == "helpline":
        return None if gives_helpline(reply) else "no help line"
    if name == "transfer":
        ok = reply.dial is not None and HELPLINE_DIGITS in _digits(reply.dial)
        return None if ok else "call not transferred"
    if name == "hangup":
        ok = reply.hangup or (not reply.listens and reply.dial is None)
        return None if ok else "call not ended"
    if name == "offers_help":
        cold = actions & COLD_ACTIONS
        ok = (
            bool(reply.text.strip())
            and not cold
            and ("?" in reply.text or reply.buttons or gives_helpline(reply) or reply.listens)
        )
        return None if ok else f"no warm next step ({sorted(cold) or 'no question/options'})"
    if name == "not_goodbye":
        return None if not actions & GOODBYE_ACTIONS else "said goodbye"
    if name == "offers_screening":
        ok = "detox" in reply.text.lower() or any(
            "detox" in str(b.get("payload", "")) for b in reply.buttons
        )
        return None if ok else "does not offer the screening"
    if name == "screening_question":
        ok = reply.active_loop == "detox_screening_form" and bool(reply.requested_slot)
        return None if ok else "screening is not asking"
    if name == "callback_question":
        ok = reply.active_loop == "callback_form" and bool(reply.requested_slot)
        return None if ok else "callback request is not asking"
    if name == "form_stopped":
        return None if reply.active_loop is None else f"form {reply.active_loop} still running"
    if name == "warm_fallback":
        ok = gives_helpline(reply) and not is_crisis_reply(reply)
        return None if ok else "fallback without the help line"
    if name == "spanish":
        return None if is_spanish(reply.text) else "no Spanish line"
    return f"unknown expectation {name}"


def saved_callbacks(endpoint: Endpoint, sender: str) -> List[Dict[str, Any]]:
    if not endpoint.app_db.exists():
        return []
    with sqlite3.connect(endpoint.app_db) as db:
        db.row_factory = sqlite3.Row
        try:
            rows = db.execute(
                "SELECT * FROM callback_requests WHERE conversation_id = ?", (sender,)
            ).fetchall()
        except sqlite3.OperationalError:
            return []
    # a request the person withdrew ("actually, don't call me") is not a saved request
    return [dict(r) for r in rows if r["outcome"] != WITHDRAWN_OUTCOME]


def close_requests(endpoint: Endpoint, sender: str) -> None:
    """The help line has handled this conversation's requests: authors reuse example
    numbers (312-555-0187), and a later conversation's request for a number with an open
    request is merged into that one (store/callbacks.py), so it would be saved under the
    earlier conversation and look unsaved (blind v15, b-v12)."""
    if not endpoint.app_db.exists():
        return
    with sqlite3.connect(endpoint.app_db) as db:
        try:
            db.execute(
                "UPDATE callback_requests SET status = 'closed' WHERE conversation_id = ?",
                (sender,),
            )
        except sqlite3.OperationalError:
            return


# a time in the person's words that names one part of the day is that part of the day:
# "mornings, he leaves for work at 7" or "en la mañana antes de las 11" for `morning`
_PARTS_OF_DAY = {
    "morning": re.compile(r"\b(?:mornings?|ma[nñ]anas?|a\.?m\.?)\b"),
    "afternoon": re.compile(r"\b(?:afternoons?|tardes?|p\.?m\.?)\b"),
    "evening": re.compile(r"\b(?:evenings?|nights?|tonight|noches?)\b"),
}


def names_part_of_day(saved: str, wanted: str) -> bool:
    """Whether the saved words name ``wanted`` and no other part of the day."""
    named = {part for part, words in _PARTS_OF_DAY.items() if words.search(saved.lower())}
    return named == {wanted}


def check_end(expect: Any, endpoint: Endpoint, session: Session) -> str | None:
    rows = saved_callbacks(endpoint, session.sender)
    if expect == "no_callback_saved":
        return None if not rows else f"{len(rows)} callback request(s) saved"
    if isinstance(expect, dict) and "callback_saved" in expect:
        if not rows:
            return "no callback request saved"
        want = expect["callback_saved"] or {}
        row = rows[-1]
        problems = []
        if "phone" in want and row["phone_number"] != want["phone"]:
            problems.append(f"phone {row['phone_number']} != {want['phone']}")
        if "best_time" in want:
            wanted = str(want["best_time"]).lower()
            fixed = {"now", "morning", "afternoon", "evening"}
            got = str(row["best_time"]).lower()
            if wanted in fixed and got != wanted and not names_part_of_day(got, wanted):
                problems.append(f"best_time {got!r} != {wanted!r}")
            if wanted not in fixed and got in fixed | {"any time", "skip", "yes", "no"}:
                problems.append(f"best_time {got!r}, wanted the person's words ({wanted!r})")
        if "name" in want:
            wanted_name = want["name"]
            got_name = row["first_name"]
            if wanted_name in (None, "none"):
                if got_name:
                    problems.append(f"name {got_name!r} saved, none given")
            elif str(got_name or "").lower() != str(wanted_name).lower():
                problems.append(f"name {got_name!r} != {wanted_name!r}")
        if "consent" in want:
            wanted_consent = str(want["consent"]).lower() in ("yes", "true")
            if bool(row["consent_to_text"]) != wanted_consent:
                problems.append(f"consent {bool(row['consent_to_text'])} != {wanted_consent}")
        return "; ".join(problems) or None
    return f"unknown end expectation {expect}"


def is_crisis_expectation(expects: List[Any]) -> bool:
    return any(e in ("crisis", "checkin") for e in expects)


def _own_number(conversation: Dict[str, Any]) -> tuple[Dict[str, Any], str | None]:
    """The conversation with a number of its own.

    Authors reuse example numbers, and two conversations from one number would
    share one SMS/voice conversation (ids are keyed by number): each run gets
    a fresh number, and expectations naming the author's number follow it.
    """
    stated = conversation.get("from")
    if not stated or conversation.get("channel", "rest") == "rest":
        return conversation, stated
    fresh = _random_phone()
    ends = []
    for expect in conversation.get("end") or []:
        saved = isinstance(expect, dict) and expect.get("callback_saved")
        if saved and saved.get("phone") == stated:
            expect = {"callback_saved": {**saved, "phone": fresh}}
        ends.append(expect)
    return {**conversation, "from": fresh, "end": ends}, fresh


def run_conversation(endpoint: Endpoint, conversation: Dict[str, Any]) -> ConversationResult:
    original = conversation
    conversation, number = _own_number(conversation)
    channel = conversation.get("channel", "rest")
    session = Session(endpoint, channel, number)
    turns: List[TurnResult] = []
    try:
        if channel == "voice":
            session._observe(session.start_call())
        for turn in conversation.get("turns") or []:
            shown, reply = session.send(turn)
            expects = list(turn.get("expect") or [])
            failures = [f for f in (check(e, reply, channel) for e in expects) if f]
            earlier = any(
                isinstance(e, dict)
                and "screening_outcome" in e
                and "screening_outcome" not in reply.slots_set
                and reply.screening_outcome == e["screening_outcome"]
                for e in expects
            )
            turns.append(
                TurnResult(shown, reply, failures, is_crisis_expectation(expects), earlier)
            )
        end = [
            f for f in (check_end(e, endpoint, session) for e in conversation.get("end") or []) if f
        ]
        close_requests(endpoint, session.sender)
    except Exception as error:  # a transport failure fails the conversation, with its reason
        return ConversationResult(original, turns, [], error=repr(error))
    return ConversationResult(original, turns, end)


@dataclass
class Summary:
    results: List[ConversationResult]

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.results)

    def crisis_turns(self) -> tuple[int, int]:
        turns = [t for r in self.results for t in r.turns if t.crisis_turn]
        return sum(not t.failures for t in turns), len(turns)

    def callback_saves(self) -> tuple[int, int]:
        wanted = [
            r
            for r in self.results
            if any(
                isinstance(e, dict) and "callback_saved" in e
                for e in r.conversation.get("end") or []
            )
        ]
        ok = sum(
            not r.error and not any("no callback request saved" in f for f in r.end_failures)
            for r in wanted
        )
        return ok, len(wanted)

    def by(self, key: str) -> Dict[str, tuple[int, int]]:
        groups: Dict[str, List[ConversationResult]] = {}
        for r in self.results:
            groups.setdefault(str(r.conversation.get(key)), []).append(r)
        return {k: (sum(x.passed for x in v), len(v)) for k, v in sorted(groups.items())}

    def report(self, title: str) -> str:
        crisis_ok, crisis_n = self.crisis_turns()
        saves_ok, saves_n = self.callback_saves()
        lines = [
            f"{title}: {self.passed}/{self.total} conversations pass "
            f"({100 * self.passed / max(self.total, 1):.1f} %)",
            f"  crisis turns: {crisis_ok}/{crisis_n}; "
            f"callback requests saved: {saves_ok}/{saves_n}",
        ]
        earlier = sum(t.outcome_given_earlier for r in self.results for t in r.turns)
        if earlier:
            # from round 31: an outcome given a turn or more before the one that expected it
            lines.append(
                f"  screening outcomes given before the turn that expected them: {earlier}"
            )
        for key in ("channel", "source"):
            parts = ", ".join(f"{k} {ok}/{n}" for k, (ok, n) in self.by(key).items())
            lines.append(f"  by {key}: {parts}")
        return "\n".join(lines)
