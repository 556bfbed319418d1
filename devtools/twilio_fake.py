"""A local fake of Twilio's Messages API, with scriptable failures.

A real HTTP server on loopback that the real ``twilio`` client talks to (via
``TWILIO_API_BASE_URL``): ``POST /2010-04-01/Accounts/{sid}/Messages.json``
(form, basic auth) answers 201 with a message resource; ``GET`` lists them
(``To``, ``From``, ``DateSent``/``DateSent<``/``DateSent>`` filters, paging).
Every accepted message is recorded, so tests count deliveries per number.

Failures are rules, applied in order to matching requests: a status (429,
500, 503...) or a Twilio error (``{"code": 21610, ...}``) for N requests or
for a time window, ``hang`` (never answer) and ``drop`` (accept the message,
then close the connection without answering: a crash after sending) and
``accept_hang`` (accept, then never answer: kill the client for a real crash).

In-process: ``with FakeTwilio() as fake: fake.fail(503, times=2)``.
Standalone: ``python -m devtools.twilio_fake --port 8099``;
control it over HTTP: ``POST /_fake/rules`` (JSON rule), ``POST /_fake/reset``,
``GET /_fake/messages``, ``GET /_fake/stats``.
"""

from __future__ import annotations

import argparse
import base64
import json
import re
import socket
import threading
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Tuple
from urllib.parse import parse_qs, urlsplit

ACCOUNT_SID = "AC" + "f" * 32
AUTH_TOKEN = "fake-auth-token"
_MESSAGES = re.compile(r"^/2010-04-01/Accounts/(?P<sid>[^/]+)/Messages\.json$")
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_ERROR_CODES = {429: 20429, 500: 20500, 502: 20502, 503: 20503, 504: 20504}


@dataclass
class Rule:
    """What to do with a matching request instead of the normal answer."""

    action: str  # "status", "hang", "drop", "accept_hang"
    status: int = 503
    code: int | None = None  # Twilio error code in the JSON body
    message: str = ""
    times: int | None = None  # requests left; None: until ``until``
    until: float | None = None  # time.monotonic() deadline; None: until ``times`` runs out
    applies_to: str = "create"  # create, list, all

    def active(self, now: float) -> bool:
        if self.times is not None and self.times <= 0:
            return False
        if self.until is not None and now >= self.until:
            return False
        return True


def _rfc2822(moment: datetime) -> str:
    return moment.strftime("%a, %d %b %Y %H:%M:%S +0000")


def _parse_when(value: str) -> datetime | None:
    value = value.strip()
    for fmt in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, fmt).replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


