"""Round 8 (v8 outsider set, tuned): crisis families written for the v8 misses, checked
with other wordings of the same family, and the look-alikes that must stay calm."""

from __future__ import annotations

import pytest
import spacy
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.control_intents import asks_to_be_connected, starts_with_stop
from iop_assistant.nlu.crisis_guard import CrisisGuard
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.danger_questions import is_general_danger_question
from iop_assistant.nlu.input_guard import InputGuard
from iop_assistant.nlu.past_danger import is_told_as_history


@pytest.fixture(scope="module")
def guard() -> CrisisGuard:
    return CrisisGuard(CrisisMatcher(spacy.load(spacy_pipeline.build())))


def read(guard: CrisisGuard, text: str, intent: str = "inform_use") -> str:
    message = Message({TEXT: text})
    InputGuard().process([message])
    message.set(INTENT, {"name": intent, "confidence": 0.9})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 0.9}])
    guard.process([message])
    return message.get(INTENT)["name"]


@pytest.mark.parametrize(
    "text,family",
    [
        ("i cut really deep and the bleeding wont stop", "cut_deep_bleeding"),
        ("how high of a bridge would i have to jump from", "method_to_make_sure"),
        ("will my life insurance pay if it looks like an accident", "method_to_make_sure"),
        ("gonna do it saturday while my wife is out of town", "plan_with_time"),
        ("i made a date and a plan", "plan_with_time"),
        ("my mind is set, i made up my mind about tonight", "plan_with_time"),
        ("going to take everything i have left and let whatever happens happen", "plan_with_time"),
        ("getting my affairs in order, wrote my will, i feel ready", "affairs_in_order"),
        ("i need somebody to know before i die", "before_i_go"),
        ("please tell my kids im sorry", "before_i_go"),
        ("i want out for good", "before_i_go"),
        ("im staring at the pills right now", "holding_means_now"),
        ("took 4 xanax and had half a fifth", "mixed_or_double_dose"),
        ("she took all of her gabapentin", "mixed_or_double_dose"),
        ("took my moms suboxone on top of my own dose", "mixed_or_double_dose"),
        ("first time in a year i used and i feel like im going to die", "old_amount_after_clean"),
        ("day 3 off xanax and im seeing people in my room", "withdrawal_hallucinating"),
        ("bugs crawling on the walls, its day 2 without drinking", "withdrawal_hallucinating"),
        ("abscess on my leg has red streaks and i have a fever", "medical_now_more"),
        ("grandpa fell and cant get up", "medical_now_more"),
        ("he banged his head and now he keeps throwing up", "medical_now_more"),
        ("my throat is swelling shut", "medical_now_more"),
        ("he came at me with a bat", "went_after_with_weapon"),
    ],
)
def test_round8_families_are_crises(guard, text, family):
    hit = guard.check(text)
    assert hit is not None, text
    assert read(guard, text) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "im scared my son is going to die from this someday",
        "been nodding off in class from the pills, my teacher noticed",
        "binge watched too much netflix and i think i overdosed lol",
        "we lost my brother to an overdose, thats why im asking",
        "the last time he tried to quit he had a seizure",
        "what should you do if you find someone overdosing",
        "what are warning signs of an overdose",
        "will i get in trouble for calling 911 if a friend ods",
        "not suicidal, just tired of drinking",
        "im putting my affairs in order before i start the program",
        "cut back on drinking, thinking of doing IOP",
    ],
)
def test_round8_look_alikes_get_no_emergency_reply(guard, text):
    assert read(guard, text) != "crisis"


def test_general_questions_and_history_readers():
    assert is_general_danger_question("what should someone do if they see a person overdosing")
    assert is_told_as_history("a friend of mine took his life after relapsing")
    assert not is_told_as_history(
        "relapsed after 6 months clean and used the same amount i used to, i feel like im dying"
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        ("actually nvm forget it, my roommate just got home", True),
        ("never mind, he just got home", True),
        ("nvm, its alcohol", False),
    ],
)
def test_stop_because_someone_came_in(text, expected):
    assert starts_with_stop(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("can i talk to the front desk", True),
        ("receptionist please", True),
        ("um the operator", True),
        ("i want to speak with a nurse", True),
        ("do you have a nurse on staff", False),
        ("the receptionist was rude last time", False),
    ],
)
def test_staff_roles_by_name_ask_to_be_put_through(text, expected):
    assert asks_to_be_connected(text) is expected


