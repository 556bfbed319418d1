"""Plain language and SMS size (issue 13, "Answers"): every FAQ answer at Flesch-Kincaid
grade 8 or below, the median at 6 or below, jargon explained, and the SMS a person
gets (options included, as the SMS channel renders them) within 2 carrier segments."""

from __future__ import annotations

import statistics

import pytest

from iop_assistant import content_report
from iop_assistant.readability import carrier_segments, fk_grade, syllables
from iop_assistant.topics import FAQ_INTENTS

RESPONSES = content_report.responses()
REWRITTEN_ELSEWHERE: set = set()  # every FAQ answer meets the grade and segment limits


def _faq(intent):
    marks = []
    if intent in REWRITTEN_ELSEWHERE:
        marks = [pytest.mark.xfail(reason="rewritten on main; must meet this at merge")]
    return pytest.param(intent, id=intent, marks=marks)


@pytest.mark.parametrize("intent", [_faq(i) for i in FAQ_INTENTS])
def test_faq_answer_reads_at_grade_8_or_below(intent):
    text = content_report.sms_default(RESPONSES[f"utter_{intent}"])["text"]
    assert fk_grade(text) <= 8, (fk_grade(text), text)


@pytest.mark.parametrize("intent", [_faq(i) for i in FAQ_INTENTS])
def test_faq_answer_with_its_options_fits_two_sms_segments(intent):
    messages = content_report.sms_messages((f"utter_{intent}",), RESPONSES)
    assert sum(carrier_segments(m) for m in messages) <= 2, messages


def test_median_faq_answer_and_median_response_read_at_grade_6_or_below():
    rows = content_report.faq_rows(RESPONSES)
    assert statistics.median(g for _, g, _ in rows) <= 6
    assert statistics.median(fk_grade(t) for t in content_report.all_texts(RESPONSES)) <= 6


def test_new_texters_first_reply_fits_two_sms_segments():
    messages = content_report.sms_messages(content_report.FIRST_REPLY, RESPONSES)
    assert "automated assistant" in messages[0] and "Reply 1 for" in messages[-1]
    assert sum(carrier_segments(m) for m in messages) <= 2, messages


def test_jargon_is_explained_where_it_is_used():
    explained = {
        "partial hospitalization": "day hospital",
        "delirium tremens": "confusion",
        "DTs": "confusion",
    }
    for name, variations in RESPONSES.items():
        for v in variations:
            text = v.get("text", "")
            for term, plain in explained.items():
                if term in text:
                    assert plain in text, (name, term)


@pytest.mark.parametrize(
    "text,segments",
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("[" * 80, 1),  # extension characters count twice
        ("\u2019" + "a" * 69, 1),  # one curly quote: the whole message is UCS-2
        ("\u2019" + "a" * 70, 2),
    ],
)
def test_carrier_segments(text, segments):
    assert carrier_segments(text) == segments


def test_grade_formula_on_known_text():
    assert syllables("treatment") == 2 and syllables("the") == 1 and syllables("medicine") == 3
    assert fk_grade("The cat sat on the mat.") < 2
    hard = (
        "Comprehensive psychiatric evaluation facilitates individualized pharmacological"
        " interventions."
    )
    assert fk_grade(hard) > 12
