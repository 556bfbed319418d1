"""Voice replies: options read aloud, keys and words, transfers, escaping, length."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from iop_assistant.channels.voice_twiml import (
    MAX_OPTIONS,
    MAX_SAY_CHARS,
    MAX_SPOKEN_CHARS,
    NUMBER_ENTRY_TIMEOUT,
    asks_for_slower,
    asks_for_the_number,
    choose,
    dial,
    gather,
    render_prompt,
    speakable,
    speed_asked,
    wants_crisis_line,
    wants_helpline,
)

URL = "https://assistant.example.org/webhooks/voice/webhook"
FAQ = {
    "text": "Intensive outpatient (IOP) is structured treatment. Want to know more?",
    "buttons": [
        {"title": "Tell me more", "payload": "/ask_more"},
        {"title": "Do I need detox first?", "payload": "/request_detox_screening"},
        {"title": "Call (888) 783-3291", "payload": "tel:+18887833291"},
    ],
}


def parse(twiml: str) -> ET.Element:
    root = ET.fromstring(twiml)
    assert root.tag == "Response"
    return root


def test_buttons_are_read_as_options_and_tel_buttons_as_numbers():
    prompt = render_prompt([FAQ])
    assert [o["payload"] for o in prompt.options] == ["/ask_more", "/request_detox_screening"]
    assert prompt.closing == ["Say or press 1 for Tell me more, or 2 for Do I need detox first?"]
    assert prompt.sayings[-1] == "Call (888) 783-3291."
    spoken = " ".join(prompt.sayings + prompt.closing)
    assert "tel:" not in spoken and "/ask" not in spoken


def test_tel_button_left_out_when_the_text_says_the_number():
    message = {"text": "Call 911 now or our help line at (888) 783-3291.", "buttons": []}
    message["buttons"] = [
        {"title": "Call 911", "payload": "tel:911"},
        {"title": "Call (888) 783-3291", "payload": "tel:+18887833291"},
    ]
    prompt = render_prompt([message])
    assert prompt.sayings == [message["text"]] and prompt.options == []


def test_options_capped_so_0_and_9_stay_free():
    buttons = [{"title": f"Choice {n}", "payload": f"/c{n}"} for n in range(12)]
    prompt = render_prompt([{"text": "Pick", "buttons": buttons}])
    assert len(prompt.options) == MAX_OPTIONS
    assert prompt.options[-1]["number"] == "8"


def test_choosing_by_key_words_or_number_word():
    options = render_prompt([FAQ]).options
    assert choose("", "2", options)["payload"] == "/request_detox_screening"
    assert choose("Tell me more.", "", options)["payload"] == "/ask_more"
    assert choose("one", "", options)["payload"] == "/ask_more"
    assert choose("Option 2", "", options)["number"] == "2"
    assert choose("what does it cost", "", options) is None
    assert choose("", "7", options) is None
    assert choose("1", "", []) is None


def test_handoff_words_and_keys():
    for said in (
        "Representative",
        "operator please",
        "I want to talk to someone",
        "can I speak to a person",
        "help line",
        "Helpline!",
        # after a transfer nobody answered (role-play 2026-12-04)
        "can you try them again",
        "could you try again please",
    ):
        assert wants_helpline(said, ""), said
    assert not wants_helpline("i relapsed and i want to try again with the program", "")
    assert wants_helpline("", "0")
    assert not wants_helpline("what are the hours", "")
    assert not wants_helpline("personal question", "")
    assert not wants_helpline("", "1")
    assert wants_crisis_line("", "9") and wants_crisis_line("988", "")
    assert not wants_crisis_line("", "1")
    assert wants_crisis_line("yes 988 please", None)
    assert wants_crisis_line("can you connect me to the 988 line right now please", None)
    # a question about 988 is answered, not dialled (voice role-play 2026-12-04)
    assert not wants_crisis_line("I don't know. if I call 988 are they gonna send the cops?", None)
    assert not wants_crisis_line("does 988 send police", None)
    assert not wants_crisis_line("si llamo al 988 me mandan a la policia", None)


def test_gather_listens_for_speech_and_one_key_at_the_webhook():
    prompt = render_prompt([FAQ])
    root = parse(gather(URL, prompt.sayings, prompt.closing, hints=["Tell me more"]))
    listen = root.find("Gather")
    assert listen is not None
    assert listen.get("input") == "speech dtmf" and listen.get("action") == URL
    assert listen.get("speechTimeout") == "auto" and listen.get("numDigits") == "1"
    assert listen.get("actionOnEmptyResult") == "true"
    says = [s.text for s in listen.findall("Say")]
    assert says[0].startswith("Intensive outpatient") and says[-1].startswith("Say or press 1")
    assert root.find("Redirect").text == URL


def test_dial_says_then_transfers_then_gives_the_number_if_unanswered():
    root = parse(dial(["Connecting you now."], "+18887833291", "Please call (888) 783-3291."))
    assert [child.tag for child in root] == ["Say", "Dial", "Say", "Hangup"]
    assert root.find("Dial").text == "+18887833291"
    assert root.findall("Say")[0].text == "Connecting you now."


def test_text_is_escaped_and_made_speakable():
    nasty = 'Tom & Jerry <script>alert("x")</script> ]]> **bold** \U0001f600\nnext'
    twiml = gather(URL + "?a=1&b=2", [nasty])
    assert "<script>" not in twiml and "&amp;" in twiml
    root = parse(twiml)
    said = root.find("Gather/Say").text
    assert said == 'Tom & Jerry <script>alert("x")</script> ]]> bold next'
    assert root.find("Gather").get("action") == URL + "?a=1&b=2"
    assert speakable("a\u200d\ufe0f b\t\tc") == "a b c"


def test_long_text_is_split_and_capped_but_options_are_kept():
    long_text = " ".join(["word"] * 2000)  # 9,999 characters
    prompt = render_prompt([{"text": long_text, "buttons": FAQ["buttons"]}])
    root = parse(gather(URL, prompt.sayings, prompt.closing))
    says = [s.text for s in root.iter("Say")]
    assert all(0 < len(s) <= MAX_SAY_CHARS for s in says)
    assert sum(len(s) for s in says) <= MAX_SPOKEN_CHARS
    assert says[-1].startswith("Say or press 1 for Tell me more")
    assert all(s.split()[-1].startswith("word") for s in says[:-2]), "cut between words"


def test_a_number_question_listens_for_many_keys_ended_by_pound():
    entry = ET.fromstring(gather("https://x/next", ["What number?"], number_entry=True))
    keys = entry.find("Gather")
    assert keys is not None
    assert keys.get("finishOnKey") == "#" and keys.get("numDigits") is None
    assert keys.get("timeout") == str(NUMBER_ENTRY_TIMEOUT)
    option = ET.fromstring(gather("https://x/next", ["Pick one"])).find("Gather")
    assert option is not None and option.get("numDigits") == "1"
    assert option.get("finishOnKey") is None and option.get("timeout") is None


def test_try_again_retries_and_a_callback_is_not_a_transfer():
    # voice role-play 2026-12-04: "try again" (the prompt's own words) got a menu, and "a real
    # person to call me back tomorrow" was transferred at once
    assert wants_helpline("try again", "")
    assert not wants_helpline(
        "Oh dear. I think I'd like a real person to call me back. Tomorrow morning.", ""
    )
    assert not wants_helpline("can a person call me back", "")
    assert wants_helpline("can i talk to a real person", "")


def test_asking_when_the_help_line_answers_is_not_a_transfer():
    """v11 b-20: "if I call that help line, when do they actually pick up" was transferred."""
    for asked in (
        "and if I call that help line, when do they actually pick up",
        "is the help line open at night",
        "what hours can I reach the help line",
    ):
        assert not wants_helpline(asked, ""), asked
    assert wants_helpline("transfer me to the help line", "")


def test_said_again_slower_is_one_sentence_at_a_time_with_pauses():
    """Caller role-plays rounds 30 and 31: "say that again slower" was read at the same speed."""
    assert asks_for_slower("can you say that again slower")
    assert asks_for_slower("mas despacio por favor")
    assert not asks_for_slower("what are the hours")
    text = "IOP meets 3 to 5 days a week. Sessions are about 3 hours. Call us any time."
    quick = gather("/next", [text])
    slow = gather("/next", [text], slowly=True)
    assert "<Pause" not in quick
    assert slow.count("<Pause") == 3
    assert slow.count("<Say") == 3


def test_988_asked_for_plainly_is_the_crisis_line_but_a_question_about_it_is_not():
    """Caller role-play round 32: a widower asked for 988 four times and got the help line."""
    from iop_assistant.channels.voice_twiml import tells_of_danger, wants_crisis_line

    assert wants_crisis_line(
        "Well nobody answered. I suppose put me through to that 988 then.", None
    )
    assert wants_crisis_line("The crisis line. Nine eight eight.", None)
    assert not wants_crisis_line("is 988 only for suicide", None)
    assert not wants_crisis_line("what does 988 do", None)
    assert tells_of_danger(
        "I just want to talk to somebody. Some days I don't want to be here anymore."
    )
    assert not tells_of_danger("can I talk to a person about my son")


@pytest.mark.parametrize(
    "words, expected",
    [
        ("ugh, just try again", True),
        ("can you try again please", True),
        ("i want to try again to quit", False),
        ("hello? is this a real person?", False),
        ("are you a robot or what", False),
        ("okay. and if I call that help line later is that a real person who picks up?", False),
        ("i want a real person", True),
    ],
)
def test_round35_transfers_only_when_asked(words, expected):
    # caller role-play round 35: "ugh, just try again" was not understood, and asking whether
    # a person is answering transferred the call three times
    assert wants_helpline(words, "") is expected


def test_my_number_back_is_not_the_help_lines():
    assert not asks_for_the_number("wait, can you read that number back to me?")
    assert asks_for_the_number("what was that phone number? say it slower")


def test_slower_is_kept_until_faster_is_asked():
    """Caller role-play round 36: "slower please" lasted one answer."""
    assert speed_asked("slower please", False)
    assert speed_asked("how long is it", True)
    assert not speed_asked("you can go faster now", True)
    assert not speed_asked("mas rapido por favor", True)
    assert not speed_asked("how long is it", False)
