"""Round 36: new facts inside a domestic-violence crisis, a drink offered for withdrawal
while help comes, "calling them now", "y luego?" and a Spanish "va"."""

from __future__ import annotations

from typing import Any, List

import pytest
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from iop_assistant.nlu.control_intents import asks_the_next_step, says_ok_in_spanish
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.rasa_hooks import crisis_context


@pytest.mark.parametrize(
    "text, kind",
    [
        # the beer asked about while help comes (the "help is coming" reply, twice)
        (
            "my aunt says give him a couple beers to calm him down til they get here is that ok",
            "drink_for_shakes",
        ),
        ("ok im calling them now", "help_coming"),
        ("calling 911 now", "help_coming"),
    ],
)
def test_new_facts_in_a_crisis_are_read(text: str, kind: str) -> None:
    assert read_update(text) == kind


def _after(category: str) -> DialogueStateTracker:
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("help", {"name": "crisis"}),
        ActionExecuted("utter_crisis"),
        ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("someone", events)
    tracker._set_slot("crisis_category", category)
    return tracker


@pytest.mark.parametrize(
    "text, kind",
    [
        # crisis role-play round 37: the first violence reply four times, word for word
        (
            "hes banging on the door saying hes sorry. i dont know if i should come out",
            "dv_come_out",
        ),
        ("should i open the door", "dv_come_out"),
        ("esta tocando la puerta y dice que lo siente, le abro?", "dv_come_out"),
        ("ok he went quiet i think he passed out on the couch", "dv_passed_out"),
        ("ya no se oye nada, creo que se quedo dormido en el sillon. que hago", "dv_passed_out"),
    ],
)
def test_violence_updates_are_read_by_the_conversation_only(text: str, kind: str) -> None:
    from iop_assistant.nlu.crisis_updates import read_violence_update

    assert read_violence_update(text) == kind
    assert read_update(text) != kind  # alone, no update (blind es-v21's look-alikes)


def _reading(text: str) -> dict:
    return {"text": text, "intent": {"name": "crisis", "confidence": 0.9}, "entities": []}


def test_the_violence_updates_are_kept_only_after_the_violence_reply() -> None:
    text = "he went quiet i think he passed out"
    kept = crisis_context.in_context(_reading(text), _after("violence"))
    assert kept["intent"]["name"] == "crisis_update"
    assert any(e.get("value") == "dv_passed_out" for e in kept["entities"])
    other = crisis_context.in_context(_reading(text), _after("overdose"))
    assert all(e.get("value") != "dv_passed_out" for e in other.get("entities") or [])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("y luego?", True),
        ("ok y luego", True),
        ("y que sigue?", True),
        ("whats next", True),
        ("what is the next step?", True),
        ("y ahora que?", False),  # after a crisis reply: a call made
        ("now what", False),
        ("luego te llamo", False),
    ],
)
def test_the_next_step_asked_alone(text: str, expected: bool) -> None:
    assert asks_the_next_step(text) is expected


@pytest.mark.parametrize(
    "text, expected",
    [("va", True), ("ta bien", True), ("va pues", True), ("va a venir?", False)],
)
def test_a_spanish_ok(text: str, expected: bool) -> None:
    assert says_ok_in_spanish(text) is expected


def test_the_gate_reads_them(gated) -> None:
    assert gated("va", "deny", 0.62) == "affirm"
    assert gated("ok y luego", "goodbye", 0.85) == "ask_admission_process"


def test_the_next_step_right_after_a_crisis_reply_is_the_crisis_reply() -> None:
    parse = {
        "text": "y luego?",
        "intent": {"name": "ask_admission_process", "confidence": 1.0},
        "entities": [],
        "control_gate": {"reason": "next step"},
    }
    assert crisis_context.in_context(parse, _after("overdose"))["intent"]["name"] == "crisis"


@pytest.mark.parametrize(
    "text, expected",
    [
        # stepdown role-play round 37: a sober living manager got the patient-facing
        # drug-test answer three times
        (
            "im the house manager at a sober living. one of my residents is starting your IOP. "
            "will his drug test results get sent to the house?",
            True,
        ),
        ("so if he signs a release can you send us the results", True),
        ("i run a sober living house. can we get our residents drug test results from you", True),
        ("can the house see his UA results or not", True),
        ("im a probation officer, will i get his drug test results", True),
        ("will my results be sent to my job", False),
        ("how often are the drug tests", False),
        ("what happens if his drug test is positive", False),
    ],
)
def test_someone_elses_test_results_asked_for(text: str, expected: bool) -> None:
    from iop_assistant.program_question import asks_what_a_referrer_hears

    assert asks_what_a_referrer_hears(text) is expected


