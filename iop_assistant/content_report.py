"""Grade levels and SMS segment counts of the replies, as a person on SMS gets them.

Each FAQ answer is taken from the domain (domain/) with program.yml's facts filled in and
rendered by the SMS channel's own functions (``sms_format.render_reply`` turns
buttons into numbered options, ``segment`` packs the messages), then counted in
carrier segments. The first reply a new texter gets is the disclaimer plus the
welcome (``utter_greet``). Used by tests/content/test_plain_language.py and by
``python -m iop_assistant.content_report`` (the numbers in docs/plain-language.md).
"""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any, Dict, List, Tuple

from iop_assistant import domain_files, program_facts
from iop_assistant.channels.sms_format import render_reply, segment
from iop_assistant.readability import carrier_segments, fk_grade
from iop_assistant.topics import FAQ_INTENTS

REPO = Path(__file__).resolve().parents[1]
FIRST_REPLY = ("utter_disclaimer", "utter_greet")


def _fill(value: Any, slots: Dict[str, str]) -> Any:
    if isinstance(value, str):
        for name, fact in slots.items():
            value = value.replace("{" + name + "}", fact)
        return value
    if isinstance(value, list):
        return [_fill(v, slots) for v in value]
    if isinstance(value, dict):
        return {k: _fill(v, slots) for k, v in value.items()}
    return value


def responses(domain_dir: Path = domain_files.DOMAIN_DIR) -> Dict[str, List[dict]]:
    """Every response's variations with the program's facts filled in."""
    domain = domain_files.load_raw(domain_dir)
    slots = program_facts.load().as_slots()
    return {name: _fill(v, slots) for name, v in (domain.get("responses") or {}).items()}


def sms_default(variations: List[dict]) -> dict:
    """The variation an SMS conversation gets with no condition met (channel sms, else none)."""
    for variation in variations:
        if variation.get("channel") == "sms" and not variation.get("condition"):
            return variation
    return next(v for v in variations if not v.get("channel") and not v.get("condition"))


def sms_messages(names: Tuple[str, ...], all_responses: Dict[str, List[dict]]) -> List[str]:
    """The Twilio messages a reply of these responses becomes (options included)."""
    bot = [sms_default(all_responses[n]) for n in names]
    texts, _ = render_reply({"text": b.get("text"), "buttons": b.get("buttons")} for b in bot)
    return segment(texts)


def sms_segments(names: Tuple[str, ...], all_responses: Dict[str, List[dict]]) -> int:
    return sum(carrier_segments(m) for m in sms_messages(names, all_responses))


def faq_rows(all_responses: Dict[str, List[dict]]) -> List[Tuple[str, float, int]]:
    """(intent, FK grade of the answer, SMS segments with its options) per FAQ answer."""
    rows = []
    for intent in FAQ_INTENTS:
        name = f"utter_{intent}"
        text = sms_default(all_responses[name]).get("text", "")
        rows.append((intent, fk_grade(text), sms_segments((name,), all_responses)))
    return rows


def all_texts(all_responses: Dict[str, List[dict]]) -> List[str]:
    return [v.get("text", "") for vs in all_responses.values() for v in vs if v.get("text")]


def report(domain_dir: Path = domain_files.DOMAIN_DIR) -> str:
    all_responses = responses(domain_dir)
    rows = faq_rows(all_responses)
    grades = [g for _, g, _ in rows]
    lines = [
        f"first SMS reply (disclaimer + welcome): {sms_segments(FIRST_REPLY, all_responses)}"
        " segments",
        f"FAQ answers: median grade {statistics.median(grades):.1f}, max {max(grades):.1f};"
        f" over grade 8: {sum(g > 8 for g in grades)} of {len(grades)};"
        f" over 2 SMS segments: {sum(s > 2 for _, _, s in rows)}",
        "every response variation: median grade"
        f" {statistics.median(fk_grade(t) for t in all_texts(all_responses)):.1f}",
        "",
        "| FAQ answer | grade | SMS segments |",
        "|---|---|---|",
    ]
    lines += [f"| {intent} | {grade:.1f} | {segs} |" for intent, grade, segs in rows]
    return "\n".join(lines)


def main() -> int:  # pragma: no cover - a report for people
    print(report())
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
