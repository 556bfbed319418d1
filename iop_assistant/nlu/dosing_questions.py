"""Questions that ask for dosing or tapering advice, which this assistant never gives.

"how do i cut down my xanax", "how much suboxone should i take", "can i double my
methadone dose": the answer is never a number or a schedule. Stopping or cutting down
alcohol or benzodiazepines alone can be dangerous (references.md: withdrawal risk), and
a prescribed medicine is changed only with its prescriber. The control gate sends these
to ``ask_dosing``, whose reply says so, offers the detox screening and gives the help
line. Questions about the program's own rules ("will they make me taper off my
methadone?") are not dosing questions: they stay ``ask_staying_on_medication``.
"""

from __future__ import annotations

import re

from iop_assistant import substances

DOSING_INTENT = "ask_dosing"

_WHO = r"(?:i|we|he|she|they|u|you|my\s+\w+|someone|somebody|a\s+person)"
_MEDICINES = (
    r"(?:xanax|xans?|bars?|klonopin|klonnies|valium|ativan|benzos?|benzodiazepines?|"
    r"alprazolam|clonazepam|diazepam|lorazepam|librium|suboxone|subs|bupe|buprenorphine|"
    r"subutex|methadone|naltrexone|vivitrol|antabuse|campral|gabapentin|neurontin|"
    r"oxy\w*|percs?|percocets?|opioids?|opiates?|pain\s*pills|tramadol|fent\w*|heroin|"
    r"kratom|adderall|ambien|meds?|medications?|medicines?|pills?|prescriptions?|scripts?|"
    r"ghb|g\s+h\s+b|gbl|phenibut|dose|dosage)"
)
# alcohol too, for cutting down; but "how much drinking is too much" asks whether one's
# drinking is a problem (ask_am_i_addicted), so _HOW_MUCH_IS_SAFE names medicines only
_DRUGS = rf"(?:{_MEDICINES}|alcohol|drinking|drinks|booze|liquor|beer|vodka|the\s+drink)"
_CUT = (
    r"(?:taper(?:\s+(?:off|down))?|wean(?:\s+(?:myself|himself|herself|themselves))?(?:\s+off)?|"
    r"cut\s+(?:back|down)|come\s+off|get\s+off|step\s+down|reduce|lower|decrease|"
    r"go\s+down\s+on|ease\s+off)"
)
_HOW_TO_CUT = re.compile(
    rf"\bhow\s+(?:do|should|can|could|would|to|fast\s+(?:should|can)|quickly\s+(?:should|can)|"
    rf"slowly\s+(?:should|can))\s+(?:{_WHO}\s+)?(?:safely\s+|slowly\s+)?{_CUT}\b"
    rf"(?:\W+\w+){{0,5}}?\W+(?:on\s+|off\s+|of\s+|my\s+|his\s+|her\s+|their\s+|the\s+)*{_DRUGS}\b",
    re.IGNORECASE,
)
_SAFE_WAY = re.compile(
    r"\b(?:what(?:'?s|\s+is)?|whats|is\s+there)\s+(?:a\s+|the\s+)?(?:safe|safest|best|right|"
    rf"good|easiest)\s+(?:way|schedule|plan|rate|speed)\s+(?:to|for)\s+(?:{_WHO}\s+to\s+)?"
    rf"{_CUT}\b",
    re.IGNORECASE,
)
_SCHEDULE = re.compile(
    r"\b(?:taper(?:ing)?|wean(?:ing)?)\s+(?:schedule|plan|chart)\b", re.IGNORECASE
)
_HOW_MUCH = re.compile(
    r"\bhow\s+(?:much|many)\s+(?:mg\s+|milligrams?\s+)?(?:of\s+)?(?:\w+\s+){0,3}?"
    rf"(?:should|can|could|do|would)\s+{_WHO}\s+(?:safely\s+)?(?:take|give|use|drink|"
    r"start\s+(?:on|with)|go\s+down\s+to)\b",
    re.IGNORECASE,
)
_A_DRUG = re.compile(rf"\b(?:{_DRUGS}|mg|milligrams?|drink)\b", re.IGNORECASE)
_HOW_MUCH_IS_SAFE = re.compile(
    rf"\bhow\s+(?:much|many)\s+(?:mg\s+|milligrams?\s+)?(?:of\s+)?(?:\w+\s+)?{_MEDICINES}\s+"
    r"(?:is|are|would\s+be)\s+(?:safe|too\s+much|ok|okay|a\s+lot|normal|enough|dangerous)\b",
    re.IGNORECASE,
)
_WHAT_DOSE = re.compile(
    r"\bwhat\s+(?:dose|dosage|amount|mg)\b(?:\W+\w+){0,6}?\W+(?:should|can|do|to|would|is)\b",
    re.IGNORECASE,
)
_CHANGE_MY_DOSE = re.compile(
    r"\b(?:can|should|could|is\s+it\s+(?:ok|okay|safe)\s+(?:if|to))\s+(?:i\s+)?"
    r"(?:double|up|raise|increase|lower|split|skip|halve|cut)\s+(?:my|his|her|the|a)\s+"
    rf"(?:\w+\s+)?(?:dose|dosage|{_DRUGS})\b",
    re.IGNORECASE,
)
# "my clinic wants to lower me to 60 should i let them" (blind v18, read in round 24: the
# staying-on-medication answer again): a prescriber's dose change, asked about
_PRESCRIBER_CHANGES_THE_DOSE = re.compile(
    r"\b(?:wants?|wanna|is\s+going|are\s+going|trying|plans?|planning)\s+to\s+(?:lower|taper|cut|drop|reduce|raise|"
    r"increase|up|bump|wean)\s+(?:me|him|her|them|my|his|her|the)\b[^.!?]{0,40}"
    r"(?:\b(?:should|do|can)\s+(?:i|we|he|she)\b|\?|\bok(?:ay)?\b)",
    re.IGNORECASE,
)
_TAKE_MORE = re.compile(
    r"\b(?:can|should|could)\s+(?:i|he|she|they)\s+take\s+(?:more|another|an\s+extra|extra|"
    rf"a\s+double|double|half)\b(?:\W+\w+){{0,3}}?\W+{_DRUGS}\b",
    re.IGNORECASE,
)
# "could i take a extra one on bad days" (blind v22, voice, on Suboxone: "I'm still not
# understanding")
_EXTRA_ONE = re.compile(
    r"\b(?:can|could|should|may)\s+(?:i|he|she|they)\s+(?:just\s+)?take\s+(?:an?\s+)?extra\s+"
    r"(?:one|pill|strip|film|dose|tab|tablet|bar)s?\b",
    re.IGNORECASE,
)
# pushing for a number right after the dosing answer: "just tell me roughly what's safe",
# "just ballpark tho like how much less each day" (blind v22: a callback offer, the cost
# answer). Read only after that answer (rasa_hooks/crisis_context.py)
PUSHES_FOR_A_NUMBER = re.compile(
    r"\b(?:roughly|ballpark|ball\s+park|rough\s+(?:idea|number|estimate|guess)|"
    r"(?:just|pls|please)\s+(?:tell|give)\s+me\s+(?:a|the|roughly|what|how\s+much|a\s+number)|"
    r"how\s+(?:much|many)\s+(?:less|fewer|lower)|what'?s\s+safe|what\s+is\s+safe|"
    r"(?:a|one|an)\s+(?:number|amount|schedule)\s+(?:at\s+least|please|pls)|"
    r"m[aá]s\s+o\s+menos\s+cu[aá]nt\w*|cu[aá]nt\w*\s+menos|d[ií]game\s+cu[aá]nt\w*)",
    re.IGNORECASE,
)
# "can i take 2 strips instead of 1 when cravings r bad" (blind v21, SMS: the help answer)
_MORE_THAN_PRESCRIBED = re.compile(
    r"\b(?:can|should|could|is\s+it\s+(?:ok|okay|safe)\s+(?:if|to)|would\s+it\s+be\s+(?:ok|okay|bad)\s+(?:if|to))\s+"
    r"(?:i|he|she|they)?\s*(?:just\s+)?(?:take|do|use|give\s+(?:him|her|them))\s+(?:\d+|two|three|four|a\s+half|half)\s+"
    r"(?:strips?|films?|pills?|tabs?|tablets?|mg|milligrams?|bars?|doses?|caps?|capsules?|hits?|shots?)\s+"
    r"(?:instead\s+of|rather\s+than|not)\s+(?:\d+|one|two|three|half|a\s+half)\b",
    re.IGNORECASE,
)
_AMOUNT_OK = re.compile(
    r"\b(?:is|are)\s+\d+(?:\.\d+)?\s*(?:mg|milligrams?|pills?|bars?|tabs?|tablets?)\b"
    r"(?:\W+\w+){0,4}?\W+(?:too\s+much|safe|a\s+lot|ok|okay|normal|enough)\b",
    re.IGNORECASE,
)
# "should i just stop right away because of the baby", "should i just quit the xanax on my
# own this weekend" (v9): whether to stop all at once is the same question as how to cut down
_STOP_AT_ONCE = re.compile(
    # "should I let him quit cold turkey?" (family role-play round 20: the 911/988 reply)
    r"\b(?:should|can|could|do)\s+(?:i|we)\s+(?:just\s+)?(?:let|have|make)\s+(?:him|her|them|my\s+\w+)\s+"
    r"(?:just\s+)?(?:quit|stop|go)\b[^.?!]{0,30}\bcold\s+turkey\b|"
    rf"\b(?:should|can|could|do|shall)\s+{_WHO}\s+(?:just\s+)?(?:stop|quit|go\s+cold\s+turkey)\b"
    r"(?:\W+\w+){0,7}?\W+(?:right\s+away|cold\s+turkey|on\s+(?:my|his|her|their)\s+own|all\s+at\s+once|"
    r"at\s+once|today|tonight|tomorrow|this\s+week(?:end)?|suddenly|immediately|by\s+myself|"
    # "should he just quit drinking the day before he starts" (v13)
    r"the\s+(?:day|night|week)\s+before|before\s+(?:he|she|they|i|we)\s+(?:start|starts|go|goes|begin|begins))\b|"
    r"\b(?:is\s+it\s+(?:ok|okay|safe|dangerous|bad)\s+to|can\s+(?:i|you|he|she)|should\s+(?:i|he|she))"
    r"\s+(?:just\s+)?(?:quit|stop)\b[^.?!]{0,40}\bcold\s+turkey\b|"
    # "is it safe for her to stop taking them all at once" (role-play 2026-12-04: the 988 reply)
    r"\bis\s+it\s+(?:ok|okay|safe|dangerous|bad)\s+(?:for\s+(?:him|her|them|me|my\s+\w+)\s+)?to\s+"
    r"(?:just\s+)?(?:quit|stop)\b(?:\W+\w+){0,5}?\W+(?:all\s+at\s+once|at\s+once|right\s+away|suddenly|"
    r"cold\s+turkey|on\s+(?:my|his|her|their)\s+own|by\s+(?:myself|himself|herself|themselves))\b",
    re.IGNORECASE,
)
_ALONE_OR_SUDDENLY = (
    r"(?:cold\s+turkey|on\s+(?:my|his|her|their)\s+own|by\s+(?:myself|himself|herself|themselves)|"
    r"at\s+home|all\s+at\s+once|this\s+week(?:end)?|tonight|tomorrow)"
)
# "he's gonna quit on his own this weekend, is that ok?" (night role-play: the methadone
# reply): a plan to stop alone or all at once, with the question whether that is safe
_PLAN_TO_STOP = re.compile(
    # "gonna quit drinking cold turkey tmrw... good idea?" (v14, no one named: a menu)
    r"(?:^\W*|\b(?:i|i'?m|im|we|we'?re|he|he'?s|hes|she|she'?s|shes|they|they'?re|my\s+\w+(?:'?s)?)\s+)"
    r"(?:is\s+|are\s+|am\s+)?(?:gonna|going\s+to|planning\s+(?:on|to)|plans?\s+to|wants?\s+to|will|"
    r"about\s+to|trying\s+to|decided\s+to)\s+(?:just\s+)?(?:quit|stop|detox|go\s+cold\s+turkey)"
    r"(?:\s+(?:taking|using|drinking|doing))?(?:\s+(?:the|his|her|my|their|all))?"
    rf"(?:\s+(?:{_DRUGS}|drugs|using|everything|it|them))?\s+(?:just\s+)?{_ALONE_OR_SUDDENLY}\b"
    r"(?=.*(?:\?|\bis\s+(?:that|it|this)\s+(?:ok|okay|safe|alright|dangerous|bad|a\s+good\s+idea)|"
    r"\bsafe\b|\bgood\s+idea\b))",
    re.IGNORECASE | re.DOTALL,
)
# "should we flush the pills and have her stop tonight?" (night role-play: "That's okay.
# I'm here"): taking the drug away at once is stopping all at once
_TAKE_AWAY_AND_STOP = re.compile(
    r"\b(?:should|can|could|do)\s+(?:i|we|you)\s+(?:just\s+)?(?:flush|throw\s+(?:out|away)|"
    r"get\s+rid\s+of|take\s+away|hide|dump|pour\s+out)\b(?:\W+\w+){0,4}?\W+(?:and|then)\s+"
    r"(?:have|make|let|get)\s+(?:him|her|them|my\s+\w+)\s+(?:just\s+)?(?:stop|quit|go\s+cold\s+turkey)\b",
    re.IGNORECASE,
)
# "le tiro todo el alcohol de la casa para que ya no tome nada?" (blind es-v13: a menu):
# taking it all away so they stop at once is the same question
_POUR_IT_ALL_OUT_ES = re.compile(
    r"\b(?:le\s+|les\s+)?(?:tiro|tiramos|escondo|escondemos|quito|quitamos|boto|botamos|vac[ií]o)\s+"
    r"(?:todo\s+)?(?:el\s+alcohol|las\s+botellas|la\s+bebida|el\s+trago|las\s+cervezas|las\s+pastillas)\b"
    r"[^.?!]{0,50}\b(?:ya\s+no|deje|dejar|no\s+tome|no\s+beba|de\s+golpe)\b",
    re.IGNORECASE,
)
# es-v3: "y si dejo las pastillas de un jalon desde hoy?", "cuantas me puedo ir quitando por
# semana?", "lo puede dejar de golpe o le tiene que ir bajando?"
_SPANISH = re.compile(
    r"\b(?:dej\w*|quit\w*|par\w*)\b[^.!?]{0,40}\b(?:de\s+(?:un\s+)?(?:jal[oó]n|golpe|sopet[oó]n|"
    r"un\s+d[ií]a\s+para\s+otro)|cold\s+turkey)\b|"
    r"\bde\s+(?:un\s+)?(?:jal[oó]n|golpe)\b[^.!?]{0,40}\b(?:dej\w*|quit\w*)\b|"
    r"\b(?:ir(?:las|los|la|lo|le)?\s+|tengo\s+que\s+ir\s+|tiene\s+que\s+ir\s+)"
    r"(?:bajando|quitando|reduciendo|rebajando|dejando\s+poco\s+a\s+poco)\b|"
    r"\bcu[aá]nt[oa]s?\s+(?:mg\s+|miligramos\s+|pastillas\s+)?(?:de\s+\w+\s+)?(?:me\s+|le\s+)?"
    r"(?:puedo|debo|tengo\s+que|tiene\s+que|deber[ií]a)\s+(?:ir\s+)?(?:tomar|quitar|bajar|dejar)\b|"
    r"\bcu[aá]nt[oa]s?\s+(?:mg|miligramos)\s+de\s+\w+\s+(?:son|es)\s+segur[oa]s?\b",
    re.IGNORECASE,
)
# v14: "can't i just stop? i'm so sick of being dependent on them" (after asking about
# klonopin: the am-I-addicted answer), "can i cut to 8 before i start" (on 16 mg of subs)
_JUST_STOP_THEM = re.compile(
    r"\b(?:can'?t|cant|can|could|couldn'?t)\s+(?:i|he|she|we)\s+just\s+(?:stop|quit)\b"
    r"(?=[^?]{0,40}\?[^.!?]{0,80}\b(?:dependen\w*|hooked|addicted|taking\s+(?:them|it)|on\s+them|"
    r"the\s+(?:pills|meds|bars))\b)",
    re.IGNORECASE,
)
_CUT_TO_AN_AMOUNT = re.compile(
    r"\b(?:can|should|could|do)\s+(?:i|he|she|we)\s+(?:just\s+)?(?:cut|drop|go|step|taper|lower|"
    r"reduce|bring\s+it)\s+(?:it\s+|myself\s+)?(?:down\s+|back\s+)?to\s+\d+(?:\.\d+)?(?!\s*(?:am|pm|"
    r"o'?clock|days?|weeks?|times?)\b)",
    re.IGNORECASE,
)
# es-v5: "le puedo subir a 16 yo solo?", "dime cuanto suboxone me tomo pa la malilla"
# ("puedo parar cold turkey": with the other ways of stopping at once, _SPANISH)
_SPANISH_DOSE = re.compile(
    r"\b(?:puedo|puede|podr[ií]a|debo|debe)\s+(?:subir|bajar|aumentar|doblar|reducir)\b"
    r"[^.!?]{0,20}\ba\s+\d+|"
    r"\bcu[aá]nt[oa]s?\s+(?:\w+\s+){0,2}?(?:me|le|se)\s+(?:tomo|toma|doy|da|pongo|meto)\b",
    re.IGNORECASE,
)
# v12: "what if i just stop this weekend and tough it out"
_WHAT_IF_I_STOP = re.compile(
    # "what if i just stop, ive gone a couple days without before and was fine" (blind v25,
    # read in round 31, after a benzo taper question: the naloxone answer)
    r"^\W*(?:ok\W+|so\W+|but\W+)?what\s+if\s+(?:i|he|she|we|they)\s+just\s+(?:stop|quit)\b(?!\s+(?:the\s+)?"
    r"(?:program|iop|groups?|sessions?|coming|going|answering|texting))|"
    # "can your program help me taper" (the same person): who can guide a taper
    r"\b(?:can|could|will|does)\s+(?:your|the|this)\s+(?:program|iop|team|clinic|place)\s+(?:\w+\s+)?help\s+"
    r"(?:me|him|her|them)\s+(?:to\s+)?(?:taper|wean|come\s+off|get\s+off)\b|"
    r"\bwhat\s+if\s+(?:i|he|she|we|they)\s+(?:just\s+)?(?:stop|quit|go\s+cold\s+turkey)\b[^.?!]{0,40}"
    r"\b(?:tough\s+it\s+out|ride\s+it\s+out|sweat\s+it\s+out|white[\s-]knuckle|cold\s+turkey|"
    r"on\s+(?:my|his|her|our|their)\s+own|this\s+weekend|tonight|tomorrow|all\s+at\s+once)\b",
    re.IGNORECASE,
)
# v12: "I just found out I'm pregnant and I've been drinking most nights and taking a couple
# of Xanax. Should I stop?", "i'm pregnant and scared if i stop it'll hurt the baby"
# the one who is pregnant is the one stopping: "i'm pregnant", "she's pregnant and she takes"
# ("my wife is pregnant and i want to stop drinking" is his drinking: the dosing answer alone)
_PREGNANT = re.compile(
    r"\b(?:i'?m|im|i\s+am|estoy|qued[eé])\s+(?:\w+\s+){0,2}?(?:pregnant|embarazada)\b|"
    r"\b(?:she'?s|shes|she\s+is|my\s+\w+\s+is|mi\s+\w+\s+est[aá])\s+(?:\w+\s+){0,2}?(?:pregnant|embarazada)\b"
    r"(?=[^.?!]{0,100}\b(?:she|her|ella|la)\b)",
    re.IGNORECASE,
)
_STOPPING = re.compile(
    r"\b(?:stop|stopping|quit|quitting|cut\s+(?:down|back)|come\s+off|get\s+off|detox|withdraw\w*|"
    # "dejar de tomar", "dejarlas", not "con quien lo dejo" (leave him; es-v10)
    r"dej(?:ar|o)\s+(?:de|las?|los?|el|mis?|esas?|esos?|eso|esto|todo|la\s+\w+)|dejarl[oa]s?|parar)\b",
    re.IGNORECASE,
)