@pytest.mark.parametrize(
    "text, intent",
    [
        ("what if he won't go? can i make him?", "ask_safety_procedures"),
        ("y si mi hijo no quiere ir? lo puedo obligar?", "ask_staying_on_medication"),
    ],
)
def test_making_a_relative_go_is_the_family_answer(gated, text: str, intent: str) -> None:
    # Spanish role-play round 37: the classifier was sure of the safety and methadone answers
    assert gated(text, intent, 1.0) == "ask_family_involvement"


def test_a_repeat_complaint_in_spanish() -> None:
    from iop_assistant.nlu.contact_questions import says_the_answer_repeats

    assert says_the_answer_repeats("ya me dijo lo mismo 3 veces!! no sirve esto")
    assert says_the_answer_repeats("me has dicho lo mismo")
    assert not says_the_answer_repeats("lo mismo me pasa a mi")


# ---- role-play round 38 ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind",
    [
        ("no puedo llamar me va a oir", "text_911"),
        (
            "nomas quiero saber si me tomo una cerveza pa que se me quite el temblor",
            "drink_for_shakes",
        ),
        (
            "no me importa el, tengo miedo por mi y la nina. me voy a casa de mi hermana?",
            "will_reach_out",
        ),
        ("im still on hold. should i hang up on them and call 911 instead??", "should_call_911"),
        ("entonces llamo al 911 o no?", "should_call_911"),
        ("do i hang up and call 911 yes or no", "should_call_911"),
        ("it stopped. he's breathing. okay the ambulance is pulling up, I gotta go", "help_here"),
    ],
)
def test_role_play_round_38_updates(text: str, kind: str) -> None:
    assert read_update(text) == kind


def test_should_i_call_911_alone_is_still_the_crisis_reply() -> None:
    assert read_update("should i call 911") is None


@pytest.mark.parametrize(
    "text, category",
    [
        ("oh god he just fell down, he's jerking, I think it's a seizure", "seizure"),
        ("i feel like bugs on me", "withdrawal"),
        (
            "hola. llevo 2 dias sin tomar y estoy temblando bien feo, y anoche vi como bichos "
            "en la pared",
            "withdrawal",
        ),
        (
            "mi esposo llego bien borracho y me empezo a pegar, me encerre en el bano con la nina",
            "violence",
        ),
        ("i dont think its a seizure", None),
        ("how do i know if its a seizure or not", None),
        ("no veo bichos", None),
        ("hace años mi ex me pegaba", None),
    ],
)
def test_role_play_round_38_lexicon(text: str, category: str | None) -> None:
    import spacy

    from iop_assistant.nlu import spacy_pipeline
    from iop_assistant.nlu.crisis_matcher import CrisisMatcher

    hit = CrisisMatcher(spacy.load(spacy_pipeline.build())).match(text)
    assert (hit.category if hit else None) == category


@pytest.mark.parametrize(
    "text, expected",
    [
        ("wait so should i start drinking again?? i already stopped", True),
        ("you said dont stop suddenly. i already did 5 days ago. do i drink or not", True),
        ("entonces vuelvo a tomar?", True),
        ("i started drinking again last week", False),
    ],
)
def test_drinking_again_after_stopping_is_asked(text: str, expected: bool) -> None:
    from iop_assistant.nlu.withdrawal_story import asks_to_drink_again_after_stopping

    assert asks_to_drink_again_after_stopping(text) is expected


def test_a_partner_asking_for_his_results_gets_the_family_answer() -> None:
    from iop_assistant.nlu.family_questions import asks_what_family_is_told
    from iop_assistant.program_question import asks_what_a_referrer_hears

    text = "can i see his drug test results"
    assert asks_what_family_is_told(text) and not asks_what_a_referrer_hears(text)


def test_a_price_range_asked_is_no_crisis() -> None:
    from rasa.shared.nlu.constants import INTENT, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.question_first import QuestionFirst

    text = (
        "Look, I just need a number. Is it like a hundred bucks, a thousand, ten thousand? "
        "How much out of pocket?"
    )
    message = Message({TEXT: text})
    message.set(INTENT, {"name": "crisis", "confidence": 0.93})
    QuestionFirst.create({}, None, None, None).process([message])  # type: ignore[arg-type]
    assert message.get(INTENT)["name"] == "ask_cost_insurance"


@pytest.mark.parametrize(
    "speech, transfers",
    [
        ("Yeah hi, is your help line open on the weekends? Like Saturday?", False),
        ("a que horas contestan en la linea de ayuda", False),
        ("Who is the help line going to call?", False),
        ("put me through to the help line now", True),
    ],
)
def test_questions_about_the_help_line_are_answered_on_calls(speech: str, transfers: bool) -> None:
    from iop_assistant.channels.voice_twiml import wants_helpline

    assert wants_helpline(speech, None) is transfers


