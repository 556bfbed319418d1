"""Whether a message asks about the program itself (no Rasa imports).

After a crisis reply, people who are safe again ask what they came for: "does your
program treat meth", "ok I'm safe, how do I sign up", "what hours are the groups".
Role-played people got "I'm still here" or the safety text again, four times in a
row (2026-12-04). Both the NLU (a safety update that also asks) and the clarifying
action (an unclear question after a crisis) use this to answer the question instead.
"""

from __future__ import annotations

import re

_ABOUT_THE_PROGRAM = re.compile(
    # "How many days would I have to go? I don't drive anymore, my son drives me" (caller
    # role-play round 26: the classifier's sure crisis, the 911 script)
    r"\bhow\s+many\s+(?:days|times|hours|weeks)\b|\bhave\s+to\s+(?:go|come|attend)\b|"
    r"\b(?:program|iop|treat|treats|treatment|sign\s+up|signing\s+up|enroll|enrol|enrolling|"
    r"start|starting|intake|insurance|medicaid|medicare|cost|pay|groups?|sessions?|hours|schedule|"
    r"open|family|therapy|counsel\w*|you\s+guys|your|programa|tratamiento|grupos?|horario|"
    r"seguro|inscrib\w*|empezar|sesi[oó]n|sesiones|costo|cuesta|aseguranza|consejer\w*|terapia|"
    # "cuando salga que hacemos, ustedes lo pueden ayudar?" (blind es-v7, after a seizure)
    r"ustedes|can\s+(?:you|y'?all)\s+help\s+(?:him|her|them|us|me))\b",
    re.IGNORECASE,
)
_ASKS = re.compile(
    r"\?|¿|\b(?:do|does|can|could|is|are|how|what|when|where|which|who|will|would)\b|"
    r"\b(?:asking|wondering|want\s+to\s+know|info|information|informaci[oó]n|como|cuando|donde|cuanto|que)\b|"
    # texted: "r there day groups", "wat is iop"
    r"\br\s+(?:there|u|you|they|y'?all|the)\b|\b(?:wat|wut|wht)\b",
    re.IGNORECASE,
)


def _found(pattern: re.Pattern[str], text: str | None) -> bool:
    return bool(pattern.search(str(text or "")))


def _asked(pattern: re.Pattern[str], text: str | None) -> bool:
    """The words match ``pattern`` and the message asks something."""
    return _found(pattern, text) and _found(_ASKS, text)


def asks_about_the_program(text: str | None) -> bool:
    """A question (or "I'm asking / I want info") with a word about the program in it."""
    text = str(text or "")
    return bool(_ASKS.search(text)) and bool(_ABOUT_THE_PROGRAM.search(text))


# "How do we sign up for the program", "how does someone start your IOP", "what are the
# steps to enroll": asked plainly, it is the admission question whatever else the message
# says ("He is safe. How do we sign up" was read as a question about safety, role-play
# 2026-12-04). "how do i start tapering" is not one.
ENROLL_INTENT = "ask_admission_process"
_ENROLL = re.compile(
    r"\b(?:how|where)\s+(?:do|does|can|could|would|should)\s+(?:i|we|he|she|they|someone|somebody|my\s+\w+)\s+"
    r"(?:sign\s+(?:up|him\s+up|her\s+up|them\s+up)|enrol+|register|get\s+(?:him\s+|her\s+|them\s+)?(?:in|into|enrolled|signed\s+up)\b|"
    r"start\s+(?:the|your|this)\s+(?:program|iop)|join\s+(?:the|your)\s+(?:program|iop))|"
    r"\b(?:what\s+are\s+)?the\s+steps\s+to\s+(?:start|enrol+|sign\s+up|get\s+in)\b|"
    r"\bhow\s+(?:do|does|can)\s+(?:i|we|he|she|someone|somebody)\s+start\s+(?:the|your)\s+(?:iop|program)\b|"
    # Spanish: "como me inscribo", "como lo apunto al programa"
    r"\bc[oó]mo\s+(?:me|lo|la|nos|le)\s+(?:inscrib\w*|apunt\w*|registr\w*)\b|"
    r"\bc[oó]mo\s+(?:empiez\w*|empez\w*|entr\w*)\s+(?:al|en\s+el|el)\s+programa\b",
    re.IGNORECASE,
)


# "after the hospital can he do your program", "can she go to your program after detox"
# (caller role-play round 36: the formats answer, then a menu): who the program suits
_AFTER_CARE_THEN_PROGRAM = re.compile(
    r"\bafter\s+(?:the\s+)?(?:hospital|detox|rehab|er|he'?s\s+out|she'?s\s+out|they'?re\s+out)\b[^.?!]{0,40}"
    r"\b(?:can|could|would|will)\s+(?:he|she|they|i|my\s+\w+)\s+(?:do|join|go\s+to|come\s+to|get\s+into)\b|"
    r"\b(?:can|could|would|will)\s+(?:he|she|they|i|my\s+\w+)\s+(?:do|join|go\s+to|come\s+to|get\s+into)\s+"
    r"(?:your|the|this)\s+(?:program|iop)\s+(?:after|once|when)\b",
    re.IGNORECASE,
)


# "ustedes lo pueden ayudar a el?", "can you guys help him", "es para alguien como mi hijo"
_CAN_YOU_HELP_THEM = re.compile(
    r"\b(?:ustedes|uds|su\s+programa|el\s+programa)\s+(?:lo|la|le|los)\s+(?:pueden|puede|podr[ií]an)\s+ayudar\b|"
    r"\b(?:can|could)\s+(?:you|y'?all|you\s+guys|your\s+program|the\s+program)\s+help\s+(?:him|her|them|my\s+\w+)\b|"
    r"\b(?:programa|program)\s+(?:es\s+)?para\s+(?:alguien|someone)\s+como\b",
    re.IGNORECASE,
)


def asks_if_the_program_can_help_them(text: str | None) -> bool:
    """Whether the program can help the person written about."""
    return _found(_CAN_YOU_HELP_THEM, text)


def asks_if_the_program_follows_care(text: str | None) -> bool:
    """Whether the program is asked about as the step after a hospital, detox or rehab."""
    return _found(_AFTER_CARE_THEN_PROGRAM, text)


# "can i still start monday if i dont have a ride", "will this mess up me starting monday"
# right after an emergency (crisis role-play round 35: the help-is-coming text twice): when
# the start can be, the waiting-list answer (said for after a crisis in domain/faq.yml)
START_INTENT = "ask_waitlist_start"
_START_STILL = re.compile(
    r"\b(?:can|could|will|would)\s+(?:i|we|he|she|they|my\s+\w+)\s+(?:still|even)\s+(?:be\s+able\s+to\s+)?"
    r"(?:start|begin|join\s+(?:the|your)\s+(?:program|iop))\b|"
    r"\b(?:mess|screw)\s+up\s+(?:me\s+|my\s+|him\s+|her\s+|his\s+|them\s+)?(?:starting|start)\b|"
    r"\b(?:ruin|affect|change|cancel|delay|push\s+back|hurt)\s+(?:me\s+|my\s+|him\s+|her\s+|his\s+)?"
    r"(?:starting|start(?:\s+date)?|spot|place|intake)\b|"
    r"\bstill\s+(?:start|begin)\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"tomorrow|next\s+week|the\s+program|iop)\b|"
    r"\b(?:todav[ií]a|a[uú]n)\s+(?:puedo|podr[eé]|podemos|puede)\s+(?:empezar|comenzar|entrar)\b",
    re.IGNORECASE,
)


def asks_if_the_start_still_stands(text: str | None) -> bool:
    """Whether the message asks if a planned start can still go ahead."""
    return _found(_START_STILL, text)


# "can i be the one to call and set it up or does he have to do it himself?", "can a wife
# call that number for her husband" (night role-play: a crisis reply, then a callback)
_CALL_FOR_SOMEONE = re.compile(
    r"\b(?:(?:can|could)\s+(?:i|we)|if\s+(?:i|we)\s+(?:can|could))\s+(?:be\s+the\s+one(?:s)?\s+to\s+|just\s+)?"
    r"(?:call(?!\s+(?:911|988|9-1-1|9-8-8|the\s+(?:police|cops)))|make\s+the\s+call|do\s+the\s+calling|"
    r"set\s+(?:it|this|things|everything)\s+up|sign\s+(?:him|her|them)\s+up)\b"
    r"(?:[^.?!]{0,40}\b(?:for|instead\s+of|on\s+behalf\s+of)\s+(?:him|her|them|my\s+\w+)\b|"
    r"[^.?!]{0,60}\b(?:does|do)\s+(?:he|she|they)\s+(?:have|need)\s+to\b)|"
    r"\bcan\s+(?:a|the)\s+(?:wife|husband|partner|parent|mom|mother|dad|father|family\s+member|spouse|"
    r"girlfriend|boyfriend|sister|brother|son|daughter)\s+call\b[^.?!]{0,30}\bfor\b|"
    r"\b(?:does|do)\s+(?:he|she|they|my\s+\w+)\s+(?:have|need)\s+to\s+(?:call|do\s+it|make\s+the\s+call)\s+"
    r"(?:himself|herself|themselves|on\s+(?:his|her|their)\s+own)\b|"
    # Spanish: "¿puedo llamar yo por él, como su mamá?" (voice role-play: the callback form)
    r"\b(?:puedo|podemos|se\s+puede)\s+(?:llamar|hablar)\s+(?:yo\s+|nosotros\s+)?(?:por|de\s+parte\s+de)\s+"
    r"(?:[eé]l|ella|ellos|mi\s+\w+)\b|"
    r"\b(?:tiene|necesita)\s+que\s+llamar\s+(?:[eé]l|ella)\s+mism[oa]\b",
    re.IGNORECASE,
)


def asks_to_call_for_someone(text: str | None) -> bool:
    """Whether a family member may make the first call for the person."""
    return bool(_CALL_FOR_SOMEONE.search(str(text or "")))


def asks_how_to_enroll(text: str | None) -> bool:
    """A plain question about how to sign up for the program."""
    return bool(_ENROLL.search(str(text or "")))


