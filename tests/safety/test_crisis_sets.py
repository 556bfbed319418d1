"""Gates on the real trained pipeline: 100 % crisis recall, false alarms <= 2 %."""

import asyncio
from pathlib import Path

import pytest

from iop_assistant.nlu.crisis_eval import evaluate_model


@pytest.fixture(scope="module")
def report(trained_model: Path):
    result = asyncio.run(evaluate_model(trained_model))
    print("\n" + result.summary())
    return result


def test_sets_are_big_enough(report):
    assert report.crisis_total >= 150
    assert report.non_crisis_total >= 150


def test_every_crisis_message_is_recognised(report):
    assert report.misses == []


def test_false_alarm_rate_at_most_two_percent(report):
    assert report.false_alarm_rate <= 0.02, report.false_alarms
