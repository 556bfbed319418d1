"""Property-based fuzzing (hypothesis) of what the SMS and voice webhooks parse.

Twilio posts arbitrary user text: whatever arrives, parsing either yields a
form or a clear "malformed" error, keywords only ever match a single word,
options chosen are always ones that were offered, and SMS segments never
exceed Twilio's limits.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from iop_assistant.channels import sms_format
from iop_assistant.channels import voice_twiml as twiml
from iop_assistant.channels.options import select_option
from iop_assistant.channels.twilio_signature import FormParams, MalformedFormError, parse_form

TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400
)  # any Unicode but lone surrogates (which Twilio cannot send)
OPTIONS = st.lists(
    st.fixed_dictionaries(
        {"title": st.text(min_size=1, max_size=40), "payload": st.text(min_size=1, max_size=40)}
    ),
    max_size=6,
).map(lambda opts: [dict(o, number=str(i + 1)) for i, o in enumerate(opts)])


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000))
def test_any_body_parses_or_is_reported_malformed(body):
    try:
        form = parse_form(body)
    except MalformedFormError:
        return
    assert isinstance(form, FormParams)
    assert all(isinstance(v, list) and v for v in form.values())


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_keywords_only_ever_match_one_word(text):
    found = sms_format.keyword_of(text)
    if found is not None:
        kind, word = found
        assert kind in {sms_format.KEYWORD_STOP, sms_format.KEYWORD_START, sms_format.KEYWORD_HELP}
        assert not any(ch.isspace() for ch in text.strip().strip(".!?,;:'\"()[]*-_~ "))
        assert word == word.upper()


@given(st.sampled_from(sorted(sms_format.OPT_OUT_KEYWORDS)), st.sampled_from(["", " ", ".", "!"]))
def test_every_opt_out_keyword_in_any_case_and_spacing(word, tail):
    for variant in (word, word.lower(), word.title(), f"  {word.lower()}{tail}  "):
        assert sms_format.keyword_of(variant) == (sms_format.KEYWORD_STOP, word)


@given(st.sampled_from(sorted(sms_format.OPT_OUT_KEYWORDS)), TEXT.filter(lambda t: t.strip()))
def test_a_keyword_inside_a_sentence_is_a_message(word, rest):
    if any(ch.isalnum() for ch in rest):
        assert sms_format.keyword_of(f"I want to {word.lower()} {rest}") is None


@settings(max_examples=300, deadline=None)
@given(TEXT, OPTIONS)
def test_a_chosen_sms_option_was_offered(text, options):
    chosen = select_option(text, options)
    assert chosen is None or chosen in options


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.none(), TEXT), st.one_of(st.none(), st.text("0123456789*#", max_size=5)), OPTIONS
)
def test_a_chosen_voice_option_was_offered(speech, digits, options):
    chosen = twiml.choose(speech, digits, options)
    assert chosen is None or chosen in options


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, max_size=6))
def test_segments_respect_twilio_limits(texts):
    segments = sms_format.segment(texts)
    assert len(segments) <= sms_format.MAX_SEGMENTS
    assert all(sms_format.sms_length(s) <= sms_format.MAX_SMS_CHARS for s in segments)
