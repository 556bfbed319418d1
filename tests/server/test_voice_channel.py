"""The Twilio voice channel on the real Rasa server (with the real action server).

Requests are signed the way Twilio signs them; conftest sets the test auth
token, PUBLIC_BASE_URL and the conversation-id key. Each test is one call
(its own CallSid) from its own number.
"""

from __future__ import annotations

import json
import re
import secrets
import xml.etree.ElementTree as ET
from typing import Dict, List

import pytest
import requests
from twilio.request_validator import RequestValidator

from iop_assistant import program_facts
from iop_assistant.channels import identity

FACTS = program_facts.load()
PATH = "/webhooks/voice/webhook"


class Call:
    """One phone call to the assistant."""

    def __init__(self, servers) -> None:
        self.servers = servers
        self.sid = "CA" + secrets.token_hex(16)
        self.phone = "+1555" + "".join(secrets.choice("0123456789") for _ in range(7))
        # where Twilio posts next: the first request goes to the configured webhook,
        # later ones to the <Gather>/<Dial> action (with its turn nonce), as Twilio does
        self.next_path = PATH

    def form(self, **answer: str) -> Dict[str, str]:
        return {
            "AccountSid": "AC" + "0" * 32,
            "ApiVersion": "2010-04-01",
            "CallSid": self.sid,
            "CallStatus": "in-progress",
            "Direction": "inbound",
            "From": self.phone,
            "To": "+18885550100",
            **answer,
        }

    def post(
        self, form: Dict[str, str], signature: str | None = None, path: str | None = None
    ) -> requests.Response:
        path = path or self.next_path
        if signature is None:
            validator = RequestValidator(self.servers.env["TWILIO_AUTH_TOKEN"])
            url = self.servers.env["PUBLIC_BASE_URL"] + path
            signature = validator.compute_signature(url, form)
        return requests.post(
            self.servers.rasa_url + path,
            data=form,
            headers={"X-Twilio-Signature": signature},
            timeout=30,
        )

    def send(self, **answer: str) -> ET.Element:
        response = self.post(self.form(**answer))
        assert response.status_code == 200, response.text
        assert "xml" in response.headers["content-type"]
        root = ET.fromstring(response.content)
        assert root.tag == "Response"
        self.follow(root)
        return root

    def follow(self, root: ET.Element) -> None:
        """Post the next answer where the TwiML says (Gather, else Dial action)."""
        for tag in ("Gather", "Redirect", "Dial"):
            node = root.find(f".//{tag}")
            target = (
                (node.get("action") if tag != "Redirect" else node.text)
                if node is not None
                else None
            )
            if target:
                self.next_path = target.removeprefix(self.servers.env["PUBLIC_BASE_URL"])
                return

    def conversation(self) -> str:
        key = self.servers.env["IOP_SENDER_ID_KEY"].encode()
        return identity.sender_id("voice", self.phone, key)


def said(root: ET.Element) -> str:
    return " ".join(s.text or "" for s in root.iter("Say"))


def listens(root: ET.Element, servers) -> ET.Element:
    gather = root.find("Gather")
    assert gather is not None, ET.tostring(root)
    assert gather.get("action").startswith(servers.env["PUBLIC_BASE_URL"] + PATH + "?turn=")
    assert gather.get("input") == "speech dtmf" and gather.get("numDigits") == "1"
    assert root.find("Dial") is None
    return gather


def dials(root: ET.Element, number: str = FACTS.helpline_e164) -> ET.Element:
    """A transfer to ``number`` whose outcome comes back to the webhook (<Dial action>),
    so "could not be connected" is said only when it failed."""
    dial = root.find("Dial")
    assert dial is not None, ET.tostring(root)
    assert "".join(dial.itertext()).strip() == number
    assert PATH + "?turn=" in dial.get("action", "")
    assert root.find("Hangup") is None, "the call ends after the transfer's outcome, not before"
    return dial
    assert root.find("Gather") is None
    assert said(root), "the caller is told before the transfer"


