"""Words that speak of danger itself, not of use: for a crisis guess by the classifier alone.

Once the outsider crisis sets were in training, the classifier alone was sure of a
crisis in screening answers ("me. got a dui and my lawyer said look into programs",
"he drinks a lot and takes some kind of anxiety pill"; personas, CI 2026-12-04). Inside
a form such a guess ends the form only when the answer also says something about
danger; substances, pills and amounts are what the screening asks for, so they are
not danger words here. The crisis lexicon's hits always end the form.

Outside forms too (v7, 2026-12-05): the classifier alone was sure of a crisis in "I don't
have a car either. bus takes forever", "blues" and "is there help for me too not just her".
The crisis guard takes its next guess (or asks the check-in question, for words of despair)
when no word here is in the message.

Standard library only.
"""

from __future__ import annotations

import re

_DANGER = re.compile(
    r"\b(?:di(?:e|es|ed|ing)|dying|dead|death|kill\w*|suicid\w*|unalive\w*|kms|end\s+(?:it|my|this|things)|"
    r"overdos\w*|od|od'?d|od'?ing|breath\w*|unresponsive|(?:won'?t|can'?t|cannot|not|didn'?t)\s+wak\w*|passed\s+out|blue(?!\s+(?:pills?|ones|tabs?|m\s?30s?|30s|bars?|xanax|dolphins?))|seiz\w*|"
    r"convuls\w*|hallucinat\w*|bleed\w*|guns?|pistols?|rifles?|knife|knives|blades?|razor|rope|noose|bridge|roof|"
    r"hurt\w*|harm\w*|cut(?:ting)?\s+(?:my|him|her)|burn(?:ing|ed)?\s+my|hit(?:ting)?\s+me|beat\w*|"
    r"chok\w*|strangl\w*|threat\w*|weapon|stab\w*|shoot\w*|attack\w*|danger\w*|emergency|911|"
    r"ambulance|chest|heart|faint\w*|confus\w*|goodbye|better\s+off|burden|disappear|hopeless|"
    r"unconscious|collaps\w*|limp|foaming|jump\w*|hang\w*|no\s+reason\s+to|"
    r"can'?t\s+(?:go\s+on|do\s+this|take\s+it|move|feel)|alive|not\s+(?:be\s+)?(?:here|around)|"
    # v7: what the classifier caught that the first list missed (a way to go, having enough,
    # a goodbye, weapons and blows, a child who is sleepy or drooling, heat stroke on molly)
    r"painless|(?:have|got)\s+enough|deeper|other\s+side|or\s+ever|finish\s+(?:it|me|him|her|the\s+job)|"
    r"it'?s\s+over|sorry\s+for\s+everything|take\s+care\s+of\s+(?:mom|dad|my|the\s+kids)|make\s+sure\s+i|"
    # (not the withdrawal symptoms a screening asks about: shaky, sweaty, throwing up)
    r"bat|crowbar|hammer|hitting|punch\w*|slap\w*|dragg\w*|damage|sleepy|drowsy|drool\w*|wobbly|"
    r"overheat\w*|degrees|on\s+fire|jaw|bugs|snakes|voices|paranoi\w*|psychos\w*|swallow\w*|"
    # v12: farewells and affairs put in order, with a program word in them ("wrote my will and
    # notes for my kids. you can give my intake spot to someone else", "the life insurance goes
    # to my son", "by the time she reads this I'll be gone"), and a partner shoving her around
    r"(?:was|were)n'?t\s+here|my\s+will|wills?\s+and|notes?\s+for\s+my|life\s+insurance|"
    r"won'?t\s+need|wont\s+need|by\s+the\s+time|be\s+gone|move\s+on\s+without|shov\w*|"
    r"scream\w*|seguro\s+de\s+vida|desped\w*|"
    # round 21: "dont bother. i already decided. i just wanted someone to know" (a goodbye
    # after a crisis reply, read as cancelling a callback)
    r"(?:already|have|'ve|made\s+up\s+my\s+mind|i)\s+decided\b(?!\s+(?:to\s+(?:sign|start|go|get|try|call|come|do\s+the)|on\b))|"
    r"just\s+wanted\s+(?:some(?:one|body)|you|u|any(?:one|body))\s+to\s+know|"
    # round 25 (v19/es-v10 crisis misses with none of the words above): guns, a face gone
    # white, no answer, seeing or hearing things, a head hit, pregnancy warning signs, a plan
    # to be found, someone stopping them; Spanish hanging, cutting, the chest, no feeling
    r"clammy|not\s+(?:answering|responding)|won'?t\s+(?:answer|respond)|"
    r"seeing\s+(?:\w+\s+){0,2}?(?:things|spots|stuff|shadows|bugs|spiders|snakes)|see(?:ing)?\s+things|"
    r"hearing\s+(?:things|music|voices)|(?:they'?re|theyre|they\s+are)\s+not\s+(?:really\s+)?there|"
    r"(?:aren'?t|arent)\s+(?:really\s+)?there|"
    r"(?:hit|banged|bumped)\s+(?:my|his|her|their)\s+head|baby\s+(?:stopped|isn'?t|hasn'?t|not)\s+mov\w*|"
    r"soaking\s+through|finds?\s+me|stopping\s+me|my\s+own\s+way|won'?t\s+be\s+around|for\s+good\s+tonight|"
    r"ahorc\w*|me\s+mate\b|cortando|cortarme|me\s+cort[eé]|pecho|sin\s+responder|no\s+responde|"
    r"no\s+siento\s+(?:las|los|el|la|mis)\b|veo\s+(?:doble|sombras|luces|cosas|manchas)|viendo\s+(?:sombras|luces|cosas|manchas)|"
    r"oigo\s+(?:cosas|voces|m[uú]sica)|brazo\s+izquierdo|sud(?:o|ando)\s+fr[ií]o|no\s+se\s+ha\s+movido|"
    r"me\s+pegu[eé]\s+en\s+la\s+cabeza|"
    # Spanish and Spanglish (v7): matar, morir, sobredosis, no respira...
    r"mat(?:ar|o|a|arme|arse|arlo|arla)|muer\w*|morir\w*|suicid\w*|sobredosis|respir\w*|convuls\w*|"
    r"inconsciente|desmay\w*|pastillas?|cuchillo|pistola|arma|sangr\w*|pega\w*|peg[oó](?!\s+(?:un\s+)?ojo)|golpe\w*|"
    r"trag(?:ó|ar|ue|u[eé])\w*|(?<!\bun\s)(?<!\bel\s)(?<!\bmi\s)(?<!\bun\sbuen\s)trago(?!s\b)|temblando|confundid[oa]|alucin\w*|despedida|despierta|morad[oa]s?|puente|saltar)\b",
    re.IGNORECASE,
)


