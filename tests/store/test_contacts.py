"""The number behind an SMS / voice conversation id."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from iop_assistant.store.contacts import contact_number, remember_contact


def test_unknown_conversation_has_no_number(engine):
    assert contact_number("web-123", engine=engine) is None


def test_remember_then_read_in_e164(engine):
    remember_contact("sms-a", "sms", "(773) 555-0123", engine=engine)
    assert contact_number("sms-a", engine=engine) == "+17735550123"


def test_remember_updates_the_number(engine):
    remember_contact("voice-a", "voice", "+17735550123", engine=engine)
    remember_contact("voice-a", "voice", "+12025550143", engine=engine)
    assert contact_number("voice-a", engine=engine) == "+12025550143"


def test_not_a_number_raises(engine):
    with pytest.raises(ValueError):
        remember_contact("sms-b", "sms", "Anonymous", engine=engine)
    assert contact_number("sms-b", engine=engine) is None


def test_concurrent_upserts_keep_one_row(engine):
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(
            pool.map(
                lambda _: remember_contact("sms-c", "sms", "+17735550123", engine=engine),
                range(12),
            )
        )
    assert contact_number("sms-c", engine=engine) == "+17735550123"
