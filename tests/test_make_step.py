"""`make run`'s step runner: numbered steps, training progress, noise hidden, errors shown."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("make_step", REPO / "scripts" / "make_step.py")
make_step = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(make_step)

THIRD_PARTY = [
    "\x1b[0m\x1b[93m/x/.venv/lib/python3.10/site-packages/matplotlib/fontconfig_pattern.py:66: "
    "PyparsingDeprecationWarning: 'setParseAction' deprecated - use 'set_parse_action'",
    "  ).setParseAction(self._family)",
    "/x/.venv/lib/python3.10/site-packages/typer/completion.py:122: DeprecationWarning: "
    "'BaseCommand' is deprecated and will be removed in Click 9.0. Use 'Command' instead.",
    "  cli: click.BaseCommand,",
    "/x/site-packages/rasa/shared/utils/io.py:100: UserWarning: The utterance 'utter_no_more' "
    "is not used in any story or rule.",
]
REAL = [
    "/x/iop_assistant/program_facts.py:3: DeprecationWarning: our own code, shown",
    "/x/site-packages/rasa/shared/utils/io.py:100: UserWarning: Issue found in 'data/x.yml'",
    "Traceback (most recent call last):",
    "ValueError: a real problem",
]
EPOCHS = [f"Epochs:  {n * 10}%|███     | {n * 7}/70 [00:{n:02d}<00:10, 2.1it/s]" for n in range(11)]


def step(tmp_path, monkeypatch, capsys, script: str) -> tuple[int, str, str]:
    monkeypatch.setattr(make_step, "LOG_DIR", tmp_path)
    code = make_step.main(["3/5", "Train", "t", "--", sys.executable, "-c", script])
    return code, capsys.readouterr().out, (tmp_path / "make-t.log").read_text()


def printing(lines: list[str], exit_code: int = 0) -> str:
    return f"import sys\nfor line in {lines!r}: print(line)\nsys.exit({exit_code})"


def test_third_party_noise_is_hidden_and_kept_in_the_log(tmp_path, monkeypatch, capsys):
    code, out, log = step(tmp_path, monkeypatch, capsys, printing(THIRD_PARTY + REAL))
    assert code == 0
    assert out.startswith("[3/5] Train (")
    assert "setParseAction" not in out and "BaseCommand" not in out and "utter_no_more" not in out
    for line in REAL:
        assert line in out  # a real warning or error is never hidden
    for line in THIRD_PARTY:
        assert line in log


def test_training_shows_one_progress_line_per_tenth(tmp_path, monkeypatch, capsys):
    script = f"import sys\nfor bar in {EPOCHS!r}: sys.stderr.write(bar + '\\r')"
    code, out, log = step(tmp_path, monkeypatch, capsys, script)
    progress = [line for line in out.splitlines() if "epoch" in line]
    assert progress[0].strip() == "training: epoch 0/70, 00:00"
    assert progress[-1].strip() == "training: epoch 70/70, 00:10"
    assert len(progress) == 11 and "Epochs:" not in out
    assert sum(line.startswith("Epochs:") for line in log.splitlines()) == 11


def test_a_failure_shows_the_log_tail_and_keeps_the_exit_code(tmp_path, monkeypatch, capsys):
    code, out, _ = step(tmp_path, monkeypatch, capsys, printing(THIRD_PARTY, exit_code=3))
    assert code == 3
    assert "FAILED (exit 3)" in out and "full log:" in out
    assert "setParseAction" in out  # the tail is shown whole: nothing is hidden on failure


@pytest.mark.parametrize(
    "line",
    [
        "",
        "   ",
        "Processed rules: 100%|██| 12/12 [00:00<00:00]",
        "Processed actions: 273it [00:00, 2375.41it/s, # examples=394]",
        "2026-12-03 08:53:11 INFO     rasa.engine.training.hooks  - Starting to train component",
    ],
)
def test_routine_chatter_is_hidden(line):
    assert make_step.is_noise(line, after_warning=False)


def test_rasa_warnings_and_errors_are_shown():
    for level in ("WARNING", "ERROR"):
        line = f"2026-12-03 08:53:11 {level}  rasa.core.agent  - something to read"
        assert not make_step.is_noise(line, after_warning=False)
