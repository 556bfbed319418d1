"""A crisis update is only an update after a crisis reply (blind v11 conversations).

The NLU pipeline reads each message on its own (``parse_cache`` depends on that), so
``CrisisUpdateReader`` turns "I'm not going to do anything stupid, I just need to stop
drinking", "does the program deal with the paranoia part too?" or "how do you put
someone in the recovery position" into a ``crisis_update`` even as a first message,
and the person got an emergency-follow-up reply about an emergency nobody had. This
hook wraps ``MessageProcessor.parse_message``, which is given the conversation: when
the message is an update that only means something after a crisis reply and the
conversation has had none, the update is dropped and the classifier's next reading
is used (:func:`without_update`). Right after the check-in question ("are you thinking
about ending your life?"), "no, I'm not going to do anything like that" is a no
(:func:`answer_to_checkin`), so the check-in's own rules answer it.

The updates that name an emergency going on now (the means at hand, naloxone given,
help on the way, snoring and won't wake) stand on their own and are kept.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, Iterable, List

from rasa.core.processor import MessageProcessor

from iop_assistant.rasa_hooks import patching

UPDATE_INTENT = "crisis_update"
UPDATE_ENTITY = "crisis_update"
CRISIS_INTENT = "crisis"
CHECKIN_ACTION = "utter_crisis_checkin"
CRISIS_REPLY_PREFIX = "utter_crisis"
FALLBACK_INTENT = "nlu_fallback"
FALLBACK_THRESHOLD = 0.35  # config.yml, FallbackClassifier
GUARD_CATEGORY_ENTITY = "crisis_category"

# updates about a crisis already answered: without one they are something else
NEEDS_A_CRISIS_BEFORE = frozenset(
    {
        "no_plan",
        "safe_now",
        "takes_it_back",
        "help_here",
        "reached_988",
        "psychosis",
        "cost",
        "police_fear",
        "cps_fear",
        "what_to_say",
        "overdose_first_aid",
        "seizure_first_aid",
    }
)
# words of reassurance: without a crisis before, the classifier's crisis guess is no crisis
REASSURING = frozenset({"no_plan", "safe_now", "takes_it_back", "help_here", "reached_988"})
# after the check-in question these are a "no"
CHECKIN_NO = frozenset({"no_plan", "safe_now", "takes_it_back"})
_METHOD = "parse_message"


def _actions(tracker: Any) -> List[str]:
    """Bot action names since the session started, oldest first."""
    names: List[str] = []
    for event in getattr(tracker, "events", None) or []:
        name = getattr(event, "action_name", None)
        if name == "action_session_start":
            names = []
        elif isinstance(name, str) and name != "action_listen":
            names.append(name)
    return names


def had_crisis_reply(actions: Iterable[str]) -> bool:
    """Whether any crisis reply (the crisis text, the check-in, an update) was given."""
    return any(name.startswith(CRISIS_REPLY_PREFIX) for name in actions)


def update_kind(parse_data: Dict[str, Any]) -> str | None:
    for entity in parse_data.get("entities") or []:
        if entity.get("entity") == UPDATE_ENTITY:
            return str(entity.get("value"))
    return None


def _has_guard_danger(parse_data: Dict[str, Any]) -> bool:
    return any(e.get("entity") == GUARD_CATEGORY_ENTITY for e in parse_data.get("entities") or [])


def _set_intent(parse_data: Dict[str, Any], name: str, confidence: float) -> None:
    parse_data["intent"] = {"name": name, "confidence": confidence}
    parse_data["entities"] = [
        e for e in parse_data.get("entities") or [] if e.get("entity") != UPDATE_ENTITY
    ]


def without_update(parse_data: Dict[str, Any], kind: str) -> None:
    """The classifier's next reading instead of the update; crisis only when the guard
    found danger words, or the words were not reassurance and the classifier read one."""
    ranking = [r for r in parse_data.get("intent_ranking") or [] if r.get("name") != UPDATE_INTENT]
    keep_crisis = _has_guard_danger(parse_data) or kind not in REASSURING
    for guess in ranking:
        name = str(guess.get("name"))
        if name == CRISIS_INTENT and not keep_crisis:
            continue
        confidence = float(guess.get("confidence") or 0.0)
        if name != FALLBACK_INTENT and confidence < FALLBACK_THRESHOLD and name != CRISIS_INTENT:
            name = FALLBACK_INTENT
        _set_intent(parse_data, name, confidence)
        parse_data["intent_ranking"] = ranking
        return
    _set_intent(parse_data, FALLBACK_INTENT, 1.0)


def answer_to_checkin(parse_data: Dict[str, Any]) -> None:
    """ "No, I'm not going to do anything like that" to the check-in question is a no."""
    _set_intent(parse_data, "deny", 1.0)


def in_context(parse_data: Dict[str, Any], tracker: Any) -> Dict[str, Any]:
    """The parse, with an update read against the conversation it is in."""
    if (parse_data.get("intent") or {}).get("name") != UPDATE_INTENT:
        return parse_data
    kind = update_kind(parse_data)
    if kind is None or kind not in NEEDS_A_CRISIS_BEFORE:
        return parse_data
    actions = _actions(tracker)
    if actions and actions[-1] == CHECKIN_ACTION and kind in CHECKIN_NO:
        if not _has_guard_danger(parse_data):
            answer_to_checkin(parse_data)
        return parse_data
    if not had_crisis_reply(actions):
        without_update(parse_data, kind)
    return parse_data


def _wrap(original: Any) -> Any:
    @functools.wraps(original)
    async def parse_message(
        self: MessageProcessor,
        message: Any,
        tracker: Any = None,
        only_output_properties: bool = True,
    ) -> Dict[str, Any]:
        parse_data = await original(self, message, tracker, only_output_properties)
        return in_context(parse_data, tracker)

    return parse_message


def installed() -> bool:
    return patching.replaced(MessageProcessor, _METHOD, __name__)


def install() -> bool:
    """Wraps the message parse (idempotent); True when installed now."""
    return patching.replace(MessageProcessor, _METHOD, __name__, _wrap)


def uninstall() -> None:
    """Back to Rasa's own parse."""
    patching.restore(MessageProcessor, _METHOD, __name__)