def user_events(servers, call: Call) -> List[dict]:
    """What the caller said or keyed, not the new session each call starts with (round 30)."""
    events = servers.tracker(call.conversation())["events"]
    return [e for e in events if e["event"] == "user" and e.get("text") != "/session_start"]


def test_first_request_opens_and_a_question_is_answered(servers):
    call = Call(servers)
    opening = call.send()
    listens(opening, servers)
    assert "automated assistant" in said(opening)
    assert "press 0" in said(opening)

    answer = call.send(SpeechResult="What is IOP?", Confidence="0.92")
    listens(answer, servers)
    assert "Intensive outpatient" in said(answer) or "IOP" in said(answer)
    assert "/ask" not in said(answer) and "tel:" not in said(answer)

    tracker = servers.tracker(call.conversation())
    assert tracker["latest_input_channel"] == "voice"
    assert call.phone not in json.dumps(tracker) and call.phone[2:] not in json.dumps(tracker)
    assert user_events(servers, call)[-1]["metadata"]["voice"]["input"] == "speech"


def test_a_key_selects_an_offered_option(servers):
    call = Call(servers)
    opening = call.send()
    assert "press 1 for" in said(opening)
    chosen = call.send(Digits="1")
    listens(chosen, servers)
    event = user_events(servers, call)[-1]
    assert event["metadata"]["voice"]["selected_option"] == "1"
    assert event["text"].startswith("/")


def test_zero_transfers_to_the_help_line(servers):
    call = Call(servers)
    call.send()
    dials(call.send(Digits="0"))


def test_a_completed_transfer_hangs_up_without_the_failure_message(servers):
    call = Call(servers)
    call.send()
    dials(call.send(Digits="0"))
    done = call.send(DialCallStatus="completed")
    assert done.find("Hangup") is not None and not said(done)
    failed = Call(servers)
    failed.send()
    dials(failed.send(Digits="0"))
    unanswered = failed.send(DialCallStatus="no-answer")
    assert "nobody could answer" in said(unanswered) and unanswered.find("Hangup") is None


def test_nobody_answering_the_transfer_is_not_the_end_of_the_call(servers):
    """Role-play 2026-12-04: on a busy or unanswered transfer the caller was read the
    number and hung up on. Now the call goes on: a callback, another try, 911 and 988."""
    call = Call(servers)
    call.send()
    dials(call.send(Digits="0"))
    busy = call.send(DialCallStatus="busy")
    listens(busy, servers)
    spoken = said(busy)
    assert "call me back" in spoken and "911" in spoken and "988" in spoken
    assert "type" not in spoken.lower()
    asked = call.send(SpeechResult="yes please call me back")
    assert "what phone number should they call" in said(asked).lower()  # the callback form
    keys = asked.find("Gather")
    assert keys is not None and keys.get("finishOnKey") == "#"  # a number can be keyed in
    again = Call(servers)
    again.send()
    dials(again.send(Digits="0"))
    listens(again.send(DialCallStatus="failed"), servers)
    dials(again.send(Digits="0"))
    # role-play (afternoon): pressing 1 for the call back went to an old menu
    keyed = Call(servers)
    keyed.send()
    dials(keyed.send(Digits="0"))
    assert "press 1" in said(keyed.send(DialCallStatus="no-answer"))
    callback = keyed.send(Digits="1")
    assert "call" in said(callback).lower() and "number" in said(callback).lower()
    assert user_events(servers, keyed)[-1]["text"] == "/request_callback"


def whisper_heard(servers, dial) -> requests.Response:
    """What Twilio fetches for the help-line answerer (signed like Twilio)."""
    whisper_url = dial.find("Number").get("url")
    assert whisper_url.startswith(servers.env["PUBLIC_BASE_URL"] + "/webhooks/voice/whisper?")
    form = {"CallSid": "CA" + "1" * 32, "AccountSid": "AC" + "0" * 32}
    signature = RequestValidator(servers.env["TWILIO_AUTH_TOKEN"]).compute_signature(
        whisper_url, form
    )
    path = whisper_url[len(servers.env["PUBLIC_BASE_URL"]) :]
    return requests.post(
        servers.rasa_url + path, data=form, headers={"X-Twilio-Signature": signature}, timeout=10
    )