# "my name is Jose Garcia, what is IOP?": the plainest question there is, read as unsure
# (0.26) by one training of the classifier and answered by another
_WHAT_IS_IOP = re.compile(
    r"\bwhat\s+(?:is|'?s|does)\s+(?:an?\s+|the\s+)?(?:iop|intensive\s+outpatient(?:\s+program)?)\b"
    r"(?:\s+mean)?(?!\s+(?:schedule|cost|like\s+on))|"
    # "i wanna know how your program works" (blind v22, voice, safe after a crisis reply)
    r"\b(?:know|tell\s+me|explain)\s+how\s+(?:your|the|this|ur)\s+(?:program|iop)\s+(?:works|work|is\s+set\s+up)\b|"
    r"\bhow\s+does\s+(?:your|the|this|ur)\s+(?:program|iop)\s+work\b",
    re.IGNORECASE,
)


def asks_what_iop_is(text: str | None) -> bool:
    """ "What is IOP?" asked in so many words."""
    return bool(_WHAT_IS_IOP.search(str(text or "")))


# "do you guys even treat meth?", "is meth treated in your IOP", "what substances does the
# program treat", "ustedes tratan la metanfetamina" (role-play 2026-12-04: a fallback menu,
# the screening and the IOP definition, never a yes). Medicines for opioid use disorder are
# a different question ("do you take people on methadone"), so they are not in the list.
WHO_IT_IS_FOR_INTENT = "ask_who_benefits"
_SUBSTANCE = (
    r"(?:meth|crystal(?:\s+meth)?|methamphetamines?|cocaine|coke|crack|stimulants?|amphetamines?|adderall|"
    r"alcohol(?:ism)?|drinking|drinks?|drinker|booze|opioids?|opiates?|heroin|fentanyl|fent|pain\s*pills|pills|percs?|"
    r"percocets?|oxy\w*|benzos?|benzodiazepines?|xanax|weed|marijuana|cannabis|thc|vap(?:e|ing)|"
    r"ketamine|kratom|drugs?|addictions?|substances?|metanfetamina|cristal|coca[ií]na|hero[ií]na|"
    r"fentanilo|opioides|pastillas|marihuana|drogas|alcoholismo)"
)
_TREAT = (
    # "do u guys help w pills like oxy percs" (texter role-play 2026-12-05)
    r"(?:treat|treats|work\s+with|deal\s+with|handle|help\s+(?:people\s+)?(?:with|w/?)(?=\s)|"
    r"take\s+(?:people|patients|clients|someone|folks|guys)\s+(?:on|using|who\s+use|addicted\s+to|with)|"
    r"accept\s+(?:people|patients|clients)\s+(?:on|using|who\s+use|with))"
)
_SUBSTANCE_TREATED = re.compile(
    r"\b(?:do|does|can|will|would)\s+(?:you\s+all|you|y'?all|u|ya|you\s+guys|u\s+guys|your\s+(?:program|iop|place|center|"
    r"clinic|facility)|the\s+program|this\s+program|iop|it|they)\s+(?:even\s+|also\s+|actually\s+|still\s+)?"
    rf"{_TREAT}\b[^.!?]{{0,40}}?\b{_SUBSTANCE}\b|"
    rf"\bis\s+(?:\w+\s+){{0,2}}?{_SUBSTANCE}\s+(?:addiction\s+|use\s+|abuse\s+)?"
    r"(?:treated|covered|something\s+(?:you\s+all|you|y'?all|u|you\s+guys|your\s+(?:program|iop|place)|the\s+program|iop)"
    r"\s+(?:even\s+|also\s+|actually\s+)?(?:treat|treats|help\s+with|helps\s+with|deal\s+with|work\s+with))\b|"
    r"\bwhat\s+(?:drugs|substances|addictions|kinds?\s+of\s+(?:addictions?|drugs|substances|substance\s+use))\s+"
    r"(?:do|does|can)\s+(?:you|y'?all|the\s+program|your\s+program|iop|it|this\s+program)\s+"
    r"(?:treat|help\s+with|cover|work\s+with)\b|"
    r"\bwhat\s+(?:does|do)\s+(?:the|your|this)\s+(?:program|iop)\s+treat\b|"
    rf"\b(?:tratan|atienden|ayudan\s+con|trabajan\s+con)\b[^.!?]{{0,50}}\b{_SUBSTANCE}\b|"
    r"\bqu[eé]\s+(?:drogas|sustancias|adicciones)\s+(?:tratan|atienden|trata)\b",
    re.IGNORECASE,
)


# gambling, gaming and the like have their own answer (ask_other_addictions), and so do
# mental health needs beside the addiction (ask_co_occurring: "do u guys treat anxiety too")
_NOT_A_SUBSTANCE = re.compile(
    r"\b(?:gambl\w*|gaming|video\s*games?|porn\w*|sex|food|eating|shopping|internet|phone|juego|apuestas|"
    r"anxiety|depress\w*|ptsd|trauma|bipolar|mental\s+health|adhd|schizo\w*|ocd|panic|ansiedad|"
    r"depresi[oó]n|salud\s+mental)\b",
    re.IGNORECASE,
)


# "my girlfriend smokes meth most days. is that something your program treats?": the drug
# named first, then asked about as "that" (role-play wording, 2026-12-04)
_TREATS_THAT = re.compile(
    r"\b(?:is|are)\s+(?:that|this|it|those|these)\s+(?:something|anything|things?)\s+"
    r"(?:you|y'?all|u|you\s+guys|your\s+(?:program|iop|place)|the\s+program|iop)\s+"
    # "Is this something your program can help with?" (family role-play 2026-12-04, late:
    # a long first message about meth got an unrelated "Did you mean" menu)
    r"(?:can\s+|could\s+|would\s+)?(?:even\s+|also\s+)?"
    r"(?:treat|treats|help\s+with|helps\s+with|deal\s+with|work\s+with|handle)\b|"
    r"\b(?:can|could|would)\s+(?:your|the|this)\s+(?:program|iop)\s+(?:help|work\s+for|take)\s+"
    r"(?:him|her|them|someone|somebody|my\s+\w+|people)\b|"
    r"\b(?:do|does|can|will)\s+(?:you|y'?all|u|you\s+guys|your\s+(?:program|iop)|the\s+program|iop)\s+"
    r"(?:even\s+|also\s+|actually\s+)?(?:treat|help\s+with|deal\s+with|work\s+with|handle)\s+"
    r"(?:that|this|it|those|people\s+like\s+(?:that|him|her|them|me))\b",
    re.IGNORECASE,
)
_NAMED_SUBSTANCE = re.compile(rf"\b{_SUBSTANCE}\b", re.IGNORECASE)


# "i got bcbs thru my job do u take it" got the psychiatry answer (texter role-play
# 2026-12-05): a plan named and asked about is the cost and insurance question
_INSURER = re.compile(
    r"\b(?:bcbs|blue\s*cross|blue\s*shield|anthem|aetna|cigna|humana|united\s*health\w*|uhc|kaiser|"
    r"tricare|medicaid|medi-?cal|medicare|ahcccs|masshealth|obamacare|marketplace|insurance|"
    r"aseguranza|seguro\s+m[eé]dico)\b",
    re.IGNORECASE,
)
_TAKES_A_PLAN = re.compile(
    r"\b(?:take|takes|accept|accepts|cover|covers|covered|in\s+network|in-network|work\s+with|bill|"
    r"copay|co-pay|deductible|aceptan|cubre)\b",
    re.IGNORECASE,
)
COST_INTENT = "ask_cost_insurance"


def asks_about_a_plan(text: str | None) -> bool:
    """A health plan named and asked about ("do u take bcbs", "is medicaid accepted?")."""
    return _found(_INSURER, text) and _found(_TAKES_A_PLAN, text) and _found(_ASKS, text)


def asks_if_substance_treated(text: str | None) -> bool:
    """ "Do you treat meth?": whether the program is for this drug (yes: drug and alcohol use)."""
    if _found(_NOT_A_SUBSTANCE, text):
        return False
    if _found(_SUBSTANCE_TREATED, text):
        return True
    return _found(_TREATS_THAT, text) and _found(_NAMED_SUBSTANCE, text)


# "I don't think he needs detox, it's a vape pen. Do you take teenagers?" (role-play
# 2026-12-04: the screening started, then restarted after "never mind that")
_NO_DETOX_WANTED = re.compile(
    r"\b(?:don'?t|dont|do\s+not|doesn'?t|doesnt|does\s+not|won'?t|wont)\s+(?:think\s+(?:i|he|she|they|we)\s+)?"
    r"(?:need|needs)\s+(?:a\s+|any\s+|to\s+go\s+to\s+)?detox\b|"
    r"\b(?:no|not)\s+(?:need\s+(?:for|of)\s+)?detox\s+(?:needed|necessary)\b|\bno\s+need\s+(?:for|of)\s+detox\b|"
    r"\bnot\s+(?:looking\s+for|asking\s+about|interested\s+in)\s+detox\b|"
    r"\bno\s+(?:creo\s+que\s+)?necesit\w*\s+(?:la\s+|de\s+)?desintoxicaci[oó]n\b",
    re.IGNORECASE,
)


def declines_detox(text: str | None) -> bool:
    """The person says no detox is needed: the screening is not what they asked for."""
    return _found(_NO_DETOX_WANTED, text)


# "do you have evening groups? i get off at 5", "are there night sessions", "anything on
# weekends" (role-play 2026-12-04: a privacy notice, the group-therapy text and the family
# text instead, three conversations)
FORMAT_INTENT = "ask_format"
_EVENING_GROUPS = re.compile(
    # "wait actually is there evening ones", "nite groups" (texter role-play 2026-12-04, late)
    r"\b(?:evening|evenings|night|nights|nite|nites|nighttime|after[\s-]work|weekend|weekends|"
    r"online|virtual|zoom|late|daytime|morning|mornings|afternoon|afternoons)\s+(?:groups?|"
    r"sessions?|classes|meetings|programs?|iop|options?|ones)\b|(?<![\d-])(?<!\d\s)\bday\s+(?:groups?|sessions?|classes)\b|"
    r"\b(?:groups?|sessions?|classes|meetings|iop)\s+(?:in\s+the\s+(?:evening|evenings)|at\s+night|"
    r"on\s+(?:the\s+)?weekends?|after\s+(?:work|5|6|five|six)|online|virtually)\b|"
    r"\b(?:grupos?|sesiones)\s+(?:en\s+la\s+noche|de\s+noche|nocturnos?|en\s+l[ií]nea|los\s+fines\s+de\s+semana)\b"
    r"|\b(?:grupos?|sesiones)\s+(?:por\s+la\s+(?:tarde|noche))\b",
    re.IGNORECASE,
)


def asks_about_evening_groups(text: str | None) -> bool:
    """A question about evening, weekend or online groups (the format answer)."""
    return _asked(_EVENING_GROUPS, text)


