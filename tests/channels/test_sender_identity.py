"""Conversation ids are keyed hashes of the number, never the number."""

from __future__ import annotations

import stat

from iop_assistant.channels import identity


def test_sender_id_is_a_keyed_hash_not_the_number():
    key = b"k" * 32
    sid = identity.sender_id("sms", "+15551234567", key)
    assert sid.startswith("sms-") and len(sid) == 4 + 64
    assert "5551234567" not in sid
    assert sid == identity.sender_id("sms", "+1 555-123-4567", key), "formatting does not matter"
    assert sid != identity.sender_id("sms", "+15551234568", key)
    assert sid != identity.sender_id("sms", "+15551234567", b"other key")
    assert sid != identity.sender_id("voice", "+15551234567", key).replace("voice-", "sms-")


def test_known_vector():
    import hashlib
    import hmac

    expected = hmac.new(b"secret", b"sms:+15551234567", hashlib.sha256).hexdigest()
    assert identity.sender_id("sms", "+15551234567", b"secret") == "sms-" + expected


def test_key_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(identity.KEY_ENV, "from-env")
    assert identity.load_key(tmp_path / "k") == b"from-env"
    assert not (tmp_path / "k").exists()


def test_key_file_is_created_once_with_0600(monkeypatch, tmp_path):
    monkeypatch.delenv(identity.KEY_ENV, raising=False)
    path = tmp_path / "var" / "sender_id.key"
    first = identity.load_key(path)
    assert len(first) == 64
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert identity.load_key(path) == first, "the same key after a restart"


def test_key_file_permissions_are_tightened(monkeypatch, tmp_path):
    monkeypatch.delenv(identity.KEY_ENV, raising=False)
    path = tmp_path / "sender_id.key"
    path.write_text("abc\n")
    path.chmod(0o644)
    assert identity.load_key(path) == b"abc"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
