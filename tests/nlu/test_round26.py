"""Round 26: what v20/es-v11 (read this round) showed the crisis guard missing.

Each family is phrased here in our own words (the sets' texts are training data now).
"""

from __future__ import annotations

from typing import Callable

import pytest
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.nlu.past_danger import is_told_as_history, was_already_treated


def _intent(message: Message) -> str:
    return str((message.get("intent") or {}).get("name"))


@pytest.mark.parametrize(
    "text",
    [
        "nothing matters now, planning on dying this weekend",
        "im planning to end it tonight after everyone is asleep",
        "at the subway platform and i keep thinking about stepping off when the next train comes",
        "how tall does a building have to be. asking for real",
        "my husband has been seizing for like five minutes now what do i do",
        "he started convulsing after the k2 and it wont stop",
        "she quit the vodka monday and now she sees spiders on the ceiling and is shaking",
        "dad went cold turkey, sweating buckets and he doesnt know who i am",
        "he thinks the neighbors are trying to poison him, hasnt slept and hes shaking",
        "the right side of my face went numb and i cant get my words out",
        "sorry, the left side of my face feels kind of numb. is that a withdrawal thing?",
        "my boyfriend is kicking in the bedroom door right now",
        "the guy who beat my brother is parked outside the bar and i got my gun",
        "not gonna be here when they find out. got a bottle of my moms pills",
        "im taking all of them tonight when the house is empty",
        "been saving up my oxys to take them all",
        "tell my sister where to find me tomorrow",
        "my son texted sorry for everything, that he loves us, and now he isnt answering",
    ],
)
def test_round26_english_danger_now_is_a_crisis(guarded: Callable[..., Message], text) -> None:
    assert _intent(guarded(text)) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "ya tengo la soga lista en el cuarto, nomas queria decirles gracias",
        "traigo mi pistola cargada en la troca",
        "estoy metida en la tina con el rastrillo",
        "hoy por fin se acaba todo, cuiden a mi mama",
        "no me voy a hacer nada hasta que se vaya mi esposo",
        "ya me tome el cloro que estaba debajo del fregadero",
        "me corte el brazo y se ve el hueso",
        "creo que me pase con las pastillas, estoy muy lento y no puedo respirar bien",
        "lleva 3 dias sin tomar, esta temblando y hay ninos en la casa que no existen",
        "mi abuelo dejo de tomar, suda mucho y no sabe donde esta",
        "tengo 30 semanas y el bebe ya no se mueve desde la manana",
        "de repente no puede hablar mi tia, se le cayo un lado de la cara",
        "mi ex anda afuera de mi casa con un machete",
        "mi hermano la tiene encerrada en el bano",
        "para que sigo, ya le falle a todos y tengo juntadas suficientes para no despertarme",
    ],
)
def test_round26_spanish_danger_now_is_a_crisis(guarded: Callable[..., Message], text) -> None:
    assert _intent(guarded(text)) == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "in the telenovela last night the hero se tomo el veneno por amor",
        "el galan de la novela se tomo el veneno",
        "she had a seizure for five minutes once, in 2019. does she need detox first?",
        "planning on dying my hair purple before group lol",
        "my grandma with dementia doesnt know who i am anymore, can she come to family night?",
        "hoy es mi ultimo dia en el trabajo, luego empiezo el programa",
        "my face is numb from the dentist, can i still come to group today?",
    ],
)
def test_round26_look_alikes_are_not_a_crisis(guarded: Callable[..., Message], text) -> None:
    assert _intent(guarded(text, intent="inform_use")) != "crisis"


@pytest.mark.parametrize(
    "text,history",
    [
        ("my mom is in the middle of a seizure. she quit her klonopin last week", False),
        ("I moved out last month and he just showed up at my job", False),
        ("tuve a mi bebe hace un mes y ahorita tengo el cuchillo en la mano", False),
        ("i overdosed in 2019. i'm in a much better place now", True),
    ],
)
def test_danger_now_is_not_history(text: str, history: bool) -> None:
    assert is_told_as_history(text) is history


def test_a_seizure_after_discharge_is_not_already_treated() -> None:
    assert not was_already_treated(
        "lo dieron de alta esta manana y ahorita se quedo tieso y empezo a sacudirse"
    )


