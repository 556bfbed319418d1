"""Phone numbers: one module reads, normalises, shows and finds them for every caller."""

from __future__ import annotations

import pytest

from iop_assistant.phone import (
    PhoneStatus,
    display,
    mentions_number,
    normalise_number,
    parse_phone_answer,
    same_number,
)


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("+18887833291", "(888) 783-3291"),
        ("  8887833291 ", "(888) 783-3291"),
        ("1-888-783-3291", "(888) 783-3291"),
        ("+17875550123", "(787) 555-0123"),  # Puerto Rico shares the US plan
        ("911", "911"),
        ("988", "988"),
        ("+442071234567", "+44 20 7123 4567"),
        ("not a number", "not a number"),
    ],
)
def test_display_writes_numbers_as_people_in_the_us_do(given, shown):
    assert display(given) == shown


def test_normalise_number_keeps_prefixes_and_drops_punctuation():
    assert normalise_number(" +1 (555) 123-4567 ") == "+15551234567"
    assert normalise_number("whatsapp:+1 555.123.4567") == "whatsapp:+15551234567"


def test_mentions_number_reads_any_punctuation_and_an_optional_country_code():
    assert mentions_number("call 1-888-783-3291 today", "+18887833291")
    assert mentions_number("Us: (888) 783-3291.", "+18887833291")
    assert not mentions_number("call 1-888-783-3290 today", "+18887833291")
    assert not mentions_number("in 1911 we", "911")
    assert same_number("988", "tel:988") and not same_number("", "988")


def test_a_number_spoken_digit_by_digit_is_read():
    """v9 b-voice-07: speech recognition writes a spoken number as words."""
    spoken = "hi yeah this is marcus my number's two one two five five five zero one nine three"
    answer = parse_phone_answer(spoken)
    assert answer.status is PhoneStatus.OK and answer.e164 == "+12125550193"
    assert parse_phone_answer("three one two, five five five, oh one eight seven").e164 == (
        "+13125550187"
    )
    assert parse_phone_answer("one two three").status is PhoneStatus.INVALID


def test_letters_typed_for_digits_are_read_as_digits():
    # texter role-play 2026-12-04: "202 555 O1O1" (letter O) was not a number
    from iop_assistant.phone import parse_phone_answer

    assert parse_phone_answer("202 555 O1O1").e164 == "+12025550101"
    assert parse_phone_answer("call me at 202-555-0I43 please").e164 == "+12025550143"
    assert parse_phone_answer("oh ok").e164 is None


def test_a_correction_that_names_the_end_of_the_number():
    """Caller role-play round 34: "0 1 8 7. no wait, sorry, the end is 0 1 7 8" saved 0187."""
    said = "okay it's 4 4 3, 5 5 5, 0 1 8 7. no wait, sorry, the end is 0 1 7 8"
    assert parse_phone_answer(said).e164 == "+14435550178"
    assert parse_phone_answer("its 443 555 0187 thanks").e164 == "+14435550187"


@pytest.mark.parametrize(
    "spoken, number",
    [
        # Spanish role-play round 37 and blind es-v21: two-digit groups were not read
        ("tres doce, cinco cinco cinco, cero uno noventa y dos", "+13125550192"),
        ("seis cero dos, cinco cinco cinco, cero uno veintiocho", "+16025550128"),
        ("tres uno dos cinco cinco cinco cero uno ocho siete", "+13125550187"),
        ("seven seven three, five five five, oh one twenty three", "+17735550123"),
        ("312 555 01 ninety-two", "+13125550192"),
        ("3 1 2 5 5 5 0 1 8 7", "+13125550187"),
    ],
)
def test_a_number_read_in_two_digit_groups_is_read(spoken: str, number: str):
    assert parse_phone_answer(spoken).e164 == number


@pytest.mark.parametrize(
    "text", ["im 25 and drink 12 beers", "call me at five thirty", "veinte años, tres hijos"]
)
def test_numbers_in_ordinary_words_are_no_phone_number(text: str):
    assert parse_phone_answer(text).status is PhoneStatus.INVALID
