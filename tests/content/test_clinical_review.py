"""docs/clinical-review.md is generated from the code and the domain and never drifts."""

from __future__ import annotations

import itertools
from collections import defaultdict
from functools import cache, lru_cache
from typing import List

import yaml

from iop_assistant import clinical_review, screening_rules

SUBSTANCE_SETS = (
    [None, set()]
    + [{s} for s in screening_rules.SUBSTANCES]
    + [
        {"alcohol", "benzodiazepine"},
        {"alcohol", "sedative"},
        {"alcohol", "opioid"},
    ]
)


def grid():
    """Every combination of the vocabularies (a few thousand pure calls)."""
    for subs, freq, last, sx, pcw, care, prescribed, risk in itertools.product(
        SUBSTANCE_SETS,
        screening_rules.FREQUENCIES + (None,),
        screening_rules.LAST_USE + (None,),
        (None, {"none"}, {"shakes"}),
        (False, True),
        ((None, None), (True, False), (True, True)),
        (None, {"opioid", "benzodiazepine"}),
        # the risk factors of item 8: amount, age, pregnancy
        (
            {},
            {"drinks_per_day": 1.0},
            {"drinks_per_day": 4.0},
            {"age_65_plus": True},
            {"pregnant": True},
            {"drinks_per_day": 1.0, "age_65_plus": True},
        ),
    ):
        yield screening_rules.ScreeningAnswers(
            substances=subs,
            frequency=freq,
            last_use=last,
            withdrawal_symptoms=sx,
            past_complicated_withdrawal=pcw,
            recent_higher_care=care[0],
            used_since_care=care[1],
            prescribed=prescribed,
            **risk,
        )
    yield screening_rules.ScreeningAnswers(declined=True)
    yield screening_rules.ScreeningAnswers(emergency_symptoms_now={"seizure"})


@lru_cache(maxsize=1)
def decisions() -> List[screening_rules.Decision]:
    """``decide`` over the whole grid, once for the tests below (each reads every one)."""
    return [screening_rules.decide(answers) for answers in grid()]


@cache
def pattern_of(reason: str) -> str | None:
    """``clinical_review.reason_pattern``, worked out once per distinct reason: it is a
    pure function of the reason, and the grid's 100,000 reasons are a few dozen kinds."""
    return clinical_review.reason_pattern(reason)


def test_the_page_is_up_to_date():
    assert clinical_review.PAGE.read_text(encoding="utf-8") == clinical_review.render(), (
        "run: python -m iop_assistant.clinical_review"
    )


def test_every_reason_has_a_documented_rule_and_every_rule_is_used():
    used = defaultdict(set)
    for decision in decisions():
        for reason in decision.reasons:
            pattern = pattern_of(reason)
            assert pattern, f"{reason} is not documented in clinical_review.RULES"
            used[pattern].add(decision.outcome.value)
    assert set(used) == {rule.reason for rule in clinical_review.RULES}


def test_a_rule_leading_a_decision_gives_its_stated_outcome():
    stated = {rule.reason: rule.decision for rule in clinical_review.RULES}
    for decision in decisions():
        first = pattern_of(decision.reasons[0])
        if first.startswith("prescribed_") and decision.outcome is screening_rules.Outcome.HELPLINE:
            continue
        assert stated[first] == decision.outcome.value, (first, decision)


def test_every_screening_and_crisis_reply_is_listed(domain):
    for name in domain["responses"]:
        if name.startswith(("utter_screening", "utter_ask_screening", "utter_crisis")):
            assert name in clinical_review.RESPONSES, name
    for name in clinical_review.RESPONSES:
        assert name in domain["responses"], name


def test_signoff_file_is_valid_yaml_of_known_rows():
    if not clinical_review.SIGNOFF.exists():
        return
    signoff = yaml.safe_load(clinical_review.SIGNOFF.read_text()) or {}
    known = {row[0] for row in clinical_review.rows()}
    assert set(signoff) <= known