# "do you take teenagers?", "what ages do you treat?", "is it for a boy his age?" (role-play
# 2026-12-04: the detox paragraph, the screening, then "Sorry, I didn't catch that")
_AGE = re.compile(
    r"\b(?:take|treat|see|accept|work\s+with|help|allow|for)\s+(?:\w+\s+){0,2}?(?:teens?|teenagers?|minors?|"
    r"adolescents?|youth|high\s+schoolers?|(?:1[0-7]|fifteen|sixteen|seventeen|fourteen|thirteen)[\s-]*"
    r"(?:year[\s-]*olds?|yr[\s-]*olds?|yos?))\b|"
    r"\b(?:what|which)\s+ages?\b|\bhow\s+(?:old|young)\s+(?:do|does|can|should|must|is\s+too)\b|"
    r"\bage\s+(?:limit|range|requirements?|minimum)\b|\btoo\s+young\b|"
    r"\b(?:boy|girl|kid|someone|child|son|daughter|grandson|granddaughter)\s+(?:his|her|their)\s+age\b|"
    r"\bkids?\s+(?:his|her|their)\s+age\b|\b(?:under|below)\s+18\b|\badults?\s+only\b|"
    r"\b(?:menores(?:\s+de\s+edad)?|adolescentes)\b|"
    # "im 17 is that ok", "no like im under 18. can i still go" (texter role-play 2026-12-04)
    r"\b(?:i'?m|im|i\s+am|he'?s|hes|she'?s|shes|he\s+is|she\s+is|they'?re)\s+(?:only\s+|just\s+)?"
    # (not "im 14 weeks pregnant", blind v21: the who-it-is-for answer to a screening request)
    r"(?:1[0-7]|under\s+18|a\s+minor|a\s+teen(?:ager)?)\b(?![:.]\d)"
    r"(?!\s*(?:weeks?|wks?|months?|days?|hours?|hrs?|mins?|minutes|pills|beers|drinks|semanas|meses|d[ií]as)\b)",
    re.IGNORECASE,
)


def asks_about_age(text: str | None) -> bool:
    """A question about who is old enough (the who-it-is-for answer says: under 18, ask)."""
    return _asked(_AGE, text)


# The safety answer (overdose steps, naloxone) only when the words are about safety:
# role-played people asking about privacy, staff names, "try again" or "should she be on
# the call" got the naloxone paragraph (2026-12-04, parents, texters and callers alike).
SAFETY_INTENT = "ask_safety_procedures"
_ABOUT_SAFETY = re.compile(
    r"\b(?:safe|safely|safety|unsafe|overdos\w*|od'?s?|o\.d\.?|narcan|naloxone|emergenc\w*|911|die|dies|dying|"
    r"death|dead|breath\w*|unresponsive|passe?d?\s+out|fentanyl|fent|high|under\s+the\s+influence|drunk|"
    r"relaps\w*|sick|hurt|injur\w*|first\s+aid|cpr|crisis|security|secure|medical|nurse|doctor|trained|"
    r"protocol|procedures?|precautions?|plan|what\s+if|what\s+happens\s+if|seguridad|seguro|sobredosis|"
    r"emergencia|naloxona|morir|respira\w*|od'?(?:ing|in)|wake\s+(?:him|her|them|me)\s+up|"
    r"too\s+much|if\s+(?:i|we|he|she|they)\s+ever|poison\s+control|poisoning|cops|police|"
    # "what should i watch for tonight" (family role-play round 20: read as safety, then the menu)
    r"watch\s+(?:for|out)|look\s+out\s+for|keep\s+an\s+eye|signs?|symptoms?)\b",
    re.IGNORECASE,
)


def is_about_safety(text: str | None) -> bool:
    """Whether the words are about safety, overdose or emergencies at all."""
    return _found(_ABOUT_SAFETY, text)


# "¿tienen grupos en español?", "¿el programa es en español?", "do you have spanish groups"
# (Spanish role-play 2026-12-04, twice: the "I'll write in Spanish" reply, never an answer):
# a question about services in Spanish, not a request to switch language (the language is
# still switched to Spanish by the same words)
_SPANISH_SERVICES = re.compile(
    r"\b(?:grupos?|sesiones|sesi[oó]n|terapias?|terapeutas?|consejer[oa]s?|programa|clases|reuniones|"
    r"personal|doctor(?:es)?|m[eé]dicos?|groups?|sessions?|therapy|therapists?|counsel+ors?|classes|staff|"
    r"program)\b[^.!?]{0,30}\b(?:en\s+espa[nñ]ol|in\s+spanish|spanish[\s-]speaking|que\s+hablen\s+espa[nñ]ol|"
    r"hablan\s+espa[nñ]ol)\b|"
    r"\b(?:spanish|espa[nñ]ol)[\s-]+(?:speaking\s+)?(?:groups?|sessions?|therapy|counsel+ors?|staff|program)\b",
    re.IGNORECASE,
)


# "hablan español?", "hay alguien que hable español por teléfono?", "does the help line speak
# spanish" (es-v3, role-plays): whether a person there speaks Spanish
_SPANISH_SPEAKER = re.compile(
    r"\b(?:hablan|habla|hable|speaks?|speaking)\s+(?:ustedes\s+|usted\s+|alguien\s+|anyone\s+)?"
    r"(?:espa[nñ]ol|spanish)\b|"
    r"\b(?:alguien|anyone|someone|somebody|person|persona|l[ií]nea(?:\s+de\s+ayuda)?|help\s*line|"
    r"ustedes|you(?:\s+guys)?)\b[^.!?]{0,30}\b(?:habl\w*|speak\w*)\s+(?:en\s+)?(?:espa[nñ]ol|spanish)\b",
    re.IGNORECASE,
)


def asks_about_services_in_spanish(text: str | None) -> bool:
    """A question whether groups, staff or the program are in Spanish (the format answer)."""
    return _asked(_SPANISH_SERVICES, text)


def asks_for_a_spanish_speaker(text: str | None) -> bool:
    """A question whether someone there (the help line, staff) speaks Spanish."""
    return _asked(_SPANISH_SPEAKER, text) or asks_about_services_in_spanish(text)


# "no tengo papeles", "le pasan mi informacion a migracion?", "me van a pedir seguro social"
# (es-v3; Spanish role-plays): fear of immigration authorities, answered with the privacy law
_IMMIGRATION = re.compile(
    r"\b(?:migraci[oó]n|inmigraci[oó]n|immigration|(?-i:ICE)|la\s+migra|deport(?:ar\w*|aci[oó]n|ad[oa]s?|ed|ing|ation|an|en)?|indocumentad[oa]s?|"
    r"undocumented|sin\s+papeles|no\s+(?:tengo|tiene|tenemos|tienen)\s+(?:papeles|documentos)|"
    r"(?:my|his|her)\s+(?:immigration\s+)?status|green\s*card|"
    # a Social Security number asked for; "tengo seguro social" is insurance (IMSS)
    r"n[uú]mero\s+de\s+seguro\s+social|(?:pedir|piden|pide|pedirme|necesito|necesita|sin|no\s+tengo|"
    r"no\s+tiene)\s+(?:el\s+|mi\s+|su\s+)?seguro\s+social|social\s+security\s+(?:number|card)|SSN|"
    r"piden\s+(?:papeles|documentos)|pedir\s+(?:papeles|documentos)|ask\s+for\s+(?:papers|documents))\b",
    re.IGNORECASE,
)


# "im pregnant and using. if i come in will u call cps on me" (blind v18, read in round 24:
# a menu): whether treatment means a report to child protective services
_CPS = re.compile(
    r"\b(?:will|would|do|does|can|could|are|is|gonna)\s+(?:u|you|y'?all|they|the\s+(?:program|staff|counselors?|"
    r"clinic))\s+(?:\w+\s+){0,2}?(?:call|report|tell|contact|notify)\s+(?:me\s+to\s+|to\s+)?(?:cps|dcfs|dcs|child\s+"
    r"(?:protective\s+services|services|welfare))\b|"
    r"\b(?:cps|dcfs|dcs)\b[^.!?]{0,40}\b(?:take|taking|find\s+out|involved|called|report\w*)\b|"
    r"\b(?:take|taking)\s+(?:my|the)\s+(?:baby|babies|kids?|children|child)\s+(?:away|from\s+me)\b|"
    # "will they take my kids if i go to treatment", "gonna get my kids taken away", "will
    # someone call cps on me", "if they report moms to cps" (crisis role-play round 37)
    r"\b(?:they|cps|dcfs|dcs|someone|somebody|anyone|the\s+state|police|cops)\s+(?:\w+\s+){0,2}?(?:take|taking)\s+"
    r"(?:my|the|our)\s+(?:baby|babies|kids?|children|child)\b|"
    r"\b(?:my|the|our)\s+(?:baby|babies|kids?|children|child)\s+(?:\w+\s+)?(?:taken|removed)\b|"
    r"\b(?:someone|somebody|anyone|anybody)\s+(?:\w+\s+){0,2}?(?:call|report)\s+(?:cps|dcfs|dcs)\b|"
    r"\b(?:report|reports|call|calls)\s+(?:\w+\s+){0,2}?(?:to|on)\s+(?:cps|dcfs|dcs)\b|"
    r"\b(?:call|report)\w*\s+(?:cps|dcfs|dcs)\s+on\s+(?:me|moms?|parents?|us)\b|"
    r"\b(?:me\s+)?(?:quitan|quiten|van\s+a\s+quitar)\s+(?:a\s+)?(?:mis\s+hijos|mi\s+beb[eé]|los\s+ni[nñ]os|mi\s+hij[oa])\b|"
    # "si llamo me van a reportar con CPS?" (blind es-v13: a menu)
    r"\b(?:reportar|reporten|reportan|reportaran|avisar|avisan|llamar|llaman|denunciar)\s+(?:me\s+)?(?:con|a|al|ante)\s+"
    r"(?:cps|dcfs|dcs|el\s+dif)\b",
    re.IGNORECASE,
)


# calling for help in an emergency is another fear, answered in the crisis replies ("if i
# call 911 will they take my kids": 911 first, Good Samaritan laws)
_EMERGENCY_CALL = re.compile(
    r"\b(?:911|9-1-1|ambulance|paramedics|poison\s+control)\b", re.IGNORECASE
)


def asks_about_cps(text: str | None) -> bool:
    """Whether coming to treatment means a report to child protective services."""
    return _found(_CPS, text) and not _found(_EMERGENCY_CALL, text)


