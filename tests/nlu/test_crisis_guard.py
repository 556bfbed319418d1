"""CrisisGuard as a Rasa component: overrides the intent, records the pattern, adds entities."""

import pytest
import spacy
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu import spacy_pipeline
from iop_assistant.nlu.crisis_guard import CrisisGuard
from iop_assistant.nlu.crisis_matcher import CrisisMatcher
from iop_assistant.nlu.input_guard import InputGuard


@pytest.fixture(scope="module")
def guard() -> CrisisGuard:
    return CrisisGuard(CrisisMatcher(spacy.load(spacy_pipeline.build())))


def classified(text: str, intent: str = "ask_schedule", confidence: float = 0.8) -> Message:
    message = Message({TEXT: text})
    InputGuard().process([message])
    message.set(INTENT, {"name": intent, "confidence": confidence})
    message.set(
        INTENT_RANKING_KEY,
        [{"name": intent, "confidence": confidence}, {"name": "crisis", "confidence": 0.1}],
    )
    return message


def test_hit_overrides_intent_and_records_pattern(guard):
    message = classified("my friend overdosed and isnt breathing")
    guard.process([message])
    assert message.get(INTENT) == {"name": "crisis", "confidence": 1.0}
    assert message.get(INTENT_RANKING_KEY)[0]["name"] == "crisis"
    assert [r["name"] for r in message.get(INTENT_RANKING_KEY)].count("crisis") == 1
    record = message.get("crisis_guard")
    assert record["category"] in {"overdose", "medical"} and record["pattern_id"]
    assert record["classifier_intent"] == "ask_schedule"
    entities = {e["entity"]: e["value"] for e in message.get(ENTITIES)}
    assert entities["crisis_category"] == record["category"]
    assert entities["crisis_pattern"] == record["pattern_id"]


def test_idiom_leaves_the_classifier_alone(guard):
    message = classified("the stress is killing me, when are groups")
    guard.process([message])
    assert message.get(INTENT)["name"] == "ask_schedule"
    assert message.get("crisis_guard") is None


def test_a_sure_classifier_crisis_with_a_word_of_danger_stays_crisis(guard):
    message = classified("he is outside my window with a bat", intent="crisis", confidence=0.9)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"


def test_a_sure_classifier_crisis_with_only_despair_asks_the_check_in_question(guard):
    message = classified("i feel like giving up on everything", intent="crisis", confidence=0.9)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis_checkin"


def test_a_sure_classifier_crisis_with_no_word_of_danger_takes_the_next_guess(guard):
    """v7: "I don't have a car either. bus takes forever" got the crisis reply."""
    message = classified(
        "I don't have a car either. bus takes forever", intent="crisis", confidence=1.0
    )
    message.set(
        INTENT_RANKING_KEY,
        [
            {"name": "crisis", "confidence": 1.0},
            {"name": "ask_childcare_transport", "confidence": 0.4},
        ],
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "ask_childcare_transport"


def test_no_with_a_denial_is_a_no_whatever_the_classifier_said(guard):
    """v7: after the check-in question, "no, I mean done with HER drama. I'm not suicidal
    lol" was read as inform_use and answered with the crisis reply."""
    message = classified(
        "no, I mean done with HER drama. I'm not suicidal lol", intent="inform_use"
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "deny"


def test_an_unsure_classifier_crisis_asks_the_check_in_question(guard):
    """Never cancelled: below 0.8 (with no lexicon hit) the person is asked directly,
    with 988 and 911 in the question, and a yes gets the crisis reply (issue 12)."""
    message = classified("i feel like giving up on everything", intent="crisis", confidence=0.7)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis_checkin"


def test_crisis_at_the_end_of_a_huge_message_is_seen(guard):
    message = classified("I have a question about the schedule. " * 300 + " i want to kill myself")
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"


def test_unsure_prediction_whose_best_guess_is_crisis_asks_the_check_in(guard):
    message = classified(
        "everything feels pointless lately", intent="nlu_fallback", confidence=0.45
    )
    message.set(
        INTENT_RANKING_KEY,
        [
            {"name": "nlu_fallback", "confidence": 0.45},
            {"name": "crisis", "confidence": 0.41},
            {"name": "ask_relapse", "confidence": 0.3},
        ],
    )
    guard.process([message])
    assert message.get(INTENT) == {"name": "crisis_checkin", "confidence": 1.0}


def test_a_very_weak_crisis_guess_is_noise(guard):
    message = classified("im in brooklyn", intent="nlu_fallback", confidence=0.45)
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "crisis", "confidence": 0.2}],
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"


