"""A program answer asked for again right away gives its follow-up, then "that's what I
know", never the same paragraph word for word (texter role-play 2026-12-04, late: the
cost paragraph three times in a row)."""

from __future__ import annotations

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.language.nlg import LanguageNLG
from iop_assistant.language.repeats import NO_MORE, instead_of_a_repeat

RESPONSES = {
    "utter_ask_schedule": [{"text": "Groups meet 3 to 5 days a week."}],
    "utter_more_ask_schedule": [{"text": "Sessions are about three hours."}],
    "utter_ask_cost_insurance": [{"text": "Cost depends on your insurance."}],
    "utter_no_more": [{"text": "That's the main thing I know about that."}],
    "utter_greet": [{"text": "Hi"}],
}


def said(*names: str) -> list:
    """Bot messages with these response names, oldest first, as Rasa records them."""
    return [BotUttered("...", metadata={"utter_action": n}) for n in names]


def choose(action: str, *before: str) -> str:
    return instead_of_a_repeat(action, reversed(said(*before)), RESPONSES)


def test_a_first_answer_is_itself():
    assert choose("utter_ask_schedule") == "utter_ask_schedule"
    assert choose("utter_ask_schedule", "utter_ask_cost_insurance") == "utter_ask_schedule"


def test_asked_again_it_gives_the_follow_up_then_no_more():
    assert choose("utter_ask_schedule", "utter_ask_schedule") == "utter_more_ask_schedule"
    twice = choose("utter_ask_schedule", "utter_ask_schedule", "utter_ask_schedule")
    assert twice == NO_MORE


def test_an_answer_without_a_follow_up_says_that_is_what_it_knows():
    assert choose("utter_ask_cost_insurance", "utter_ask_cost_insurance") == NO_MORE


def test_other_responses_may_repeat():
    assert choose("utter_greet", "utter_greet") == "utter_greet"


def test_the_generator_says_the_follow_up_in_a_conversation():
    domain = Domain.from_dict({"responses": RESPONSES})
    tracker = DialogueStateTracker.from_events(
        "repeat",
        [
            ActionExecuted("action_listen"),
            UserUttered("whats the schedule"),
            *said("utter_ask_schedule"),
            ActionExecuted("action_listen"),
            UserUttered("so what days is it"),
        ],
    )
    reply = asyncio.run(LanguageNLG(domain=domain).generate("utter_ask_schedule", tracker, "rest"))
    assert reply and reply["text"] == "Sessions are about three hours."


def test_an_empty_program_fact_leaves_no_gap():
    domain = Domain.from_dict(
        {"responses": {"utter_ask_location_hours": [{"text": "{hours} Call us.  Or visit."}]}}
    )
    tracker = DialogueStateTracker.from_events("gap", [UserUttered("hours?")])
    nlg = LanguageNLG(domain=domain)
    reply = asyncio.run(nlg.generate("utter_ask_location_hours", tracker, "rest", hours=""))
    assert reply and reply["text"] == "Call us. Or visit."


def test_a_topic_with_its_own_last_word_says_it_instead_of_the_general_one():
    # texter role-play round 17: "that's the main thing I know" to cash, Aetna, a ballpark
    responses = {**RESPONSES, "utter_no_more_ask_cost_insurance": [{"text": "I can't quote."}]}
    said_before = reversed(said("utter_ask_cost_insurance"))
    assert (
        instead_of_a_repeat("utter_ask_cost_insurance", said_before, responses)
        == "utter_no_more_ask_cost_insurance"
    )


ASKED_AGAIN_RESPONSES = {**RESPONSES, "utter_asked_again": [{"text": "Same answer, sorry."}]}


def said_as(action: str, response: str) -> BotUttered:
    """A bot message for ``action`` that said ``response`` instead (the generator's key)."""
    return BotUttered("...", metadata={"utter_action": action, "said_as": response})


def test_asked_a_third_way_it_says_so_and_offers_a_person():
    # caller role-play round 37: "I'm not asking for a price... yes or no" got "I can't quote
    # a price" word for word, and "they'll tell me if Blue Cross covers it?" the first answer
    cost = "utter_ask_cost_insurance"
    before = [*said(cost), said_as(cost, NO_MORE)]
    assert instead_of_a_repeat(cost, reversed(before), ASKED_AGAIN_RESPONSES) == "utter_asked_again"


