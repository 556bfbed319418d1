"""PII masking: phone formats, e-mails, SSN-like numbers, dates of birth, addresses, names."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iop_assistant import privacy

PHONES = [
    "(202) 555-0143",
    "202-555-0143",
    "202.555.0143",
    "2025550143",
    "+1 202 555 0143",
    "+12025550143",
    "1-202-555-0143",
    "202 555 0143",
    "+44 20 7946 0958",
]


@pytest.mark.parametrize("phone", PHONES)
def test_phone_numbers_in_any_format_are_masked(phone):
    masked = privacy.mask(f"call me at {phone} after 5")
    assert "0143" not in masked and "0958" not in masked
    assert "[phone]" in masked or "[number]" in masked
    assert masked.endswith("after 5")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("write to sam.doe+iop@example.org please", "email"),
        ("my ssn is 123-45-6789", "ssn"),
        ("ssn 123456789", "ssn"),
        ("born 04/12/1985", "dob"),
        ("dob 1985-04-12", "dob"),
        ("I was born on April 12, 1985", "dob"),
        ("I live at 1234 N Main Street, Apt 5", "address"),
        ("we're at 12 Oak Ave", "address"),
        ("my name is Jordan Lee", "name"),
        ("My name is jordan", "name"),
    ],
)
def test_kinds(text, kind):
    assert f"[{kind}]" in privacy.mask(text)


def test_names_from_forms_are_masked_everywhere_whole_word():
    text = "Sam said sam would call; Samantha is someone else"
    masked = privacy.mask(text, ["Sam"])
    assert "Sam " not in masked and "sam " not in masked
    assert "Samantha" in masked


def test_ordinary_messages_are_left_alone():
    for text in [
        "how much does the program cost",
        "I drink 3 days a week",
        "last used 2 weeks ago",
        "group meets at 9:30",
        "is it 12 weeks long?",
    ]:
        assert privacy.mask(text) == text
        assert not privacy.contains_pii(text)


def test_pii_slot_names():
    assert privacy.is_pii_slot("callback_phone") and privacy.is_pii_slot("callback_name")
    assert not privacy.is_pii_slot("screening_frequency")


_filler = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Po")), max_size=30
)


@st.composite
def phone_numbers(draw):
    area = draw(st.integers(201, 989).filter(lambda n: n % 100 != 11))
    exchange = draw(st.integers(200, 999))
    line = draw(st.integers(0, 9999))
    digits = f"{area}{exchange}{line:04d}"
    style = draw(
        st.sampled_from(
            [
                "({}) {}-{}",
                "{}-{}-{}",
                "{}.{}.{}",
                "{}{}{}",
                "{} {} {}",
                "+1 {} {} {}",
                "1-{}-{}-{}",
                "+1({}){}-{}",
            ]
        )
    )
    return style.format(digits[:3], digits[3:6], digits[6:])


@settings(max_examples=300, deadline=None)
@given(before=_filler, phone=phone_numbers(), after=_filler)
def test_masking_leaves_no_digit_run_of_a_phone_number(before, phone, after):
    masked = privacy.mask(f"{before} {phone} {after}")
    digits = re.sub(r"\D", "", phone)[-10:]
    runs = re.findall(r"\d+", masked)
    # no digit survives from the number: the filler has no digits at all
    assert runs == [], (phone, masked)
    assert digits not in re.sub(r"\D", "", masked)