# whether what is said in treatment reaches someone else: "am I allowed to know what she says
# in sessions", "si salgo positivo le avisan al juez?", "si llamo me van a reportar con CPS?"
# (blind v22/es-v13: who it suits, drug testing, a menu)
_REPORTED = re.compile(
    r"\b(?:allowed|able|going|gonna|get)\s+to\s+(?:know|hear|see|find\s+out)\s+what\s+(?:she|he|they|my\s+\w+)\s+"
    r"(?:says|said|talks?\s+about|tells|shares)\b|"
    r"\b(?:will|would|do|does|can|could)\s+(?:you|u|they|y'?all|the\s+(?:program|counselors?|staff))\s+"
    r"(?:tell|report\s+(?:it\s+|me\s+|that\s+)?to|call|notify|inform|let)\s+(?:my\s+|the\s+)?"
    r"(?:po|probation(?:\s+officer)?|parole(?:\s+officer)?|judge|court|boss|employer|job|work|"
    r"nursing\s+board|board\s+of\s+nursing|licens\w+\s+board)\b|"
    r"\b(?:does|do|will|would|can)\s+(?:my|the|his|her)\s+(?:nursing\s+board|board(?:\s+of\s+nursing)?|boss|"
    r"employer|job|work|po|probation\s+officer|parole\s+officer|judge|court|parents?|school|union)\s+"
    r"(?:find\s+out|know|be\s+told|hear\s+about\s+it|get\s+told|see\s+(?:it|that|my\s+\w+))\b|"
    r"\b(?:le|les)\s+(?:avisan|avisar[aá]n|dicen|dir[aá]n|informan|reportan|mandan)\s+(?:al|a\s+la|a\s+mi)\s+"
    r"(?:juez|corte|oficial|po|patr[oó]n|jefe|trabajo)\b|"
    r"\b(?:me|nos|la|lo)\s+(?:van\s+a\s+|pueden\s+)?(?:reportar|reportan|denunciar|denuncian)\s+(?:con|a|al|ante)\s+"
    r"(?:cps|dcfs|dcs|el\s+dif|servicios\s+sociales|la\s+polic[ií]a|migraci[oó]n)\b",
    re.IGNORECASE,
)
# a letter or proof of attendance for a court, officer or employer: "can u guys send
# something to my PO showing im going", "ustedes le pueden mandar una carta a mi oficial"
# (blind v22/es-v13: a menu; the Spanish welcome alone)
LEGAL_INTENT = "ask_legal_paperwork"
_PAPERWORK = re.compile(
    r"\b(?:send|give|write|mail|fax|email|provide|sign|fill\s+out)\s+(?:us\s+|me\s+|him\s+|her\s+|them\s+)?"
    r"(?:something|a\s+letter|proof|paperwork|papers|a\s+note|documentation|a\s+form|forms|"
    r"an?\s+attendance\s+\w+|a\s+report|reports)\b"
    r"[^.?!]{0,60}\b(?:po|probation|parole|court|judge|lawyer|attorney|employer|work|job|boss|hr|"
    r"showing|proof|attend\w*|going|enrolled|completion|finished)\b|"
    r"\b(?:mandar|mandan|dar|dan|dar[aá]n|entregan|firmar|firman|hacer|hacen)\s+(?:le\s+|me\s+)?(?:una\s+|un\s+)?"
    r"(?:carta|constancia|comprobante|papel|reporte)\b|"
    r"\b(?:le|me)\s+(?:pueden|puede|podr[ií]an)\s+(?:mandar|dar|firmar)\s+(?:una\s+|un\s+)?"
    r"(?:carta|constancia|comprobante|papel|reporte)\b|"
    # "I'm his probation officer, how do I get attendance reports" (stepdown role-play round 29)
    r"\b(?:get|receive|request|see)\s+(?:his\s+|her\s+|their\s+|the\s+|my\s+client'?s\s+)?"
    r"(?:attendance|progress|compliance)\s+(?:reports?|letters?|records?|updates?|verification)\b|"
    r"\b(?:attendance|progress|compliance)\s+(?:reports?|letters?|records?|verification|sheets?)\b[^.?!]{0,40}"
    r"\b(?:po|probation|parole|court|judge|officer|employer|hr)\b",
    re.IGNORECASE,
)

# "how do I refer someone?", "i have a client who needs IOP, how do i make a referral" (stepdown
# role-play round 29: a menu; a counsellor was answered as the patient)
_REFERRAL = re.compile(
    r"\b(?:refer|referring|make\s+a\s+referral|send\s+(?:a\s+)?referrals?|referral\s+(?:form|process|fax|line))\b"
    r"(?![^.?!]{0,20}\bme\b)|"
    r"\b(?:my|a)\s+(?:client|patient|probationer|parolee|student)\b[^.?!]{0,60}\b(?:how\s+do\s+i|can\s+i|"
    r"what\s+do\s+i\s+need)\b[^.?!]{0,30}\b(?:get\s+(?:him|her|them)\s+in|sign\s+(?:him|her|them)\s+up|start)\b|"
    r"\b(?:referir|remitir|mandar\s+a\s+un\s+(?:paciente|cliente))\b|"
    # "i'm an ER social worker, can you take a patient today?" (stepdown role-play round 34:
    # answered as if she were the patient)
    r"\b(?:can|could|do|would|will)\s+(?:you|u|y'?all)\s+(?:\w+\s+)?(?:take|accept|admit|see|intake)\s+"
    r"(?:a|my|our|this|the)\s+(?:patient|client|student|employee|probationer|parolee|discharge)\b",
    re.IGNORECASE,
)


# "Does the program deal with the paranoia part too or just the drugs?" (regression after the
# round 29 retrain: the naloxone answer): mental health care beside the addiction
CO_OCCURRING_INTENT = "ask_co_occurring"
_MENTAL_HEALTH_PART = re.compile(
    r"\b(?:deal\s+with|treat|help\s+with|handle|cover|work\s+on|address|do\s+anything\s+(?:for|about))\s+"
    r"(?:the\s+|my\s+|his\s+|her\s+|their\s+)?(?:paranoia|psychosis|hallucinations?|voices|mental\s+health|"
    r"depression|anxiety|ptsd|trauma|bipolar)\b",
    re.IGNORECASE,
)


def asks_about_mental_health_care(text: str | None) -> bool:
    """Whether the program treats a mental health need beside the drug or alcohol use."""
    return _found(_MENTAL_HEALTH_PART, text) and _found(_ASKS, text)


# "I'm a probation officer. If I refer a client, what will I hear back about attendance?"
# (round 31's list: the probation-paperwork answer): what a referrer is told, and on what terms
_PROFESSIONAL = re.compile(
    r"\b(?:(?:probation|parole)\s+(?:officer|agent|dept|department)|p\.?o\.?\s+(?:here|for)|(?:his|her|their|i'?m\s+the)\s+p\.?o\b|case\s*(?:manager|worker)|"
    r"social\s+worker|(?:school|guidance|addiction|substance\s+(?:abuse|use)|licensed|outpatient)\s+counsel+or|"
    r"therapist|clinician|(?:er|ed|hospital)\s+(?:nurse|doc|doctor|staff|social\s+worker)|hr\b|human\s+resources|"
    r"(?:his|her|their|the|my|our)\s+(?:employer|supervisor)|attorney|public\s+defender|drug\s+court|judge|"
    r"(?:my|our|the|a)\s+(?:client|patient|employee|student|probationer|parolee)s?|refer(?:red|ring)?|"
    r"oficial\s+de\s+(?:libertad\s+condicional|probatoria)|agente\s+de\s+(?:probatoria|libertad)|"
    r"trabajador[ao]?\s+social|consejer[ao]\s+(?:escolar|de\s+la\s+escuela)|(?:mi|nuestro)\s+(?:cliente|paciente|empleado)|"
    # "im the house manager at a sober living... will his drug test results get sent to the
    # house?" (stepdown role-play round 37: the patient-facing drug-test answer three times)
    r"house\s+manager|sober\s+living\s+(?:house|home|manager|staff|director|owner)|halfway\s+house|"
    r"recovery\s+(?:house|home|residence)|(?:my|our)\s+residents?|casa\s+de\s+recuperaci[oó]n)\b",
    re.IGNORECASE,
)
_UPDATES = re.compile(
    r"\b(?:hear\s+back|hear\s+anything|(?:get|receive|send)\s+(?:\w+\s+)?(?:updates?|reports?)|updates?\s+on|"
    r"progress\s+reports?|attendance\s+(?:reports?|records?|updates?)|report\s+(?:back|to\s+(?:me|us|the\s+court))|"
    r"let\s+(?:me|us)\s+know\s+(?:if|whether|when|how)|notif(?:y|ied|ication)|keep\s+(?:me|us)\s+(?:posted|informed|in\s+the\s+loop)|"
    r"will\s+(?:i|we)\s+(?:know|find\s+out|be\s+told)|what\s+(?:will|would|do)\s+(?:i|we)\s+(?:hear|get|be\s+told)|"
    r"whether\s+(?:he|she|they)\s+(?:shows?\s+up|showed\s+up|attends?|is\s+attending|tests?\s+positive)|compliance|"
    r"me\s+(?:van\s+a\s+|pueden\s+)?(?:informar|avisar|mandar\s+reportes?)|reportes?\s+de\s+asistencia|"
    r"(?:voy\s+a|vamos\s+a)\s+saber|"
    r"(?:results?|uas?|drug\s+tests?|urine\s+tests?|tests?)\b[^.!?]{0,30}\b(?:get\s+|be\s+)?(?:sent|shared|"
    r"released|reported|given)\s+(?:to|with)|"
    r"(?:get|see|receive|access|send\s+(?:us|me))\s+(?:\w+'?s?\s+){0,3}?(?:drug\s+test\s+|test\s+|ua\s+)?"
    r"(?:results|uas))\b",
    re.IGNORECASE,
)


# someone else's test results asked for by the people around them ("can the house see his
# UA results or not", "if he signs a release can you send us the results"; stepdown
# role-play round 37): what the client agrees to in writing decides
_THEIR_RESULTS = re.compile(
    r"\b(?:house|we|court|probation|po|officer|employer|school|job)\s+(?:\w+\s+){0,2}?(?:see|get|receive|access)\s+"
    r"(?:his|her|their)\s+(?:\w+\s+)?(?:results|uas|drug\s+tests?)\b|"
    r"\b(?:send|share|give|release)\s+(?:us|the\s+house)\s+(?:his|her|their|the)\s+(?:\w+\s+)?"
    r"(?:results|uas|tests?)\b|"
    r"\b(?:his|her|their)\s+(?:\w+\s+)?(?:results|uas|drug\s+tests?)\b[^.!?]{0,30}\b(?:sent|shared|go|released)\s+"
    r"to\s+(?:us|the\s+house|me)\b|"
    r"\bresultados\b[^.!?]{0,30}\b(?:a\s+la\s+casa|nos\s+(?:los\s+)?(?:mandan|pueden\s+mandar|env[ií]an))\b",
    re.IGNORECASE,
)


