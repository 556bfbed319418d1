"""Which language one message asks for: request, widget setting, Spanish crisis words, detection.

No Rasa import: the NLU component (component.py) and scripts/eval_language.py share it.
"""

from __future__ import annotations

import functools
from typing import Any, FrozenSet, Tuple

from iop_assistant import domain_files
from iop_assistant.language import LANGUAGES, SPANISH
from iop_assistant.language.detect import detect
from iop_assistant.language.requests import requested_language

# pattern ids of the Spanish crisis lexicon (es_...) and the English file's first Spanish ones
SPANISH_CRISIS_PREFIXES = ("es_", "spanish_")


def metadata_language(metadata: Any) -> str | None:
    """The widget's language setting from message metadata, when valid."""
    if not isinstance(metadata, dict):
        return None
    value = metadata.get("language")
    if isinstance(value, str) and value.strip().lower()[:2] in LANGUAGES:
        return value.strip().lower()[:2]
    return None


# the buttons that are themselves a language choice
LANGUAGE_BUTTONS = frozenset({"español", "english"})


@functools.lru_cache(maxsize=1)
def button_words() -> FrozenSet[str]:
    """The words the bot's own buttons send ("For someone else", "every day", "Yes"): the
    Spanish variations send the same payloads as the English ones, so these words say
    nothing about the person's language (Spanish role-play 2026-12-05: tapping "Para otra
    persona" turned the detox questions to English)."""
    found = set()
    for variations in (domain_files.load_raw().get("responses") or {}).values():
        for variation in variations or []:
            for button in (variation or {}).get("buttons") or []:
                payload = str((button or {}).get("payload") or "")
                if payload and not payload.startswith(("/", "tel:")):
                    found.add(" ".join(payload.lower().split()))
    return frozenset(found)


def choose(
    text: str | None, metadata: Any = None, crisis_pattern: str | None = None
) -> Tuple[str | None, str | None]:
    """(language, reason) for one message; (None, None) when it gives no reason to choose."""
    if " ".join(str(text or "").lower().split()) in button_words() - LANGUAGE_BUTTONS:
        setting = metadata_language(metadata)
        return setting, ("setting" if setting else None)
    asked = requested_language(text)
    if asked:
        return asked, "request"
    setting = metadata_language(metadata)
    if setting:
        return setting, "setting"
    if crisis_pattern and crisis_pattern.startswith(SPANISH_CRISIS_PREFIXES):
        return SPANISH, "crisis_lexicon"
    detected = detect(text)
    if detected:
        return detected, "detected"
    return None, None
