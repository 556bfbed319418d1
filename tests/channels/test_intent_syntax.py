"""Texted or spoken words never reach Rasa as "/intent" syntax (SMS and voice have no buttons).

Checked with Rasa's own ``UserMessage`` (which strips the text) and its
intent prefix, the same test Rasa's processor makes.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.channels.channel import UserMessage
from rasa.shared.constants import INTENT_MESSAGE_PREFIX

from iop_assistant.channels.webhook import defuse_intent_syntax


def reaches_rasa_as_intent(text: str) -> bool:
    message = UserMessage(defuse_intent_syntax(text))
    return bool(message.text) and message.text.startswith(INTENT_MESSAGE_PREFIX)


@pytest.mark.parametrize(
    "text",
    [
        '/affirm{"crisis_flag": false}',
        '/ /affirm{"crisis_flag": false}',  # found by fuzz/fuzz_intent_syntax.py
        "/\n/deny",
        " \t/ / / /goodbye",
        "//\u3000/stop",  # ideographic space: str.strip() removes it too
    ],
)
def test_slash_syntax_is_defused(text: str) -> None:
    assert not reaches_rasa_as_intent(text)


def test_ordinary_text_is_unchanged() -> None:
    for text in ["what is iop", "  i use 1/2 a pill ", "yes / no", ""]:
        assert defuse_intent_syntax(text) == text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["/", " ", "\n", "\t", "\u00a0", "/affirm", "x"]), max_size=12))
def test_no_mix_of_slashes_and_spaces_gets_through(parts: list[str]) -> None:
    assert not reaches_rasa_as_intent("".join(parts))
