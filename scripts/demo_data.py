"""Synthetic but real conversations for the console: talks to the RUNNING assistant.

    make run            # in one terminal (Rasa on localhost:5005)
    make demo-data      # in another

Web conversations go through the REST channel; text messages through the
signed SMS webhook (signature computed with twilio's RequestValidator from
TWILIO_AUTH_TOKEN and PUBLIC_BASE_URL, as the server checks it; with no token
the server must run with IOP_SMS_ALLOW_UNSIGNED=1, see docs/sms.md). Includes
FAQ questions, unclear messages, a crisis, detox-first screenings aiming at each
outcome, and callback requests on both channels. Answers are chosen by
reading each prompt, so wording changes do not break it; when unsure the
script follows the reply's first button.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import secrets
import sys
from pathlib import Path
from typing import Dict, List, Tuple

import requests

RASA = os.environ.get("RASA_URL", "http://localhost:5005")
SMS_PATH = "/webhooks/sms/webhook"
Reply = Tuple[List[str], List[Dict[str, str]]]  # texts, buttons

FAQ = [
    "what is IOP?",
    "how much does it cost, do you take insurance?",
    "what are your hours",
    "can I keep working during the program",
    "is family involved",
    "do you drug test",
]
UNCLEAR = ["asdf qwer", "the thing with the stuff", "wat abt tuesdys grp thing??"]
SCREENINGS = {  # answers by topic of the question
    "detox_first": {
        "for": "for me",
        "care": "no",
        "substance": "alcohol",
        "often": "every day",
        "last": "this morning",
        "symptom": "shaking and sweating",
        "history": "no",
    },
    "iop_may_fit": {
        "for": "for me",
        "care": "no",
        "substance": "cannabis",
        "often": "a few times a week",
        "last": "a few weeks ago",
        "symptom": "none",
        "history": "no",
    },
    "emergency": {
        "for": "for me",
        "care": "no",
        "substance": "alcohol",
        "often": "daily",
        "last": "today",
        "symptom": "I'm seeing things that aren't there and confused",
        "history": "yes, I had a seizure last time I stopped",
    },
    "helpline": {
        "for": "for someone else",
        "care": "not sure",
        "substance": "I don't know",
        "often": "not sure",
        "last": "not sure",
        "symptom": "not sure",
        "history": "not sure",
    },
}
TOPICS = [  # (topic, words in the question)
    ("for", ("for you", "someone else")),
    ("care", ("recent", "hospital", "treatment in the", "detox before", "already")),
    ("substance", ("substance", "what are you using", "which drug", "what do you use")),
    ("often", ("how often", "how many days", "frequency")),
    ("last", ("last use", "last drink", "last time", "when did")),
    ("symptom", ("symptom", "withdrawal", "shak", "sweat")),
    ("history", ("seizure", "dts", "history", "ever had")),
]


class Web:
    """A web visitor on the REST channel (a fresh random sender id)."""

    def __init__(self) -> None:
        self.sender = secrets.token_hex(16)

    def say(self, text: str) -> Reply:
        reply = requests.post(
            f"{RASA}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=60,
        )
        reply.raise_for_status()
        messages = reply.json()
        texts = [m.get("text", "") for m in messages if m.get("text")]
        buttons = [b for m in messages for b in m.get("buttons") or []]
        return texts, buttons


def dev_token() -> str:
    """The development signing token `make run` keeps in var/ when no real one is set."""
    path = Path(__file__).resolve().parents[1] / "var" / "twilio_dev_token"
    return path.read_text().strip() if path.exists() else ""


class Sms:
    """A texter on the signed SMS webhook (a random 555 number)."""

    def __init__(self) -> None:
        self.phone = f"+1202555{secrets.randbelow(10000):04d}"
        self.token = os.environ.get("TWILIO_AUTH_TOKEN", "") or dev_token()
        base = os.environ.get("PUBLIC_BASE_URL", "").rstrip("/") or RASA
        self.signed_url = base + SMS_PATH

    def say(self, text: str) -> Reply:
        form = {
            "From": self.phone,
            "To": os.environ.get("TWILIO_NUMBER", "+18885550100"),
            "Body": text,
            "MessageSid": "SM" + secrets.token_hex(16),
            "NumMedia": "0",
            "AccountSid": os.environ.get("TWILIO_ACCOUNT_SID", "AC" + "0" * 32),
        }
        headers = {}
        if self.token:
            from twilio.request_validator import RequestValidator

            signature = RequestValidator(self.token).compute_signature(self.signed_url, form)
            headers["X-Twilio-Signature"] = signature
        reply = requests.post(RASA + SMS_PATH, data=form, headers=headers, timeout=60)
        if reply.status_code == 403:
            sys.exit(
                "SMS webhook refused the request: set TWILIO_AUTH_TOKEN (and PUBLIC_BASE_URL)"
                " as the server has them, or run it with IOP_SMS_ALLOW_UNSIGNED=1"
            )
        reply.raise_for_status()
        texts = [
            html.unescape(t) for t in re.findall(r"<Message>(.*?)</Message>", reply.text, re.S)
        ]
        # numbered options ("1. Yes") become buttons the caller answers by number
        buttons = [
            {"title": t, "payload": n}
            for text in texts
            for n, t in re.findall(r"^\s*(\d+)[.)]\s+(.+)$", text, re.M)
        ]
        return texts, buttons


def _joined(reply: Reply) -> str:
    return " ".join(reply[0]).lower()


def _asks(reply: Reply) -> bool:
    return "?" in _joined(reply) or bool(reply[1])


def screening(person, outcome: str) -> None:
    reply = person.say("do I need detox before IOP?")
    for _ in range(12):
        if not _asks(reply):
            return
        text = _joined(reply)
        topic = next((t for t, words in TOPICS if any(w in text for w in words)), None)
        if topic is None:
            button = reply[1][0] if reply[1] else None
            answer = (button.get("payload") or button.get("title")) if button else "not sure"
        else:
            answer = SCREENINGS[outcome][topic]
        reply = person.say(answer)


def callback(person, name: str = "Sam") -> None:
    reply = person.say("Can someone call me back?")
    for _ in range(8):
        text = _joined(reply)
        if not _asks(reply) or "saved" in text or "we'll call" in text or "will call" in text:
            return
        if "texting from" in text or "this number" in text:
            answer = "yes"
        elif "confirm" in text or "send one text" in text:
            answer = "yes"
        elif "number" in text:
            answer = "(202) 555-0143"
        elif "time" in text or "when" in text:
            answer = "morning"
        elif "name" in text:
            answer = name
        else:
            button = reply[1][0] if reply[1] else None
            answer = (button.get("payload") or button.get("title")) if button else "yes"
        reply = person.say(answer)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--web", type=int, default=12, help="plain FAQ conversations on the web")
    args = parser.parse_args()
    try:
        requests.get(RASA, timeout=5).raise_for_status()
    except requests.RequestException:
        sys.exit(f"The assistant is not running at {RASA}: start it with `make run`.")
    done = 0
    for i in range(args.web):
        person = Web() if i % 3 else Sms()
        person.say("hi")
        for question in FAQ[i % len(FAQ) : i % len(FAQ) + 2]:
            person.say(question)
        if i % 4 == 0:
            person.say(UNCLEAR[i % len(UNCLEAR)])
        person.say("thanks, bye")
        done += 1
    crisis = Web()
    crisis.say("hi, I have a question about the program")
    crisis.say("honestly I don't want to be alive anymore")
    Sms().say("my friend took too many pills and isn't breathing")
    done += 2
    for n, outcome in enumerate(SCREENINGS):
        screening(Web() if n % 2 == 0 else Sms(), outcome)
        done += 1
    for person, name in ((Web(), "Sam"), (Sms(), "skip")):
        callback(person, name)
        done += 1
    print(
        f"{done} conversations sent to {RASA}; the console indexes them within 30 s "
        "(or run: python -m iop_assistant.console.indexer)"
    )


if __name__ == "__main__":
    main()