def has_danger_words(text: str) -> bool:
    """Whether the text says anything about danger (not only about use)."""
    return bool(_DANGER.search(text or ""))


# someone took something: "he took some pills i think" right after an overdose report (a
# regression conversation). Outside forms only: inside the screening "took some pills this
# morning" answers the question asked.
_TOOK_SOMETHING = re.compile(
    r"\b(?:took|take|taken|taking|swallowed|ate|popped|snorted|shot|injected|drank|mixed|od)\b"
    r"[^.!?]{0,40}\b(?:pills?|bottle|xanax|bars|percs?|oxys?|fent\w*|heroin|dope|meds|"
    r"medications?|tablets|benzos?|something|everything|too\s+much|too\s+many)\b|"
    # Spanish (es-v10: "ya me tome el frasco de klonopin con tequila. adios" got the suicide
    # reply, "if you are in danger, call 911", instead of 911 for what was taken)
    r"\b(?:me\s+tom[eé]|se\s+tom[oó]|me\s+met[ií]|se\s+meti[oó]|me\s+tragu[eé]|se\s+trag[oó]|"
    r"me\s+inyect[eé]|se\s+inyect[oó]|mezcl[eé]|mezcl[oó])\b[^.!?]{0,40}\b(?:pastillas?|frasco|bote|"
    r"xanax|klonopin|clonazepam|fentanilo|fenta|percos?|oxis?|todo|todas|medicinas?|\d+)\b",
    re.IGNORECASE,
)


# a habit told, not a dose just taken: "ive been taking pills from work" (v8, a nurse
# asking whether IOP is confidential got the crisis reply)
_HABIT_BEFORE = re.compile(
    r"\b(?:been|started|start|keeps?|kept|stop|quit|of|from|about|habit\s+of)\s+$", re.IGNORECASE
)


def says_something_was_taken(text: str) -> bool:
    """Whether the text says someone took a drug or pills (not only that they use)."""
    text = text or ""
    return any(
        not _HABIT_BEFORE.search(text[: found.start()]) for found in _TOOK_SOMETHING.finditer(text)
    )


# "im on suboxone right now through my doctor" (tests/safety: the classifier alone read a
# sure crisis once v10's crisis set was in training): treatment, not danger
_ON_TREATMENT = re.compile(
    r"\b(?:on|taking|take|takes|prescribed|started|getting)\s+(?:my\s+|his\s+|her\s+)?"
    r"(?:suboxone|subutex|methadone|buprenorphine|naltrexone|vivitrol|sublocade|zubsolv|"
    r"metadona|buprenorfina)\b",
    re.IGNORECASE,
)


def names_treatment_medicine(text: str) -> bool:
    """The person is on a medicine for opioid use disorder (methadone, Suboxone...)."""
    return bool(_ON_TREATMENT.search(text or ""))
