"""Decision table and parser tests for the detox-first screening
(iop_assistant.screening_rules, iop_assistant.screening_answers).

The table below is the executable form of docs/screening_rules.md: when a rule changes, both
change together.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Tuple

import pytest

from iop_assistant import screening_answers, screening_rules
from iop_assistant.screening_answers import (
    parse_emergency,
    parse_frequency,
    parse_last_use,
    parse_symptoms,
    parse_yes_no,
)
from iop_assistant.screening_rules import Decision, Outcome, ScreeningAnswers, decide

E, D, F, H = Outcome.EMERGENCY, Outcome.DETOX_FIRST, Outcome.IOP_MAY_FIT, Outcome.HELPLINE


def answers(
    subs: str | None = None,
    freq: str | None = None,
    last: str | None = None,
    sx: str | None = None,
    **extra: Any,
) -> ScreeningAnswers:
    """Compact builder: subs/sx are comma-separated ("" = answered, empty set)."""

    def as_set(value: str | None) -> set | None:
        return None if value is None else {v for v in value.split(",") if v}

    return ScreeningAnswers(
        substances=as_set(subs),
        frequency=freq,
        last_use=last,
        withdrawal_symptoms=as_set(sx),
        **extra,
    )


PCW: Dict[str, Any] = {"past_complicated_withdrawal": True}
# Higher care that ended in the last 30 days: with no use since (the override), with
# use since, and with "used since?" unknown (both run the usual rules).
RHC: Dict[str, Any] = {"recent_higher_care": True, "used_since_care": False}
RHC_USED: Dict[str, Any] = {"recent_higher_care": True, "used_since_care": True}
RHC_UNSURE: Dict[str, Any] = {"recent_higher_care": True}

# (id, answers, outcome, reasons that must all be present)
CASES: Tuple[Tuple[str, ScreeningAnswers, Outcome, Tuple[str, ...]], ...] = (
    # ---- emergency overrides everything
    ("emergency_only", answers(emergency_symptoms_now={"seizure"}), E, ("emergency_seizure",)),
    (
        "emergency_over_detox",
        answers("alcohol", "daily", "today", "shakes", emergency_symptoms_now={"hallucinations"}),
        E,
        ("emergency_hallucinations",),
    ),
    (
        "emergency_over_declined",
        answers(declined=True, emergency_symptoms_now={"chest_pain"}),
        E,
        ("emergency_chest_pain",),
    ),
    (
        "emergency_over_recent_care",
        answers(
            "cannabis",
            "less",
            "months",
            "none",
            **RHC,
            emergency_symptoms_now={"trouble_breathing"},
        ),
        E,
        ("emergency_trouble_breathing",),
    ),
    (
        "emergency_several",
        answers(emergency_symptoms_now={"confusion", "seizure"}),
        E,
        ("emergency_seizure", "emergency_confusion"),
    ),
    (
        "emergency_empty_set_is_none",
        answers("cannabis", "daily", "today", "none", emergency_symptoms_now=set()),
        F,
        (),
    ),
    (
        "emergency_explicit_none",
        answers("cannabis", "daily", "today", "none", emergency_symptoms_now={"none"}),
        F,
        (),
    ),
    (
        "emergency_unlisted_still_counts",
        answers(emergency_symptoms_now={"overdose"}),
        E,
        ("emergency_overdose",),
    ),
    # ---- detox first: heavy use of alcohol / benzo / opioid with withdrawal symptoms
    (
        "daily_alcohol_shakes_today",
        answers("alcohol", "daily", "today", "shakes"),
        D,
        ("daily_alcohol_with_withdrawal",),
    ),
    (
        "daily_benzo_anxiety_days",
        answers("benzodiazepine", "daily", "days", "anxiety"),
        D,
        ("daily_benzodiazepine_with_withdrawal",),
    ),
    (
        "daily_opioid_nausea_today",
        answers("opioid", "daily", "today", "nausea,sweats"),
        D,
        ("daily_opioid_with_withdrawal",),
    ),
    (
        "near_daily_alcohol_sweats",
        answers("alcohol", "most_days", "today", "sweats"),
        D,
        ("near_daily_alcohol_with_withdrawal",),
    ),
    (
        "near_daily_opioid_insomnia",
        answers("opioid", "most_days", "days", "insomnia"),
        D,
        ("near_daily_opioid_with_withdrawal",),
    ),
    (
        "daily_alcohol_symptoms_last_use_unknown",
        answers("alcohol", "daily", None, "racing_heart"),
        D,
        ("daily_alcohol_with_withdrawal",),
    ),
    (
        "detox_even_if_recent_care_unknown",
        answers("alcohol", "daily", "today", "shakes", recent_higher_care=None),
        D,
        (),
    ),
    (
        "detox_when_recent_care_false",
        answers("opioid", "daily", "today", "sweats", recent_higher_care=False),
        D,
        (),
    ),
    # ---- recent higher care, but use since (or unknown): the usual rules (issue 13, item 1)
    (
        "recent_care_back_to_daily_drinking_pcw_symptoms_unsure",
        answers("alcohol", "daily", "today", None, **PCW, **RHC_USED),
        D,
        ("past_complicated_withdrawal", "daily_alcohol_recent_use"),
    ),
    (
        "recent_care_use_since_unknown_pcw",
        answers("alcohol", "daily", "days", None, **PCW, **RHC_UNSURE),
        D,
        ("past_complicated_withdrawal",),
    ),
    # ---- withdrawal now after recent care: detox first, call today (item 6)
    (
        "recent_care_but_in_withdrawal_now",
        answers("alcohol", "daily", "today", "shakes", **RHC_USED),
        D,
        ("recent_higher_care_with_current_withdrawal", "daily_alcohol_with_withdrawal"),
    ),
    (
        "recent_care_no_use_since_yet_withdrawal_now",
        answers("alcohol", "daily", "today", "shakes", **RHC),
        D,
        ("recent_higher_care_with_current_withdrawal", "daily_alcohol_with_withdrawal"),
    ),
    (
        # round 23 (family role-play: "detox first" four times to a wife whose husband had
        # come home from detox the day before, shaky): symptoms after care with no use since
        # are checked today, with the help line; not detox first again
        "recent_care_unnamed_substance_withdrawal",
        answers(None, "most_days", "days", "sweats", **RHC),
        H,
        (
            "recent_higher_care_symptoms_with_no_use_since",
            "near_daily_substance_with_withdrawal",
        ),
    ),
    (
        "recent_care_symptoms_after_detox_no_use_since",
        answers("alcohol", "daily", "days", "shakes", **RHC),
        H,
        ("recent_higher_care_symptoms_with_no_use_since", "daily_alcohol_with_withdrawal"),
    ),
    # ---- sedative-hypnotics behave like alcohol and benzodiazepines (item 5)
    (
        "daily_sedative_with_shakes",
        answers("sedative", "daily", "today", "shakes"),
        D,
        ("daily_sedative_with_withdrawal",),
    ),
    (
        "daily_sedative_no_symptoms_recent",
        answers("sedative", "daily", "days", "none"),
        D,
        ("daily_sedative_recent_use",),
    ),
    (
        "alcohol_with_another_sedative",
        answers("alcohol,sedative", "most_days", "today", "none"),
        D,
        ("combined_sedatives",),
    ),
    # ---- a prescribed medicine never hides another substance's detox signal (item 7)
    (
        "prescribed_opioid_with_daily_alcohol_shakes",
        answers("alcohol,opioid", "daily", "today", "shakes", prescribed={"opioid"}),
        D,
        ("daily_alcohol_with_withdrawal",),
    ),
    (
        "prescribed_benzo_with_daily_drinking",
        answers(
            "alcohol,benzodiazepine", "most_days", "today", "none", prescribed={"benzodiazepine"}
        ),
        D,
        ("alcohol_with_benzodiazepine",),
    ),
    (
        "mixed_alcohol_and_cannabis",
        answers("alcohol,cannabis", "daily", "today", "shakes"),
        D,
        ("daily_alcohol_with_withdrawal",),
    ),
    (
        "detox_for_someone_else",
        answers("alcohol", "daily", "today", "shakes", for_self=False),
        D,
        ("daily_alcohol_with_withdrawal",),
    ),
    # ---- detox first: daily alcohol / benzo still in use, no symptoms reported
    (
        "daily_alcohol_today_no_symptoms",
        answers("alcohol", "daily", "today", "none"),
        D,
        ("daily_alcohol_recent_use",),
    ),
    (
        "daily_benzo_today_symptoms_unknown",
        answers("benzodiazepine", "daily", "today"),
        D,
        ("daily_benzodiazepine_recent_use",),
    ),
    (
        "daily_alcohol_days_ago_no_symptoms",
        answers("alcohol", "daily", "days", ""),
        D,
        ("daily_alcohol_recent_use",),
    ),
    (
        "near_daily_alcohol_plus_benzo",
        answers("alcohol,benzodiazepine", "most_days", "today", "none"),
        D,
        ("alcohol_with_benzodiazepine",),
    ),
    # ---- detox first: past complicated withdrawal with recent or unknown use
    (
        "pcw_daily_alcohol_today",
        answers("alcohol", "daily", "today", "none", **PCW),
        D,
        ("daily_alcohol_recent_use", "past_complicated_withdrawal"),
    ),
    (
        "pcw_near_daily_alcohol_no_symptoms",
        answers("alcohol", "most_days", "days", "none", **PCW),
        D,
        ("past_complicated_withdrawal",),
    ),
    ("pcw_only_known", answers(**PCW), D, ("past_complicated_withdrawal",)),
    (
        "pcw_other_substance_today",
        answers("other", "daily", "today", **PCW),
        D,
        ("past_complicated_withdrawal",),
    ),
    # ---- IOP may fit
    (
        "recent_care_no_use_since_overrides_pcw_daily_alcohol",
        answers("alcohol", "daily", "today", "none", **PCW, **RHC),
        F,
        ("recent_higher_care_no_use_since", "past_complicated_withdrawal_history"),
    ),
    ("recent_care_no_use_since_only", answers(**RHC), F, ("recent_higher_care_no_use_since",)),
    (
        "recent_care_daily_opioid_no_symptoms",
        answers("opioid", "daily", "today", "none", **RHC),
        F,
        ("recent_higher_care_no_use_since",),
    ),
    (
        "benzo_weekly_stopped_weeks_ago",
        answers("benzodiazepine", "weekly", "weeks", "none"),
        F,
        ("infrequent_use",),
    ),
    (
        "sedative_weekly",
        answers("sedative", "weekly", "days", "none"),
        F,
        ("infrequent_use",),
    ),
    (
        "prescribed_but_not_named_is_ignored",
        answers("alcohol", "weekly", "days", "none", prescribed={"benzodiazepine"}),
        F,
        ("infrequent_use",),
    ),
    (
        "pcw_months_ago",
        answers("alcohol", "daily", "months", "none", **PCW),
        F,
        ("no_use_in_over_a_month", "past_complicated_withdrawal_history"),
    ),
    (
        "pcw_weeks_ago_no_symptoms",
        answers("alcohol", "daily", "weeks", "none", **PCW),
        F,
        ("no_use_in_past_week",),
    ),
    ("pcw_no_current_use", answers("", **PCW), F, ("no_current_use",)),
    (
        "pcw_now_cannabis_only",
        answers("cannabis", "daily", "today", "none", **PCW),
        F,
        ("low_withdrawal_risk_substance", "past_complicated_withdrawal_history"),
    ),
    ("months_ago_unknown_substance", answers(None, None, "months"), F, ("no_use_in_over_a_month",)),
    (
        "daily_cannabis",
        answers("cannabis", "daily", "today", "insomnia,anxiety"),
        F,
        ("low_withdrawal_risk_substance",),
    ),
    (
        "daily_stimulant",
        answers("stimulant", "daily", "today", "none"),
        F,
        ("low_withdrawal_risk_substance",),
    ),
    (
        "weekly_alcohol_no_symptoms",
        answers("alcohol", "weekly", "today", "none"),
        F,
        ("infrequent_use",),
    ),
    (
        "less_than_weekly_benzo",
        answers("benzodiazepine", "less", "days", "none"),
        F,
        ("infrequent_use",),
    ),
    ("weekly_opioid_symptoms_unknown", answers("opioid", "weekly", "days"), F, ("infrequent_use",)),
    (
        "daily_alcohol_stopped_weeks_ago",
        answers("alcohol", "daily", "weeks", "none"),
        F,
        ("no_use_in_past_week",),
    ),
    (
        "daily_opioid_stopped_weeks_ago",
        answers("opioid", "daily", "weeks", ""),
        F,
        ("no_use_in_past_week",),
    ),
    # ---- help line: unsure, conflicting or declined
    ("nothing_known", answers(), H, ("substances_unknown",)),
    (
        "substances_unknown_daily_symptoms",
        answers(None, "daily", "today", "shakes"),
        H,
        ("substances_unknown",),
    ),
    (
        "alcohol_frequency_unknown",
        answers("alcohol", None, "today", "shakes"),
        H,
        ("alcohol_frequency_unknown",),
    ),
    (
        "near_daily_alcohol_no_symptoms",
        answers("alcohol", "most_days", "today", "none"),
        H,
        ("near_daily_alcohol_no_reported_withdrawal",),
    ),
    (
        "near_daily_benzo_no_symptoms",
        answers("benzodiazepine", "most_days", "days", "none"),
        H,
        ("near_daily_benzodiazepine_no_reported_withdrawal",),
    ),
    (
        "daily_opioid_no_symptoms",
        answers("opioid", "daily", "today", "none"),
        H,
        ("daily_opioid_no_reported_withdrawal",),
    ),
    (
        "daily_alcohol_last_use_unknown_no_symptoms",
        answers("alcohol", "daily", None, "none"),
        H,
        ("daily_alcohol_no_reported_withdrawal",),
    ),
    (
        "daily_other_substance",
        answers("other", "daily", "today", "shakes"),
        H,
        ("daily_other_substance",),
    ),
    (
        "weekly_alcohol_with_shakes",
        answers("alcohol", "weekly", "today", "shakes"),
        H,
        ("alcohol_withdrawal_with_infrequent_use",),
    ),
    (
        "symptoms_weeks_after_benzo",
        answers("benzodiazepine", "daily", "weeks", "anxiety"),
        H,
        ("benzodiazepine_withdrawal_weeks_after_last_use",),
    ),
    (
        "pcw_infrequent_use",
        answers("alcohol", "less", "today", "none", **PCW),
        H,
        ("past_complicated_withdrawal_infrequent_use",),
    ),
    ("recent_care_use_since_unknown", answers(**RHC_UNSURE), H, ("substances_unknown",)),
    (
        "recent_care_used_since_daily_opioid",
        answers("opioid", "daily", "today", "none", **RHC_USED),
        H,
        ("daily_opioid_no_reported_withdrawal",),
    ),
    # benzodiazepine withdrawal can start late (item 4)
    (
        "daily_benzo_stopped_weeks_ago_no_symptoms",
        answers("benzodiazepine", "daily", "weeks", "none"),
        H,
        ("benzodiazepine_stopped_weeks_ago_late_withdrawal_possible",),
    ),
    (
        "near_daily_benzo_stopped_weeks_ago_symptoms_unknown",
        answers("benzodiazepine", "most_days", "weeks", None),
        H,
        ("benzodiazepine_stopped_weeks_ago_late_withdrawal_possible",),
    ),
    (
        "near_daily_sedative_no_symptoms",
        answers("sedative", "most_days", "today", "none"),
        H,
        ("near_daily_sedative_no_reported_withdrawal",),
    ),
    # prescribed medicines: the help line, never detox first or "IOP may fit" (item 7)
    (
        "methadone_maintenance",
        answers("opioid", "daily", "today", "none", prescribed={"opioid"}),
        H,
        ("prescribed_opioid",),
    ),
    (
        "buprenorphine_maintenance_with_symptoms",
        answers("opioid", "daily", "today", "sweats,anxiety", prescribed={"opioid"}),
        H,
        ("prescribed_opioid",),
    ),
    (
        "prescribed_benzo_daily",
        answers("benzodiazepine", "daily", "today", "none", prescribed={"benzodiazepine"}),
        H,
        ("prescribed_benzodiazepine",),
    ),
    (
        "maintenance_with_past_complicated_withdrawal",
        answers("opioid", "daily", "today", "none", prescribed={"opioid"}, **PCW),
        H,
        ("prescribed_opioid",),
    ),
    (
        "maintenance_after_recent_care",
        answers("opioid", "daily", "today", "none", prescribed={"opioid"}, **RHC),
        H,
        ("prescribed_opioid", "recent_higher_care_no_use_since"),
    ),
    (
        "prescribed_and_no_use_in_months",
        answers("opioid", "daily", "months", "none", prescribed={"opioid"}),
        H,
        ("prescribed_opioid",),
    ),
    ("no_substance_but_daily", answers("", "daily", "today"), H, ("answers_conflict",)),
    ("declined_alone", answers(declined=True), H, ("declined",)),
    (
        "declined_keeps_detox_reasons",
        answers("alcohol", "daily", "today", "shakes", declined=True),
        H,
        ("declined", "daily_alcohol_with_withdrawal"),
    ),
    (
        "declined_over_iop_fit",
        answers("cannabis", "weekly", "days", "none", declined=True),
        H,
        ("declined",),
    ),
    (
        "unknown_strings_are_unknown",
        answers("alcohol", "sometimes", "soon", "none"),
        H,
        ("alcohol_frequency_unknown",),
    ),
    (
        "unlisted_substance_counts_as_other",
        answers("kratom", "daily", "today", "none"),
        H,
        ("daily_other_substance",),
    ),
)


@pytest.mark.parametrize("name,given,outcome,reasons", CASES, ids=[c[0] for c in CASES])
def test_decision_table(
    name: str, given: ScreeningAnswers, outcome: Outcome, reasons: Tuple[str, ...]
) -> None:
    decision = decide(given)
    assert decision.outcome is outcome, decision
    assert set(reasons) <= set(decision.reasons), decision
    assert decision.reasons, "every decision carries at least one reason"


def test_table_covers_every_outcome_and_substance() -> None:
    assert {c[2] for c in CASES} == set(Outcome)
    covered = set().union(*(c[1].substances or set() for c in CASES))
    assert set(screening_rules.SUBSTANCES) <= covered


def test_reasons_come_first_in_order() -> None:
    decision = decide(answers("alcohol", "daily", "today", "shakes", declined=True))
    assert decision.reasons[0] == "declined"
    emergency = decide(answers(emergency_symptoms_now={"confusion", "seizure"}))
    assert emergency.reasons == ("emergency_seizure", "emergency_confusion")


def test_decision_is_frozen_and_hashable() -> None:
    decision = decide(answers())
    assert isinstance(decision, Decision)
    with pytest.raises(AttributeError):
        decision.outcome = Outcome.IOP_MAY_FIT  # type: ignore[misc]
    assert hash(decision) == hash(decide(answers()))


def test_outcome_values_are_strings() -> None:
    assert [o.value for o in Outcome] == ["emergency", "detox_first", "iop_may_fit", "helpline"]
    assert Outcome("detox_first") is Outcome.DETOX_FIRST


def test_sets_may_be_lists_or_frozensets() -> None:
    given = ScreeningAnswers(
        substances=frozenset({"alcohol"}),
        frequency="daily",
        last_use="today",
        withdrawal_symptoms=["shakes"],
    )  # type: ignore
    assert decide(given).outcome is Outcome.DETOX_FIRST


def test_for_self_never_changes_the_outcome() -> None:
    for case in CASES:
        mine = decide(ScreeningAnswers(**{**vars(case[1]), "for_self": True}))
        theirs = decide(ScreeningAnswers(**{**vars(case[1]), "for_self": False}))
        assert mine == theirs, case[0]


def test_reasons_are_machine_readable() -> None:
    for case in CASES:
        for reason in decide(case[1]).reasons:
            assert reason.replace("_", "").isalnum() and reason == reason.lower(), reason


@pytest.mark.parametrize(
    "given,notes",
    [
        (
            answers("alcohol", "daily", "today", "shakes", **RHC_USED),
            ("withdrawal_now", "sedatives_named"),
        ),
        (answers("opioid", "daily", "today", "sweats"), ("withdrawal_now", "opioids_named")),
        (answers("alcohol", "daily", "today", "none"), ("sedatives_named",)),
        (answers("alcohol", "weekly", "days", "none"), ("sedatives_named",)),
        (answers("benzodiazepine", "less", "months", "none"), ("sedatives_named",)),
        (answers("cannabis", "daily", "today", "none"), ()),
        (
            answers("opioid", "daily", "today", "none", prescribed={"opioid"}),
            ("prescribed", "opioids_named"),
        ),
        (
            answers("opioid", "daily", "today", "none", prescribed={"benzodiazepine"}),
            ("opioids_named",),
        ),
        (answers("alcohol", "daily", "today", "shakes", emergency_symptoms_now={"seizure"}), ()),
    ],
)
def test_safety_notes(given: ScreeningAnswers, notes: Tuple[str, ...]) -> None:
    assert screening_rules.safety_notes(given, decide(given)) == notes


def test_iop_may_fit_always_notes_alcohol_or_benzodiazepines_when_named() -> None:
    for case in CASES:
        decision = decide(case[1])
        named = set(case[1].substances or ()) & {"alcohol", "benzodiazepine"}
        if decision.outcome is Outcome.IOP_MAY_FIT and named:
            assert "sedatives_named" in screening_rules.safety_notes(case[1], decision), case[0]


def test_no_one_with_use_since_recent_care_and_past_dts_gets_iop_may_fit() -> None:
    for sx in (None, "none", "shakes"):
        for used in (True, None):
            given = answers(
                "alcohol",
                "daily",
                "today",
                sx,
                recent_higher_care=True,
                used_since_care=used,
                past_complicated_withdrawal=True,
            )
            assert decide(given).outcome is Outcome.DETOX_FIRST, (sx, used)


# --------------------------------------------------------------------------- parsers


@pytest.mark.parametrize(
    "text,expected",
    [
        ("every day", "daily"),
        ("daily", "daily"),
        ("everyday", "daily"),
        ("all day every day", "daily"),
        ("Every day.", "daily"),
        ("24/7", "daily"),
        ("7 days a week", "daily"),
        ("twice a day", "daily"),
        ("every night", "daily"),
        ("most days", "most_days"),
        ("most_days", "most_days"),
        ("almost every day", "most_days"),
        ("4-5 days a week", "most_days"),
        ("3-4 days a week", "most_days"),
        ("every other day", "most_days"),
        ("weekdays", "most_days"),
        ("weekends", "weekly"),
        ("once a week", "weekly"),
        ("a few times a week", "weekly"),
        ("2x a week", "weekly"),
        ("weekly", "weekly"),
        ("once a month", "less"),
        ("rarely", "less"),
        ("less", "less"),
        ("Less often", "less"),
        ("daily for a month", "daily"),
        ("weekends but lately every day", "daily"),
        ("not every day", None),
        ("sometimes", None),
        ("", None),
        (None, None),
        ("idk", None),
    ],
)
def test_parse_frequency(text: str | None, expected: str | None) -> None:
    assert parse_frequency(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("today", "today"),
        ("this morning", "today"),
        ("last night", "today"),
        ("an hour ago", "today"),
        ("still drinking", "today"),
        ("Right now", "today"),
        ("yesterday", "days"),
        ("a few days ago", "days"),
        ("2 days ago", "days"),
        ("days", "days"),
        ("the other day", "days"),
        ("2 weeks ago", "weeks"),
        ("last week", "weeks"),
        ("10 days ago", "weeks"),
        ("a month ago", "weeks"),
        ("a couple of weeks ago", "weeks"),
        ("weeks", "weeks"),
        ("months", "months"),
        ("3 months ago", "months"),
        ("over a month ago", "months"),
        ("sober for 90 days", "months"),
        ("a year ago", "months"),
        ("drinking for 10 years, last drink today", "today"),
        ("stopped 3 days ago after months of drinking", "days"),
        ("drinking for 10 years", None),
        ("dunno", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_last_use(text: str | None, expected: str | None) -> None:
    assert parse_last_use(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the shakes", {"shakes"}),
        ("shaky hands", {"shakes"}),
        ("sweating", {"sweats"}),
        ("night sweats and chills", {"sweats"}),
        ("throwing up", {"nausea"}),
        ("feel dope sick", {"nausea"}),
        ("cant sleep", {"insomnia"}),
        ("can't sleep", {"insomnia"}),
        ("heart racing", {"racing_heart"}),
        ("my heart is pounding", {"racing_heart"}),
        ("racing_heart", {"racing_heart"}),
        ("panic", {"anxiety"}),
        ("anxious af", {"anxiety"}),
        ("shakes, sweats, cant sleep", {"shakes", "sweats", "insomnia"}),
        ("no shakes but sweating", {"sweats"}),
        ("none", {"none"}),
        ("no", {"none"}),
        ("nope none of those", {"none"}),
        ("I'm fine", {"none"}),
        ("no idea", set()),
        ("purple", set()),
        ("", set()),
        (None, set()),
    ],
)
def test_parse_symptoms(text: str | None, expected: set) -> None:
    assert parse_symptoms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("no shakes no sweats no nothing, i feel normal", {"none"}),
        ("not sure, maybe shakes", {"shakes"}),
        ("my hands don't stop shaking", {"shakes"}),
        ("i can't go a day without shaking", {"shakes"}),
        ("never had the shakes, but i can't sleep", {"insomnia"}),
    ],
)
def test_parse_symptoms_reads_negation_in_its_clause(text: str, expected: set) -> None:
    """Issue 13 item 9 (persona p21 showed it): a run of negations is an absence."""
    assert parse_symptoms(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("seizure", {"seizure"}),
        ("he's having a seizure", {"seizure"}),
        ("seeing things", {"hallucinations"}),
        ("hearing voices", {"hallucinations"}),
        ("so confused", {"confusion"}),
        ("chest pain", {"chest_pain"}),
        ("chest_pain", {"chest_pain"}),
        ("my chest hurts", {"chest_pain"}),
        ("I can't breathe", {"trouble_breathing"}),
        ("trouble_breathing", {"trouble_breathing"}),
        ("short of breath", {"trouble_breathing"}),
        ("chest pain and cant breathe", {"chest_pain", "trouble_breathing"}),
        ("no chest pain", set()),
        ("no seizures, just the sweats", set()),
        ("I had a seizure last time I quit", set()),
        ("never had the DTs or seizures", set()),
        ("had a seizure this morning", {"seizure"}),
        ("none", set()),
        ("no", set()),
        ("nothing like that", set()),
        ("", set()),
        (None, set()),
    ],
)
def test_parse_emergency(text: str | None, expected: set) -> None:
    assert parse_emergency(text) == expected


@pytest.mark.parametrize(
    "text,now,unclear,past",
    [
        ("he's having a seizure right now", {"seizure"}, set(), set()),
        ("my chest hurts", {"chest_pain"}, set(), set()),
        ("I get seizures when I stop", set(), {"seizure"}, set()),
        ("seeing things", set(), {"hallucinations"}, set()),
        ("I had a seizure last time I quit", set(), set(), {"seizure"}),
        ("saw bugs crawling years ago, no seizures", set(), set(), {"hallucinations"}),
        ("no seizures, just the sweats", set(), set(), set()),
        ("I don't have trouble breathing", set(), set(), set()),
    ],
)
def test_read_emergency_tense_and_negation(text: str, now: set, unclear: set, past: set) -> None:
    """Issue 13 item 9: negated signs are dropped, past ones are history, unclear ones asked."""
    reading = screening_answers.read_emergency(text)
    assert (reading.now, reading.unclear, reading.past) == (now, unclear, past)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("yes", True),
        ("Yeah", True),
        ("yep", True),
        ("y", True),
        ("sure", True),
        ("i have", True),
        ("1", True),
        ("Yes I have.", True),
        ("yup!", True),
        ("ok", True),
        ("no", False),
        ("nope", False),
        ("nah", False),
        ("never", False),
        ("n", False),
        ("2", False),
        ("i havent", False),
        ("I have never had one", False),
        ("No.", False),
        ("not sure", None),
        ("i don't know", None),
        ("maybe", None),
        ("yes and no", None),
        ("yeah no", None),
        ("", None),
        (None, None),
        ("purple", None),
    ],
)
def test_parse_yes_no(text: str | None, expected: bool | None) -> None:
    assert parse_yes_no(text) is expected


def test_parsers_feed_decide() -> None:
    given = ScreeningAnswers(
        substances={"alcohol"},
        frequency=parse_frequency("all day every day"),
        last_use=parse_last_use("this morning"),
        withdrawal_symptoms=parse_symptoms("the shakes, sweating"),
        emergency_symptoms_now=parse_emergency("none"),
        past_complicated_withdrawal=parse_yes_no("nope"),
        recent_higher_care=parse_yes_no("no"),
    )
    assert decide(given) == Decision(Outcome.DETOX_FIRST, ("daily_alcohol_with_withdrawal",))


# --------------------------------------------------------------------------- purity

TRIAGE_SOURCE = Path(screening_rules.__file__)
# unicodedata: Spanish answers have their accents folded (screening_answers.fold)
ALLOWED_IMPORTS = {"__future__", "dataclasses", "datetime", "enum", "typing", "re", "unicodedata"}


@pytest.mark.parametrize(
    "module, own",
    [(screening_rules, set()), (screening_answers, {"iop_assistant.screening_rules"})],
)
def test_screening_modules_import_only_the_standard_library(module, own) -> None:
    tree = ast.parse(Path(module.__file__).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            name = node.module or ""
            imported.add(name if name in own else name.split(".")[0])
    assert imported <= ALLOWED_IMPORTS | own, imported - ALLOWED_IMPORTS - own


def test_importing_the_screening_modules_loads_no_rasa() -> None:
    code = (
        "import sys, iop_assistant.screening_rules, iop_assistant.screening_answers; "
        "print([m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=TRIAGE_SOURCE.parents[1],
    )
    assert out.stdout.strip() == "[]"


def test_module_says_it_is_not_a_diagnosis_and_gives_no_dosing_advice() -> None:
    doc = (screening_rules.__doc__ or "").lower()
    assert "not a diagnosis" in doc and "clinician decides" in doc
    assert "no dosing" in doc
    source = TRIAGE_SOURCE.read_text().lower()
    code_only = source.replace(screening_rules.__doc__.lower(), "")
    for word in ("taper", " mg", "dose "):
        assert word not in code_only, word


@pytest.mark.parametrize(
    "text,drinks",
    [
        ("one glass of wine", 1.0),
        ("a glass of wine or two", 2.0),
        ("2-3 beers", 3.0),
        ("a bottle of wine", 5.0),
        ("a fifth of vodka", 17.0),
        ("about a pint", 8.5),  # a bare pint: a pint of liquor (the safer reading)
        ("a pint of beer", 1.0),
        ("a six pack", 6.0),
        ("10+ beers", 10.0),
        ("a lot", None),
    ],
)
def test_parse_drinks(text: str, drinks: float | None) -> None:
    assert screening_answers.parse_drinks(text) == drinks


@pytest.mark.parametrize(
    "drinks,extra,outcome",
    [
        (1.0, {}, Outcome.IOP_MAY_FIT),  # one glass of wine a night: never detox first
        (1.0, {"age_65_plus": True}, Outcome.HELPLINE),
        (5.0, {}, Outcome.HELPLINE),  # a person weighs 3-7 drinks with nothing else
        (5.0, {"blackouts": True}, Outcome.DETOX_FIRST),
        (5.0, {"past_withdrawals": 3}, Outcome.DETOX_FIRST),
        (5.0, {"serious_medical": True}, Outcome.DETOX_FIRST),
        (10.0, {}, Outcome.DETOX_FIRST),
        (None, {}, Outcome.DETOX_FIRST),
    ],
)
def test_daily_drinking_amount_and_risk_factors(drinks, extra, outcome) -> None:
    """Issue 13 item 8 (ASAM 2020 / PAWSS risk factors)."""
    given = answers("alcohol", "daily", "today", "none", drinks_per_day=drinks, **extra)
    assert decide(given).outcome is outcome


def test_pregnancy_with_opioids_goes_to_the_help_line_even_over_detox_first() -> None:
    given = answers("opioid", "daily", "today", "sweats", pregnant=True)
    decision = decide(given)
    assert decision.outcome is Outcome.HELPLINE and decision.reasons[0] == "pregnant_opioid_use"
    assert screening_rules.safety_notes(given, decision)[0] == "pregnant_opioid"
    stimulant = decide(answers("stimulant", "weekly", "days", "none", pregnant=True))
    assert stimulant.outcome is Outcome.HELPLINE


# --------------------------------------------------------------------------- Spanish answers
# (issue 18): the same parsers read Spanish; accents are folded ("sí" is "si").


@pytest.mark.parametrize(
    "text,expected",
    [
        ("sí", True),
        ("Si", True),
        ("claro", True),
        ("sip, claro", True),
        ("por supuesto", True),
        ("no", False),
        ("nop", False),
        ("nunca", False),
        ("para nada", False),
        ("ya no", False),
        ("tal vez", None),
        ("no sé", None),
        ("quizás", None),
    ],
)
def test_parse_yes_no_in_spanish(text: str, expected: bool | None) -> None:
    assert parse_yes_no(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("todos los días", "daily"),
        ("Todos los dias", "daily"),
        ("diario", "daily"),
        ("todas las noches", "daily"),
        ("casi todos los días", "most_days"),
        ("3 o 4 días a la semana", "most_days"),
        ("cada fin de semana", "weekly"),
        ("los fines de semana", "weekly"),
        ("dos veces por semana", "weekly"),
        ("una vez al mes", "less"),
        ("de vez en cuando", "less"),
        ("no todos los días", None),
    ],
)
def test_parse_frequency_in_spanish(text: str, expected: str | None) -> None:
    assert parse_frequency(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("hoy", "today"),
        ("anoche", "today"),
        ("esta mañana", "today"),
        ("ayer", "days"),
        ("hace 2 dias", "days"),
        ("hace dos días", "days"),
        ("hace unos días", "days"),
        ("hace tres semanas", "weeks"),
        ("la semana pasada", "weeks"),
        ("hace 2 meses", "months"),
        ("el año pasado", "months"),
        ("hace mucho", "months"),
        ("llevo 2 semanas sin tomar", "weeks"),
        ("tomo desde hace 10 años", None),  # how long, not how recent
        ("tomo desde hace 10 años, la última vez ayer", "days"),
    ],
)
def test_parse_last_use_in_spanish(text: str, expected: str | None) -> None:
    assert parse_last_use(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("temblores", {"shakes"}),
        ("tiemblo y sudo mucho", {"shakes", "sweats"}),
        ("sudor y ansiedad", {"sweats", "anxiety"}),
        ("vómito", {"nausea"}),
        ("no puedo dormir", {"insomnia"}),
        ("el corazón acelerado", {"racing_heart"}),
        ("no tengo temblores, solo ansiedad", {"anxiety"}),
        ("sin temblores", {"none"}),
        ("nada", {"none"}),
        ("ninguno", {"none"}),
    ],
)
def test_parse_symptoms_in_spanish(text: str, expected: set) -> None:
    assert parse_symptoms(text) == expected


@pytest.mark.parametrize(
    "text,now,unclear,past",
    [
        ("convulsiones", set(), {"seizure"}, set()),
        ("alucinaciones", set(), {"hallucinations"}, set()),
        ("está convulsionando ahora", {"seizure"}, set(), set()),
        ("le duele el pecho", {"chest_pain"}, set(), set()),
        ("no puede respirar", {"trouble_breathing"}, set(), set()),
        ("tuve una convulsión hace 2 años", set(), set(), {"seizure"}),
        ("no tiene convulsiones", set(), set(), set()),
        ("casi me da una convulsión", set(), set(), {"seizure"}),
    ],
)
def test_read_emergency_in_spanish(text: str, now: set, unclear: set, past: set) -> None:
    reading = screening_answers.read_emergency(text)
    assert (reading.now, reading.unclear, reading.past) == (now, unclear, past)


@pytest.mark.parametrize(
    "text,drinks",
    [
        ("una botella", 5.0),
        ("una botella de tequila", 17.0),
        ("media botella de tequila", 8.5),
        ("un six", 6.0),
        ("12 cervezas", 12.0),
        ("dos o tres cervezas", 3.0),
        ("unas 6 chelas", 6.0),
        ("una caguama", 3.0),
        ("como 5", 5.0),
        ("mucho", None),
        ("six beers", 6.0),  # English as before: a number, not a six-pack
    ],
)
def test_parse_drinks_in_spanish(text: str, drinks: float | None) -> None:
    assert screening_answers.parse_drinks(text) == drinks


def test_risk_answers_in_spanish() -> None:
    assert screening_answers.parse_age_65_plus("tengo 67") is True
    assert screening_answers.parse_age_65_plus("tengo 40 años") is False
    assert screening_answers.parse_age_65_plus("más de 65") is True
    assert screening_answers.parse_sometimes_yes("a veces") is True
    assert screening_answers.parse_sometimes_yes("nunca") is False
    assert screening_answers.parse_pregnant("puede ser") is True
    assert screening_answers.parse_pregnant("no aplica, es hombre") is False
    assert screening_answers.parse_withdrawal_count("dos veces") == 2
    assert screening_answers.parse_withdrawal_count("una vez") == 1
    assert screening_answers.parse_withdrawal_count("muchas veces") == 3
    assert screening_answers.parse_withdrawal_count("nunca") == 0


def test_spanish_answers_feed_decide() -> None:
    answers = ScreeningAnswers(
        substances={"alcohol"},
        frequency=parse_frequency("todos los días"),
        last_use=parse_last_use("anoche"),
        withdrawal_symptoms=parse_symptoms("temblores y sudor"),
    )
    assert decide(answers).outcome is Outcome.DETOX_FIRST


@pytest.mark.parametrize(
    "text", ["every day", "last night", "shaking but no seizures", "a fifth of vodka", "yes"]
)
def test_english_reads_the_same_after_folding(text: str) -> None:
    assert screening_answers._norm(text) == " ".join(
        re.sub(r"[^a-z0-9/+\- ]", " ", text.lower().replace("'", "")).split()
    )


# v12 (round 18): "last nite" was no answer, so every later answer shifted by one question;
# "sick if he misses a day" was read as "a day ago"
@pytest.mark.parametrize(
    "text, expected",
    [
        ("last nite", "today"),
        ("lastnight", "today"),
        ("this mornin", "today"),
        ("sat night i think", None),  # a weekday is left to the question asked again
        ("yesterday", "days"),
        ("yday", "days"),
        ("he gets really shaky n sick if he misses a day", None),
        ("a day ago", "days"),
    ],
)
def test_last_use_in_texted_words(text, expected):
    from iop_assistant.screening_answers import parse_last_use

    assert parse_last_use(text) == expected
