"""The intent names a reviewer can choose from: domain.yml's intents."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

import yaml

DOMAIN = Path(__file__).resolve().parents[2] / "domain.yml"


def load_intents(path: Path | None = None) -> List[str]:
    """Intent names from the domain (``CONSOLE_DOMAIN_PATH`` overrides the path)."""
    path = path or Path(os.environ.get("CONSOLE_DOMAIN_PATH") or DOMAIN)
    try:
        domain = yaml.safe_load(path.read_text()) or {}
    except OSError:
        return []
    names = []
    for item in domain.get("intents") or []:
        name = next(iter(item)) if isinstance(item, dict) else item
        if isinstance(name, str) and name != "nlu_fallback":
            names.append(name)
    return sorted(set(names))
