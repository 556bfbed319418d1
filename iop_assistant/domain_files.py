"""Where the Rasa domain lives (``domain/``, one file per concern) and how to read it whole.

Rasa merges every YAML file in ``domain/`` when given ``--domain domain``. Tools
that need the domain as plain data (the action-server view, reports, the staff
console) read it here instead of opening one file, so a new file in ``domain/``
is seen everywhere. Standard library and PyYAML only: the console and the
action server must not import Rasa for this.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict, List, Tuple

from iop_assistant import yaml_io

REPO_ROOT = Path(__file__).resolve().parents[1]
DOMAIN_DIR = REPO_ROOT / "domain"
LIST_KEYS = ("intents", "entities", "actions")
MAPPING_KEYS = ("slots", "forms", "responses")
SAFE_LOADER: Any = yaml_io.SAFE_LOADER
# (path, mtime, size) of every file -> the merged domain, so the console, the callback
# texts and the tests read an unchanged domain/ once a process (about 50 ms a read)
_Signature = Tuple[Tuple[str, int, int], ...]
_merged_cache: Dict[_Signature, Dict[str, Any]] = {}


class DuplicateDomainKeyError(ValueError):
    """Two domain files define the same slot, form, response or list entry.

    Rasa would silently keep one of them, so this is always a mistake.
    """


def domain_files(domain_dir: Path = DOMAIN_DIR) -> List[Path]:
    """Every YAML file Rasa reads from ``domain_dir`` (or that one file), in a stable order."""
    if domain_dir.is_file():
        return [domain_dir]
    return sorted(p for p in domain_dir.rglob("*") if p.suffix in (".yml", ".yaml"))


def _entry_name(item: Any) -> str:
    return next(iter(item)) if isinstance(item, dict) else str(item)


def load_raw(domain_dir: Path = DOMAIN_DIR) -> Dict[str, Any]:
    """The merged domain as a plain dict (the shape of a single domain.yml).

    Each call returns its own copy: callers may change it without touching the cache,
    and an edited, added or removed file is read again."""
    paths = domain_files(domain_dir)
    signature = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in paths)
    merged = _merged_cache.get(signature)
    if merged is None:
        merged = _merge(paths)
        _merged_cache.clear()  # one domain/ per process: keep only the latest reading
        _merged_cache[signature] = merged
    return copy.deepcopy(merged)


def _merge(paths: List[Path]) -> Dict[str, Any]:
    merged: Dict[str, Any] = {}
    seen: Dict[str, Path] = {}
    for path in paths:
        part = yaml_io.read(path) or {}
        for key, value in part.items():
            if key in LIST_KEYS:
                for item in value or []:
                    _claim(seen, f"{key}:{_entry_name(item)}", path)
                    merged.setdefault(key, []).append(item)
            elif key in MAPPING_KEYS:
                for name, body in (value or {}).items():
                    _claim(seen, f"{key}:{name}", path)
                    merged.setdefault(key, {})[name] = body
            else:  # version, session_config: one value for the whole domain
                if key != "version" and key in merged and merged[key] != value:
                    raise DuplicateDomainKeyError(f"{key} is set in more than one file ({path})")
                merged[key] = value
    return merged


def _claim(seen: Dict[str, Path], key: str, path: Path) -> None:
    if key in seen:
        raise DuplicateDomainKeyError(f"{key} is defined in {seen[key].name} and {path.name}")
    seen[key] = path
