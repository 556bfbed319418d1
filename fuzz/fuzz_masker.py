"""Fuzz the PII masker (``iop_assistant.privacy``) that every staff view goes through.

Invariants (as in tests/console/test_console_privacy.py): ``mask`` never
raises, whatever the text and form values; a US phone number written in any
usual style, put anywhere in any text, leaves no run of 7 or more digits
(with phone separators between them) in the masked text.
"""

from __future__ import annotations

import re

import atheris
from harness import run, text, texts

with atheris.instrument_imports(include=["iop_assistant"]):
    from iop_assistant import privacy

STYLES = [
    "({}) {}-{}",
    "{}-{}-{}",
    "{}.{}.{}",
    "{}{}{}",
    "{} {} {}",
    "+1 {} {} {}",
    "1-{}-{}-{}",
    "+1({}){}-{}",
]
SPOKEN = ["zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
DIGIT_RUN = re.compile(r"[0-9](?:[ ().-]{0,3}[0-9]){6,}")  # ASCII: narrower than the masker's


def phone_number(data: atheris.FuzzedDataProvider) -> str:
    """A valid-looking US number (no N11 area codes) in one of the usual styles."""
    area = data.ConsumeIntInRange(201, 989)
    area = area if area % 100 != 11 else area + 1
    digits = f"{area}{data.ConsumeIntInRange(200, 999)}{data.ConsumeIntInRange(0, 9999):04d}"
    style = data.PickValueInList(STYLES)
    return style.format(digits[:3], digits[3:6], digits[6:])


def one_input(raw: bytes) -> None:
    """Text around a phone number, plus form values, masked as the console masks them."""
    data = atheris.FuzzedDataProvider(raw)
    phone = phone_number(data)
    written = f"{text(data, 200)} {phone} {text(data, 200)}"
    masked = privacy.mask(written, texts(data, 2, 30))
    survivor = DIGIT_RUN.search(masked)
    assert survivor is None, (phone, written, masked)
    assert masked != written
    anything = text(data, 1000)
    privacy.mask(anything, texts(data, 2, 30))
    privacy.contains_pii(anything)
    # issue 14, item 7: spelled-out numbers, handles and e-mails said aloud, anywhere;
    # the program's own numbers survive in bot text
    words = " ".join(data.PickValueInList(SPOKEN) for _ in range(10))
    spoken = f"{text(data, 100)} {words} {text(data, 100)}"
    assert " ".join(words.split()[:7]) not in privacy.mask(spoken), spoken
    handle = "@" + "".join(data.PickValueInList(list("abcxyz_019")) for _ in range(8))
    assert handle not in privacy.mask(f"{text(data, 50)} {handle} {text(data, 50)}")
    ours = f"{text(data, 100)} call 1-800-662-4357 or 988 {text(data, 100)}"
    assert "1-800-662-4357" in privacy.mask(ours, keep_numbers=privacy.program_numbers())


if __name__ == "__main__":
    run(one_input)
