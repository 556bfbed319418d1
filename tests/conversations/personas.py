"""Plays screening personas through the real detox-first form and records the outcome.

A persona (tests/evaluation/personas/README.md) is a person written by someone who
has not read the rules: free-text ``answers`` keyed by intake topic, the outcomes a
careful intake clinician would accept (``acceptable``) and the ones that would be
unsafe (``must_not``). The runner starts the screening over the REST channel of a
running `rasa run` + action server, and for every question the form asks (read
from the tracker's ``requested_slot``) sends the persona's answer for that topic,
exactly as typed. It never looks at the rules: the outcome is what the person
would have been told (the ``screening_outcome`` slot, or the crisis reply).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List

from iop_assistant import yaml_io
from tests.conversations.runner import Endpoint, Session, is_crisis_reply

FORM = "detox_screening_form"
START = "/request_detox_screening"
MAX_TURNS = 30
# The form's question (requested_slot) -> the persona's intake topic that answers it.
TOPICS: Dict[str, str] = {
    "screening_for": "who_for",
    "screening_recent_care": "recent_care",
    "screening_care_30_days": "recent_care",
    "screening_use_since_care": "recent_care",
    "screening_substances": "substances",
    "screening_prescribed": "prescribed",
    "screening_frequency": "frequency",
    "screening_drinks": "amount",
    "screening_last_use": "last_use",
    "screening_symptoms": "symptoms_now",
    "screening_emergency_now": "symptoms_now",
    "screening_complicated_history": "past_complications",
    "screening_pregnant": "pregnancy",
    "screening_age": "age",
    "screening_medical": "medical",
    "screening_blackouts": "blackouts",
}
NO_ANSWER = "not sure"  # what the runner says when a persona has no answer for a topic


@dataclass
class PersonaResult:
    """The outcome one persona was given, and the conversation that led to it."""

    persona: Dict[str, Any]
    outcome: str | None = None
    transcript: List[str] = field(default_factory=list)
    error: str | None = None

    @property
    def failures(self) -> List[str]:
        """Why the outcome is not one a careful clinician would accept (empty if it is)."""
        if self.error:
            return [f"error: {self.error}"]
        found = []
        if self.outcome in (self.persona.get("must_not") or []):
            found.append(f"{self.outcome} is a must_not outcome")
        if self.outcome not in (self.persona.get("acceptable") or []):
            found.append(f"{self.outcome} is not acceptable ({self.persona.get('acceptable')})")
        return found

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def told_iop_may_fit_wrongly(self) -> bool:
        """The gate: someone who needs detox or the help line told IOP may fit."""
        return self.outcome == "iop_may_fit" and "iop_may_fit" not in (
            self.persona.get("acceptable") or []
        )

    def describe(self) -> str:
        head = f"{self.persona.get('id')}: got {self.outcome}, acceptable "
        head += f"{self.persona.get('acceptable')}, must_not {self.persona.get('must_not')}"
        return "\n".join([head, *(f"  ! {f}" for f in self.failures), *self.transcript])


def load_personas(path: Path) -> List[Dict[str, Any]]:
    return yaml_io.read(path) or []


def _outcome(session: Session, crisis: bool) -> str | None:
    slots = session.tracker().get("slots") or {}
    if slots.get("screening_outcome"):
        return str(slots["screening_outcome"])
    return "emergency" if crisis else None


def run_persona(endpoint: Endpoint, persona: Dict[str, Any]) -> PersonaResult:
    """One persona through the form, question by question, until the form ends."""
    result = PersonaResult(persona)
    answers = persona.get("answers") or {}
    session = Session(endpoint, "rest")
    crisis = False
    try:
        text = START
        for _ in range(MAX_TURNS):
            _, reply = session.send({"user": text})
            crisis = crisis or is_crisis_reply(reply)
            result.transcript.append(f"  > {text}")
            result.transcript.append(f"    < {reply.text[:300]!r}")
            if reply.active_loop != FORM or not reply.requested_slot:
                break
            topic = TOPICS.get(reply.requested_slot)
            if topic is None:
                result.error = f"the form asked {reply.requested_slot}, which has no topic"
                break
            text = str(answers.get(topic) or NO_ANSWER)
        else:
            result.error = f"the form was still asking after {MAX_TURNS} turns"
        result.outcome = _outcome(session, crisis)
    except Exception as exc:  # recorded, so one persona cannot hide the rest
        result.error = f"{type(exc).__name__}: {exc}"
    return result


@dataclass
class PersonaSummary:
    results: List[PersonaResult]

    def report(self, title: str) -> str:
        total = len(self.results)
        passed = sum(r.passed for r in self.results)
        wrong_fit = [r for r in self.results if r.told_iop_may_fit_wrongly]
        lines = [
            f"{title}: {passed}/{total} personas acceptable ({100 * passed / max(total, 1):.0f}%)",
            f"  needed detox or the help line but told IOP may fit: {len(wrong_fit)}",
        ]
        for r in self.results:
            if not r.passed:
                lines.append(f"  FAIL {r.persona.get('id')}: got {r.outcome}; {r.failures[0]}")
        return "\n".join(lines)
