"""The same program answer is not said twice in a row, word for word.

"do u take medicaid" and "so is it like free w medicaid" each got the cost paragraph the
person had just read (texter role-play 2026-12-04, late: three times); a caller asking
for a ballpark heard it again with its menu. Asked again right away, an answer gives its
follow-up ("utter_more_<topic>") when it has one, and otherwise says that this is what
it knows and who can say more (``utter_no_more_<topic>`` where the topic has its own,
else ``utter_no_more``). "Say that again" is answered by
action_repeat, which does not come through here.
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


def instead_of_a_repeat(
    utter_action: str, newest_first: Iterable[Any], responses: Mapping[str, Any]
) -> str:
    """The response to say for ``utter_action``: itself, unless it would repeat the
    answer just given (then its follow-up once, then ``utter_no_more``)."""
    if utter_action in CRISIS_REPEATS:
        last = last_answers(newest_first)
        if last and last[0] == utter_action and (len(last) < 2 or last[1] != utter_action):
            return CRISIS_REPEATS[utter_action]
        return utter_action
    if utter_action not in ANSWERS:
        return utter_action
    last = last_answers(newest_first)
    if not last or last[0] != utter_action:
        return utter_action
    more = MORE_PREFIX + utter_action.removeprefix("utter_")
    if more in responses and (len(last) < 2 or last[1] != utter_action):
        return more
    # a topic's own "what I can't tell you, and who can" (cost: prices, a named plan, cash or
    # a payment plan), else the general one: "that's the main thing I know" three times in
    # a row read as a broken bot (texter role-play round 17)
    own = f"{NO_MORE}_{utter_action.removeprefix('utter_')}"
    if own in responses:
        return own
    return NO_MORE if NO_MORE in responses else utter_action
