"""Every screening persona through the real form (issue 13): the outcome must be one a
careful intake clinician accepts, and never one of its must_not outcomes.

Personas: tests/evaluation/personas/v1.yml (written blind; see the README there).
A persona that still fails is listed in known_failures.yml with the reason and runs
as xfail(strict) here, so it is never dropped and a fix shows up as XPASS.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conversations.personas import load_personas, run_persona
from tests.conversations.runner import Endpoint

HERE = Path(__file__).resolve().parents[1] / "evaluation" / "personas"
PERSONAS = load_personas(HERE / "v1.yml")
KNOWN = yaml.safe_load((HERE / "known_failures.yml").read_text(encoding="utf-8")) or {}


def _param(persona):
    reason = KNOWN.get(persona["id"])
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(persona, id=persona["id"], marks=marks)


def test_there_are_enough_personas_and_every_known_failure_is_one():
    assert len(PERSONAS) >= 60
    assert set(KNOWN) <= {p["id"] for p in PERSONAS}


@pytest.mark.parametrize("persona", [_param(p) for p in PERSONAS])
def test_persona_gets_an_acceptable_outcome(servers, persona):
    result = run_persona(Endpoint.for_servers(servers), persona)
    assert result.passed, result.describe()
