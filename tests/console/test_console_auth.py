"""Sign-in, throttling, cookies, idle timeout (injected clock), CSRF, security headers."""

from __future__ import annotations

import requests
from console_helpers import PASSWORD, csrf_of, login, token


def _attempt(base: str, username: str, password: str, **headers: str) -> requests.Response:
    page = requests.get(f"{base}/login", headers=headers)
    csrf = csrf_of(page.text)  # sent by hand: a Secure cookie is not sent over plain HTTP
    return requests.post(
        f"{base}/login",
        data={"username": username, "password": password, "csrf_token": csrf},
        headers=dict(headers, Cookie=f"console_login_csrf={csrf}"),
        allow_redirects=False,
    )


def test_login_and_generic_error(server):
    ok = _attempt(server.url, "cleo", PASSWORD)
    assert ok.status_code == 302 and ok.headers["location"] == "/"
    wrong = _attempt(server.url, "cleo", "wrong password!!")
    nobody = _attempt(server.url, "nobody", "wrong password!!")
    assert wrong.status_code == nobody.status_code == 401
    assert "Sign-in failed" in wrong.text and "Sign-in failed" in nobody.text


def test_throttled_per_account_with_429_even_for_the_right_password(server):
    for _ in range(5):
        assert _attempt(server.url, "cal", "nope nope nope").status_code == 401
    blocked = _attempt(server.url, "cal", PASSWORD)
    assert blocked.status_code == 429
    assert "Sign-in failed" in blocked.text
    assert _attempt(server.url, "cleo", PASSWORD).status_code == 302  # other accounts unaffected


def test_window_passes_with_the_clock(server, clock):
    for _ in range(5):
        _attempt(server.url, "cal", "nope nope nope")
    clock.advance(minutes=16)
    assert _attempt(server.url, "cal", PASSWORD).status_code == 302


def test_throttled_per_ip(server, settings):
    settings.max_failures_per_ip = 3
    for i in range(3):
        _attempt(server.url, f"someone{i}", "nope nope nope")
    assert _attempt(server.url, "cleo", PASSWORD).status_code == 429


def test_session_cookie_attributes_and_new_id_at_login(server):
    first = _attempt(server.url, "cleo", PASSWORD)
    second = _attempt(server.url, "cleo", PASSWORD)
    cookie = first.headers["set-cookie"]
    session_part = [c for c in first.raw.headers.getlist("Set-Cookie") if "console_session" in c][0]
    assert "HttpOnly" in session_part and "SameSite=Strict" in session_part
    assert "Secure" not in session_part  # plain HTTP, no trusted proxy
    assert first.cookies["console_session"] != second.cookies["console_session"]
    assert cookie


def test_secure_cookie_and_hsts_behind_a_trusted_https_proxy(server, settings):
    plain = _attempt(server.url, "cleo", PASSWORD, **{"X-Forwarded-Proto": "https"})
    assert "Secure" not in plain.headers["set-cookie"]  # header ignored: proxy not trusted
    settings.trust_proxy = True
    https = _attempt(server.url, "cleo", PASSWORD, **{"X-Forwarded-Proto": "https"})
    parts = [c for c in https.raw.headers.getlist("Set-Cookie") if "console_session" in c]
    assert "Secure" in parts[0]
    assert "max-age" in https.headers["Strict-Transport-Security"]


def test_idle_timeout(server, clock):
    client = login(server.url, "cleo")
    clock.advance(minutes=14)
    assert client.get(server.url + "/conversations", allow_redirects=False).status_code == 200
    clock.advance(minutes=14)  # active 14 min ago: still in
    assert client.get(server.url + "/conversations", allow_redirects=False).status_code == 200
    clock.advance(minutes=15, seconds=1)
    gone = client.get(server.url + "/conversations", allow_redirects=False)
    assert gone.status_code == 302 and gone.headers["location"] == "/login"


def test_logout_ends_the_session(server):
    client = login(server.url, "cleo")
    csrf = token(client, server.url, "/conversations")
    assert client.post(server.url + "/logout", data={"csrf_token": csrf}).status_code == 200
    again = client.get(server.url + "/conversations", allow_redirects=False)
    assert again.status_code == 302


def test_csrf_missing_or_wrong_is_403(server):
    client = login(server.url, "cleo")
    url = server.url + "/conversation/note"
    assert client.post(url, data={"id": "web-crisis", "body": "x"}).status_code == 403
    bad = {"id": "web-crisis", "body": "x", "csrf_token": "not-the-token"}
    assert client.post(url, data=bad).status_code == 403
    good = dict(bad, csrf_token=token(client, server.url, "/conversations"))
    assert client.post(url, data=good, allow_redirects=False).status_code == 302
    # the login form has its own token
    anonymous = requests.Session()
    anonymous.get(server.url + "/login")
    reply = anonymous.post(server.url + "/login", data={"username": "cleo", "password": PASSWORD})
    assert reply.status_code == 403


def test_security_headers_on_every_response(server):
    client = login(server.url, "cleo")
    for path in ["/login", "/conversations", "/static/console.css", "/nope"]:
        reply = client.get(server.url + path)
        csp = reply.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "'unsafe-inline'" not in csp
        assert "script-src 'self'" in csp or "default-src 'none'" in csp
        assert reply.headers["X-Content-Type-Options"] == "nosniff"
        assert reply.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in client.get(server.url + "/conversations").headers["Cache-Control"]


def test_templates_have_no_inline_script_or_handlers():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "iop_assistant" / "console" / "templates"
    for template in root.glob("*.html"):
        html = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)", html), template.name
        assert not re.search(r"\son[a-z]+\s*=", html), template.name
        assert "style=" not in html, template.name
