"""save_callback_request: one transaction for the request and its texts."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError

from iop_assistant.store import CallbackRequest, OutboxMessage, session_scope
from iop_assistant.store.callbacks import save_callback_request


def save(engine, **overrides) -> int:
    request = dict(
        conversation_id="sms-abc",
        channel="sms",
        phone_number="(773) 555-0123",
        best_time="morning",
        consent_to_text=True,
        first_name="Sam",
    )
    request.update(overrides)
    return save_callback_request(engine=engine, **request)


def outbox(engine):
    with session_scope(engine) as session:
        return session.execute(select(OutboxMessage).order_by(OutboxMessage.id)).scalars().all()


def callbacks(engine) -> int:
    with session_scope(engine) as session:
        return session.execute(select(func.count()).select_from(CallbackRequest)).scalar_one()


def test_request_alert_and_confirmation_are_saved(engine, monkeypatch):
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "202-555-0143")
    request_id = save(engine)
    with session_scope(engine) as session:
        request = session.get(CallbackRequest, request_id)
        assert request.phone_number == "+17735550123"
        assert request.status == "new" and request.consent_to_text
    alert, confirmation = outbox(engine)
    assert alert.kind == "staff_alert" and alert.to_number == "+12025550143"
    assert alert.dedupe_key == f"callback:{request_id}:staff_alert"
    assert alert.body == (
        f"New callback request #{request_id}, best time: morning. Open the staff console."
    )
    assert confirmation.kind == "callback_confirmation"
    assert confirmation.to_number == "+17735550123"
    assert confirmation.dedupe_key == f"callback:{request_id}:callback_confirmation"
    assert confirmation.body.startswith("Hi Sam, we got your request")
    assert "(888) 783-3291" in confirmation.body
    assert {m.status for m in (alert, confirmation)} == {"pending"}
    assert {m.callback_request_id for m in (alert, confirmation)} == {request_id}


def test_a_spanish_conversation_is_confirmed_in_spanish(engine, monkeypatch):
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "+12025550143")
    request_id = save(engine, language="es", best_time="afternoon")
    with session_scope(engine) as session:
        assert session.get(CallbackRequest, request_id).language == "es"
    alert, confirmation = outbox(engine)
    assert confirmation.body.startswith(
        f"Hola Sam, recibimos su pedido (ref {request_id}) y le llamaremos en la tarde."
    )
    assert "(888) 783-3291" in confirmation.body
    assert alert.body.startswith("New callback request")  # staff read English


@pytest.mark.parametrize("language", [None, "en", "fr", ""])
def test_any_other_language_is_stored_and_confirmed_in_english(engine, language):
    request_id = save(engine, language=language)
    with session_scope(engine) as session:
        assert session.get(CallbackRequest, request_id).language == "en"
    assert outbox(engine)[-1].body.startswith("Hi Sam, we got your request")


def test_no_confirmation_without_consent(engine, monkeypatch):
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "+12025550143")
    save(engine, consent_to_text=False)
    assert [m.kind for m in outbox(engine)] == ["staff_alert"]


def test_no_staff_number_queues_an_undeliverable_alert(engine, monkeypatch):
    monkeypatch.delenv("STAFF_ALERT_NUMBER", raising=False)
    save(engine, consent_to_text=False)
    (alert,) = outbox(engine)
    assert alert.to_number is None  # the worker marks it dead with a reason staff see


def test_staff_alert_carries_nothing_about_the_person(engine, monkeypatch):
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "+12025550143")
    request_id = save(engine, best_time="after my shift at the pharmacy", first_name="Dana")
    alert = outbox(engine)[0]
    assert alert.body == (
        f"New callback request #{request_id}, best time: see console. Open the staff console."
    )
    for private in ("Dana", "773", "555", "0123", "pharmacy", "shift"):
        assert private not in alert.body


def test_failure_in_the_outbox_insert_saves_nothing(engine, monkeypatch):
    """A clashing dedupe key fails the outbox insert: the request is rolled back too."""
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "+12025550143")
    with session_scope(engine) as session:
        session.add(
            OutboxMessage(dedupe_key="callback:1:callback_confirmation", kind="x", body="planted")
        )
    with pytest.raises(IntegrityError):
        save(engine)
    assert callbacks(engine) == 0
    assert [m.body for m in outbox(engine)] == ["planted"]


def test_an_invalid_number_raises_and_saves_nothing(engine):
    with pytest.raises(ValueError):
        save(engine, phone_number="12")
    assert callbacks(engine) == 0 and outbox(engine) == []


def test_database_down_raises(tmp_path):
    from sqlalchemy import create_engine

    broken = create_engine(f"sqlite:///{tmp_path / 'missing-dir' / 'x' / 'app.db'}")
    with pytest.raises(OperationalError):
        save(broken)


@pytest.mark.parametrize(
    "number", ["+44 20 7183 8750", "+33 1 42 68 53 00", "+91 22 2288 1234", "+52 55 5080 2000"]
)
def test_numbers_the_help_line_does_not_call_are_refused_by_the_store(engine, number):
    # issue 14 (1): a forged action call passed any valid number straight to the outbox
    with pytest.raises(ValueError):
        save(engine, phone_number=number)
    assert callbacks(engine) == 0 and outbox(engine) == []


def test_us_territory_numbers_are_kept(engine):
    save(engine, phone_number="+1 787 555 0123")  # Puerto Rico shares the US numbering plan
    assert callbacks(engine) == 1


# issue 14 (5): abuse limits -------------------------------------------------
def test_an_open_request_for_the_same_number_is_merged(engine, monkeypatch):
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "+12025550143")
    first = save(engine, conversation_id="web-a", best_time="morning")
    again = save(engine, conversation_id="web-a", best_time="evening")
    other = save(engine, conversation_id="web-b", first_name="Mallory", best_time="now")
    assert first == again == other
    assert callbacks(engine) == 1
    assert [m.kind for m in outbox(engine)] == ["staff_alert", "callback_confirmation"]
    with session_scope(engine) as session:
        request = session.get(CallbackRequest, first)
        assert (request.best_time, request.first_name) == ("evening", "Sam")


def close_all(engine) -> None:
    with session_scope(engine) as session:
        for request in session.execute(select(CallbackRequest)).scalars():
            request.status = "closed"


def test_requests_per_conversation_are_limited(engine, monkeypatch):
    monkeypatch.setenv("IOP_CALLBACKS_PER_CONVERSATION_PER_DAY", "2")
    save(engine, phone_number="+17735550101")
    save(engine, phone_number="+17735550102")
    with pytest.raises(ValueError):
        save(engine, phone_number="+17735550103")
    assert callbacks(engine) == 2


def test_requests_per_number_are_limited(engine, monkeypatch):
    monkeypatch.setenv("IOP_CALLBACKS_PER_NUMBER_PER_DAY", "2")
    for conversation in ("web-1", "web-2"):
        save(engine, conversation_id=conversation)
        close_all(engine)
    with pytest.raises(ValueError):
        save(engine, conversation_id="web-3")
    assert callbacks(engine) == 2


def test_staff_alerts_are_capped_per_hour_with_one_summary(engine, monkeypatch):
    monkeypatch.setenv("STAFF_ALERT_NUMBER", "+12025550143")
    monkeypatch.setenv("IOP_STAFF_ALERTS_PER_HOUR", "3")
    for index in range(6):
        save(engine, conversation_id=f"web-{index}", phone_number=f"+1773555012{index}",
             consent_to_text=False)  # fmt: skip
    alerts = [m for m in outbox(engine) if m.kind == "staff_alert"]
    assert callbacks(engine) == 6, "every request is still saved for the console"
    assert len(alerts) == 4
    assert alerts[-1].dedupe_key.startswith("callback:summary:")
    assert "Open the staff console" in alerts[-1].body
