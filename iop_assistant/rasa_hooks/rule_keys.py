"""RulePolicy finds the rules that fit a conversation without re-reading every rule (issue 17).

Rasa 3.6's ``RulePolicy._get_possible_keys`` filters all of the assistant's rule keys
(about 560 here) against each state of the conversation, from the latest back: for
every key and every state it decodes the key (a cached JSON list), reverses it into a
new list and compares, and it keeps going over every earlier state even when no key is
left or every key left is already shorter than the history looked at. That was about
12 % of a turn's time (2.3 ms of 19 ms, measured with the trained model over 150 turns).

:func:`install` replaces it with the same filter over the same keys and states, with
Rasa's own comparisons (``_does_rule_match_state``), that keeps each key's reversed states
once and stops as soon as the answer cannot change: no key left, or every key left is
shorter than the states already compared (Rasa's filter keeps such keys for every earlier
state). ``tests/rasa_hooks/test_rule_keys.py`` checks it returns exactly Rasa's set on the
states of real conversations with the trained model.
"""

from __future__ import annotations

from typing import Any, Dict, List, Set, Tuple

from rasa.core.policies import rule_policy
from rasa.shared.core.constants import PREVIOUS_ACTION, SHOULD_NOT_BE_SET, USER
from rasa.shared.core.domain import State
from rasa.shared.nlu.constants import INTENT

from iop_assistant.rasa_hooks import patching

# Rasa's registry decorator hides the class's own methods from type checkers
RulePolicy: Any = rule_policy.RulePolicy
_METHOD = "_get_possible_keys"
_INDEX = "_iop_rule_index"
# a rule key's states, latest first; keys of earlier models are dropped past this many
_REVERSED: Dict[str, List[State]] = {}
MAX_KEPT = 20_000


def reversed_states(rule_key: str) -> List[State]:
    """The rule's states, latest first (decoded once per key)."""
    found = _REVERSED.get(rule_key)
    if found is None:
        if len(_REVERSED) >= MAX_KEPT:
            _REVERSED.clear()
        found = list(reversed(RulePolicy._rule_key_to_state(rule_key)))
        _REVERSED[rule_key] = found
    return found


def _applies(policy: Any, rule: List[State], turn: int, state: State) -> bool:
    """Rasa's ``_is_rule_applicable`` for a rule whose states are already reversed."""
    if turn >= len(rule):
        return True
    current_previous_action = state.get(PREVIOUS_ACTION)
    rule_previous_action = rule[turn].get(PREVIOUS_ACTION)
    if not rule_previous_action and not current_previous_action:
        return True
    if not rule_previous_action or not current_previous_action:
        return False
    return policy._does_rule_match_state(rule[turn], state)


def _required_intent(rule: List[State]) -> str | None:
    """The intent a rule's latest state requires, or None when any conversation state
    may pass it (no intent, "must not be set", or a conversation-start state)."""
    latest = rule[0]
    intent = (latest.get(USER) or {}).get(INTENT)
    if not latest.get(PREVIOUS_ACTION) or not intent or intent == SHOULD_NOT_BE_SET:
        return None
    return str(intent)


def _by_intent(policy: Any, lookup: Dict[str, Any]) -> Dict[str | None, Set[str]]:
    """The lookup's keys grouped by the intent their latest state requires (kept per
    lookup on the policy: a lookup never changes after training)."""
    kept: Dict[int, Tuple[int, Dict[str | None, Set[str]]]] = policy.__dict__.setdefault(_INDEX, {})
    found = kept.get(id(lookup))
    if found is None or found[0] != len(lookup):
        groups: Dict[str | None, Set[str]] = {}
        for key in lookup:
            groups.setdefault(_required_intent(reversed_states(key)), set()).add(key)
        found = (len(lookup), groups)
        kept[id(lookup)] = found
    return found[1]


def possible_keys(self: Any, lookup: Dict[str, Any], states: List[State]) -> Set[str]:
    """The rule keys of ``lookup`` that fit ``states``: exactly Rasa's answer."""
    if not states:
        return set(lookup.keys())
    # the latest state first: only keys whose required intent is the conversation's can
    # pass it (Rasa's check drops every other one), so only those are compared
    groups = _by_intent(self, lookup)
    latest = states[-1]
    intent = (latest.get(USER) or {}).get(INTENT) if latest.get(PREVIOUS_ACTION) else None
    candidates = groups.get(None, set()) | (groups.get(str(intent), set()) if intent else set())
    keys = {key for key in candidates if _applies(self, reversed_states(key), 0, latest)}
    longest = max((len(reversed_states(key)) for key in keys), default=0)
    for turn, state in enumerate(reversed(states)):
        if turn == 0:
            continue
        if not keys or turn >= longest:
            break  # nothing left to drop: Rasa's filter keeps every key from here on
        keys = {key for key in keys if _applies(self, reversed_states(key), turn, state)}
        longest = max((len(reversed_states(key)) for key in keys), default=0)
    return keys


def installed() -> bool:
    return patching.replaced(RulePolicy, _METHOD, __name__)


def install() -> bool:
    """Replaces Rasa's filter (idempotent); True when installed now."""
    return patching.replace(RulePolicy, _METHOD, __name__, lambda _: possible_keys)


def uninstall() -> None:
    """Back to Rasa's filter."""
    patching.restore(RulePolicy, _METHOD, __name__)
