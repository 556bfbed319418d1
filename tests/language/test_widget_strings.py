"""The widget's strings table (web/src/strings.js): Spanish has every key, and no English left."""

import re
from pathlib import Path

SOURCE = (Path(__file__).resolve().parents[2] / "web" / "src" / "strings.js").read_text("utf-8")
# keys whose words the two languages share ("Crisis"); "chat" is Spanish too
SAME_IN_BOTH = {"crisisShort"}
ENGLISH_WORDS = re.compile(
    r"\b(?:the|and|you|your|call|with|help|line|send|message|type|more|less|new|"
    r"assistant|emergency|clear|close|privacy|text|says|said|our|please)\b",
    re.IGNORECASE,
)


def table(lang: str) -> dict:
    body = re.search(lang + r": \{(.*?)\n  \},", SOURCE, re.S)
    assert body, lang
    return dict(re.findall(r'^\s+(\w+): "((?:[^"\\]|\\.)*)",$', body.group(1), re.M))


def test_spanish_has_every_key_of_english():
    english, spanish = table("en"), table("es")
    assert len(english) >= 40
    assert set(spanish) == set(english)


def test_no_english_is_left_in_the_spanish_table():
    english, spanish = table("en"), table("es")
    for key, text in spanish.items():
        if key in SAME_IN_BOTH:
            continue
        assert text != english[key], key
        # "{helpline}", "{program}" are filled in; the rest must be Spanish
        words = re.sub(r"\{\w+\}", "", text)
        assert not ENGLISH_WORDS.search(words), (key, text)


def test_the_spanish_crisis_bar_gives_988_in_spanish():
    spanish = table("es")
    assert "marque 2" in spanish["lifeline"] and "AYUDA" in spanish["text988"]
