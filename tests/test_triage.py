"""Decision table and parser tests for the detox-first screening (iop_assistant.triage).

The table below is the executable form of docs/triage.md: when a rule changes, both
change together.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Tuple

import pytest

from iop_assistant import triage
from iop_assistant.triage import (
    Decision,
    Outcome,
    ScreeningAnswers,
    decide,
    parse_emergency,
    parse_frequency,
    parse_last_use,
    parse_symptoms,
    parse_yes_no,
)

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
RHC: Dict[str, Any] = {"recent_higher_care": True}

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
        "recent_care_overrides_pcw_daily_alcohol",
        answers("alcohol", "daily", "today", "none", **PCW, **RHC),
        F,
        ("recent_higher_care", "past_complicated_withdrawal_history"),
    ),
    ("recent_care_only", answers(**RHC), F, ("recent_higher_care",)),
    (
        "recent_care_daily_opioid_no_symptoms",
        answers("opioid", "daily", "today", "none", **RHC),
        F,
        ("recent_higher_care",),
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
    (
        "recent_care_but_in_withdrawal_now",
        answers("alcohol", "daily", "today", "shakes", **RHC),
        H,
        ("recent_higher_care_with_current_withdrawal", "daily_alcohol_with_withdrawal"),
    ),
    (
        "recent_care_unnamed_substance_withdrawal",
        answers(None, "most_days", "days", "sweats", **RHC),
        H,
        ("recent_higher_care_with_current_withdrawal", "near_daily_substance_with_withdrawal"),
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
    assert set(triage.SUBSTANCES) <= covered


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
        ("no shakes but sweating", {"shakes", "sweats"}),
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
        ("no chest pain", {"chest_pain"}),
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

TRIAGE_SOURCE = Path(triage.__file__)
ALLOWED_IMPORTS = {"__future__", "dataclasses", "enum", "typing", "re"}


def test_triage_imports_only_the_standard_library() -> None:
    tree = ast.parse(TRIAGE_SOURCE.read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= ALLOWED_IMPORTS, imported - ALLOWED_IMPORTS


def test_importing_triage_loads_no_rasa() -> None:
    code = (
        "import sys, iop_assistant.triage; "
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
    doc = (triage.__doc__ or "").lower()
    assert "not a diagnosis" in doc and "clinician decides" in doc
    assert "no dosing" in doc
    source = TRIAGE_SOURCE.read_text().lower()
    code_only = source.replace(triage.__doc__.lower(), "")
    for word in ("taper", " mg", "dose "):
        assert word not in code_only, word
