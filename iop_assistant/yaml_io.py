"""Reading YAML with libyaml's safe loader, the one way the project reads its own files.

PyYAML's wheels are built with libyaml, whose safe loader gives the same data as
``yaml.safe_load`` about ten times faster. Program facts, the crisis lexicon and the
domain are read at every start of the action server, the console and each test
process, so the pure-Python loader's cost added up (about 20 s of ``make test-unit``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, through libyaml when it is there."""
    return yaml.load(text, Loader=SAFE_LOADER)


def read(path: Path | str) -> Any:
    """The YAML file at ``path`` (UTF-8) as plain data."""
    return safe_load(Path(path).read_text(encoding="utf-8"))
