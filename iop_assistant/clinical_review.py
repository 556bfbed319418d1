"""docs/clinical-review.md: every screening rule and clinically relevant reply, for sign-off.

Generated from the code (``screening_rules`` reasons, below) and the domain (every variation of
the replies listed in ``RESPONSES``), so the page never drifts: a test fails when
the checked-in page differs from what this module writes. Sign-offs live in
``docs/clinical-review-signoff.yml`` (row id -> fingerprint, date, reviewer); a row
whose text or rule changed after its sign-off shows as changed, not as reviewed.

    python -m iop_assistant.clinical_review          # rewrite the page
    python -m iop_assistant.clinical_review --check  # exit 1 if it is out of date
"""

from __future__ import annotations

import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Tuple

from iop_assistant import domain_files, screening_rules, yaml_io

REPO_ROOT = Path(__file__).resolve().parents[1]
PAGE = REPO_ROOT / "docs" / "clinical-review.md"
SIGNOFF = REPO_ROOT / "docs" / "clinical-review-signoff.yml"

SOURCES = {
    "article": "Program article (shared/seeds/000_72f7cbbf11a5209c.txt)",
    "asam": "ASAM Criteria, dimension 1 (withdrawal potential)",
    "asam2020": "ASAM 2020 alcohol withdrawal guideline (risk factors)",
    "pawss": "PAWSS (Maldonado 2014): 30-day threshold, self-report items",
    "benzo2025": "Joint benzodiazepine tapering guideline (2025)",
    "tip45": "SAMHSA TIP 45 (withdrawal by substance class)",
    "crisis": "references.md: crisis resources (911, 988, naloxone, Good Samaritan)",
    "refs": "references.md: withdrawal risk",
    "nida": "NIDA: words matter",
    "dvhotline": "National Domestic Violence Hotline (thehotline.org): 24/7, call or text START "
    "to 88788",
    "dea_onepill": "DEA, One Pill Can Kill (dea.gov/onepill): fake pills made to look like "
    "oxycodone ('M30'), Xanax and Adderall are sold on the street and often contain fentanyl",
    "samhsa_od": "SAMHSA Overdose Prevention Toolkit: signs (can't be woken, slow breathing, "
    "gurgling or snoring sounds), rescue breathing, recovery position, "
    "naloxone can wear off before the opioid does, lost tolerance after a break; naloxone "
    "works in 2 to 3 minutes, another spray if breathing doesn't improve",
    "fda_naloxone": "FDA (2023): naloxone nasal spray approved for sale without a prescription",
    "988es": "988 Lifeline in Spanish (988lineadevida.org): call 988 and press 2, text AYUDA "
    "to 988, chat at 988lineadevida.org",
    "samhsa_helpline": "SAMHSA National Helpline 1-800-662-4357: free, confidential, every day at "
    "any hour, English and Spanish; referrals, not counselling (references.md)",
    "policy": "Project safety policy (docs/triage.md: when unsure, the help line)",
    "pregnancy": "ACOG Committee Opinion 711 and SAMHSA (2018): opioid use in pregnancy",
    "niaaa": "NIAAA: what counts as a standard drink",
    "cdc_seizure": "CDC, Seizure first aid: don't hold the person down or put anything in "
    "their mouth, move hard objects away, turn them onto their side once it stops, 911 for a "
    "seizure in withdrawal or after drugs",
    "poison_centers": "America's Poison Centers: don't make someone throw up; call 911 for "
    "someone hard to wake or not breathing; calls are free and confidential (a medical service)",
    "fda_opioid_stop": "FDA Drug Safety Communication (2019): opioid pain medicines should not "
    "be stopped suddenly in someone physically dependent; talk with the prescriber",
    "fcc_text911": "FCC, Text to 911: call if you can, text if you can't; where text-to-911 is "
    "not available, a bounce-back message says so",
    "means_safety": "988 Lifeline and the Stanley-Brown Safety Plan: making the environment "
    "safe (pills and firearms out of reach, held by someone trusted or locked away) while "
    "suicidal thoughts are strong",
    "988_family": "988 Lifeline: anyone can call or text for a loved one in crisis; 911 or "
    "the emergency room when someone's life or safety is at risk now",
    "cfr2_child_abuse": "42 CFR 2.12(c)(6): Part 2 does not restrict reporting suspected child "
    "abuse and neglect under state law",
    "cdc_co": "CDC, carbon monoxide poisoning: get into fresh air right away and call 911; "
    "don't stay in a closed space with a running engine",
    "family_groups": "Al-Anon (al-anon.org), Nar-Anon (nar-anon.org) and SMART Recovery Family & "
    "Friends: free mutual-help groups for families and friends, in person and online",
    "be_fast": "AHA/ASA stroke warning signs (BE FAST): call 911 right away rather than drive; "
    "EMS can start care on the way and take the person to the right hospital",
}