class FakeTwilio:
    """The server plus its state; thread-safe."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        account_sid: str = ACCOUNT_SID,
        auth_token: str = AUTH_TOKEN,
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._rules: List[Rule] = []
        self._messages: List[Dict[str, Any]] = []
        self.stats: Dict[str, int] = {"create": 0, "list": 0, "scripted": 0}
        self._server = ThreadingHTTPServer((host, port), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle
    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeTwilio:
        # stop() waits for the serving loop to notice: a twentieth of a second, not the
        # standard library's half (a test suite starts and stops this fake dozens of times)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # releases hung requests
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def env(self) -> Dict[str, str]:
        """Environment variables that point the real client (and the worker) here."""
        return {
            "TWILIO_ACCOUNT_SID": self.account_sid,
            "TWILIO_AUTH_TOKEN": self.auth_token,
            "TWILIO_API_BASE_URL": self.base_url,
        }

    # ------------------------------------------------------------------ scripting
    def add_rule(self, rule: Rule) -> None:
        with self._lock:
            self._rules.append(rule)

    def fail(
        self,
        status: int = 503,
        *,
        times: int | None = None,
        seconds: float | None = None,
        applies_to: str = "create",
    ) -> None:
        """Answer ``status`` (with Twilio's error JSON) for ``times`` requests or ``seconds``."""
        self.add_rule(_rule("status", status, None, "", times, seconds, applies_to))

    def twilio_error(
        self, code: int = 21610, status: int = 400, message: str = "", *, times: int = 1
    ) -> None:
        """Answer a Twilio error, e.g. 21610 (the recipient has opted out)."""
        text = message or {21610: "Attempt to send to unsubscribed recipient"}.get(code, "Error")
        self.add_rule(_rule("status", status, code, text, times, None, "create"))

    def hang(self, *, times: int = 1, applies_to: str = "create") -> None:
        """Read the request and never answer (until the fake stops)."""
        self.add_rule(_rule("hang", 0, None, "", times, None, applies_to))

    def accept_then_hang(self, *, times: int = 1) -> None:
        """Record the message, then never answer: kill the client meanwhile for a real crash."""
        self.add_rule(_rule("accept_hang", 0, None, "", times, None, "create"))

    def drop_after_accept(self, *, times: int = 1) -> None:
        """Record the message, then close the connection without answering."""
        self.add_rule(_rule("drop", 0, None, "", times, None, "create"))

    def reset(self) -> None:
        with self._lock:
            self._rules.clear()
            self._messages.clear()
            self.stats = {"create": 0, "list": 0, "scripted": 0}

    # ------------------------------------------------------------------ inspection
    @property
    def messages(self) -> List[Dict[str, Any]]:
        with self._lock:
            return [dict(m) for m in self._messages]

    def delivered_to(self, number: str) -> int:
        """How many messages were accepted for ``number``."""
        return sum(1 for m in self.messages if m["to"] == number)

    # ------------------------------------------------------------------ internals
    def _take_rule(self, kind: str) -> Rule | None:
        now = time.monotonic()
        with self._lock:
            self.stats[kind] += 1
            for rule in self._rules:
                if rule.applies_to in (kind, "all") and rule.active(now):
                    if rule.times is not None:
                        rule.times -= 1
                    self.stats["scripted"] += 1
                    return rule
        return None

    def _accept(self, to: str, sender: str, body: str) -> Dict[str, Any]:
        now = datetime.now(timezone.utc)
        sid = "SM" + uuid.uuid4().hex
        message = {
            "sid": sid,
            "account_sid": self.account_sid,
            "to": to,
            "from": sender,
            "body": body,
            "status": "queued",
            "direction": "outbound-api",
            "num_segments": "1",
            "num_media": "0",
            "api_version": "2010-04-01",
            "date_created": _rfc2822(now),
            "date_updated": _rfc2822(now),
            "date_sent": _rfc2822(now),
            "price": None,
            "price_unit": "USD",
            "error_code": None,
            "error_message": None,
            "messaging_service_sid": None,
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
            "subresource_uris": {},
            "_created": now.timestamp(),
        }
        with self._lock:
            self._messages.append(message)
        return message

    def _list(self, query: Dict[str, List[str]]) -> List[Dict[str, Any]]:
        def first(name: str) -> str | None:
            values = query.get(name)
            return values[0] if values else None

        to, sender = first("To"), first("From")
        after = _parse_when(first("DateSent>") or "")
        before = _parse_when(first("DateSent<") or "")
        on = _parse_when(first("DateSent") or "")
        found = []
        for message in reversed(self.messages):  # newest first, as Twilio lists them
            sent = datetime.fromtimestamp(message["_created"], timezone.utc)
            if to and message["to"] != to or sender and message["from"] != sender:
                continue
            if after and sent < after or before and sent > before:
                continue
            if on and sent.date() != on.date():
                continue
            found.append(message)
        return found


def _rule(action, status, code, message, times, seconds, applies_to) -> Rule:
    until = time.monotonic() + seconds if seconds is not None else None
    if times is None and until is None:
        times = 1
    return Rule(action, status, code, message, times, until, applies_to)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like api.twilio.com
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall
    server_version = "FakeTwilio/1.0"

    @property
    def fake(self) -> FakeTwilio:
        return self.server.fake  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: request lines carry phone numbers

    # ------------------------------------------------------------------ plumbing
    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, code: int | None, message: str) -> None:
        code = code or _ERROR_CODES.get(status, status)
        self._json(
            status,
            {
                "code": code,
                "message": message or f"HTTP {status}",
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                "status": status,
            },
        )

    def _authorized(self, sid: str) -> bool:
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except ValueError:
            return False
        return user == sid == self.fake.account_sid and password == self.fake.auth_token

    def _scripted(self, rule: Rule | None) -> bool:
        """Apply a status or hang rule; True when the request is answered (or abandoned)."""
        if rule is None or rule.action in ("drop", "accept_hang"):
            return False
        if rule.action == "hang":
            self.fake._stopping.wait(600)
            self.close_connection = True
            return True
        self._error(rule.status, rule.code, rule.message)
        return True

    def _drop(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    # ------------------------------------------------------------------ routes
    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        raw = self._body()
        if path.startswith("/_fake/"):
            self._control_post(path, raw)
            return
        match = _MESSAGES.match(path)
        if not match:
            self._error(404, 20404, "The requested resource was not found")
            return
        if not self._authorized(match["sid"]):
            self._error(401, 20003, "Authenticate")
            return
        rule = self.fake._take_rule("create")
        if self._scripted(rule):
            return
        form = {k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()}
        to, sender, body = form.get("To", ""), form.get("From", ""), form.get("Body")
        sender = sender or form.get("MessagingServiceSid", "")
        if not _E164.match(to):
            self._error(400, 21211, "The 'To' number is not a valid phone number.")
            return
        if not sender:
            self._error(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required")
            return
        if not body:
            self._error(400, 21602, "Message body is required.")
            return
        message = self.fake._accept(to, sender, body)
        if rule is not None and rule.action == "drop":
            self._drop()
            return
        if rule is not None and rule.action == "accept_hang":
            self.fake._stopping.wait(600)
            self.close_connection = True
            return
        self._json(201, _public(message))

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path.startswith("/_fake/"):
            self._control_get(parts.path)
            return
        match = _MESSAGES.match(parts.path)
        if not match:
            self._error(404, 20404, "The requested resource was not found")
            return
        if not self._authorized(match["sid"]):
            self._error(401, 20003, "Authenticate")
            return
        if self._scripted(self.fake._take_rule("list")):
            return
        query = parse_qs(parts.query, keep_blank_values=True)
        page_size = max(1, min(int((query.get("PageSize") or ["50"])[0]), 1000))
        page = int((query.get("Page") or ["0"])[0])
        found = self.fake._list(query)
        chunk = found[page * page_size : (page + 1) * page_size]
        base = parts.path
        keep = "&".join(
            f"{k}={v[0]}" for k, v in query.items() if k not in ("Page", "PageSize", "PageToken")
        )
        next_uri = None
        if (page + 1) * page_size < len(found):
            next_uri = f"{base}?{keep}&PageSize={page_size}&Page={page + 1}&PageToken=P{page + 1}"
        self._json(
            200,
            {
                "messages": [_public(m) for m in chunk],
                "end": page * page_size + max(len(chunk) - 1, 0),
                "first_page_uri": f"{base}?{keep}&PageSize={page_size}&Page=0",
                "next_page_uri": next_uri,
                "page": page,
                "page_size": page_size,
                "previous_page_uri": None,
                "start": page * page_size,
                "uri": self.path,
            },
        )

    def _control_post(self, path: str, raw: bytes) -> None:
        if path == "/_fake/reset":
            self.fake.reset()
            self._json(200, {"ok": True})
        elif path == "/_fake/rules":
            spec = json.loads(raw or b"{}")
            self.fake.add_rule(
                _rule(
                    spec.get("action", "status"),
                    int(spec.get("status", 503)),
                    spec.get("code"),
                    spec.get("message", ""),
                    spec.get("times"),
                    spec.get("seconds"),
                    spec.get("applies_to", "create"),
                )
            )
            self._json(201, {"ok": True})
        else:
            self._error(404, 20404, "unknown control path")

    def _control_get(self, path: str) -> None:
        if path == "/_fake/messages":
            self._json(200, {"messages": [_public(m) for m in self.fake.messages]})
        elif path == "/_fake/stats":
            with self.fake._lock:
                rules = [asdict(r) for r in self.fake._rules]
                stats = dict(self.fake.stats)
            self._json(200, {"stats": stats, "accepted": len(self.fake.messages), "rules": rules})
        else:
            self._error(404, 20404, "unknown control path")


def _public(message: Dict[str, Any]) -> Dict[str, Any]:
    return {k: v for k, v in message.items() if not k.startswith("_")}


def _parse_args(argv: List[str] | None) -> Tuple[argparse.Namespace, FakeTwilio]:
    parser = argparse.ArgumentParser(description="Local fake of Twilio's Messages API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--account-sid", default=ACCOUNT_SID)
    parser.add_argument("--auth-token", default=AUTH_TOKEN)
    parser.add_argument("--fail-status", type=int, help="answer this status to new messages...")
    parser.add_argument("--fail-seconds", type=float, help="...for this many seconds")
    parser.add_argument("--fail-times", type=int, help="...or for this many requests")
    args = parser.parse_args(argv)
    return args, FakeTwilio(args.host, args.port, args.account_sid, args.auth_token)


def main(argv: List[str] | None = None) -> int:
    args, fake = _parse_args(argv)
    if args.fail_status:
        fake.fail(args.fail_status, times=args.fail_times, seconds=args.fail_seconds)
    print(f"fake Twilio API listening on {fake.base_url}", flush=True)
    try:
        fake._server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        fake._stopping.set()
        fake._server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