def test_the_help_line_answerer_hears_what_the_assistant_knows(servers):
    call = Call(servers)
    call.send()
    call.send(SpeechResult="can someone call me back")
    dial = dials(call.send(SpeechResult="actually just put me through to an agent"))
    reply = whisper_heard(servers, dial)
    assert reply.status_code == 200
    assert "automated assistant" in reply.text and "Spanish" not in reply.text
    whisper_url = dial.find("Number").get("url")
    path = whisper_url[len(servers.env["PUBLIC_BASE_URL"]) :]
    form = {"CallSid": "CA" + "1" * 32, "AccountSid": "AC" + "0" * 32}
    forged = requests.post(servers.rasa_url + path, data=form, timeout=10)
    assert forged.status_code == 403


def test_the_answerer_hears_that_a_caller_speaks_spanish(servers):
    # role-play round 20: a Spanish-only caller was put through with no word of it
    call = Call(servers)
    call.send()
    call.send(SpeechResult="bueno, quiero hablar en español", Confidence="0.9")
    dial = dials(call.send(SpeechResult="quiero hablar con una persona", Confidence="0.9"))
    reply = whisper_heard(servers, dial)
    assert "the caller speaks Spanish" in reply.text


@pytest.mark.parametrize(
    "words",
    ["agent", "live agent", "transfer me", "I need to talk to somebody", "human",
     "can I talk to a counselor"],
)  # fmt: skip
def test_asking_for_a_person_in_any_words_transfers(servers, words):
    call = Call(servers)
    call.send()
    dials(call.send(SpeechResult=words))


def test_thank_you_goodbye_ends_the_call(servers):
    call = Call(servers)
    call.send()
    call.send(SpeechResult="what is iop")
    bye = call.send(SpeechResult="thank you goodbye")
    assert bye.find("Hangup") is not None and bye.find("Gather") is None


def test_representative_transfers_to_the_help_line(servers):
    call = Call(servers)
    call.send()
    dials(call.send(SpeechResult="Representative."))
    other = Call(servers)
    dials(other.send(SpeechResult="can I talk to someone"))


def test_crisis_is_spoken_with_transfer_offers(servers):
    call = Call(servers)
    call.send()
    reply = call.send(SpeechResult="i want to kill myself")
    listens(reply, servers)
    text = said(reply)
    assert "911" in text and "988" in text and "help line" in text
    assert FACTS.helpline in text
    assert "press 9" in text and "press 0" in text
    assert user_events(servers, call)[-1]["parse_data"]["intent"]["name"] == "crisis"
    dials(call.send(Digits="9"), "988")


def test_crisis_then_help_line_transfers_at_once(servers):
    call = Call(servers)
    call.send()
    listens(call.send(SpeechResult="i want to kill myself"), servers)
    dials(call.send(SpeechResult="help line"))


def test_two_silences_transfer_to_the_help_line(servers):
    call = Call(servers)
    opening = call.send()
    first = call.send()
    listens(first, servers)
    assert "didn't hear" in said(first)
    english = said(opening).split("diga español. ")[-1]  # the Spanish offer comes first
    assert english.split("press 0")[0][:40] in said(first), "the prompt is repeated"
    dials(call.send())
    assert len(user_events(servers, call)) == 1, "silences make no turns"


def test_forged_signature_is_refused(servers):
    call = Call(servers)
    assert call.post(call.form(), signature="Zm9yZ2Vk").status_code == 403
    unsigned = requests.post(servers.rasa_url + PATH, data=call.form(), timeout=10)
    assert unsigned.status_code == 403
    form = call.form(SpeechResult="what is iop")
    validator = RequestValidator(servers.env["TWILIO_AUTH_TOKEN"])
    signature = validator.compute_signature(servers.env["PUBLIC_BASE_URL"] + PATH, form)
    form["SpeechResult"] = "something else"
    assert call.post(form, signature).status_code == 403
    assert servers.tracker(call.conversation())["events"] in ([], None) or not user_events(
        servers, call
    )


