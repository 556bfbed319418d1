"""More screening answers after the outcome are noted, not met with the questions' offer.

"no seizures no. and not pregnant" right after "detox before IOP looks like the safer path"
got "I can ask a few quick questions..." (blind v24, read in round 30).
"""

from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG

RESPONSES = {
    "utter_inform_use": [{"text": "I can ask a few quick questions."}],
    "utter_screening_detox_first": [{"text": "Detox first."}],
    "utter_ask_what_is_iop": [{"text": "IOP is..."}],
    "utter_screening_more_told": [{"text": "Noted; tell the help line if anything changes."}],
}


def reply_after(last_bot_action: str, said: str) -> str:
    tracker = DialogueStateTracker.from_events(
        "c",
        [
            UserUttered("ya if i miss a day i get shaky"),
            BotUttered("...", metadata={"utter_action": last_bot_action}),
            UserUttered("no seizures no. and not pregnant"),
        ],
    )
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate(said, tracker, "rest"))
    assert reply is not None
    return str(reply["text"])


def test_answers_after_the_outcome_are_noted() -> None:
    text = reply_after("utter_screening_detox_first", "utter_inform_use")
    assert text.startswith("Noted")


def test_the_same_words_elsewhere_keep_their_reply() -> None:
    assert reply_after("utter_ask_what_is_iop", "utter_inform_use").startswith("I can ask")


def test_a_no_to_the_check_in_inside_a_callback_request_says_it_is_not_saved() -> None:
    from rasa.shared.core.events import SlotSet

    responses = {
        "utter_crisis_checkin_no": [{"text": "Thank you for telling me."}],
        "utter_callback_paused": [{"text": "Your call request isn't saved yet."}],
    }
    tracker = DialogueStateTracker.from_events(
        "c",
        [SlotSet("callback_use_caller_number", True), UserUttered("no not like that lol")],
        slots=Domain.from_dict(
            {
                "slots": {
                    "callback_use_caller_number": {"type": "any", "mappings": []},
                    "callback_phone": {"type": "any", "mappings": []},
                    "callback_request_id": {"type": "any", "mappings": []},
                }
            }
        ).slots,
    )
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    reply = asyncio.run(nlg.generate("utter_crisis_checkin_no", tracker, "sms"))
    assert reply and reply["text"].endswith("Your call request isn't saved yet.")
