"""Maps substance names and slang to categories, from data/lookups/substances.yml.

The spaCy entity ruler finds the names (entity ``SUBSTANCE``); the screening
form needs the category ("xanax" and "bars" are both benzodiazepines).
Spanish names and street names (issue 18: "perico", "cristal", "chiva", "mota",
"pisto") are in ``SPANISH_NAMES`` below, read from the text only (the entity
lexicon is English), with accents folded ("heroína" is "heroina").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, Set

from iop_assistant import yaml_io

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


# Spanish names and US street names, by category (issue 18). Longer phrases are read
# first and taken out of the text, so "pastillas para dormir" is a sedative, not also
# the unknown "pastillas". Plain "pastillas" (pills) says nothing about what they are:
# "other", which the rules send to the help line.
SPANISH_NAMES: Dict[str, str] = {
    **dict.fromkeys(
        "alcohol cerveza cervezas chela chelas cheve cheves caguama caguamas birra birras "
        "pisto guaro vino licor mezcal aguardiente ron tragos trago bebida bebidas "
        "borracho borracha emborracharse emborracha "
        # Mexican slang for drinking (es-v3: "chupe mas que nada" was not read as alcohol)
        "chupe chupar chupando chupa chupo chupamos pistear pisteando pistea peda pedas "
        "bolo tomadera".split(),
        "alcohol",
    ),
    "la fria": "alcohol",
    "las frias": "alcohol",
    "frias": "alcohol",
    **dict.fromkeys(
        "benzodiacepina benzodiacepinas benzodiazepina benzodiazepinas rivotril tafil "
        "lorazepam roches rufis".split(),
        "benzodiazepine",
    ),
    **dict.fromkeys(
        "heroina chiva fentanilo fenta opioides opiaceos morfina oxicodona metadona "
        "buprenorfina codeina azulitas".split(),
        "opioid",
    ),
    "pastillas para el dolor": "opioid",
    "pastillas para dolor": "opioid",
    **dict.fromkeys(
        (
            "perico coca cocaina cristal metanfetamina anfetaminas anfetamina piedra tachas hielo"
        ).split(),
        "stimulant",
    ),
    **dict.fromkeys("mota marihuana mariguana hierba yerba porro porros".split(), "cannabis"),
    "pastillas para dormir": "sedative",
    **dict.fromkeys("somniferos pregabalina gabapentina barbituricos".split(), "sedative"),
    **dict.fromkeys(
        "pastillas pastas chochos hongos acido ketamina inhalantes resistol thinner".split(),
        "other",
    ),
    "otra cosa": "other",
}

_PUNCTUATION = re.compile(r"[^\w\s-]")


def fold(text: str) -> str:
    """Lower case without accents ("Heroína" -> "heroina")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def name_to_category(path: Path = SUBSTANCES_FILE) -> Dict[str, str]:
    """Lower-case name -> category."""
    data = yaml_io.read(path)
    mapping = {str(name).lower(): category for category, names in data.items() for name in names}
    mapping.update(CATEGORY_WORDS)
    return mapping


def categories(names: Iterable[str]) -> Set[str]:
    """Categories for entity values; an unknown name counts as "other", never dropped."""
    mapping = name_to_category()
    return {mapping.get(str(name).lower().strip(), "other") for name in names if str(name).strip()}


# GHB as people say and speech-to-text writes it: "g h b" (the "h" is no heroin), "using G
# every 2-3 hrs", "liquid g" (blind v24, read in round 30: an opioid, or nothing)
_SPELLED_GHB = re.compile(r"\bg\s+h\s+b\b")
_G_AS_GHB = re.compile(
    r"\b(?:using|use|uses|used|on|the|doing|taking|take|dosing|liquid|some|of)\s+g\b(?!\s*-?\s*(?:spot|string|rated|wagon|shock|unit)\b)"
)


def categories_in_text(text: str) -> Set[str]:
    """Fallback when no entity was extracted: whole words and phrases of the lexicon."""
    words = _PUNCTUATION.sub(" ", text.lower()).split()
    lowered = f" {' '.join(words)} "
    lowered = _SPELLED_GHB.sub("ghb", lowered)
    found = {"sedative"} if _G_AS_GHB.search(lowered) else set()
    for name, category in name_to_category().items():
        if f" {name} " in lowered:
            found.add(category)
    return found | spanish_categories_in_text(text)


def spanish_categories_in_text(text: str) -> Set[str]:
    """Categories of the Spanish names in the text, longest phrase first."""
    folded = f" {' '.join(_PUNCTUATION.sub(' ', fold(text)).split())} "
    found = set()
    for name in sorted(SPANISH_NAMES, key=len, reverse=True):
        if f" {name} " in folded:
            found.add(SPANISH_NAMES[name])
            folded = folded.replace(f" {name} ", "  ")
    return found
