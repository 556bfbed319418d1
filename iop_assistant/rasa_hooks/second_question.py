"""A second program question in one message is read too, and answered after the first.

"Does insurance cover this? And can I sit in on his sessions?" got the cost answer and
nothing about family sessions (role-played parents, rounds 16-17). This hook wraps
``MessageProcessor._handle_message_with_tracker``, where a person's message is read before
it is logged (``crisis_context`` wraps the parse itself). When the message's reading is a
program question and the message holds other questions (``nlu/second_question``), each
is read on its own by the same pipeline; the first that is confidently another program
topic is kept in the parse data as ``also_asked``. The response generator
(``language/nlg``) adds that topic's answer after the first answer, in the same message.

Not inside a form (the form reads the answer), not when the message is a crisis, and
only for program topics: a second question that is a request (a callback, a person)
is left to the next turn.
"""

from __future__ import annotations

import functools
from typing import Any, AsyncIterator, Dict

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from iop_assistant.language.reply_reasons import ALSO_ASKED
from iop_assistant.nlu.second_question import questions
from iop_assistant.rasa_hooks import patching
from iop_assistant.topics import FAQ_INTENTS

UPDATE = "crisis_update"
DENY = "deny"
FALLBACK_INTENT = "nlu_fallback"
CALM_UPDATES = frozenset({"help_here", "safe_now", "no_plan", "reached_988", "takes_it_back"})
SURE_ENOUGH = 0.7
_METHOD = "_handle_message_with_tracker"
_FAQ = frozenset(FAQ_INTENTS)


def _in_a_form(tracker: Any) -> bool:
    return bool(getattr(tracker, "active_loop_name", None))


def _reading(parse_data: Dict[str, Any]) -> tuple[str, float]:
    intent = parse_data.get("intent") or {}
    return str(intent.get("name") or ""), float(intent.get("confidence") or 0.0)


def _calm_update(parse_data: Dict[str, Any]) -> bool:
    """A crisis update that says the danger is handled ("the ambulance is taking him",
    "I'm not going to do anything tonight"): a program question in it gets its answer
    after the update's reply (v12: "when he gets out can he get into the program")."""
    name, _ = _reading(parse_data)
    kinds = {e.get("value") for e in parse_data.get("entities") or [] if e.get("entity") == UPDATE}
    return name == UPDATE and bool(kinds & CALM_UPDATES)


def worth_reading(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """A program question (or a calm crisis update) outside a form, with more questions in
    it; a crisis found by the guard is left alone, except in a calm update."""
    name, _ = _reading(parse_data)
    # "no im not suicidal. just a bad week. u have groups on weeknights?" (blind v17, to the
    # check-in question: only "That's okay"): the no, then the question's answer
    calm = _calm_update(parse_data) or name == DENY
    if _in_a_form(tracker) or not (name in _FAQ or calm):
        return False
    if parse_data.get("crisis_guard") and not calm:
        return False
    minimum = 1 if calm else 2
    return len(questions(str(parse_data.get("text") or ""))) >= minimum


def unsure_of_several(parse_data: Dict[str, Any], tracker: Any) -> bool:
    """An unsure reading of a message that asks several things, outside a form: "how much
    is it with aetna, he has class 8-12 so what are the times, and can i sit in?" got the
    clarifying menu (family role-play round 19); each question alone may be clear."""
    name, _ = _reading(parse_data)
    return (
        name == FALLBACK_INTENT
        and not _in_a_form(tracker)
        and not parse_data.get("crisis_guard")
        and len(questions(str(parse_data.get("text") or ""))) >= 2
    )


async def sure_topics(
    processor: MessageProcessor, text: str, besides: str = ""
) -> AsyncIterator[Dict[str, Any]]:
    """The program topics, other than ``besides``, of the message's questions that are read
    surely, in order, each once; read one question at a time, so a caller can stop early."""
    seen = {besides}
    for question in questions(text):
        part = await processor.parse_message(UserMessage(text=question), None)
        name, confidence = _reading(part)
        if name in _FAQ and confidence >= SURE_ENOUGH and name not in seen:
            seen.add(name)
            yield {"intent": name, "confidence": confidence, "text": question}


async def with_questions_read(
    processor: MessageProcessor, parse_data: Dict[str, Any]
) -> Dict[str, Any]:
    """The first sure topic answers the message, a second one is ``also_asked``."""
    found: list[Dict[str, Any]] = []
    async for topic in sure_topics(processor, str(parse_data.get("text") or "")):
        found.append(topic)
        if len(found) == 2:
            break
    if not found:
        return parse_data
    first = {"name": found[0]["intent"], "confidence": found[0]["confidence"]}
    ranking = [first] + [
        r for r in parse_data.get("intent_ranking") or [] if r.get("name") != first["name"]
    ]
    read = {**parse_data, "intent": first, "intent_ranking": ranking}
    return {**read, ALSO_ASKED: found[1]} if len(found) > 1 else read


async def with_second_question(
    processor: MessageProcessor, parse_data: Dict[str, Any], tracker: Any
) -> Dict[str, Any]:
    """``parse_data`` with ``also_asked`` when another question in it is another topic."""
    if unsure_of_several(parse_data, tracker):
        return await with_questions_read(processor, parse_data)
    if not worth_reading(parse_data, tracker):
        return parse_data
    main, _ = _reading(parse_data)
    async for also in sure_topics(processor, str(parse_data.get("text") or ""), besides=main):
        return {**parse_data, ALSO_ASKED: also}
    return parse_data


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    async def _handle_message_with_tracker(
        self: MessageProcessor, message: UserMessage, tracker: Any
    ) -> Any:
        if not message.parse_data:
            parse_data = await self.parse_message(message, tracker)
            message.parse_data = await with_second_question(self, parse_data, tracker)
        return await original(self, message, tracker)

    return _handle_message_with_tracker


def installed() -> bool:
    return patching.replaced(MessageProcessor, _METHOD, __name__)


def install() -> bool:
    """Wraps the message parse (idempotent); True when installed now."""
    return patching.replace(MessageProcessor, _METHOD, __name__, _wrap)


def uninstall() -> None:
    """Back to the parse it wrapped."""
    patching.restore(MessageProcessor, _METHOD, __name__)
