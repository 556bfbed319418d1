"""Issue 14, item 7 (and issue 15, item 12): what the console still showed or did not audit.

The transcript sidebar showed a callback's free-text best time unmasked; "I'm <Name>",
spelled-out numbers, "name at gmail dot com" and @handles reached the list excerpt and
the search index; viewing the callback queue and searching wrote no audit row. The
program's own numbers in the bot's text must stay readable.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from console_data import NOW, Conversation, save
from console_helpers import login, token
from test_console_audit import count, one_new_row

from iop_assistant import privacy, program_facts
from iop_assistant.console import indexer, listing
from iop_assistant.console.db import app_engine
from iop_assistant.store.db import session_scope
from iop_assistant.store.models import CallbackRequest

FACTS = program_facts.load()
SAMHSA = "1-800-662-4357"
LEAKY = (
    "I'm Maria and my number is three one two five five five zero one eight eight, "
    "or maria.k at gmail dot com, insta @maria_k88"
)


@pytest.mark.parametrize(
    ("text", "kind", "hidden"),
    [
        ("I'm Maria, can someone help", "name", "Maria"),
        ("im Maria Lopez", "name", "Lopez"),
        ("hi I am Dolores", "name", "Dolores"),
        ("three one two five five five zero one eight eight", "number", "five"),
        ("it's 312 five five five oh one eight eight", "number", "five"),
        ("maria.k at gmail dot com", "email", "gmail"),
        ("sam (at) example (dot) org", "email", "example"),
        ("write to maria at yahoo", "email", "yahoo"),
        ("dm me on insta @maria_k88", "handle", "maria_k88"),
    ],
)
def test_new_kinds_are_masked(text, kind, hidden):
    masked = privacy.mask(text)
    assert f"[{kind}]" in masked and hidden not in masked, masked


@pytest.mark.parametrize(
    "text",
    [
        "I'm scared and I'm not sure",
        "I'm Scared",
        "look at me",
        "I drink 3 or 4 beers 2 or 3 times a week",
        "email me the schedule",
        "we meet at 5 pm at the clinic",
    ],
)
def test_ordinary_words_stay(text):
    assert privacy.mask(text) == text


def test_the_programs_own_numbers_stay_readable_in_bot_text_only():
    ours = privacy.program_numbers()
    bot = f"Call our help line at {FACTS.helpline}, SAMHSA at {SAMHSA}, 988 or 911."
    assert privacy.mask(bot, keep_numbers=ours) == bot
    assert privacy.mask(f"call {FACTS.helpline_e164}", keep_numbers=ours).endswith(
        FACTS.helpline_e164
    )
    # anyone else's number is still masked in the bot's text
    assert "0143" not in privacy.mask("we will call 202-555-0143", keep_numbers=ours)


@pytest.fixture
def leaky(settings):
    tracker = settings.tracker_db_url.removeprefix("sqlite:///")
    conversation = (
        Conversation("web-leaky", NOW - timedelta(minutes=20))
        .user(LEAKY, "inform")
        .bot("utter_helpline", f"Call our help line at {FACTS.helpline} or SAMHSA at {SAMHSA}.")
    )
    save(tracker, [conversation])
    with session_scope(app_engine(settings.database_url)) as session:
        session.add(
            CallbackRequest(
                conversation_id="web-leaky",
                channel="rest",
                phone_number="+13125550188",
                first_name=None,
                best_time="after 5, text 312-555-0188 or maria.k at gmail dot com",
                created_at=NOW - timedelta(minutes=10),
                updated_at=NOW - timedelta(minutes=10),
            )
        )
    indexer.run_once(settings)
    return settings


@pytest.mark.parametrize("word", ["maria", "gmail", "maria_k88", "five", "zero"])
def test_leaky_words_are_not_searchable(leaky, word):
    with app_engine(leaky.database_url).connect() as conn:
        found = listing.list_page(conn, listing.ListFilter(query=word), 50)
    assert "web-leaky" not in [r.conversation_id for r in found.rows]


def test_list_excerpt_and_transcript_are_masked(leaky, server):
    client = login(server.url, "cleo")
    listed = client.get(server.url + "/conversations").text
    for leak in ("Maria", "maria", "gmail", "@maria_k88", "five five"):
        assert leak not in listed, leak
    page = client.get(server.url + "/conversation", params={"id": "web-leaky"}).text
    for leak in ("Maria", "gmail", "maria_k88", "five five", "0188"):
        assert leak not in page, leak
    # the sidebar's best time is masked like the transcript; the bot's help lines are not
    assert "after 5" in page
    assert FACTS.helpline in page and SAMHSA in page


def test_reveal_shows_the_best_time(leaky, server):
    client = login(server.url, "cleo")
    csrf = token(client, server.url, "/conversations")
    page = client.post(
        server.url + "/conversation/reveal", data={"id": "web-leaky", "csrf_token": csrf}
    ).text
    assert "312-555-0188" in page


def test_search_and_callback_queue_views_are_audited(server, settings):
    client = login(server.url, "cleo")
    n = count(settings)
    client.get(server.url + "/conversations", params={"q": "call me 202-555-0143"})
    row = one_new_row(settings, n, "search")
    assert row.username == "cleo" and "0143" not in (row.detail or "")
    assert "call me" in row.detail
    n = count(settings)
    client.get(server.url + "/conversations")  # no search: no row
    assert count(settings) == n
    callback_staff = login(server.url, "cal")
    n = count(settings)
    assert callback_staff.get(server.url + "/callbacks").status_code == 200
    assert one_new_row(settings, n, "callback_queue_view").username == "cal"