def asks_what_a_referrer_hears(text: str | None) -> bool:
    """A professional (officer, counsellor, employer, sober living staff) asks what they will
    be told about a client, or anyone asks for someone else's test results."""
    return (_found(_PROFESSIONAL, text) and _found(_UPDATES, text)) or _found(_THEIR_RESULTS, text)


# "What if he no-shows? Does anyone notify me same day", "if he misses a group, do I get
# notified?" from a probation officer who said who she is earlier (stepdown role-play round
# 38: the naloxone answer twice): what she will be told; read with the writer's role
_ABSENCE = (
    r"(?:no[\s-]?shows?|misses?|missed|skips?|skipped|doesn'?t\s+(?:show|come|attend)|stops?\s+(?:showing|coming)|"
    r"falta|no\s+llega|no\s+va)"
)
_TOLD = r"(?:notif\w*|told|tell|know|call(?:ed)?|report\w*|alert\w*|hear|avis\w*|inform\w*)"
_CLIENTS_ATTENDANCE = re.compile(
    rf"\b{_ABSENCE}\b[^.?!]{{0,60}}\b{_TOLD}\b|\b{_TOLD}\b[^.?!]{{0,60}}\b{_ABSENCE}\b|"
    r"\b(?:attendance|missed\s+sessions?|absences?|asistencia)\b.{0,40}\b(?:reported|sent|shared|report)\b",
    re.IGNORECASE,
)


def asks_about_a_clients_attendance(text: str | None) -> bool:
    """What the writer hears about a client's attendance: updates, or a missed session."""
    return _found(_UPDATES, text) or _found(_CLIENTS_ATTENDANCE, text)


# "do I gotta go away somewhere?" (caller role-play round 38: "Did you mean one of these?",
# and he hung up without the answer): no, you live at home; the IOP-or-residential answer
_STAY_THERE = re.compile(
    r"\b(?:do|would|will|does|did)\s+(?:i|he|she|they|we|you|u)\s+(?:have\s+to|gotta|got\s+to|need\s+to|hafta|"
    r"haveta)\s+(?:go\s+away|stay\s+(?:there|overnight|the\s+night|in\s+(?:a|the)\s+\w+)|live\s+there|sleep\s+there|"
    r"move\s+(?:in|there)|be\s+(?:locked\s+up|admitted|inpatient|committed))\b|"
    r"\b(?:is\s+it|it'?s|is\s+this|is\s+iop)\s+(?:a\s+|an\s+)?(?:live[\s-]in|inpatient|residential|overnight|"
    r"lock(?:ed)?[\s-](?:up|down)|sleep[\s-]?over)\b[^.!]{0,30}\?|"
    r"\bcan\s+(?:i|he|she|they|we)\s+(?:still\s+)?(?:live|sleep|stay)\s+(?:at\s+home|in\s+(?:my|his|her|their|our)\s+"
    r"own\s+(?:bed|home|house|place))\b|"
    r"\b(?:be\s+sent|send\s+(?:me|him|her|them))\s+away\b[^.!]{0,30}\?|"
    r"\b(?:tengo|tiene|tendr[ií]a|hay)\s+que\s+(?:quedarme|quedarse|internarme|internarse|irme|irse)\s+"
    r"(?:all[aá]|a\s+vivir|internad[oa]|a\s+dormir)\b|\bes\s+(?:de\s+)?(?:internado|internarse)\b|"
    r"\bpuedo\s+(?:seguir\s+)?(?:viviendo|vivir|dormir|durmiendo)\s+en\s+(?:mi\s+)?casa\b",
    re.IGNORECASE,
)


def asks_if_they_must_stay_there(text: str | None) -> bool:
    """Whether treatment means going away or living there (it does not: IOP is at home)."""
    return _found(_STAY_THERE, text)


# "what is the first day like" (regression after the round 37 retrain: the schedule answer)
_FIRST_DAY = re.compile(
    r"\b(?:what(?:'s|\s+is|\s+are|\s+will)?|how(?:'s|\s+is|\s+does)?|what\s+happens|what\s+do\s+(?:i|we)\s+do)\b"
    r"[^.?!]{0,25}\b(?:the|my|your|a)\s+(?:first|1st)\s+(?:day|session|group|visit|appointment)\b|"
    r"\b(?:expect|bring)\b[^.?!]{0,25}\b(?:first|1st)\s+(?:day|session|group|visit|appointment)\b|"
    r"\b(?:el|mi)\s+primer\s+d[ií]a\b[^.?!]{0,25}\b(?:c[oó]mo|qu[eé])\b|\b(?:c[oó]mo|qu[eé])\b[^.?!]{0,25}\b(?:el|mi)\s+primer\s+d[ií]a\b",
    re.IGNORECASE,
)


def asks_about_the_first_day(text: str | None) -> bool:
    """What the first day, session or group is like."""
    return _found(_FIRST_DAY, text)


def asks_how_to_refer(text: str | None) -> bool:
    """A professional (counsellor, officer, social worker) asks how to refer a client."""
    return _found(_REFERRAL, text)


# a relative asking to take part: "can i come to any of it as his mom?", "can my boyfriend
# come to the family sessions" (blind v22, SMS: a menu)
_FAMILY_JOINS = re.compile(
    r"\b(?:can|could|may|do|would|will)\s+(?:i|we|my\s+\w+|his\s+\w+|her\s+\w+|family|parents)\s+"
    r"(?:be\s+allowed\s+to\s+)?(?:come|go|join|sit\s+in|attend|be\s+(?:there|involved|part))\b"
    r"[^.?!]{0,40}\b(?:as\s+(?:his|her|their)\s+\w+|(?:his|her|their)\s+(?:sessions?|groups?|meetings?)|any\s+of\s+it|"
    r"with\s+(?:him|her|them)|"
    r"family\s+(?:sessions?|therapy|night|day))\b|"
    r"\b(?:puedo|podemos|puede)\s+(?:entrar|ir|estar|participar|acompa[nñ]ar\w*)\b[^.?!]{0,30}\b(?:sesiones|terapia|grupos?|con\s+(?:[eé]l|ella))\b",
    re.IGNORECASE,
)


# "can he come to family sessions? we're not married", "does family have to mean married or
# blood related?" (family role-play round 29: the "if your loved one isn't ready" answer twice)
_WHO_COUNTS_AS_FAMILY = re.compile(
    r"\b(?:not|aren'?t|arent|never\s+got|isn'?t|isnt)\s+(?:\w+\s+)?(?:married|related|blood|family|her\s+husband|his\s+wife)\b|"
    r"\b(?:married|blood(?:\s+related)?|legally)\b[^.?!]{0,30}\b(?:family|count|counts|only)\b|"
    r"\bfamily\b[^.?!]{0,30}\b(?:married|blood|related|relatives?\s+only|legally)\b|"
    r"\b(?:does|do|would|will|can)\s+(?:a\s+|her\s+|his\s+|my\s+)?(?:boyfriend|girlfriend|partner|fianc\w*|bf|gf|"
    r"best\s+friend|roommate|sponsor)s?\s+(?:count|come|join|go|be\s+(?:part|included|involved))\b|"
    r"\b(?:as\s+(?:her|his|their)\s+(?:boyfriend|girlfriend|partner|fianc\w*|bf|gf))\b|"
    r"\bno\s+(?:estamos|somos)\s+casados\b|\b(?:novio|novia|pareja)\s+(?:cuenta|puede\s+(?:ir|entrar|participar))\b",
    re.IGNORECASE,
)
_FAMILY_SESSIONS = re.compile(
    r"\bfamil(?:y|ia|iar(?:es)?)\b|\bsessions?\b|\bsesi[oó]n(?:es)?\b|\bcount\b|\bcome\s+to\b|\bjoin\b",
    re.IGNORECASE,
)


def asks_who_counts_as_family(text: str | None) -> bool:
    """Whether a partner, fiancé or friend who is not a relative may take part."""
    return _found(_WHO_COUNTS_AS_FAMILY, text) and _found(_FAMILY_SESSIONS, text)


# "I'm raising my 15 year old grandson. can I sign for him? will I hear what he says?" (family
# role-play round 29: the adult "depends on state law" answer, then childcare): a guardian's
# questions about a minor in treatment
_MINOR = re.compile(
    # a bare number is an age only when it is not an amount: "a twelve pack and some whiskey"
    # (caller role-play round 38: the answer about teens to a man of fifty-one)
    r"\b(?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\s*(?:-|\s)?(?:years?|yrs?|yo|y/o|a[nñ]os)?"
    r"(?:\s*-?\s*old)?\b(?![.,]?\d)(?!\s*-?\s*(?:packs?|beers?|drinks?|cans?|shots?|pills?|bars?|oz|ounces?|hours?|"
    r"hrs?|days?|weeks?|months?|times?|dollars?|bucks|mg|percs?|blues?|cervezas?|d[ií]as|semanas|meses|horas))|\bunder\s+18\b|\bminor\b|\bmenor\s+de\s+edad\b|\bteen(?:ager)?\b|\bhigh\s+school(?:er)?\b",
    re.IGNORECASE,
)
_GUARDIAN_ASK = re.compile(
    r"\b(?:sign|signs|signing|consent|guardian|custody|legal\s+guardian|firmar|firmo|tutor[ao]?|custodia)\b|"
    r"\b(?:will|would|do|does|can)\s+(?:i|we|his\s+parents|her\s+parents)\s+(?:get\s+to\s+)?(?:hear|be\s+told|know|find\s+out|"
    r"see|get\s+told)\b|\bdo\s+i\s+get\s+told\b|\bme\s+(?:van\s+a\s+)?(?:dicen|cuentan|informan)\b",
    re.IGNORECASE,
)


