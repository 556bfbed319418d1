"""Issue 14, item 12: common passwords are refused; sign-in waits grow, nobody is locked out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from console_helpers import PASSWORD, login, token
from test_console_auth import _attempt

from iop_assistant.console.passwords import common_passwords, password_problem
from iop_assistant.console.sessions import delay_after


@pytest.mark.parametrize(
    "password",
    [
        "password1234",
        "Password123!",
        "P@ssw0rd2024!",
        "monkeymonkey",
        "qwertyuiop12",
        "123456789012",
        "aaaaaaaaaaaa",
        "iloveyou1234",
        "Sunshine2024!!",
        "1q2w3e4r5t6y",
        "trustno1trustno1",
        "welcome12345",
        "Letmein!2023x",
        "ZXCVBNM12345",
    ],
)
def test_common_and_dressed_up_passwords_are_refused(password):
    assert password_problem(password, "ada") is not None


def test_the_users_own_name_is_refused():
    assert password_problem("Dolores-2024-rota", "dolores") is not None


@pytest.mark.parametrize(
    "password",
    [
        PASSWORD,
        "staple-orbit-lantern",
        "Clinic-Rota-Blue-17",
        "my dog is called biscuit",
        "9f3k-Qm2p-Lw8z",
    ],
)
def test_good_passwords_pass(password):
    assert password_problem(password, "ada") is None


def test_the_list_file_names_its_source_and_is_loaded():
    assert len(common_passwords()) > 900 and "trustno1" in common_passwords()


def test_an_admin_cannot_give_a_common_password(server):
    client = login(server.url, "ada")
    csrf = token(client, server.url, "/admin/users")
    reply = client.post(
        server.url + "/admin/users",
        data={
            "username": "newbie",
            "password": "Password1234!",
            "role": "callback",
            "csrf_token": csrf,
        },
    )
    assert reply.status_code == 400 and "common password" in reply.text


def test_delays_grow_and_stop_growing():
    assert delay_after(4, 5, _s(2), _s(900)) == _s(0)
    assert [delay_after(n, 5, _s(2), _s(900)).seconds for n in (5, 6, 7)] == [2, 4, 8]
    assert delay_after(40, 5, _s(2), _s(900)) == _s(900)


def _s(seconds: int) -> timedelta:
    return timedelta(seconds=seconds)


def test_a_short_wait_instead_of_a_lockout(server, clock):
    for _ in range(5):
        assert _attempt(server.url, "cal", "nope nope nope").status_code == 401
    assert _attempt(server.url, "cal", PASSWORD).status_code == 429
    clock.advance(seconds=3)
    assert _attempt(server.url, "cal", PASSWORD).status_code == 302


def test_each_further_failure_doubles_the_wait(server, clock):
    for _ in range(5):
        _attempt(server.url, "cal", "nope nope nope")
    clock.advance(seconds=3)
    assert _attempt(server.url, "cal", "nope nope nope").status_code == 401  # 6th: 4 s
    clock.advance(seconds=3)
    assert _attempt(server.url, "cal", PASSWORD).status_code == 429
    clock.advance(seconds=2)
    assert _attempt(server.url, "cal", PASSWORD).status_code == 302


def test_an_attacker_elsewhere_cannot_lock_a_colleague_out(server, settings, clock):
    settings.trust_proxy = True
    for i in range(40):  # from many addresses, as fast as the delays allow
        _attempt(server.url, "cal", "nope nope nope", **{"X-Forwarded-For": f"203.0.113.{i}"})
        clock.advance(seconds=5)
    clock.advance(seconds=31)  # the account-wide wait is capped at 30 s
    colleague = _attempt(server.url, "cal", PASSWORD, **{"X-Forwarded-For": "198.51.100.7"})
    assert colleague.status_code == 302
