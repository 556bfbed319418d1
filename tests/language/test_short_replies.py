"""Once a person asks for shorter replies, program answers stay one text long (texter
role-play round 37: "short" lasted one reply)."""

from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG
from iop_assistant.language.short_replies import (
    SHORT_REPLY_CHARS,
    asked_for_short_replies,
    helpline,
    shortened,
)

LONG = (
    "IOP usually meets 3 to 5 days a week, about 3 hours a session. Many people keep working "
    "or going to school. Groups are in the morning or evening. The intake team can tell you "
    "which fits you best when you call."
)
RESPONSES = {
    "utter_ask_schedule": [{"text": LONG}],
    "utter_crisis": [{"text": LONG}],
}


def _shorter(text: str = "too long") -> UserUttered:
    return UserUttered(text, parse_data={"control_gate": {"reason": "shorter"}})


def _generate(action: str, *events) -> str:
    tracker = DialogueStateTracker.from_events("short", list(events))
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate(action, tracker, "twilio"))
    return str((reply or {}).get("text"))


def test_after_the_ask_a_program_answer_is_one_text() -> None:
    text = _generate(
        "utter_ask_schedule",
        _shorter(),
        BotUttered("ok", metadata={"utter_action": "utter_greet"}),
        UserUttered("whats the schedule"),
    )
    assert len(text) <= SHORT_REPLY_CHARS + 40 and text.endswith(f"call {helpline()}.")
    assert text.startswith("IOP usually meets 3 to 5 days a week")


def test_without_the_ask_or_for_a_crisis_reply_nothing_is_cut() -> None:
    assert _generate("utter_ask_schedule", UserUttered("whats the schedule")) == LONG
    assert _generate("utter_crisis", _shorter(), UserUttered("help")) == LONG


def test_a_new_session_forgets_the_ask() -> None:
    assert asked_for_short_replies([_shorter()])
    assert not asked_for_short_replies([_shorter(), SessionStarted()])


def test_spanish_points_to_the_help_line_in_spanish() -> None:
    assert shortened(LONG, "(888) 783-3291", "es").endswith("Para más, llame al (888) 783-3291.")
