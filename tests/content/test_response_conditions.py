"""No response leaves the wording to chance: wherever two conditional variations can both
match (different slots), a variation for both together exists, so the most specific one
(``language.nlg.most_specific``) is the only choice. A relative's "for them" default beside
the person's own "after detox" note was picked at random (round 32 regression run)."""

from __future__ import annotations

from typing import FrozenSet, List, Tuple

import pytest

from iop_assistant.language.nlg import for_language
from tests.domains import rasa_domain

Conditions = FrozenSet[Tuple[str, str]]


def _conditions(variations: List[dict]) -> List[Conditions]:
    found = []
    for variation in variations:
        conditions = frozenset(
            (c["name"], str(c["value"])) for c in variation.get("condition") or []
        )
        if conditions:
            found.append(conditions)
    return found


def _compatible(a: Conditions, b: Conditions) -> bool:
    values = dict(a)
    return all(values.get(name, value) == value for name, value in b)


@pytest.mark.parametrize("language", ["en", "es"])
def test_two_matching_variations_always_have_a_joint_one(language: str) -> None:
    ambiguous = []
    for name, variations in rasa_domain().responses.items():
        sets = _conditions(for_language(variations, language))
        for a in sets:
            for b in sets:
                if a <= b or b <= a or not _compatible(a, b):
                    continue
                if not any(c >= a | b for c in sets):
                    ambiguous.append((name, sorted(a), sorted(b)))
    assert ambiguous == []