@pytest.mark.parametrize(
    "text, stop",
    [
        ("sabes q mejor lo dejamos, ya llegaron mis hijos", True),
        ("mejor lo dejamos para despues", True),
        ("hmm i dont feel right doing this behind her back. can we stop", True),
        ("not sure about this. can we stop, i want to ask him first", True),
        ("my son drinks. can we stop him from drinking", False),
        ("sabes que tomo diario", False),
    ],
)
def test_stopping_after_a_reason(text: str, stop: bool) -> None:
    from iop_assistant.nlu.control_intents import is_stop_only, says_stop

    assert (says_stop(text) or is_stop_only(text)) is stop


def test_a_spanish_callback_request_is_not_only_a_language_choice(gated) -> None:
    text = "buenas, quisiera que me llamara alguien del programa, es para mi hermano"
    assert gated(text, "request_callback", 0.6) == "request_callback"


@pytest.mark.parametrize(
    "text, this_number",
    [("aqui mismo", True), ("si a este", True), ("ahi le marco yo", False)],
)
def test_here_is_this_number(text: str, this_number: bool) -> None:
    from iop_assistant.form_answers import is_this_number

    assert is_this_number(text) is this_number


@pytest.mark.parametrize(
    "text, past, unclear",
    [
        ("nomas no duermo bien. convulsiones nunca", set(), set()),
        ("y una vez vi cosas que no estaban", {"hallucinations"}, set()),
        ("one time she had a seizure when she quit", {"seizure"}, set()),
    ],
)
def test_signs_said_never_or_once(text: str, past: set, unclear: set) -> None:
    from iop_assistant.screening_answers import read_emergency

    reading = read_emergency(text)
    assert reading.now == set()
    assert reading.past == past
    assert reading.unclear == unclear


@pytest.mark.parametrize(
    "text, crisis",
    [
        (
            "my brother drives drunk every night, im so scared hes going to kill himself"
            " or someone else",
            False,
        ),
        ("should i call the police when he drives drunk?", False),
        ("hes wasted and just took the keys, hes going to kill himself or someone else", True),
        ("im going to drive drunk and kill myself tonight", True),
        ("he said he is going to kill himself", True),
    ],
)
def test_a_fear_of_drunk_driving_is_a_worry(guarded, text: str, crisis: bool) -> None:
    assert (_intent(guarded(text, intent="inform_use")) == "crisis") is crisis


def test_a_callback_status_question_goes_to_the_callback_form(gated) -> None:
    # the form reads the saved request back (tests/actions/test_callback_status.py)
    assert gated("did my request go through? when will they call?", "ask_text_back") == (
        "request_callback"
    )
    assert gated("sigo esperando la llamada", "inform_use") == "request_callback"


@pytest.mark.parametrize(
    "text, stop, cancel",
    [
        ("actually never mind, she should do this herself", True, False),
        ("no i dont want to give my number", False, True),
        ("id rather not give you my number", False, True),
    ],
)
def test_role_play_round27_stops_and_cancels(text: str, stop: bool, cancel: bool) -> None:
    from iop_assistant.nlu.control_intents import cancels_a_call, says_stop

    assert says_stop(text) is stop
    assert cancels_a_call(text) is cancel


def test_is_the_callback_still_on_asks_its_status() -> None:
    from iop_assistant.nlu.contact_questions import asks_callback_status

    assert asks_callback_status("is the callback still on?")
    assert asks_callback_status("is my call still happening")


def test_a_no_with_im_fine_after_the_checkin_is_a_no() -> None:
    from iop_assistant.rasa_hooks.crisis_context import _NO_I_MEANT

    assert _NO_I_MEANT.match("what?? no lol im fine just nervous")
    assert not _NO_I_MEANT.match("im fine")


def test_wine_every_night_with_sleeping_pills_is_not_an_overdose(guarded) -> None:
    # blind es-v11: "tomo vino todas las noches con las pastillas" read as "took all the pills"
    text = "tengo 70 anos y tomo vino todas las noches con mis pastillas para dormir"
    assert _intent(guarded(text, intent="ask_who_benefits")) != "crisis"
    taken = _intent(guarded("me tome todas mis pastillas", intent="inform_use"))
    assert taken in ("crisis", "crisis_update")


def test_texts_instead_of_a_call(gated) -> None:
    text = "me pueden mandar msj en vez de llamar? en la casa no puedo hablar"
    assert gated(text, "request_callback", 0.6) == "ask_text_back"


@pytest.mark.parametrize(
    "text, kind",
    [
        ("ok i called. now what", "help_coming"),
        ("ya llame, y ahora que?", "help_coming"),
        ("i called them yesterday about the program", None),
    ],
)
def test_a_call_made_after_the_crisis_reply(text: str, kind: str | None) -> None:
    from iop_assistant.nlu.crisis_updates import read_update

    assert read_update(text) == kind