# "no estoy embarazada", "i'm not pregnant" (blind es-v10: a screening request got the
# pregnancy dosing answer)
_NEGATED = re.compile(r"\b(?:not|no|never|nunca)\b", re.IGNORECASE)
_NO_BEFORE = re.compile(r"\b(?:no|not|nunca|ni)\s*$", re.IGNORECASE)


def _says_pregnant(text: str) -> bool:
    return any(
        not _NEGATED.search(match.group(0)) and not _NO_BEFORE.search(text[: match.start()])
        for match in _PREGNANT.finditer(text)
    )


def tells_of_use_while_pregnant(text: str) -> bool:
    """A pregnancy told with drinking or drug use ("i drink a bottle of wine a night and im
    10 weeks pregnant", self role-play round 34: the pregnancy never acknowledged)."""
    return _says_pregnant(text) and bool(substances.categories_in_text(text))


def asks_about_stopping_while_pregnant(text: str) -> bool:
    """Pregnancy and stopping or cutting down named together (the dosing answer, and a
    note that this needs a doctor or the help line today)."""
    return bool(_STOPPING.search(text)) and _says_pregnant(text)


# "been on klonopin 3 yrs, its prescribed. can i just stop taking it so i can start your
# program" (blind v16: the answer about staying on methadone, nothing about benzodiazepines)
_STOP_TAKING = re.compile(
    rf"\b{_MEDICINES}\b[^?]{{0,80}}\b(?:can|could|should|do)\s+(?:i|he|she|we)\s+(?:just\s+)?"
    r"(?:stop|quit)\s+taking\s+(?:it|them|those|these)\b|"
    rf"\b(?:can|could|should|do)\s+(?:i|he|she|we)\s+(?:just\s+)?(?:stop|quit)\s+taking\s+"
    rf"(?:(?:my|his|her|the|their)\s+)?{_MEDICINES}\b",
    re.IGNORECASE,
)
# "why cant i just stop? im sick of needing them" after the dosing answer (round 25: the
# naloxone answer): why not stop all at once is the dosing question
_WHY_NOT_JUST_STOP = re.compile(
    r"\bwhy\s+(?:can'?t|cant|cannot|shouldn'?t|shouldnt|not)\s+(?:i|he|she|we|they|you)?\s*(?:just\s+)?"
    r"(?:stop|quit)(?:\s+(?:it|them|cold\s+turkey|all\s+at\s+once|on\s+my\s+own))?\s*[?.!]|"
    r"\bwhy\s+(?:can'?t|cant|cannot|shouldn'?t)\s+(?:i|he|she|we|they)\s+just\s+(?:stop|quit)\b",
    re.IGNORECASE,
)
# A plan to stop a sedative all at once, said without a question: "ive been taking 4-6 xanax
# bars a day for about a year... im done. flushing them tonight", "been using G every 2-3 hrs
# round the clock for months. want to just stop tonight", "esta noche los boto todos a la
# basura", "me quiero salir de eso de un jalon" (blind v24/es-v15, read in round 30: the
# screening offer or the crisis reply, never why not alone). Stopping alcohol, benzodiazepines
# or GHB suddenly can cause seizures (references.md); methadone and buprenorphine are changed
# with the prescriber. Only with one of those named, so "im quitting weed tonight" is no plan
# of this kind.
_SEDATIVE = re.compile(
    r"\b(?:xanax|xans?|bars|klonopin|klonnies|k-?pins?|valium|ativan|benzos?|benzodiazepines?|alprazolam|"
    r"clonazepam|diazepam|lorazepam|librium|ghb|g\s+h\s+b|gbl|phenibut|(?:using|use|on|the|doing|taking)\s+g\b|"
    r"alcohol|drinking|booze|liquor|vodka|whiskey|the\s+drink|methadone|metadona|suboxone|subs|bupe|"
    r"buprenorphine|sleeping\s+pills|ambien|gabapentin|alcohol|tomar|pisto|guaro|pastillas)\b",
    re.IGNORECASE,
)
_STATED_PLAN = re.compile(
    r"\b(?:i'?m|im|i\s+am|we'?re|he'?s|hes|she'?s|shes|i|he|she|we|they|my\s+\w+)?\s*"
    r"(?:want(?:s)?\s+to|wanna|gonna|going\s+to|about\s+to|need\s+to|will|decided\s+to|plan(?:s|ning)?\s+(?:to|on))\s+"
    r"(?:just\s+)?(?:stop|quit|get\s+off|come\s+off|flush|throw\s+(?:out|away)|dump|be\s+done\s+with)\b"
    r"[^.!?]{0,40}\b(?:tonight|today|right\s+now|cold\s+turkey|all\s+at\s+once|at\s+home|on\s+(?:my|his|her)\s+own)\b|"
    r"\b(?:flushing|flushed|tossing|dumping|throwing\s+(?:out|away))\s+(?:them|it|all|the\s+\w+|my\s+\w+|every\w*)\b|"
    r"\b(?:quitting|stopping)\s+(?:\w+\s+)?(?:cold\s+turkey|tonight|today|all\s+at\s+once)\b|"
    r"\b(?:los|las|lo|la)\s+(?:boto|tiro|echo)\s+(?:todos?|todas?)?\s*(?:a\s+la\s+basura|al\s+escusado|al\s+ba[nñ]o)\b|"
    r"\b(?:salir(?:me)?|dejar(?:lo|la|los|las)?|quitarme)\s+(?:de\s+)?(?:eso|esto|todo|las?\s+\w+|los?\s+\w+)?\s*de\s+(?:un\s+)?(?:jal[oó]n|golpe|sopet[oó]n)\b|"
    r"\b(?:dejar|dejo|parar|paro)\s+(?:los|las|el|la|de\s+tomar)\s*\w*\s+(?:ya|hoy|esta\s+noche|de\s+una\s+vez)\b",
    re.IGNORECASE,
)