def test_unsure_prediction_about_something_else_stays_fallback(guard):
    message = classified("blorp", intent="nlu_fallback", confidence=0.45)
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "nlu_fallback", "confidence": 0.45}, {"name": "greet", "confidence": 0.41}],
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "nlu_fallback"


@pytest.mark.parametrize(
    "text",
    ["nope, not like that, i just want to stop using", "no no. not like that. im just worn out"],
)
def test_no_not_like_that_answers_the_check_in(guard, text):
    """An unsure reading of "no, not like that" is a no to the check-in, not a crisis."""
    message = classified(text, intent="nlu_fallback", confidence=0.35)
    guard.process([message])
    assert message.get(INTENT)["name"] == "deny"


def test_not_like_that_without_a_no_is_left_to_the_classifier(guard):
    message = classified("its not like that with him, he only drinks at weekends")
    guard.process([message])
    assert message.get(INTENT)["name"] == "ask_schedule"


@pytest.mark.parametrize(
    "text",
    [
        "no i'm not going to kill myself, i'm just sick of relapsing",  # v5, own words
        "im not gonna hurt myself. i just feel stuck",
        "i would never kill myself, i just need help with the drinking",
    ],
)
def test_a_plain_denial_is_a_no_even_with_danger_words_inside_it(guard, text):
    message = classified(text, intent="crisis", confidence=0.9)
    guard.process([message])
    assert message.get(INTENT)["name"] == "deny"


@pytest.mark.parametrize(
    "text",
    [
        "im not going to kill myself tonight but the pills are ready",
        "i'm not gonna kill myself, i only took 30 pills to sleep",
        "not gonna hurt myself yet",
    ],
)
def test_a_qualified_denial_or_other_danger_stays_a_crisis(guard, text):
    message = classified(text, intent="crisis", confidence=0.9)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"


