"""Program facts (help line, hours, address...) live in program.yml only.

Responses in domain/ never spell out the help line: they use slot templates
such as ``{helpline}``. This module writes those slots, with program.yml's
values as initial values, into one generated file, domain/program_facts.yml,
so a clinic edits one file and `make generate` carries the change into every
response. ``--check`` (run first by `make test`) fails, without rewriting,
when the committed file differs from what program.yml gives.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict

from iop_assistant import program_confirm, yaml_io

REPO_ROOT = Path(__file__).resolve().parents[1]
PROGRAM_FILE = REPO_ROOT / "program.yml"
FACTS_FILE = REPO_ROOT / "domain" / "program_facts.yml"
HEADER = (
    "# Generated from program.yml by `make generate` (python -m iop_assistant.program_facts):\n"
    "# do not edit by hand; edit program.yml, run `make generate` and commit both.\n"
    "# The program's facts as slots, so responses in domain/ say {helpline},\n"
    "# {program_name}, ... instead of spelling them out.\n"
)
# The National Domestic Violence Hotline (thehotline.org): call, or text START.
DV_HOTLINE_DEFAULT = "1-800-799-7233 (or text START to 88788)"
# The same hotline in Spanish replies (it has Spanish-speaking advocates), and
# SAMHSA's National Helpline (English and Spanish, free, confidential, every day,
# all day): the Spanish replies' place to talk when the help line may not speak Spanish.
DV_HOTLINE_ES_DEFAULT = "1-800-799-7233 (o envíe START por texto al 88788)"
SAMHSA_HELPLINE_DEFAULT = "1-800-662-4357"
SAMHSA_E164_DEFAULT = "+18006624357"
# America's Poison Centers, Poison Help line (free, every day at any hour, interpreters)
POISON_HELP_DEFAULT = "1-800-222-1222"
# Childhelp National Child Abuse Hotline (childhelphotline.org): call or text, any hour
CHILDHELP_DEFAULT = "1-800-422-4453"
# what the answer to "when does the help line answer?" says while nobody at the program has
# confirmed the hours: "is a person there at 3 am?" answered with only "if nobody answers..."
# left a caller asking three times (role-play round 24)
HOURS_UNKNOWN = "I can't confirm the help line's hours, so a person may not answer at every hour."
HOURS_UNKNOWN_ES = (
    "No puedo confirmar el horario de la línea de ayuda: quizá no conteste una persona a toda hora."
)


@dataclass(frozen=True)
class ProgramFacts:
    """The facts a program can change about itself."""

    program_name: str
    helpline: str
    helpline_e164: str
    hours: str
    address: str
    website: str
    sms_number: str = ""
    # Spanish replies' wording of the facts written in words (issue 18)
    hours_es: str = ""
    address_es: str = ""
    # a national resource, not the program's own: kept here because responses
    # never spell out a phone number (tests/content), they use slot templates
    dv_hotline: str = DV_HOTLINE_DEFAULT
    dv_hotline_es: str = DV_HOTLINE_ES_DEFAULT
    samhsa_helpline: str = SAMHSA_HELPLINE_DEFAULT
    samhsa_e164: str = SAMHSA_E164_DEFAULT
    poison_help: str = POISON_HELP_DEFAULT
    childhelp: str = CHILDHELP_DEFAULT

    @property
    def hours_answer(self) -> str:
        """The hours when confirmed, else an honest "I can't confirm them"."""
        return self.hours or HOURS_UNKNOWN

    @property
    def hours_answer_es(self) -> str:
        return self.hours_es or HOURS_UNKNOWN_ES

    def as_slots(self) -> Dict[str, str]:
        """Slot name -> value, as used in response templates."""
        return {
            "program_name": self.program_name,
            "helpline": self.helpline,
            "helpline_e164": self.helpline_e164,
            "hours": self.hours,
            "address": self.address,
            "hours_es": self.hours_es,
            "hours_answer": self.hours_answer,
            "hours_answer_es": self.hours_answer_es,
            "address_es": self.address_es,
            "website": self.website,
            "dv_hotline": self.dv_hotline,
            "dv_hotline_es": self.dv_hotline_es,
            "samhsa_helpline": self.samhsa_helpline,
            "samhsa_e164": self.samhsa_e164,
            "poison_help": self.poison_help,
            "childhelp": self.childhelp,
        }


def load(path: Path = PROGRAM_FILE) -> ProgramFacts:
    """Read program.yml."""
    data = yaml_io.read(path)
    national = data.get("national_resources") or {}
    return ProgramFacts(
        program_name=str(data["program_name"]),
        helpline=str(data["helpline"]["display"]),
        helpline_e164=str(data["helpline"]["e164"]),
        hours=program_confirm.fact(data, "hours"),
        address=str(data.get("address", "")),
        website=str(data.get("website", "")),
        sms_number=str(data.get("sms_number") or ""),
        hours_es=program_confirm.fact(data, "hours", "es"),
        address_es=str(data.get("address_es") or data.get("address", "")),
        dv_hotline=str(national.get("domestic_violence") or DV_HOTLINE_DEFAULT),
        dv_hotline_es=str(national.get("domestic_violence_es") or DV_HOTLINE_ES_DEFAULT),
        samhsa_helpline=str(national.get("samhsa_helpline") or SAMHSA_HELPLINE_DEFAULT),
        samhsa_e164=str(national.get("samhsa_e164") or SAMHSA_E164_DEFAULT),
        poison_help=str(national.get("poison_help") or POISON_HELP_DEFAULT),
        childhelp=str(national.get("childhelp") or CHILDHELP_DEFAULT),
    )


def render_facts_file(facts: ProgramFacts) -> str:
    """domain/program_facts.yml: the facts as slots with initial values."""
    lines = [HEADER + 'version: "3.1"', "", "slots:"]
    for name, value in facts.as_slots().items():
        lines += [
            f"  {name}:",
            "    type: text",
            "    influence_conversation: false",
            f"    initial_value: {json.dumps(value, ensure_ascii=False)}",
            "    mappings:",
            "    - type: custom",
        ]
    return "\n".join(lines) + "\n"


def is_current(facts_path: Path = FACTS_FILE, program_path: Path = PROGRAM_FILE) -> bool:
    """Whether the committed facts file is exactly what program.yml gives."""
    if not facts_path.exists():
        return False
    return facts_path.read_text(encoding="utf-8") == render_facts_file(load(program_path))


def sync(facts_path: Path = FACTS_FILE, program_path: Path = PROGRAM_FILE) -> bool:
    """Write the facts file from program.yml; True when something changed."""
    if is_current(facts_path, program_path):
        return False
    facts_path.write_text(render_facts_file(load(program_path)), encoding="utf-8")
    return True


def main(argv: list[str]) -> int:
    """``--check``: exit 1 when the facts file is stale (never rewrites); else write it."""
    name = FACTS_FILE.relative_to(REPO_ROOT)
    if "--check" in argv:
        if not is_current():
            print(f"{name} is out of date with program.yml: run `make generate` and commit")
            return 1
        print(f"{name} matches program.yml")
        return 0
    changed = sync()
    print(f"{name} updated from program.yml" if changed else f"{name} already matches program.yml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
