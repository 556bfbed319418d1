"""The same program answer is not said twice in a row, word for word.

"do u take medicaid" and "so is it like free w medicaid" each got the cost paragraph the
person had just read (texter role-play 2026-12-04, late: three times); a caller asking
for a ballpark heard it again with its menu. Asked again right away, an answer gives its
follow-up ("utter_more_<topic>") when it has one, and otherwise says that this is what
it knows and who can say more (``utter_no_more_<topic>`` where the topic has its own,
else ``utter_no_more``). "Say that again" is answered by
action_repeat, which does not come through here.

Asked a third or fourth way within a few messages ("will my insurance cover it, yes or
no", "and they'll tell me if Blue Cross covers it?"; caller role-play round 37: the same
words two and three times), the answer says so plainly and offers a person
(``utter_asked_again``). Rasa records the action's name in a bot message's metadata; the
generator adds the response it said instead (``SAID_AS``), so a follow-up already given
is not given again.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from iop_assistant.topics import FAQ_INTENTS

ANSWERS = frozenset(f"utter_{topic}" for topic in FAQ_INTENTS)
# the crisis reply said again right after itself: a shorter one, the one thing to do first
# (round 20's open list), every other time
CRISIS_REPEATS = {"utter_crisis_again": "utter_crisis_still_here"}
MORE_PREFIX = "utter_more_"
NO_MORE = "utter_no_more"
ASKED_AGAIN = "utter_asked_again"
# the bot message key naming the response said in place of the action's own
SAID_AS = "said_as"
# the bot message key naming the language it was said in: an answer the person got in
# English before Spanish was chosen was not read (Spanish role-play round 38: "Eso es lo
# principal que sé" to a first question in Spanish)
SAID_IN = "said_in"
# how far back (bot messages) an answer counts as just given: a topic asked again after
# a long talk about something else gets its answer again
RECENT_MESSAGES = 6


def last_answers(events: Iterable[Any], count: int = 2) -> list[str | None]:
    """The response names of the last ``count`` bot messages, newest first."""
    found: list[str | None] = []
    for event in events:
        if getattr(event, "type_name", None) != "bot":
            continue
        found.append((getattr(event, "metadata", None) or {}).get("utter_action"))
        if len(found) == count:
            break
    return found


def _names(event: Any) -> set[str]:
    """The action and the response a bot message said (they differ for a follow-up)."""
    metadata = getattr(event, "metadata", None) or {}
    return {str(n) for n in (metadata.get("utter_action"), metadata.get(SAID_AS)) if n}


def recent_names(
    events: Iterable[Any], count: int = RECENT_MESSAGES, language: str | None = None
) -> list[set[str]]:
    """The names of the last ``count`` bot messages, newest first; a message said in another
    language than ``language`` names nothing (the answer was not given in this one)."""
    found: list[set[str]] = []
    for event in events:
        if getattr(event, "type_name", None) != "bot":
            continue
        said_in = (getattr(event, "metadata", None) or {}).get(SAID_IN)
        found.append(set() if language and said_in and said_in != language else _names(event))
        if len(found) == count:
            break
    return found


def instead_of_a_repeat(
    utter_action: str,
    newest_first: Iterable[Any],
    responses: Mapping[str, Any],
    language: str | None = None,
) -> str:
    """The response to say for ``utter_action``: itself, unless it was given within the
    last few messages (then its follow-up, then what it can't say and who can, then
    ``utter_asked_again``, each once)."""
    events = list(newest_first)
    if utter_action in CRISIS_REPEATS:
        last = last_answers(events)
        if last and last[0] == utter_action and (len(last) < 2 or last[1] != utter_action):
            return CRISIS_REPEATS[utter_action]
        return utter_action
    if utter_action not in ANSWERS:
        return utter_action
    recent = recent_names(events, language=language)
    asked = sum(1 for names in recent if utter_action in names)
    if not asked:
        return utter_action
    more = MORE_PREFIX + utter_action.removeprefix("utter_")
    # a topic's own "what I can't tell you, and who can" (cost: prices, a named plan, cash or
    # a payment plan), else the general one: "that's the main thing I know" three times in
    # a row read as a broken bot (texter role-play round 17)
    own = f"{NO_MORE}_{utter_action.removeprefix('utter_')}"
    no_more = own if own in responses else NO_MORE
    steps = [name for name in (more, no_more, ASKED_AGAIN) if name in responses]
    if not steps:
        return utter_action
    # "I keep giving you the same answer" only right after the same answer (family role-play
    # round 38: said to a grandmother whose "and then?" had other answers between)
    if utter_action not in recent[0]:
        steps = [step for step in steps if step != ASKED_AGAIN] or [utter_action]
    said_recently = set().union(*recent)
    for step in steps[asked - 1 :]:
        if step not in said_recently:
            return step
    last_step = steps[-1]
    return utter_action if last_step in recent[0] else last_step
