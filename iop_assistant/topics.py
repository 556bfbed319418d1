"""Names of the FAQ topics, shared by actions and tests (no Rasa imports).

The labels are what a person sees on a clarifying button, so they are short
questions in the person's own words.
"""

from typing import Dict

FAQ_TOPIC_LABELS: Dict[str, str] = {
    "ask_what_is_iop": "What is IOP?",
    "ask_iop_vs_other_care": "IOP vs. inpatient or rehab",
    "ask_detox_offered": "Do you offer detox?",
    "ask_therapies": "What therapies are there?",
    "ask_group_therapy": "Group therapy",
    "ask_individual_counseling": "One-on-one counseling",
    "ask_psychoeducation": "Education sessions",
    "ask_medication": "Medication and psychiatry",
    "ask_drug_testing": "Drug and alcohol testing",
    "ask_schedule": "What's the schedule?",
    "ask_program_length": "How long is IOP?",
    "ask_who_benefits": "Is IOP right for me?",
    "ask_co_occurring": "Mental health support",
    "ask_work_school": "Keeping work or school",
    "ask_relapse": "What if I relapsed?",
    "ask_sober_living": "Sober living",
    "ask_admission_process": "How do I start?",
    "ask_cost_insurance": "Cost and insurance",
    "ask_confidentiality": "Is it confidential?",
    "ask_family_involvement": "Family involvement",
    "ask_location_hours": "Location and hours",
    "ask_safety_procedures": "Safety during the program",
    "ask_staying_on_medication": "Keeping my medication",
    "ask_after_iop": "After IOP",
    "ask_format": "Online or evening groups",
    "ask_legal_paperwork": "Court or work paperwork",
    "ask_chat_privacy": "Who reads this chat?",
    "ask_first_day": "The first day",
    "ask_am_i_addicted": "Is my use a problem?",
    "ask_waitlist_start": "How soon can I start?",
    "ask_other_addictions": "Gambling, other addictions",
    "ask_childcare_transport": "Childcare and rides",
}

# Other things a clarifying question may offer besides FAQ topics.
ACTION_TOPIC_LABELS: Dict[str, str] = {
    "request_detox_screening": "Do I need detox first?",
    "request_human": "Talk to someone",
}

CLARIFY_LABELS: Dict[str, str] = {**FAQ_TOPIC_LABELS, **ACTION_TOPIC_LABELS}

FAQ_INTENTS = tuple(FAQ_TOPIC_LABELS)