@pytest.mark.parametrize(
    "intent,confidence,kept",
    [
        ("ask_cost_insurance", 0.93, True),  # "cuanto cuesta el programa"
        # a Spanish question fairly sure of its program topic keeps it (es-v3, round 18)
        ("ask_cost_insurance", 0.41, True),
        ("ask_cost_insurance", 0.3, False),  # unsure: the Spanish welcome
        ("nlu_fallback", 0.9, False),
        ("out_of_scope", 0.95, False),
    ],
)
def test_a_spanish_message_the_classifier_is_sure_of_keeps_its_intent(intent, confidence, kept):
    from iop_assistant.nlu.control_gate import SPANISH_INTENT, gate

    message = Message({TEXT: "cuanto cuesta el programa para mi hijo"})
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}])
    gate(message)
    assert (message.get(INTENT)["name"] == intent) is kept
    assert (message.get(INTENT)["name"] == SPANISH_INTENT) is not kept


@pytest.mark.parametrize(
    "text,stops",
    [
        ("olvidelo", True),
        ("ya basta", True),
        ("no quiero seguir", True),
        ("olvídalo, después llamo", True),
        ("ya no", False),  # "not anymore": an answer
        ("para mi hijo", False),
        ("ya no quiero vivir", False),  # the crisis guard reads this, never a stop
    ],
)
def test_a_spanish_stop_ends_a_form(text, stops):
    from iop_assistant.nlu.control_intents import is_stop_only

    assert (is_stop_only(text) or starts_with_stop(text)) is stops


@pytest.mark.parametrize(
    "text,expected",
    [
        ("im a nurse and ive been taking pills from work", False),  # a habit told
        ("been taking xanax for years", False),
        ("he took some pills i think", True),
        ("she is taking pills right now", True),
    ],
)
def test_a_habit_is_not_a_dose_just_taken(text, expected):
    from iop_assistant.nlu.danger_words import says_something_was_taken

    assert says_something_was_taken(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a different number", True),
        ("not this one", True),
        ("otro numero", True),
        ("use a different number 312 555 0101", False),  # digits: the number itself
        ("this number", False),
    ],
)
def test_a_different_number_is_a_no_to_this_number(text, expected):
    from iop_assistant.form_answers import accepts, is_other_number

    assert is_other_number(text) is expected
    assert accepts("callback_use_caller_number", text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("am i supposed to do detox first? can u check", True),
        ("need detox first? can you check please", True),
        ("is detox first required? can you check my insurance", False),
        ("do you offer detox", False),
    ],
)
def test_asking_to_be_checked_for_detox_first_starts_the_screening(text, expected):
    from iop_assistant.nlu.control_intents import asks_for_screening

    assert asks_for_screening(text) is expected


# role-play of 2026-12-04 (graded blind by helpers): a plan to take everything tonight
# was missed; a parent's "nobody overdosed" got the 911 reply
@pytest.mark.parametrize(
    "text",
    [
        "might just do them all tonight and be done",
        "im gonna swallow all of my pills at once",
        "thinking about taking the whole bunch all tonight and be done",
        "i want to take them all and be done with it all",
        # role-play (afternoon): a relapsed texter got a "did you mean" menu
        "thinking about taking everything I have left and being done",
        "im going to use whatever i have left and be done",
    ],
)
def test_taking_everything_tonight_is_a_crisis(guard: CrisisGuard, text: str) -> None:
    assert read(guard, text) == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "Nobody overdosed. He is at school, would Medicaid pay?",
        "no one has overdosed, i just want info",
        "can i take all my meds at once or spread them out",
        "i want to be done with drinking for good",
        "i want to use what i have left of my pto and be done with work for a week",
    ],
)
def test_denials_and_plain_questions_are_not_crises(guard: CrisisGuard, text: str) -> None:
    assert read(guard, text) != "crisis", text


def test_an_overdose_with_nobody_around_is_still_one(guard: CrisisGuard) -> None:
    assert read(guard, "he overdosed and nobody is here") == "crisis"
