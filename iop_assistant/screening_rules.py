"""Detox-first screening rules: does medically supervised withdrawal care come before IOP?

The decision only: what the person's words mean as answers is
:mod:`iop_assistant.screening_answers`.

This is not a diagnosis and not a medical assessment: the intake clinician decides
the level of care (ASAM Criteria, dimension 1: acute intoxication and/or withdrawal
potential). The rules only pick which reply and next step the assistant offers after
a short screening: call 911 now, talk to the help line about detox first, book an
assessment for IOP, or simply talk to the help line.

Why the rules look the way they do (sources and the full table: docs/triage.md):

* Our IOP offers no detox, and it is meant for people who are medically stable.
* Alcohol, benzodiazepine and other sedative-hypnotic withdrawal can cause
  seizures and delirium tremens and can kill, so daily use of any of them is
  treated as "detox may come first" even before symptoms show. Opioid withdrawal
  needs support but is rarely fatal.
* Recent higher care counts only when it ended in the last 30 days and there has
  been no use since; otherwise the usual rules decide.
* A medicine taken as prescribed (methadone or buprenorphine maintenance, a
  prescribed benzodiazepine) is never a reason for detox first: the help line
  talks it through, and nobody is told to stop it. The exception is a daily
  prescribed benzodiazepine or sedative that has already stopped (last use days
  ago: ran out, a doctor retired) with withdrawal now: abrupt discontinuation,
  so detox first.
* Past withdrawal seizures, delirium tremens or a complicated withdrawal are the
  strongest predictors of another complicated withdrawal (ASAM 2020, PAWSS).
* When the answers are too few or conflict, the outcome is the help line, never
  "IOP may fit".

The module returns outcomes and machine-readable reasons only. It never produces
advice text, and in particular no dosing, tapering or medication advice: the
wording lives in the Rasa domain. It imports only the standard library so it can
be tested and reviewed on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import AbstractSet, Iterable, List, Set, Tuple

# --------------------------------------------------------------------------- vocabulary

SUBSTANCES: Tuple[str, ...] = (
    "alcohol",
    "benzodiazepine",
    "sedative",
    "opioid",
    "stimulant",
    "cannabis",
    "other",
)
FREQUENCIES: Tuple[str, ...] = ("daily", "most_days", "weekly", "less")
LAST_USE: Tuple[str, ...] = ("today", "days", "weeks", "months")
WITHDRAWAL_SYMPTOMS: Tuple[str, ...] = (
    "shakes",
    "sweats",
    "nausea",
    "anxiety",
    "insomnia",
    "racing_heart",
)
NO_SYMPTOMS = "none"
EMERGENCY_SYMPTOMS: Tuple[str, ...] = (
    "seizure",
    "hallucinations",
    "confusion",
    "chest_pain",
    "trouble_breathing",
)

# Stopping these suddenly can cause seizures or delirium tremens. "sedative" is the
# other sedative-hypnotics: GHB/GBL, barbiturates, carisoprodol, z-drugs,
# pregabalin/gabapentin misuse, phenibut (ASAM 2020 names barbiturates; TIP 45).
SEDATIVES = frozenset({"alcohol", "benzodiazepine", "sedative"})
# The substances whose withdrawal is commonly managed medically before IOP.
WITHDRAWAL_RISK = SEDATIVES | {"opioid"}
# Withdrawal is unpleasant but not medically dangerous; no detox is usually needed.
LOW_RISK = frozenset({"stimulant", "cannabis"})
# Can be taken as prescribed: methadone/buprenorphine, benzodiazepines, z-drugs.
PRESCRIBABLE = frozenset({"opioid", "benzodiazepine", "sedative"})
# Withdrawal can start one to three weeks after stopping (long-acting benzodiazepines).
LATE_ONSET = frozenset({"benzodiazepine"})

HEAVY = ("daily", "most_days")
INFREQUENT = ("weekly", "less")
IN_WINDOW = ("today", "days")  # within the acute withdrawal window (about a week)

_FREQ_LABEL = {"daily": "daily", "most_days": "near_daily"}


class Outcome(str, Enum):
    """What the assistant does next; the string values are stable slot values."""

    EMERGENCY = "emergency"
    DETOX_FIRST = "detox_first"
    IOP_MAY_FIT = "iop_may_fit"
    HELPLINE = "helpline"


@dataclass
class ScreeningAnswers:
    """What the person told the screening form; None always means "not known".

    Sets may be any iterable of the vocabulary above. ``substances=set()`` means
    "uses none of these now", unlike None ("not asked / not answered").
    ``withdrawal_symptoms`` of ``set()`` or ``{"none"}`` means "no symptoms".
    ``for_self`` only changes wording ("you" or "they"), never the outcome.
    ``recent_higher_care`` means care that ended in the last 30 days; it only
    overrides the rules when ``used_since_care`` is an explicit False.
    ``prescribed`` holds the categories taken as prescribed (methadone or
    buprenorphine maintenance is "opioid"); ``set()`` means none prescribed.
    The risk factors (ASAM 2020 alcohol withdrawal guideline, PAWSS) are asked only
    when they can change the outcome: ``drinks_per_day`` (standard drinks),
    ``pregnant`` (True also for "could be"), ``age_65_plus``, ``serious_medical``
    (serious illness or a head injury), ``blackouts`` and ``past_withdrawals``
    (how many times withdrawal has happened before).
    """

    for_self: bool | None = None
    substances: AbstractSet[str] | None = None
    frequency: str | None = None
    last_use: str | None = None
    withdrawal_symptoms: AbstractSet[str] | None = None
    emergency_symptoms_now: AbstractSet[str] | None = None
    past_complicated_withdrawal: bool | None = None
    recent_higher_care: bool | None = None
    used_since_care: bool | None = None
    prescribed: AbstractSet[str] | None = None
    drinks_per_day: float | None = None
    pregnant: bool | None = None
    age_65_plus: bool | None = None
    serious_medical: bool | None = None
    blackouts: bool | None = None
    past_withdrawals: int | None = None
    declined: bool = False


@dataclass(frozen=True)
class Decision:
    """The outcome plus short machine-readable reasons, most important first."""

    outcome: Outcome
    reasons: Tuple[str, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- normalising


def _one_of(value: str | None, allowed: Tuple[str, ...]) -> str | None:
    """An unrecognised value is treated as unknown rather than guessed at."""
    return value if value in allowed else None


def _substances(raw: Iterable[str] | None) -> Set[str] | None:
    """Unlisted substance names count as "other" so they are never dropped."""
    if raw is None:
        return None
    return {s if s in SUBSTANCES else "other" for s in raw}


def _has_symptoms(raw: Iterable[str] | None) -> bool | None:
    """True/False when answered, None when unknown; any unlisted entry counts as a symptom."""
    if raw is None:
        return None
    return any(s != NO_SYMPTOMS for s in raw)


@dataclass(frozen=True)
class _Facts:
    """The answers after normalising, so each rule reads one clear fact."""

    substances: Set[str] | None
    frequency: str | None
    last_use: str | None
    symptoms: bool | None
    past_complicated: bool
    recent_higher_care: bool
    used_since_care: bool | None
    prescribed: Set[str]
    drinks_per_day: float | None
    pregnant: bool
    risk_factors: Tuple[str, ...]


def _prescribed(a: ScreeningAnswers) -> Set[str]:
    """Prescribed categories that were also named (an unnamed substance stays unknown)."""
    given = set(a.prescribed or ()) & PRESCRIBABLE
    if a.substances is None:
        return given
    return given & set(a.substances)


def _facts(a: ScreeningAnswers) -> _Facts:
    return _Facts(
        substances=_substances(a.substances),
        frequency=_one_of(a.frequency, FREQUENCIES),
        last_use=_one_of(a.last_use, LAST_USE),
        symptoms=_has_symptoms(a.withdrawal_symptoms),
        past_complicated=a.past_complicated_withdrawal is True,
        recent_higher_care=a.recent_higher_care is True,
        used_since_care=a.used_since_care,
        prescribed=_prescribed(a),
        drinks_per_day=a.drinks_per_day,
        pregnant=a.pregnant is True,
        risk_factors=_risk_factors(a),
    )


# Two or more past withdrawals: each one makes the next more severe ("kindling", PAWSS).
REPEATED_WITHDRAWALS = 2
# Standard drinks a day: at or below LOW, withdrawal needing medical care is unlikely;
# at or above HEAVY_DRINKS (about a pint of liquor), daily drinking without symptoms is
# treated as needing detox first; in between, with no symptoms, no past complicated
# withdrawal and no risk factor (a low PAWSS score), a person at the help line decides.
LOW_DRINKS = 2
HEAVY_DRINKS = 8


def _risk_factors(a: ScreeningAnswers) -> Tuple[str, ...]:
    """Risk factors for a complicated sedative withdrawal (ASAM 2020, PAWSS), in order."""
    found = [
        ("age_65_plus", a.age_65_plus),
        ("pregnant", a.pregnant),
        ("serious_medical_illness_or_head_injury", a.serious_medical),
        ("blackouts", a.blackouts and "alcohol" in set(a.substances or ())),
        (
            "repeated_past_withdrawals",
            a.past_withdrawals is not None and a.past_withdrawals >= REPEATED_WITHDRAWALS,
        ),
    ]
    return tuple(name for name, present in found if present)


def _ordered(substances: Iterable[str]) -> List[str]:
    """Fixed order keeps reasons deterministic."""
    present = set(substances)
    return [s for s in SUBSTANCES if s in present]


# --------------------------------------------------------------------------- rules

_DETOX, _UNSURE, _FITS = "detox", "unsure", "fits"


def _risky(f: _Facts) -> Set[str]:
    """Named substances whose withdrawal may need care (prescribed medicines excluded)."""
    return (f.substances or set()) & ((WITHDRAWAL_RISK | {"other"}) - f.prescribed)


def _current_withdrawal(f: _Facts) -> List[str]:
    """Heavy use with symptoms now, within the withdrawal window; an unnamed substance counts."""
    if f.frequency not in HEAVY or not f.symptoms or f.last_use not in IN_WINDOW + (None,):
        return []
    risky = ["substance"] if f.substances is None else _ordered(_risky(f))
    return [f"{_FREQ_LABEL[f.frequency]}_{s}_with_withdrawal" for s in risky]


def _substance_signal(s: str, f: _Facts) -> Tuple[str, str]:
    """Judge one substance (ASAM dimension 1 proxy): detox, unsure or fits, with a reason."""
    if s in LOW_RISK:
        return _FITS, "low_withdrawal_risk_substance"
    if s in f.prescribed:
        if s in SEDATIVES and f.frequency in HEAVY and f.last_use == "days" and f.symptoms:
            # a prescribed benzodiazepine or sedative stopped days ago (ran out, a doctor
            # retired) with withdrawal now: abrupt discontinuation, seizure risk (persona p33)
            return _DETOX, f"prescribed_{s}_stopped_with_withdrawal"
        return _UNSURE, f"prescribed_{s}"
    if f.frequency in INFREQUENT:
        if f.symptoms and f.last_use != "weeks":
            return _UNSURE, f"{s}_withdrawal_with_infrequent_use"
        return _FITS, "infrequent_use"
    if f.last_use == "weeks":
        if f.symptoms:
            return _UNSURE, f"{s}_withdrawal_weeks_after_last_use"
        if s in LATE_ONSET:
            return _UNSURE, f"{s}_stopped_weeks_ago_late_withdrawal_possible"
        return _FITS, "no_use_in_past_week"
    if f.frequency is None:
        return _UNSURE, f"{s}_frequency_unknown"
    label = _FREQ_LABEL[f.frequency]
    if s == "other":
        return _UNSURE, f"{label}_other_substance"
    if s == "alcohol" and f.drinks_per_day is not None and f.drinks_per_day <= LOW_DRINKS:
        return _low_amount_alcohol(label, f)
    if f.symptoms:
        return _DETOX, f"{label}_{s}_with_withdrawal"
    in_window = f.last_use in IN_WINDOW
    if s in SEDATIVES and in_window and f.risk_factors:
        return _DETOX, f"{label}_{s}_with_risk_factors"
    if s == "alcohol" and f.drinks_per_day is not None and f.drinks_per_day < HEAVY_DRINKS:
        return _UNSURE, f"{label}_alcohol_moderate_amount"
    if s in SEDATIVES and f.frequency == "daily" and in_window:
        return _DETOX, f"daily_{s}_recent_use"
    return _UNSURE, f"{label}_{s}_no_reported_withdrawal"


def _low_amount_alcohol(label: str, f: _Facts) -> Tuple[str, str]:
    """One or two drinks a day rarely need detox; symptoms or a risk factor go to a person."""
    if f.symptoms:
        return _UNSURE, f"{label}_alcohol_low_amount_with_symptoms"
    if f.risk_factors and f.last_use in IN_WINDOW:
        return _UNSURE, f"{label}_alcohol_low_amount_with_risk_factors"
    return _FITS, f"{label}_alcohol_low_amount"


def _mixed_sedatives(f: _Facts) -> List[Tuple[str, str]]:
    """Two sedatives on most days, prescribed or not: a listed risk factor (ASAM 2020, PAWSS)."""
    subs = f.substances or set()
    if len(subs & SEDATIVES) < 2 or f.frequency not in HEAVY or f.last_use not in IN_WINDOW:
        return []
    if {"alcohol", "benzodiazepine"} <= subs:
        return [(_DETOX, "alcohol_with_benzodiazepine")]
    return [(_DETOX, "combined_sedatives")]


def _past_complicated(f: _Facts) -> List[Tuple[str, str]]:
    """History of seizures/DTs counts while use is recent or unknown (PAWSS 30-day threshold)."""
    if not f.past_complicated or f.last_use not in IN_WINDOW + (None,):
        return []
    if f.substances is not None and not _risky(f):
        return []
    if f.frequency in INFREQUENT:
        return [(_UNSURE, "past_complicated_withdrawal_infrequent_use")]
    return [(_DETOX, "past_complicated_withdrawal")]


def _signals(f: _Facts) -> List[Tuple[str, str]]:
    """All signals from the answers, before choosing the strongest."""
    if f.substances is None:
        per_substance = [(_UNSURE, "substances_unknown")]
    else:
        per_substance = [_substance_signal(s, f) for s in _ordered(f.substances)]
    return per_substance + _mixed_sedatives(f) + _past_complicated(f)


def _strongest(signals: List[Tuple[str, str]], history: bool) -> Decision:
    """Detox beats unsure beats fits: any doubt goes to the help line, never to "fits"."""
    for level, outcome in ((_DETOX, Outcome.DETOX_FIRST), (_UNSURE, Outcome.HELPLINE)):
        reasons = _unique(r for lvl, r in signals if lvl == level)
        if reasons:
            return Decision(outcome, reasons)
    return _fits(_unique(r for _, r in signals), history)


def _fits(reasons: Tuple[str, ...], history: bool) -> Decision:
    """IOP may fit; a past complicated withdrawal is passed on for the clinician."""
    extra = ("past_complicated_withdrawal_history",) if history else ()
    return Decision(Outcome.IOP_MAY_FIT, reasons + extra)


def _unique(reasons: Iterable[str]) -> Tuple[str, ...]:
    return tuple(dict.fromkeys(reasons))


def _using_now(f: _Facts) -> bool:
    """Some use named and not only over a month ago."""
    return bool(f.substances) and f.last_use != "months"


def _pregnancy(f: _Facts, decision: Decision) -> Decision:
    """Pregnancy with opioid use: the help line promptly (medication treatment, not detox,
    is the usual standard: ACOG, SAMHSA); with other use, never "IOP may fit" alone."""
    if not f.pregnant or not f.substances:
        return decision
    if "opioid" in f.substances:
        return Decision(Outcome.HELPLINE, ("pregnant_opioid_use", *decision.reasons))
    if decision.outcome is Outcome.IOP_MAY_FIT and _using_now(f):
        return Decision(Outcome.HELPLINE, ("pregnant", *decision.reasons))
    return decision


def _assess(f: _Facts) -> Decision:
    """The decision apart from emergencies and declining (see docs/triage.md)."""
    decision = _pregnancy(f, _assess_use(f))
    if decision.outcome is Outcome.IOP_MAY_FIT and f.prescribed:
        # Never "IOP may fit" past a prescribed medicine: the help line talks it through.
        prescribed = tuple(f"prescribed_{s}" for s in _ordered(f.prescribed))
        return Decision(Outcome.HELPLINE, prescribed + decision.reasons)
    return decision


def _assess_use(f: _Facts) -> Decision:
    if f.recent_higher_care:
        current = _current_withdrawal(f)
        if current and f.used_since_care is False and f.last_use != "today":
            # "my husband got home yesterday from a 5 day detox... still shaky" (family
            # role-play round 23: "detox before IOP looks like the safer path" four times to a
            # wife whose husband had just finished it): symptoms after detox with no use since
            # are for the detox team or a doctor to check today, not "detox first" again
            # (use "today" contradicts "no use since": detox first, as for use since)
            return Decision(Outcome.HELPLINE, (AFTER_DETOX_SYMPTOMS, *current))
        if current:
            return Decision(
                Outcome.DETOX_FIRST, ("recent_higher_care_with_current_withdrawal", *current)
            )
        if f.used_since_care is False:
            return _fits(("recent_higher_care_no_use_since",), f.past_complicated)
    if f.last_use == "months":
        return _fits(("no_use_in_over_a_month",), f.past_complicated)
    if f.substances is not None and not f.substances:
        if f.symptoms or f.frequency in HEAVY:
            return Decision(Outcome.HELPLINE, ("answers_conflict",))
        return _fits(("no_current_use",), f.past_complicated)
    return _strongest(_signals(f), f.past_complicated)


def decide(answers: ScreeningAnswers) -> Decision:
    """Map screening answers to an outcome; emergencies first, then declining, then rules."""
    # Anything but an explicit "none" counts: a false alarm is cheaper than a miss.
    emergency = set(answers.emergency_symptoms_now or ()) - {NO_SYMPTOMS}
    if emergency:
        known = [e for e in EMERGENCY_SYMPTOMS if e in emergency]
        unknown = sorted(emergency - set(EMERGENCY_SYMPTOMS))
        return Decision(Outcome.EMERGENCY, tuple(f"emergency_{e}" for e in known + unknown))
    decision = _assess(_facts(answers))
    if answers.declined:
        # Keep detox signals already given so the reply can still warn about stopping.
        kept = decision.reasons if decision.outcome is Outcome.DETOX_FIRST else ()
        return Decision(Outcome.HELPLINE, ("declined", *kept))
    return decision


AFTER_DETOX_SYMPTOMS = "recent_higher_care_symptoms_with_no_use_since"

# Safety points a reply must carry (keys only; the wording lives in the domain).
NOTE_WITHDRAWAL_NOW = "withdrawal_now"  # "call today; 911 if it gets worse"
NOTE_PRESCRIBED = "prescribed"  # "never stop a prescribed medicine on your own"
NOTE_SEDATIVES = "sedatives_named"  # "don't stop alcohol or benzodiazepines suddenly"
NOTE_PREGNANT_OPIOID = "pregnant_opioid"  # "medication treatment, not detox, is the usual care"
NOTE_OPIOIDS = "opioids_named"  # "lower tolerance after a break, overdose, naloxone"
NOTE_AFTER_DETOX = "after_detox_symptoms"  # "have it checked today; 911 if it gets worse"


def safety_notes(answers: ScreeningAnswers, decision: Decision) -> Tuple[str, ...]:
    """The safety points the reply for ``decision`` must carry, most important first."""
    if decision.outcome is Outcome.EMERGENCY:
        return ()
    notes = []
    if AFTER_DETOX_SYMPTOMS in decision.reasons:
        notes.append(NOTE_AFTER_DETOX)
    if "pregnant_opioid_use" in decision.reasons:
        notes.append(NOTE_PREGNANT_OPIOID)
    if decision.outcome is Outcome.DETOX_FIRST and (
        any(r.endswith("_with_withdrawal") for r in decision.reasons) or _withdrawal_now(answers)
    ):
        notes.append(NOTE_WITHDRAWAL_NOW)
    if _prescribed(answers):
        notes.append(NOTE_PRESCRIBED)
    if set(answers.substances or ()) & SEDATIVES:
        notes.append(NOTE_SEDATIVES)
    if "opioid" in set(answers.substances or ()):
        notes.append(NOTE_OPIOIDS)
    return tuple(notes)


def _withdrawal_now(answers: ScreeningAnswers) -> bool:
    """Symptoms told and use within the withdrawal window (or not known): whatever the
    reason for detox first, the reply says to call today and 911 if it gets worse. A
    past seizure with shakes now needs that note however little is drunk (v8: the form
    asked how many drinks only to choose this note)."""
    return bool(_has_symptoms(answers.withdrawal_symptoms)) and answers.last_use in (
        *IN_WINDOW,
        None,
    )


def answer_matters(answers: ScreeningAnswers, name: str, values: Iterable[object]) -> bool:
    """True when the answer to question ``name`` could change the outcome or its safety
    points, given what is already known: the form asks nothing it does not need."""
    seen = set()
    for value in values:
        trial = replace(answers, **{name: value})
        decision = decide(trial)
        seen.add((decision.outcome, safety_notes(trial, decision)))
    return len(seen) > 1
