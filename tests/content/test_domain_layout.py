"""domain/ and data/ stay readable: one concern per file, each saying what it holds.

Rasa merges every file in domain/ and silently keeps one of two definitions of
the same name, so a name defined twice is caught here instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from iop_assistant import domain_files, program_facts, yaml_io
from tests.domains import rasa_domain

REPO = Path(__file__).resolve().parents[2]
DATA_FILES = sorted((REPO / "data").rglob("*.yml"))


@pytest.mark.parametrize("path", domain_files.domain_files(), ids=lambda p: p.name)
def test_every_domain_file_starts_by_saying_what_it_holds(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("# "), path.name


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_every_data_file_has_a_header(path: Path) -> None:
    head = path.read_text(encoding="utf-8").splitlines()[:3]
    assert any(line.startswith("# ") for line in head), f"{path}: add a header comment"


def test_no_catch_all_data_files() -> None:
    catch_alls = [p for p in DATA_FILES if p.stem.endswith(("_more", "_misc", "_other"))]
    assert not catch_alls, "put each example in the file of its topic"


def test_rasa_and_the_plain_reader_see_the_same_domain() -> None:
    raw = domain_files.load_raw()  # raises on a name defined in two files
    domain = rasa_domain()
    assert set(domain.responses) == set(raw["responses"])
    assert {s.name for s in domain.slots} >= set(raw["slots"])
    intents = {next(iter(i)) if isinstance(i, dict) else i for i in raw["intents"]}
    assert set(domain.intents) >= intents
    assert set(domain.forms) == set(raw["forms"])


def test_the_fast_yaml_reader_reads_what_safe_load_reads() -> None:
    """The project reads its YAML with libyaml when it can (yaml_io); every domain, data,
    lexicon and program file gives the same data as PyYAML's pure-Python safe_load."""
    lexicons = sorted((REPO / "iop_assistant" / "nlu").glob("*.yml"))
    for path in [*domain_files.domain_files(), *DATA_FILES, *lexicons, REPO / "program.yml"]:
        text = path.read_text(encoding="utf-8")
        assert yaml_io.safe_load(text) == yaml.safe_load(text), path


def test_the_read_domain_is_a_copy_and_an_edit_is_seen(tmp_path: Path) -> None:
    """load_raw keeps the last reading: a caller changing its dict changes nothing for
    the next caller, and an edited or added file is read again."""
    (tmp_path / "a.yml").write_text("responses:\n  utter_a:\n  - text: one\n")
    first = domain_files.load_raw(tmp_path)
    first["responses"]["utter_a"][0]["text"] = "changed by a caller"
    assert domain_files.load_raw(tmp_path)["responses"]["utter_a"][0]["text"] == "one"
    (tmp_path / "a.yml").write_text("responses:\n  utter_a:\n  - text: two, edited\n")
    assert domain_files.load_raw(tmp_path)["responses"]["utter_a"][0]["text"] == "two, edited"
    (tmp_path / "b.yml").write_text("intents:\n- greet\n")
    assert domain_files.load_raw(tmp_path)["intents"] == ["greet"]


def test_program_facts_are_only_in_the_generated_file() -> None:
    facts = set(program_facts.load().as_slots())
    for path in domain_files.domain_files():
        if path == program_facts.FACTS_FILE:
            continue
        slots = set(domain_files.load_raw(path).get("slots") or {})
        assert not slots & facts, f"{path.name} defines a program fact; it belongs in program.yml"
    assert program_facts.FACTS_FILE.read_text().startswith("# Generated from program.yml")


def test_a_name_defined_in_two_files_is_refused(tmp_path: Path) -> None:
    for name in ("a.yml", "b.yml"):
        (tmp_path / name).write_text('version: "3.1"\nresponses:\n  utter_x:\n  - text: "hi"\n')
    with pytest.raises(domain_files.DuplicateDomainKeyError, match="utter_x"):
        domain_files.load_raw(tmp_path)
