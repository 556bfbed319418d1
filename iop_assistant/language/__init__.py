"""Language per conversation (issue 18): English or Spanish.

``requests``: explicit switches ("en español", "English please");
``detect``: which language a message is written in, on confident evidence only;
``component``: the Rasa NLU component that puts the choice into entity ``language``
(mapped to the slot ``language``); ``nlg``: picks the Spanish or English variations
of a response by that slot.
"""

ENGLISH = "en"
SPANISH = "es"
LANGUAGES = (ENGLISH, SPANISH)
SLOT = "language"  # the slot that keeps the conversation's language (domain/language.yml)


def known_language(value: object) -> str:
    """``value`` when the assistant speaks it, else English (the slot's initial value).

    Stored and indexed languages are read through this: a missing, reset or
    forged value falls back to English instead of failing a text or a filter.
    """
    return str(value) if value in LANGUAGES else ENGLISH
