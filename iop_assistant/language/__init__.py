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