@dataclass(frozen=True)
class Rule:
    """One reason ``screening_rules.decide`` can give: what it means and why."""

    reason: str  # pattern: <s> a substance, <freq> daily|near_daily, <sym> an emergency symptom
    decision: str
    rule: str
    sources: Tuple[str, ...]


RULES: Tuple[Rule, ...] = (
    Rule(
        "emergency_<sym>",
        "emergency",
        (
            "A seizure, hallucinations, confusion, chest pain or trouble breathing now: the crisis "
            "reply (911) before anything else."
        ),
        ("crisis", "asam2020"),
    ),
    Rule(
        "declined",
        "helpline",
        "The person chose not to answer: the help line; detox reasons already found are kept.",
        ("policy",),
    ),
    Rule(
        "recent_higher_care_symptoms_with_no_use_since",
        "helpline",
        (
            "Higher care ended in the last 30 days, no use since, withdrawal symptoms now: not"
            " detox first again; have them checked today (the detox program or a doctor), 911"
            " for a seizure, confusion or hallucinations; IOP often comes next (family role-play"
            " round 23)."
        ),
        ("article", "asam"),
    ),
    Rule(
        "recent_higher_care_with_current_withdrawal",
        "detox_first",
        (
            "Higher care ended in the last 30 days, but heavy use with withdrawal symptoms now:"
            " detox first, call today, 911 if it gets worse."
        ),
        ("article", "asam"),
    ),
    Rule(
        "recent_higher_care_no_use_since",
        "iop_may_fit",
        (
            "Detox, residential or partial hospitalization ended in the last 30 days and no use "
            "since: IOP may fit (the article's first group)."
        ),
        ("article", "pawss"),
    ),
    Rule(
        "no_use_in_over_a_month",
        "iop_may_fit",
        "No use for over a month: nothing to withdraw from now.",
        ("pawss",),
    ),
    Rule(
        "answers_conflict",
        "helpline",
        "'No use' but daily use or symptoms: the help line sorts it out.",
        ("policy",),
    ),
    Rule(
        "no_current_use",
        "iop_may_fit",
        "A whole answer saying no current use ('nothing', 'I don't use').",
        ("article",),
    ),
    Rule(
        "substances_unknown",
        "helpline",
        "What is used is not known ('no idea', 'not sure what'): the help line.",
        ("policy",),
    ),
    Rule(
        "low_withdrawal_risk_substance",
        "iop_may_fit",
        "Stimulants or cannabis only: withdrawal is not usually managed with medical detox.",
        ("tip45",),
    ),
    Rule(
        "prescribed_<s>_stopped_with_withdrawal",
        "detox_first",
        (
            "A daily prescribed benzodiazepine or sedative that stopped days ago (ran out, the "
            "doctor retired) with withdrawal now: abrupt stop, seizure risk; detox first."
        ),
        ("benzo2025", "asam2020"),
    ),
    Rule(
        "prescribed_<s>",
        "helpline",
        (
            "A medicine taken as prescribed (methadone or buprenorphine maintenance, a "
            "benzodiazepine): never a reason for detox first; never stop it on your own; the help "
            "line."
        ),
        ("tip45", "benzo2025"),
    ),
    Rule(
        "<s>_withdrawal_with_infrequent_use",
        "helpline",
        "Weekly or less, but withdrawal symptoms with use in the last week.",
        ("policy",),
    ),
    Rule(
        "infrequent_use",
        "iop_may_fit",
        "Weekly or less, no symptoms: no sign of physical dependence.",
        ("asam",),
    ),
    Rule(
        "<s>_withdrawal_weeks_after_last_use",
        "helpline",
        "Symptoms 1-4 weeks after the last use (late or protracted withdrawal).",
        ("benzo2025", "tip45"),
    ),
    Rule(
        "<s>_stopped_weeks_ago_late_withdrawal_possible",
        "helpline",
        "Daily or near-daily benzodiazepines stopped 1-4 weeks ago: withdrawal can start late.",
        ("benzo2025",),
    ),
    Rule(
        "no_use_in_past_week",
        "iop_may_fit",
        "Heavy use stopped 1-4 weeks ago with no symptoms: acute withdrawal is over.",
        ("refs",),
    ),
    Rule(
        "<s>_frequency_unknown", "helpline", "How often is not known: the help line.", ("policy",)
    ),
    Rule(
        "<freq>_other_substance",
        "helpline",
        "Daily or near-daily use of a substance of unknown withdrawal risk.",
        ("policy",),
    ),
    Rule(
        "<freq>_<s>_with_withdrawal",
        "detox_first",
        (
            "Daily or near-daily alcohol, benzodiazepines, other sedatives or opioids with"
            " withdrawal symptoms: detox first."
        ),
        ("asam", "asam2020", "refs"),
    ),
    Rule(
        "daily_<s>_recent_use",
        "detox_first",
        (
            "Daily alcohol, benzodiazepines or other sedatives in the last week, even with no "
            "symptoms (seizures and DTs can come days after stopping)."
        ),
        ("refs", "asam2020", "benzo2025"),
    ),
    Rule(
        "<freq>_<s>_no_reported_withdrawal",
        "helpline",
        (
            "Near-daily sedatives or daily/near-daily opioids without reported symptoms: a"
            " clinician has to judge."
        ),
        ("policy", "refs"),
    ),
    Rule(
        "<freq>_<s>_with_risk_factors",
        "detox_first",
        (
            "Daily or near-daily alcohol, benzodiazepines or other sedatives in the last week with"
            " a risk factor: 65 or older, pregnancy, a serious illness or head injury, blackouts,"
            " or two or more past withdrawals."
        ),
        ("asam2020", "pawss"),
    ),
    Rule(
        "<freq>_alcohol_low_amount",
        "iop_may_fit",
        (
            "Daily or near-daily drinking of 1-2 standard drinks, no symptoms, no risk factor"
            " (one glass of wine a night is not a reason for detox)."
        ),
        ("asam2020", "niaaa"),
    ),
    Rule(
        "<freq>_alcohol_low_amount_with_symptoms",
        "helpline",
        "1-2 drinks a day but withdrawal-like symptoms: a clinician has to judge.",
        ("policy", "asam2020"),
    ),
    Rule(
        "<freq>_alcohol_low_amount_with_risk_factors",
        "helpline",
        "1-2 drinks a day in the last week with a risk factor (age, pregnancy, illness...).",
        ("policy", "asam2020"),
    ),
    Rule(
        "<freq>_alcohol_moderate_amount",
        "helpline",
        (
            "3-7 drinks a day without symptoms, past complicated withdrawal or risk factors"
            " (a low PAWSS score): a clinician has to judge; 8 or more (about a pint of"
            " liquor) or not known stays detox first."
        ),
        ("policy", "asam2020", "niaaa"),
    ),
    Rule(
        "pregnant_opioid_use",
        "helpline",
        (
            "Pregnant (or could be) and using opioids: the help line promptly; medication"
            " treatment, not detox, is the usual standard."
        ),
        ("pregnancy",),
    ),
    Rule(
        "pregnant",
        "helpline",
        "Pregnant (or could be) and using now: never IOP may fit alone; the help line.",
        ("pregnancy", "policy"),
    ),
    Rule(
        "alcohol_with_benzodiazepine",
        "detox_first",
        "Alcohol with benzodiazepines on most days (prescribed or not).",
        ("asam2020", "pawss"),
    ),
    Rule(
        "combined_sedatives",
        "detox_first",
        "Any two sedatives (alcohol, benzodiazepines, other sedative-hypnotics) on most days.",
        ("asam2020", "pawss"),
    ),
    Rule(
        "past_complicated_withdrawal",
        "detox_first",
        "Past withdrawal seizures, DTs or a hospital withdrawal, with use in the last week.",
        ("asam2020", "pawss"),
    ),
    Rule(
        "past_complicated_withdrawal_infrequent_use",
        "helpline",
        "Past complicated withdrawal, but use weekly or less: a clinician weighs it.",
        ("asam2020",),
    ),
    Rule(
        "past_complicated_withdrawal_history",
        "iop_may_fit",
        "Passed on with IOP may fit so the clinician sees the history.",
        ("asam2020",),
    ),
)

