"""data/rules/conversation_start.yml is generated: it must match its generator."""

import importlib.util
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_generator():
    spec = importlib.util.spec_from_file_location(
        "generate_start_rules", REPO / "scripts" / "generate_start_rules.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_start_rules_are_current():
    generator = load_generator()
    assert generator.OUTPUT.read_text() == generator.render(), (
        "run: .venv/bin/python scripts/generate_start_rules.py"
    )


def test_every_simple_rule_has_a_first_message_twin_except_crisis():
    generator = load_generator()
    twins = generator.render()
    for rule in generator.simple_rules():
        assert f"first message: {rule['rule']}" in twins
    assert "- intent: crisis\n" not in twins  # crisis_checkin does get the disclaimer first


def test_story_then_question_examples_are_current():
    spec = importlib.util.spec_from_file_location(
        "generate_narrative_questions", REPO / "scripts" / "generate_narrative_questions.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUTPUT.read_text() == module.render(), (
        "run: .venv/bin/python scripts/generate_narrative_questions.py"
    )
