"""Spanish distress that deserves a direct, caring question (issue 18)."""

from __future__ import annotations

import pytest

from iop_assistant.nlu.distress_es import is_ambiguous_distress_es


@pytest.mark.parametrize(
    "text",
    [
        "ya no aguanto",
        "para que sigo",
        # Spanish role-play 2026-12-04 (night): answered with the data-privacy notice
        "nadie me va a ayudar",
        "nadie me puede ayudar",
    ],
)
def test_spanish_distress_gets_a_check_in(text):
    assert is_ambiguous_distress_es(text)


@pytest.mark.parametrize(
    "text", ["nadie me puede ayudar con el carro", "ya no aguanto el trabajo", "no puedo mas de 3"]
)
def test_ordinary_spanish_is_not_distress(text):
    assert not is_ambiguous_distress_es(text)
