"""Words staff read instead of the assistant's identifiers (issue 15 item 9).

Charts and tables use the same labels, so ``nlu_fallback`` or ``iop_may_fit``
never reach a page. An identifier without a label here is shown with its
underscores as spaces.
"""

from __future__ import annotations

INTENTS = {
    "nlu_fallback": "Not understood",
    "affirm": "Yes",
    "deny": "No",
    "greet": "Greeting",
    "goodbye": "Goodbye",
    "thank": "Thanks",
    "inform": "Answer to a question",
    "inform_use": "Described their use",
    "crisis": "Crisis",
    "crisis_checkin": "Answer to the crisis check-in",
    "out_of_scope": "Off topic",
    "bot_challenge": "Asked if it is a bot",
    "request_callback": "Asked for a callback",
    "request_human": "Asked for a person",
    "request_help": "Asked for help",
    "request_detox_screening": "Asked about detox first",
    "speak_spanish": "Asked for Spanish",
    "stop": "Stop",
    "ask_more": "Tell me more",
    "ask_what_is_iop": "What is IOP",
    "ask_cost_insurance": "Cost and insurance",
    "ask_location_hours": "Location and hours",
    "ask_schedule": "Schedule",
    "ask_program_length": "Program length",
    "ask_admission_process": "How to start",
    "ask_waitlist_start": "Waitlist and start date",
    "ask_detox_offered": "Is detox offered",
    "ask_medication": "Medication",
    "ask_staying_on_medication": "Staying on medication",
    "ask_am_i_addicted": "Am I addicted",
    "ask_co_occurring": "Mental health too",
    "ask_chat_privacy": "Chat privacy",
    "ask_confidentiality": "Confidentiality",
    "ask_iop_vs_other_care": "IOP vs other care",
    "ask_who_benefits": "Who IOP is for",
    "ask_work_school": "Work and school",
    "ask_childcare_transport": "Childcare and transport",
    "ask_text_back": "Asked for a text back",
    "ask_helpline_hours": "Help line hours",
    "ask_family_involvement": "Family involvement",
    "ask_first_day": "The first day",
    "ask_format": "In person or online",
    "ask_group_therapy": "Group therapy",
    "ask_individual_counseling": "Individual counseling",
    "ask_therapies": "Therapies used",
    "ask_psychoeducation": "Education sessions",
    "ask_relapse": "Relapse",
    "ask_after_iop": "After IOP",
    "ask_sober_living": "Sober living",
    "ask_drug_testing": "Drug testing",
    "ask_legal_paperwork": "Legal paperwork",
    "ask_other_addictions": "Other addictions",
    "ask_dosing": "Dosing question",
}

OUTCOMES = {
    "emergency": "Emergency: call 911",
    "detox_first": "Detox first",
    "iop_may_fit": "IOP may fit",
    "helpline": "Call the help line",
}

CRISIS = {
    "overdose": "overdose",
    "overdose_self": "overdose (self)",
    "overdose_sedative": "overdose (GHB, sleeping pills or alcohol)",
    "seizure": "seizure",
    "medical": "medical emergency",
    "withdrawal": "severe withdrawal",
    "violence": "violence",
    "suicidal": "suicidal",
    "suicidal_other": "suicidal (someone else)",
    "fumes": "car exhaust or fumes",
    "fumes_other": "car exhaust or fumes (someone else)",
    "self_harm": "self-harm",
}


def _plain(identifier: str | None) -> str:
    return (identifier or "").replace("_", " ").strip() or "unknown"


def intent(name: str | None) -> str:
    """``ask_cost_insurance`` -> "Cost and insurance"."""
    return INTENTS.get(name or "", _plain(name).capitalize())


def outcome(name: str | None) -> str:
    """``iop_may_fit`` -> "IOP may fit"."""
    return OUTCOMES.get(name or "", _plain(name).capitalize())


def crisis(name: str | None) -> str:
    """``overdose_self`` -> "overdose (self)"."""
    return CRISIS.get(name or "", _plain(name))


CHANNELS = {"socketio": "Web chat", "rest": "Web (REST)", "sms": "SMS", "voice": "Phone"}


def channel(name: str | None) -> str:
    """``socketio`` -> "Web chat"."""
    return CHANNELS.get(name or "", _plain(name))