# "i drink about a fifth of vodka a day and i want to quit this weekend. just gonna do it
# myself at home" (self role-play round 38: the classifier's crisis, the 911 reply): a plan
# for the coming days, after daily heavy use told in the same message ("i want to stop
# drinking this weekend" alone is a goal)
_PLAN_SOON = re.compile(
    r"\b(?:want(?:s)?\s+to|wanna|gonna|going\s+to|need\s+to|will|decided\s+to|plan(?:s|ning)?\s+(?:to|on))\s+"
    r"(?:just\s+)?(?:stop|quit|get\s+off|come\s+off|be\s+done)\b[^.!?]{0,40}\b(?:this\s+weekend|tomorrow|"
    r"by\s+(?:my|him|her)self|myself)\b",
    re.IGNORECASE,
)
_DAILY_HEAVY = re.compile(
    r"\b(?:a|per|every|each)\s+day\b|\bdaily\b|\ball\s+day\b|\bfifths?\b|\bhandles?\b|\bevery\s+(?:night|morning)\b",
    re.IGNORECASE,
)


def states_a_plan_to_stop_a_sedative(text: str) -> bool:
    """A plan to stop alcohol, a benzodiazepine, GHB or an opioid medicine at once."""
    if not _SEDATIVE.search(text):
        return False
    return bool(_STATED_PLAN.search(text)) or bool(
        _PLAN_SOON.search(text) and _DAILY_HEAVY.search(text)
    )


