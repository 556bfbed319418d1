"""Whether the person writes as a professional about someone in their care (no Rasa imports).

A shelter case manager, an ED nurse, a drug-court coordinator and a therapist were told
"your loved one", "It sounds like a lot to carry" and "a family member can make that first
call" (stepdown role-play round 35). Said once ("I'm a case manager", "my client", "a
patient of ours"), the conversation's ``writer_role`` slot becomes ``professional`` and
the answers that speak to family have a variation for referrers (domain/faq.yml).
"""

from __future__ import annotations

import re

PROFESSIONAL = "professional"
ROLE_ENTITY = "writer_role"

_JOBS = (
    r"(?:case\s*manager|case\s*worker|caseworker|social\s+worker|nurse|rn|np|physician|doctor|md|"
    r"therapist|counselou?r|clinician|psychiatrist|psychologist|probation\s+officer|parole\s+officer|"
    r"discharge\s+planner|care\s+coordinator|peer\s+(?:specialist|support\s+specialist|recovery\s+coach)|"
    r"drug\s+court\s+(?:coordinator|liaison)|court\s+liaison|school\s+counselou?r|pastor|chaplain|"
    r"hr\s+(?:manager|rep|person)|employer|supervisor|outreach\s+worker|shelter\s+(?:staff|worker|manager))"
)
_JOB_SAID = re.compile(
    rf"\b(?:i'?m|im|i\s+am|i\s+work\s+as)\s+(?:an?\s+|the\s+)?(?:\w+\s+){{0,2}}?{_JOBS}\b|"
    rf"\b{_JOBS}\s+here\b|"
    r"\bsoy\s+(?:el\s+|la\s+)?(?:trabajador[ao]\s+social|enfermer[ao]|consejer[ao]|terapeuta|doctor[a]?|"
    r"m[eé]dic[ao]|oficial\s+de\s+(?:libertad\s+condicional|probatoria)|administrador[a]?\s+de\s+casos)\b",
    re.IGNORECASE,
)
# someone in their care: a nurse who drinks and writes for herself is not a referrer
_IN_MY_CARE = re.compile(
    r"\b(?:clients?|patients?|residents?|students?|employees?|caseload|probationers?|parolees?|"
    r"refer\w*|intake\s+for\s+(?:him|her|them)|clientes?|pacientes?|referir\w*)\b",
    re.IGNORECASE,
)
_CARE_SAID_PLAINLY = re.compile(
    r"\b(?:my|our)\s+(?:client|patient)s?\b(?!\s+(?:portal|id|number))|"
    r"\b(?:client|patient)\s+of\s+(?:mine|ours)\b|"
    r"\brefer(?:ring)?\s+(?:a|my|our|one\s+of\s+my)\s+(?:client|patient|resident|student|employee)s?\b|"
    r"\b(?:mi|nuestr[ao])\s+(?:cliente|paciente)s?\b",
    re.IGNORECASE,
)


def writes_as_a_professional(text: str | None) -> bool:
    """The words say the writer is a professional writing about a client or patient."""
    words = str(text or "")
    if _CARE_SAID_PLAINLY.search(words):
        return True
    return bool(_JOB_SAID.search(words)) and bool(_IN_MY_CARE.search(words))


def role_entity(text: str) -> dict:
    """The entity that sets the ``writer_role`` slot."""
    return {
        "entity": ROLE_ENTITY,
        "value": PROFESSIONAL,
        "start": 0,
        "end": len(text),
        "extractor": "WriterRole",
    }
