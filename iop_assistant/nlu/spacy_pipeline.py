"""Builds the project's own spaCy pipeline directory.

No spaCy model can be downloaded on our machines, and Rasa's ``SpacyNLP``
cannot load ``blank:en`` (it calls ``spacy.info`` on the name). So we build a
small pipeline from files in the repository and save it to disk:

* ``spacy.blank("en")`` tokenizer;
* a lookup lemmatizer whose tables are copied from ``spacy-lookups-data`` at
  build time (the saved pipeline does not need that package at run time);
* an ``entity_ruler`` labelling substance names and slang (``SUBSTANCE``,
  with the category as the entity id) from ``data/lookups/substances.yml``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Dict, List

import spacy
from spacy.about import __version__ as spacy_version
from spacy.language import Language
from spacy.pipeline import EntityRuler

from iop_assistant import yaml_io

REPO_ROOT = Path(__file__).resolve().parents[2]
SUBSTANCES_FILE = REPO_ROOT / "data" / "lookups" / "substances.yml"
DEFAULT_OUTPUT = REPO_ROOT / "build" / "spacy_pipeline"
PIPELINE_NAME = "iop_assistant_en"
PIPELINE_VERSION = "1.0.0"


def load_substances(path: Path = SUBSTANCES_FILE) -> Dict[str, List[str]]:
    """Read the substance lexicon: category -> lower-case names."""
    data = yaml_io.read(path)
    return {category: [str(name).lower() for name in names] for category, names in data.items()}


def substance_patterns(substances: Dict[str, List[str]]) -> List[dict]:
    """Token patterns (LOWER) for the entity ruler, one per name."""
    patterns = []
    for category, names in substances.items():
        for name in names:
            tokens = [{"LOWER": token} for token in name.split()]
            patterns.append({"label": "SUBSTANCE", "pattern": tokens, "id": category})
    return patterns


def create_pipeline(substances_file: Path = SUBSTANCES_FILE) -> Language:
    """Assemble the pipeline in memory."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    assert isinstance(ruler, EntityRuler)
    nlp.initialize()  # loads the lemma tables; also empties the ruler, so patterns come after
    ruler.add_patterns(substance_patterns(load_substances(substances_file)))
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["version"] = PIPELINE_VERSION
    nlp.meta["description"] = "IOP Assistant pipeline built from files in the repository."
    return nlp


def source_fingerprint(substances_file: Path = SUBSTANCES_FILE) -> str:
    """Hash of every input, so `make` rebuilds only when an input changed."""
    digest = hashlib.sha256()
    for path in (Path(__file__), substances_file):
        digest.update(path.read_bytes())
    digest.update(spacy_version.encode())
    return digest.hexdigest()


def build(output: Path = DEFAULT_OUTPUT, substances_file: Path = SUBSTANCES_FILE) -> Path:
    """Build and save the pipeline unless an identical one is already there."""
    fingerprint = source_fingerprint(substances_file)
    stamp = output / "fingerprint.json"
    if stamp.exists() and json.loads(stamp.read_text()).get("sha256") == fingerprint:
        return output
    nlp = create_pipeline(substances_file)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
    stamp.write_text(json.dumps({"sha256": fingerprint}))
    return output


if __name__ == "__main__":
    print(f"spaCy pipeline at {build()}")