# "Is it so bad that I stopped the heart pills? The doctor doesn't know." (caller role-play round
# 32, a widower: the naloxone answer): a prescribed medicine stopped without the doctor
_STOPPED_A_MEDICINE = re.compile(
    r"\b(?:i|he|she|they|we)\s+(?:stopped|quit|quitted|gave\s+up)\s+(?:taking\s+)?(?:my|his|her|their|the)\s+"
    r"(?:heart|blood\s+pressure|bp|diabetes|sugar|insulin|seizure|psych|depression|anxiety|thyroid|kidney|"
    r"transplant|hiv|cholesterol|blood\s+thinner)\s*(?:pills?|meds?|medicines?|medications?|shots?)?\b|"
    r"\b(?:dej[eé]|dej[oó])\s+(?:de\s+tomar\s+)?(?:mis|sus|las)\s+(?:pastillas|medicinas)\s+(?:del|de\s+la|para\s+el)\s+"
    r"(?:coraz[oó]n|presi[oó]n|az[uú]car|diabetes)\b",
    re.IGNORECASE,
)

# "so I should let her keep drinking tonight?" after the warning about stopping (family role-play
# round 32: "That's outside what I know")
_KEEP_USING_TONIGHT = re.compile(
    r"\b(?:(?:should|do|can)\s+(?:i|we)|(?:i|we)\s+(?:should|can))\s+(?:just\s+)?let\s+(?:her|him|them|my\s+\w+)\s+"
    r"(?:keep|go\s+on|continue)\s+"
    r"(?:drinking|using|taking)\b|"
    r"\b(?:so|then)\s+(?:she|he|i|they)\s+(?:should|has\s+to|needs\s+to|have\s+to)\s+(?:keep|just\s+keep)\s+"
    r"(?:drinking|using|taking)\b|"
    r"\b(?:u|you)\s+said\s+(?:dont|don'?t)\s+stop\b[^.!]{0,20}\b(?:so\s+)?keep\s+(?:drinking|drinkin|using)\b",
    re.IGNORECASE,
)

