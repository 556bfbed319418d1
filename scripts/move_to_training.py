"""Move a tuned outsider understanding set into the NLU training data.

An outsider set stops being blind once its failures were used to change the
assistant (tests/evaluation/README.md). From then on its most useful life is as
training data: it was written by people who never saw ours, in the styles our
own examples miss (FAQ headings, search queries, long family messages). This
script turns ``tests/evaluation/<round>/understanding.yml`` into
``data/nlu/outsiders/<round>.yml`` (grouped by intent, one header saying where
it came from), leaves out messages that would leak into the held-out set or
contradict a label already in training, deletes the source file and marks the
round ``trained`` in ``status.json``.

    .venv/bin/python scripts/move_to_training.py v4
    .venv/bin/python scripts/move_to_training.py --crisis v1 v2 v3 v4 v5 v6
    .venv/bin/python scripts/move_to_training.py --crisis-training train16-en PATH/crisis.yml

``--crisis`` copies a tuned crisis set instead: its crisis messages become ``crisis``
examples and the look-alikes whose kind says what they are become examples of that
intent (worried or past stories, own use and "no danger now" statements: ``inform_use``,
or ``deny`` when they start with a no; idioms: ``out_of_scope``; safety questions, general
questions about danger and what-ifs: ``ask_safety_procedures``), so the classifier learns
the line between them from people who never saw our lexicon. Look-alikes of other kinds, and stories
with a question in them, are left out (their intent is not known). The set itself stays
as regression data, marked ``trained``; nothing in ``tests/safety/`` is used.

``--crisis-training NAME PATH`` copies a crisis set that outside helpers wrote for training
only (same format, never an evaluation set) into ``data/nlu/outsiders/crisis_NAME.yml``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

import yaml

REPO = Path(__file__).resolve().parents[1]
EVALUATION = REPO / "tests" / "evaluation"
OUTSIDERS = REPO / "data" / "nlu" / "outsiders"
HELD_OUT = REPO / "tests" / "nlu_holdout.yml"


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


def rasa_examples(path: Path) -> Iterable[Tuple[str, str]]:
    """(text, intent) pairs of one Rasa NLU file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for block in data.get("nlu", []) or []:
        if "intent" not in block:
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                yield line[2:].strip(), str(block["intent"])


def labels_elsewhere(skip: Path) -> Tuple[Dict[str, str], set]:
    """Labels already in training (other than ``skip``) and the held-out texts."""
    training = {
        normalised(text): intent
        for path in sorted((REPO / "data" / "nlu").rglob("*.yml"))
        if path != skip
        for text, intent in rasa_examples(path)
    }
    held_out = {normalised(text) for text, _ in rasa_examples(HELD_OUT)}
    return training, held_out


