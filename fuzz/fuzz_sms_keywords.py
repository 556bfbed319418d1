"""Fuzz what an SMS text means: carrier keywords, numbered options, reply splitting.

Invariants (stated in tests/channels/test_webhook_fuzz.py): nothing raises;
a keyword only ever matches a message of one word (STOP, START, HELP and
their synonyms, in any case with spaces or punctuation around), and every
such one-word message does match; a chosen option is one that was offered
and its number picks it; replies fit Twilio's limits (3 messages of at most
1,600 UTF-16 units).
"""

from __future__ import annotations

import atheris
from harness import options, run, text, texts

with atheris.instrument_imports():
    from iop_assistant.channels import sms_format
    from iop_assistant.channels.options import select_option

KINDS = {
    sms_format.KEYWORD_STOP: sms_format.OPT_OUT_KEYWORDS,
    sms_format.KEYWORD_START: sms_format.OPT_IN_KEYWORDS,
    sms_format.KEYWORD_HELP: sms_format.HELP_KEYWORDS,
}
KEYWORDS = sorted(set().union(*KINDS.values()))
PADDING = " \t\r\n.!?,;:'\"()[]*-_~"


def check_keyword(message: str) -> None:
    """A match is a known keyword, and the message held exactly one word."""
    found = sms_format.keyword_of(message)
    if found is None:
        return
    kind, word = found
    assert word in KINDS[kind] and word == word.upper(), found
    words = [w for w in message.split() if any(ch.isalnum() for ch in w)]
    assert len(words) == 1, (message, found)


def check_every_spelling_matches(data: atheris.FuzzedDataProvider) -> None:
    """Any case of a keyword, with carrier-style padding around it, is that keyword."""
    word = data.PickValueInList(KEYWORDS)
    spelled = "".join(ch.lower() if data.ConsumeBool() else ch for ch in word)
    pad = [data.PickValueInList(list(PADDING)) for _ in range(data.ConsumeIntInRange(0, 6))]
    cut = data.ConsumeIntInRange(0, len(pad))
    message = "".join(pad[:cut]) + spelled + "".join(pad[cut:])
    kind = next(k for k, words in KINDS.items() if word in words)
    assert sms_format.keyword_of(message) == (kind, word), message


def one_input(raw: bytes) -> None:
    """One inbound text, the options the last reply offered, and a reply to split."""
    data = atheris.FuzzedDataProvider(raw)
    message = text(data)
    check_keyword(message)
    check_every_spelling_matches(data)
    offered = options(data)
    chosen = select_option(message, offered)
    assert chosen is None or chosen in offered
    for option in offered:
        assert select_option(option["number"], offered) is option
    segments = sms_format.segment(texts(data, 6, 2000))
    assert len(segments) <= sms_format.MAX_SEGMENTS
    assert all(sms_format.sms_length(s) <= sms_format.MAX_SMS_CHARS for s in segments)


if __name__ == "__main__":
    run(one_input)