# "if you're not in ohio can you tell me how to find something near me? columbus area"
# (stepdown role-play round 29: "That's outside what I know"): treatment where the person lives
_ELSEWHERE = re.compile(
    r"\b(?:find|look\s+for|get|know\s+of|recommend|point\s+me\s+to)\s+(?:me\s+)?(?:a\s+|an\s+|some\s+)?"
    r"(?:something|somewhere|a\s+place|a\s+program|an?\s+iop|treatment|rehab|help|one)\s+"
    r"(?:near|close\s+to|around|in)\s+(?:me|here|my\s+(?:area|town|city|state)|where\s+i\s+live|[a-z]+)\b|"
    r"\b(?:something|a\s+program|an?\s+iop|treatment|rehab)\s+(?:near|close\s+to)\s+me\b|"
    r"\b(?:you(?:'re|\s+are)?|u)\s+(?:not|aren'?t|arent)\s+(?:in|near)\s+(?:my\s+(?:state|area|city)|[a-z]+)\b"
    r"[^.?!]{0,60}\b(?:find|other|somewhere|something|where)\b|"
    r"\b(?:algo|un\s+programa|tratamiento|un\s+lugar)\s+(?:cerca\s+de\s+(?:mi|m[ií]\s+casa)|en\s+mi\s+(?:estado|ciudad|[aá]rea))\b",
    re.IGNORECASE,
)


def asks_for_treatment_elsewhere(text: str | None) -> bool:
    """The person asks how to find treatment where they live, outside this program."""
    return _found(_ELSEWHERE, text)


def asks_about_a_minor_in_treatment(text: str | None) -> bool:
    """A parent or guardian asks who signs for a teen, or what they will be told."""
    return _found(_MINOR, text) and _found(_GUARDIAN_ASK, text)


def asks_to_take_part(text: str | None) -> bool:
    """A relative asks to come to sessions or take part."""
    return _found(_FAMILY_JOINS, text)


# "are your groups like okay for gay guys", "is the program lgbtq friendly", "hay grupos para
# gente trans?" (blind v22, voice: a menu)
_LGBTQ = re.compile(
    r"\b(?:lgbt\w*|queer|gay|lesbian|bi(?:sexual)?|trans(?:gender)?|nonbinary|non-binary|enby|"
    r"same[\s-]sex|two[\s-]spirit)\b",
    re.IGNORECASE,
)
_GROUP_FIT = re.compile(
    r"\b(?:groups?|program|iop|sessions?|grupos?|programa|sesiones|people\s+there|counselors?|staff)\b",
    re.IGNORECASE,
)


def asks_about_lgbtq_groups(text: str | None) -> bool:
    """Whether the groups are safe or welcoming for LGBTQ+ people, asked."""
    return _found(_LGBTQ, text) and _found(_GROUP_FIT, text) and _found(_ASKS, text)


def asks_about_being_reported(text: str | None) -> bool:
    """Whether what is said or found in treatment is told to a parent, officer, court or boss."""
    return _found(_REPORTED, text)


def asks_for_paperwork(text: str | None) -> bool:
    """A letter or proof of attendance for a court, an officer or an employer."""
    return _found(_PAPERWORK, text)


def asks_about_immigration(text: str | None) -> bool:
    """Immigration status, papers or a Social Security number named in a message."""
    return _found(_IMMIGRATION, text)


# "my job wouldn't find out right? I don't want them knowing" and "can I make him go if he
# doesn't want to" were read as a crisis by the classifier alone (caller role-play
# 2026-12-04: the 911/988 reply, passed on to the help line as "crisis reported")
CONFIDENTIALITY_INTENT = "ask_confidentiality"
FAMILY_INTENT = "ask_family_involvement"
_PRIVACY = re.compile(
    r"\b(?:find\s+out|finds\s+out|knowing|know\s+about|be\s+told|get\s+told|tell\s+(?:my|his|her)\s+\w+|"
    # "does my boss have to know", "will my famly know" (role-play round 17: out of scope)
    # ("i need to know if my husband has to do a detox first" asks, blind v21)
    r"(?<!\bi\s)(?<!\bwe\s)(?:have|has|need|needs)\s+to\s+know|(?:gonna|going\s+to)\s+know|will\s+(?:my|his|her)\s+\w+\s+know|"
    r"confidential|private|privacy|report\s+(?:me|him|her|it)\s+to\s+(?:my|his|her)\s+(?:job|boss|employer|work))\b",
    re.IGNORECASE,
)
_WHO_FINDS_OUT = re.compile(
    r"\b(?:job|boss|employer|work|coworkers?|school|family|famly|fam|wife|husband|parents?|mom|dad|doctor|insurance|landlord|"
    # "would my company find out", "would I be told what he talks about in group?" (blind
    # v21: a menu and the group-therapy answer)
    r"company|manager|supervisor|hr|union|probation|them)\b",
    re.IGNORECASE,
)
_MAKE_THEM_GO = re.compile(
    r"\b(?:make|force|drag|get)\s+(?:him|her|them|my\s+\w+)\s+(?:to\s+)?(?:go|come|attend|join|do\s+(?:it|this|the\s+program))\b|"
    r"\b(?:sign|enroll|enrol|commit)\s+(?:him|her|them|my\s+\w+)\s+(?:up\s+)?(?:without|against|even\s+if)\b|"
    r"\b(?:does|do)\s+(?:he|she|they)\s+have\s+to\s+(?:agree|want|say\s+yes|consent)\b|"
    r"\bobligar(?:lo|la|le)?\b|\b(?:lo|la)\s+puedo\s+obligar\b|"
    # a relative who refuses (es-v3: "y si el no quiere ir? ya le dije y se enoja" got 911)
    r"\b(?:what\s+if|y\s+si)\s+(?:he|she|they|[eé]l|ella|ellos|my\s+\w+|mi\s+\w+)\s+"
    r"(?:doesn'?t|does\s+not|don'?t|won'?t|refuses\s+to|no)\s+(?:want\s+to\s+|quiere\s+)?"
    r"(?:go|come|ir|venir|entrar|get\s+help|ayuda)\b|"
    # "he says hes fine and wont go. what do i do" (texter role-play round 21: the 911 reply)
    r"\b(?:he|she|they|my\s+\w+|and)\s+(?:won'?t|wont|will\s+not|refuses\s+to|doesn'?t\s+want\s+to)\s+"
    r"(?:go|come|get\s+help|do\s+(?:it|the\s+program))\b[^?]{0,40}\b(?:what\s+(?:do|can|should)\s+"
    r"(?:i|we)\s+do|how\s+(?:do|can)\s+(?:i|we))\b",
    re.IGNORECASE,
)


# an employer or a relative asking what they will hear: "Would I be told what he talks about
# in group?" (blind v21: the group-therapy answer)
_TOLD_WHAT_THEY_SAY = re.compile(
    r"\b(?:would|will|do|does|can|could)\s+(?:i|we)\s+(?:be|get)\s+told\s+what\s+(?:he|she|they)\s+"
    r"(?:says?|said|talks?\s+about|shares?)\b|"
    r"\b(?:would|will|do|can)\s+(?:i|we)\s+(?:hear|know|find\s+out)\s+what\s+(?:he|she|they)\s+"
    r"(?:says?|talks?\s+about|shares?)\s+(?:in|at)\s+(?:group|therapy|sessions?|counseling)\b",
    re.IGNORECASE,
)


def asks_who_finds_out(text: str | None) -> bool:
    """A question whether someone (a job, family) will find out: the privacy answer."""
    return (_found(_PRIVACY, text) and _found(_WHO_FINDS_OUT, text)) or _found(
        _TOLD_WHAT_THEY_SAY, text
    )


def asks_whether_someone_finds_out(text: str | None) -> bool:
    """Asked as a question ("would my boss have to know?"), not only said ("my family
    knows about my drinking")."""
    return asks_who_finds_out(text) and _found(_ASKS, text)


def asks_to_make_someone_go(text: str | None) -> bool:
    """Whether a relative can make an adult go (the family answer says: state law, and how)."""
    return _found(_MAKE_THEM_GO, text)


# "what's the best way to get to your building", "how do i get there by bus" (the held-out
# set and the caller role-plays: the first-day answer): where the program is
LOCATION_INTENT = "ask_location_hours"
_DIRECTIONS = re.compile(
    r"\b(?:get|getting|go|drive|walk|come)\s+to\s+(?:your|the|ur)\s+(?:building|office|place|location|"
    r"clinic|center|centre|site)\b|\bdirections\s+to\b|\bwhere\s+(?:are\s+you|is\s+(?:your|the)\s+"
    r"(?:building|office|clinic|center|program))\b|\bparking\b|"
    r"\bc[oó]mo\s+llego\b|\bd[oó]nde\s+(?:est[aá]n|quedan|queda\s+(?:el|la))\b",
    re.IGNORECASE,
)


def asks_for_directions(text: str | None) -> bool:
    """A question about where the program is or how to get there."""
    return _asked(_DIRECTIONS, text)


# "will this mess with my work schedule", "will i lose my job over this" (held-out set; the
# role-plays): keeping work or school while in the program
WORK_INTENT = "ask_work_school"
_KEEP_WORKING = re.compile(
    r"\b(?:mess\s+(?:with|up)|interfere\s+with|conflict\s+with|get\s+in\s+the\s+way\s+of|affect)\s+"
    r"(?:my|his|her|their)\s+(?:work|job|school|classes|shifts?|work\s+schedule)\b|"
    r"\b(?:keep|lose|quit)\s+(?:my|his|her)\s+(?:job|work)\b(?=[^.!?]{0,40}\b(?:program|iop|this|treatment|it)\b)|"
    # "if i did the program thing would i have to quit my job" (regression, after the retrain)
    r"\b(?:program|iop|treatment)\b[^.!?]{0,40}\b(?:keep|lose|quit)\s+(?:my|his|her)\s+(?:job|work)\b",
    re.IGNORECASE,
)


