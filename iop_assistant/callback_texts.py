"""The wording of queued texts: minimum necessary, and neutral on a shared phone.

A text can be read by anyone who sees the phone. Under 42 CFR Part 2 nothing
sent may reveal that the person sought help with drugs or alcohol: no
program name and none of :data:`FORBIDDEN_WORDS` (a test checks every
variant). Staff alerts carry no name, number or message content: staff open
the console to see the request. The person's confirmation is in the language
of their conversation (issue 18): English or Spanish.
"""

from __future__ import annotations

import re

from iop_assistant import program_facts
from iop_assistant.language import ENGLISH, SPANISH

# words that must never appear in a text to a person (tests check every wording)
FORBIDDEN_WORDS = (
    "treatment",
    "iop",
    "intensive outpatient",
    "outpatient",
    "program",
    "detox",
    "addiction",
    "addict",
    "recovery",
    "rehab",
    "substance",
    "alcohol",
    "drug",
    "sober",
    "sobriety",
    "withdrawal",
    "clinic",
    "counseling",
    "therapy",
    "relapse",
    "overdose",
    "crisis",
    # Spanish (issue 18): a name such as "Ana Recuperación" must not reveal it either;
    # with and without accents, since many type without them
    "tratamiento",
    "programa",
    "ambulatorio",
    "desintoxicación",
    "desintoxicacion",
    "adicción",
    "adiccion",
    "adicto",
    "adicta",
    "recuperación",
    "recuperacion",
    "rehabilitación",
    "rehabilitacion",
    "sustancia",
    "sustancias",
    "droga",
    "drogas",
    "alcoholismo",
    "sobriedad",
    "abstinencia",
    "clínica",
    "clinica",
    "terapia",
    "consejería",
    "consejeria",
    "recaída",
    "recaida",
    "sobredosis",
)

_WHEN = {
    "now": "as soon as we can",
    "any time": "as soon as we can",
    "anytime": "as soon as we can",
    "morning": "in the morning",
    "afternoon": "in the afternoon",
    "evening": "in the evening",
}
# the same slots as the Spanish chat replies word them (domain/callback.yml)
_WHEN_ES = {
    "now": "lo antes posible",
    "any time": "lo antes posible",
    "anytime": "lo antes posible",
    "morning": "en la mañana",
    "afternoon": "en la tarde",
    "evening": "en la noche",
}
_NAME = re.compile(r"^[^\W\d_]+(?:[ '’-][^\W\d_]+){0,2}$")
MAX_NAME_CHARS = 40


def staff_alert(request_id: int, best_time: str, no_voicemail: bool = False) -> str:
    """The alert to the help line staff: an id and a time slot, nothing about the person;
    "no voicemail" when the person asked that nothing be left (it says nothing about them)."""
    slot = best_time.strip().lower()
    shown = slot if slot in _WHEN else "see console"
    note = " NO VOICEMAIL." if no_voicemail else ""
    return f"New callback request #{request_id}, best time: {shown}.{note} Open the staff console."


def safe_first_name(first_name: str | None) -> str | None:
    """The name as a greeting may use it: letters only, short; else None (no greeting name)."""
    name = " ".join((first_name or "").split())
    if not name or len(name) > MAX_NAME_CHARS or not _NAME.match(name):
        return None
    lowered = name.lower()
    if any(re.search(rf"\b{re.escape(word)}\b", lowered) for word in FORBIDDEN_WORDS):
        return None
    return name


def callback_confirmation(
    request_id: int,
    first_name: str | None,
    best_time: str,
    helpline: str | None = None,
    language: str = ENGLISH,
) -> str:
    """The person's confirmation, in their conversation's language (English unless Spanish);
    the reference number makes every body unique."""
    helpline = helpline or program_facts.load().helpline
    name = safe_first_name(first_name)
    slot = best_time.strip().lower()
    if language == SPANISH:
        return _confirmation_es(request_id, name, slot, helpline)
    return _confirmation_en(request_id, name, slot, helpline)


def _confirmation_en(request_id: int, name: str | None, slot: str, helpline: str) -> str:
    greeting = f"Hi {name}, we" if name else "Hi, we"
    when = _WHEN.get(slot, "at the time you asked for")
    return (
        f"{greeting} got your request (ref {request_id}) and will call you {when}. "
        f"If it can't wait, call {helpline}. Reply STOP to opt out."
    )


def _confirmation_es(request_id: int, name: str | None, slot: str, helpline: str) -> str:
    """Usted, and "pedido" as the chat said it. STOP stays: carriers require the word;
    the SMS channel also takes PARAR (iop_assistant/channels/sms_format.py)."""
    greeting = f"Hola {name}," if name else "Hola,"
    when = _WHEN_ES.get(slot, "a la hora que nos indicó")
    return (
        f"{greeting} recibimos su pedido (ref {request_id}) y le llamaremos {when}. "
        f"Si no puede esperar, llame al {helpline}. "
        "Responda STOP (o PARAR) para no recibir más mensajes."
    )