_PATTERNS = (
    _STOPPED_A_MEDICINE,
    _KEEP_USING_TONIGHT,
    _WHY_NOT_JUST_STOP,
    _PRESCRIBER_CHANGES_THE_DOSE,
    _STOP_TAKING,
    _JUST_STOP_THEM,
    _CUT_TO_AN_AMOUNT,
    _SPANISH_DOSE,
    _WHAT_IF_I_STOP,
    _SPANISH,
    _STOP_AT_ONCE,
    _PLAN_TO_STOP,
    _TAKE_AWAY_AND_STOP,
    _HOW_TO_CUT,
    _SAFE_WAY,
    _SCHEDULE,
    _HOW_MUCH_IS_SAFE,
    _WHAT_DOSE,
    _CHANGE_MY_DOSE,
    _TAKE_MORE,
    _MORE_THAN_PRESCRIBED,
    _AMOUNT_OK,
    _EXTRA_ONE,
    _POUR_IT_ALL_OUT_ES,
)


# "ive been on klonopin 2 years and take more than i should. how do i taper" / "how do i come
# off it" (the drug named before the question; after the round 27 retrain: the screening offer)
_HOW_TO_CUT_BARE = re.compile(
    rf"\bhow\s+(?:do|should|can|could|would)\s+(?:{_WHO}\s+)?(?:safely\s+|slowly\s+)?{_CUT}"
    r"(?:\s+(?:it|them|off|of\s+(?:it|them)|safely|slowly))*\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def asks_about_dosing(text: str) -> bool:
    """A request for a dose, an amount or a way to cut down a drug or medicine."""
    text = text.replace("\u2019", "'")
    if _HOW_MUCH.search(text) and _A_DRUG.search(text):
        return True  # "how many should i take": only when a drug, a dose or a drink is named
    if _HOW_TO_CUT_BARE.search(text) and _A_DRUG.search(text):
        return True
    return any(pattern.search(text) for pattern in _PATTERNS) or states_a_plan_to_stop_a_sedative(
        text
    )
