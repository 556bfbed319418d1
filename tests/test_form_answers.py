"""Does a message answer the question a form asks? (pure parsers, shared by the
form validation actions and FormAnswerPolicy)."""

from __future__ import annotations

import pytest

from iop_assistant import form_answers


@pytest.mark.parametrize(
    "slot, text",
    [
        ("screening_symptoms", "i can't stop for a day without shaking"),
        ("screening_symptoms", "not sure"),
        ("screening_substances", "alcohol and xanax"),
        ("screening_substances", "fentanyl i think"),
        ("screening_substances", "nothing"),
        ("screening_last_use", "maybe like 3 days ago?"),
        ("screening_frequency", "every day"),
        ("screening_for", "for my son"),
        ("screening_substances", "no idea"),
        ("screening_substances", "soma"),
        ("screening_care_30_days", "about two weeks ago"),
        ("screening_care_30_days", "no"),
        ("screening_use_since_care", "drinking daily again"),
        ("screening_use_since_care", "nope"),
        ("screening_prescribed", "suboxone from my clinic"),
        ("screening_prescribed", "not sure"),
        ("callback_best_time", "as soon as possible"),
        ("callback_best_time", "after 6pm"),
        ("callback_best_time", "asap"),
        ("callback_name", "skip the name"),
        ("callback_name", "Maria"),
        ("callback_phone", "my cell is 312-555-0187"),
        ("callback_consent", "yes"),
    ],
)
def test_answers_are_accepted(slot, text):
    assert form_answers.accepts(slot, text)


@pytest.mark.parametrize(
    "slot, text",
    [
        ("callback_best_time", "stop"),
        ("callback_best_time", "no name"),
        ("callback_best_time", "bye"),
        ("callback_name", "stop"),
        ("callback_name", "Yes"),
        ("screening_for", "what medications do you use?"),
        ("screening_last_use", "goodbye"),
        ("callback_phone", "never mind"),
        ("screening_care_30_days", "what is residential"),
        ("screening_prescribed", "what does IOP cost"),
        ("anything", "yes"),
        ("callback_best_time", ""),
    ],
)
def test_non_answers_are_not(slot, text):
    assert not form_answers.accepts(slot, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nothing", True),
        ("I don't use anything", True),
        ("no idea", False),
        ("no clue", False),
        ("nothing right now, but I drank daily until Sunday", False),
    ],
)
def test_no_use_is_a_whole_answer(text, expected):
    assert form_answers.is_no_use(text) is expected


def test_screening_for():
    assert form_answers.parse_screening_for("for my husband") == "other"
    assert form_answers.parse_screening_for("me") == "self"
    assert form_answers.parse_screening_for("what medications do you use?") is None


def test_every_form_slot_has_a_parser(domain):
    for form in domain["forms"].values():
        for slot in form["required_slots"]:
            assert slot in form_answers.PARSERS, slot


def test_more_than_prescribed_is_not_as_prescribed():
    from iop_assistant.form_answers import parse_prescribed

    assert parse_prescribed("yes but i take more than prescribed", ["sedative"]) == []
    assert parse_prescribed("yes but from 3 doctors", ["sedative"]) == []
    assert parse_prescribed("yes, from my clinic", ["opioid"]) == ["opioid"]
    # persona p31 (third run): a negated misuse phrase is taking it as prescribed
    said = "yes the klonopin, same dose for years, never run out early"
    assert parse_prescribed(said, ["benzodiazepine", "cannabis"]) == ["benzodiazepine"]


def test_a_bare_yes_with_two_prescribable_substances_named_is_unclear() -> None:
    """Role-play: methadone from a clinic and street xanax bars; "yes" made both count as
    prescribed and hid a past withdrawal seizure behind the help-line outcome."""
    from iop_assistant.form_answers import parse_prescribed

    assert parse_prescribed("yes", ["opioid", "benzodiazepine"]) is None
    assert parse_prescribed("yes the methadone is", ["opioid", "benzodiazepine"]) == ["opioid"]
    assert parse_prescribed("yes", ["opioid", "alcohol"]) == ["opioid"]
    assert parse_prescribed("no", ["opioid", "benzodiazepine"]) == []


def test_this_hash_sign_is_this_number():
    assert form_answers.is_this_number("this # is fine")
    assert not form_answers.is_this_number("my # is 312 555 0187")
