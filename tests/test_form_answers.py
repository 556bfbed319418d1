"""Does a message answer the question a form asks? (pure parsers, shared by the
form validation actions and FormAnswerPolicy)."""

from __future__ import annotations

import pytest

from iop_assistant import form_answers
from iop_assistant.form_answers import parse_best_time, parse_first_name


@pytest.mark.parametrize(
    "slot, text",
    [
        ("screening_symptoms", "i can't stop for a day without shaking"),
        ("screening_symptoms", "not sure"),
        ("screening_substances", "alcohol and xanax"),
        ("screening_substances", "fentanyl i think"),
        ("screening_substances", "nothing"),
        ("screening_last_use", "maybe like 3 days ago?"),
        ("screening_frequency", "every day"),
        ("screening_for", "for my son"),
        ("screening_substances", "no idea"),
        ("screening_substances", "soma"),
        ("screening_care_30_days", "about two weeks ago"),
        ("screening_care_30_days", "no"),
        ("screening_use_since_care", "drinking daily again"),
        ("screening_use_since_care", "nope"),
        ("screening_prescribed", "suboxone from my clinic"),
        ("screening_prescribed", "not sure"),
        ("callback_best_time", "as soon as possible"),
        ("callback_best_time", "after 6pm"),
        ("callback_best_time", "asap"),
        ("callback_name", "skip the name"),
        ("callback_name", "Maria"),
        ("callback_phone", "my cell is 312-555-0187"),
        ("callback_consent", "yes"),
    ],
)
def test_answers_are_accepted(slot, text):
    assert form_answers.accepts(slot, text)


@pytest.mark.parametrize(
    "slot, text",
    [
        ("callback_best_time", "stop"),
        ("callback_best_time", "no name"),
        ("callback_best_time", "bye"),
        ("callback_name", "stop"),
        ("callback_name", "Yes"),
        ("screening_for", "what medications do you use?"),
        ("screening_last_use", "goodbye"),
        ("callback_phone", "never mind"),
        ("screening_care_30_days", "what is residential"),
        ("screening_prescribed", "what does IOP cost"),
        ("anything", "yes"),
        ("callback_best_time", ""),
    ],
)
def test_non_answers_are_not(slot, text):
    assert not form_answers.accepts(slot, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("nothing", True),
        ("I don't use anything", True),
        ("no idea", False),
        ("no clue", False),
        ("nothing right now, but I drank daily until Sunday", False),
    ],
)
def test_no_use_is_a_whole_answer(text, expected):
    assert form_answers.is_no_use(text) is expected


def test_screening_for():
    assert form_answers.parse_screening_for("for my husband") == "other"
    assert form_answers.parse_screening_for("me") == "self"
    assert form_answers.parse_screening_for("what medications do you use?") is None


def test_every_form_slot_has_a_parser(domain):
    for form in domain["forms"].values():
        for slot in form["required_slots"]:
            assert slot in form_answers.PARSERS, slot


def test_more_than_prescribed_is_not_as_prescribed():
    from iop_assistant.form_answers import parse_prescribed

    assert parse_prescribed("yes but i take more than prescribed", ["sedative"]) == []
    assert parse_prescribed("yes but from 3 doctors", ["sedative"]) == []
    assert parse_prescribed("yes, from my clinic", ["opioid"]) == ["opioid"]
    # persona p31 (third run): a negated misuse phrase is taking it as prescribed
    said = "yes the klonopin, same dose for years, never run out early"
    assert parse_prescribed(said, ["benzodiazepine", "cannabis"]) == ["benzodiazepine"]


def test_a_bare_yes_with_two_prescribable_substances_named_is_unclear() -> None:
    """Role-play: methadone from a clinic and street xanax bars; "yes" made both count as
    prescribed and hid a past withdrawal seizure behind the help-line outcome."""
    from iop_assistant.form_answers import parse_prescribed

    assert parse_prescribed("yes", ["opioid", "benzodiazepine"]) is None
    assert parse_prescribed("yes the methadone is", ["opioid", "benzodiazepine"]) == ["opioid"]
    assert parse_prescribed("yes", ["opioid", "alcohol"]) == ["opioid"]
    assert parse_prescribed("no", ["opioid", "benzodiazepine"]) == []


def test_this_hash_sign_is_this_number():
    assert form_answers.is_this_number("this # is fine")
    assert not form_answers.is_this_number("my # is 312 555 0187")


