"""Explicit requests to switch language: "en español por favor", "English please"."""

from __future__ import annotations

import re
import unicodedata

from iop_assistant.language import ENGLISH, SPANISH


def fold(text: str | None) -> str:
    """Lower case, no accents ("Español" → "espanol"), single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


_NOT = (
    r"\b(?:don'?t|doesn'?t|dont|doesnt|do\s+not|does\s+not|can'?t|cant|cannot|no)\s+"
    r"(?:really\s+|muy\s+)?"
)
_KNOW = (
    r"(?:speak|understand|read|talk|habla|hablo|hablan|entiende|entiendo|entienden|se|sabe|leo|lee)"
    r"\s+(?:\w+\s+)?"
)
# "i don't speak english", "mi mama no habla ingles": Spanish; "no hablo espanol": English
_NOT_ENGLISH = re.compile(_NOT + _KNOW + r"(?:english|ingles)\b")
_NOT_SPANISH = re.compile(_NOT + _KNOW + r"(?:spanish|espanol)\b")
# "no se que decir por telefono en ingles" says English is hard: Spanish (Spanish
# role-play 2026-12-04, night: it switched the conversation to English)
_HARD_IN_ENGLISH = re.compile(
    r"\b(?:no\s+(?:se|puedo|entiendo|hablo|leo|escribo)|me\s+cuesta|se\s+me\s+(?:dificulta|hace\s+dificil)|"
    r"(?:es|muy)\s+dificil)\b[^.!?]{0,40}\ben\s+ingles\b|"
    # "no entendi el primer mensaje estaba en ingles" (Spanish role-play round 38: "Sure, I'll
    # answer in English"): a reply in English complained of
    r"\b(?:estaba|esta|estan|estaban|vino|vinieron|llego|llegaron|salio|salieron|"
    r"me\s+(?:llego|contesto|contestaron|escribio|escribieron|mando|mandaron))\s+(?:todo\s+)?en\s+ingles\b|"
    r"\bno\s+(?:le\s+)?entend\w*\b[^.!?]{0,40}\bingles\b"
)
_POLITE = r"(?:\s+(?:por\s+favor|porfa|porfavor|pls|please|plz))?"
_SPANISH_REQUEST = re.compile(
    r"^\W*(?:(?:en|in)\s+)?(?:espanol|castellano|spanish)" + _POLITE + r"\W*$|"
    r"\b(?:en|in)\s+(?:espanol|castellano)\b|"
    r"\b(?:hablas|habla\s+usted|hablan|hablen|hableme|hablame|escribeme|escribame|contestame|"
    r"(?:you|u)\s+(?:speak|talk)|(?:i|we)\s+(?:only\s+)?speak|speak|answer|reply|respond|write)\s+"
    r"(?:\w+\s+)?(?:espanol|spanish|castellano)\b|"
    # "sorry can u text me in spanish? es para mi mama" (es-v4: the text-back answer)
    r"\b(?:text|message|msg|write|answer|reply)\s+(?:me|us|her|him|them)\s+in\s+spanish\b|"
    r"\bspanish\s+(?:please|pls|plz|por\s+favor)\b|\b(?:switch|change)\s+(?:\w+\s+){0,2}?to\s+spanish\b|"
    r"\b(?:alguien|someone|somebody|anyone)\s+(?:que\s+hable|who\s+speaks)\s+(?:espanol|spanish)\b|"
    # "actually can we do this in spanish? my mom is gonna read it" (blind v15: the clarifying
    # question, in English); "is the program in spanish?" asks about the groups, not this
    r"\b(?:can|could|may)\s+(?:we|you|u|i)\s+(?:please\s+)?(?:do|have|continue|keep\s+going|go\s+on|talk|chat|"
    r"text|speak|write|switch)\s+(?:(?:this|it|that|the\s+(?:chat|conversation|rest))\s+)?in\s+spanish\b"
)
_ENGLISH_REQUEST = re.compile(
    r"^\W*(?:(?:in|en)\s+)?(?:english|ingles)" + _POLITE + r"\W*$|"
    r"\b(?:in|en)\s+(?:english|ingles)\b(?!\s+(?:class|classes|clases?|tests?)\b)|"
    r"\b(?:hablas|habla\s+usted|hablame|hableme|escribeme|escribame|contestame|respondeme|"
    r"(?:you|u)\s+(?:speak|talk)|(?:i|we)\s+(?:only\s+)?speak|speak|answer|reply|respond|write)\s+"
    r"(?:\w+\s+)?(?:english|ingles)\b|"
    r"\benglish\s+(?:please|pls|plz|por\s+favor)\b|"
    r"\b(?:switch|change|cambia|cambiar|cambiale)\s+(?:\w+\s+){0,2}?(?:to|a|al)\s+(?:english|ingles)\b"
)


def requested_language(text: str | None) -> str | None:
    """``"es"``/``"en"`` when the message asks for that language, else None.

    Saying one language is not understood asks for the other ("no hablo
    inglés", "I don't speak Spanish"); a message asking for both asks for none.
    """
    folded = fold(text)
    if not folded:
        return None
    if _NOT_ENGLISH.search(folded) and not _NOT_SPANISH.search(folded):
        return SPANISH
    if _HARD_IN_ENGLISH.search(folded):
        return SPANISH
    if _NOT_SPANISH.search(folded) and not _NOT_ENGLISH.search(folded):
        return ENGLISH
    english = bool(_ENGLISH_REQUEST.search(folded))
    spanish = bool(_SPANISH_REQUEST.search(folded))
    if english and not spanish:
        return ENGLISH
    if spanish and not english:
        return SPANISH
    return None


_SI = re.compile(
    r"^\W*(?:si|sii+|sip|claro(?:\s+que\s+si)?|si[\s,!.]+(?:claro|por\s+favor|porfa|senor|senora|gracias)|asi\s+es|"
    r"correcto|de\s+acuerdo|esta\s+bien|dale|orale\s+si|si\s+si|"
    # Mexican yes: "sale" to "may we send one text?" (blind es-v8: "I didn't understand")
    r"simon|sale|sale\s+pues|orale|andale|si\s+pues)\W*$"
)
_NO = re.compile(
    r"^\W*(?:no\s+no|para\s+nada|no\s+gracias|claro\s+que\s+no|nel|no\s+senor(?:a)?|ahorita\s+no|"
    # "no mejor no" to "may we send one text?" (Spanish role-play round 24: the whole
    # callback request was cancelled)
    r"(?:no\W+)?mejor\s+no(?:\s+gracias)?)\W*$"
)


def spanish_yes_no(text: str | None) -> str | None:
    """``"affirm"``/``"deny"`` for a short Spanish yes or no ("si", "claro", "para nada")."""
    folded = fold(text)
    if _SI.match(folded):
        return "affirm"
    if _NO.match(folded):
        return "deny"
    return None