# Replies a clinician signs: every variation is listed (conditions included).
RESPONSES: Dict[str, Tuple[str, ...]] = {
    "utter_disclaimer": ("policy", "crisis"),
    "utter_crisis": ("crisis", "988_family", "means_safety", "cdc_co"),
    "utter_crisis_followup": ("crisis",),
    "utter_crisis_again": ("crisis",),
    "utter_crisis_still_here": ("crisis", "dvhotline"),
    "utter_crisis_checkin": ("crisis",),
    "utter_crisis_checkin_no": ("crisis",),
    "utter_crisis_checkin_yes": ("crisis", "samhsa_od"),
    "utter_crisis_update_takes_it_back": ("crisis",),
    "utter_crisis_update_help_coming": ("crisis", "samhsa_od", "dvhotline", "means_safety"),
    "utter_crisis_update_help_here": ("crisis", "dvhotline"),
    "utter_crisis_update_no_naloxone": ("crisis", "samhsa_od"),
    "utter_crisis_update_naloxone_question": ("crisis", "samhsa_od", "cdc_seizure"),
    "utter_crisis_update_stay_with_me": ("crisis", "means_safety"),
    "utter_crisis_update_still_needs_care": ("crisis", "cdc_seizure", "samhsa_od"),
    "utter_crisis_update_drives_self": ("crisis", "be_fast"),
    "utter_crisis_update_not_me": ("crisis", "988_family", "means_safety"),
    "utter_crisis_update_means_for_someone": ("crisis", "means_safety", "988_family"),
    "utter_crisis_update_should_call_911": ("crisis", "988_family"),
    "utter_crisis_update_about_988": ("crisis", "988_family"),
    "utter_crisis_update_naloxone_other_drug": ("crisis", "samhsa_od", "dea_onepill"),
    "utter_crisis_update_no_more_tonight": ("crisis", "samhsa_od", "poison_centers"),
    "utter_crisis_update_means_handed_over": ("crisis", "means_safety"),
    "utter_crisis_update_drive_or_911": ("crisis", "be_fast"),
    "utter_crisis_update_fumes_window": ("crisis", "cdc_co"),
    "utter_crisis_update_poison_control_police": ("crisis", "poison_centers", "samhsa_od"),
    "utter_crisis_update_drink_for_shakes": ("crisis", "cdc_seizure"),
    "utter_crisis_update_dv_shelter": ("crisis",),
    "utter_crisis_update_dv_phone_safety": ("crisis",),
    "utter_crisis_update_dv_come_out": ("crisis",),
    "utter_crisis_update_dv_passed_out": ("crisis",),
    "utter_crisis_update_call_for_me": ("crisis", "fcc_text911"),
    "utter_crisis_update_call_for_me_again": ("crisis",),
    "utter_crisis_update_cost": ("crisis",),
    "utter_crisis_update_police_fear": ("crisis", "dvhotline"),
    "utter_crisis_update_refuses_911": ("crisis", "samhsa_od", "refs"),
    "utter_crisis_update_safe_now": ("crisis", "samhsa_od", "dvhotline"),
    "utter_crisis_update_reached_988": ("crisis",),
    "utter_crisis_update_will_reach_out": ("crisis", "dvhotline"),
    "utter_overdose_signs": ("samhsa_od",),
    "utter_seizure_first_aid": ("cdc_seizure", "article"),
    "utter_withdrawal_care_today_again": ("asam", "policy"),
    "utter_who_signed_me_up": ("policy",),
    "utter_delete_my_data": ("policy",),
    "utter_withdrawal_care_today": ("asam", "policy"),
    "utter_already_stopped_drinking": ("asam", "policy"),
    "utter_prescribed_pain_medicine": ("fda_opioid_stop", "policy"),
    "utter_who_counts_as_family": ("article", "policy"),
    "utter_minor_in_treatment": ("article", "policy"),
    "utter_call_without_a_name": ("policy",),
    "utter_said_that_already": ("policy",),
    "utter_days_without_use": ("refs", "article"),
    "utter_what_family_is_told": ("refs", "policy"),
    "utter_family_support": ("family_groups", "policy"),
    "utter_screening_more_told": ("asam", "policy"),
    "utter_callback_paused": ("policy",),
    "utter_callback_time_kept": ("policy",),
    "utter_callback_name_noted": ("policy",),
    "utter_callback_number_heard": ("policy",),
    "utter_callback_digit_count": ("policy",),
    "utter_relapse_of_a_loved_one": ("article", "policy"),
    "utter_treatment_elsewhere": ("samhsa_helpline", "policy"),
    "utter_referral": ("policy",),
    "utter_what_a_referrer_is_told": ("refs", "policy"),
    "utter_craving": ("crisis", "samhsa_od"),
    "utter_getting_through": ("crisis", "samhsa_od"),
    "utter_who_to_call_any_day": ("crisis", "988es"),
    "utter_crisis_update_getting_drowsy": ("crisis", "samhsa_od"),
    "utter_crisis_update_what_to_say": ("crisis", "samhsa_od"),
    "utter_crisis_update_self_medicate": ("crisis", "tip45", "benzo2025", "refs"),
    "utter_crisis_update_seizure_first_aid": ("crisis", "cdc_seizure"),
    "utter_crisis_update_overdose_first_aid": (
        "crisis",
        "samhsa_od",
        "poison_centers",
        "cdc_seizure",
    ),
    "utter_crisis_update_poison_control": ("crisis", "poison_centers", "samhsa_od"),
    "utter_crisis_update_lying_down": ("crisis", "poison_centers", "samhsa_od"),
    "utter_crisis_update_naloxone_given": ("crisis", "samhsa_od"),
    "utter_crisis_update_not_sleeping": ("crisis", "samhsa_od", "cdc_seizure"),
    "utter_crisis_update_text_911": ("crisis", "fcc_text911", "dvhotline"),
    "utter_crisis_update_cps_fear": ("crisis", "cfr2_child_abuse", "dvhotline"),
    "utter_crisis_update_has_means": ("crisis", "means_safety", "988es"),
    "utter_crisis_update_psychosis": ("crisis", "988_family", "988es"),
    "utter_crisis_update_no_plan": ("crisis",),
    "utter_crisis_update_not_with_them": ("crisis", "988_family"),
    "utter_ask_screening_for": ("policy", "fda_opioid_stop", "samhsa_od"),
    "utter_screening_for_unclear": ("policy",),
    "utter_screening_yes_or_no": ("policy",),
    "utter_screening_intro_stopped": ("policy", "asam2020"),
    "utter_ask_screening_for_stopped": ("policy", "asam2020"),
    "utter_callback_kept_for_them": ("policy",),
    "utter_callback_second_person": ("policy",),
    "utter_screening_history_told": ("asam2020", "policy"),
    "utter_screening_corrected": ("policy",),
    "utter_screening_why": ("policy", "asam2020"),
    "utter_screening_noted": ("policy",),
    "utter_screening_intro": ("policy", "fda_opioid_stop", "samhsa_od"),
    "utter_ask_screening_recent_care": ("article",),
    "utter_ask_screening_care_30_days": ("pawss",),
    "utter_ask_screening_use_since_care": ("article", "pawss"),
    "utter_ask_screening_substances": ("asam",),
    "utter_ask_screening_prescribed": ("tip45", "benzo2025"),
    "utter_ask_screening_frequency": ("asam",),
    "utter_ask_screening_last_use": ("refs",),
    "utter_ask_screening_symptoms": ("asam2020",),
    "utter_ask_screening_complicated_history": ("asam2020", "pawss"),
    "utter_ask_screening_emergency_now": ("crisis", "policy"),
    "utter_ask_screening_drinks": ("asam2020", "niaaa"),
    "utter_ask_screening_pregnant": ("pregnancy", "asam2020"),
    "utter_ask_screening_age": ("asam2020",),
    "utter_ask_screening_medical": ("asam2020",),
    "utter_ask_screening_blackouts": ("pawss",),
    "utter_screening_detox_first": ("article", "refs"),
    "utter_screening_signs_told_after": ("article", "refs"),
    "utter_screening_iop_may_fit": ("article", "refs"),
    "utter_screening_helpline": ("policy", "refs"),
    "utter_screening_prescribed_note": ("benzo2025",),
    "utter_screening_opioid_note": ("crisis", "tip45"),
    "utter_screening_stopped": ("refs", "fda_opioid_stop", "samhsa_od"),
    "utter_inform_use": ("article", "fda_opioid_stop", "samhsa_od"),
    "utter_ask_detox_offered": ("article", "refs"),
    "utter_ask_medication": ("article",),
    "utter_ask_staying_on_medication": ("article",),
    "utter_ask_dosing": ("refs", "benzo2025", "tip45"),
    "utter_no_more_ask_dosing": ("refs", "benzo2025", "tip45"),
    "utter_note_naloxone_where": ("fda_naloxone",),
    "utter_note_lgbtq": ("article", "policy"),
    "utter_note_after_overdose": ("samhsa_od", "fda_naloxone"),
    "utter_ask_drug_testing": ("article",),
    "utter_more_ask_drug_testing": ("article",),
    "utter_ask_relapse": ("article",),
    "utter_ask_safety_procedures": ("article", "samhsa_od", "fda_naloxone", "dea_onepill"),
    "utter_ask_am_i_addicted": ("nida",),
    # Spanish (issue 18): the replies a Spanish speaker gets before the Spanish assistant exists
    "utter_speak_spanish": ("988es", "samhsa_helpline", "policy"),
    "utter_speak_english": ("policy",),
    "utter_request_help": ("refs", "samhsa_helpline", "policy"),
    "utter_request_human": ("samhsa_helpline", "policy"),
    "utter_default": ("samhsa_helpline", "policy"),
    "utter_fallback_helpline": ("samhsa_helpline", "policy"),
}


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _condition(variation: dict) -> str:
    parts = [f"{c.get('name')}={c.get('value')}" for c in variation.get("condition") or []]
    if variation.get("channel"):
        parts.append(f"channel={variation['channel']}")
    return ", ".join(parts) or "default"


