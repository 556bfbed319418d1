"""Spanish on the phone channels (issue 18): keywords, options, <Say>/<Gather> language."""

from iop_assistant.channels import voice_twiml as twiml
from iop_assistant.channels.sms_format import (
    KEYWORD_HELP,
    KEYWORD_STOP,
    keyword_of,
    render_reply,
)

BUTTONS = [
    {"title": "Hablar con alguien", "payload": "/request_human"},
    {"title": "Que me llamen", "payload": "/request_callback"},
]


def test_parar_and_ayuda_are_stop_and_help_and_the_carrier_words_are_unchanged():
    assert keyword_of("PARAR") == (KEYWORD_STOP, "PARAR")
    assert keyword_of(" parar. ") == (KEYWORD_STOP, "PARAR")
    assert keyword_of("Ayuda") == (KEYWORD_HELP, "AYUDA")
    assert keyword_of("STOP") == (KEYWORD_STOP, "STOP")
    assert keyword_of("HELP") == (KEYWORD_HELP, "HELP")
    # a sentence is a message, not a keyword
    assert keyword_of("ayuda por favor mi hijo no respira") is None
    assert keyword_of("quiero parar de tomar") is None


def test_sms_options_are_numbered_in_the_reply_language():
    texts, options = render_reply([{"text": "Hola.", "buttons": BUTTONS, "language": "es"}])
    assert "Responda 1 para Hablar con alguien, 2 para Que me llamen." in texts[0]
    assert [o["number"] for o in options] == ["1", "2"]
    english, _ = render_reply([{"text": "Hi.", "buttons": BUTTONS}])
    assert "Reply 1 for" in english[0]


def test_a_spanish_reply_is_spoken_and_heard_in_spanish():
    prompt = twiml.render_prompt([{"text": "Hola.", "buttons": BUTTONS, "language": "es"}])
    assert prompt.language == "es" and prompt.twilio_language == "es-US"
    assert prompt.closing == ["Diga o marque 1 para Hablar con alguien, o 2 para Que me llamen."]
    xml = twiml.gather(
        "https://x/webhooks/voice/webhook", prompt.sayings, prompt.closing, (), "es-US"
    )
    assert "<Gather" in xml and 'language="es-US"' in xml
    assert '<Say language="es-US">Hola.</Say>' in xml
    english = twiml.render_prompt([{"text": "Hi.", "buttons": BUTTONS}])
    assert english.twilio_language == "en-US" and english.closing[0].startswith("Say or press 1")


def test_spanish_callers_can_ask_for_the_help_line_and_988():
    assert twiml.wants_helpline("quiero hablar con una persona", None)
    assert twiml.wants_helpline("la linea de ayuda por favor", None)
    assert not twiml.wants_helpline("tengo cero dinero", None)
    assert twiml.wants_crisis_line("nueve ocho ocho", None)
