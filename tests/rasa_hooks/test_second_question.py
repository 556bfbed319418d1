"""A second program question in one message is read and its answer follows the first."""

from __future__ import annotations

import asyncio
from typing import Any, Dict

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActiveLoop, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG, second_answer
from iop_assistant.rasa_hooks import second_question

# what the pipeline reads each question as, in this test
READINGS = {
    "Does insurance cover this? And can I sit in on his sessions?": ("ask_cost_insurance", 0.9),
    "Does insurance cover this?": ("ask_cost_insurance", 0.95),
    "can I sit in on his sessions?": ("ask_family_involvement", 0.92),
    "how much is it? can you call me tomorrow": ("ask_cost_insurance", 0.9),
    "how much is it?": ("ask_cost_insurance", 0.95),
    "can you call me tomorrow": ("request_callback", 0.97),
    "what is it? and is it expensive?": ("ask_what_is_iop", 0.9),
    "what is it?": ("ask_what_is_iop", 0.8),
    "is it expensive?": ("ask_cost_insurance", 0.5),
    # family role-play round 19: three questions, the whole message unsure
    "how much with aetna? what are the times? can i sit in?": ("nlu_fallback", 0.35),
    "how much with aetna?": ("ask_cost_insurance", 0.93),
    "what are the times?": ("ask_schedule", 0.91),
    "can i sit in?": ("ask_family_involvement", 0.88),
    "hmm? what?": ("nlu_fallback", 0.3),
    "hmm?": ("nlu_fallback", 0.3),
    "what?": ("nlu_fallback", 0.3),
    # blind v17: a no to the check-in question, then a program question
    "no im not suicidal. just a bad week. u have groups on weeknights?": ("deny", 1.0),
    "no im not suicidal.": ("deny", 0.99),
    "just a bad week.": ("inform_use", 0.6),
    "u have groups on weeknights?": ("ask_format", 0.93),
}


class Processor:
    """Stands in for Rasa's processor: the readings above, and which texts it read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    async def parse_message(self, message: Any, tracker: Any = None) -> Dict[str, Any]:
        text = message.text
        self.read.append(text)
        name, confidence = READINGS[text]
        return {"text": text, "intent": {"name": name, "confidence": confidence}, "entities": []}


def parse(text: str, tracker: Any = None) -> tuple[Dict[str, Any], list[str]]:
    """What the wrapped message handler gives Rasa's own handler to log."""
    from rasa.core.channels.channel import UserMessage

    logged: Dict[str, Any] = {}

    async def rasa_handler(processor: Any, message: Any, tracker: Any) -> None:
        logged.update(message.parse_data)

    processor = Processor()
    hooked = second_question._wrap(rasa_handler)
    asyncio.run(hooked(processor, UserMessage(text=text), tracker))
    return logged, processor.read


def test_a_second_program_question_is_kept() -> None:
    result, _ = parse("Does insurance cover this? And can I sit in on his sessions?")
    assert result["intent"]["name"] == "ask_cost_insurance"
    assert result["also_asked"]["intent"] == "ask_family_involvement"


def test_a_request_is_not_a_second_answer() -> None:
    # "can you call me tomorrow" is the next turn's business, not an answer to append
    result, _ = parse("how much is it? can you call me tomorrow")
    assert "also_asked" not in result


def test_an_unsure_reading_is_not_answered() -> None:
    result, _ = parse("what is it? and is it expensive?")
    assert "also_asked" not in result


def test_inside_a_form_the_message_is_read_once() -> None:
    tracker = DialogueStateTracker.from_events(
        "form", [ActiveLoop("callback_form"), UserUttered("x")]
    )
    result, read = parse("Does insurance cover this? And can I sit in on his sessions?", tracker)
    assert "also_asked" not in result
    assert len(read) == 1


RESPONSES = {
    "utter_ask_cost_insurance": [{"text": "Cost depends on your insurance."}],
    "utter_ask_family_involvement": [{"text": "Family sessions are part of it."}],
}


def tracker_with(parse_data: Dict[str, Any]) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "two", [UserUttered(parse_data["text"], parse_data["intent"], [], parse_data)]
    )


def test_the_second_answer_follows_the_first_in_one_message() -> None:
    result, _ = parse("Does insurance cover this? And can I sit in on his sessions?")
    tracker = tracker_with(result)
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate("utter_ask_cost_insurance", tracker, "rest"))
    assert reply and reply["text"] == (
        "Cost depends on your insurance.\n\nFamily sessions are part of it."
    )


def test_only_the_answer_to_the_first_question_carries_the_second() -> None:
    result, _ = parse("Does insurance cover this? And can I sit in on his sessions?")
    tracker = tracker_with(result)
    assert second_answer("utter_ask_family_involvement", tracker, RESPONSES) is None
    assert second_answer("utter_ask_cost_insurance", tracker, RESPONSES) == (
        "utter_ask_family_involvement"
    )


def test_a_program_question_in_a_calm_crisis_update_is_answered_after_it() -> None:
    # v12: "they gave him narcan hes breathing now, the ambulance is taking him. when he
    # gets out can he get into the program" got the update and nothing about the program
    text = "the ambulance is taking him. when he gets out can he get into the program"
    READINGS[text] = ("crisis_update", 1.0)
    READINGS["when he gets out can he get into the program"] = ("ask_admission_process", 0.9)
    from rasa.core.channels.channel import UserMessage

    logged: Dict[str, Any] = {}

    class Calm(Processor):
        async def parse_message(self, message: Any, tracker: Any = None) -> Dict[str, Any]:
            parsed = await super().parse_message(message, tracker)
            if parsed["intent"]["name"] == "crisis_update":
                parsed["entities"] = [{"entity": "crisis_update", "value": "help_here"}]
                parsed["crisis_guard"] = {"category": "overdose"}
            return parsed

    async def rasa_handler(processor: Any, message: Any, tracker: Any) -> None:
        logged.update(message.parse_data)

    asyncio.run(second_question._wrap(rasa_handler)(Calm(), UserMessage(text=text), None))
    assert logged["also_asked"]["intent"] == "ask_admission_process"
    tracker = tracker_with(logged)
    answer = second_answer(
        "utter_crisis_update_help_here",
        tracker,
        {**RESPONSES, "utter_ask_admission_process": [{"text": "Call to start."}]},
    )
    assert answer == "utter_ask_admission_process"


def test_an_unsure_message_of_several_questions_answers_its_sure_ones() -> None:
    result, _ = parse("how much with aetna? what are the times? can i sit in?")
    assert result["intent"]["name"] == "ask_cost_insurance"
    assert result["also_asked"]["intent"] == "ask_schedule"


def test_an_unsure_message_with_no_sure_question_stays_unsure() -> None:
    result, _ = parse("hmm? what?")
    assert result["intent"]["name"] == "nlu_fallback"
    assert "also_asked" not in result


def test_a_no_then_a_question_gets_the_answer_after_the_no() -> None:
    result, _ = parse("no im not suicidal. just a bad week. u have groups on weeknights?")
    assert result["intent"]["name"] == "deny"
    assert result["also_asked"]["intent"] == "ask_format"
