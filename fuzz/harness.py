"""What the atheris harnesses share: handing a target to libFuzzer, and text from fuzz bytes.

Import this before the ``atheris.instrument_imports()`` block of a harness:
it imports nothing from the project, so the project modules a harness
imports inside that block are the ones that get coverage instrumentation.
"""

from __future__ import annotations

import sys
from typing import Callable, List

import atheris

MAX_TEXT = 500  # a little over what one SMS or one utterance carries


def run(one_input: Callable[[bytes], None]) -> None:
    """Fuzz ``one_input`` with libFuzzer arguments (-runs=N, -max_total_time=N, corpus dirs)."""
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


def text(data: atheris.FuzzedDataProvider, max_chars: int = MAX_TEXT) -> str:
    """Any Unicode text but lone surrogates, which neither Twilio nor UTF-8 can carry."""
    return data.ConsumeUnicodeNoSurrogates(data.ConsumeIntInRange(0, max_chars))


def texts(data: atheris.FuzzedDataProvider, most: int, max_chars: int = MAX_TEXT) -> List[str]:
    """Up to ``most`` texts."""
    return [text(data, max_chars) for _ in range(data.ConsumeIntInRange(0, most))]


def options(data: atheris.FuzzedDataProvider, most: int = 6) -> List[dict]:
    """Numbered options as the SMS and voice channels offer them (``number`` 1..n)."""
    return [
        {"number": str(i + 1), "title": text(data, 40), "payload": text(data, 40)}
        for i in range(data.ConsumeIntInRange(0, most))
    ]