# "i get the vivitrol shot every month. can i still do iop on it?", "do i gotta get off
# methadone to do your program", "puedo entrar si estoy en metadona" (blind v21 / es-v12: the
# drug testing, dosing and menu answers): whether treatment with medicine and IOP go together
STAYING_ON_MEDICATION_INTENT = "ask_staying_on_medication"
_MOUD = (
    # "the vivi trawl shot" (voice speech-to-text, blind v24, read in round 30: chat privacy)
    r"(?:methadone|suboxone|subs|bupe|buprenorphine|subutex|sublocade|vivitrol|naltrexone|"
    r"viv[iea]\s*tro[lw]l?|viv[iea]\s*trawl|"
    r"the\s+shot|my\s+(?:shot|meds|medication|medicine|dose|strips|film)|metadona|buprenorfina|"
    r"naltrexona|mi\s+(?:medicina|medicamento|dosis|tratamiento))"
)
_STAYING_ON_MEDICATION = re.compile(
    r"\b(?:can|could|do|will|would|may)\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:still\s+)?"
    r"(?:do|attend|come|join|go|start|be\s+in|get\s+in(?:to)?|enroll|sign\s+up)\b[^.?!]{0,30}?"
    rf"\b(?:on|while\s+(?:on|taking)|if\s+(?:i'?m|im|he'?s|she'?s|they'?re)\s+on|and\s+(?:stay|keep)\s+on|with)\s+"
    rf"(?:it|that|them|{_MOUD})\b|"
    r"\b(?:do|does|will|would)\s+(?:i|he|she|they|we)\s+(?:have|need|gotta|got)\s+to\s+(?:get|come|go)\s+off\s+"
    rf"(?:of\s+)?(?:it|that|them|{_MOUD})\b[^.?!]{{0,20}}?\b(?:to|for|before)\b|"
    r"\b(?:do\s+i|does\s+(?:he|she))\s+(?:gotta|got\s+to|have\s+to)\s+get\s+off\s+(?:it|that)\s+to\s+(?:do|join|start)\b|"
    r"\b(?:puedo|puede|podr[ií]a)\s+(?:entrar|seguir|ir|estar|participar)\b[^.?!]{0,40}?"
    rf"\b(?:con|tomando|si\s+estoy\s+en|estando\s+en)\s+(?:la\s+|el\s+)?{_MOUD}\b|"
    r"\b(?:me|le)\s+(?:van\s+a|tienen\s+que)\s+quitar\s+(?:la\s+|el\s+)?" + _MOUD,
    re.IGNORECASE,
)


_ON_MOUD = re.compile(
    rf"\b(?:i'?m|im|i\s+am|he'?s|hes|she'?s|shes|they'?re|estoy|est[aá]|ando)\s+(?:on|en|taking|tomando|con)\s+"
    rf"(?:la\s+|el\s+)?{_MOUD}\b[^?]{{0,60}}?\b(?:can|could|may)\s+(?:i|he|she|they)\s+(?:still\s+)?"
    r"(?:do|join|come|attend|start|get\s+in|go)\b|"
    rf"\b(?:estoy|est[aá]|ando)\s+(?:en|con|tomando)\s+(?:la\s+|el\s+)?{_MOUD}\b[^?]{{0,60}}?"
    r"\b(?:puedo|puede)\s+(?:entrar|ir|participar|estar|venir)\b",
    re.IGNORECASE,
)
_A_MEDICINE = re.compile(rf"\b{_MOUD}\b", re.IGNORECASE)


# right after the answer about staying on medicine: "so i dont gotta come off it" (blind v24,
# voice, read in round 30: a goodbye); "does that matter for the program" with the shot named
_COME_OFF_IT = re.compile(
    r"\bso\s+(?:i|he|she|we)\s+(?:don'?t|dont|do\s+not|doesn'?t|doesnt)\s+(?:gotta|have\s+to|need\s+to|"
    r"got\s+to|has\s+to)\s+(?:come|get|go)\s+off\s+(?:of\s+)?(?:it|that|them|the\s+\w+)\b|"
    r"\b(?:do|will|would|does)\s+(?:i|he|she)\s+(?:have|need|gotta|has)\s+to\s+(?:come|get|go)\s+off\s+"
    r"(?:of\s+)?(?:it|that|them)\s*\??\s*$",
    re.IGNORECASE,
)
_DOES_IT_MATTER = re.compile(
    r"\b(?:does|would|will|is)\s+(?:that|it|this)\s+(?:matter|a\s+problem|an\s+issue|ok|okay)\s+"
    r"(?:for|with|in)\s+(?:the|your|this)\s+program\b",
    re.IGNORECASE,
)


# "what if I miss a dose, do I get sick or kicked out" from someone on methadone (caller role-play
# round 33: the naloxone answer, then a seizure warning)
_MISSED_DOSE = re.compile(
    r"\b(?:miss|missed|missing|skip|skipped)\s+(?:a\s+|my\s+|one\s+|the\s+)?(?:dose|doses|dosing|day\s+of\s+dosing|shot|strip)\b",
    re.IGNORECASE,
)


def asks_about_staying_on_medication(text: str | None) -> bool:
    """Whether someone on medicine for opioid or alcohol use can do IOP with it."""
    if _found(_COME_OFF_IT, text):
        return True
    if _found(_MISSED_DOSE, text) and (_found(_A_MEDICINE, text) or _found(_ASKS, text)):
        return True
    return _found(_A_MEDICINE, text) and (
        _asked(_STAYING_ON_MEDICATION, text)
        or _asked(_ON_MOUD, text)
        or _found(_DOES_IT_MATTER, text)
    )


# "I take oxycodone as prescribed for a spine injury... Do I even qualify?", "would I have to
# stop my pain medication to be in it?" (stepdown role-play round 29: the naloxone answer, a
# menu, the psychiatry answer; "so confused"): prescribed pain medicine and the program
_PAIN_MED = (
    r"(?:oxycodone|oxycontin|oxy|percocets?|hydrocodone|norcos?|vicodin|tramadol|morphine|"
    r"dilaudid|hydromorphone|fentanyl\s+patch(?:es)?|pain\s+(?:meds?|medications?|medicines?|pills?|"
    r"killers?|management\s+meds?)|painkillers?|(?:mi|la|las)\s+(?:medicina|pastillas?)\s+para\s+el\s+dolor)"
)
_PRESCRIBED = re.compile(
    rf"\b{_PAIN_MED}\b[^.?!]{{0,40}}?\b(?:as\s+prescribed|prescribed|from\s+my\s+doctor|my\s+doctor\s+"
    r"(?:gives|gave|prescribes)|recetad[ao]s?|con\s+receta)\b|"
    rf"\b(?:prescribed|my\s+prescription\s+for)\s+(?:\w+\s+){{0,2}}?{_PAIN_MED}\b|"
    r"\bpain\s+(?:management\s+)?(?:doctor|dr|clinic|specialist)\b",
    re.IGNORECASE,
)
_A_PAIN_MED = re.compile(rf"\b{_PAIN_MED}\b", re.IGNORECASE)
# "would I have to stop my pain medication": the medicine is theirs, said without "prescribed"
_THEIR_OWN_MEDICINE = re.compile(r"\b(?:stop|keep|stay\s+on)\s+(?:my|mi)\b", re.IGNORECASE)
_PAIN_MED_AND_PROGRAM = re.compile(
    rf"\b(?:stop|quit|come\s+off|get\s+off|give\s+up|keep|stay\s+on|keep\s+taking|dejar|seguir\s+tomando)\s+"
    rf"(?:(?:my|his|her|the|mi|la|las)\s+)?{_PAIN_MED}\b|"
    r"\b(?:do|would|will|can|could)\s+(?:i|he|she|they)\s+(?:even\s+|still\s+)?(?:qualify|be\s+eligible|"
    r"be\s+accepted|get\s+in|do\s+(?:this|it|iop|the\s+program)|join|come)\b|"
    r"\b(?:is\s+(?:this|iop|it)\s+(?:even\s+)?for\s+(?:me|someone\s+like\s+me|people\s+like\s+me))\b|"
    r"\b(?:calif(?:ico|ica)|puedo\s+entrar)\b",
    re.IGNORECASE,
)


def asks_about_prescribed_pain_medicine(text: str | None) -> bool:
    """Someone on prescribed pain medicine asks whether they fit IOP, or must stop it."""
    clean = " ".join(str(text or "").split())
    return (
        _found(_A_PAIN_MED, clean)
        and _found(_PAIN_MED_AND_PROGRAM, clean)
        and (_found(_PRESCRIBED, clean) or _found(_THEIR_OWN_MEDICINE, clean))
    )


# "would i have to stop my lamictal to do the program" (blind v21: the work answer): a
# mental-health medicine and the program (the psychiatry answer)
MEDICATION_INTENT = "ask_medication"
_PSYCH_MED = (
    r"(?:lamictal|lamotrigine|lithium|seroquel|quetiapine|zoloft|sertraline|prozac|fluoxetine|lexapro|"
    r"escitalopram|wellbutrin|bupropion|abilify|depakote|celexa|effexor|cymbalta|trazodone|"
    r"antidepressants?|mood\s+stabilizers?|psych\s+meds|my\s+(?:psych\s+|mental\s+health\s+)?meds|"
    r"my\s+medications?|antidepresivos?|(?:(?:mi|la)\s+)?medicina\s+(?:para|de)\s+la\s+(?:depresi[oó]n|ansiedad))"
)
_OWNED_PSYCH_MED = r"(?:(?:my|his|her|their|mi|mis|su|sus)\s+)?" + _PSYCH_MED
_PSYCH_MED_AND_THE_PROGRAM = re.compile(
    r"\b(?:have|need|gotta|got)\s+to\s+(?:stop|quit|get\s+off|come\s+off)\s+(?:taking\s+)?"
    + _OWNED_PSYCH_MED
    + r"\b|\b(?:can|could|may)\s+i\s+(?:keep|stay\s+on|still\s+take|keep\s+taking)\s+"
    + _OWNED_PSYCH_MED
    + r"\b|\b(?:tengo|tendr[ií]a)\s+que\s+dejar\s+"
    + _OWNED_PSYCH_MED
    + r"|"
    + _PSYCH_MED
    + r"[^?]{0,40}\b(?:(?:la|lo|las|los)\s+puedo\s+seguir\s+tomando|can\s+i\s+(?:keep|still)\s+"
    r"(?:taking|take)\s+(?:it|them))\b",
    re.IGNORECASE,
)


def asks_about_psych_medicine(text: str | None) -> bool:
    """Whether a mental-health medicine can be kept in the program."""
    return _found(_PSYCH_MED_AND_THE_PROGRAM, text)