def reason_pattern(reason: str) -> str | None:
    """The RULES pattern a reason comes from, or None when no rule documents it."""
    substance = "|".join(screening_rules.SUBSTANCES + ("substance",))
    symptom = "|".join(screening_rules.EMERGENCY_SYMPTOMS) + r"|\w+"
    for rule in RULES:
        regex = (
            re.escape(rule.reason)
            .replace("<s>", f"({substance})")
            .replace("<freq>", "(daily|near_daily)")
            .replace("<sym>", f"({symptom})")
        )
        if re.fullmatch(regex, reason):
            return rule.reason
    return None


def rows(domain_dir: Path = domain_files.DOMAIN_DIR) -> List[Tuple[str, str, str, str, str]]:
    """(id, rule or text, source, decision/condition, fingerprint) for every row."""
    out = []
    for rule in RULES:
        sources = "; ".join(SOURCES[s] for s in rule.sources)
        out.append(
            (
                f"rule:{rule.reason}",
                rule.rule,
                sources,
                rule.decision,
                _fingerprint(rule.reason, rule.rule, rule.decision),
            )
        )
    responses = domain_files.load_raw(domain_dir)["responses"]
    for name, sources in RESPONSES.items():
        for i, variation in enumerate(responses[name]):
            condition = _condition(variation)
            text = variation.get("text", "")
            buttons = " / ".join(b.get("title", "") for b in variation.get("buttons") or [])
            shown = f"{text} [{buttons}]" if buttons else text
            out.append(
                (
                    f"{name}#{i}",
                    shown,
                    "; ".join(SOURCES[s] for s in sources),
                    condition,
                    _fingerprint(name, condition, shown),
                )
            )
    return out


