"""Issue 14, item 8, against the real server: Rasa's log does not quote what people typed.

"Failed to parse arguments in line '<the whole message>'" put names and numbers
in the Rasa log; it now gives the warning's kind and length only.
"""

from __future__ import annotations

import secrets
import uuid

import requests


def test_failed_to_parse_arguments_warning_does_not_quote_the_message(servers):
    secret = "Zebulon" + secrets.token_hex(4)
    sender = uuid.uuid4().hex
    # the HTTP API (token) parses "/intent..." with Rasa's regex reader; bad arguments warn
    for text in (f"/greet@0.5{{bad {secret}", f'/greet{{"name": "{secret}"}} trailing {secret}'):
        reply = requests.post(
            f"{servers.rasa_url}/conversations/{sender}/messages",
            params={"token": servers.token},
            json={"text": text, "sender": "user"},
            timeout=30,
        )
        assert reply.status_code == 200, reply.text
    log = (servers.tmp / "rasa.log").read_text(errors="replace")
    assert "text not logged" in log
    assert secret not in log