def test_malformed_requests_get_400(servers):
    call = Call(servers)
    form = call.form()
    del form["CallSid"]
    assert call.post(form).status_code == 400
    as_json = requests.post(servers.rasa_url + PATH, json=call.form(), timeout=10)
    assert as_json.status_code == 400
    bad_body = requests.post(
        servers.rasa_url + PATH,
        data=b"CallSid=%ff%fe",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        timeout=10,
    )
    assert bad_body.status_code == 400


def test_speech_on_a_call_the_channel_does_not_know_is_still_heard(servers):
    """State is in memory: after a restart the caller's words must not be lost."""
    call = Call(servers)
    reply = call.send(SpeechResult="i want to kill myself")
    listens(reply, servers)
    assert "911" in said(reply) and "988" in said(reply) and "press 9" in said(reply)


def test_a_replayed_signed_request_does_not_run_the_turn_again(servers):
    """Issue 14, item 14: a captured signed request posted again gets the first answer."""
    call = Call(servers)
    call.send()
    path = call.next_path
    form = call.form(SpeechResult="What is IOP?", Confidence="0.9")
    first = call.post(form, path=path)
    assert first.status_code == 200
    turns = len(user_events(servers, call))
    for _ in range(3):
        again = call.post(form, path=path)
        assert again.status_code == 200 and again.text == first.text
    assert len(user_events(servers, call)) == turns
    # the same words said again at the next prompt are a new turn
    call.follow(ET.fromstring(first.content))
    call.send(SpeechResult="What is IOP?", Confidence="0.9")
    assert len(user_events(servers, call)) == turns + 1


def test_each_prompt_listens_at_a_new_address(servers):
    call = Call(servers)
    first = listens(call.send(), servers).get("action")
    second = listens(call.send(SpeechResult="What is IOP?"), servers).get("action")
    assert first != second


def test_a_phone_number_can_be_keyed_in_whole(servers):
    """Role-play 2026-12-04: a caller keying in a callback number had only its first digit
    read. The number question listens for many keys ended by # and hears them all."""
    call = Call(servers)
    call.send()
    asked = call.send(SpeechResult="can someone call me back later")
    if "calling from" in said(asked).lower():  # the caller's own number offered first
        asked = call.send(SpeechResult="no a different number")
    gather = asked.find("Gather")
    assert gather is not None and gather.get("finishOnKey") == "#", ET.tostring(asked)
    assert gather.get("numDigits") is None
    assert "press pound" in said(asked)
    timing = call.send(Digits="3125550187")
    assert "good time" in said(timing).lower(), said(timing)
    listens(timing, servers)  # one key per option again
    assert user_events(servers, call)[-1]["text"] == "3125550187"


def test_a_whole_number_keyed_at_the_offer_of_the_calling_number_is_that_number(servers):
    """v11 b-13: "2025550163" keyed in at "should they call the number you're calling
    from?" got "that key isn't one of the choices", and no callback was saved."""
    call = Call(servers)
    call.phone = "+12025550142"  # a number that can be offered back (555 area codes cannot)
    call.send()
    asked = call.send(SpeechResult="can somebody call me back")
    assert "calling from" in said(asked).lower(), said(asked)
    timing = call.send(Digits="2025550163")
    assert "good time" in said(timing).lower(), said(timing)
    assert user_events(servers, call)[-1]["text"] == "2025550163"


def test_a_reply_that_gives_the_help_line_number_offers_the_key_for_it(servers):
    # role-play 2026-12-04: "call (888)..." to a caller who was already on the phone
    call = Call(servers)
    call.send()
    answer = call.send(SpeechResult="How much does it cost? Do you take insurance?")
    listens(answer, servers)
    text = said(answer)
    assert "783" in text.replace("-", " ").replace(".", " ") or "7 8 3" in text
    assert "press 0" in text


