"""How to keep this conversation from someone who checks the person's phone, told once.

"no i mean he reads my texts. should i delete this conversation" after a domestic-violence
reply got the answer about who reads this chat (crisis role-play round 24). Someone who may
be watched needs to know how to remove the conversation (the widget's "Clear conversation",
deleting the text thread, the call log) and where to plan for safety. Said after the reply
when the latest message asks to hide or delete the conversation or says someone checks
their phone. No Rasa imports.
"""

from __future__ import annotations

import re

from iop_assistant.language.events import note_said_before, user_texts

HIDE_NOTE = "utter_hide_this_chat"
_WATCHED = re.compile(
    r"\b(?:delete|erase|clear|hide|get\s+rid\s+of|wipe)\s+(?:all\s+)?(?:this|these|the|our|my|that)\s+"
    r"(?:chat|conversation|convo|texts?|messages?|msgs?|thread|history|number)\b|"
    r"\b(?:he|she|they|my\s+(?:husband|wife|boyfriend|girlfriend|bf|gf|partner|mom|dad|parents?|ex))\s+"
    r"(?:\w+\s+)?(?:reads?|checks?|goes\s+through|go\s+through|looks?\s+(?:at|through)|monitors?|tracks?|"
    r"snoops?\s+(?:on|through))\s+(?:all\s+)?(?:my\s+)?(?:phone|texts?|messages?|browser|history|computer|"
    r"laptop|call\s+log)\b|"
    r"\bwhat\s+if\s+(?:he|she|they|my\s+\w+)\s+(?:sees?|finds?|reads?)\s+(?:this|these|my\s+(?:texts?|phone|"
    r"messages?))\b|"
    r"\bborr(?:ar|o|a)\s+(?:esta|la|este|el|los|estos)\s+(?:conversaci[oó]n|chat|mensajes?|textos?)\b|"
    r"\b(?:[eé]l|ella|mi\s+(?:esposo|esposa|pareja|novio|novia|mam[aá]|pap[aá]))\s+(?:me\s+)?"
    r"(?:revisa|lee|checa|ve)\s+(?:mi\s+|el\s+|los\s+|mis\s+)?(?:celular|tel[eé]fono|mensajes|textos)\b|"
    r"\bsi\s+(?:[eé]l|ella)\s+(?:ve|lee|encuentra)\s+(?:esto|estos|mis)\b",
    re.IGNORECASE,
)


def wants_the_chat_hidden(text: str | None) -> bool:
    """The person asks to delete or hide this conversation, or says someone reads their
    phone."""
    return bool(_WATCHED.search(text or ""))


# words of the note (English and Spanish), to find it where it followed another answer
_ITS_WORDS = ("If someone checks your phone", "Si alguien revisa su teléfono")


DELETE_ANSWER = "utter_delete_my_data"


def hide_note(said: str, events: list, responses: dict) -> str | None:
    """The note after ``said`` when the latest message asks to hide the conversation."""
    if HIDE_NOTE not in responses or said in (HIDE_NOTE, DELETE_ANSWER):
        return None  # the answer about deleting data says what can be deleted, and how
    texts = user_texts(events)
    if (
        not texts
        or not wants_the_chat_hidden(texts[-1])
        or note_said_before(events, HIDE_NOTE, _ITS_WORDS)
    ):
        return None
    return HIDE_NOTE
