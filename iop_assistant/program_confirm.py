"""Program facts the article does not state, held back until the program confirms them.

program.yml's ``confirm_before_launch`` section lists every promise a reply could
make that the program article (our only source) never makes: the help line's
hours, insurance checks, relapse and drug-testing policies, what staff do in an
emergency, help with sober living. Each entry ships ``confirmed: false`` with a
``default`` that says only what the article says (often nothing); the wording in
``value`` is used only once a person at the program sets ``confirmed: true``.
``make run`` prints a warning while any entry is unconfirmed.

    python -m iop_assistant.program_confirm          # list unconfirmed entries (exit 0)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Dict, List

from iop_assistant import yaml_io

REPO_ROOT = Path(__file__).resolve().parents[1]
PROGRAM_FILE = REPO_ROOT / "program.yml"
SECTION = "confirm_before_launch"


def entries(data: Dict[str, Any]) -> Dict[str, Dict[str, Any]]:
    return dict(data.get(SECTION) or {})


def fact(data: Dict[str, Any], name: str, language: str = "en") -> str:
    """The confirmed wording, else the safe default ("" when the article says nothing).

    A fact still given the old way (a plain top-level value) is treated as confirmed.
    ``language="es"``: the Spanish replies' wording (``value_es`` / ``default_es``,
    issue 18); a confirmed fact without ``value_es`` is said as ``value``.
    """
    entry = entries(data).get(name)
    if entry is None:
        if language != "en" and data.get(f"{name}_{language}"):
            return str(data[f"{name}_{language}"])
        return str(data.get(name) or "")
    suffix = "" if language == "en" else f"_{language}"
    if entry.get("confirmed") is True:
        return str(entry.get(f"value{suffix}") or entry.get("value") or "")
    return str(entry.get(f"default{suffix}") or "")


def unconfirmed(path: Path = PROGRAM_FILE) -> List[str]:
    """Names of the entries nobody at the program has confirmed yet."""
    data = yaml_io.read(path) or {}
    return [name for name, e in entries(data).items() if (e or {}).get("confirmed") is not True]


def warning(path: Path = PROGRAM_FILE) -> str:
    names = unconfirmed(path)
    if not names:
        return ""
    return (
        f"WARNING: {len(names)} program facts in {path.name} are not confirmed "
        f"({', '.join(names)}): the assistant says only what the program article says "
        f"about them. Confirm each under '{SECTION}' before launch."
    )


def main() -> int:
    message = warning()
    print(message or "every program fact in confirm_before_launch is confirmed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