# ------------------------------------------------------------------ Spanish answers (issue 18)
@pytest.mark.parametrize(
    "slot, text",
    [
        ("screening_for", "para mí"),
        ("screening_for", "para mi hijo"),
        ("screening_recent_care", "sí"),
        ("screening_substances", "perico"),
        ("screening_substances", "cristal y mota"),
        ("screening_substances", "nada"),
        ("screening_substances", "ni idea"),
        ("screening_frequency", "todos los días"),
        ("screening_last_use", "anoche"),
        ("screening_symptoms", "temblores"),
        ("screening_symptoms", "no sé"),
        ("screening_care_30_days", "hace 2 semanas"),
        ("screening_use_since_care", "recaí"),
        ("screening_prescribed", "sí, me la recetó mi doctor"),
        ("screening_drinks", "12 cervezas"),
        ("screening_age", "tengo 67"),
        ("screening_blackouts", "a veces"),
        ("callback_use_caller_number", "a este"),
        ("callback_use_caller_number", "sí"),
        ("callback_best_time", "lo antes posible"),
        ("callback_best_time", "mañana"),
        ("callback_name", "me llamo Ana"),
        ("callback_consent", "claro"),
    ],
)
def test_spanish_answers_are_accepted(slot, text):
    assert form_answers.accepts(slot, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("lo antes posible", "now"),
        ("ahorita", "now"),
        ("ya", "now"),
        ("cuando sea", "now"),
        ("en la mañana", "morning"),
        ("por la manana", "morning"),
        ("esta mañana", "morning"),
        ("por la tarde", "afternoon"),
        ("en la noche", "evening"),
        ("después de las 6", "después de las 6"),
        ("a las 5", "a las 5"),
        # "mañana" alone is tomorrow: kept in the person's words, never "morning"
        ("mañana", "mañana"),
        ("manana", "manana"),
        ("mañana en la tarde", "mañana en la tarde"),
        ("pasado mañana", "pasado mañana"),
        ("ya no quiero", None),
        ("sí", None),
        ("buenas tardes", None),
    ],
)
def test_spanish_best_time(text, expected):
    assert form_answers.parse_best_time(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("me llamo Ana", "Ana"),
        ("soy Luis", "Luis"),
        ("mi nombre es José", "José"),
        ("prefiero no", "skip"),
        ("mejor no", "skip"),
        ("no importa", "skip"),
        ("sí", None),
        ("mañana", None),
        ("soy su mamá", None),
    ],
)
def test_spanish_first_name(text, expected):
    assert form_answers.parse_first_name(text) == expected


def test_spanish_name_in_the_request():
    assert form_answers.first_name_in_request("me pueden llamar? me llamo Ana") == "Ana"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("este numero", True),
        ("a este", True),
        ("este número está bien", True),
        ("al mismo", True),
        ("desde el que le escribo", True),
        ("mi número es 312 555 0187", False),
        ("mañana", False),
    ],
)
def test_spanish_this_number(text, expected):
    assert form_answers.is_this_number(text) is expected


def test_spanish_yes_like_and_who_for():
    assert form_answers.is_yes_like("sí") and form_answers.is_yes_like("claro")
    assert form_answers.parse_screening_for("para mí") == "self"
    assert form_answers.parse_screening_for("es para mi mamá") == "other"
    assert form_answers.speaks_only_of_a_man(["es para mi hijo"])
    assert not form_answers.speaks_only_of_a_man(["mi hija"])


def test_spanish_prescribed_and_use_since_care():
    assert form_answers.parse_prescribed("sí, me la recetó mi doctor", ["opioid"]) == ["opioid"]
    assert form_answers.parse_prescribed("las compro en la calle", ["benzodiazepine"]) == []
    assert form_answers.parse_prescribed("sin receta", ["benzodiazepine"]) == []
    assert form_answers.used_since_care("recaí la semana pasada") == "yes"
    assert form_answers.care_within_30_days("hace 2 semanas") == "yes"
    assert form_answers.care_within_30_days("hace 2 años") == "no"
    assert form_answers.is_no_use("nada") and form_answers.is_unsure("ni idea")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("perico", {"stimulant"}),
        ("cristal y mota", {"stimulant", "cannabis"}),
        ("chiva", {"opioid"}),
        ("heroína", {"opioid"}),
        ("fentanilo", {"opioid"}),
        ("pastillas", {"other"}),
        ("pastillas para dormir", {"sedative"}),
        ("pastillas para el dolor", {"opioid"}),
        ("la fría", {"alcohol"}),
        ("cerveza", {"alcohol"}),
        ("pisto", {"alcohol"}),
        ("guaro", {"alcohol"}),
        ("alcohol y rivotril", {"alcohol", "benzodiazepine"}),
        # English is read as before
        ("crystal meth and weed", {"stimulant", "cannabis"}),
        ("xanax", {"benzodiazepine"}),
    ],
)
def test_spanish_street_names(text, expected):
    from iop_assistant import substances

    assert substances.categories_in_text(text) == expected


def test_english_look_alikes_keep_their_english_reading():
    """Words both languages write: the English reading of English text is unchanged."""
    from iop_assistant import screening_answers

    # "once" is not eleven (11 cans before the Spanish numbers were scoped)
    assert screening_answers.parse_drinks("stopping both at once can be dangerous") == 1.0
    assert screening_answers.parse_yes_no("is best buy having a sale") is None  # not "sale"
    text = "i'm not familiar with outpatient programs"
    assert form_answers.parse_screening_for(text) == "self"  # "familiar" is not a relative


