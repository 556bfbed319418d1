"""Language-detection accuracy on a YAML list of short texts (issue 18).

    python scripts/eval_language.py FILE [--verbose]

FILE is a YAML list of ``{text, lang: es|en|mixed, answer_in: es|en|either}``.
Each text is read alone, as the first message of a conversation, by the same
function the NLU component uses (``iop_assistant.language.component.choose``):
the answer language is the choice it makes, or English (the default) when it
makes none. An ``either`` item is right when no choice is made or the choice
matches ``lang`` (a Spanish "hola" may switch, it must not be required to).
Prints accuracy overall and by ``lang``, and every miss with ``--verbose``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from iop_assistant.language import ENGLISH  # noqa: E402
from iop_assistant.language.choice import choose  # noqa: E402


def judge(item: dict) -> tuple[bool, str | None]:
    chosen, _ = choose(str(item["text"]))
    wanted = str(item.get("answer_in", "either"))
    if wanted == "either":
        return chosen is None or chosen == item.get("lang"), chosen
    return (chosen or ENGLISH) == wanted, chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Language-detection accuracy on short texts")
    parser.add_argument("file", type=Path)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    items = yaml.safe_load(args.file.read_text(encoding="utf-8")) or []
    right, total = Counter(), Counter()
    misses = []
    for item in items:
        ok, chosen = judge(item)
        for key in ("all", f"lang={item.get('lang')}", f"answer_in={item.get('answer_in')}"):
            total[key] += 1
            right[key] += ok
        if not ok:
            misses.append((item, chosen))
    for key in sorted(total, key=lambda k: (k != "all", k)):
        print(f"{key:20s} {right[key]:4d}/{total[key]:<4d} {right[key] / total[key]:.3f}")
    if args.verbose:
        for item, chosen in misses:
            print(f"MISS chose={chosen or '-'} want={item.get('answer_in')}: {item['text']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