# "i did iop last year. can i come back or do i have to start over", "my wife did your
# program two years ago... can she just come back" (blind v21: menus, the after-IOP answer)
RELAPSE_INTENT = "ask_relapse"
_COMING_BACK = re.compile(
    r"\b(?:can|could|may|will|would)\s+(?:i|she|he|they|we|my\s+\w+)\s+(?:just\s+|still\s+|ever\s+)?"
    r"(?:come|go|get)\s+back\b(?!\s+(?:later|tomorrow|to\s+(?:you|this\s+chat|the\s+questions)|here|online|another))|"
    r"\bstart\s+(?:all\s+)?over\s+from\s+(?:scratch|the\s+beginning)\b|"
    r"\b(?:come|coming|go|going)\s+back\s+to\s+(?:the|your|y'?all'?s?)\s+(?:program|iop|groups?)\b|"
    r"\b(?:puedo|puede|podr[ií]a)\s+(?:volver|regresar)\s+(?:a\s+(?:su|el)\s+programa|al\s+programa)\b|"
    # "i left rehab early last week, like against medical advice... can i still do your program"
    # (stepdown role-play round 33: the cost answer twice, "court-ordered care")
    r"\b(?:left|leaving|walked\s+out\s+of|quit|dropped\s+out\s+of)\s+(?:rehab|treatment|residential|detox|"
    r"inpatient|the\s+program)\b[^?]{0,80}\b(?:can|could|will|would|do)\s+(?:i|they|you|y'?all)\s+(?:still\s+)?"
    r"(?:do|come|get\s+in|get\s+into|take\s+me|join|start|accept\s+me)\b|"
    r"\b(?:turn\s+me\s+away|still\s+take\s+me|judge\s+me)\b[^.]{0,40}\b(?:leaving|left|ama|against\s+(?:medical\s+)?advice)\b|"
    r"\b(?:leaving|left)\s+(?:\w+\s+){0,3}?(?:ama|against\s+(?:medical\s+)?advice)\b[^.]{0,60}\?|"
    r"\b(?:(?:can|could)\s+(?:i|he|she)|(?:i|he|she)\s+(?:can|could))\s+(?:still\s+)?(?:get\s+into|do|start|join|come\s+to)\b"
    r"[^?.]{0,40}\b(?:after|even\s+though)\s+"
    r"(?:i\s+|he\s+|she\s+)?(?:left|leaving|walked\s+out)\b",
    re.IGNORECASE,
)


# "i was sober a year and slipped", "i went back to drinking after treatment", "my husband
# relapsed after rehab what now" (round 27 retrain: the screening offer): a relapse after
# care or sobriety, told, is the relapse answer's question
_TELLS_RELAPSE = re.compile(
    r"\b(?:relapsed|slipped|went\s+back\s+to\s+(?:drinking|using|the\s+\w+)|started\s+(?:drinking|using)\s+again|"
    r"picked\s+(?:up|back\s+up)\s+again)\b[^.?!]{0,40}\b(?:after|following|since)\s+(?:\w+\s+){0,2}?(?:treatment|rehab|detox|"
    r"iop|program|sobriety|residential|\d+\s+(?:days|weeks|months|years)|a\s+(?:year|month))\b|"
    r"\b(?:was|been|had\s+been)\s+(?:sober|clean)\s+(?:for\s+)?(?:a|an|\d+|one|two|three|six)\s+\w+\s+(?:and|but)\s+"
    r"(?:i\s+|he\s+|she\s+)?(?:slipped|relapsed|used|drank|messed\s+up)\b|"
    r"\brelapsed\s+(?:after|following)\s+(?:rehab|treatment|detox|iop)\b",
    re.IGNORECASE,
)


def tells_of_a_relapse(text: str | None) -> bool:
    """A return to use after treatment or a sober time."""
    return _found(_TELLS_RELAPSE, text)


def asks_about_coming_back(text: str | None) -> bool:
    """Whether someone who was in the program (or relapsed) can come back."""
    return _found(_COMING_BACK, text)


# "she has medicaid", "medicaid" after the cost answer (blind v21, SMS: the screening offer;
# texter role-play round 28: a warning about stopping benzos)
_TELLS_INSURANCE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|yes|yeah|well|and)\W+)?(?:(?:she|he|i|we|they|my\s+\w+)\s+(?:has|have|got|is\s+on|am\s+on|"
    r"are\s+on|uses?|only\s+has|only\s+have)\s+)?(?:medicaid|medicare|medi-?cal|tricare|blue\s+cross(?:\s+blue\s+shield)?|"
    r"bcbs|aetna|cigna|united(?:\s*healthcare)?|humana|kaiser|ambetter|molina|no\s+insurance|"
    r"insurance\s+through\s+(?:work|my\s+job))\W*(?:\?|do\s+(?:you|u)\s+take\s+(?:it|that)\W*)?$",
    re.IGNORECASE,
)


# "if i get a job with insurance in the middle of the program can i switch over", "si pasa de
# molina a medicaid normal sigue igual en el programa" (blind v25/es-v16, read in round 31:
# the privacy answer, a menu)
_INSURANCE_CHANGE = re.compile(
    r"\b(?:insurance|medicaid|medicare|coverage|seguro)\b[^.?!]{0,80}\b(?:switch\w*|chang\w*|transfer\w*|"
    r"cambi\w*|pasa\s+de|pase\s+de)\b|"
    r"\b(?:switch\w*|chang\w*|los[et]\w*|lose|cambi\w*|pierd\w*|perd\w*)\s+(?:\w+\s+){0,3}?(?:insurance|medicaid|"
    r"medicare|coverage|seguro)\b[^.?!]{0,60}\b(?:program|iop|treatment|programa|tratamiento|middle|mitad|"
    r"still|sigue|afecta|affect)\b|"
    r"\b(?:si\s+)?pasa\s+de\s+\w+\s+a\s+(?:medicaid|medicare|otro\s+seguro)\b",
    re.IGNORECASE,
)


# "am i actually addicted if i get anxious and cant sleep when i skip a day" (blind v25, read in
# round 31: the detox offer alone); "soy adicto si...", "is my drinking a problem"
AM_I_ADDICTED_INTENT = "ask_am_i_addicted"
_AM_I_ADDICTED = re.compile(
    r"\b(?:am\s+i|is\s+(?:he|she)|are\s+(?:we|they))\s+(?:actually\s+|really\s+|officially\s+|technically\s+)?"
    r"(?:an?\s+)?(?:addicted|addict|alcoholic|hooked|dependent)\b|"
    r"\b(?:how\s+do\s+(?:i|you)\s+know|how\s+can\s+i\s+tell)\s+if\s+(?:i'?m|im|i\s+am|he'?s|hes|she'?s|shes)\s+"
    r"(?:an?\s+)?(?:addicted|addict|alcoholic|hooked|dependent)\b|"
    r"\bis\s+(?:my|his|her)\s+(?:drinking|use|using|smoking|weed\s+use)\s+(?:a\s+problem|an\s+addiction|bad\s+enough)\b|"
    r"\b(?:soy|es|sera|ser[aá])\s+(?:un\s+|una\s+)?(?:adict[oa]|alcoh[oó]lic[oa])\b",
    re.IGNORECASE,
)


# "who watches his little sister while I am at family night, do you have childcare?" (blind v25,
# read in round 31: a menu)
CHILDCARE_INTENT = "ask_childcare_transport"
_CHILDCARE = re.compile(
    r"\bchild\s?care\b|\bbaby\s?sit\w*|\bwho\s+(?:watches|will\s+watch|would\s+watch|takes\s+care\s+of)\s+"
    r"(?:my|his|her|our|the)\s+(?:kids?|children|son|daughter|little\s+\w+|baby)\b|"
    r"\bguarder[ií]a\b|\bqui[eé]n\s+(?:me\s+)?cuida\s+a\s+(?:mis|los|mi|su)\s+(?:ni[nñ]os|hijos|hij[oa]|beb[eé])\b",
    re.IGNORECASE,
)


def asks_about_childcare(text: str | None) -> bool:
    """Childcare during sessions, asked about."""
    return _found(_CHILDCARE, text)


def asks_if_addicted(text: str | None) -> bool:
    """Whether their (or a loved one's) use counts as addiction, asked."""
    return _found(_AM_I_ADDICTED, text)


def asks_about_changing_insurance(text: str | None) -> bool:
    """Changing or losing a health plan during the program, asked about."""
    return _found(_INSURANCE_CHANGE, text)


def tells_insurance(text: str | None) -> bool:
    """A short message naming a health plan: the cost answer, about that plan."""
    return _found(_TELLS_INSURANCE, text)


def asks_about_keeping_work(text: str | None) -> bool:
    """A question whether the program gets in the way of work or school."""
    return _asked(_KEEP_WORKING, text)


# Details of the program nobody has told us ("is this a religious program?", "are the groups
# lgbtq friendly?", "is there a women-only group?", "can i bring my dog?", "are there smoking
# breaks?": v14, each answered with an unrelated topic's text). Said honestly instead: not
# something this assistant knows, and a person who does (the out-of-scope reply).
UNKNOWN_DETAIL_INTENT = "out_of_scope"
UNKNOWN_DETAIL_REASON = "program detail"  # the control gate's reason
_UNKNOWN_DETAIL = re.compile(
    r"\b(?:religious|religion|faith[\s-]based|christian\s+(?:program|based|rehab)|church[\s-]based|"
    r"higher\s+power|spiritual\s+(?:program|stuff)|12[\s-]step\s+based|twelve[\s-]step\s+based|"
    r"lgbt\w*|queer|trans(?:gender)?\s+(?:friendly|people|folks|clients)|i'?m\s+trans\b|gay[\s-]friendly|"
    r"nonbinary|non-binary|pronouns|"
    r"(?:women|woman|female|men|male|ladies|girls|guys)(?:'?s)?[\s-]only|gender[\s-]specific|"
    r"(?:all[\s-])?(?:women|female)(?:'?s)?\s+groups?|"
    r"(?:my\s+|a\s+)?(?:dog|cat|pet)s?\b(?=[^.?!]{0,60}\b(?:bring|allowed|come|sessions?|groups?)\b)|"
    r"(?:service|emotional\s+support)\s+(?:animal|dog)s?|"
    r"(?:smok(?:e|ing)|cigarette|vape|vaping|nicotine)\s+breaks?|(?:allowed\s+to|can\s+i|can\s+we)\s+"
    r"(?:smoke|vape)\b|"
    r"snacks?|lunch\s+(?:break|provided)|dress\s+code|"
    r"programa\s+religioso|cristiano|iglesia|grupos?\s+(?:solo\s+)?(?:de|para)\s+mujeres|mascota|"
    r"(?:descansos?|break)\s+para\s+fumar|puedo\s+fumar)\b",
    re.IGNORECASE,
)


def asks_about_an_unknown_detail(text: str | None) -> bool:
    """A question about a detail of the program this assistant has no facts for."""
    text = str(text or "")
    return bool(_ASKS.search(text)) and bool(_UNKNOWN_DETAIL.search(text))