def test_a_follow_up_already_given_is_not_given_again():
    schedule = "utter_ask_schedule"
    before = [*said(schedule), said_as(schedule, "utter_more_ask_schedule"), *said("utter_greet")]
    assert instead_of_a_repeat(schedule, reversed(before), ASKED_AGAIN_RESPONSES) == NO_MORE


def test_after_saying_it_is_the_same_answer_a_fourth_ask_gets_the_answer_itself():
    cost = "utter_ask_cost_insurance"
    before = [*said(cost), said_as(cost, NO_MORE), said_as(cost, "utter_asked_again")]
    assert instead_of_a_repeat(cost, reversed(before), ASKED_AGAIN_RESPONSES) == cost


def test_asked_again_after_a_long_talk_about_something_else_it_is_answered_again():
    before = ["utter_ask_schedule", *["utter_greet"] * 6]
    assert choose("utter_ask_schedule", *before) == "utter_ask_schedule"


def test_the_generator_names_the_response_it_said_instead():
    domain = Domain.from_dict({"responses": ASKED_AGAIN_RESPONSES})
    tracker = DialogueStateTracker.from_events(
        "said-as",
        [UserUttered("cost?"), *said("utter_ask_cost_insurance"), UserUttered("so how much")],
    )
    reply = asyncio.run(
        LanguageNLG(domain=domain).generate("utter_ask_cost_insurance", tracker, "rest")
    )
    assert reply and reply["said_as"] == NO_MORE and reply["text"].startswith("That's the main")


def test_the_same_answer_apology_only_right_after_the_same_answer():
    # family role-play round 38: "I keep giving you the same answer" after other answers
    cost = "utter_ask_cost_insurance"
    before = [*said(cost), said_as(cost, NO_MORE), *said("utter_greet")]
    assert instead_of_a_repeat(cost, reversed(before), ASKED_AGAIN_RESPONSES) != "utter_asked_again"


def test_withdrawal_signs_told_after_iop_may_fit_change_the_answer():
    # self role-play round 38: "change my answer to yes... shaky and sweaty" got "IOP may be
    # a good fit" four times
    responses = {
        "utter_screening_iop_may_fit": [{"text": "IOP may be a good fit."}],
        "utter_screening_signs_told_after": [{"text": "Detox first may be safer."}],
        "utter_inform_use": [{"text": "Thanks."}],
    }
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": responses}))
    for text, expected in [
        ("actually i do get shaky and sweaty if i go a day without", "Detox first may be safer."),
        ("ok thanks", "IOP may be a good fit."),
    ]:
        tracker = DialogueStateTracker.from_events(
            "signs",
            [
                UserUttered("no"),
                *said("utter_screening_iop_may_fit"),
                ActionExecuted("action_listen"),
                UserUttered(text),
            ],
        )
        reply = asyncio.run(nlg.generate("utter_screening_iop_may_fit", tracker, "rest"))
        assert reply and reply["text"] == expected


def test_an_answer_given_in_another_language_is_given_again_in_this_one():
    """Spanish role-play round 38: "recai" got the relapse answer in English before Spanish
    was chosen; the same question in Spanish got "Eso es lo principal que sé"."""
    english = BotUttered("...", metadata={"utter_action": "utter_ask_schedule", "said_in": "en"})
    chosen = instead_of_a_repeat("utter_ask_schedule", [english], RESPONSES, "es")
    assert chosen == "utter_ask_schedule"
    assert instead_of_a_repeat("utter_ask_schedule", [english], RESPONSES, "en") != (
        "utter_ask_schedule"
    )


def test_the_generator_names_the_language_it_said_a_reply_in():
    tracker = DialogueStateTracker.from_events("c", [UserUttered("groups?")])
    nlg = LanguageNLG(domain=Domain.from_dict({"responses": RESPONSES}))
    reply = asyncio.run(nlg.generate("utter_ask_schedule", tracker, "rest"))
    assert reply["said_in"] == "en"
