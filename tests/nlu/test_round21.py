"""Round 21: what v15 and es-v6 (blind until read) showed, in their authors' words and ours."""

from __future__ import annotations

import pytest

from iop_assistant import form_answers, screening_answers
from iop_assistant.channels.voice import speaks_spanish
from iop_assistant.language.requests import requested_language
from iop_assistant.nlu.control_intents import (
    _STOP_RE,
    asks_for_screening,
    asks_for_the_number,
    says_stop,
)
from iop_assistant.nlu.crisis_updates import read_update
from iop_assistant.nlu.past_danger import is_told_as_history
from tests.conversations.runner import names_part_of_day


@pytest.mark.parametrize(
    "text,kind",
    [
        ("i'm just kinda sleepy now is that bad", "getting_drowsy"),
        ("he keeps nodding off", "getting_drowsy"),
        ("she's getting really drowsy", "getting_drowsy"),
        ("tengo mucho sueño", "getting_drowsy"),
        ("se esta quedando dormido", "getting_drowsy"),
        ("esta bien voy a mandar texto al 988", "will_reach_out"),
        ("ok i'll text 988", "will_reach_out"),
        ("ok ill call", "will_reach_out"),
        ("gonna call the hotline now", "will_reach_out"),
        ("ok i'll call 911", "help_coming"),
        ("is it safe to sleep?", "lying_down"),
        ("what if i just go to sleep", "lying_down"),
        ("hes snoring really loud is that ok", "not_sleeping"),
        ("he is drunk and snoring should i leave him", "not_sleeping"),
        (
            "they got him breathing theyre taking him to mercy. does ur program take people "
            "right after an od",
            "help_here",
        ),
    ],
)
def test_updates_after_a_crisis_reply(text: str, kind: str) -> None:
    assert read_update(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "I sleep a lot",
        "is sleeping ok",
        "my son sleeps all day",
        "i'll call your number tomorrow about the program",
    ],
)
def test_sleep_talk_is_no_update(text: str) -> None:
    assert read_update(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "buenas, mi hijo tuvo una sobredosis en marzo del año pasado, gracias a Dios lo salvaron. "
        "ahora esta por salir del residencial y el consejero dice que siga en un IOP",
        "una vez hace como dos años me dio una convulsion cuando deje de tomar pero ahorita "
        "estoy bien",
    ],
)
def test_spanish_history_is_history(text: str) -> None:
    assert is_told_as_history(text)


@pytest.mark.parametrize(
    "text",
    [
        "hace dos años me quise matar y otra vez lo estoy pensando",
        "hace un año tuvo una sobredosis y ahorita no respira",
    ],
)
def test_spanish_history_with_danger_now_is_not(text: str) -> None:
    assert not is_told_as_history(text)


@pytest.mark.parametrize(
    "text",
    ["sabe que mejor ya no sigo con las preguntas", "dejelo asi", "ya no sigo"],
)
def test_spanish_stops(text: str) -> None:
    assert _STOP_RE.match(text)


def test_a_stop_said_last_with_a_reason() -> None:
    assert says_stop("ay no espere mejor no, se puso bravo. dejelo asi")


@pytest.mark.parametrize(
    "text",
    [
        "mandeme el numero de ustedes y yo llamo cuando pueda",
        "me da el numero para hablar con alguien de una vez",
    ],
)
def test_spanish_asks_for_the_number(text: str) -> None:
    assert asks_for_the_number(text)


@pytest.mark.parametrize(
    "text,language",
    [
        ("actually can we do this in spanish? my mom is gonna read it", "es"),
        ("can we talk in spanish", "es"),
        ("is the program in spanish?", None),
        ("can you do groups in spanish", None),
    ],
)
def test_asking_to_go_on_in_spanish(text: str, language: str | None) -> None:
    assert requested_language(text) == language


def test_wondering_about_detox_asks_for_the_screening() -> None:
    assert asks_for_screening(
        "bit shaky n sweaty this morning after drinking all weekend. not an emergency just "
        "wondering if that means i need detox"
    )


@pytest.mark.parametrize(
    "text", ["idk like all day", "como 6 o 7 al dia ya", "last night", "clean for 2 weeks"]
)
def test_how_often_or_when_is_no_answer_to_pregnancy(text: str) -> None:
    assert screening_answers.parse_pregnant(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [("idk", True), ("maybe", True), ("no", False), ("yes 20 weeks", True), ("20 weeks", True)],
)
def test_pregnancy_answers_still_read(text: str, expected: bool) -> None:
    assert screening_answers.parse_pregnant(text) is expected


@pytest.mark.parametrize(
    "text,expected", [("como 6 o 7 al dia ya", None), ("ya", True), ("y", True)]
)
def test_spanish_and_and_already_are_no_yes_inside_a_sentence(text: str, expected) -> None:
    assert screening_answers.parse_yes_no(text) is expected


@pytest.mark.parametrize(
    "text,name",
    [("uh just put dave", "Dave"), ("put me down as Ann", "Ann"), ("yes", None), ("si", None)],
)
def test_first_names(text: str, name: str | None) -> None:
    assert form_answers.parse_first_name(text) == name


def test_a_name_given_with_the_number() -> None:
    text = "call 312-555-0164 not this one. afternoons r best. name is jo"
    assert form_answers.first_name_in_request(text) == "Jo"


@pytest.mark.parametrize(
    "text,saved",
    [
        ("mornings. he leaves for work at 7", "mornings, he leaves for work at 7"),
        ("after 6pm", "after 6pm"),
        ("afternoon is good", "afternoon"),
    ],
)
def test_a_part_of_the_day_said_with_a_time_is_kept(text: str, saved: str) -> None:
    assert form_answers.parse_best_time(text) == saved


