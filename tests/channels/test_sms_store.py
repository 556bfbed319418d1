"""App database helpers of the SMS channel (SQLite file in a temp dir)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from iop_assistant.migrations import migrate
from iop_assistant.store import db, get_engine
from iop_assistant.store import sms as store


@pytest.fixture
def engine(tmp_path):
    return migrate(get_engine(f"sqlite:///{tmp_path / 'nested' / 'app.db'}"))


def test_default_url_is_sqlite_under_var(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    assert db.database_url() == "sqlite:///var/app.db"
    monkeypatch.setenv("DATABASE_URL", "postgresql://x/y")
    assert db.database_url() == "postgresql://x/y"


def test_creates_the_sqlite_directory(tmp_path, engine):
    assert (tmp_path / "nested" / "app.db").exists()


def test_a_message_sid_is_claimed_once(engine):
    assert store.claim_message("SM1", "sms-a", engine=engine)
    assert not store.claim_message("SM1", "sms-a", engine=engine)
    assert store.claim_message("SM2", "sms-a", engine=engine)


def test_concurrent_claims_have_exactly_one_winner(engine):
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(lambda _: store.claim_message("SMsame", "sms-a", engine=engine), range(8))
        )
    assert results.count(True) == 1


def test_opt_out_and_back_in(engine):
    phone = "+15551234567"
    assert not store.is_opted_out(phone, engine=engine)
    assert store.opt_out(phone, "stop", engine=engine)
    assert not store.opt_out(phone, "STOP", engine=engine), "already opted out"
    assert store.is_opted_out(phone, engine=engine)
    assert store.opt_in(phone, engine=engine)
    assert not store.is_opted_out(phone, engine=engine)
    assert not store.opt_in(phone, engine=engine)


def test_menu_is_remembered_replaced_and_expires(engine):
    options = [{"number": "1", "title": "Tell me more", "payload": "/ask_more"}]
    store.save_menu("sms-a", options, engine=engine)
    assert store.load_menu("sms-a", engine=engine) == options
    assert store.load_menu("sms-b", engine=engine) == []
    assert store.load_menu("sms-a", max_age=timedelta(seconds=-1), engine=engine) == []
    store.save_menu("sms-a", [], engine=engine)
    assert store.load_menu("sms-a", engine=engine) == []