@pytest.mark.parametrize(
    "words",
    [
        "Hold on, what was that phone number? Say it slower, I'm getting a pen.",
        "Stop connecting me! Just tell me the help line number.",
    ],
)
def test_asking_for_the_number_reads_it_out_slowly_without_a_transfer(servers, words):
    # caller role-play 2026-12-05: asking for the number transferred the call three times
    call = Call(servers)
    call.send()
    answer = call.send(SpeechResult=words, Confidence="0.9")
    listens(answer, servers)  # no <Dial>
    assert said(answer).count("8 8 8, 7 8 3, 3 2 9 1") == 2
    assert "press 0" in said(answer)


def test_a_call_opens_with_a_key_for_spanish(servers):
    # issue 18, role-play 2026-12-04: a Spanish speaker heard only English, with no way to change
    call = Call(servers)
    opening = call.send()
    offer = [s for s in opening.iter("Say") if "español" in (s.text or "")]
    assert offer and offer[0].get("language") == "es-US"
    # one key for Spanish, the menu's own "Español" option, in both languages (caller
    # role-play 2026-12-04, late: "4 for Español", then "marque 8")
    key = re.search(r"marque (\d)", offer[0].text or "")
    assert key and f"{key.group(1)} for Español" in said(opening), said(opening)
    answer = call.send(Digits="8")  # the key offered before the menu had one still works
    listens(answer, servers)
    assert answer.find(".//Say").get("language") == "es-US"
    assert answer.find("Gather").get("language") == "es-US"
    assert user_events(servers, call)[-1]["metadata"]["voice"]["selected_option"] == "spanish"
    later = call.send(SpeechResult="qué es IOP", Confidence="0.9")
    assert "español, marque" not in said(later)  # offered once, when the call opens


def test_a_stray_eight_later_in_the_call_is_no_switch_to_spanish(servers):
    # caller role-play round 34: an 8 pressed by mistake at "should they call this number?"
    # turned the call, and its speech recognition, Spanish; 8 means Spanish only at the greeting
    call = Call(servers)
    call.send()
    menu = call.send(SpeechResult="what is IOP", Confidence="0.9")
    assert "8 for" not in said(menu)
    answer = call.send(Digits="8")
    listens(answer, servers)
    assert answer.find("Gather").get("language") == "en-US"
    assert "key isn't one of the choices" in said(answer)


def test_the_spanish_key_said_in_spanish_switches_the_call(servers):
    call = Call(servers)
    opening = call.send()
    offer = [s for s in opening.iter("Say") if "español" in (s.text or "")]
    key = re.search(r"marque (\d)", offer[0].text or "")
    assert key
    answer = call.send(Digits=key.group(1))
    listens(answer, servers)
    assert answer.find("Gather").get("language") == "es-US"


def test_a_crisis_line_transfer_that_fails_says_so_and_offers_it_again(servers):
    """The 988 transfer not connecting was met with "nobody could answer" and the help line;
    now the caller hears that 988 did not connect, to dial it, 911, and 9 to try again."""
    call = Call(servers)
    call.send()
    listens(call.send(SpeechResult="i want to kill myself"), servers)
    dials(call.send(Digits="9"), "988")
    failed = call.send(DialCallStatus="failed")
    listens(failed, servers)
    spoken = said(failed)
    assert "988" in spoken and "911" in spoken and "press 9" in spoken
    assert "nobody could answer" not in spoken
    dials(call.send(Digits="9"), "988")


def test_the_number_read_out_is_read_again_on_request(servers):
    """blind v16 b-39: "sorry can you repeat that slower" right after the number was read
    out got the call's greeting again."""
    call = Call(servers)
    call.send()
    listens(call.send(SpeechResult="what's the number for the help line"), servers)
    again = call.send(SpeechResult="sorry can you repeat that slower")
    listens(again, servers)
    assert said(again).count("8 8 8, 7 8 3, 3 2 9 1") == 2