@pytest.mark.parametrize(
    "saved,wanted,same",
    [
        ("mornings, he leaves for work at 7", "morning", True),
        ("en la mañana antes de las 11", "morning", True),
        ("after 6pm", "evening", False),
        ("morning or evening", "morning", False),
    ],
)
def test_the_runner_reads_a_part_of_the_day_in_own_words(
    saved: str, wanted: str, same: bool
) -> None:
    assert names_part_of_day(saved, wanted) is same


@pytest.mark.parametrize(
    "speech,spanish",
    [
        ("hola buenas tardes quisiera hablar con alguien que hable español por favor", True),
        ("quiero hablar con alguien", True),
        ("representative", False),
        ("i want to talk to a person", False),
    ],
)
def test_a_caller_asking_for_a_person_in_spanish(speech: str, spanish: bool) -> None:
    assert speaks_spanish(speech) is spanish


@pytest.mark.parametrize(
    "text,over",
    [
        ("my son overdosed last night, he's ok now. what do we do", True),
        ("i overdosed last night but im ok now", True),
        ("mi hijo tuvo una sobredosis anoche, ya esta bien", True),
        ("she od'd an hour ago shes awake now but confused", False),
        ("he overdosed this morning hes ok now", False),
        ("he overdosed and hes not breathing", False),
    ],
)
def test_an_overdose_told_as_over(text: str, over: bool) -> None:
    from iop_assistant.nlu.past_danger import was_already_treated

    assert was_already_treated(text) is over


@pytest.mark.parametrize(
    "text,mashed",
    [
        ("asdkjh qwpoeiru zmxncb", True),
        ("sdfghjkl", True),
        ("Maria Lopez", False),
        ("ok thanks", False),
    ],
)
def test_keyboard_mash(text: str, mashed: bool) -> None:
    from iop_assistant.nlu.control_gate import looks_like_keyboard_mash

    assert looks_like_keyboard_mash(text) is mashed


def test_being_called_back_asked_with_a_person() -> None:
    from iop_assistant.nlu.control_gate import _CALL_ME_BACK

    assert _CALL_ME_BACK.search(
        "could someone from your program call me? i'd rather talk to a person"
    )
    assert not _CALL_ME_BACK.search("can i call you instead")


@pytest.mark.parametrize(
    "text,asks",
    [
        ("what are the signs of an overdose", True),
        ("ok but how would i know its happening. like what does it look like", True),
        ("how can i tell if hes overdosing", True),
        ("cuales son las señales de una sobredosis", True),
        ("he is overdosing right now what are the signs", False),
    ],
)
def test_asks_what_an_overdose_looks_like(text: str, asks: bool) -> None:
    from iop_assistant.nlu.danger_questions import asks_about_overdose_signs

    assert asks_about_overdose_signs(text) is asks


@pytest.mark.parametrize(
    "speech,transfer",
    [
        ("what are the hours for the help line", False),
        ("no. what time can I call the help line. business hours?", False),
        ("help line please", True),
    ],
)
def test_asking_the_help_line_hours_on_the_phone_is_no_transfer(
    speech: str, transfer: bool
) -> None:
    from iop_assistant.channels.voice_twiml import wants_helpline

    assert wants_helpline(speech, "") is transfer


def test_stop_telling_me_to_call_911_is_no_new_danger() -> None:
    from iop_assistant.nlu.no_emergency import without_911_questions

    assert "911" not in without_911_questions("Please stop telling me to call 911, she is OK")


@pytest.mark.parametrize(
    "text",
    [
        "Hi. My daughter is 22 and two nights ago she overdosed at a friend's apartment. She was "
        "blue and not breathing and her friend had Narcan and brought her back. She's at my "
        "house now, says she's fine. What do I do now?",
    ],
)
def test_a_long_past_overdose_story_is_over(text: str) -> None:
    from iop_assistant.nlu.past_danger import was_already_treated

    assert was_already_treated(text)


@pytest.mark.parametrize(
    "text",
    [
        "he overdosed, she is breathing weird",
        "he overdosed two days ago, he was fine but now hes not breathing",
    ],
)
def test_danger_now_in_an_overdose_story_is_not_over(text: str) -> None:
    from iop_assistant.nlu.past_danger import was_already_treated

    assert not was_already_treated(text)


@pytest.mark.parametrize(
    "text,asks",
    [
        ("is some1 there rn its 2am", True),
        ("no i mean will anybody answer if i call rn. i cant sleep n i wanna use", True),
        ("is anyone there on a sunday night?", True),
        ("is anyone there", False),
    ],
)
def test_whether_anyone_answers_now_is_the_help_line_hours(text: str, asks: bool) -> None:
    from iop_assistant.nlu.contact_questions import asks_about_helpline_hours

    assert asks_about_helpline_hours(text) is asks


@pytest.mark.parametrize(
    "text,craving",
    [
        ("i rly wanna use rn. idk what to do", True),
        ("my cravings are so bad tonight", True),
        ("tengo muchas ganas de tomar", True),
        ("im about to relapse", True),
        ("i want to stop using", False),
        ("he wants to use rn", False),
        ("i dont want to relapse", False),
    ],
)
def test_an_urge_to_use_now(text: str, craving: bool) -> None:
    from iop_assistant.nlu.contact_questions import tells_of_a_craving

    assert tells_of_a_craving(text) is craving