def test_a_sure_classifier_crisis_on_an_idiom_takes_the_next_guess(guard):
    message = classified("im going to bite the bullet and sign up", intent="crisis", confidence=1.0)
    message.set(
        INTENT_RANKING_KEY,
        [
            {"name": "crisis", "confidence": 0.97},
            {"name": "ask_admission_process", "confidence": 0.02},
        ],
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "ask_admission_process"


def test_a_sure_classifier_crisis_saying_something_was_taken_stays_crisis(guard):
    """Regression conversation: "he took some pills i think" after an overdose report."""
    message = classified("he took some pills i think", intent="crisis", confidence=0.99)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"


def sure_crisis(text: str, confidence: float, alternative: str, alternative_confidence: float):
    """A message the classifier read as a crisis, with one other reading behind it."""
    message = classified(text, intent="crisis", confidence=confidence)
    message.set(
        INTENT_RANKING_KEY,
        [
            {"name": "crisis", "confidence": confidence},
            {"name": alternative, "confidence": alternative_confidence},
        ],
    )
    return message


@pytest.mark.parametrize(
    "text,intent,expected",
    [
        # role-play 2026-12-04: a parent and a Spanish-speaking mother told it plainly
        (
            "Nobody overdosed. He is at school right now. Would Medicaid pay for it?",
            "ask_cost_insurance",
            "ask_cost_insurance",
        ),
        ("no es emergencia!! respira bien", "inform_use", "deny"),
        ("he's ok now, he's home with me", "inform_use", "deny"),
        (
            "it's not an emergency, i just want to know what iop is",
            "ask_what_is_iop",
            "ask_what_is_iop",
        ),
    ],
)
def test_no_emergency_said_plainly_is_answered_not_sent_to_911(guard, text, intent, expected):
    message = sure_crisis(text, 0.9, intent, 0.05)
    guard.process([message])
    assert message.get(INTENT)["name"] == expected
    assert message.get("crisis_guard") is None


@pytest.mark.parametrize(
    "text",
    [
        "nobody overdosed but he won't wake up",
        "its not an emergency but he is turning blue",
        "no es emergencia pero no respira",
        "is this an emergency? he took a whole bottle of pills",
    ],
)
def test_a_denial_never_hides_new_danger(guard, text):
    message = classified(text)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"


def test_a_sure_classifier_crisis_with_no_other_reading_stays_crisis(guard):
    """Round 10: "i have the pills in my hand" (no word of danger on the list) was answered
    with the classifier's next guess at 0.00 confidence; with no real alternative the
    crisis reply stays. A real alternative is still answered (the v7 false alarms)."""
    message = sure_crisis("tonight im going to do it", 0.97, "ask_work_school", 0.01)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"
    assert message.get("crisis_guard") is None  # a classifier reading, not a lexicon hit

    other = sure_crisis(
        "I don't have a car either. bus takes forever", 0.85, "ask_childcare_transport", 0.12
    )
    guard.process([other])
    assert other.get(INTENT)["name"] == "ask_childcare_transport"


def test_no_one_in_danger_after_a_crisis_reply_is_a_no(guard):
    """Role-play (afternoon): "no one is in danger lol" after the crisis reply got 988 again."""
    message = classified("no one is in danger lol", intent="inform_use", confidence=0.6)
    guard.process([message])
    assert message.get(INTENT)["name"] == "deny"


def test_markup_the_classifier_reads_as_a_crisis_is_not_one(guard):
    """The widget's markup test (CI): '<img src=x onerror=...>' was a sure crisis of the
    classifier's with no other reading, and got the crisis reply."""
    markup = "<img src=x onerror=\"window.__xss='img'\">"
    message = sure_crisis(markup, 0.99, "ask_program_length", 0.0)
    guard.process([message])
    assert message.get(INTENT)["name"] != "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "uh hi, im calling about... um the outpatient program for my dad",
        "um so the program... like what days is it",
    ],
)
def test_hesitant_words_about_the_program_are_asked_about_not_sent_to_911(guard, text):
    # voice role-play 2026-12-04: a grandmother's "um... the outpatient thing" got 911
    message = sure_crisis(text, 0.99, "ask_what_is_iop", 0.0)
    guard.process([message])
    assert message.get(INTENT)["name"] in ("nlu_fallback", "ask_what_is_iop")


@pytest.mark.parametrize(
    "text",
    [
        "um i dont know why im calling, ive been thinking about, uh, ending it",
        "uh... the program didnt work. i have the pills in my hand",
    ],
)
def test_hesitant_words_that_may_be_a_crisis_stay_one(guard, text):
    message = sure_crisis(text, 0.99, "ask_what_is_iop", 0.0)
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis"


def test_an_unsure_crisis_guess_on_a_short_plain_answer_takes_the_answer(guard):
    # the held-out set (round 18): "he hasnt, no" got the check-in question
    message = classified("he hasnt, no", intent="crisis", confidence=0.64)
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "crisis", "confidence": 0.64}, {"name": "deny", "confidence": 0.3}],
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "deny"


def test_an_unsure_crisis_guess_on_despair_still_asks(guard):
    message = classified("everything feels pointless", intent="crisis", confidence=0.6)
    message.set(
        INTENT_RANKING_KEY,
        [{"name": "crisis", "confidence": 0.6}, {"name": "deny", "confidence": 0.3}],
    )
    guard.process([message])
    assert message.get(INTENT)["name"] == "crisis_checkin"
