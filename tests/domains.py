"""The project's domain as Rasa loads it, read once per test process.

``Domain.load`` validates every file of domain/ against Rasa's schema, about a second
each time; a dozen tests read the same domain. Rasa treats a loaded Domain as
read-only (trackers copy its slots), so sharing it leaves each test's start the same.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from typing import Any, Dict

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.domain_files import DOMAIN_DIR


@lru_cache(maxsize=1)
def rasa_domain() -> Domain:
    """domain/ loaded by Rasa (the same object on every call)."""
    return Domain.load(str(DOMAIN_DIR))


def render(name: str, language: str = "en", channel: str = "rest", **slots: Any) -> Dict[str, Any]:
    """The reply the project's response generator gives for ``name`` in a conversation with
    these slots (``language`` and any other), as a channel would receive it."""
    from iop_assistant.language.nlg import LanguageNLG

    domain = rasa_domain()
    tracker = DialogueStateTracker.from_events("render", [], slots=domain.slots)
    tracker.update(SlotSet("language", language))
    for slot, value in slots.items():
        tracker.update(SlotSet(slot, value))
    reply = asyncio.run(LanguageNLG(domain=domain).generate(name, tracker, channel))
    assert reply is not None, name
    return reply
