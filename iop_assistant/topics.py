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
    "ask_dosing": "Doses and cutting down",
    "ask_after_iop": "After IOP",
    "ask_format": "Online or evening groups",
    "ask_legal_paperwork": "Court or work paperwork",
    "ask_chat_privacy": "Who reads this chat?",
    "ask_first_day": "The first day",
    "ask_am_i_addicted": "Is my use a problem?",
    "ask_waitlist_start": "How soon can I start?",
    "ask_other_addictions": "Gambling, other addictions",
    "ask_childcare_transport": "Childcare and rides",
    "ask_text_back": "Can someone text me?",
    "ask_helpline_hours": "When the help line answers",
}

# Other things a clarifying question may offer besides FAQ topics.
ACTION_TOPIC_LABELS: Dict[str, str] = {
    "request_detox_screening": "Do I need detox first?",
    "request_human": "Talk to someone",
}

CLARIFY_LABELS: Dict[str, str] = {**FAQ_TOPIC_LABELS, **ACTION_TOPIC_LABELS}

# The same labels in a Spanish conversation (issue 18); the payloads stay the intents.
CLARIFY_LABELS_ES: Dict[str, str] = {
    "ask_what_is_iop": "¿Qué es IOP?",
    "ask_iop_vs_other_care": "IOP o tratamiento residencial",
    "ask_detox_offered": "¿Ofrecen desintoxicación?",
    "ask_therapies": "¿Qué terapias hay?",
    "ask_group_therapy": "Terapia en grupo",
    "ask_individual_counseling": "Consejería individual",
    "ask_psychoeducation": "Clases educativas",
    "ask_medication": "Medicinas y psiquiatría",
    "ask_drug_testing": "Pruebas de drogas y alcohol",
    "ask_schedule": "¿Cuál es el horario?",
    "ask_program_length": "¿Cuánto dura IOP?",
    "ask_who_benefits": "¿IOP es para mí?",
    "ask_co_occurring": "Apoyo de salud mental",
    "ask_work_school": "Seguir con el trabajo o la escuela",
    "ask_relapse": "¿Y si tuve una recaída?",
    "ask_sober_living": "Vivienda sobria",
    "ask_admission_process": "¿Cómo empiezo?",
    "ask_cost_insurance": "Costo y seguro",
    "ask_confidentiality": "¿Es confidencial?",
    "ask_family_involvement": "La familia en el tratamiento",
    "ask_location_hours": "Lugar y horarios",
    "ask_safety_procedures": "Seguridad durante el programa",
    "ask_staying_on_medication": "Seguir con mi medicina",
    "ask_dosing": "Dosis y cómo bajarle",
    "ask_after_iop": "Después de IOP",
    "ask_format": "Grupos en línea o de noche",
    "ask_legal_paperwork": "Papeles para la corte o el trabajo",
    "ask_chat_privacy": "¿Quién lee este chat?",
    "ask_first_day": "El primer día",
    "ask_am_i_addicted": "¿Mi consumo es un problema?",
    "ask_waitlist_start": "¿Qué tan pronto puedo empezar?",
    "ask_other_addictions": "Juego y otros problemas",
    "ask_childcare_transport": "Cuidado de niños y transporte",
    "ask_text_back": "¿Me pueden escribir?",
    "ask_helpline_hours": "Horario de la línea de ayuda",
    "request_detox_screening": "¿Necesito desintoxicación?",
    "request_human": "Hablar con alguien",
}

FAQ_INTENTS = tuple(FAQ_TOPIC_LABELS)
