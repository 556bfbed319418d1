"""The project's own spaCy pipeline: lemmas and substance entities from repo files."""

import pytest
import spacy

from iop_assistant.nlu import spacy_pipeline


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(spacy_pipeline.build())


def test_lemmas(nlp):
    doc = nlp("she overdosed and stopped breathing")
    assert [t.lemma_ for t in doc][1:4] == ["overdose", "and", "stop"]


@pytest.mark.parametrize(
    "text,category",
    [
        ("mostly xanax bars", "benzodiazepine"),
        ("a fifth of vodka a day", "alcohol"),
        ("percs and fent", "opioid"),
        ("some pain pills", "opioid"),
        ("meth", "stimulant"),
        ("just weed", "cannabis"),
        ("klonopin", "benzodiazepine"),
    ],
)
def test_substances_are_entities(nlp, text, category):
    assert category in {ent.ent_id_ for ent in nlp(text).ents}


def test_rebuild_is_skipped_when_inputs_are_unchanged(tmp_path):
    out = spacy_pipeline.build(tmp_path / "p")
    stamp = (out / "fingerprint.json").stat().st_mtime_ns
    spacy_pipeline.build(tmp_path / "p")
    assert (out / "fingerprint.json").stat().st_mtime_ns == stamp
