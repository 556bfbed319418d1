"""QuestionFirst: a message that tells something and asks about the program gets its
question answered (role-play 2026-12-04), and a crisis is never changed."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.question_first import QuestionFirst


def r(first: str, p: float, second: str, q: float) -> list:
    return [{"name": first, "confidence": p}, {"name": second, "confidence": q}]


def parsed(text: str, ranking: list) -> Message:
    message = Message(data={TEXT: text})
    message.set(INTENT, dict(ranking[0]))
    message.set(INTENT_RANKING_KEY, ranking)
    return QuestionFirst().process([message])[0]


def test_telling_and_asking_gets_the_question_answered():
    ranking = r("inform_use", 0.38, "ask_admission_process", 0.18)
    text = "i wont do anything tonight, i just need to quit drinking. how do i sign up?"
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_admission_process"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # no question about the program
        (
            "i drink every day",
            r("inform_use", 0.6, "ask_schedule", 0.3),
        ),
        # the topic is too unsure
        (
            "i use daily, what do you do?",
            r("inform_use", 0.8, "ask_schedule", 0.05),
        ),
        # a crisis is never changed
        (
            "i want to die, how do i sign up",
            r("crisis", 1.0, "ask_admission_process", 0.5),
        ),
        # an FAQ reading is kept
        (
            "what are the hours",
            r("ask_location_hours", 0.5, "ask_schedule", 0.4),
        ),
    ],
)
def test_everything_else_is_left_alone(text, ranking):
    assert parsed(text, ranking).get(INTENT)["name"] == ranking[0]["name"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("She is safe. How do we sign up for the program?", "ask_safety_procedures"),
        ("how does someone start your iop", "ask_schedule"),
        ("what are the steps to enroll", "nlu_fallback"),
    ],
)
def test_a_plain_enrolment_question_is_the_admission_question(text, intent):
    message = parsed(text, r(intent, 0.6, "ask_admission_process", 0.1))
    assert message.get(INTENT)["name"] == "ask_admission_process"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("how do i start tapering", "ask_dosing"),
        ("i want to die. how do i sign up", "crisis"),
        ("can someone call me about how to sign up", "request_callback"),
    ],
)
def test_other_readings_of_starting_are_kept(text, intent):
    assert parsed(text, r(intent, 0.6, "ask_admission_process", 0.1)).get(INTENT)["name"] == intent


@pytest.mark.parametrize("intent", ["nlu_fallback", "inform_use", "inform"])
def test_what_is_iop_asked_in_so_many_words_is_answered(intent):
    message = parsed(
        "my name is Jose Garcia, what is IOP?", r(intent, 0.35, "ask_what_is_iop", 0.26)
    )
    assert message.get(INTENT)["name"] == "ask_what_is_iop"


def test_what_is_iop_inside_another_reading_is_left_alone():
    message = parsed("what is the iop schedule", r("ask_schedule", 0.9, "ask_what_is_iop", 0.05))
    assert message.get(INTENT)["name"] == "ask_schedule"


@pytest.mark.parametrize(
    "text",
    [
        # role-play 2026-12-04: a fallback menu, the screening and the IOP definition, no yes
        "my boyfriend has been using meth for a year. do you guys even treat meth addiction?",
        "none of those. I'm asking is meth treated in your IOP, yes or no",
        "what substances does the program treat?",
        "do y'all treat fentanyl",
        "ustedes tratan la adiccion a la metanfetamina?",
        # parent role-play 2026-12-04 (second round)
        "Everywhere I call says they mainly do opioids. Do you all actually treat meth?",
        "It's meth. Is meth addiction something your program treats yes or no",
    ],
)
def test_do_you_treat_this_drug_gets_who_it_is_for(text):
    ranking = r("nlu_fallback", 0.4, "ask_what_is_iop", 0.3)
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_who_benefits"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        (
            "do you treat gambling addiction",
            r("ask_other_addictions", 0.8, "ask_who_benefits", 0.1),
        ),
        (
            "do you take people on methadone",
            r("ask_staying_on_medication", 0.8, "ask_who_benefits", 0.1),
        ),
        ("he overdosed on meth, do you treat that", r("crisis", 0.9, "ask_who_benefits", 0.05)),
    ],
)
def test_other_questions_and_crises_keep_their_reading(text, ranking):
    assert parsed(text, ranking).get(INTENT)["name"] == ranking[0]["name"]


def test_no_detox_needed_and_a_question_gets_the_question():
    # role-play 2026-12-04: "I don't think he needs detox... Do you take teenagers?" started
    # the screening
    text = "I don't think he needs detox, it's a vape pen. Do you take teenagers?"
    ranking = r("request_detox_screening", 0.6, "ask_who_benefits", 0.3)
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_who_benefits"


def test_no_detox_needed_alone_is_not_the_screening():
    ranking = r("request_detox_screening", 0.9, "ask_detox_offered", 0.05)
    assert parsed("he doesnt need detox", ranking).get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # role-play 2026-12-04: a privacy notice, the group text and the family text instead
        (
            "do you have evening groups? i get off at 5",
            r("ask_chat_privacy", 0.5, "ask_format", 0.2),
        ),
        ("ok but do you have evening groups?", r("ask_group_therapy", 0.7, "ask_format", 0.2)),
        (
            "are there evening groups? and do they do family sessions",
            r("ask_family_involvement", 0.6, "ask_format", 0.1),
        ),
        ("hay grupos en la noche?", r("ask_schedule", 0.6, "ask_format", 0.1)),
        # texter role-play 2026-12-04, late: "wait" read as a question about wait times
        ("wait actually is there evening ones", r("ask_waitlist_start", 0.7, "ask_format", 0.1)),
        ("do they have nite groups after 5", r("ask_schedule", 0.6, "ask_format", 0.1)),
    ],
)
def test_evening_groups_get_the_format_answer(text, ranking):
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_format"


@pytest.mark.parametrize(
    "text",
    [
        "my girlfriend smokes meth most days. is that something your program treats?",
        "do you guys treat that? he drinks a lot",
        # family role-play 2026-12-04, late: an unrelated "Did you mean" menu
        "My son is 27, he's been using meth for about two years, and for the last week he "
        "keeps saying people are watching the house. Is this something your program can "
        "help with?",
        "my wife drinks a bottle of wine every night, could your program help her?",
    ],
)
@pytest.mark.parametrize("read_as", ["inform_use", "nlu_fallback"])
def test_the_drug_named_first_then_asked_about(text, read_as):
    ranking = r(read_as, 0.6, "ask_who_benefits", 0.1)
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_who_benefits"


def test_no_detox_needed_and_the_detox_answer_gets_the_question():
    text = "I don't think he needs detox, it's a vape pen. Do you take teenagers?"
    ranking = r("ask_detox_offered", 0.6, "ask_who_benefits", 0.2)
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_who_benefits"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # role-play 2026-12-04: the detox paragraph, the screening, then "didn't catch that"
        (
            "Is your program something for a boy his age?",
            r("inform_use", 0.5, "ask_who_benefits", 0.1),
        ),
        (
            "Is the program for adults only or can a 15 year old come?",
            r("ask_what_is_iop", 0.5, "ask_who_benefits", 0.2),
        ),
        ("what ages do you treat?", r("ask_schedule", 0.5, "ask_who_benefits", 0.2)),
        ("aceptan menores?", r("nlu_fallback", 0.5, "ask_who_benefits", 0.2)),
    ],
)
def test_age_questions_get_who_it_is_for(text, ranking):
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_who_benefits"


@pytest.mark.parametrize(
    "text",
    ["do u guys treat anxiety too or just addiction", "can you help with ptsd and addiction"],
)
def test_mental_health_beside_addiction_keeps_its_reading(text):
    # held-out (tuned): these are the co-occurring question, not "which drugs"
    ranking = r("ask_co_occurring", 0.8, "ask_who_benefits", 0.1)
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_co_occurring"


@pytest.mark.parametrize(
    ("text", "ranking", "wanted"),
    [
        # role-play 2026-12-04: the naloxone paragraph for questions about other things
        (
            "will they ask for Rick when they call",
            r("ask_safety_procedures", 0.5, "ask_chat_privacy", 0.2),
            "ask_chat_privacy",
        ),
        (
            "should she be on the call too",
            r("ask_safety_procedures", 0.6, "ask_family_involvement", 0.2),
            "ask_family_involvement",
        ),
        ("try again", r("ask_safety_procedures", 0.6, "greet", 0.2), "nlu_fallback"),
        # about safety: kept
        (
            "is there naloxone at your building",
            r("ask_safety_procedures", 0.6, "ask_location_hours", 0.2),
            "ask_safety_procedures",
        ),
        (
            "what if someone ods during group",
            r("ask_safety_procedures", 0.6, "ask_group_therapy", 0.2),
            "ask_safety_procedures",
        ),
    ],
)
def test_the_safety_answer_needs_words_about_safety(text, ranking, wanted):
    assert parsed(text, ranking).get(INTENT)["name"] == wanted


@pytest.mark.parametrize(
    ("text", "ranking", "wanted"),
    [
        # texter role-play 2026-12-04 (second round)
        ("im 17 is that ok", r("inform_use", 0.5, "ask_who_benefits", 0.1), "ask_who_benefits"),
        (
            "no like im under 18. can i still go",
            r("crisis", 0.6, "ask_who_benefits", 0.1),
            "ask_who_benefits",
        ),
        (
            "i work nites 10p to 6a. r there day groups",
            r("ask_schedule", 0.7, "ask_format", 0.1),
            "ask_format",
        ),
        # a crisis the guard found is never changed
        (
            "im 17 and i want to kill myself, can i still go",
            r("crisis", 0.9, "ask_who_benefits", 0.05),
            "crisis",
        ),
    ],
)
def test_second_round_questions(text, ranking, wanted):
    assert parsed(text, ranking).get(INTENT)["name"] == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        # caller role-play 2026-12-04: the 911/988 reply, passed on as "crisis reported"
        ("and my job wouldn't find out right? I don't want them knowing", "ask_confidentiality"),
        (
            "no I mean he's an adult. can I make him go if he doesn't want to",
            "ask_family_involvement",
        ),
        ("¿Lo puedo obligar?", "ask_family_involvement"),
    ],
)
def test_a_classifier_only_crisis_with_a_plain_question_gets_the_answer(text, wanted):
    ranking = r("crisis", 0.7, "ask_schedule", 0.1)
    assert parsed(text, ranking).get(INTENT)["name"] == wanted


def test_danger_words_keep_the_crisis():
    text = "can i make him go, he said he wants to die"
    ranking = r("crisis", 0.9, "ask_family_involvement", 0.05)
    assert parsed(text, ranking).get(INTENT)["name"] == "crisis"


@pytest.mark.parametrize(
    ("text", "ranking"),
    [
        # caller role-play 2026-12-04, late: the answer about keeping work
        (
            "Okay whatever. Would my boss have to know about this? I can't lose this job.",
            r("ask_work_school", 0.7, "ask_confidentiality", 0.2),
        ),
        # family role-play: a menu
        (
            "what about his boss. does the insurance tell his job",
            r("ask_cost_insurance", 0.4, "ask_confidentiality", 0.1),
        ),
    ],
)
def test_asking_whether_someone_finds_out_gets_the_privacy_answer(text, ranking):
    assert parsed(text, ranking).get(INTENT)["name"] == "ask_confidentiality"


def test_saying_the_family_knows_is_no_privacy_question():
    ranking = r("inform_use", 0.7, "ask_confidentiality", 0.1)
    text = "my family knows about my drinking and they want me to go"
    assert parsed(text, ranking).get(INTENT)["name"] == "inform_use"


# round 18: directions, keeping work, "have to know", ending the questions (the held-out
# set and the round-17 role-plays read them as another topic or out of scope)
def test_round18_question_families():
    from iop_assistant.nlu.control_intents import stops_the_questions
    from iop_assistant.program_question import (
        asks_about_keeping_work,
        asks_for_directions,
        asks_whether_someone_finds_out,
    )

    assert asks_for_directions("what's the best way to get to your building")
    assert asks_for_directions("is there parking?")
    assert not asks_for_directions("how do i get my son to go")
    assert asks_about_keeping_work("will this mess with my work schedule")
    assert not asks_about_keeping_work("i lost my job last year")
    assert asks_whether_someone_finds_out("does my boss have to know")
    assert asks_whether_someone_finds_out("will my famly know")
    assert not asks_whether_someone_finds_out("do i have to know my schedule before i start")
    assert stops_the_questions("i'd like to end these questions now")
    assert stops_the_questions("ugh never mind all that")