@pytest.mark.parametrize(
    "text, category",
    [
        ("my boyfriend is drunk and hitting things, im hiding in the bathroom", "violence"),
        ("im locked in my room studying, my roommate is drunk lol", None),
        ("when i was a kid i used to hide in the closet when my dad was drunk", None),
    ],
)
def test_hiding_from_someone_violent(text: str, category: str | None) -> None:
    import spacy

    from iop_assistant.nlu import spacy_pipeline
    from iop_assistant.nlu.crisis_matcher import CrisisMatcher

    hit = CrisisMatcher(spacy.load(spacy_pipeline.build())).match(text)
    assert (hit.category if hit else None) == category


def test_what_to_do_while_the_ambulance_comes_is_help_coming() -> None:
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("I already called, the ambulance is on the way", {"name": "crisis_update"}),
        ActionExecuted("utter_crisis_update_help_coming"),
        ActionExecuted("action_listen"),
    ]
    parse = {
        "text": "so is that a no? what do I do while we wait, he's real jumpy",
        "intent": {"name": "ask_safety_procedures", "confidence": 1.0},
        "entities": [],
        "control_gate": {"reason": "withdrawal care today"},
    }
    tracker = DialogueStateTracker.from_events("someone", events)
    out = crisis_context.in_context(parse, tracker)
    assert out["intent"]["name"] == "crisis_update"
    assert {"entity": "crisis_update", "value": "help_coming"}.items() <= next(
        e for e in out["entities"] if e["entity"] == "crisis_update"
    ).items()


def test_drinking_again_comes_before_the_dosing_reading(gated) -> None:
    text = "i stopped drinking 4 days ago. should i start drinking again so i dont get withdrawal?"
    assert gated(text, "ask_dosing", 0.9) == "ask_safety_procedures"


def test_drinking_again_stays_the_safety_answer_after_question_first() -> None:
    from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
    from rasa.shared.nlu.training_data.message import Message

    from iop_assistant.nlu.control_gate import gate
    from iop_assistant.nlu.question_first import QuestionFirst

    text = "i stopped drinking 4 days ago. should i start drinking again so i dont get withdrawal?"
    message = Message({TEXT: text})
    reading = {"name": "request_detox_screening", "confidence": 0.6}
    message.set(INTENT, reading)
    message.set(INTENT_RANKING_KEY, [reading])
    gate(message)
    QuestionFirst.create({}, None, None, None).process([message])  # type: ignore[arg-type]
    assert message.get(INTENT)["name"] == "ask_safety_procedures"


# ---- blind v31, read in round 36 (crisis-related failing turns only) --------------------


def test_not_answering_after_a_seizure_is_the_emergency_again() -> None:
    parse = {
        "text": "he stopped shaking but he's not answering me",
        "intent": {"name": "nlu_fallback", "confidence": 0.35},
        "entities": [],
    }
    out = crisis_context.in_context(parse, _after("seizure"))
    assert out["intent"]["name"] == "crisis"
    assert {"entity": "crisis_category", "value": "seizure"} in out["entities"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "oh it's a recording i see well i'm calling because my grandson he's drinking too "
            "much and i don't know who else to call",
            True,
        ),
        ("my son is using again and he overdosed last night", False),
    ],
)
def test_a_loved_ones_use_told_is_no_crisis(text: str, expected: bool) -> None:
    from iop_assistant.nlu.crisis_guard import tells_a_loved_ones_use

    assert tells_a_loved_ones_use(text) is expected


def test_just_give_me_a_number_is_asked_for() -> None:
    from iop_assistant.nlu.crisis_guard import asks_for_a_figure

    assert asks_for_a_figure("bro just give me a number")
    assert not asks_for_a_figure("give me a reason to live")


def test_passed_out_after_ghb_is_an_overdose() -> None:
    import spacy

    from iop_assistant.nlu import spacy_pipeline
    from iop_assistant.nlu.crisis_matcher import CrisisMatcher

    text = (
        "im a bouncer at a club and theres a guy passed out in the bathroom, his friends say "
        "he took G and was drinking. they just want to let him sleep it off is that ok"
    )
    hit = CrisisMatcher(spacy.load(spacy_pipeline.build())).match(text)
    assert hit and hit.category == "overdose"


def test_not_answering_after_a_seizure_that_ended_the_screening() -> None:
    events: List[Any] = [
        ActionExecuted("action_session_start"),
        ActionExecuted("action_listen"),
        UserUttered("oh my god he just fell over he's jerking he's having a seizure"),
        ActionExecuted("utter_crisis"),
        ActionExecuted("action_deactivate_loop"),
        ActionExecuted("action_listen"),
    ]
    tracker = DialogueStateTracker.from_events("someone", events)
    tracker._set_slot("crisis_category", "seizure")
    parse = {
        "text": "he stopped shaking but he's not answering me",
        "intent": {"name": "nlu_fallback", "confidence": 0.35},
        "entities": [],
    }
    assert crisis_context.in_context(parse, tracker)["intent"]["name"] == "crisis"
