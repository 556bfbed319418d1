"""FormAnswerPolicy on real Rasa trackers: answers go to the form, commands end it."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.policies.form_answer import answer_for_form
from tests.domains import rasa_domain

DOMAIN = rasa_domain()


def tracker_in_form(
    form: str,
    slot: str,
    text: str,
    intent: str,
    confidence: float = 0.99,
    guard: bool = False,
    category: str = "overdose",
) -> DialogueStateTracker:
    parse = {"intent": {"name": intent, "confidence": confidence}, "text": text}
    if guard:
        parse["crisis_guard"] = {"pattern_id": "x", "category": category}
    events = [
        ActionExecuted("action_listen"),
        ActionExecuted(form),
        ActiveLoop(form),
        SlotSet("requested_slot", slot),
        ActionExecuted("action_listen"),
        UserUttered(text, intent=parse["intent"], parse_data=parse),
    ]
    return DialogueStateTracker.from_events("t", events, slots=DOMAIN.slots)


@pytest.mark.parametrize(
    "form, slot, text, intent",
    [
        (
            "detox_screening_form",
            "screening_symptoms",
            "i can't stop for a day without shaking",
            "stop",
        ),
        ("callback_form", "callback_best_time", "now", "goodbye"),
        ("callback_form", "callback_best_time", "as soon as possible", "goodbye"),
        ("callback_form", "callback_name", "skip the name", "stop"),
        ("callback_form", "callback_name", "skip", "stop"),
        ("callback_form", "callback_consent", "no thanks", "stop"),
        # Spanish role-play round 24: "no mejor no" to the texting question dropped the request
        ("callback_form", "callback_consent", "no mejor no", "stop"),
        ("callback_form", "callback_consent", "mejor no", "stop"),
        ("callback_form", "callback_consent", "rather not", "stop"),
        ("detox_screening_form", "screening_last_use", "nothing yet", "goodbye"),
        (
            "detox_screening_form",
            "screening_frequency",
            "i want to stop drinking but i drink daily",
            "stop",
        ),
        # a question about the phone question stays in the form (v5: it ended the request)
        ("callback_form", "callback_phone", "her number or mine?", "request_human"),
        ("callback_form", "callback_use_caller_number", "which number, his?", "request_human"),
    ],
)
def test_answers_go_to_the_form(form, slot, text, intent):
    assert answer_for_form(tracker_in_form(form, slot, text, intent)) == SlotSet(slot, text)


@pytest.mark.parametrize(
    "slot, text, intent",
    [
        ("callback_best_time", "stop", "stop"),
        ("callback_best_time", "never mind", "stop"),
        ("callback_best_time", "bye", "goodbye"),
        ("callback_consent", "no, forget it", "stop"),
        ("callback_consent", "mejor no, olvidalo", "stop"),
        ("callback_best_time", "can i talk to a real person", "request_human"),
    ],
)
def test_explicit_commands_end_the_form(slot, text, intent):
    assert answer_for_form(tracker_in_form("callback_form", slot, text, intent)) is None


def test_unsure_crisis_guess_naming_substances_is_an_answer():
    tracker = tracker_in_form(
        "detox_screening_form", "screening_substances", "alcohol and xanax", "crisis", 0.5
    )
    assert answer_for_form(tracker) == SlotSet("screening_substances", "alcohol and xanax")


def test_crisis_guard_hit_always_wins():
    tracker = tracker_in_form(
        "detox_screening_form", "screening_substances", "fentanyl", "crisis", 1.0, guard=True
    )
    assert answer_for_form(tracker) is None


def test_long_crisis_message_is_never_an_answer():
    text = "i took all my xanax and a bottle of vodka and i cant feel my legs"
    tracker = tracker_in_form("detox_screening_form", "screening_substances", text, "crisis", 0.6)
    assert answer_for_form(tracker) is None


def test_nothing_outside_a_form():
    events = [
        ActionExecuted("action_listen"),
        UserUttered("stop", intent={"name": "stop", "confidence": 1.0}),
    ]
    tracker = DialogueStateTracker.from_events("t", events, slots=DOMAIN.slots)
    assert answer_for_form(tracker) is None


@pytest.mark.parametrize(
    "slot,text,guard,category",
    [
        ("screening_complicated_history", "I had a seizure last time I quit", False, ""),
        (
            "screening_complicated_history",
            "2019 i was in the hospital seeing spiders, they said it was the dts",
            True,
            "withdrawal",
        ),
        ("screening_symptoms", "no seizures, just the sweats", False, ""),
        ("screening_symptoms", "shakes and seizures", False, ""),  # unclear: the form asks
    ],
)
def test_withdrawal_signs_not_happening_now_go_to_the_form(slot, text, guard, category):
    """Issue 13 item 9: a sure crisis reading of a past, negated or unclear sign is
    read by the form (history, or "is this happening right now?"), not a 911 reply."""
    tracker = tracker_in_form(
        "detox_screening_form", slot, text, "crisis", 0.99, guard=guard, category=category
    )
    assert answer_for_form(tracker) == SlotSet(slot, text)


@pytest.mark.parametrize(
    "slot,text,category",
    [
        ("screening_symptoms", "he is having a seizure right now", "withdrawal"),
        ("screening_complicated_history", "had a seizure before and i want to die", "suicidal"),
    ],
)
def test_signs_now_and_other_crises_stay_a_crisis(slot, text, category):
    tracker = tracker_in_form(
        "detox_screening_form", slot, text, "crisis", 0.99, guard=True, category=category
    )
    assert answer_for_form(tracker) is None


@pytest.mark.parametrize(
    "slot, text",
    [
        ("screening_for", "me. got a dui and my lawyer said look into programs"),
        ("screening_medical", "blood pressure a bit high"),
        ("screening_drinks", "no clue honestly. i find empties in the garage"),
        ("screening_substances", "he drinks a lot and takes some kind of anxiety pill"),
    ],
)
def test_a_sure_classifier_crisis_with_no_word_of_danger_is_an_answer(slot, text):
    """Personas, CI 2026-12-04: trained on outsiders' crisis wording, the classifier was
    sure of a crisis in these answers; the lexicon found nothing."""
    tracker = tracker_in_form("detox_screening_form", slot, text, "crisis", 1.0)
    assert answer_for_form(tracker) == SlotSet(slot, text)


@pytest.mark.parametrize(
    "text",
    ["me and honestly i dont want to be alive", "he is limp and his lips look weird"],
)
def test_a_classifier_crisis_with_words_of_danger_still_ends_the_form(text):
    tracker = tracker_in_form("detox_screening_form", "screening_for", text, "crisis", 0.9)
    assert answer_for_form(tracker) is None


@pytest.mark.parametrize(
    "form, slot, text, intent",
    [
        # v7: read as "not sure" and "no" before
        ("detox_screening_form", "screening_recent_care", "actually nvm not ready", "stop"),
        (
            "detox_screening_form",
            "screening_recent_care",
            "Can someone call me to talk it through? I don't know where to start.",
            "request_callback",
        ),
        (
            "callback_form",
            "callback_name",
            "actually can you just put me through to somebody now",
            "request_human",
        ),
    ],
)
def test_v7_requests_inside_a_form_end_or_divert_it(form, slot, text, intent):
    assert answer_for_form(tracker_in_form(form, slot, text, intent)) is None


@pytest.mark.parametrize("text", ["last nite", "every night"])
def test_night_in_an_answer_is_not_good_night(text):
    """Role-play (2026-12-05): "last nite", the answer to "when did you last use?", was
    read as good night and ended the screening."""
    tracker = tracker_in_form("detox_screening_form", "screening_last_use", text, "goodbye")
    assert answer_for_form(tracker) is not None


def test_a_mention_of_talking_to_someone_still_answers_the_question():
    """Persona p11: "me, retired and my wife thinks i should talk to somebody"."""
    text = "me, retired and my wife thinks i should talk to somebody"
    tracker = tracker_in_form("detox_screening_form", "screening_for", text, "request_human")
    assert answer_for_form(tracker) is not None


def test_a_classifier_guess_of_a_callback_does_not_end_the_screening():
    """v9 family-05: "for her back" read as request_callback ended the screening."""
    text = "vodka, and she takes oxycodone for her back"
    answer = answer_for_form(
        tracker_in_form("detox_screening_form", "screening_frequency", text, "request_callback")
    )
    assert answer is not None and answer.value == text


def test_asking_for_the_screening_inside_the_callback_form_leaves_it():
    # texter role-play 2026-12-04: "didn't catch a time", twice
    asked = tracker_in_form(
        "callback_form",
        "callback_best_time",
        "wait do i need detox first? i use fent",
        "request_detox_screening",
    )
    assert answer_for_form(asked) is None
    answer = tracker_in_form(
        "callback_form", "callback_best_time", "evenings, after detox", "request_detox_screening"
    )
    assert answer_for_form(answer) is not None


@pytest.mark.parametrize(
    "text",
    [
        "if i miss a day i get super shaky cant sleep and my heart pounds",
        "sweats and my heart races at night",
    ],
)
def test_the_signs_the_symptoms_question_names_answer_it(text):
    """v14: "heart" was a danger word, and the screening ended with the 911 reply."""
    tracker = tracker_in_form("detox_screening_form", "screening_symptoms", text, "crisis", 1.0)
    assert answer_for_form(tracker) == SlotSet("screening_symptoms", text)


def test_chest_pain_in_a_symptoms_answer_still_ends_the_form():
    text = "shaky and my chest hurts bad right now"
    tracker = tracker_in_form("detox_screening_form", "screening_symptoms", text, "crisis", 1.0)
    assert answer_for_form(tracker) is None


def test_when_they_last_used_told_with_a_past_overdose_is_the_answer():
    """Family role-play round 21: "last night, thats when he overdosed" ended the screening."""
    text = "last night, thats when he overdosed"
    tracker = tracker_in_form(
        "detox_screening_form", "screening_last_use", text, "crisis", 1.0, guard=True
    )
    assert answer_for_form(tracker) == SlotSet("screening_last_use", text)


def test_an_overdose_now_in_the_last_use_answer_still_ends_the_form():
    text = "last night and now he overdosed again and isnt breathing"
    tracker = tracker_in_form(
        "detox_screening_form", "screening_last_use", text, "crisis", 1.0, guard=True
    )
    assert answer_for_form(tracker) is None


def test_jaw_clenching_answers_the_symptoms_question():
    """Persona p66: a classifier crisis on "jaw", the screening ended with the 911 reply."""
    text = "jittery and my jaw is clenched but thats the meth probably"
    tracker = tracker_in_form("detox_screening_form", "screening_symptoms", text, "crisis", 1.0)
    assert answer_for_form(tracker) == SlotSet("screening_symptoms", text)


def test_a_short_answer_read_as_asking_for_a_person_is_an_answer():
    """Persona p51: "just exhausted and hungry" read as request_human gave the number."""
    text = "just exhausted and hungry"
    tracker = tracker_in_form(
        "detox_screening_form", "screening_symptoms", text, "request_human", 0.47
    )
    assert answer_for_form(tracker) == SlotSet("screening_symptoms", text)


@pytest.mark.parametrize(
    "slot, text",
    [
        ("screening_pregnant", "no seizures. and im a dude so not pregnant"),
        ("screening_frequency", "No seizures, never had DTs. Not pregnant either"),
        ("screening_recent_care", "i don't know i found foil and some little blue pills"),
    ],
)
def test_round25_negated_signs_and_pill_colours_said_to_any_screening_question(slot, text):
    """blind v19: a sure classifier crisis on "no seizures" said ahead of the seizure
    question, and on "little blue pills", ended the screening with the 911 reply."""
    tracker = tracker_in_form("detox_screening_form", slot, text, "crisis", 1.0)
    assert answer_for_form(tracker) == SlotSet(slot, text)


def test_round25_never_mind_someone_else_will_handle_it_ends_the_callback_request():
    """blind v19 b-s08: the phone number was asked again."""
    text = "Actually never mind. His mother says she will handle it. Sorry to bother you"
    tracker = tracker_in_form("callback_form", "callback_phone", text, "stop", 1.0)
    assert answer_for_form(tracker) is None


def test_round25_a_lexicon_sign_now_in_spanish_ends_the_screening():
    """es-v10 (tuned): withdrawal hallucinations now, told to "when did you last use?"."""
    text = (
        "hace 2 dias que no tomo nada, lo deje de golpe y ahorita estoy temblando todo, veo bichos"
    )
    tracker = tracker_in_form(
        "detox_screening_form",
        "screening_last_use",
        text,
        "crisis",
        1.0,
        guard=True,
        category="withdrawal",
    )
    assert answer_for_form(tracker) is None
    from iop_assistant.policies.form_answer import about_past_or_unclear_signs

    spanish = {"crisis_guard": {"pattern_id": "es_withdrawal_emergency", "category": "withdrawal"}}
    assert not about_past_or_unclear_signs(spanish, text, "screening_symptoms")
    # in English the symptoms question still asks "is this happening right now?"
    english = {
        "crisis_guard": {"pattern_id": "withdrawal_emergency_words", "category": "withdrawal"}
    }
    assert about_past_or_unclear_signs(english, "shakes and seizures", "screening_symptoms")


def test_round26_hallucinations_said_in_the_screening_end_it():
    """Crisis role-play round 26: the next screening question."""
    text = "seeing little things moving on the floor and theyre not there"
    tracker = tracker_in_form("detox_screening_form", "screening_frequency", text, "crisis", 1.0)
    assert answer_for_form(tracker) is None


def test_a_crisis_the_conversation_read_is_never_an_answer():
    """ "after 9 i wont be picking up" to the callback time, after a crisis reply (crisis
    role-play round 29: saved as the time); rasa_hooks/crisis_context.py says why."""
    text = "doesnt matter. after 9 i wont be picking up"
    tracker = tracker_in_form("callback_form", "callback_best_time", text, "crisis", 1.0)
    assert answer_for_form(tracker) is not None  # a bare classifier crisis would be the time
    tracker.latest_message.parse_data["crisis_context"] = {"reason": "time running out"}
    assert answer_for_form(tracker) is None
