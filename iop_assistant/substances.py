"""Maps substance names and slang to categories, from data/lookups/substances.yml.

The spaCy entity ruler finds the names (entity ``SUBSTANCE``); the screening
form needs the category ("xanax" and "bars" are both benzodiazepines).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Set

import yaml

SUBSTANCES_FILE = Path(__file__).resolve().parents[1] / "data" / "lookups" / "substances.yml"
# Words a person may use for a whole category (button payloads included).
CATEGORY_WORDS = {
    "benzos": "benzodiazepine",
    "benzo": "benzodiazepine",
    "opioids": "opioid",
    "opiates": "opioid",
    "stimulants": "stimulant",
    "something else": "other",
    "other": "other",
}


_PUNCTUATION = re.compile(r"[^\w\s-]")


@lru_cache(maxsize=1)
def name_to_category(path: Path = SUBSTANCES_FILE) -> Dict[str, str]:
    """Lower-case name -> category."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mapping = {str(name).lower(): category for category, names in data.items() for name in names}
    mapping.update(CATEGORY_WORDS)
    return mapping


def categories(names: Iterable[str]) -> Set[str]:
    """Categories for entity values; an unknown name counts as "other", never dropped."""
    mapping = name_to_category()
    return {mapping.get(str(name).lower().strip(), "other") for name in names if str(name).strip()}


def categories_in_text(text: str) -> Set[str]:
    """Fallback when no entity was extracted: whole words and phrases of the lexicon."""
    words = _PUNCTUATION.sub(" ", text.lower()).split()
    lowered = f" {' '.join(words)} "
    found = set()
    for name, category in name_to_category().items():
        if f" {name} " in lowered:
            found.add(category)
    return found