def one_line(text: str) -> str:
    """A training line: one line, and no ``[x](y)`` that Rasa would read as an entity."""
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\]\(", "] (", text)


def render(round_name: str, by_intent: Dict[str, List[str]]) -> str:
    lines = [
        'version: "3.1"',
        f"# Outsider set {round_name}: messages written and labelled by helpers who never saw",
        "# this project's code or data (tests/evaluation/README.md). It was measured blind,",
        "# then tuned on, and moved here by scripts/move_to_training.py. Edit labels here;",
        "# do not add our own examples to this file.",
        "nlu:",
    ]
    for intent in sorted(by_intent):
        lines.append(f"- intent: {intent}")
        lines.append("  examples: |")
        lines.extend(f"    - {text}" for text in by_intent[intent])
    return "\n".join(lines) + "\n"


def select(
    pairs: Iterable[Tuple[str, str]], training: Dict[str, str], held_out: set
) -> Tuple[Dict[str, List[str]], int, int, int]:
    """The new examples by intent, and how many were kept, held out or contradicted."""
    by_intent: Dict[str, List[str]] = defaultdict(list)
    seen: set = set()
    kept = leaked = contradicted = 0
    for raw, intent in pairs:
        text = one_line(raw)
        key = normalised(text)
        if not text or key in seen:
            continue
        seen.add(key)
        if key in held_out:
            leaked += 1
            continue
        if training.get(key, intent) != intent:
            contradicted += 1
            continue
        if key in training:
            continue
        by_intent[intent].append(text)
        kept += 1
    return by_intent, kept, leaked, contradicted


def move(round_name: str) -> Tuple[int, int, int]:
    source = EVALUATION / round_name / "understanding.yml"
    target = OUTSIDERS / f"{round_name}.yml"
    training, held_out = labels_elsewhere(skip=target)
    items = yaml.safe_load(source.read_text(encoding="utf-8"))
    by_intent, kept, leaked, contradicted = select(
        ((str(item["text"]), str(item["intent"])) for item in items), training, held_out
    )
    OUTSIDERS.mkdir(parents=True, exist_ok=True)
    target.write_text(render(round_name, by_intent), encoding="utf-8")
    source.unlink()
    status_path = EVALUATION / "status.json"
    status = json.loads(status_path.read_text(encoding="utf-8"))
    status.pop(str(source.relative_to(REPO)), None)
    status[str(target.relative_to(REPO))] = "trained"
    status_path.write_text(json.dumps(status, indent=2) + "\n", encoding="utf-8")
    return kept, leaked, contradicted


LOOK_ALIKE_INTENTS = {
    "worried_disclosure": "inform_use",
    "family_worry": "inform_use",
    "mild_withdrawal": "inform_use",
    "substance_answer": "inform",
    "screening_answer": "inform",
    "own_use": "inform_use",
    "past_event": "inform_use",
    "third_party_past": "inform_use",
    "mild_symptom": "inform_use",
    "idiom": "out_of_scope",
    "safety_question": "ask_safety_procedures",
    # round 18 (v12: 14 of its 21 false alarms were of these kinds): a general question
    # about danger and a what-if are the safety question; a "no danger now" statement is a
    # no when it starts with one, otherwise a story
    "general_question": "ask_safety_procedures",
    "future_what_if": "ask_safety_procedures",
    "no_danger_now": "inform_use",
}
_STARTS_WITH_NO = re.compile(r"^\W*(?:no|nope|nah|not\s+really|para\s+nada)\b", re.IGNORECASE)


# an idiom in a question about the program ("i'm dying to know what the program costs") is
# that program question, not out of scope: round 22 found 162 of 963 idiom examples about
# the program, which taught the classifier that "dying to know the cost" was unrelated
PROGRAM_WORDS = re.compile(
    r"\b(?:cost|costs|price|pay|insurance|aetna|cigna|medicaid|medicare|blue\s+cross|intake|groups?|"
    r"program|iop|appointment|sessions?|schedule|start|started|enroll|sign\s+up|counsel\w*|therap\w*|"
    r"detox|family\s+night|wait\s*list|admission|assessment|help\s*line|call\s*back|drug\s+test|"
    r"seguro|programa|grupos?|cita|sesi[oó]n\w*|terapia|consejer\w*|precio|cuesta)\b",
    re.IGNORECASE,
)
ASKS = re.compile(
    r"\?|\b(?:know|do\s+(?:you|u)|what|when|how|can\s+(?:you|u|i)|is\s+there|are\s+there|does|"
    r"qu[eé]|cu[aá]ndo|c[oó]mo|cu[aá]nto|tienen|aceptan|puedo)\b",
    re.IGNORECASE,
)


def look_alike_intent(kind: str, text: str) -> str | None:
    """The intent a look-alike of ``kind`` is an example of (None: not known)."""
    intent = LOOK_ALIKE_INTENTS.get(kind)
    if kind == "idiom" and PROGRAM_WORDS.search(text) and ASKS.search(text):
        return None  # a program question; which topic is not known
    if kind == "no_danger_now" and _STARTS_WITH_NO.search(text):
        return "deny"
    return intent


SAFETY = REPO / "tests" / "safety"


def crisis_examples(source: Path) -> Iterable[Tuple[str, str]]:
    """(text, intent) for a crisis set: every crisis message, the look-alikes we can label."""
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    for item in data.get("crisis", []) or []:
        yield str(item["text"]), "crisis"
    for item in data.get("not_crisis", []) or []:
        text = str(item["text"])
        intent = look_alike_intent(str(item.get("kind") or ""), text)
        if intent and (intent == "ask_safety_procedures" or "?" not in text):
            yield text, intent


def safety_texts() -> set:
    texts = set()
    for path in SAFETY.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for item in data.get("messages", []) if isinstance(data, dict) else []:
            texts.add(normalised(str(item["text"] if isinstance(item, dict) else item)))
    return texts


def copy_crisis(round_name: str) -> Tuple[int, int, int]:
    source = EVALUATION / round_name / "crisis.yml"
    target = OUTSIDERS / f"crisis_{round_name}.yml"
    training, held_out = labels_elsewhere(skip=target)
    held_out |= safety_texts()
    by_intent, kept, leaked, contradicted = select(crisis_examples(source), training, held_out)
    target.write_text(render(f"crisis {round_name}", by_intent), encoding="utf-8")
    status_path = EVALUATION / "status.json"
    status = json.loads(status_path.read_text(encoding="utf-8"))
    status[str(source.relative_to(REPO))] = "trained"
    status[str(target.relative_to(REPO))] = "trained"
    status_path.write_text(json.dumps(status, indent=2) + "\n", encoding="utf-8")
    return kept, leaked, contradicted


RENDERED_HISTORY = (
    "# this project's code or data (tests/evaluation/README.md). It was measured blind,\n"
    "# then tuned on, and moved here by scripts/move_to_training.py. Edit labels here;\n"
)
TRAINING_ONLY_HISTORY = (
    "# this project's code, data or test sets, written for training only (round 16: crisis\n"
    "# messages from published warning-sign lists, and look-alikes); never an evaluation set.\n"
    "# Copied here by scripts/move_to_training.py --crisis-training. Edit labels here;\n"
)


def copy_crisis_training(name: str, source: Path) -> Tuple[int, int, int]:
    """A crisis set written for training only: into training the same way as a tuned one."""
    target = OUTSIDERS / f"crisis_{name}.yml"
    training, held_out = labels_elsewhere(skip=target)
    held_out |= safety_texts()
    by_intent, kept, leaked, contradicted = select(crisis_examples(source), training, held_out)
    text = render(f"crisis {name} (written for training)", by_intent).replace(
        RENDERED_HISTORY, TRAINING_ONLY_HISTORY
    )
    target.write_text(text, encoding="utf-8")
    return kept, leaked, contradicted


def main(argv: List[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--crisis-training" and len(argv) == 3:
        kept, leaked, contradicted = copy_crisis_training(argv[1], Path(argv[2]))
        print(f"crisis {argv[1]}: {kept} copied; {leaked} held out, {contradicted} contradicting")
        return 0
    if argv[0] == "--crisis":
        for round_name in argv[1:]:
            kept, leaked, contradicted = copy_crisis(round_name)
            print(
                f"crisis {round_name}: {kept} messages copied into training; left out {leaked} "
                f"held-out or safety-set texts and {contradicted} that contradict a training label"
            )
        return 0
    for round_name in argv:
        kept, leaked, contradicted = move(round_name)
        print(
            f"{round_name}: {kept} messages moved into training; left out {leaked} that are in "
            f"the held-out set and {contradicted} that contradict a label already in training"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
