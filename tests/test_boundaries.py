"""The import boundaries between the project's packages, read from the source with ``ast``.

What each rule keeps true (docs/architecture.md):

* no import cycles between modules, nor between the rooms of ``iop_assistant``
  (a subpackage, or a top-level module) and ``actions``;
* the store knows neither the staff console nor the schema's migrations (both use it);
* the action server loads the rasa-sdk only: nothing an action imports, however
  indirectly, imports Rasa or TensorFlow;
* production code never imports the test tooling (``tests``, ``devtools``, ``benchmarks``).

Imports inside functions count: they run too. ``from package import module``
depends on that module (the import-linter convention).
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = ("iop_assistant", "actions")
TOOLING = ("tests", "devtools", "benchmarks", "fuzz")
RASA_ONLY = ("rasa", "tensorflow")  # "rasa_sdk" is another top-level name


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=1)
def modules() -> Dict[str, Path]:
    return {
        module_name(path): path for top in PRODUCTION for path in sorted((ROOT / top).rglob("*.py"))
    }


def imported_names(name: str, path: Path) -> Iterator[str]:
    """Every dotted name ``path`` imports, relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else base


def own_module(name: str) -> str | None:
    """The project module ``name`` is or lies in (None for third-party names)."""
    while name and name not in modules():
        name = name.rpartition(".")[0]
    return name or None


@lru_cache(maxsize=1)
def graph() -> Tuple[Dict[str, Set[str]], Dict[str, Set[str]]]:
    """Module -> project modules it imports, and module -> third-party top-level names."""
    inside: Dict[str, Set[str]] = {}
    outside: Dict[str, Set[str]] = {}
    for name, path in modules().items():
        inside[name], outside[name] = set(), set()
        for imported in imported_names(name, path):
            target = own_module(imported)
            if target is None:
                outside[name].add(imported.split(".")[0])
            elif target != name:
                inside[name].add(target)
    return inside, outside


def room(name: str) -> str:
    """``iop_assistant.store.db`` -> ``iop_assistant.store``; a top-level module is its own."""
    parts = name.split(".")
    if parts[0] == "actions":
        return "actions"
    if len(parts) > 1 and (ROOT / parts[0] / parts[1]).is_dir():
        return ".".join(parts[:2])
    return name


def cycles(edges: Dict[str, Set[str]]) -> List[List[str]]:
    """Strongly connected components of more than one node (Tarjan)."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    found: List[List[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def reachable(start: str) -> Set[str]:
    inside, _ = graph()
    seen, todo = set(), [start]
    while todo:
        for target in inside[todo.pop()] - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_the_tree_is_read():
    inside, _ = graph()
    assert "iop_assistant.store.db" in inside["iop_assistant.notify.worker"]
    assert len(modules()) > 50


def test_no_import_cycles_between_modules():
    inside, _ = graph()
    assert cycles(inside) == []


def test_no_import_cycles_between_rooms():
    inside, _ = graph()
    rooms: Dict[str, Set[str]] = {}
    for source, targets in inside.items():
        rooms.setdefault(room(source), set()).update(
            room(target) for target in targets if room(target) != room(source)
        )
    assert cycles(rooms) == []


@pytest.mark.parametrize("forbidden", ["iop_assistant.console", "iop_assistant.migrations"])
def test_the_store_imports_neither_the_console_nor_the_migrations(forbidden):
    inside, _ = graph()
    store = [name for name in inside if room(name) == "iop_assistant.store"]
    assert store
    leaks = {
        (source, target)
        for source in store
        for target in inside[source]
        if target == forbidden or target.startswith(forbidden + ".")
    }
    assert leaks == set()


def test_nothing_an_action_imports_loads_rasa_or_tensorflow():
    _, outside = graph()
    actions = [name for name in modules() if name.split(".")[0] == "actions"]
    loaded = set(actions).union(*(reachable(name) for name in actions))
    assert "iop_assistant.action_server" in modules()
    loaded |= {"iop_assistant.action_server"} | reachable("iop_assistant.action_server")
    offenders = {name: outside[name] & set(RASA_ONLY) for name in loaded}
    assert {name: found for name, found in offenders.items() if found} == {}
    assert any("rasa_sdk" in outside[name] for name in actions)  # the check reads real imports


def test_production_code_never_imports_test_tooling():
    _, outside = graph()
    offenders = {name: found & set(TOOLING) for name, found in outside.items()}
    assert {name: found for name, found in offenders.items() if found} == {}


def _tooling_files(*tops: str) -> Iterator[Tuple[str, Path]]:
    for top in tops:
        for path in sorted((ROOT / top).rglob("*.py")):
            yield module_name(path), path


def test_devtools_and_benchmarks_never_import_the_tests():
    """devtools/ serves the tests, benchmarks and `make scale-demo`; never the reverse.
    (The evaluation scripts do run the conversation tests' code: scripts/ is not checked.)"""
    offenders = {
        name: imported
        for name, path in _tooling_files("devtools", "benchmarks", "fuzz")
        for imported in imported_names(name, path)
        if imported.split(".")[0] == "tests"
    }
    assert offenders == {}


def test_one_free_port_helper():
    """Every server the tests, benchmarks and demos start gets its port from devtools/ports.py."""
    defined = sorted(
        module
        for module, path in _tooling_files(*PRODUCTION, *TOOLING, "scripts")
        if "free_port" in (source := path.read_text(encoding="utf-8"))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "free_port"
    )
    assert defined == ["devtools.ports"]
