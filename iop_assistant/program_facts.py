"""Program facts (help line, hours, address...) live in program.yml only.

Responses in domain.yml never spell out the help line: they use slot
templates such as ``{helpline}``. This module writes the slot block of
domain.yml from program.yml, so a clinic edits one file and `make train`
(which calls ``sync``) carries the change into every response.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict

import yaml

from iop_assistant import program_confirm

REPO_ROOT = Path(__file__).resolve().parents[1]
PROGRAM_FILE = REPO_ROOT / "program.yml"
DOMAIN_FILE = REPO_ROOT / "domain.yml"
BLOCK_START = "  # --- program facts (synced from program.yml; do not edit by hand) ---"
BLOCK_END = "  # --- end of program facts ---"
# The National Domestic Violence Hotline (thehotline.org): call, or text START.
DV_HOTLINE_DEFAULT = "1-800-799-7233 (or text START to 88788)"


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
    # a national resource, not the program's own: kept here because responses
    # never spell out a phone number (tests/content), they use slot templates
    dv_hotline: str = DV_HOTLINE_DEFAULT

    def as_slots(self) -> Dict[str, str]:
        """Slot name -> value, as used in response templates."""
        return {
            "program_name": self.program_name,
            "helpline": self.helpline,
            "helpline_e164": self.helpline_e164,
            "hours": self.hours,
            "address": self.address,
            "website": self.website,
            "dv_hotline": self.dv_hotline,
        }


def load(path: Path = PROGRAM_FILE) -> ProgramFacts:
    """Read program.yml."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    national = data.get("national_resources") or {}
    return ProgramFacts(
        program_name=str(data["program_name"]),
        helpline=str(data["helpline"]["display"]),
        helpline_e164=str(data["helpline"]["e164"]),
        hours=program_confirm.fact(data, "hours"),
        address=str(data.get("address", "")),
        website=str(data.get("website", "")),
        sms_number=str(data.get("sms_number") or ""),
        dv_hotline=str(national.get("domestic_violence") or DV_HOTLINE_DEFAULT),
    )


def render_slot_block(facts: ProgramFacts) -> str:
    """The domain.yml slot definitions carrying the facts as initial values."""
    lines = [BLOCK_START]
    for name, value in facts.as_slots().items():
        lines += [
            f"  {name}:",
            "    type: text",
            "    influence_conversation: false",
            f"    initial_value: {json.dumps(value, ensure_ascii=False)}",
            "    mappings:",
            "    - type: custom",
        ]
    lines.append(BLOCK_END)
    return "\n".join(lines)


def synced_domain_text(domain_text: str, facts: ProgramFacts) -> str:
    """domain.yml text with its facts block replaced by one rendered from ``facts``."""
    start = domain_text.index(BLOCK_START)
    end = domain_text.index(BLOCK_END) + len(BLOCK_END)
    return domain_text[:start] + render_slot_block(facts) + domain_text[end:]


def sync(domain_path: Path = DOMAIN_FILE, program_path: Path = PROGRAM_FILE) -> bool:
    """Rewrite domain.yml's facts block; True when something changed."""
    current = domain_path.read_text(encoding="utf-8")
    updated = synced_domain_text(current, load(program_path))
    if updated == current:
        return False
    domain_path.write_text(updated, encoding="utf-8")
    return True


def is_current(domain_path: Path = DOMAIN_FILE, program_path: Path = PROGRAM_FILE) -> bool:
    """Whether the committed domain.yml already carries program.yml's facts."""
    current = domain_path.read_text(encoding="utf-8")
    return synced_domain_text(current, load(program_path)) == current


def main(argv: list[str]) -> int:
    """``--check``: exit 1 when domain.yml is stale (never rewrites); else sync it."""
    if "--check" in argv:
        if not is_current():
            print("domain.yml is out of date with program.yml: run `make generate` and commit")
            return 1
        print("domain.yml matches program.yml")
        return 0
    changed = sync()
    print(
        "domain.yml updated from program.yml"
        if changed
        else "domain.yml already matches program.yml"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
