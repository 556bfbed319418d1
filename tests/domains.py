"""The project's domain as Rasa loads it, read once per test process.

``Domain.load`` validates every file of domain/ against Rasa's schema, about a second
each time; a dozen tests read the same domain. Rasa treats a loaded Domain as
read-only (trackers copy its slots), so sharing it leaves each test's start the same.
"""

from __future__ import annotations

from functools import lru_cache

from rasa.shared.core.domain import Domain

from iop_assistant.domain_files import DOMAIN_DIR


@lru_cache(maxsize=1)
def rasa_domain() -> Domain:
    """domain/ loaded by Rasa (the same object on every call)."""
    return Domain.load(str(DOMAIN_DIR))
