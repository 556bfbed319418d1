"""Runs one `make` step quietly: a numbered title, a progress line, real errors; all in a log.

`make run` on a fresh checkout installs, builds the spaCy pipeline, trains and
builds the widget before starting anything, and the tools print hundreds of
third-party deprecation warnings on the way. This wrapper prints

    [3/5] Train the model (var/log/make-train.log)
          epoch 41/70, 0:00:38

and passes through every line it does not know as noise (so a real error is
still seen). The known noise is the short list :data:`NOISE` below: specific
warnings from third-party packages, each named by its text. Every line,
noise included, goes to the log. On failure the log's last lines are shown.

Standard library only: it also runs the install step, before .venv exists.

    python3 scripts/make_step.py 3/5 "Train the model" train -- .venv/bin/rasa train …
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import IO, Iterator, List, Pattern

LOG_DIR = Path("var/log")
TAIL_ON_FAILURE = 40

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A Python warning is two lines: "<file>:<line>: <Category>: <text>" and the source line.
WARNING = re.compile(r"^(?P<file>\S+):\d+: (?P<category>\w*Warning): (?P<text>.*)")
# Deprecations raised inside installed packages (pyparsing under matplotlib,
# click under typer and spaCy, jax under TensorFlow...): nothing this project
# can act on, and Rasa 3.6 pins most of them.
THIRD_PARTY = re.compile(r"/site-packages/")
DEPRECATION = re.compile(r"(Deprecation|PendingDeprecation|Future)Warning$")
# Other known warnings, by the text Python or Rasa prints. Anything else is shown.
NOISE: List[Pattern[str]] = [
    re.compile(p)
    for p in (
        # SQLAlchemy 1.4's "2.0 is coming" notice (Rasa's tracker store)
        r"Deprecated API features detected! These feature\(s\) are not compatible",
        # Rasa's validator on responses no story or rule names: `make validate`
        # checks these properly (scripts/validate.py: those an action utters count)
        r"The utterance '\w+' is not used in any story or rule",
        # pip's notice about itself
        r"A new release of pip is available",
        r"^\[notice\]",
        # pip on a machine whose pip.conf names a local mirror folder that is not there
        r"WARNING: Location 'file:[^']*' is ignored: it is neither a file nor a directory",
    )
]
# Lines printed when nothing is wrong, hidden like noise: blank lines, tqdm bars,
# and Rasa's INFO/DEBUG log lines (its WARNING and ERROR lines are shown).
CHATTER: List[Pattern[str]] = [
    re.compile(p)
    for p in (
        r"^\s*$",
        r"^\s*(Epochs|Processed \w+( \w+)?|Processing \w+):?\s.*(\d+/\d+|\d+it \[)",
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (INFO|DEBUG) ",
    )
]
EPOCH = re.compile(
    r"Epochs:\s+\d+%\|[^|]*\|\s*(?P<done>\d+)/(?P<total>\d+)\s*\[(?P<elapsed>[\d:]+)"
)
TRAINING_COMPONENT = re.compile(r"Starting to train component '(?P<name>\w+)'")


def lines(stream: IO[bytes]) -> Iterator[str]:
    """Lines of the child's output, split on \\r too (tqdm redraws its bar with \\r)."""
    pending = b""
    for chunk in iter(lambda: stream.read1(4096), b""):  # type: ignore[attr-defined]
        pending += chunk
        *complete, pending = re.split(rb"\r\n|\r|\n", pending)
        for line in complete:
            yield line.decode("utf-8", errors="replace")
    if pending:
        yield pending.decode("utf-8", errors="replace")


def is_noise(line: str, after_warning: bool) -> bool:
    """Known third-party noise or routine chatter (``after_warning``: the line
    follows a hidden warning, so an indented one is that warning's source line)."""
    match = WARNING.match(line)
    if match:
        if THIRD_PARTY.search(match["file"]) and DEPRECATION.search(match["category"]):
            return True
        return any(p.search(match["text"]) for p in NOISE)
    if after_warning and line.startswith("  "):
        return True
    return any(p.search(line) for p in NOISE + CHATTER)


class Progress:
    """One line that rewrites itself on a terminal (with the elapsed time), or,
    when the output is not a terminal, a line per tenth of the epochs."""

    def __init__(self, out: IO[str]) -> None:
        self.out, self.tty, self.shown = out, out.isatty(), False
        self.started = time.monotonic()
        self.last_decile = -1
        self.component = ""

    def update(self, text: str, decile: int | None = None) -> None:
        if self.tty:
            elapsed = int(time.monotonic() - self.started)
            self.out.write(f"\r      {text} ({elapsed // 60}:{elapsed % 60:02d} so far)\x1b[K")
            self.shown = True
        elif decile is not None and decile != self.last_decile:
            self.out.write(f"      {text}\n")
        if decile is not None:
            self.last_decile = decile
        self.out.flush()

    def end(self) -> None:
        if self.shown:
            self.out.write("\n")
            self.shown = False

    def feed(self, line: str) -> bool:
        """True when the line was progress (and was shown as such)."""
        component = TRAINING_COMPONENT.search(line)
        if component:
            self.component = component["name"]
            self.update(f"training {self.component}")
            return False
        epoch = EPOCH.search(line)
        if not epoch:
            return False
        done, total = int(epoch["done"]), int(epoch["total"])
        what = f"training {self.component}: " if self.component else "training: "
        self.update(f"{what}epoch {done}/{total}, {epoch['elapsed']}", decile=done * 10 // total)
        return True


def run(step: str, title: str, log_name: str, command: List[str]) -> int:
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    log_path = LOG_DIR / f"make-{log_name}.log"
    out = sys.stdout
    out.write(f"[{step}] {title} ({log_path})\n")
    out.flush()
    started = time.monotonic()
    progress = Progress(out)
    shown_tail: List[str] = []
    with open(log_path, "w", encoding="utf-8") as log:
        log.write(f"$ {' '.join(command)}\n")
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=os.environ
        )
        assert proc.stdout is not None
        after_warning = False
        for raw in lines(proc.stdout):
            log.write(raw + "\n")
            line = ANSI.sub("", raw)
            if progress.feed(line):
                continue
            hidden = is_noise(line, after_warning)
            after_warning = hidden and bool(WARNING.match(line) or after_warning)
            if hidden:
                continue
            progress.end()
            out.write(f"      {line}\n")
            out.flush()
            shown_tail.append(line)
        code = proc.wait()
    progress.end()
    elapsed = time.monotonic() - started
    if code != 0:
        logged = log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        tail = [ANSI.sub("", line) for line in logged[-TAIL_ON_FAILURE:]]
        out.write(f"      FAILED (exit {code}) after {elapsed:.0f} s; the log's last lines:\n")
        out.writelines(f"      | {line}\n" for line in tail)
        out.write(f"      full log: {log_path}\n")
        out.flush()
        return code
    out.write(f"      done in {elapsed:.0f} s\n")
    out.flush()
    return 0


def main(argv: List[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").partition("\n")[0])
    parser.add_argument("step", help='e.g. "3/5"')
    parser.add_argument("title")
    parser.add_argument("log", help="log name: var/log/make-<log>.log")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command after --")
    return run(args.step, args.title, args.log, command)


if __name__ == "__main__":
    sys.exit(main())
