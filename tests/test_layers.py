"""The test layers hold: a test that needs a model, a server, a browser or a database
can never run in `make test-unit` (tests/layers.py, applied by tests/conftest.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.layers import BY_DIRECTORY, BY_FIXTURE, LAYERS, TESTS, UNIT, marks_for

REPO = TESTS.parent

# what each directory's tests need, written down independently of the rule table
NEEDS = {
    "server": {"server", "model"},
    "server/browser": {"server", "model", "browser"},
    "scale": {"services"},
}


def files_under(directory: str) -> list[Path]:
    return sorted((TESTS / directory).rglob("test_*.py"))


@pytest.mark.parametrize("directory", sorted(NEEDS))
def test_every_test_under_a_layer_directory_carries_its_markers(directory: str) -> None:
    files = files_under(directory)
    assert files, f"tests/{directory} holds no tests: was it renamed? update tests/layers.py"
    for path in files:
        missing = NEEDS[directory] - marks_for(path, ())
        assert not missing, f"{path.relative_to(REPO)} would run without {sorted(missing)}"


def test_the_rules_name_only_directories_that_exist() -> None:
    assert set(BY_DIRECTORY) == set(NEEDS)
    for directory in BY_DIRECTORY:
        assert (TESTS / directory).is_dir(), f"tests/{directory} is gone: update tests/layers.py"


def test_the_rules_name_only_fixtures_that_exist() -> None:
    """A renamed fixture would silently drop its tests into the unit layer."""
    sources = "\n".join(p.read_text() for p in TESTS.rglob("*.py"))
    for fixture in BY_FIXTURE:
        assert re.search(rf"^def {fixture}\(", sources, re.M), f"no fixture named {fixture}"


def test_a_test_elsewhere_is_marked_by_the_fixtures_it_uses() -> None:
    elsewhere = TESTS / "console" / "test_console_phone.py"
    assert marks_for(elsewhere, ["settings", "chromium"]) == {"browser"}
    assert marks_for(elsewhere, ["settings", "clock"]) == set()
    assert marks_for(TESTS / "faults" / "test_x.py", ["servers"]) == {"server", "model"}


def test_every_layer_is_registered_and_left_out_of_make_test_unit(
    pytestconfig: pytest.Config,
) -> None:
    registered = {line.split(":")[0].strip() for line in pytestconfig.getini("markers")}
    assert set(LAYERS) <= registered
    used = {name for names in (*BY_DIRECTORY.values(), *BY_FIXTURE.values()) for name in names}
    assert used <= set(LAYERS)
    makefile = (REPO / "Makefile").read_text()
    assert f'-m "{UNIT}"' in makefile


def test_this_run_marked_what_it_collected(request: pytest.FixtureRequest) -> None:
    """The hook ran before selection: every selected test's markers match its rules."""
    for item in request.session.items:
        expected = marks_for(Path(item.path), item.fixturenames)
        assert expected <= {mark.name for mark in item.iter_markers()}, item.nodeid