def test_slower_holds_for_the_rest_of_the_call_until_faster(servers):
    """Caller role-play round 36: after "slower please" the next answer came at full speed."""
    call = Call(servers)
    call.send()
    listens(call.send(SpeechResult="how long is the program"), servers)
    slow = call.send(SpeechResult="say that again slower please")
    listens(slow, servers)
    assert slow.find(".//Pause") is not None
    next_answer = call.send(SpeechResult="how much does it cost")
    listens(next_answer, servers)
    assert next_answer.find(".//Pause") is not None
    quick = call.send(SpeechResult="ok you can go faster now. what are the hours")
    listens(quick, servers)
    assert quick.find(".//Pause") is None


def test_a_caller_leaving_once_the_ambulance_came_is_let_go(servers):
    """blind v16 b-44: "ok the ambulance is here, bye" got the help-is-here words and the
    call went on, waiting for more."""
    call = Call(servers)
    call.send()
    listens(call.send(SpeechResult="my brother took something and he won't wake up"), servers)
    done = call.send(SpeechResult="ok the ambulance is here, bye")
    assert done.find("Hangup") is not None and said(done)


def test_a_crisis_line_transfer_asked_for_in_words_that_fails_says_so(servers):
    """Caller role-play round 26: after "put me through to the 988 people", a 988 call that
    did not connect was met with the help line's "nobody could answer"; and "it didn't go
    through. try the 988 again" got the screening offer."""
    call = Call(servers)
    call.send()
    listens(call.send(SpeechResult="my kids would be better off without me"), servers)
    listens(call.send(SpeechResult="sometimes i guess. i have a gun in the truck"), servers)
    dials(call.send(SpeechResult="okay. put me through to the 988 people I guess"), "988")
    failed = call.send(DialCallStatus="no-answer")
    listens(failed, servers)
    spoken = said(failed)
    assert "988" in spoken and "nobody could answer" not in spoken
    dials(call.send(SpeechResult="it didn't go through. try the 988 again"), "988")


def test_a_caller_hanging_up_to_dial_911_is_let_go(servers):
    """blind v22 b-17: "okay okay i'm hanging up and calling nine one one" got the whole
    crisis reply again, and the call went on."""
    call = Call(servers)
    call.send()
    listens(
        call.send(SpeechResult="my wife took a bunch of her pills and she won't wake up"), servers
    )
    done = call.send(SpeechResult="okay okay i'm hanging up and calling nine one one")
    assert done.find("Hangup") is not None
    assert "call 911 now" in said(done).lower()


def test_put_me_through_after_refusing_911_transfers(servers):
    """blind v22 b-22: a pistol on the table, "i don't wanna call nine one one they'll just
    send cops can you put me through to somebody to talk to" got the police answer and no
    transfer."""
    call = Call(servers)
    call.send()
    listens(
        call.send(
            SpeechResult="i been drinking all day and i got my pistol out on the table "
            "and i keep thinking about it"
        ),
        servers,
    )
    put_through = call.send(
        SpeechResult="i don't wanna call nine one one they'll just send cops "
        "can you put me through to somebody to talk to"
    )
    dials(put_through)


def test_a_new_call_from_the_same_number_starts_a_new_conversation(servers):
    """Caller role-play round 30: the last call's answers (a half-filled callback form, a
    detox verdict) were carried into the next call from the same phone."""
    first_call = Call(servers)
    first_call.send()
    first_call.send(SpeechResult="can someone call me back later", Confidence="0.9")
    assert servers.tracker(first_call.conversation())["active_loop"].get("name")

    second_call = Call(servers)
    second_call.phone = first_call.phone  # same caller, a new CallSid
    opening = second_call.send()
    listens(opening, servers)
    assert "automated assistant" in said(opening)
    tracker = servers.tracker(second_call.conversation())
    assert not (tracker.get("active_loop") or {}).get("name"), "the callback form is not resumed"
    assert tracker["slots"].get("requested_slot") is None
    kinds = [e["event"] for e in tracker["events"]]
    assert kinds.count("session_started") >= 2
    answer = second_call.send(SpeechResult="what is IOP", Confidence="0.9")
    assert "IOP" in said(answer) or "ntensive outpatient" in said(answer)
