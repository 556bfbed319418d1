"""Every regression conversation (tests/conversations/*.yml) through the real stack.

Each conversation is played over REST, the signed SMS webhook or the signed
voice webhook of the real `rasa run` + action server (tests/server/conftest.py)
and judged turn by turn (tests/conversations/runner.py). These sets were
written from the findings of issue 12 and tuned on, so every one must pass;
the blind sets in tests/evaluation/ are measured by `make eval` instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conversations.runner import Endpoint, load_conversations, run_conversation

HERE = Path(__file__).resolve().parents[1] / "conversations"
CONVERSATIONS = [c for f in sorted(HERE.glob("*.yml")) for c in load_conversations(f)]

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def endpoint(servers) -> Endpoint:
    return Endpoint.for_servers(servers)


def test_there_are_regression_conversations():
    assert len(CONVERSATIONS) >= 50
    assert len({c["id"] for c in CONVERSATIONS}) == len(CONVERSATIONS)


@pytest.mark.parametrize("conversation", CONVERSATIONS, ids=[c["id"] for c in CONVERSATIONS])
def test_conversation(endpoint, conversation):
    result = run_conversation(endpoint, conversation)
    assert result.passed, result.describe()
