"""SMS formatting: numbered options, tel: buttons, splitting, keywords."""

from __future__ import annotations

import unicodedata

import pytest

from iop_assistant.channels.options import select_option, tel_line
from iop_assistant.channels.sms_format import (
    KEYWORD_HELP,
    KEYWORD_START,
    KEYWORD_STOP,
    MAX_SEGMENTS,
    MAX_SMS_CHARS,
    keyword_of,
    render_message,
    render_reply,
    segment,
    sms_length,
    split_words,
)

FAQ_BUTTONS = [
    {"title": "Tell me more", "payload": "/ask_more"},
    {"title": "Is IOP right for me?", "payload": "/ask_who_benefits"},
    {"title": "Call (888) 783-3291", "payload": "tel:+18887833291"},
    {"title": "Talk to someone", "payload": "/request_human"},
]


def test_buttons_become_numbered_options_after_the_text():
    text, options = render_message("IOP is a program.", FAQ_BUTTONS)
    assert text.startswith("IOP is a program.\n\n")
    assert "Reply 1 for Tell me more, 2 for Is IOP right for me?, 3 for Talk to someone." in text
    assert [o["payload"] for o in options] == ["/ask_more", "/ask_who_benefits", "/request_human"]
    assert [o["number"] for o in options] == ["1", "2", "3"]
    assert "/ask_more" not in text and "tel:" not in text, "no raw payloads in a text"


def test_tel_button_is_a_plain_number_not_an_option():
    text, options = render_message("Our IOP does not offer detox.", FAQ_BUTTONS[2:3])
    assert options == []
    assert text.endswith("\n\nCall (888) 783-3291")
    assert "Reply" not in text


def test_tel_line_adds_the_number_when_the_title_lacks_it():
    assert tel_line({"title": "Talk to us now", "payload": "tel:+18887833291"}) == (
        "Talk to us now: (888) 783-3291"
    )
    assert tel_line({"title": "Call 911", "payload": "tel:911"}) == "Call 911"
    assert tel_line({"title": "", "payload": "tel:988"}) == "988"


def test_tel_buttons_already_in_the_text_are_not_repeated():
    crisis = "Call 911 now. If you're thinking about suicide, call or text 988. Us: (888) 783-3291."
    buttons = [
        {"title": "Call 911", "payload": "tel:911"},
        {"title": "Call or text 988", "payload": "tel:988"},
        {"title": "Call (888) 783-3291", "payload": "tel:+18887833291"},
    ]
    text, options = render_message(crisis, buttons)
    assert text == crisis and options == []


def test_only_the_last_question_offers_options_numbered_from_one():
    """An answer followed by the question again: the question keeps its numbers, so "4"
    means what it meant in the message the person read (issue 12)."""
    texts, options = render_reply(
        [
            {"text": "Hi, I'm an automated assistant."},
            {"text": "First?", "buttons": FAQ_BUTTONS[:1]},
            {"text": "Second?", "buttons": [{"title": "Yes", "payload": "Yes"}]},
        ]
    )
    assert texts[1] == "First?"
    assert texts[2].endswith("Reply 1 for Yes.")
    assert [o["number"] for o in options] == ["1"]


def test_earlier_tel_buttons_stay_as_lines():
    texts, _ = render_reply(
        [
            {"text": "Answer.", "buttons": [{"title": "Call 988", "payload": "tel:988"}]},
            {"text": "Question?", "buttons": [{"title": "Yes", "payload": "Yes"}]},
        ]
    )
    assert "988" in texts[0]


@pytest.mark.parametrize(
    "reply, payload",
    [
        ("1", "/ask_more"),
        (" 2 ", "/ask_who_benefits"),
        ("#3", "/request_human"),
        ("3.", "/request_human"),
        ("tell me more", "/ask_more"),
        ("TELL ME MORE!", "/ask_more"),
        ("is iop right for me", "/ask_who_benefits"),
        # texter role-play 2026-12-04: "ok 2" started the option numbered 1
        ("ok 2", "/ask_who_benefits"),
        ("option 3", "/request_human"),
        ("1 pls", "/ask_more"),
    ],
)
def test_reply_selects_an_option(reply, payload):
    _, options = render_message("x", FAQ_BUTTONS)
    assert select_option(reply, options)["payload"] == payload


@pytest.mark.parametrize(
    "reply", ["4", "0", "", "tell me more about cost", "12", None, "ok 12", "ok", "2 kids"]
)
def test_other_replies_select_nothing(reply):
    _, options = render_message("x", FAQ_BUTTONS)
    assert select_option(reply, options) is None


def test_short_reply_is_one_segment():
    assert segment(["Hello.", "Reply 1 for Yes."]) == ["Hello.\n\nReply 1 for Yes."]


def test_long_reply_splits_on_word_boundaries_within_limits():
    words = [f"word{i}" for i in range(600)]  # ~4,500 characters
    parts = segment([" ".join(words)])
    assert 1 < len(parts) <= MAX_SEGMENTS
    assert all(sms_length(p) <= MAX_SMS_CHARS for p in parts)
    rejoined = " ".join(parts).split()
    assert rejoined == words, "no word is cut or lost"


def test_reply_longer_than_three_messages_is_cut_with_an_ellipsis():
    parts = segment(["lorem ipsum " * 1000])
    assert len(parts) == MAX_SEGMENTS
    assert all(sms_length(p) <= MAX_SMS_CHARS for p in parts)
    assert parts[-1].endswith("...")
    assert not parts[-1][:-3].endswith(("lor", "ips")), "cut between words"


def test_messages_are_packed_without_splitting_when_they_fit():
    texts = ["a" * 900, "b" * 900, "c" * 100]
    parts = segment(texts)
    assert parts == ["a" * 900, "b" * 900 + "\n\n" + "c" * 100]


@pytest.mark.parametrize("emoji", ["😀", "👍🏽", "👩‍👩‍👧", "❤️"])
def test_emoji_are_counted_in_utf16_units_and_never_broken(emoji):
    text = emoji * 2000
    parts = segment([text])
    assert len(parts) <= MAX_SEGMENTS
    assert all(sms_length(p) <= MAX_SMS_CHARS for p in parts)
    for part in parts:
        body = part[:-3] if part.endswith("...") else part
        assert body and body.replace(emoji, "") == "", "only whole emoji in every message"
        assert not unicodedata.category(body[0]).startswith("M")


def test_split_words_keeps_short_text():
    assert split_words("one two") == ["one two"]
    assert split_words("   ") == []


@pytest.mark.parametrize(
    "text", ["STOP", "stop", " Stop ", "StopAll", "UNSUBSCRIBE", "cancel", "End", "quit", "STOP."]
)
def test_opt_out_keywords(text):
    assert keyword_of(text)[0] == KEYWORD_STOP


@pytest.mark.parametrize("text", ["START", "unstop", "Yes"])
def test_opt_in_keywords(text):
    assert keyword_of(text)[0] == KEYWORD_START


@pytest.mark.parametrize("text", ["HELP", "help", "Info", " INFO? "])
def test_help_keywords(text):
    assert keyword_of(text)[0] == KEYWORD_HELP


@pytest.mark.parametrize(
    "text",
    [
        "I want to stop drinking",
        "how do I stop",
        "stop it",
        "please help",
        "help me",
        "s t o p",
        "stopping",
        "",
        None,
        "🛑",
    ],
)
def test_not_keywords(text):
    assert keyword_of(text) is None
