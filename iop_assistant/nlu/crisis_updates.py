"""What a person tells us after a crisis reply: help is coming, no naloxone, it's over.

Role-played people in danger said "I already called 911", "we don't have
Narcan, what now", "I can't afford an ambulance" or "I'm safe now, he left",
and got the first crisis instruction again ("Call 911 now") as if nobody had
listened. This component recognises those updates and turns the message into
the ``crisis_update`` intent with an entity saying which update it is; the
reply (``utter_crisis_update``) is chosen by that kind and by the crisis
category already on the conversation, still as a static response.

Only explicit wording counts (a 911 call, paramedics, naloxone, an ambulance
bill, "I'm safe now"); a past event ("I called 911 for my friend last year")
is left alone. An update never hides new danger: "I'm safe now but he said he
will come back and kill me" keeps the crisis reply, and "called 911 and he's
still not breathing" gets the help-is-coming reply, which repeats the rescue
steps for the category the crisis guard found.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from iop_assistant.language.reply_reasons import (
    CPS_REASON,
    GATE_OUTPUT,
    OVERDOSE_OVER_REASON,
    WITHDRAWAL_CARE_REASON,
)
from iop_assistant.nlu.contact_questions import HELPLINE_HOURS_REASON, TEXT_BACK_REASON
from iop_assistant.nlu.control_gate import HUMAN_INTENT, put_first
from iop_assistant.nlu.control_intents import (
    BARE_CALLING,
    CALLBACK_INTENT,
    asks_for_a_call,
    asks_to_be_connected,
)
from iop_assistant.nlu.crisis_guard import GUARD_OUTPUT
from iop_assistant.nlu.crisis_matcher import normalize
from iop_assistant.nlu.danger_questions import SAFETY_INTENT, asks_if_a_taken_mix_is_ok
from iop_assistant.nlu.danger_words import has_danger_words
from iop_assistant.nlu.input_guard import ORIGINAL_TEXT
from iop_assistant.nlu.past_danger import was_already_treated
from iop_assistant.nlu.use_psychosis import is_use_psychosis, left_to_read
from iop_assistant.program_question import (
    ENROLL_INTENT,
    START_INTENT,
    WHO_IT_IS_FOR_INTENT,
    asks_about_the_program,
    asks_how_to_enroll,
    asks_if_the_program_can_help_them,
    asks_if_the_program_follows_care,
    asks_if_the_start_still_stands,
    asks_what_iop_is,
)
from iop_assistant.rule_component import RuleComponent
from iop_assistant.topics import FAQ_TOPIC_LABELS

UPDATE_INTENT = "crisis_update"
UPDATE_ENTITY = "crisis_update"
CRISIS_INTENT = "crisis"
EXTRACTOR = "CrisisUpdateReader"

_HELP = (
    r"(?:911|9-1-1|9 1 1|an?\s+ambulance|the\s+ambulance|ems|paramedics|the\s+paramedics|emts?|"
    r"the\s+fire\s+(?:department|dept))"
)
_RESPONDERS = (
    r"(?:911|the\s+ambulance|an?\s+ambulance|ambulance|ems|emts?|paramedics|the\s+paramedics|medics|"
    r"the\s+police|police|cops|the\s+cops|fire\s+(?:department|dept|truck)|firefighters|help)"
)
_ARE = r"(?:'s|s|'re|re|\s+is|\s+are)"
# the clause ends here ("he left." / "he woke up and is talking"), so "he left rehab" is not it
_END = r"(?=\s*(?:$|[.,!?;]|now\b|and\b|but\b|finally\b|thank))"

# medicine that is someone else's: a family member's, a friend's, "someone's"
_OTHERS = (
    r"(?:(?:my|his|her|their|a|some|the)\s+)?(?:mom|mum|mother|mama|dad|father|friend|buddy|sister|"
    r"brother|wife|husband|girlfriend|boyfriend|roommate|roomate|grandma|grandpa|grandmother|"
    r"grandfather|nana|aunt|uncle|cousin|neighbou?r|partner|son|daughter|ex)'?s\b|"
    r"someone\s+else'?s\b|somebody\s+else'?s\b|someone'?s\b|somebody'?s\b"
)
# asking or about to, not a habit told ("i've been taking my mom's oxy for months" is
# use to answer, v5)
_ABOUT_TO = (
    r"(?:can|could|should|shall|may)\s+(?:i|we|he|she)|is\s+it\s+(?:ok|okay|safe|bad)\s+(?:if\s+i|to)|"
    r"(?:i'?m|im|i\s+am)\s+(?:going\s+to|gonna|about\s+to|thinking\s+(?:about|of))|i'?ll|i\s+will|"
    r"(?:i\s+)?(?:want|wanna|need)\s+to|what\s+if\s+i|if\s+i"
)
# "hes snoring really loud is that ok" after the overdose reply (round 20's open list): an
# overdose sign only after a crisis reply (rasa_hooks/crisis_context.py)
SNORING_QUESTION = re.compile(
    r"\bsnor\w*\b[^.!?]{0,60}\b(?:is\s+(?:that|this|it)\s+(?:ok(?:ay)?|normal|bad|good|fine)|"
    r"should\s+i|do\s+i|can\s+i|leave\s+(?:him|her|them))\b"
)
_MEDICINES = (
    r"(?:ativan|xanax|xans|xanny|bars|valium|klonopin|librium|benzos?|lorazepam|alprazolam|diazepam|"
    r"clonazepam|chlordiazepoxide|gabapentin|neurontin|suboxone|subs|bupe|methadone|percs?|percocet|"
    r"oxys?|oxycodone|norcos?|pills?|meds|medicine|medication|prescription|script)\b"
)

_THEM = r"(?:him|her|them|my\s+\w+|lo|la)"
# more of a medicine than prescribed, and the signs that may come of it
TOO_MUCH_MEDICINE = (
    r"\b(?:taking|took|taken|been\s+taking|takes|had)\s+(?:way\s+)?(?:more|extra|too\s+many|double|twice)\s+"
    r"(?:of\s+)?(?:her|his|my|their|the)?\s*(?:\w+\s+){0,2}?(?:pills?|meds|medications?|medicines?|doses?|tablets?)\b|"
    r"\bmore\s+(?:pills?|meds|medicine)?\s*than\s+(?:she'?s|he'?s|i'?m|they'?re|she\s+is|he\s+is)\s+"
    r"(?:supposed\s+to|prescribed)\b|\bmore\s+than\s+(?:prescribed|the\s+doctor\s+said)\b"
)
MEDICINE_SIGNS = (
    r"(?:confused|confusion|mixed\s+up|wobbly|unsteady|dizzy|drowsy|very\s+sleepy|so\s+sleepy|slurring|"
    r"falling|fell|out\s+of\s+it|not\s+making\s+sense)\b"
)

_MEANS = (
    r"(?:pills|oxys?|oxycodone|oxycontin|percs?|percocets?|xanax|bars|benzos|meds|medications?|"
    r"pain\s*killers|painkillers|sleeping\s+pills|tablets|opioids|fent|fentanyl|heroin|dope)"
)
_GUN = r"(?:gun|guns|pistol|handgun|rifle|shotgun|firearm)"
# the person's own means, never someone else's ("my son has been stockpiling pills" is a
# worried parent): "i", "i've", "i'm" and a few words
_FIRST = r"\b(?:i|i'?ve|ive|i'?m|im)\s+(?:\w+\s+){0,3}?"
_AMOUNT = (
    r"(?:(?:a\s+)?(?:bunch|lot|ton|stack|pile|handful|bottle|few|couple)\s+of\s+|all\s+|up\s+|"
    r"my\s+|his\s+|her\s+|some\s+|these\s+|those\s+|the\s+|extra\s+|old\s+|\w+'?s\s+)*"
)

# which call first, 988 or 911, breaking in or calling: 911 now (never a short "should i
# call 911" left to the crisis reply)
WHICH_CALL_FIRST = re.compile(
    r"\b(?:988|9-8-8)\s+(?:or|o)\s+(?:al\s+)?911\b|\b911\s+(?:or|o)\s+(?:al\s+)?(?:988|9-8-8)\b|"
    r"\bwhich\s+(?:one|number)\s+(?:do\s+i|should\s+i|to|do\s+we|should\s+we)\s+call\b|"
    r"\b(?:should|do|can|shall)\s+(?:i|we)\s+(?:just\s+)?(?:break|kick|bust|force)\s+(?:down\s+|in\s+|open\s+)?"
    r"(?:the|his|her|their|this)\s+(?:\w+\s+)?door\b|"
    r"\b(?:rompo|tumbo|derribo|pateo|abro)\s+(?:la\s+)?puerta\b"
)

PATTERNS: Dict[str, re.Pattern[str]] = {
    # "can you call 911 for me", "can u send an ambulance" (round 34's list: the crisis reply
    # again, as if a call had been placed; "please just call them" started the call-back
    # questions): the assistant cannot place an emergency call, and says so
    "call_for_me": re.compile(
        # not "will you send cops to my house if i say that stuff" (a fear of what telling brings)
        r"\b(?![^.?!]*\bif\s+i\b)(?:(?:can|could|will|would|cant|can't|why\s+(?:cant|can't|won't|wont))\s+(?:you|u|ya|y'?all|someone\s+there)|"
        r"(?:need|want)\s+(?:you|u)\s+to)\s+"
        r"(?:please\s+|pls\s+|just\s+)*(?:(?:call|phone|ring|dial|text|contact|alert|notify|get|send)\s+"
        rf"(?:{_HELP}|the\s+(?:police|cops)|police|cops|an?\s+officer)|call\s+for\s+help|"
        r"send\s+(?:an?\s+officer))\b|"
        rf"\b(?:please|pls|plz)\s+(?:just\s+)?(?:call|send)\s+(?:{_HELP}|the\s+(?:police|cops))\b|"
        rf"\b(?:call|send|get)\s+(?:{_HELP}|the\s+(?:police|cops))\s+for\s+(?:me|us)\b|"
        r"\b(?:puede|puedes|pueden|podr[ií]a|podr[ií]as|podr[ií]an)\s+(?:usted(?:es)?\s+)?(?:llamar|marcar|hablar)\s+"
        r"(?:al\s+911|a\s+la\s+(?:ambulancia|polic[ií]a)|a\s+los\s+param[eé]dicos)\b|"
        r"\b(?:puede|puedes|pueden|podr[ií]a|podr[ií]as|podr[ií]an)\s+(?:usted(?:es)?\s+)?mandar\s+"
        r"(?:una\s+ambulancia|a\s+alguien|ayuda|a\s+la\s+polic[ií]a|a\s+los\s+param[eé]dicos)\b|"
        r"\b(?:llam(?:e|en|a)|marque|manden?)\s+(?:usted(?:es)?\s+)?(?:al\s+911|una\s+ambulancia|a\s+la\s+polic[ií]a)\s+por\s+(?:m[ií]|nosotros)\b|"
        # "llamen ustedes al 911 por favor yo no hablo bien ingles" (blind es-v21, read in round
        # 35: the call-back questions)
        r"\b(?:ll[aá]men(?:\s+ustedes)?|ustedes\s+ll[aá]men)\s+(?:al\s+911|a\s+la\s+ambulancia|a\s+la\s+polic[ií]a)\b"
    ),
    # "please just call them", "can you call them" right after "call 911 now" (a crisis before:
    # rasa_hooks/crisis_context.py): them is the emergency line
    "call_them_for_me": re.compile(
        r"^\W*(?:(?:please|pls|plz|just|ok|i\s+cant|i\s+can't)\W+)*(?:can|could|will|would)?\s*(?:you|u)?\s*"
        r"(?:please\s+|pls\s+|just\s+)*call\s+(?:them|em|for\s+me)(?:\s+for\s+(?:me|us))?\W*$|"
        r"\b(?:can|could|will|would)\s+(?:you|u)\s+(?:please\s+|just\s+)*(?:call|contact)\s+(?:them|em)\s+for\s+(?:me|us)\b|"
        r"\b(?:ll[aá]me(?:les)?|ll[aá]menles|ll[aá]mal[oe]s|puede\s+llamarles|puedes\s+llamarles)\s+(?:usted(?:es)?\s+)?(?:por\s+m[ií])\b|"
        # "can you send someone" / "send help" is the emergency only after "call 911 now": as
        # the first words it is a home visit asked for (family role-play round 37: "call 911
        # yourself now" to a father who wanted someone to talk to his son)
        r"\b(?:can|could|will|would)\s+(?:you|u|y'?all)\s+(?:please\s+|just\s+)*send\s+(?:help|someone|somebody)\b|"
        r"\b(?:please|pls|plz)\s+(?:just\s+)?send\s+(?:help|someone|somebody)\b"
    ),
    # after the domestic violence reply (crisis role-play round 34: "a shelter" got the
    # naloxone answer, "can he see what i text u?" the text-back answer): where to go tonight,
    # and what a shared phone shows
    "dv_shelter": re.compile(
        r"\b(?:shelters?|safe\s+(?:place|house|home)|somewhere\s+(?:safe|to\s+(?:go|stay|sleep))|"
        r"anywhere\s+(?:i|we)\s+can\s+(?:go|stay|sleep)|(?:a\s+)?place\s+to\s+(?:stay|sleep)|"
        r"where\s+(?:can|do|should|could)\s+(?:i|we)\s+(?:go|stay|sleep))\b"
    ),
    # "he's banging on the door saying he's sorry, should i come out" and "he went quiet, i
    # think he passed out" (crisis role-play round 37: the first violence reply word for word,
    # four times); read only after the violence reply (rasa_hooks/crisis_context.py)
    "dv_come_out": re.compile(
        r"\b(?:should|can|do|could)\s+i\s+(?:just\s+)?(?:come\s+out|go\s+out|get\s+out\s+of\s+(?:the|this)\s+\w+|"
        r"open\s+(?:the\s+)?door|unlock\s+(?:the\s+)?door|let\s+(?:him|her|them)\s+in)\b|"
        r"\b(?:if|whether)\s+i\s+should\s+(?:come\s+out|go\s+out|open\s+(?:the\s+)?door|let\s+(?:him|her|them)\s+in)\b|"
        r"\b(?:says?|saying|keeps\s+saying|said)\s+(?:that\s+)?(?:he'?s|hes|he\s+is|she'?s|shes|she\s+is)\s+(?:so\s+|really\s+)?sorry\b"
    ),
    "dv_passed_out": re.compile(
        r"\b(?:he|she|they)(?:'?s|'?re|\s+is|\s+are)?\s+(?:\w+\s+)?(?:passed\s+out|went\s+quiet|gone\s+quiet|"
        r"quiet\s+now|fell\s+asleep|out\s+cold|knocked\s+out|stopped\s+(?:yelling|banging))\b"
    ),
    "dv_phone_safety": re.compile(
        r"\b(?:can|could|will|would|does|do)\s+(?:he|she|they)\s+(?:\w+\s+)?(?:see|read|find|know|track|check)\b"
        r"[^.?!]{0,40}\b(?:text\w*|messages?|phone|chat|this|bill|reached\s+out|contacted|wrote)\b|"
        r"\b(?:phone|cell)\s+(?:plan|bill)\b|\bshow\s+up\s+on\s+(?:his|her|the|our|my)\s+(?:bill|phone|plan)\b|"
        r"\b(?:he|she)\s+(?:checks|reads|goes\s+through|looks\s+at|tracks)\s+my\s+(?:phone|texts|messages|cell)\b"
    ),
    # "does poison control call the cops" after pills and wine (round 31's list: the Poison
    # Control answer, the police question left unanswered)
    "poison_control_police": re.compile(
        r"\bpoison\s+(?:control|center|centre|help|hotline|line)\b[^.!?]{0,40}\b(?:cops|police|arrest\w*|"
        r"report\w*|in\s+trouble|cps)\b|"
        r"\b(?:cops|police|arrest\w*|in\s+trouble)\b[^.!?]{0,40}\bpoison\s+(?:control|center|centre|help|hotline|line)\b"
    ),
    # "would a couple beers stop it" after a withdrawal seizure (round 31's list: the seizure
    # steps again, the question unanswered): no, nothing by mouth, 911
    "drink_for_shakes": re.compile(
        r"\b(?:would|will|could|can|should|does|do|might)\s+(?:just\s+)?(?:a|one|some|a\s+little|a\s+couple(?:\s+of)?|"
        r"a\s+few|two|2|another)?\s*(?:beers?|drinks?|shots?|sips?|alcohol|booze|wine|vodka|liquor)\s+"
        r"(?:stop|help|calm|fix|ease|settle|bring)\b(?![^.!?]{0,30}\b(?:withdrawals?|edge)\b)|"
        # "my aunt says give him a couple beers to calm him down til they get here is that ok"
        # (crisis role-play round 37: "You did the right thing", the beer unanswered twice)
        r"\bgive\s+(?:him|her|them|me)\s+(?:a|one|some|a\s+little|a\s+couple(?:\s+of)?|a\s+few|two|2|another)?\s*"
        r"(?:beers?|drinks?|shots?|alcohol|booze|wine|vodka|liquor)\b[^.!?]{0,40}\b(?:until|til|till)\s+"
        r"(?:they|help|the\s+(?:ambulance|paramedics|medics))\b"
    ),
    # "i dont want to call anyone. i just want it to stop. i have a bunch of my moms oxys
    # saved up" (role-play 2026-12-04, web: the 988 text, nothing about the pills). Means
    # kept at hand: putting them out of reach is what safety planning asks first
    "has_means": re.compile(
        # "the pills are still right there in the bathroom cabinet" (crisis role-play
        # 2026-12-05, after thoughts of suicide: the childcare answer)
        r"\b(?:the|my|his|her|moms?|mom'?s|dads?|dad'?s)\s+(?:\w+\s+)?(?:pills|meds|gun|bottle|stash|oxys?|xanax|bars)\s+"
        r"(?:are|is|r|s)\s+(?:still\s+)?(?:right\s+)?(?:there|here|next\s+to\s+me|in\s+(?:my|the)\s+\w+)\b(?!\s*\?)|"
        # "my gun's in the glove box" (caller role-play round 26: no word about the gun)
        r"\b(?:the|my|his|her)\s+(?:\w+\s+)?(?:gun|pistol|rifle|shotgun|handgun)(?:'?s|\s+is|\s+s)\s+(?:still\s+)?"
        r"(?:right\s+)?(?:in|on|under|by)\s+(?:the|my|his|her)\s+(?:\w+\s+)?(?:glove\s*box|truck|car|drawer|"
        r"closet|safe|nightstand|bed|pocket|lap|hand|console|garage|desk)\b|"
        # "the pills are on the kitchen counter right now. should I do something with them"
        # (crisis role-play round 16: the program's who-it-is-for answer)
        r"\b(?:the|my|those|these)\s+(?:\w+\s+)?(?:pills|meds|bottle|stash|oxys?|bars)\s+(?:are|is|r|s)\s+"
        r"(?:still\s+)?(?:right\s+)?(?:on|by|under|in)\s+(?:the|my)\s+(?:\w+\s+)?(?:counter|table|nightstand|bed|desk|"
        r"sink|dresser|floor|cabinet|drawer|car)\b|"
        r"\bshould\s+i\s+(?:do\s+something\s+with|flush|get\s+rid\s+of|throw\s+(?:out|away))\s+(?:them|the\s+pills|"
        r"my\s+pills|those|these)\b|"
        + _FIRST
        + r"(?:saving|saved|stockpil\w*|hoard\w*)\s+"
        + _AMOUNT
        + _MEANS
        + r"\b|"
        + _FIRST
        + r"(?:have|got|kept|keep)\s+"
        + _AMOUNT
        + _MEANS
        + r"\s+(?:\w+\s+){0,2}?(?:saved|stockpiled|set\s+aside|put\s+aside)\b|"
        r"\benough\s+(?:\w+\s+){0,2}?"
        + _MEANS
        + r"\s+to\s+(?:kill|end|die|do\s+it|not\s+wake|od|overdose)\b|"
        # "i have like a whole bottle of my moms oxys in my room rn", "what do i do with the
        # pills tho", "I got my dad's gun out" (crisis role-play 2026-12-04, night)
        + _FIRST
        + r"(?:have|got)\s+(?:like\s+)?(?:a\s+)?(?:whole\s+|full\s+|big\s+)?"
        r"(?:bottle|bag|handful|bunch|stash|pile|box)\s+of\s+"
        + _AMOUNT
        + _MEANS
        + r"\b|\bwhat\s+(?:do|should|can)\s+i\s+do\s+with\s+(?:the|these|those|my|this|that|all\s+"
        r"(?:the|these|my))\s+(?:\w+\s+)?(?:"
        + _MEANS[3:-1]
        + r"|"
        + _GUN[3:-1]
        + r")\b(?=\s*(?:[.!?,]|$)|"
        r"\s+(?:right\s+now|now|tho|though|rn|tonight|like)\b)|"
        + _FIRST
        + r"(?:got|have|took|pulled|grabbed|holding|am\s+holding)\s+(?:out\s+)?"
        r"(?:a\s+|my\s+|his\s+|the\s+)?(?:\w+'?s\s+)?"
        + _GUN
        + r"\s+(?:out|here|with\s+me|next\s+to\s+me|in\s+my\s+(?:hand|lap)|"
        r"in\s+front\s+of\s+me|loaded)\b|"
        r"\b(?:sitting|sat|i'?m)\s+(?:here\s+)?with\s+(?:a|the|my|his|her)\s+(?:\w+'?s\s+)?"
        + _GUN
        + r"\b|"
        + _FIRST
        + r"(?:have|got|keep)\s+(?:a\s+|my\s+)?"
        + _GUN
        + r"\s+(?:in\s+(?:my|the)\s+"
        r"(?:room|closet|drawer|car|nightstand|bag|hand)|at\s+home|here|right\s+here|next\s+to\s+me|"
        r"with\s+me|in\s+reach)\b"
    ),
    # "i'm just kinda sleepy now is that bad" after a whole bottle of klonopin with vodka
    # (blind v15, voice: the check-in question). Sleepiness after an overdose is the
    # overdose getting worse, said first, then 911
    "getting_drowsy": re.compile(
        r"\b(?:i'?m|im|i\s+am|i\s+feel|feeling|he'?s|hes|she'?s|shes|they'?re|theyre|he\s+is|she\s+is|"
        r"they\s+are|getting|gettin)\s+(?:just\s+|kinda\s+|kind\s+of\s+|really\s+|so\s+|very\s+|"
        r"super\s+|real\s+|a\s+(?:little|bit)\s+|getting\s+|gettin\s+|more\s+|too\s+)*"
        r"(?:sleepy|drowsy|groggy|nodding(?:\s+off|\s+out)?|noddin|falling\s+asleep|dozing(?:\s+off)?|"
        r"passing\s+out|fading)\b|"
        r"\b(?:keeps?|keep|kept)\s+(?:nodding|noddin|falling\s+asleep|dozing|passing\s+out)\b|"
        r"\b(?:can'?t|cant|cannot|can\s+barely|hard\s+to)\s+(?:keep\s+(?:my|his|her|their)\s+eyes\s+open|"
        r"stay\s+awake)\b|"
        r"\b(?:tengo|me\s+da|siento)\s+(?:mucho\s+|much[ií]simo\s+)?sueño\b|"
        r"\b(?:me|se)\s+(?:est[aá]|estoy)\s+(?:quedando\s+)?dormid[oa]\b|"
        r"\b(?:me|se)\s+(?:estoy|est[aá])\s+durmiendo\b|"
        r"\bse\s+(?:me|le)\s+cierran\s+los\s+ojos\b|\b(?:est[aá]|estoy)\s+cabeceando\b"
    ),
    # "she's snoring really loud now and I can't wake her, is she just sleeping?" (role-play
    # 2026-12-04, voice: the first crisis message again). Snoring or gurgling that won't wake
    # is a sign of overdose, not sleep: said first, then what to do
    "not_sleeping": re.compile(
        SNORING_QUESTION.pattern + "|"
        r"\b(?:snor\w*|gurgl\w*|choking\s+(?:sound|noise)s?|rattl\w*)\b[^.!?]{0,80}"
        r"\b(?:wake|waking|wakin|woke|asleep|sleeping|sleep|answer\w*|respond\w*|unresponsive)\b|"
        r"\b(?:wake|waking|wakin|woke)\b[^.!?]{0,60}\b(?:snor\w*|gurgl\w*|just\s+(?:sleeping|asleep))\b|"
        r"\b(?:is|are|if)\s+(?:he|she|they)\s+(?:just|only|maybe|really)\s+(?:sleeping|asleep|passed\s+out)\b|"
        r"\b(?:ronc\w*)\b[^.!?]{0,60}\bdespi?ert\w*|\bsolo\s+(?:est[aá]\s+)?(?:dormid[oa]|durmiendo)\b"
    ),
    # "i cant call he'll hear me. can i text 911?" (role-play 2026-12-04, SMS: the first
    # message again, word for word)
    "text_911": re.compile(
        r"\b(?:can|could|do|does)\s+(?:i|you|u|we|ppl|people|one|someone)\s+(?:just\s+|even\s+)?"
        r"(?:text|txt|message|msg)\s+(?:to\s+)?(?:911|9-1-1|9\s1\s1)\b|"
        r"\b(?:911|9-1-1)\s+(?:take|takes|accept|accepts|get|gets|do|does)\s+(?:texts?|txts?|messages)\b|"
        # "i cant talk he'll hear me" (role-play 2026-12-04: the same message again)
        r"\b(?:i\s+)?(?:can'?t|cant|cannot)\s+(?:talk|speak|call)\b[^.!?]{0,40}\b(?:he|she|they)\s*(?:'ll|ll|will|would|might|could)\s+hear\b|"
        r"\b(?:he|she|they)\s*(?:'ll|ll|will|would|might|could)\s+hear\s+me\b|"
        r"\b(?:text|txt|texting)\s+(?:to\s+)?911\b[^.!?]{0,30}\?|\btext[\s-]+to[\s-]+911\b|"
        r"\b(?:puedo|se\s+puede)\s+(?:mandar|enviar|escribir)\w*\s+(?:un\s+)?(?:texto|mensaje)?\s*al\s+911\b|"
        r"\b(?:puedo|se\s+puede)\s+textear\s+al\s+911\b|"
        # "no puedo llamar me va a oir" (Spanish role-play round 38, hiding from a partner)
        r"\bno\s+puedo\s+(?:llamar|hablar)\b[^.!?]{0,20}\b(?:me|nos)\s+(?:va|van)\s+a\s+o[ií]r\b"
    ),
    # "will cps take my kids", "will they report me to cps if i admit i drink" (role-play
    # 2026-12-04, a woman hiding from her partner: unanswered twice). The fear is answered
    # honestly: nobody can promise what an agency does; who can talk it through; 911 first
    "cps_fear": re.compile(
        r"\b(?:cps|dcfs|dcf|dfcs|acs|child\s+protective\s+services|child\s+services|children'?s\s+services|"
        r"social\s+services|child\s+welfare)\b[^.!?]{0,60}\b(?:take|took|taking|remove\w*|come|coming|report\w*|"
        r"find\s+out|involved|called|call|kids?|children|child|baby|babies)\b|"
        r"\b(?:report|reports|reporting|call|calls|calling)\s+(?:me|us|him|her)\s+to\s+(?:cps|dcfs|dcf|dfcs|"
        r"child\s+protective\s+services|social\s+services)\b|"
        r"\b(?:take|taking|took)\s+(?:away\s+)?(?:my|our|the)\s+(?:kids?|children|baby|babies)\b[^.!?]{0,50}"
        r"\b(?:if\s+(?:i|we)\s+call|911|cops|police|ambulance|when\s+they\s+come|if\s+they\s+come)\b|"
        r"\b(?:if\s+(?:i|we)\s+call|911|cops|police|ambulance)\b[^.!?]{0,50}\b(?:take|taking|lose|losing)\s+"
        r"(?:away\s+)?(?:my|our|the)\s+(?:kids?|children|baby|babies)\b|"
        r"\b(?:quitan|quiten|quitar[aá]n|quitar)\s+(?:a\s+)?(?:mis|los)\s+(?:hijos|ni[nñ]os)\b"
    ),
    # first aid asked in the moment, answered before anything else: during a seizure "do i
    # hold him down or put something in his mouth?" (role-play 2026-12-04: unanswered, and
    # both are dangerous)
    # "does she still need to go to the hospital if the seizure stopped?", "is a seizure from
    # adderall an emergency even if she's awake now" (crisis role-play round 25: the 988 text,
    # then "I'm really glad you're safe right now"): yes, a medical check today
    "still_needs_care": re.compile(
        # "Should I take her to the doctor today?", "is it dangerous that she's confused?" after
        # too much medicine (caller role-play round 36: the 988 text); after a crisis reply only
        r"\b(?:should|do|can)\s+(?:i|we)\s+(?:take|bring|get)\s+(?:him|her|them)\s+(?:to\s+(?:the\s+|a\s+)?|in\s+to\s+(?:the\s+)?)"
        r"(?:doctor|hospital|er|urgent\s+care|clinic)\b[^.?!]{0,20}\b(?:today|now|tonight)\b|"
        r"\bis\s+it\s+(?:dangerous|serious|bad)\s+that\s+(?:she'?s|he'?s|they'?re|she\s+is|he\s+is)\s+"
        r"(?:confused|wobbly|so\s+sleepy|dizzy|mixed\s+up)\b|"
        r"\b(?:still|really)\s+(?:need|have)\s+(?:to\s+)?(?:go\s+to\s+|see\s+)?(?:the\s+|a\s+)?(?:hospital|er|"
        r"e\.r\.|emergency\s+room|911|ambulance|doctor)\b|"
        r"\bis\s+(?:it|this|that|a\s+seizure\b[^?]{0,40}?)\s+(?:still\s+)?(?:an\s+)?emergency\b[^?]{0,50}\b(?:awake|stopped|"
        r"ok|okay|fine|better|now|over)\b|"
        r"\b(?:do|does|should)\s+(?:i|we|he|she|they)\s+(?:still\s+)?(?:need\s+to\s+)?(?:go\s+to|take\s+(?:him|her|them)\s+"
        r"to)\s+(?:the\s+)?(?:hospital|er|emergency\s+room)\b[^?]{0,40}\b(?:if|now|since|stopped|awake|better)\b|"
        r"\b(?:todav[ií]a|a[uú]n)\s+(?:tiene|tengo|hay\s+que)\s+(?:que\s+)?(?:ir|llevarl[oa])\s+al\s+(?:hospital|doctor|m[eé]dico)\b|"
        # "do I need the ER for this headache" (crisis role-play round 31, after fumes: the
        # detox questions); "necesito ir a urgencias?"
        r"\b(?:do|does|should)\s+(?:i|we|he|she|they)\s+(?:still\s+)?(?:need|have)\s+(?:to\s+(?:go\s+to|see)\s+)?"
        r"(?:the\s+|a\s+)?(?:hospital|er|e\.r\.|emergency\s+room|urgent\s+care)\b(?!\s+(?:to\s+start|before|first\s+to))|"
        r"\b(?:necesito|necesita|tengo\s+que|tiene\s+que|debo|debe)\s+(?:ir|llevarl[oa])\s+(?:a\s+)?(?:urgencias|emergencias|"
        r"la\s+sala\s+de\s+emergencias|al\s+hospital|al\s+doctor)\b"
    ),
    "seizure_first_aid": re.compile(
        # "its been going on like 3 minutes what do i do" after the seizure reply (blind v18,
        # read in round 24: the first-day answer)
        r"\b(?:it'?s|its|it\s+has|he'?s|hes|she'?s|shes|they'?ve)\s+been\s+(?:going\s+on|seizing|shaking|"
        r"jerking|twitching|like\s+(?:that|this))\s+(?:for\s+)?(?:like\s+|about\s+|almost\s+|over\s+|maybe\s+)?"
        r"(?:\d+|a\s+(?:few|couple)|one|two|three|four|five|six|ten)\s+min\w*|"
        rf"\b(?:hold|holding|pin|pinning|restrain|restraining)\s+{_THEM}\s+down\b|"
        r"\b(?:put|stick|shove|place|putting|sticking)\s+(?:something|anything|a\s+spoon|a\s+wallet|a\s+towel|"
        r"a\s+belt|my\s+fingers?|a\s+stick)\s+(?:in|into|between)\s+(?:his|her|their)\s+(?:mouth|teeth)\b|"
        r"\b(?:swallow|swallowing|swallowed)\s+(?:his|her|their)\s+tongue\b|"
        r"\b(?:lo|la)\s+(?:sujeto|agarro|detengo)\b|\ble\s+(?:pongo|meto)\s+algo\s+en\s+la\s+boca\b"
    ),
    # naloxone given: "someone had narcan we sprayed it. how long till it works" (role-play
    # 2026-12-04: the program's safety procedures came back)
    "naloxone_given": re.compile(
        r"\b(?:gave|given|sprayed|administered)\s+(?:him|her|them|it)?\s*(?:with\s+)?"
        r"(?:the\s+|some\s+|a\s+)?(?:narcan|naloxone|narcn|kloxxado|zimhi)\b(?!\s+(?:training|class|kit\s+at))|"
        r"\b(?:we|i|they|she|he)\s+(?:just\s+)?(?:used|did|hit\s+(?:him|her|them)\s+with)\s+(?:the\s+|some\s+)?"
        r"(?:narcan|naloxone)\b(?!\s+(?:training|class|before|once|last))|"
        r"\b(?:narcan|naloxone)\s+(?:is\s+)?(?:in|up)\s+(?:his|her|their)\s+nose\b|"
        r"\b(?:narcan|naloxone)\b.{0,60}\bhow\s+long\s+(?:till|until|til|does|do|before)\s+(?:it|that)\s+"
        r"(?:works?|kicks?\s+in|to\s+work|takes?)\b|"
        r"\b(?:we|i)\s+(?:sprayed|gave)\s+(?:it|him|her)\b(?=[^.!?]*\b(?:narcan|naloxone)\b)|"
        r"\b(?:narcan|naloxone)\b[^.!?]{0,40}\b(?:we|i)\s+(?:sprayed|gave|used)\s+(?:it|him|her|them)\b"
    ),
    # "im just gonna lie down" after pills (crisis role-play round 19, a handful of Seroquel:
    # the cost answer); only after a crisis reply (rasa_hooks/crisis_context.py)
    "lying_down": re.compile(
        r"\b(?:i'?m|im|i\s+am|i'?ll|ill|i\s+will|i)\s+(?:just\s+|prob(?:ably)?\s+)?(?:gonna\s+|going\s+to\s+|gunna\s+)?"
        r"(?:go\s+)?(?:lie|lay|lye)\s+down\b|"
        r"\b(?:i'?m|im|i\s+am|i'?ll|ill|i\s+will)\s+(?:just\s+)?(?:gonna\s+|going\s+to\s+)?(?:go\s+to\s+)?"
        r"(?:sleep|bed|take\s+a\s+nap|nap)\b(?:\s+it\s+off)?|\bsleep\s+it\s+off\s+(?:here|myself|alone)\b|"
        # "is it ok if i just sleep it off? im alone tonight" (self role-play round 32)
        r"\b(?:ok(?:ay)?|safe|fine|alright)\s+(?:if\s+i|to)\s+(?:just\s+)?sleep\s+it\s+off\b|"
        r"\b(?:gonna|going\s+to|gunna)\s+(?:go\s+to\s+)?(?:bed|sleep)\b|"
        # "is it safe to sleep?", "can i go to bed", "what if i just go to sleep" (round 20's
        # open list: stock replies to direct questions inside an overdose)
        r"\bis\s+it\s+(?:ok(?:ay)?|safe|bad|fine|alright)\s+(?:for\s+me\s+)?(?:to|if\s+i)\s+(?:just\s+)?(?:go\s+to\s+)?"
        r"(?:sleep|bed|nap|lie\s+down|lay\s+down)\b|"
        # not where one lives: "would i need to move in or can i sleep at home" (held-out)
        r"\b(?:can|could|should|may)\s+i\s+(?:just\s+)?(?:go\s+to\s+)?(?:sleep|bed|nap|lie\s+down|lay\s+down)\b"
        r"(?!\s+(?:at\s+(?:home|my\s+(?:house|place))|in\s+my\s+own\s+bed|there|overnight))|"
        r"\bwhat\s+if\s+i\s+(?:just\s+)?(?:go\s+to\s+)?(?:sleep|bed|fall\s+asleep)\b|"
        r"\b(?:am|will)\s+i\s+(?:going\s+to\s+|gonna\s+)?be\s+(?:ok(?:ay)?|alright|all\s+right|fine)\s+if\s+i\s+"
        r"(?:just\s+)?(?:go\s+to\s+)?(?:sleep|lie\s+down|lay\s+down|fall\s+asleep|nap)\b"
    ),
    # "ok ill stop drinkin for tonight" after xanax and drinking (crisis role-play round 31:
    # "don't stop alcohol or benzodiazepines suddenly", which read as "keep drinking"): no more
    # tonight is right; what was taken can still get worse, so not alone
    "no_more_tonight": re.compile(
        r"\b(?:i'?ll|ill|i\s+will|i'?m|im|i\s+am|gonna|going\s+to)\s+(?:just\s+)?(?:gonna\s+|going\s+to\s+)?"
        r"(?:stop|quit|be\s+done|done)\s+(?:drinking|drinkin|drinkn|for\s+(?:tonight|the\s+night))\s*"
        r"(?:for\s+(?:tonight|the\s+night|now)|tonight)?\b(?![^.!?]{0,30}\b(?:forever|for\s+good|cold\s+turkey|"
        r"every|all\s+at\s+once)\b)|"
        r"\bno\s+more\s+(?:drinks?\s+|drinking\s+|beer\s+|alcohol\s+|pills\s+|bars\s+)?(?:for\s+)?(?:tonight|2nite|tonite|"
        r"for\s+the\s+night)\b|"
        r"\b(?:i'?m|im|i\s+am)\s+(?:done|not\s+drinking\s+any\s+more|not\s+having\s+any\s+more)\s+(?:for\s+)?tonight\b|"
        # "wait u said dont stop?? so keep drinkin?" (texter role-play round 31, after a mix)
        r"\b(?:u|you)\s+said\s+(?:dont|don'?t|not\s+to)\s+stop\b[^.!]{0,20}\b(?:so\s+)?keep\s+(?:drinking|drinkin|using)\b|"
        r"^\W*(?:so|wait)?\W*(?:i\s+should\s+|should\s+i\s+)?keep\s+(?:drinking|drinkin)\W*$"
    ),
    # "should i call poison control" (crisis role-play round 19, a handful of Seroquel: no
    # answer): the Poison Help line, and when it is 911 instead
    "poison_control": re.compile(
        r"\bpoison\s+(?:control|help|center|centre|hotline|line)\b|"
        # "she's been taking more of her anxiety pills than she's supposed to, and today she's
        # kind of confused" (caller role-play round 36: the check-in, then 988): too much of a
        # medicine with its signs, answered with Poison Control and when it is 911
        rf"(?:{TOO_MUCH_MEDICINE})[^|]{{0,80}}?\b(?:{MEDICINE_SIGNS})|\b(?:{MEDICINE_SIGNS})[^|]{{0,80}}?(?:{TOO_MUCH_MEDICINE})"
    ),
    # "should i make her throw up", "cold shower?", "let him sleep it off?" (role-play
    # 2026-12-04, a handful of sleeping pills: unanswered)
    "overdose_first_aid": re.compile(
        rf"\b(?:make|get|help)\s+{_THEM}\s+(?:to\s+)?(?:throw\s+up|puke|vomit|barf)\b|"
        r"\b(?:induce|inducing)\s+vomiting\b|"
        # "should i roll him over", "put her on her side?" (role-play 2026-12-04, after a seizure)
        rf"\b(?:roll|turn|put|lay|move)\s+{_THEM}\s+(?:over|on(?:to)?\s+(?:his|her|their|the)\s+side)\b|"
        r"\brecovery\s+position\b|"
        rf"\b(?:cold\s+shower|ice\s+bath|ice\s+water|(?:give|make)\s+{_THEM}\s+(?:some\s+)?(?:coffee|milk|salt\s+water)|"
        rf"walk\s+{_THEM}\s+around|keep\s+{_THEM}\s+awake|let\s+{_THEM}\s+sleep(?:\s+it\s+off)?)\b|"
        r"\b(?:hacer(?:le|la|lo)|la\s+hago|lo\s+hago|le\s+hago)\s+vomitar\b"
    ),
    # 911 called or on the way
    "help_coming": re.compile(
        # "ok calling" right after "call 911 now" (crisis role-play round 23: the callback
        # questions mid-overdose)
        rf"{BARE_CALLING}|"
        # "ok i called. now what", "ya llame, y ahora que?" (crisis role-play round 27: "Call
        # 911 now" again): the whole message is the call made
        r"^\W*(?:(?:ok(?:ay)?|alright|k|yes|yeah|done|ya)\W+)*(?:i|we)\s+(?:just\s+|already\s+)?called"
        r"(?:\s+(?:them|it|911|988|already|now))?(?:\W+(?:now\s+what|what\s+now|what\s+do\s+i\s+do(?:\s+now)?))?\W*$|"
        r"^\W*(?:ok\W+)?ya\s+(?:les?\s+)?llam[eé](?:\s+al\s+(?:911|988))?(?:\W+(?:y\s+)?ahora\s+qu[eé])?\W*$|"
        rf"\b(?:already\s+|just\s+)?(?:called|call(?:ed)?\s+up|dialed|dialled|phoned|rang)\s+{_HELP}\b|"
        # "ok i texted 911", "i already called them" (crisis role-play round 35: the violence
        # reply again, "Call 911 now" to someone who had)
        rf"\b(?:i|we|she|he)\s+(?:already\s+|just\s+)?(?:texted|txted|sent\s+a\s+text\s+to|messaged)\s+{_HELP}\b|"
        r"\b(?:i|we)\s+already\s+(?:called|texted|rang)\s+(?:them|em|it|for\s+help)\b|"
        rf"\b(?:on\s+the\s+(?:phone|line)\s+with|talking\s+to|talking\s+with)\s+(?:911|9-1-1|the\s+dispatcher|dispatch|the\s+911\s+(?:lady|guy|person|operator))\b|"
        rf"\b{_RESPONDERS}{_ARE}\s+(?:on\s+(?:the|their|its|his|her)\s+way|coming|en\s+route|enroute|almost\s+here|"
        rf"\d+\s+min(?:ute)?s?\s+away)\b|"
        r"\b(?:waiting\s+(?:for|on)\s+(?:the\s+)?(?:ambulance|paramedics|ems|911|police|cops))\b|"
        # "what do i do till they get here": help is on its way (role-play and CI, 2026-12-03)
        r"\b(?:till|until|til|untill)\s+(?:they|help|the\s+ambulance|ems|the\s+paramedics|paramedics|the\s+cops|"
        r"the\s+police)\s+(?:get(?:s)?\s+here|arrive(?:s)?|come(?:s)?|show(?:s)?\s+up)\b|"
        r"\bwhile\s+(?:we|i)\s+(?:wait|are\s+waiting|'re\s+waiting|am\s+waiting)\b|"
        # "i called theyre coming. his lips look blue" (role-play 2026-12-04): help is coming,
        # and the reply repeats the rescue steps instead of the first message word for word
        r"\b(?:i|we)\s+(?:just\s+|already\s+)?called\b[^.!?]{0,25}?\b(?:they'?re|theyre|they\s+are|"
        r"someone'?s|somebody'?s|help'?s|help\s+is)\s+(?:coming|on\s+(?:the|their)\s+way)\b|"
        r"\bhelp\s+is\s+on\s+(?:the|its)\s+way\b|"
        # "okay okay I'm hanging up and calling 911" (role-play 2026-12-04: read as a new
        # medical emergency, which changed the conversation's category)
        r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:hanging\s+up\s+(?:and|to)\s+|gonna\s+|going\s+to\s+|about\s+to\s+)?"
        r"(?:calling|dialing|dialling|call|dial)\s+(?:911|9-1-1|an?\s+ambulance)\b(?:\s+now)?|"
        # "ok calling 911 now" (round 18's open list: the first crisis reply again)
        r"^\W*(?:(?:ok(?:ay)?|alright|k|yes|yeah)\W+)*(?:calling|dialing)\s+(?:911|9-1-1|an?\s+ambulance)\b|"
        r"\b(?:i'?ll|ill|i\s+will|we'?ll|we\s+will)\s+(?:call|dial)\s+(?:911|9-1-1|an?\s+ambulance)\s*(?:now|right\s+now)?\W*$|"
        # "she's calling 911 now. thank u" (crisis role-play round 33: "Please call 911 now" again)
        r"\b(?:she'?s|shes|he'?s|hes|my\s+\w+\s+is|someone'?s|somebody'?s|they'?re|theyre)\s+(?:calling|dialing|on\s+the\s+phone\s+with)\s+"
        r"(?:911|9-1-1|an?\s+ambulance)\b"
    ),
    # responders arrived, or at the hospital
    "help_here": re.compile(
        # "okay the ambulance is pulling up, I gotta go" (caller role-play round 38: the
        # check-in question with a menu)
        r"\b(?:the\s+)?(?:ambulance|paramedics|medics|emts|cops|police|fire\s+truck)\s+(?:is|are|'s|s|just)\s+"
        r"(?:pulling\s+up|pulling\s+in|parking|walking\s+in|coming\s+in(?:\s+now)?)\b|"
        rf"\b{_RESPONDERS}{_ARE}\s+(?:here|(?:just\s+)?(?:got\s+here|arrived)|at\s+the\s+(?:door|house)|outside|"
        r"working\s+on\s+(?:him|her|them)|taking\s+(?:him|her|them|me))\b|"
        # only "now" wording: "he's in the hospital since tuesday for his hip" and "my
        # husband took me to the ER" are screening answers about the past (personas)
        r"\b(?:we'?re|we\s+are|i'?m|im|i\s+am)\s+(?:at|in)\s+(?:the\s+)?(?:hospital|er|emergency\s+room|ambulance)"
        r"\s+(?:now|right\s+now|with\s+(?:him|her|them))\b|"
        r"\b(?:they'?re|theyre|they\s+are)\s+(?:taking|rushing)\s+(?:him|her|them|me)\s+(?:in|to\s+(?:the\s+)?\w+)\b|"
        # "they got him breathing theyre taking him to mercy. does ur program take people
        # right after an od" (blind v15: "stay with them until help arrives" again)
        r"\b(?:they|paramedics|medics|the\s+(?:paramedics|medics|emts|ambulance))\s+(?:got|have)\s+(?:him|her|them)\s+"
        r"(?:breathing|awake|back|stable)\b|"
        # "the ambulance took him to the ER", "paramedics took him" (role-play 2026-12-04)
        r"\b(?:the\s+)?(?:ambulance|paramedics|ems|emts|medics)\s+(?:just\s+)?took\s+(?:him|her|them)\b|"
        r"\b(?:they|the\s+ambulance)\s+took\s+(?:him|her|them)\s+to\s+the\s+(?:hospital|er|emergency\s+room)\b|"
        r"^(?:ok\s+|okay\s+)?(?:they'?re|theyre|they\s+are)\s+here(?:\s+now)?\W*$|"
        # "ok theyre here. im ok. but can i still start monday" (crisis role-play round 35: the
        # help-is-coming reply twice), "they got here", "the cops came"
        r"(?:^|[.!?,;]\s*)(?:ok(?:ay)?\W+|k\W+)?(?:they'?re|theyre|they\s+are|they\s+just\s+got|they\s+got|help\s+is|help'?s)\s+"
        r"(?:here|got\s+here|arrived)(?:\s+now)?(?=\s*(?:$|[.!?,;]|and\b|so\b|now\b))|"
        r"\b(?:the\s+)?(?:police|cops|officers|deputies)\s+(?:just\s+)?(?:showed\s+up|got\s+here|arrived|are\s+here)\b|"
        # "no hes at the hospital now hes ok", "they took him to st marys", "they admitted
        # him", "the emergency is over" (crisis and family role-plays, late: "Call 911 now"
        # four more times after the ambulance had gone)
        r"\b(?:he'?s|hes|she'?s|shes|they'?re|theyre|he\s+is|she\s+is|they\s+are)\s+(?:at|in)\s+the\s+"
        r"(?:hospital|er|emergency\s+room|icu)\s+(?:now|right\s+now)\b|"
        # "we already called 911 last night and he's in the ER, stable" (v11 look-alike)
        r"\b(?:he'?s|hes|she'?s|shes|they'?re|theyre|he\s+is|she\s+is|they\s+are)\s+(?:at|in)\s+the\s+"
        r"(?:hospital|er|emergency\s+room|icu)\W+(?:and\s+)?(?:stable|ok|okay|fine|doing\s+(?:ok|okay|better|fine))\b|"
        r"\btook\s+(?:him|her|them)\s+to\s+(?:st\.?|saint)\s+\w+|"
        r"\b(?:they|the\s+hospital|the\s+er|the\s+doctors)\s+(?:admitted|kept)\s+(?:him|her|them)\b|"
        r"\b(?:the\s+)?emergency\s+is\s+over\b|"
        # "ems here now. they took him", "hes ok hes at the hospital", "ems already took him"
        # (crisis role-play round 33: "Call 911 now if you haven't" three more times)
        r"\b(?:ems|emts|paramedics|medics|the\s+ambulance|an\s+ambulance)\s+(?:is\s+|are\s+)?(?:here|came|already\s+took|took)\b|"
        r"\b(?:he'?s|hes|she'?s|shes|they'?re|theyre|he\s+is|she\s+is)\s+(?:ok|okay|safe|fine)\W+(?:he'?s|hes|she'?s|shes|"
        r"they'?re|theyre)\s+(?:at|in)\s+the\s+(?:hospital|er|icu)\b|"
        r"\b(?:he|she|they)\s+(?:is|are|'s|'re)\s+safe\s+now\b|\b(?:he|she)\s+is\s+safe\b"
    ),
    # no naloxone to hand
    "no_naloxone": re.compile(
        r"\b(?:no|dont\s+have|don'?t\s+have|do\s+not\s+have|didnt\s+have|didn'?t\s+have|don'?t\s+got|dont\s+got|"
        r"haven'?t\s+got|havent\s+got|without|out\s+of|ran\s+out\s+of|used\s+(?:all\s+)?(?:the|our|my)\s+(?:only\s+)?)"
        r"\s+(?:any\s+)?(?:narcan|naloxone|narcn|narcain|kloxxado|zimhi)\b|"
        r"\b(?:narcan|naloxone)\s+(?:isn'?t|isnt|is\s+not|didn'?t|didnt|did\s+not|not)\s+(?:working|work|helping|here)\b"
    ),
    # "can we give narcan?", "should i use the narcan" (crisis role-play round 24: the first
    # crisis reply again, word for word): yes, now, and what follows
    # "does narcan work on coke too?" (left from round 29: the crisis reply again): opioids
    # only, but fentanyl is in other drugs and naloxone does no harm; give it, call 911
    "naloxone_other_drug": re.compile(
        # "will narcan hurt him if it's not opioids", "i don't know what he took, can i still give
        # narcan" (caller role-play round 36: help-is-coming again)
        r"\b(?:will|would|can|could|does)\s+(?:the\s+)?(?:narcan|naloxone)\s+(?:hurt|harm)\s+(?:him|her|them)\b|"
        r"\b(?:narcan|naloxone)\b[^.?!]{0,40}\b(?:if|when)\s+(?:it'?s|it\s+is|it\s+was|its)\s+not\s+(?:opioids?|opiates?|fentanyl|heroin)\b|"
        r"\bdon'?t\s+know\s+what\s+(?:he|she|they)\s+took\b[^.?!]{0,40}\b(?:narcan|naloxone)\b[^.?!]{0,20}\?|"
        r"\b(?:does|will|would|can|is)\s+(?:the\s+)?(?:narcan|naloxone)\s+(?:even\s+|still\s+|also\s+)?"
        r"(?:work|help|do\s+anything|any\s+good)\s+(?:on|for|with|against)\s+(?:\w+\s+)?(?:coke|cocaine|crack|"
        r"meth|xanax|bars|benzos?|alcohol|drinking|pills|tranq|xylazine|molly|ecstasy|weed|ketamine|ghb)\b|"
        r"\b(?:funciona|sirve)\s+(?:el\s+)?(?:narcan|naloxona)\s+(?:con|para)\s+(?:la\s+)?(?:coca|cocaina|"
        r"cristal|xanax|alcohol|pastillas)\b|"
        r"\b(?:el\s+)?(?:narcan|naloxona)\s+(?:ese\s+|esa\s+)?(?:funciona|sirve|jala|ayuda)\s+(?:con|para|en)\s+"
        r"(?:la\s+|el\s+|los\s+|las\s+)?(?:coca|cocaina|cristal|xanax|alcohol|pastillas|g|ghb|perico|tranq|"
        r"xilacina|metanfetamina|piedra)\b"
    ),
    "naloxone_question": re.compile(
        r"\b(?:can|could|should|do|shall)\s+(?:we|i|u|you)\s+(?:just\s+)?(?:give|use|spray|try)\s+(?:\w+\s+){0,2}?"
        r"(?:narcan|naloxone|narcn|kloxxado)\b|"
        r"\b(?:narcan|naloxone)\s+(?:now|first|or\s+(?:call|wait))\s*\?|"
        r"\bhow\s+do\s+(?:i|we|you)\s+(?:give|use)\s+(?:the\s+)?(?:narcan|naloxone)\b|"
        # "i have narcan how do i use it", "the nose spray thing. do i just spray it??" (crisis
        # role-play round 33: "Call 911 now" again, no steps)
        r"\b(?:narcan|naloxone)\b[^.?!]{0,20}\bhow\s+do\s+(?:i|we|you)\s+(?:use|give|do)\s+(?:it|that)\b"
        r"(?![^.?!]{0,30}\b(?:if|when|ever)\b)|"
        r"\b(?:do|should)\s+(?:i|we)\s+just\s+spray\s+(?:it|that)\b|\bnose\s+spray\b[^.?!]{0,30}\?|"
        # "how do I use it, it's the nose spray" (caller role-play round 36: help-is-coming again)
        r"\bhow\s+do\s+(?:i|we|you)\s+(?:use|give|do)\s+(?:it|this|that)\b[^.?!]{0,30}\b(?:nose\s+spray|nasal|spray)\b|"
        # "narcan... I have narcan... how" (caller role-play round 35, a bad line)
        r"\b(?:i|we)\s+(?:have|got)\s+(?:the\s+|some\s+)?(?:narcan|naloxone)\b[^.?!,]{0,20}\bhow\s*(?:do\s+i\s*|to\s*)?\W*$|"
        r"\b(?:le|se\s+lo|se\s+la)\s+(?:pongo|ponemos|doy|damos)\s+(?:el\s+)?narcan\b|"
        r"\b(?:puedo|podemos|debo|debemos)\s+(?:darle|ponerle|usar)\s+(?:el\s+)?(?:narcan|naloxona)\b"
    ),
    # "can i just keep typing to you", "will you stay with me" (crisis role-play round 24: a
    # psychiatry answer): yes, and a person at 988 can stay with them too
    "stay_with_me": re.compile(
        r"\b(?:can|could|may)\s+i\s+(?:just\s+)?(?:keep|stay|still\s+keep)\s+(?:typing|talking|texting|writing|"
        r"chatting|messaging)(?:\s+(?:to|with|here))?\b|"
        r"\b(?:will|can|could|would)\s+(?:you|u)\s+(?:just\s+)?(?:stay|talk)\s+with\s+me\b|"
        r"\b(?:please\s+)?(?:don'?t|dont|do\s+not)\s+(?:leave|go)(?:\s+(?:me|yet))?\s*(?:please)?\W*$|"
        r"\b(?:can|could)\s+(?:we|u|you)\s+(?:just\s+)?keep\s+talking\b|"
        r"\b(?:are|r)\s+(?:you|u)\s+still\s+(?:there|here)\b|"
        r"\b(?:puedo|podemos)\s+seguir\s+(?:escribiendo|hablando|platicando)\b|\bno\s+me\s+dejes?\b|"
        # "entonces quédese en la línea conmigo, no me cuelgue", "stay on the line with me" (blind
        # es-v21 and caller role-play round 37: the call-back questions, asked four times)
        r"\bqu[eé]d(?:ese|ate)\s+(?:en\s+la\s+l[ií]nea\s+)?conmigo\b|\bno\s+me\s+cuelgues?\b|"
        r"\bstay\s+on\s+the\s+(?:line|phone)(?:\s+with\s+me)?\b|\b(?:please\s+)?(?:don'?t|dont)\s+hang\s+up(?:\s+on\s+me)?\b|"
        r"\b(?:sigue|sigues)\s+ah[ií]\b"
    ),
    # reached 988 or a crisis line ("ok i texted 988, someone answered")
    "reached_988": re.compile(
        r"\b(?:texting|txting|calling)\s+(?:988|9-8-8)\s+(?:now|right\s+now|rn)\b|"
        r"\b(?:texted|txted|called|messaged|dialed|dialled|rang|got\s+through\s+to|reached|"
        r"(?:am|i'?m|im)\s+(?:texting|calling|talking\s+(?:to|with)|on\s+the\s+phone\s+with)|"
        r"talking\s+(?:to|with)|on\s+the\s+phone\s+with|chatting\s+with)\s+(?:to\s+|with\s+)?"
        r"(?:988|9-8-8|9\s8\s8|the\s+(?:crisis|suicide)\s+(?:line|hotline|lifeline|text\s+line)|"
        r"(?:a|the)\s+(?:988\s+)?counsel(?:l)?or\s+(?:at|from)\s+988)\b|"
        r"\b(?:988|9-8-8|the\s+(?:crisis|suicide)\s+(?:line|hotline|lifeline))\s+"
        r"(?:answered|picked\s+up|texted\s+(?:me\s+)?back|wrote\s+back|is\s+talking\s+to\s+me)\b|"
        # "ok i texted them theyre answering" right after being told to text 988 (crisis
        # role-play 2026-12-04, night: the first crisis reply again)
        r"\b(?:texted|called|messaged)\s+(?:them|em)\b[^.!?]{0,20}\b(?:they'?re|theyre|they\s+are|they)\s+"
        r"(?:answering|answered|replying|replied|responding|texting\s+(?:me\s+)?back|talking)\b"
    ),
    # "ok i'll text 988", "gonna call them now", "voy a mandar texto al 988" (blind es-v6:
    # the first crisis reply again, word for word). A promise to reach a crisis line or
    # the help line; 911 on its way is help_coming
    "will_reach_out": re.compile(
        # "ok voy a mandar texto a ese numero. si se pone peor me voy con mi hermana" (Spanish
        # role-play round 35, after the domestic violence reply: the suicide question); a
        # plan to go to a relative's if it gets worse is a step taken too
        r"\b(?:voy\s+a|vamos\s+a)\s+(?:llamar|marcar|mandar|enviar|escribir|textear)\w*\s+"
        r"(?:(?:un\s+)?(?:texto|mensaje)\s+)?(?:a\s+(?:ese|este|esa|esta)|al)\s+(?:n[uú]mero|l[ií]nea|988)\b|"
        r"\bsi\s+(?:se\s+pone\s+(?:peor|m[aá]s\s+\w+)|empeora|pasa\s+algo)\b[^.!?]{0,30}?\bme\s+(?:voy|llevo\s+a\s+los\s+ni[nñ]os)\s+"
        r"(?:con|a\s+(?:casa\s+de|donde|la\s+casa\s+de))\b|"
        r"\bif\s+(?:it|he|she|things)\s+gets?\s+worse\b[^.!?]{0,30}?\b(?:i'?ll|ill|i\s+will|we'?ll|i'?m\s+gonna|im\s+gonna)\s+"
        r"(?:go|leave|take\s+the\s+kids)\b|"
        # "ok. im gonna take the kids to my sisters tonight" after the violence reply (crisis
        # role-play round 37: the violence reply a fourth time): a safety plan, a step taken
        r"\b(?:i'?m|im|i\s+am|we'?re|gonna|going\s+to|i'?ll|ill|i\s+will)\s+(?:\w+\s+){0,2}?(?:take|bring|get)\s+"
        r"(?:the\s+|my\s+)?(?:kids|children|baby|babies)\s+(?:and\s+go\s+)?(?:to|over\s+to)\s+(?:my|our)\s+"
        r"(?:sister|mom|mother|brother|friend|aunt|neighbou?r|parents?|grandma|cousin)'?s?\b|"
        r"\b(?:i'?m|im|we'?re|gonna|going\s+to|i'?ll|ill)\s+(?:go|going|head|heading|stay|staying|sleep)\s+"
        r"(?:to|at|with|over\s+to)\s+(?:my|our)\s+(?:sister|mom|mother|brother|friend|aunt|parents?|grandma|cousin)'?s?"
        r"(?:\s+(?:house|place))?\s+(?:tonight|for\s+(?:tonight|the\s+night|a\s+few\s+days))\b|"
        r"\b(?:i'?ll|ill|i\s+will|i'?m\s+(?:gonna|going\s+to)|im\s+(?:gonna|going\s+to)|i\s+am\s+(?:gonna|going\s+to)|"
        r"gonna|going\s+to|let\s+me)\s+(?:try\s+(?:to\s+)?|go\s+(?:ahead\s+and\s+)?)?"
        r"(?:call|text|txt|message|reach\s+out\s+to|contact|talk\s+to)\s+"
        r"(?:988|9-8-8|them|the\s+(?:crisis\s+)?(?:line|hotline|lifeline|number)|your\s+(?:help\s*line|hotline|line|number)|"
        r"the\s+help\s*line|someone|somebody)\b|"
        r"^\W*(?:(?:ok(?:ay)?|alright|k|fine|yes|yeah|ya)\W+)*(?:i'?ll|ill|i\s+will)\s+(?:call|text|try)\W*$|"
        r"\b(?:voy\s+a|vamos\s+a)\s+(?:llamar|marcar|mandar|enviar|escribir|textear)\w*\s+"
        r"(?:(?:un\s+)?(?:texto|mensaje)\s+)?al\s+(?:988|9-8-8|n[uú]mero|la\s+l[ií]nea)\b|"
        r"\b(?:ahorita|ahora|ya)\s+(?:les?\s+)?(?:llamo|marco|escribo|mando\s+(?:un\s+)?(?:texto|mensaje))\b|"
        r"\bvoy\s+a\s+(?:llamar(?:les?)?|marcar(?:les?)?|escribir(?:les?)?)\s*(?:ahora|ahorita|ya)?\W*$|"
        # "me voy a casa de mi hermana?" after the violence reply (Spanish role-play round 38:
        # the 988 text)
        # "me quiero ir con mi hermana pero el tiene las llaves" (Spanish role-play round 39: the
        # suicide question)
        r"\b(?:me|nos)\s+(?:voy|vamos|quiero\s+ir|queremos\s+ir|podr[ií]a\s+ir|puedo\s+ir)\s+(?:a\s+(?:casa\s+de|la\s+casa\s+de|donde)|con)\s+mi\s+(?:hermana|hermano|"
        r"mam[aá]|madre|pap[aá]|amiga|amigo|t[ií]a|prima|primo|abuela|vecina)\b"
    ),
    # what to say when they call 988 or 911 ("ok what do i even say to 988")
    "what_to_say": re.compile(
        # "can i text 988 instead? what do i even say to them" (role-play 2026-12-04: the
        # program's first day came back)
        r"\b(?:can|could)\s+i\s+(?:just\s+)?(?:text|chat\s+with|message)\s+(?:988|9-8-8|the\s+crisis\s+line|them)\b"
        r"(?=[^.!?]*(?:instead|\?|$))|"
        r"\bwhat\s+(?:do|should|would|can|am)\s+i\s+(?:even\s+|supposed\s+to\s+)?(?:say|tell|text|write)\s+"
        r"(?:to\s+)?(?:them|the\s+person|the\s+counsel(?:l)?or)\b(?=.*\b(?:988|9-8-8|911|crisis\s+line|hotline|lifeline)\b)|"
        # "what would i even say to them", "im asking what do i text them" (crisis role-play
        # round 16: the 988 text three times); only read after a crisis reply (crisis_context)
        r"\bwhat\s+(?:do|should|would|can|am)\s+i\s+(?:even\s+|supposed\s+to\s+)?(?:say|text|write|tell)\s+"
        r"(?:to\s+)?(?:them|em)\b|"
        # "should I tell them he was drinking a fifth a day" to paramedics (caller role-play
        # round 36: the dosing answer): yes, everything
        r"\b(?:should|do|can)\s+i\s+tell\s+(?:them|the\s+(?:paramedics|medics|doctors?|nurses?|er|ambulance))\s+"
        r"(?:that\s+|about\s+|how\s+much\s+)?(?:he|she|they|what|about)\b|"
        r"\bwhat\s+(?:do|should|would|can|am)\s+i\s+(?:even\s+|supposed\s+to\s+|going\s+to\s+|gonna\s+)?"
        r"(?:say|tell|text|write)\b[^.!?]{0,30}\b(?:988|9-8-8|911|9-1-1|dispatcher|operator|paramedics|medics|emts?|ems|"
        r"the\s+(?:ambulance|police|cops|er|doctors?|nurses?)|"
        r"crisis\s+line|hotline|lifeline|when\s+(?:they|someone|somebody)\s+(?:answer|answers|pick|picks))\b"
    ),
    # someone else's medicine or a drink to get through withdrawal: no medicine advice,
    # and the danger named ("can i just take some of my moms ativan")
    "self_medicate": re.compile(
        # "what if I just have a couple beers to calm it down" (caller role-play round 20, in
        # withdrawal: the naloxone paragraph)
        r"\b(?:what\s+if|can|could|should|shall)\s+i\s+(?:just\s+)?(?:have|drink|take|pop)\s+(?:a\s+|one\s+|a\s+couple"
        r"(?:\s+of)?\s+|a\s+few\s+|some\s+|two\s+)?(?:beers?|drinks?|shots?|xanax|bars?|benzos?|klonopin|valium|ativan|"
        # "should i just have a drink to stop it", "should i drink a little" (caller role-play
        # round 24, day 3 without alcohol and shaking: a menu, then the cost answer)
        r"little|bit)\b"
        r"[^.!?]{0,30}\b(?:calm\s+(?:it|me|this|the\s+shakes)|take\s+the\s+edge\s+off|stop\s+the\s+(?:shakes|shaking)|"
        r"stop\s+it|make\s+it\s+stop|steady|settle|withdrawals?|shakes|shaking)\b|"
        # "should i give him a beer for the withdrawal?" (role-play 2026-12-04: no answer)
        rf"\b(?:should|can|could|do)\s+(?:i|we)\s+(?:just\s+)?(?:give|let)\s+(?:him|her|them)\s+(?:have\s+)?"
        r"(?:a\s+|some\s+|one\s+|a\s+couple(?:\s+of)?\s+|a\s+few\s+|two\s+)?"
        r"(?:beer|drink|shot|xanax|pill|ativan|valium|klonopin|benzo)\w*\b[^.!?]{0,30}"
        r"\b(?:(?:for|with|to\s+(?:help|stop|ease|calm))\s+(?:the\s+|his\s+|her\s+)?(?:withdrawals?|shakes|shaking|"
        r"detox|dts|seizures?)|to\s+take\s+the\s+edge\s+off|to\s+calm\s+(?:him|her|them)\s+down)\b|"
        rf"\b(?:{_ABOUT_TO})\s+(?:just\s+)?(?:take(?!\s+(?:the|my)\s+(?:kids|children|baby))|have|use|pop|borrow|steal|swallow)\b"
        rf"[^.!?]{{0,25}}\b{_OTHERS}"
        rf"[^.!?]{{0,20}}\b{_MEDICINES}|"
        rf"\b(?:{_ABOUT_TO})\s+(?:just\s+)?(?:take|have|use|pop|drink|smoke)\b[^.!?]{{0,40}}\bto\s+(?:ride\s+(?:it|this)\s+out|"
        r"get\s+(?:me\s+)?through\s+(?:it|this|the\s+withdrawals?|withdrawals?|detox|the\s+night)|"
        r"stop\s+the\s+(?:shakes|shaking|seizures?|sweats)|ease\s+(?:the\s+)?withdrawals?|"
        r"(?:calm|settle)\s+(?:the\s+)?(?:shakes|shaking)|make\s+(?:it|this|them|the\s+\w+)\s+stop|"
        r"take\s+the\s+edge\s+off)\b"
    ),
    # afraid of the ambulance bill
    "cost": re.compile(
        r"\b(?:can'?t|cant|cannot|can\s+not|couldn'?t)\s+(?:afford|pay\s+for)\s+(?:an?\s+|the\s+)?(?:ambulance|911|er|hospital|emergency\s+room)\b|"
        r"\b(?:ambulance|ambulances|er|hospital)\s+(?:is|are|costs?)\s+(?:way\s+)?(?:too\s+)?(?:expensive|so\s+much|too\s+much)\b|"
        r"\bno\s+(?:insurance|money)\s+for\s+(?:an?\s+|the\s+)?(?:ambulance|er|hospital)\b|"
        # "we don't have insurance, an ambulance is like two thousand dollars" (caller role-play)
        r"\b(?:ambulance|ambulances|er|hospital)\s+(?:is|are|costs?|was)\s+(?:like\s+|about\s+|around\s+)?"
        r"(?:\$\s?\d[\d,]*|\d[\d,]*\s*(?:dollars|bucks|grand|k)|(?:a|one|two|three|four|five)\s+(?:thousand|grand))"
    ),
    # afraid the police will come
    "police_fear": re.compile(
        r"\b(?:scared|afraid|worried|don'?t\s+want|dont\s+want|cant|can'?t)\b[^.!?]{0,40}\b(?:arrested|in\s+trouble|jail|"
        r"police|cops|cps|charged)\b[^.!?]{0,40}\b(?:if\s+(?:i|we)\s+call|call(?:ing)?\s+911|911)\b|"
        # "will we get arrested if we call", "cops will come", "last time someone called, cops
        # showed up and cuffed me" (crisis role-play round 16: the main menu, the 988 text)
        r"\b(?:will|would|could|can|do)\s+(?:we|i|they|he|she)\s+(?:get|be)\s+(?:arrested|charged)\b|"
        r"\b(?:will|would|could|can|do)\s+(?:we|i|they|he|she)\s+(?:get|be)\s+in\s+trouble\s+if\s+(?:we|i)\s+call\b|"
        r"\b(?:cops|police)\s+(?:will|would|gonna|are\s+going\s+to)\s+(?:come|show\s+up|find\s+out)\b|"
        # "will the cops come if i call" (round 18's open list: a callback form started)
        # "what would they even do, send the police to my house?" after the 988 text (crisis
        # role-play round 29: the domestic violence line)
        r"\b(?:would|will|do|does|are|gonna|going\s+to)\s+(?:they|988|you|u|y'?all|the\s+line|them)\s+(?:[\w,]+\s+){0,3}?"
        r"(?:send|call|bring)\s+(?:the\s+)?(?:cops|police)\b|"
        r"\b(?:will|would|do|does)\s+(?:the\s+)?(?:cops|police)\s+(?:also\s+)?(?:come|show\s+up|get\s+called|be\s+called)\b"
        r"[^.!?]{0,20}\bif\s+(?:i|we)\s+call\b|"
        r"\b(?:cops|police)\s+(?:showed|came)\s+(?:up\s+)?(?:and|&)\s+(?:cuffed|arrested|took)\s+me\b|"
        r"\b(?:if\s+(?:i|we)\s+call\s+911|call(?:ing)?\s+911)\b[^.!?]{0,40}\b(?:get\s+(?:arrested|in\s+trouble)|go\s+to\s+jail|"
        r"police|cops|cps)\b|"
        # "are the cops going to arrest him when they get here", "he has a warrant", "if they
        # come cps will take my kids" (role-play 2026-12-04: the same text again, unanswered)
        # (only when responders are on their way or being called: "will the police arrest me
        # if i go to treatment" is a question about the program)
        r"\b(?:are|will|would|do|does|is|gonna|going\s+to)\s+(?:the\s+)?(?:cops|police|they)\s+(?:\w+\s+){0,3}?"
        r"(?:arrest|charge|lock|jail)\w*\b[^.!?]{0,40}\b(?:when\s+they\s+(?:get|come|show)|if\s+(?:i|we)\s+call|"
        r"if\s+they\s+come|when\s+(?:the\s+)?(?:ambulance|paramedics)\s+(?:get|come))\w*\b|"
        r"\bdo\s+they\s+have\s+to\s+report\b[^.!?]{0,20}\b(?:cps|police|cops)\b|"
        r"\b(?:warrant|on\s+probation|on\s+parole|his\s+probation|her\s+probation|my\s+probation)\b[^.!?]{0,60}"
        r"\b(?:911|call\s+(?:911|the\s+(?:police|cops)|an?\s+ambulance)|ambulance)\b|"
        r"\b(?:911|ambulance)\b[^.!?]{0,60}\b(?:warrant|probation|parole)\b|"
        r"\b(?:police|cops|911)\b[^.!?]{0,60}\bcps\b|\bcps\b[^.!?]{0,60}\b(?:police|cops|911)\b|"
        # "will you send cops to my house if i say that stuff", "are you going to call the police
        # on me because i said i want to die" (role-play 2026-12-04, web: the DV script twice)
        r"\b(?:will|would|do|does|did|are|is)\s+(?:you|u|this\s+(?:chat|bot|app|thing)|y'?all)\s+"
        r"(?:going\s+to\s+|gonna\s+|have\s+to\s+)?(?:send|call|get|tell|report\s+(?:me\s+)?to)\s+(?:the\s+)?"
        r"(?:cops|police|cop)\b|"
        r"\b(?:call|send|get)\s+(?:the\s+)?(?:cops|police)\s+(?:on|after)\s+me\b|"
        # "do they send police if u text 988" (role-play 2026-12-04)
        r"\b(?:send|call|get)\s+(?:the\s+)?(?:cops|police)\b[^.!?]{0,30}\b(?:988|9-8-8|911|the\s+(?:crisis|suicide)\s+"
        r"(?:line|hotline|lifeline)|that\s+(?:line|hotline|number))\b|"
        # "if i text 988 will they send cops" (role-play 2026-12-04)
        r"\b(?:988|9-8-8|911|the\s+(?:crisis|suicide)\s+(?:line|hotline|lifeline))\b[^.!?]{0,30}?\b(?:send|call|get)\s+"
        r"(?:the\s+)?(?:cops|police)\b|"
        r"\b(?:(?:si|cuando)\s+(?:llamo|escribo|mando\s+(?:un\s+)?(?:texto|mensaje))\s+al\s+(?:988|911))\b[^.!?]{0,40}\b(?:policia|policía|migra|inmigracion|inmigración|cps)\b"
    ),
    # "the paranoia is the scary part, he thinks people are watching the house... what do I do
    # till then if it gets worse" (role-play 2026-12-04, a father: a menu, then naloxone)
    "psychosis": re.compile(
        # now, not a habit ("he gets paranoid for days when he uses" is a question about
        # treatment, answered as one)
        r"\b(?:he|she|they|my\s+\w+|son|daughter)\s+(?:\w+\s+){0,3}?(?:is|'s|s|are|'re|been|is\s+getting|"
        r"getting|acting|seems|keeps)\s+(?:so\s+|really\s+|very\s+|super\s+|more\s+|totally\s+)?"
        r"(?:paranoid|psychotic|hallucinating|hearing\s+voices|seeing\s+things\s+that)\b|"
        r"\b(?:he'?s|she'?s|they'?re|theyre)\s+(?:getting\s+|acting\s+|been\s+)?(?:so\s+|really\s+|very\s+|"
        r"super\s+|more\s+|totally\s+)?(?:paranoid|psychotic|hallucinating|hearing\s+voices)\b|"
        r"\b(?:the|his|her|their)\s+(?:paranoia|psychosis|hallucinations)\b|"
        # "what do i do if the voices get worse" (night role-play)
        r"\bthe\s+voices\s+(?:get|are\s+getting|got|keep)\b|"
        # "what do i do till then if it gets worse, hes scaring his little sister" (a
        # regression conversation, once v10 was in training: the relapse answer)
        r"\bif\s+(?:it|he|she|they|things|this)\s+(?:gets?|get|keeps?\s+getting)\s+worse\b[^.!?]{0,40}?"
        r"\b(?:scar\w*|threaten\w*|hurt\w*|violent|hit\w*|afraid|unsafe)\b|"
        r"\b(?:thinks|convinced|swears|believes)\s+(?:that\s+)?(?:people|someone|somebody|they|the\s+"
        r"(?:cops|police|fbi|government|neighbors))\s+(?:are|is)\s+(?:\w+\s+)?(?:watching|following|after|"
        r"spying|listening|out\s+to\s+get|poisoning|tracking)\b|"
        # the writer's own: "theres people talking outside my walls about me and i can hear them
        # through the vents", "i got a knife by the door in case they come in" (crisis role-play
        # round 33, 4 days awake on ice: the detox offer twice, no 911)
        r"\b(?:people|someone|somebody|voices|they)\s+(?:are\s+|is\s+)?(?:talking|whispering|watching|listening)\s+"
        r"(?:\w+\s+){0,3}?(?:about\s+me|through\s+the\s+(?:vents?|walls?)|in\s+the\s+walls|outside\s+my\s+(?:walls|window|door))\b|"
        r"\b(?:i\s+can\s+)?hear\s+(?:them|voices|people)\s+(?:\w+\s+){0,2}?(?:through|in|inside)\s+the\s+(?:vents?|walls?|ceiling)\b|"
        r"\b(?:knife|gun|bat|machete|hammer)\s+(?:by|next\s+to|at)\s+(?:the|my)\s+(?:door|bed)\b[^.!?]{0,30}\b(?:in\s+case|if)\s+"
        r"(?:they|someone|somebody|anyone)\b|"
        r"\bthey\s+know\s+(?:i'?m|im|where\s+i\s+am)\s+(?:here|home)\b|\bi\s+think\s+i'?m\s+losing\s+it\b"
    ),
    # "no plan or anything. my roommate is home" after thoughts of suicide (role-play
    # 2026-12-04: the same 988 text, word for word, the roommate not heard)
    "no_plan": re.compile(
        # ("I'm not going to kill myself" is a "no" to the check-in question: not here)
        r"\bno\s+plans?\b(?!\s+(?:to|for|this|that|on|yet\s+to))|"
        r"\b(?:i'?m|im|i\s+am)\s+not\s+(?:like\s+|really\s+|actually\s+)?(?:going\s+to|gonna)\s+do\s+anything\b|"
        r"\bi\s+(?:won'?t|wont|will\s+not)\s+do\s+anything\b|"
        r"\b(?:i'?m|im|i\s+am)\s+not\s+alone\b|"
        # "no i dont have a plan, its just thoughts", "no tengo ningun plan ... solo son
        # pensamientos" (blind v21 / es-v12: the crisis reply again)
        r"\b(?:i\s+)?(?:don'?t|dont|do\s+not)\s+have\s+(?:a|any)\s+plans?\b|"
        r"\b(?:it'?s|its|they'?re|theyre)\s+just\s+thoughts\b|"
        r"\bno\s+tengo\s+(?:un\s+|ning[uú]n\s+)?plan\b|\bno\s+(?:voy|pienso)\s+a\s+hacer(?:me)?\s+nada\b|"
        r"\bno\s+me\s+har[ií]a\s+nada\b|\bsolo\s+son\s+pensamientos\b|"
        r"\bno\s+estoy\s+sol[oa]\b"
    ),
    # a loved one's means, asked about by the person worried for them: "should i put her
    # pills somewhere she cant get them", "theres a bunch of her sleeping pills in the
    # bathroom" (family role-play round 27, a husband: the same 988 text three times)
    # "my sister lives 10 min away. i guess i could text her", "should i text my sister to come
    # get the pills" after "can you put the pills out of reach tonight?" (crisis role-play round
    # 32: "That's outside what I know", twice, to someone with a plan for tonight)
    "means_handed_over": re.compile(
        r"\b(?:should|can|could|would|do)\s+(?:i|we)\s+(?:just\s+)?(?:text|call|ask|have|get|give)\s+(?:my\s+|her\s+|him\s+)?"
        r"(?:\w+\s+)?(?:to\s+)?(?:come\s+)?(?:get|take|hold|keep|pick\s+up|lock\s+up)\s+(?:the\s+|my\s+|them|it)\s*"
        r"(?:pills|meds|medicines?|gun|guns|pistol|rifle|knives|razors?|rope|bottles?)?\b|"
        r"\b(?:give|hand|bring|drop\s+off|take)\s+(?:the\s+|my\s+)?(?:pills|meds|gun|guns|pistol|rifle|razors?|knives)\s+"
        r"(?:to|over\s+to|off\s+at)\s+(?:my\s+)?\w+|"
        r"\bi\s+(?:guess\s+i\s+|think\s+i\s+)?(?:could|can|will|'?ll|should)\s+(?:text|call|ask)\s+(?:her|him|my\s+\w+)\b|"
        r"\b(?:my\s+)?(?:sister|brother|mom|mother|dad|father|friend|neighbor|roommate|cousin|aunt|uncle|wife|husband|"
        r"partner|girlfriend|boyfriend)\s+(?:lives|is)\s+(?:\d+|ten|five|twenty|a\s+few)\s+(?:min|mins|minutes|blocks)\s+away\b|"
        r"\b(?:le\s+)?(?:puedo|podr[ií]a|deber[ií]a|voy\s+a)\s+(?:mandar\w*|escribir\w*|llamar\w*|pedir\w*|dar\w*)\s+"
        r"(?:a\s+)?(?:mi\s+)?\w+\s+(?:para\s+)?(?:que\s+)?(?:venga|se\s+lleve|guarde|recoja)\b"
    ),
    "means_for_someone": re.compile(
        r"\bshould\s+(?:i|we)\s+(?:put|hide|lock\s+up|lock|take|get\s+rid\s+of|remove|move|hold\s+onto|keep)\s+"
        r"(?:away\s+)?(?:her|his|their|all\s+(?:her|his|their|the))\s+(?:\w+\s+)?(?:pills|meds|medicines?|"
        r"medications?|guns?|pistol|rifle|knives|razors?|bottles?)\b|"
        r"\b(?:there'?s|theres|there\s+(?:is|are))\s+(?:a\s+(?:bunch|lot|bottle|whole\s+bottle)\s+of\s+|some\s+)?"
        r"(?:her|his|their)\s+(?:\w+\s+)?(?:pills|meds|medicines?|medications?|guns?|pistol|rifle)\b|"
        r"\b(?:her|his|their)\s+(?:\w+\s+)?(?:pills|meds|guns?)\s+(?:are|is)\s+(?:still\s+)?(?:in|on|under)\s+the\b"
    ),
    # the worried one is not the one in danger: "its not me its her", "will 988 even talk to
    # me if its not me whos suicidal" (family role-play round 27: the same text, word for word)
    "not_me": re.compile(
        # (with what was said about them: "its not me its my son" alone answers "who is it for?")
        r"\b(?:it'?s|its|it\s+is)\s+not\s+(?:me|about\s+me)\b[^.?!]{0,12}\b(?:it'?s|its|it\s+is)\s+"
        r"(?:her|him|them|my\s+\w+)\b(?=.*\b(?:988|suicid\w*|didn'?t\s+mean\s+it|didnt\s+mean\s+it|better\s+off|"
        r"asleep|tonight|tomorrow|what\s+(?:should|do|can)\s+i\s+do)\b)|"
        r"\bnot\s+me\s+(?:who'?s|whos|who\s+is|that'?s|thats)\b|"
        r"\b(?:will|would|does|do|can)\s+988\s+(?:even\s+|still\s+|also\s+)?(?:talk|help|speak)\s+(?:to|with)?\s*"
        r"(?:me|family|someone)\s+if\b|"
        r"\bcan\s+i\s+(?:call|text)\s+988\s+(?:for|about)\s+(?:her|him|them|my\s+\w+|someone\s+else)\b"
    ),
    # "should i call 911?? she'll be so mad at me" (crisis role-play round 28: the first
    # crisis reply again, about bleeding); not a what-if ("should i call 911 if he seizes?")
    "should_call_911": re.compile(
        # ("when do i call 911" asks when, the warning signs: not this)
        r"(?<!\bwhen\s)\b(?:should|shall|must)\s+(?:i|we)\s+(?:just\s+|really\s+|still\s+)?call\s+(?:911|9-1-1|"
        r"an?\s+ambulance|the\s+ambulance)\b(?![^.?!]{0,40}\b(?:if|when|whenever|next\s+time)\b)|"
        r"\b(?:debo|tengo\s+que)\s+llamar\s+al\s+911\b(?![^.?!]{0,40}\b(?:si|cuando)\b)|"
        r"\b(?:le\s+)?llamo\s+al\s+911\s*\?|"
        # "should i hang up on them and call 911 instead??" on hold with Poison Control, and
        # "entonces llamo al 911 o no?" (crisis role-play round 38: a dosing answer, the
        # help line's hours)
        r"\b(?:should|do|shall)\s+i\s+(?:just\s+)?hang\s+up\b[^.!?]{0,30}\bcall\s+(?:911|9-1-1)\b|"
        r"\bllamo\s+al\s+911\s+o\s+no\b|\b(?:tengo|debo)\s+que\s+llamar\s+al\s+911\s+o\s+no\b|"
        r"\b(?:call|do\s+i\s+call)\s+911\s+(?:yes\s+or\s+no|or\s+not)\b|" + WHICH_CALL_FIRST.pattern
        # "988 or 911?? which one hes not answering", "should i break the door or call someone
        # first" (crisis role-play round 29: the help line's hours; the domestic violence line)
    ),
    # "988 is for suicide though right?", "el 988 es solo para suicidio?" (left from round 29:
    # the 988 text again): what 988 is for, and when 911 comes first
    "about_988": re.compile(
        r"\b988\s+(?:is|was|'s)\s+(?:just\s+|only\s+|mostly\s+)?(?:for|about)\b|"
        r"\b(?:is|isn'?t|isnt)\s+988\s+(?:just\s+|only\s+|mostly\s+)?(?:for|about)\b|"
        r"\bwhat\s+(?:is|does)\s+988\s+(?:for|do)\b|"
        r"\b(?:el\s+)?988\s+(?:es|era)\s+(?:solo\s+|nomas\s+|nada\s+mas\s+)?(?:para|de)\b|"
        r"\b(?:es|no\s+es)\s+(?:el\s+)?988\s+(?:solo\s+|nomas\s+)?para\b"
    ),
    # going to the ER alone, by car
    "drives_self": re.compile(
        # "maybe I'll just drive to urgent care", "is driving myself ok or not" (caller role-play
        # round 27, face numb on one side: "I'm still here... keep 988 and 911 close" twice)
        r"\b(?:i'?ll|ill|i\s+will|i\s+can|i\s+could|i'?m\s+(?:gonna|going\s+to)|im\s+(?:gonna|going\s+to)|"
        r"should\s+i|can\s+i|could\s+i)\s+(?:just\s+)?(?:drive|go)\s+(?:myself\s+)?(?:to\s+)?(?:the\s+)?"
        r"(?:urgent\s+care|er|emergency\s+room|hospital|clinic)\b"
        r"(?![^.?!]{0,30}\b(?:tomorrow|next\s+week|appointment|check\s?-?up|monday|tuesday|wednesday|thursday|friday)\b)|"
        r"\b(?:is\s+)?driving\s+(?:myself|there|to\s+(?:the\s+)?(?:er|hospital|urgent\s+care))\s+(?:ok|okay|safe|fine|alright)\b"
    ),
    # "so do i call nine one one or just drive him myself", "911 or should I drive him to the
    # ER?" (blind v25, read in round 31: the individual counselling answer; caller role-play
    # round 32: the callback questions, then the refusal answer): 911, and why not the car
    "drive_or_911": re.compile(
        r"\b(?:911|9-1-1|nine\s+one\s+one|an?\s+ambulance)\s+or\s+(?:\w+\s+){0,4}?(?:drive|take|bring)\s+"
        r"(?:him|her|them|my\s+\w+)\b|"
        r"\b(?:drive|take|bring)\s+(?:him|her|them|my\s+\w+)\s+(?:\w+\s+){0,4}?or\s+(?:call\s+)?(?:911|9-1-1|"
        r"nine\s+one\s+one|an?\s+ambulance)\b|"
        r"\b(?:llamo|llamar)\s+al\s+(?:911|nueve\s+uno\s+uno)\s+o\s+(?:\w+\s+){0,3}?(?:lo|la)\s+(?:llevo|llevamos)\b|"
        # "she says shes driving me to the er instead of calling, is that ok" (crisis role-play
        # round 39: "I'm still here")
        r"\b(?:driving|drive|take|taking|bring|bringing)\s+(?:me|him|her|them)\s+(?:to\s+)?(?:the\s+)?(?:er|e\.r\.|"
        r"hospital|emergency\s+room)\b[^.!?]{0,40}\b(?:instead\s+of\s+(?:calling|911|an\s+ambulance)|"
        r"or\s+(?:call\s+911|wait\s+for\s+(?:911|an\s+ambulance|the\s+ambulance)))\b"
    ),
    # "do we need the er or can we just open the windows", "mejor nomas abro la ventana no?"
    # after fumes (blind v26/es-v17, read in round 31: the how-to-start answer)
    "fumes_window": re.compile(
        r"\b(?:just|can\s+(?:we|i)\s+just|or\s+(?:can\s+(?:we|i)\s+)?(?:just\s+)?)\s*(?:open|crack)\s+(?:the|a|some|all\s+the)?\s*"
        r"(?:windows?|doors?)\b|\b(?:abro|abrimos|abrir|abre)\s+(?:la|las|una|unas)\s+(?:ventanas?|puertas?)\b"
    ),
    # help refused ("i dont want an ambulance", "can we just wait it out")
    "refuses_911": re.compile(
        # "he doesnt want to go, says hes fine", "can it wait til tomorrow" after a seizure or a
        # head hit (blind es-v18, read in round 32: the follow-up and the schedule answers)
        r"\b(?:he|she|they)\s+(?:doesn'?t|doesnt|don'?t|dont|won'?t|wont|refuses?\s+to)\s+(?:want\s+(?:to\s+)?)?"
        r"(?:go\s+to\s+(?:the\s+)?(?:hospital|er|e\.r\.?|emergency|doctor)|let\s+(?:me|us)\s+call|(?:an?\s+)?ambulance|"
        r"me\s+to\s+call|us\s+to\s+call)\b|"
        r"\b(?:says|saying)\s+(?:he'?s|she'?s|hes|shes|they'?re|theyre|he\s+is|she\s+is)\s+(?:fine|ok|okay|good|alright|all\s+right)\b|"
        r"\bcan\s+(?:it|this|he|she|we|they)\s+(?:just\s+)?wait\s+(?:til|till|until|to)\s+(?:tomorrow|morning|the\s+morning)\b|"
        # "please dont call anyone" after a bottle of sleeping pills (crisis role-play round 34:
        # read as cancelling a callback, "Take care")
        r"\b(?:please\s+)?(?:dont|don'?t|do\s+not)\s+(?:call|send)\s+(?:anyone|anybody|911|an?\s+ambulance|"
        r"the\s+(?:cops|police|ambulance)|my\s+(?:mom|dad|family|parents|wife|husband))\b|"
        # "Ok what if I drive him to the ER myself instead" (crisis role-play 2026-12-05:
        # the same template, the question unanswered): 911 is still the way, and why
        r"\b(?:what\s+if|can|could|should|shall|would\s+it\s+be\s+ok\s+if)\s+(?:i|we)\s+(?:just\s+)?"
        r"(?:drive|take|bring)\s+(?:him|her|them|my\s+\w+)\s+(?:to\s+the\s+(?:er|emergency\s+room)|"
        r"(?:to\s+the\s+hospital\s+|in\s+|there\s+)(?:myself|ourselves|instead))\b|"
        # "my sister can drive me to the ER" (caller role-play round 20: "outside what I know")
        r"\b(?:my\s+\w+|she|he|they|someone|somebody|a\s+friend)\s+(?:can|could|will|is\s+gonna|is\s+going\s+to|"
        r"wants\s+to)\s+(?:just\s+)?(?:drive|take|bring)\s+(?:me|him|her|them|us)\s+(?:to\s+the\s+)?"
        r"(?:er|emergency\s+room|hospital|urgent\s+care)\b|"
        r"\bwhat\s+if\s+(?:my\s+\w+|she|he|they)\s+(?:just\s+)?(?:drives|takes|brings)\s+(?:me|him|her|them)\s+to\s+"
        r"the\s+(?:er|hospital|emergency\s+room)\b|"
        r"\b(?:don'?t|dont|do\s+not|doesn'?t|doesnt|won'?t|wont|will\s+not)\s+(?:want|need|let\s+(?:me|us)\s+call)\s+"
        r"(?:an?\s+|the\s+|to\s+(?:call|go\s+to)\s+(?:an?\s+|the\s+)?)?(?:ambulance|911|ems|paramedics)\b|"
        r"\b(?:no|not\s+calling|not\s+going\s+to\s+call|not\s+gonna\s+call)\s+(?:an?\s+)?(?:ambulance|911)\b|"
        r"\b(?:just|can\s+(?:i|we|he|she)\s+(?:just\s+)?|can'?t\s+(?:i|we|he|she)\s+(?:just\s+)?|gonna|going\s+to)"
        r"\s*(?:wait|ride|sleep|sweat)\s+(?:it|this)?\s*(?:out|off)\b|"
        r"\brather\s+not\s+call\b|"
        # "i dont want to go to the e r they cant do nothing" (blind v17, a caller seeing bugs
        # on day three without alcohol: the rides answer)
        r"\b(?:(?:don'?t|dont|do\s+not|won'?t|wont)\s+(?:want\s+to\s+|wanna\s+)?go|not\s+(?:going|gonna)"
        r"(?:\s+to\s+go|\s+go)?)\s+(?:to\s+)?(?:the\s+)?(?:er|e\s+r|emergency\s+room)\b|"
        # "can't I just wait till morning and take him to the clinic" (caller role-play round 16)
        r"\b(?:can'?t|cant|can|could|should)\s+(?:i|we)\s+(?:just\s+)?wait\s+(?:till|until|til|to)\s+"
        r"(?:the\s+)?(?:morning|tomorrow)\b|"
        # after a suicidal disclosure: no call to anyone (v5: it started a callback request)
        r"\b(?:don'?t|dont|do\s+not)\s+(?:want|wanna)\s+(?:to\s+)?(?:call|talk\s+to|phone|text)\s+"
        r"(?:anyone|anybody|nobody|no\s+one|988|a\s+hotline|a\s+stranger|them)\b|"
        r"\b(?:can'?t|cant|won'?t|wont|not\s+(?:going\s+to|gonna))\s+(?:call|talk\s+to)\s+(?:anyone|anybody|988)\b|"
        r"\bnot\s+calling\s+(?:anyone|anybody|988)\b"
    ),
    # "lol nvm im fine. ignore that. just a bad night" right after "everyone would be better
    # off without me" (crisis role-play 2026-12-05: a program blurb, no question back). A
    # retraction is asked about gently, the way crisis lines do: the check-in question.
    "takes_it_back": re.compile(
        r"\b(?:ignore\s+(?:that|it|what\s+i\s+(?:said|wrote|just\s+said)|my\s+last\s+(?:message|text))|"
        r"forget\s+(?:i\s+said\s+(?:that|anything)|what\s+i\s+(?:said|wrote|just\s+said))|"
        r"i\s+didn'?t\s+mean\s+(?:it|that)|jk|just\s+kidding|i\s+was\s+(?:just\s+)?(?:kidding|joking))\b|"
        # "lol not like that. i mean im moving to my dads in ohio, my bus leaves at 9" after
        # "after 9 tonight ill be gone for good" (crisis role-play round 29: the 988 text twice
        # more); the reply still asks the direct question
        r"\bnot\s+like\s+that\b|\b(?:that'?s\s+)?not\s+what\s+i\s+meant\b|\byou\s+(?:misunderstood|got\s+the\s+wrong\s+idea)\b|"
        r"\bi\s+mean(?:t)?\s+(?:im|i'?m|i\s+am)\s+(?:moving|leaving\s+(?:town|the\s+state)|going\s+(?:away|home|to\s+\w+))\b|"
        r"\bno\s+(?:en\s+ese\s+sentido|me\s+refiero\s+a\s+eso|es\s+lo\s+que\s+quise\s+decir)\b"
    ),
    # the danger has passed (for now)
    "safe_now": re.compile(
        # "ok i got out of the car. im in the kitchen. what now" after the fumes reply (crisis
        # role-play round 29: the clarifying menu, "Childcare and rides")
        r"\b(?:i|we)\s+(?:just\s+|finally\s+)?(?:got|get|am|'m|m|climbed|stepped)\s+out\s+of\s+the\s+(?:car|truck|garage|van)\b|"
        r"\b(?:i\s+)?(?:turned|shut)\s+(?:it|(?:the\s+|my\s+)?(?:engine|car|truck|motor))\s+off\b"
        r"(?!\s+(?:and\s+|then\s+)+(?:back\s+)?on\b)|"
        r"\b(?:i\s+)?(?:turned|shut)\s+off\s+(?:the\s+|my\s+)?(?:engine|car|truck|motor)\b|"
        r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are|the\s+kids\s+are|kids\s+are)\s+(?:safe\s+(?:now|for\s+now|right\s+now)|"
        r"out\s+of\s+the\s+house|at\s+a\s+(?:friend'?s|neighbou?r'?s))\b|"
        # "im at my moms with the kids now, we're ok" (role-play 2026-12-04: the family FAQ,
        # "talk calmly with your loved one", to a woman who had just got away from him)
        # (not "I'm fine right now": in the screening that is "no symptoms since I drank")
        r"\b(?:we'?re|we\s+are|the\s+kids\s+are|kids\s+are)\s+(?:ok|okay|alright|all\s+right|fine)"
        r"(?:\s+(?:now|for\s+now|right\s+now))?\s*(?:$|[.,!;]|now\b|and\b|but\b|thank)|"
        r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are)\s+(?:at|in)\s+(?:my|our|a)\s+(?:mom|mum|mother|dad|father|sister|"
        r"brother|aunt|uncle|grandma|grandmother|cousin|friend|neighbou?r|parent)s?'?s?\b(?:\s+(?:house|place|apartment))?"
        r"[^.!?]{0,30}\b(?:now|safe|ok|okay)\b|"
        # "everyone is safe", "he is ok now" (role-play 2026-12-04: the safety text came back
        # four times after "everyone is safe. I just want information about the program")
        r"\b(?:everyone|everybody|all\s+of\s+us|we|we\s+are\s+all|we'?re\s+all)\s*(?:is|are|'re|re)?\s+"
        r"safe\b(?!\s*\?)|"
        # "my mom is here now" / "someone is watching me tonight" after pills and wine (crisis
        # role-play round 37: "Please call 911 now... Unlock your door" twice more)
        r"\b(?:my\s+(?:mom|mum|mother|dad|father|sister|brother|friend|"
        r"neighbou?r|aunt|uncle|grandma|grandmother|son|daughter)|someone|somebody)\s*(?:is|'s|s)\s+"
        r"(?:here|with\s+me|watching\s+me|staying\s+with\s+me)(?:\s+(?:now|tonight))?\s*(?:$|[.,!;]|now\b|so\b)|"
        r"\bi'?m\s+not\s+alone\s+(?:now|anymore|any\s+more)\b|"
        r"\b(?:he|she|they)\s*(?:'s|s|\s+is|\s+are|'re)\s+(?:ok|okay|fine|safe|alright)\s+now\b|"
        r"^\W*(?:(?:ok|okay|yes|no)\W+)?(?:he|she|they)\s*(?:'s|s|\s+is|\s+are|'re)\s+safe\b(?!\s*\?)|"
        r"\b(?:he|she|they)\s*(?:'s|s|\s+is|\s+are|'re)\s+(?:safe|ok|okay|fine)\s+(?:at|in)\s+the\s+(?:hospital|er)\b|"
        rf"\b(?:he|she|they)\s+(?:left|drove\s+off|took\s+off|walked\s+out){_END}|"
        # blind v21: "okay he left he drove off in the truck i'm okay now", "i got out im in
        # my car at the gas station. im safe" (the violence reply came back each time)
        r"\b(?:he|she|they)\s+(?:drove|took)\s+off\s+in\s+(?:the|his|her|their|a)\s+(?:truck|car|van)\b|"
        r"\b(?:i'?m|im|i\s+am)\s+(?:ok|okay|alright|all\s+right)\s+now\s*(?:$|[.!,])|"
        r"\b(?:i'?m|im|i\s+am)\s+safe\s*(?:$|[.!]|\bi\s+promise\b)|"
        r"\b(?:he|she|they)(?:'s|s|\s+is|\s+are|'re)\s+(?:breathing|awake|responding|talking|conscious)\s+(?:again|now)\b|"
        rf"\b(?:he|she|they)\s+(?:woke\s+up|came\s+(?:to|around|round)|is\s+waking\s+up|started\s+breathing){_END}|"
        # the means put away: "ok i turned it off and opened the window", "i turned the car off
        # and opened the door" (crisis role-play round 24: the first crisis reply, word for
        # word, three times)
        r"\bi\s+(?:just\s+)?(?:turned|shut|switched)\s+(?:off\s+)?(?:it|the\s+(?:car|engine|gas|stove|oven|motor))"
        r"(?:\s+off)?\b[^.!?]{0,40}\b(?:opened|open)\s+(?:the|a|all\s+the)\s+(?:windows?|doors?|garage)\b|"
        r"\bi\s+(?:just\s+)?(?:put|locked|gave|threw|flushed)\s+(?:the\s+)?(?:knife|gun|pistol|pills|rope|blade|razor|it|them)\s+"
        r"(?:away|out|up|in\s+the\s+(?:car|trunk|safe|drawer|closet|other\s+room|garage|lockbox|gun\s+safe)|"
        r"to\s+my\s+\w+|down\s+the\s+toilet)\b|"
        # "i turned it off, im still here" (crisis role-play round 24: the first reply again)
        # (not "i turned off the stove, dinner is ready")
        r"\bi\s+(?:just\s+)?(?:turned|shut|switched)\s+(?:it|the\s+(?:car|engine|gas|stove|oven|motor|burners?))\s+off"
        r"\W*(?:$|(?:ok|okay|i'?m\s+still\s+here|im\s+still\s+here|still\s+here|now\s+what|what\s+now|like\s+you\s+said|"
        r"i\s+promise)\b)|"
        r"\b(?:i'?m|im|i\s+am)\s+out\s+of\s+the\s+(?:car|garage)\b"
    ),
}
# Spanish (role-play 2026-12-04: an SMS overdose got "llame al 911 si no lo ha hecho" four
# times after "ya llame", "no tenemos narcan", "ya esta respirando"); accents optional
_SPANISH_PATTERNS: Dict[str, re.Pattern[str]] = {
    "refuses_911": re.compile(
        r"\b(?:no\s+quiere|se\s+niega\s+a)\s+(?:ir\s+al\s+(?:hospital|doctor|m[eé]dico|emergencias?)|"
        r"que\s+(?:lo|la|le)\s+(?:lleve|llevemos)\s+al\s+(?:hospital|doctor|m[eé]dico)|que\s+llame\s+al\s+911|"
        r"la\s+ambulancia)\b|"
        r"\bdice\s+que\s+(?:ya\s+)?(?:est[aá]|se\s+siente)\s+bien\b|"
        r"\b(?:puede|podemos|se\s+puede)\s+esperar\s+(?:a|hasta)\s+(?:ma[nñ]ana|la\s+ma[nñ]ana)\b|"
        r"\bno\s+(?:voy|vamos)\s+a\s+llamar\s+al\s+911\b"
    ),
    "dv_shelter": re.compile(
        r"\b(?:refugios?|albergues?|lugar\s+seguro|(?:a\s+)?donde\s+(?:puedo|podemos|me\s+puedo)\s+"
        r"(?:ir|quedar(?:me)?|dormir)|a\s+donde\s+voy)\b"
    ),
    "dv_come_out": re.compile(
        r"\b(?:salgo|debo\s+salir|deber[ií]a\s+salir|puedo\s+salir|le\s+abro(?:\s+la\s+puerta)?|"
        r"abro\s+la\s+puerta|lo\s+dejo\s+entrar|la\s+dejo\s+entrar)\b|"
        r"\b(?:dice|est[aá]\s+diciendo)\s+que\s+lo\s+siente\b|\bme\s+pide\s+perd[oó]n\b"
    ),
    "dv_passed_out": re.compile(
        r"\bse\s+(?:qued[oó]\s+dormid[oa]|durmi[oó]|desmay[oó]|call[oó]|qued[oó]\s+callad[oa]|"
        r"qued[oó]\s+tirad[oa]|qued[oó]\s+inconsciente)\b|\bya\s+(?:se\s+calm[oó]|no\s+(?:grita|hace\s+ruido))\b"
    ),
    "dv_phone_safety": re.compile(
        r"\b(?:puede|podr[aá]|va\s+a)\s+ver\s+(?:mis\s+|los\s+)?(?:mensajes|textos|lo\s+que\s+(?:escribo|te\s+escribo|mando))\b|"
        r"\brevisa\s+mi\s+(?:tel[eé]fono|celular|cel)\b|\bfactura\s+del?\s+(?:tel[eé]fono|celular)\b"
    ),
    "poison_control_police": re.compile(
        r"\b(?:control|centro)\s+de\s+(?:envenenamientos?|intoxicaci[oó]n(?:es)?|venenos|toxicolog[ií]a)\b"
        r"[^.!?]{0,40}\b(?:polic[ií]a|migra|arrest\w*|reporta\w*)\b|"
        r"\b(?:polic[ií]a|migra)\b[^.!?]{0,40}\b(?:control|centro)\s+de\s+(?:envenenamientos?|toxicolog[ií]a)\b"
    ),
    "drink_for_shakes": re.compile(
        r"\b(?:le\s+doy|darle|dale|le\s+damos|le\s+puedo\s+dar|puede\s+tomar(?:se)?|se\s+puede\s+tomar|"
        r"y\s+si\s+(?:le\s+doy|se\s+toma|toma))\s+(?:una?\s+|un\s+poco\s+de\s+)?(?:cervecitas?|cervezas?|tragos?|"
        r"traguitos?|copitas?|copas?|tequila|alcohol|vino)\b|"
        r"^\W*(?:y\s+)?(?:una?\s+)?(?:cervecita|cerveza|traguito|copita)\W*$|"
        # "nomas quiero saber si me tomo una cerveza pa que se me quite el temblor" (crisis
        # role-play round 38: the withdrawal reply again)
        r"\b(?:me\s+tomo|me\s+echo|tomarme|me\s+puedo\s+tomar|puedo\s+tomarme)\s+(?:una?\s+|un\s+poco\s+de\s+)?"
        r"(?:cervecitas?|cervezas?|tragos?|traguitos?|copitas?|copas?|tequila|alcohol|vino)\b"
        r"(?=[^.!?]{0,40}\b(?:temblor\w*|quite|calm\w*|abstinencia|sudor\w*|nervios)\b)"
    ),
    "help_coming": re.compile(
        r"\bya\s+(?:llam[eé]|marqu[eé]|hable|habl[eé])\s+(?:al|a\s+la)\s+(?:911|ambulancia|policia|polic[ií]a)\b|"
        r"\b(?:la\s+ambulancia|los\s+param[eé]dicos|la\s+ayuda)\s+(?:ya\s+)?(?:viene|vienen|est[aá]\s+en\s+camino|"
        r"est[aá]n\s+en\s+camino|va\s+en\s+camino)\b|\bmientras\s+(?:vienen|llegan|llega\s+la\s+ambulancia)\b|"
        # "ok ya se lo pusimos y esta respirando mas. ya viene la ambulancia" (es-v4: the first
        # crisis reply again)
        r"\bya\s+(?:viene|vienen|va\s+a\s+llegar|van\s+a\s+llegar)\s+(?:la\s+ambulancia|los\s+param[eé]dicos|"
        r"la\s+ayuda|la\s+polic[ií]a)\b|\b(?:estoy|estamos)\s+(?:llamando|hablando)\s+(?:al|con\s+el)\s+911\b"
    ),
    "help_here": re.compile(
        r"\bya\s+(?:llegaron|lleg[oó]\s+la\s+ambulancia|llegaron\s+los\s+param[eé]dicos)\b|"
        r"\bse\s+(?:lo|la)\s+llevaron\s+al\s+hospital\b|\b(?:est[aá]|estamos)\s+en\s+el\s+hospital\b"
    ),
    "no_naloxone": re.compile(
        r"\bno\s+(?:tenemos|tengo|hay)\s+(?:narcan|naloxona)\b|\bsin\s+(?:narcan|naloxona)\b"
    ),
    "no_more_tonight": re.compile(
        r"\bya\s+no\s+(?:voy\s+a\s+)?(?:tomo|tomar|bebo|beber)\s+m[aá]s\s+(?:hoy|esta\s+noche)\b|"
        r"\b(?:ya\s+)?(?:dejo|paro)\s+de\s+(?:tomar|beber)\s+(?:por\s+)?(?:hoy|esta\s+noche)\b"
    ),
    "lying_down": re.compile(
        r"\bme\s+voy\s+a\s+(?:acostar|dormir|recostar)\b|\bvoy\s+a\s+(?:dormir(?:me)?|acostarme|recostarme)\b|"
        # "llamo al 911 o lo dejo dormir que se le pase?" (blind es-v16, read in round 31: the
        # 988 text again): never sleeping it off alone; 911
        r"\b(?:lo|la)\s+dejo\s+dormir\b|\bdejar(?:lo|la)\s+dormir\b|\bque\s+se\s+le\s+pase\s+durmiendo\b|"
        r"\bque\s+duerma\s+(?:para\s+)?que\s+se\s+le\s+pase\b"
    ),
    "poison_control": re.compile(
        r"\b(?:control|centro)\s+de\s+(?:envenenamientos?|intoxicaci[oó]n(?:es)?|venenos|toxicolog[ií]a)\b|"
        r"\bpoison\s+control\b"
    ),
    "overdose_first_aid": re.compile(
        r"\b(?:lo|la)\s+(?:acuesto|pongo|volteo)\s+de\s+lado\b|\bagua\s+fr[ií]a\b|\bba[nñ]o\s+fr[ií]o\b"
    ),
    "police_fear": re.compile(
        r"\b(?:miedo|me\s+da\s+miedo|no\s+quiero)\b[^.!?]{0,50}\b(?:polic[ií]a|migra|inmigraci[oó]n|deport\w*)\b|"
        r"\b(?:polic[ií]a|migra|inmigraci[oó]n)\b[^.!?]{0,50}\b(?:deport\w*|papeles|arrest\w*)\b|"
        # "el 988 llama a la policia o a inmigracion?" (Spanish role-play 2026-12-04, night:
        # answered with the treatment-records law)
        r"\b(?:988|911|ustedes|usted|la\s+l[ií]nea)\b[^.!?]{0,30}\b(?:llama\w*|manda\w*|avisa\w*|reporta\w*)\s+"
        r"(?:a\s+)?(?:la\s+)?(?:polic[ií]a|migra|inmigraci[oó]n|ice)\b|"
        # "viene la policia si llamo?" during an overdose (Spanish role-play round 34: the
        # treatment-records answer), "me van a deportar si llamo"
        r"\b(?:viene|vendr[aá]|llega|llegar[aá]|mandan|mandar[aá]n|van\s+a\s+mandar)\s+(?:a\s+)?(?:la\s+)?"
        r"(?:polic[ií]a|migra|patrulla)\b|\b(?:me|nos|lo|la)\s+(?:van\s+a|pueden)\s+(?:deportar|arrestar)\b"
    ),
    # "me voy a tomar las pastillas de mi mama, todas esta noche" (Spanish role-play
    # 2026-12-04: the same 988 text again, word for word)
    "has_means": re.compile(
        r"\b(?:guard[eé]|guardo|junt[eé]|he\s+(?:guardado|juntado)|tengo\s+guardad[ao]s)\s+(?:\w+\s+){0,3}?"
        r"(?:pastillas|p[ií]ldoras|medicinas|medicamentos|oxis?|xanax)\b|"
        r"\b(?:pastillas|p[ií]ldoras|medicinas|medicamentos)\s+(?:\w+\s+){0,3}?(?:guardadas|juntadas)\b|"
        r"\btom(?:arme|ar|o|e)\s+todas\s+(?:las\s+|mis\s+)?(?:pastillas|p[ií]ldoras|medicinas)\b|"
        r"\btodas\b[^.!?]{0,30}\besta\s+noche\b|"
        # "tengo la pistola aquí en la mesa" (Spanish role-play round 21: the 988 text again)
        r"\btengo\s+(?:una\s+|un\s+|la\s+|el\s+|mi\s+)?(?:pistola|arma|rifle|escopeta)\s+"
        r"(?:aqu[ií]|ac[aá]|conmigo|en\s+(?:la\s+\w+|el\s+\w+|casa|mi\s+\w+))\b|"
        # "¿qué hago con la pistola?" (Spanish role-play round 20: the template again)
        r"\bqu[eé]\s+(?:hago|hacemos|le\s+hago)\s+con\s+(?:la|el|las|los|mi|su|esa|ese|esas|esos)\s+"
        r"(?:pistola|arma|armas|rifle|escopeta|pastillas|p[ií]ldoras|medicinas)\b|"
        # "aqui estan las pastillas para dormir de mi esposa, a lo mejor me tomo unas" (Spanish
        # role-play round 16: the same 988 text again)
        r"\b(?:aqu[ií]|ah[ií]|ac[aá])\s+(?:est[aá]n|tengo)\s+(?:las|unas|mis|sus)\s+(?:\w+\s+){0,4}?"
        r"(?:pastillas|p[ií]ldoras|medicinas|pastis)\b|"
        r"\b(?:las|unas|mis|sus)\s+(?:pastillas|p[ií]ldoras|medicinas|pastis)\s+(?:\w+\s+){0,4}?(?:est[aá]n\s+)?"
        r"(?:aqu[ií]|ah[ií]|junto\s+a\s+m[ií]|en\s+la\s+mesa)\b"
    ),
    "psychosis": re.compile(
        r"\b(?:est[aá]\s+(?:muy\s+)?(?:paranoic[oa]|psic[oó]tic[oa]|alucinando)|alucinando|oye\s+voces)\b|"
        r"\bcree\s+que\s+(?:lo|la|los|le|nos)\s+(?:est[aá]n\s+)?(?:vigil|sigu|persigu|esp[ií])\w*"
    ),
    "safe_now": re.compile(
        r"\bya\s+(?:est[aá]\s+respirando|respira|despert[oó]|est[aá]\s+a\s+salvo|estamos\s+a\s+salvo|"
        r"estamos\s+bien)\b|\b(?:est[aá]|estamos)\s+a\s+salvo\b|"
        r"\b(?:est[aá]\s+respirando|respira)\s+(?:m[aá]s|mejor|otra\s+vez|de\s+nuevo)\b|"
        r"\b(?:volvi[oó]\s+en\s+s[ií]|abri[oó]\s+los\s+ojos)\b|"
        # the means put away: "ya lo guarde en el carro" (Spanish role-play round 24: the
        # first crisis reply three times)
        r"\bya\s+(?:lo|la|los|las)\s+(?:guard[eé]|escond[ií]|tir[eé]|bot[eé]|entregu[eé]|apagu[eé])\b|"
        r"\bya\s+(?:guard[eé]|tir[eé]|bot[eé])\s+(?:el|la|las|los)\s+(?:cuchillo|navaja|pistola|arma|pastillas|soga)\b|"
        r"\bya\s+(?:apagu[eé]|me\s+sal[ií]\s+de)\s+(?:el|del)\s+(?:carro|coche|gas|estufa)\b|"
        # "ahorita no esta en la casa... estoy bien", "nadie esta en peligro ahorita" (Spanish
        # role-play round 36: the 988 text four times to a mother afraid of her son)
        # "ya llegamos con mi hermana. estamos bien", "ya sali con los 2 niños" after the violence
        # reply (blind es-v20, read in round 34: the violence reply again)
        r"\bya\s+(?:llegamos|llegu[eé]|estamos|estoy)\s+(?:con|donde|(?:a|en)\s+(?:la\s+)?casa\s+de|en\s+lo\s+de)\s+(?:mi|su)\s+\w+|"
        r"\bya\s+(?:me\s+)?sal[ií](?:mos)?\s+(?:de\s+la\s+casa|con\s+(?:los|mis)\s+(?:\d+\s+)?(?:ni[nñ]os|hijos|chamacos))\b|"
        r"\bnadie\s+est[aá]\s+en\s+peligro\b|\bno\s+hay\s+(?:ning[uú]n\s+)?peligro\s+(?:ahorita|ahora|ya)\b|"
        r"\b(?:no\s+est[aá]|se\s+fue)\b[^.!?]{0,30}[.!?,]\s*(?:ya\s+)?(?:estoy|estamos)\s+bien\b"
    ),
}


def read_spanish_update(clean: str) -> str | None:
    """The kind of a Spanish crisis update, or None."""
    for kind, pattern in _SPANISH_PATTERNS.items():
        if kind not in VIOLENCE_ONLY_KINDS and pattern.search(clean):
            return kind
    return None


def read_violence_update(text: str) -> str | None:
    """ "should I come out" or "he passed out", read after the violence reply only."""
    clean = normalize(text)
    for kind in VIOLENCE_ONLY_KINDS:
        if PATTERNS[kind].search(clean) or _SPANISH_PATTERNS[kind].search(clean):
            return kind
    return None


# "he's not with me now, he went home an hour ago... should I call 988 or his parents?", "ok
# I'll contact his mom now" after the reply to someone else's suicidal words (stepdown
# role-play round 38: "Call 911 now... stay close" three times to a school counselor); read
# only by the conversation after that reply (rasa_hooks/crisis_context.py)
NOT_WITH_THEM = "not_with_them"
_NOT_WITH_THEM = re.compile(
    r"\b(?:he|she|they)(?:'s|s|'re|re|\s+is|\s+are)\s+not\s+(?:with\s+me|here|around)\b|"
    r"\b(?:he|she|they)\s+(?:went|left|has\s+gone|have\s+gone|already\s+went|just\s+went)\s+(?:back\s+)?home\b|"
    r"\b(?:call|contact|tell|text|reach|notify|inform|let)\s+(?:his|her|their)\s+(?:mom|mother|dad|father|parents?|"
    r"family|guardian|grandma|grandmother|aunt|wife|husband|partner)\b|"
    r"\b(?:risk|safety|crisis)\s+(?:protocol|plan|procedure)\b|"
    r"\bno\s+est[aá]\s+conmigo\b|\bya\s+se\s+fue\s+(?:a\s+su\s+casa|para\s+su\s+casa)\b|"
    r"\b(?:llamo|llamar|aviso|avisar|le\s+digo|decirle)\s+a\s+(?:sus\s+pap[aá]s|sus\s+padres|su\s+(?:mam[aá]|madre|"
    r"pap[aá]|padre|familia|esposa?))\b"
)


def read_not_with_them(text: str) -> bool:
    """ "he's not with me now", "I'll call his mom": read after the reply to someone else's
    suicidal words only."""
    return bool(_NOT_WITH_THEM.search(normalize(text)))


_PAUSES = re.compile(r"\s*(?:\.{2,}|…)\s*")
# an update about the past is not an update ("I called 911 for a friend last year")
_PAST = re.compile(
    r"\b(?:last\s+(?:year|month|week|summer|winter|time)|years?\s+ago|months?\s+ago|weeks?\s+ago|"
    r"back\s+(?:then|in)|in\s+(?:19|20)\d\d|one\s+time|once\s+before|used\s+to)\b|"
    # "no he is ok now, that was Saturday" (role-play 2026-12-04: an overdose days ago)
    r"\b(?:that\s+was|it\s+was|was\s+on|last|this\s+past|on)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)
# help is on its way or the danger is over: a request to be put through is answered
# "i don't wanna call nine one one they'll just send cops can you put me through to somebody
# to talk to" (blind v22, voice, a pistol on the table: the police answer, no transfer)
KINDS_THAT_ASK_FOR_A_PERSON = frozenset(
    {"help_coming", "help_here", "safe_now", "reached_988", "police_fear", "refuses_911"}
)
# safe_now never cancels new danger; the other kinds keep their instructions
KINDS_THAT_YIELD_TO_CRISIS = frozenset(
    {"safe_now", "no_plan", "psychosis", "takes_it_back", "not_me", "about_988"}
)
# the danger is over or handled: a question about the program in the same message is
# answered instead ("ok I called 988 and talked to someone, I'm safe. now what are the
# steps to start", role-play 2026-12-04)
KINDS_THAT_LET_A_QUESTION_THROUGH = frozenset({"safe_now", "reached_988", "help_here", "no_plan"})
# what a safe person's question may be: a program topic or the detox question
QUESTION_READINGS = frozenset(FAQ_TOPIC_LABELS) | {"request_detox_screening"}
# the classifier's next guess must be at least this sure to be taken as the question
QUESTION_MIN_CONFIDENCE = 0.05
# kinds that describe the same emergency, never a new one
KINDS_THAT_KEEP_THE_CATEGORY = frozenset(
    {"not_sleeping", "has_means", "getting_drowsy", "will_reach_out"}
)
# crisis-lexicon entries whose words are the update itself ("called 911")
UPDATE_WORDS_PATTERNS = frozenset({"call_911"})
GUARD_ENTITIES = frozenset({"crisis_category", "crisis_pattern"})


_ABOUT_CRISIS_LINE = re.compile(
    r"\b(?:988|9-8-8|crisis\s+line|hotline|lifeline)\b|"
    r"\b(?:you|u|this\s+(?:chat|bot|app|thing)|y'?all)\s+(?:going\s+to\s+|gonna\s+|have\s+to\s+)?"
    r"(?:send|call|get|tell|report)\b|\b(?:police|cops)\s+(?:on|after)\s+me\b|"
    r"\b(?:would|will|do|does)\s+they\s+(?:[\w,]+\s+){0,3}?send\s+(?:the\s+)?(?:cops|police)\b"
)

# a refusal now, whatever past it gives as its reason ("I'm not calling 911. Last time someone
# called, cops showed up", crisis role-play round 16: the 988 text again)
_NOT_CALLING_NOW = re.compile(
    r"\b(?:i'?m|im|i\s+am|we'?re|were|we\s+are)\s+not\s+(?:calling|gonna\s+call|going\s+to\s+call)\s+"
    r"(?:911|9-1-1|an?\s+ambulance|the\s+(?:cops|police|ambulance))\b"
)

# snoring told as his usual sleep, and he woke when spoken to (blind v29, read in round 34:
# "That is not sleep... Call 911 now" to a daughter whose father had answered her)
_SLEEPS_AS_USUAL = re.compile(
    r"\bwoke\s+(?:up\s+)?(?:fine|ok|okay|right\s+up|easily|normal(?:ly)?)\b|\b(?:like|as)\s+(?:always|usual|he\s+always\s+does|every\s+night)\b|"
    r"\balways\s+snores\b|\bsnores\s+every\s+night\b|\b(?:he|she)\s+(?:answered|talked\s+to)\s+me\b"
)
# reaching 988 earlier is not being on the line now ("i called 988 last night", role-play)
_EARLIER = re.compile(
    r"\b(?:last\s+night|earlier|yesterday|this\s+morning|before|the\s+other\s+day)\b"
)


# a call promised for later is no step taken in the crisis now
_LATER = re.compile(
    r"\b(?:tomorrow|tmrw|tmr|later|next\s+week|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|in\s+the\s+morning|mañana|manana|luego|despu[eé]s|otro\s+d[ií]a)\b"
)


# Responders or a hospital taking over come before what was done until then: "they gave
# him narcan and took him to st marys" is help there, not naloxone given (crisis
# role-play 2026-12-05: "Naloxone usually works in 2 to 3 minutes" once he was in hospital)
# "should i call 911?" alone is the crisis reply; with what is happening, the plain yes
SHORT_911_QUESTION_WORDS = 6
# "entonces llamo al 911 o no?" asks for the plain yes (crisis role-play round 38)
_YES_OR_NO = re.compile(r"\b(?:o\s+no|or\s+not|yes\s+or\s+no|s[ií]\s+o\s+no)\b")
_ASKS_WHEN = re.compile(r"\b(?:when|what\s+if|at\s+what\s+point|how\s+do\s+i\s+know)\b")
FIRST_READ = (
    "means_for_someone",
    "has_means",
    "help_here",
    "poison_control_police",
    "drink_for_shakes",
    # "i already called them... what do i tell the paramedics" (crisis role-play round 35)
    "what_to_say",
)
# what a person asks or tells besides ("he is really drowsy and slurring should i make him
# throw up" asks about vomiting) comes before sleepiness or a promise to call
LAST_READ = ("getting_drowsy", "will_reach_out")
# read only by the conversation, after the violence reply (rasa_hooks/crisis_context.py):
# alone, "should i come out" and "se quedo dormido" are no update (blind es-v21's look-alikes,
# measured twice: five read as updates by the message alone)
# passed out first: "ya se quedo dormido en el sillon. salgo o no?" (Spanish role-play round 39:
# the come-out answer again) is the new fact, and its answer says this may be the time to go
VIOLENCE_ONLY_KINDS = ("dv_passed_out", "dv_come_out")
READING_ORDER = (
    FIRST_READ
    + tuple(kind for kind in PATTERNS if kind not in FIRST_READ + LAST_READ + VIOLENCE_ONLY_KINDS)
    + LAST_READ
)


# The crisis replies say "if cost or the police worry you, tell me"; "yeah the police worry
# me", "the police. last time they cuffed me in front of my kids", "i'm not calling 911, cops
# show up to a vet with a gun" got the first crisis reply again (crisis and caller role-play
# round 24). Police named as the reason, even with a past event or a refusal beside it.
_POLICE_AS_THE_REASON = re.compile(
    r"\b(?:the\s+)?(?:police|cops)\s+(?:(?:do|does|really|kinda|kind\s+of)\s+)?(?:worr(?:y|ies)|scare[sd]?|"
    r"terrif(?:y|ies)|freak)\s+me\b|"
    r"^\W*(?:yeah\W+|yes\W+|yea\W+|um+\W+|honestly\W+)*(?:the\s+)?(?:police|cops|pigs)\s*(?:[.!,;:-]|$)|"
    r"\b(?:they'?ll|they\s+will|theyll|they'?d|they\s+would|theyd|they\s+(?:always\s+)?just)\s+(?:just\s+)?"
    r"(?:lock\s+me\s+up|arrest\s+me|take\s+me\s+to\s+jail|put\s+me\s+in\s+(?:jail|cuffs|handcuffs)|cuff\s+me|"
    r"shoot\s+me|take\s+my\s+kids|send\s+(?:the\s+)?(?:cops|police)|call\s+(?:the\s+)?(?:cops|police))\b|"
    # "im worried if i call 988 they'll send police" (caller role-play round 25: the DV reply)
    r"\b(?:worried|scared|afraid)\b[^.!?]{0,40}\b(?:send|call)\s+(?:the\s+)?(?:cops|police)\b|"
    r"\b(?:cops|police)\s+(?:show|come|showing|coming)\s+(?:up\s+)?(?:to|at|for)\b|"
    r"\b(?:they|the\s+cops|the\s+police|cops|police)\s+(?:cuffed|handcuffed|arrested|tased|beat)\s+me\b|"
    r"\bwhy\s+would\s+(?:the\s+)?(?:police|cops)\s+(?:come|show\s+up|be\s+called)\b|"
    r"\b(?:la\s+)?(?:polic[ií]a|migra)\s+me\s+(?:da\s+miedo|preocupa|asusta)\b|"
    r"\bme\s+(?:da\s+miedo|preocupa)\s+(?:la\s+)?(?:polic[ií]a|migra)\b",
    re.IGNORECASE,
)


# calling for help named with the fear: the crisis answer about CPS, not the privacy answer
_CALLING_FOR_HELP = re.compile(
    rf"\b(?:{_HELP}|police|cops|call\s+(?:for\s+help|someone)|ambulance|if\s+(?:i|we)\s+call|"
    r"calling\s+(?:them|for\s+help))\b",
    re.IGNORECASE,
)


def _asks_about_cps_and_the_program(message: Message, text: str) -> bool:
    """ "if i do this will my job find out? and could cps take my kids" (blind v21: the
    CPS crisis answer, with 911, to a first message about the program): the control gate
    already chose the privacy answer with its CPS note, and nothing calls for help."""
    gate = message.get(GATE_OUTPUT) or {}
    return gate.get("reason") == CPS_REASON and not _CALLING_FOR_HELP.search(normalize(text))


def names_the_police_as_the_reason(text: str) -> bool:
    """The person says the police are what worries them about calling."""
    return bool(_POLICE_AS_THE_REASON.search(text or ""))


def read_update(text: str) -> str | None:
    """The kind of crisis update the text gives, or None (speech-to-text pauses, "narcan...
    I have narcan... how", read as spaces: caller role-play round 35)."""
    clean = _PAUSES.sub(" ", normalize(text))
    if PATTERNS["poison_control_police"].search(clean):
        return "poison_control_police"  # the police question before any other fear
    not_calling = _NOT_CALLING_NOW.search(clean)
    if (not_calling or PATTERNS["refuses_911"].search(clean)) and PATTERNS["getting_drowsy"].search(
        clean
    ):
        # "nah im not calling 911 im fine lol... im kinda sleepy tho" after xanax and wine
        # (crisis role-play round 23: "you don't have to call anyone"), "im getting really
        # sleepy. please dont call anyone" (round 34): the overdose getting worse, said first
        return "getting_drowsy"
    if not_calling:
        if names_the_police_as_the_reason(clean):
            return "police_fear"
        return "refuses_911"  # before the past: "I'm not calling 911. Last time, cops came"
    if names_the_police_as_the_reason(clean) and not PATTERNS["getting_drowsy"].search(clean):
        return "police_fear"
    if not clean or _PAST.search(clean):
        return None
    if asks_if_a_taken_mix_is_ok(clean) and not any(
        PATTERNS[kind].search(clean) for kind in ("getting_drowsy", "not_sleeping", "lying_down")
    ):
        # "took 2 bars n drinkin is that ok" (texter role-play round 30): Poison Control now,
        # and when it is 911 instead
        return "poison_control"
    for kind in READING_ORDER:
        if PATTERNS[kind].search(clean):
            if kind == "reached_988" and _EARLIER.search(clean):
                return None
            if kind == "not_sleeping" and _SLEEPS_AS_USUAL.search(clean):
                return None  # "snoring like always, he woke up fine when i said goodnight"
            if (
                kind == "should_call_911"
                and not WHICH_CALL_FIRST.search(clean)
                and not _YES_OR_NO.search(clean)
                and (len(clean.split()) <= SHORT_911_QUESTION_WORDS or _ASKS_WHEN.search(clean))
            ):
                return None  # "should i call 911" alone: the crisis reply itself (it flags one)
            if kind == "will_reach_out" and _LATER.search(clean) and "988" not in clean:
                # "ill text 988 tonight and call you in the morning" reaches out tonight
                return None  # "i'll call your number tomorrow about the program"
            return kind
    if is_use_psychosis(clean):
        return "psychosis"  # "can your program take someone hallucinating from meth"
    return read_spanish_update(clean)


# "whoa no im not trying to kill myself. i do this all the time to sleep. im not calling 911"
# after sleeping pills with vodka (crisis role-play round 21): the denied words are no new
# category; the overdose's "don't sleep it off alone" stays, not "you don't have to call"
_DENIES_THE_THOUGHT = re.compile(
    r"\b(?:i'?m|im|i\s+am)\s+not\s+(?:trying|going|gonna|wanting|planning)\s+(?:to\s+)?(?:kill|hurt|off)\s+my\s*self\b|"
    r"\bnot\s+suicidal\b|\bno\s+(?:me\s+)?(?:quiero|estoy\s+tratando\s+de)\s+(?:matar(?:me)?|suicidar(?:me)?)\b|"
    # "its not like i tried to kill myself. just a chill night" (crisis role-play round 23)
    r"\b(?:it'?s|its|it\s+is)\s+not\s+like\s+(?:i|im|i'?m)\s+(?:tried|trying|want(?:ed)?|wanna|gonna|going)\s+"
    r"(?:to\s+)?(?:kill|hurt|off)\s+my\s*self\b"
)


# the control gate's reasons for a question about the help line itself
# "should I take her to the ER" after withdrawal told: care today, not a refusal of 911
ASKED_ABOUT_THE_LINE = frozenset({HELPLINE_HOURS_REASON, TEXT_BACK_REASON, WITHDRAWAL_CARE_REASON})


def drop_guard_entities(message: Message) -> None:
    """Keep the conversation's crisis category: "I already called 911" hits the
    guard's "call 911" pattern (medical), which would re-word the overdose replies."""
    entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") not in GUARD_ENTITIES]
    message.set(ENTITIES, entities, add_to_output=True)


def update_entity(kind: str, text: str) -> Dict[str, Any]:
    return {
        "entity": UPDATE_ENTITY,
        "value": kind,
        "start": 0,
        "end": len(text),
        "extractor": EXTRACTOR,
        "confidence_entity": 1.0,
    }


# worries about calling, not a new danger: the guard's category for their words ("they'll
# send the cops to my house" read as violence at home) would switch the conversation's crisis
# replies to the domestic violence ones (round 25 regression conversation: a suicidal man)
WORRIES = frozenset({"police_fear", "cost", "refuses_911"})
_GUARD_CATEGORY = "crisis_category"


def apply_update(message: Message, kind: str, text: str) -> None:
    """Makes the message a ``crisis_update`` of ``kind`` (the guard's entities stay, except
    its category for a worry about calling)."""
    put_first(message, UPDATE_INTENT)
    dropped = {UPDATE_ENTITY} | ({_GUARD_CATEGORY} if kind in WORRIES else set())
    entities = [e for e in message.get(ENTITIES) or [] if e.get("entity") not in dropped]
    message.set(ENTITIES, entities + [update_entity(kind, text)], add_to_output=True)


# readings of the words around the question ("no", "ok", "thanks"), not a topic
ANSWER_WORDS = ("deny", "affirm", "thank", "greet", "inform", "inform_use", "request_help")
WHAT_IS_IOP_INTENT = "ask_what_is_iop"


def program_question(message: Message, text: str) -> str | None:
    """The FAQ topic a safe person asks about: a plain "how do we sign up?", else the
    classifier's best guess after its crisis readings, when it is an FAQ topic sure enough
    to answer."""
    if asks_how_to_enroll(text):
        return ENROLL_INTENT
    if asks_if_the_start_still_stands(text):
        return START_INTENT
    if asks_if_the_program_follows_care(text) or asks_if_the_program_can_help_them(text):
        return WHO_IT_IS_FOR_INTENT
    if asks_what_iop_is(text):
        # "no i'm okay right now... i wanna know how your program works" (blind v22, voice:
        # the no-plan reply; the classifier's next guess was "deny")
        return WHAT_IS_IOP_INTENT
    for guess in message.get(INTENT_RANKING_KEY) or []:
        name = guess.get("name")
        if name in (CRISIS_INTENT, UPDATE_INTENT, "crisis_checkin", "nlu_fallback", *ANSWER_WORDS):
            continue
        sure = float(guess.get("confidence") or 0) >= QUESTION_MIN_CONFIDENCE
        # "ok the ambulance took him... can he do your program after the hospital or does he
        # need detox first" (crisis role-play round 35: "I'm glad help is there" again)
        return str(name) if name in QUESTION_READINGS and sure else None
    return None


def real_danger(message: Message, text: str) -> bool:
    """The crisis guard found danger words, or the words name a danger."""
    return bool(message.get(GUARD_OUTPUT)) or has_danger_words(text)


def demote(message: Message) -> None:
    """The classifier alone guessed ``crisis_update``: take its next guess.

    The reply to an update is chosen by the kind the words gave; with no kind
    there is nothing to answer, and an old kind must never be answered again.
    """
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != UPDATE_INTENT]
    if ranking:
        message.set(INTENT, dict(ranking[0]), add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
    else:
        message.set(INTENT, {"name": "nlu_fallback", "confidence": 1.0}, add_to_output=True)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisUpdateReader(RuleComponent):
    """Turns "already called 911", "no narcan", "I'm safe now" into ``crisis_update``."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(ORIGINAL_TEXT) or message.get(TEXT) or ""
            kind = read_update(text)
            intent = (message.get(INTENT) or {}).get("name")
            if intent in (CRISIS_INTENT, UPDATE_INTENT, SAFETY_INTENT) and was_already_treated(
                text
            ):
                # "he overdosed last night... they sent him home this morning... What do I do
                # now??" (family role-play round 21): no update of a crisis now, the overdose
                # answer (naloxone at home, never alone, 911 if it happens again), with the
                # weeks after and the help line (language/nlg.py), also when the classifier
                # read the safety question itself
                if intent != SAFETY_INTENT:
                    drop_guard_entities(message)
                    put_first(message, SAFETY_INTENT)
                message.set(
                    GATE_OUTPUT,
                    {"from": intent, "reason": OVERDOSE_OVER_REASON},
                    add_to_output=True,
                )
                continue
            if kind is None:
                if intent == UPDATE_INTENT:
                    demote(message)
                continue
            if (message.get(GATE_OUTPUT) or {}).get("reason") in ASKED_ABOUT_THE_LINE and (
                kind == "refuses_911"
            ):
                # "Is the 888 number answered at night or should I wait until morning to
                # call?" (family role-play round 21: read as refusing 911)
                continue
            if kind == "cps_fear" and _asks_about_cps_and_the_program(message, text):
                continue
            if kind == "refuses_911" and asks_for_a_call(text) and not message.get(GUARD_OUTPUT):
                # "i dont want to call a hotline, i want to talk to someone at your place. can
                # someone call me" (crisis role-play round 35: "You don't have to call anyone",
                # no callback): the call asked for; the guard's danger words still win
                put_first(message, CALLBACK_INTENT)
                continue
            if kind in KINDS_THAT_ASK_FOR_A_PERSON and asks_to_be_connected(text):
                # "ya llamé al 911, ya vienen... ¿me puede pasar con alguien mientras?" (blind
                # es-v12, voice: "you did the right thing" and no transfer): the person asked
                drop_guard_entities(message)
                put_first(message, HUMAN_INTENT)
                continue
            if kind in KINDS_THAT_YIELD_TO_CRISIS and intent == CRISIS_INTENT:
                # words of psychosis are themselves danger words: "what do i do if the
                # voices get worse" is read for other danger without them (night role-play)
                if real_danger(message, left_to_read(text) if kind == "psychosis" else text):
                    continue
                # the classifier alone read a crisis in "everyone is safe..." (role-play): the
                # person's own words about being safe are taken
            if kind in KINDS_THAT_LET_A_QUESTION_THROUGH and asks_about_the_program(text):
                question = program_question(message, text)
                if question is not None and not message.get(GUARD_OUTPUT):
                    put_first(message, question)
                    continue
            if kind == "police_fear" and _ABOUT_CRISIS_LINE.search(normalize(text)):
                # the fear of calling is not a new kind of danger: the conversation's
                # category stays ("will 988 send cops... cant lose my kids" is not violence)
                drop_guard_entities(message)
            elif kind in KINDS_THAT_KEEP_THE_CATEGORY or _DENIES_THE_THOUGHT.search(
                normalize(text)
            ):
                # "snoring and won't answer" after a seizure is not a new overdose: the
                # conversation's category chooses the words (role-play 2026-12-04)
                drop_guard_entities(message)
            elif (message.get(GUARD_OUTPUT) or {}).get("pattern_id") in UPDATE_WORDS_PATTERNS:
                drop_guard_entities(message)  # the hit was the update itself
            apply_update(message, kind, text)
        return messages