def _reviewed(row_id: str, fingerprint: str, signoff: Dict[str, dict]) -> str:
    entry = signoff.get(row_id)
    if not entry:
        return "not yet reviewed"
    who = f"{entry.get('date', '?')} {entry.get('by', '')}".strip()
    if entry.get("fingerprint") != fingerprint:
        return f"**changed since review** ({who})"
    return who


def render(domain_dir: Path = domain_files.DOMAIN_DIR, signoff_file: Path = SIGNOFF) -> str:
    signoff = {}
    if signoff_file.exists():
        signoff = yaml_io.read(signoff_file) or {}
    lines = [
        "# Clinical review: screening rules and replies",
        "",
        "Generated by `python -m iop_assistant.clinical_review` from",
        "`iop_assistant/screening_rules.py`,",
        "`iop_assistant/clinical_review.py` and `domain/`. Do not edit by hand: a test",
        "fails when this page is out of date. The full rules, in order, are in",
        "[triage.md](triage.md). To sign a row off, add its id and fingerprint to",
        "`docs/clinical-review-signoff.yml` (`id: {fingerprint: ..., date: YYYY-MM-DD, by: name}`)",
        "and regenerate; a row whose text changes afterwards shows as changed.",
        "",
        "Placeholders such as `{helpline}` are filled from `program.yml`.",
        "",
    ]
    header = [
        "| id | rule or text | source | decision | fingerprint | last reviewed |",
        "|---|---|---|---|---|---|",
    ]
    all_rows = rows(domain_dir)
    sections: Iterable[Tuple[str, str, List]] = (
        (
            "Screening rules",
            "Each reason `screening_rules.decide()` can give (`<s>` a substance, `<freq>` daily or"
            " near_daily). The decision is the outcome the reason leads to on its own.",
            [r for r in all_rows if r[0].startswith("rule:")],
        ),
        (
            "Replies",
            "Every variation of every clinically relevant reply; the decision column is the"
            " condition under which the variation is shown.",
            [r for r in all_rows if not r[0].startswith("rule:")],
        ),
    )
    for title, intro, section in sections:
        lines += [f"## {title}", "", intro, "", *header]
        for row_id, text, source, decision, fingerprint in section:
            reviewed = _reviewed(row_id, fingerprint, signoff)
            lines.append(
                f"| `{row_id}` | {_cell(text)} | {_cell(source)} | {_cell(decision)}"
                f" | `{fingerprint}` | {reviewed} |"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: List[str]) -> int:
    page = render()
    if "--check" in argv:
        if not PAGE.exists() or PAGE.read_text(encoding="utf-8") != page:
            print(f"{PAGE} is out of date: run python -m iop_assistant.clinical_review")
            return 1
        return 0
    PAGE.write_text(page, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
