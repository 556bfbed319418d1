"""RulePolicy's rule lookup (issue 17): the faster filter returns exactly Rasa's keys on the
states of real conversations with the trained model."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any, List, Tuple

from rasa.core.agent import Agent
from rasa.core.channels import UserMessage
from rasa.core.policies.rule_policy import RulePolicy

from iop_assistant.rasa_hooks import rule_keys

CONVERSATIONS = [
    ["hi", "what is intensive outpatient", "do you take insurance", "thanks", "bye"],
    ["do i need detox first", "alcohol", "every day", "yes", "no", "no"],
    ["can someone call me back", "what is iop", "(202) 555-0143", "after 6pm", "Sam", "yes"],
    ["i took too many pills and cant breathe", "i already called 911", "we dont have narcan"],
    ["mi hijo toma mucho", "en español por favor", "¿cuánto cuesta?"],
    ["everyone would be better off without me", "no plan, my roommate is home", "ok"],
]


def test_the_filter_returns_rasas_keys_on_real_conversations(trained_model: Path):
    agent = Agent.load(str(trained_model))
    seen: List[Tuple[Any, Any, set]] = []
    rasa_filter = RulePolicy._get_possible_keys

    def recording(self, lookup, states):
        found = rasa_filter(self, lookup, states)
        seen.append((self, (lookup, [dict(s) for s in states]), found))
        return found

    RulePolicy._get_possible_keys = recording  # type: ignore[method-assign]
    try:

        async def talk() -> None:
            for n, texts in enumerate(CONVERSATIONS):
                for text in texts:
                    await agent.handle_message(UserMessage(text, sender_id=f"rules-{n}"))

        asyncio.run(talk())
    finally:
        RulePolicy._get_possible_keys = rasa_filter  # type: ignore[method-assign]
    assert len(seen) > 50
    assert any(found for _, _, found in seen) and any(not found for _, _, found in seen)
    for policy, (lookup, states), found in seen:
        assert rule_keys.possible_keys(policy, lookup, states) == found


def test_install_and_uninstall():
    rasa_filter = RulePolicy._get_possible_keys
    assert rule_keys.install()
    assert not rule_keys.install()
    assert RulePolicy._get_possible_keys is rule_keys.possible_keys
    rule_keys.uninstall()
    assert RulePolicy._get_possible_keys is rasa_filter