@pytest.mark.parametrize(
    "text,expected",
    [("aftrnoon", "afternoon"), ("afternon", "afternoon"), ("evnings work best", "evening"),
     ("mornin", "morning"), ("Ray", None), ("sure", None)],
)  # fmt: skip
def test_misspelt_times_are_read(text, expected):
    """v9 texters: "aftrnoon" and "evnings work best" were asked again until they gave up."""
    assert parse_best_time(text) == expected


@pytest.mark.parametrize(
    "text", ["do i have to give my name", "why do you need my name", "can it be anonymous or"]
)
def test_a_question_about_the_name_is_not_a_name(text):
    assert parse_first_name(text) in (None, "skip")


def test_names_with_a_lead_still_read():
    assert parse_first_name("my name is Linda but people call me Lin") == "Linda"
    assert parse_first_name("Dorothy. Dorothy is fine.") == "Dorothy"  # role-play, voice
    assert parse_first_name("Jhon sorry John") == "Jhon"


def test_a_seizure_that_just_happened_is_now():
    """Role-play (afternoon): "he just had a seizure" was read as past (the clause broke at
    "just"), so the screening said "911 if it gets worse" instead of "call 911 now"."""
    from iop_assistant.screening_answers import read_emergency

    assert read_emergency("my brother drinks every day and he just had a seizure").now == {
        "seizure"
    }
    assert not read_emergency("no seizures, just the sweats").now


@pytest.mark.parametrize(
    ("text", "saved"),
    [
        # role-play 2026-12-04: the read-back repeated the whole message
        ("after 5:30 if possible, I get home around then", "after 5:30"),
        ("between 2 and 4, but not friday", "between 2 and 4, not friday"),
        # voice role-play 2026-12-04: spoken times, "p.m." kept whole, "I said" left out
        (
            "after five would be best, like five thirty",
            "after five would be best, like five thirty",
        ),
        ("after 5:30 p.m.", "after 5:30 p.m"),
        ("I said tomorrow morning, dear. Around 10.", "tomorrow morning, Around 10"),
        # texted spellings
        ("aftr 5 pls", "aftr 5 pls"),
        ("b4 noon", "b4 noon"),
        ("tmrw morning", "tmrw morning"),
        # texter role-play 2026-12-04 (second round)
        ("after 530", "after 530"),
        ("noonish", "noonish"),
        ("12", "12"),
        ("after skool like 330", "after skool like 330"),
    ],
)
def test_a_time_is_saved_as_the_clause_that_gives_it(text, saved):
    assert parse_best_time(text) == saved


@pytest.mark.parametrize(
    "text",
    [
        "wait, if he answers the phone, are they going to tell him what it's about?",
        "I need to know if it's confidential. my husband might pick up",
        "he can't know I called",
        "¿es confidencial?",
        # family role-play 2026-12-05: asked by all four who booked a callback
        "will they leave a voicemail that says rehab or anything like that?",
        "if I miss the call will they leave a voicemail saying where they're calling from?",
    ],
)
def test_asking_if_the_call_is_private(text):
    assert form_answers.asks_if_the_call_is_private(text)


@pytest.mark.parametrize("text", ["after 6pm", "my husband", "yes", "what time do groups start"])
def test_other_answers_are_not_about_privacy(text):
    assert not form_answers.asks_if_the_call_is_private(text)


@pytest.mark.parametrize(
    ("text", "older"),
    [
        ("she is 74, a bottle of wine every evening and Ambien", True),
        ("my 61 year old mom drinks daily", True),
        ("my grandmother drinks every night", True),
        ("my daughter is 22", False),
        ("i drink like 75 beers a week", False),
    ],
)
def test_an_older_woman_is_not_asked_about_pregnancy(text, older):
    # family role-play 2026-12-05: "Could they be pregnant?" about a 74-year-old mother
    assert form_answers.speaks_of_an_older_woman([text]) is older


def test_a_question_after_the_time_is_not_saved_as_the_time():
    # family role-play 2026-12-05: the whole question was read back as the time
    text = "morning. is my callback still on for tomorrow morning or did I just mess it up?"
    assert parse_best_time(text) == "morning"


def test_the_part_of_the_day_called_better_is_the_one() -> None:
    """Caller role-play round 27: "he's home in the evening, morning is better" was saved as
    evening, the time her husband is home."""
    from iop_assistant.form_answers import parse_best_time

    assert parse_best_time("he's home in the evening, morning is better") == "morning"
    assert parse_best_time("hes home evenings so mornings are better") == "morning"
    assert parse_best_time("evening please, morning im at work") == "evening"
