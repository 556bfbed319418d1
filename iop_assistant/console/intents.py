"""The intent names a reviewer can choose from: the domain's intents (domain/)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List

from iop_assistant import domain_files


def load_intents(path: Path | None = None) -> List[str]:
    """Intent names from the domain directory (``CONSOLE_DOMAIN_PATH`` overrides it)."""
    path = path or Path(os.environ.get("CONSOLE_DOMAIN_PATH") or domain_files.DOMAIN_DIR)
    try:
        domain = domain_files.load_raw(path)
    except OSError:
        return []
    names = []
    for item in domain.get("intents") or []:
        name = next(iter(item)) if isinstance(item, dict) else item
        if isinstance(name, str) and name != "nlu_fallback":
            names.append(name)
    return sorted(set(names))
