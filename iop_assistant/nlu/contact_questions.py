"""Questions about how to reach a person: by text, and when the help line answers.

"cant call rn im at work can somone text me back a real person" and "no i said TEXT
not call. do ppl text back or not" were read as a callback request and then as "no,
another number" (texter role-play 2026-12-04, late: no answer, trapped in the number
question). "is the help line open at night or just business hours? I work til 6" got
the locations answer. The control gate gives these their own questions, whatever the
classifier guessed; a callback form answers them between its questions.
"""

from __future__ import annotations

import re

TEXT_BACK_INTENT = "ask_text_back"
HELPLINE_HOURS_INTENT = "ask_helpline_hours"
# the control gate's reasons (a crisis update never takes these questions: crisis_updates)
TEXT_BACK_REASON = "text back"
HELPLINE_HOURS_REASON = "help line hours"

_WHO = (
    r"(?:some\s*(?:one|body)|somone|any\s*(?:one|body)|a\s+(?:real\s+)?(?:person|human)|"
    r"(?:real\s+)?(?:ppl|people|humans?)|u|you|y'?all|they|them|the\s+help\s*line|staff|"
    r"a\s+counse?lor|the\s+team|alguien|una\s+persona)"
)
# "can you text me the address", "will they text me before they call": a text with
# something in it, not a person texting instead of calling
_NOT_A_THING = (
    r"(?!\s+(?:the|a|an|your|that|this|it|info|details|address|number|link|before|after|when|"
    r"to\s+confirm|a\s+reminder|a\s+confirmation)\b)"
)
_TEXT_BACK = re.compile(
    # "can someone text me back", "do ppl text back", "will they text me"
    rf"\b(?:can|could|will|would|do|does|did|is\s+there)\s+(?:\w+\s+){{0,2}}?{_WHO}\s+"
    r"(?:just\s+)?(?:text|txt|message|msg)\s+(?:me\s+)?(?:back|instead|me)\b"
    + _NOT_A_THING
    + rf"|\b{_WHO}\s+(?:(?:who|that)\s+)?(?:can|could|will)\s+"
    + r"(?:just\s+)?(?:text|txt)\s+(?:me|back)\b"
    + _NOT_A_THING
    + r"|"
    r"\b(?:text|txt)\s+me\s+back\b|"
    # "i said TEXT not call", "text not call" ("can i text with a real person" asks for a
    # person: request_human, SMS trial)
    r"\b(?:said|meant|want|prefer|rather)\s+(?:to\s+)?(?:text|txt)\b.{0,12}\bnot\s+(?:a\s+)?call|"
    r"\b(?:text|txt)(?:ing)?\s+(?:not|instead\s+of)\s+(?:a\s+)?(?:call|calling|phone)\b|"
    r"\b(?:a|your|the)\s+(?:number|line)\s+(?:i|we)\s+can\s+(?:text|txt)\b|"
    r"\bpuede\s+alguien\s+(?:escribirme|mandarme\s+(?:un\s+)?(?:texto|mensaje))\b|"
    r"\balguien\s+me\s+puede\s+(?:escribir|textear|mandar\s+(?:un\s+)?(?:texto|mensaje))\b|"
    r"\b(?:me\s+pueden|pueden)\s+(?:escribir|mandar\s+(?:un\s+)?(?:texto|mensaje))\b|"
    # "me pueden mandar msj en vez de llamar? en la casa no puedo hablar" (blind es-v11: the
    # callback questions)
    r"\b(?:mandar(?:me)?|escribir(?:me)?|textear(?:me)?)\s+(?:un\s+)?(?:msj|mensajes?|textos?|whatsapp)?\s*"
    r"(?:en\s+vez\s+de|en\s+lugar\s+de|y\s+no)\s+(?:llamar(?:me)?|una\s+llamada)\b|"
    # es-v3: "me pueden contestar por mensaje?", "puedo escribirle a alguien por texto?"
    r"\b(?:contestar(?:me)?|responder(?:me)?|escribir(?:me|le)?|comunicar(?:me|nos)?|hablar)\s+"
    r"(?:a\s+alguien\s+|con\s+alguien\s+)?por\s+(?:mensaje|mensajes|texto|whatsapp|sms)\b",
    re.IGNORECASE,
)
# 988 and 911 take texts: asking about those is the crisis conversation's, not this
_CRISIS_LINES = re.compile(r"\b(?:988|911|9-8-8|crisis\s+line|lifeline)\b")

_HELPLINE = re.compile(
    r"\b(?:help\s*line|hot\s*line|phone\s+line|that\s+number|the\s+line|"
    # "is the phone open sundays tho" (texter role-play round 24: the callback questions)
    r"(?:the|ur|your)\s+phones?(?=\s+(?:open|answer|staffed|(?:is|are)\s+(?:open|answered|staffed)))|your\s+number|the\s+number|"
    r"(?:the\s+)?888|intake\s+(?:line|team|people)|linea(?:\s+de\s+ayuda)?|l[ií]nea(?:\s+de\s+ayuda)?|"
    r"n[uú]mero\s+de\s+ayuda|el\s+n[uú]mero)\b",
    re.IGNORECASE,
)
_WHEN_ANSWERED = re.compile(
    r"\b(?:open|answer\w*|pick\s+up|available|staffed|hours|24\s*/\s*7|24\s+hours|all\s+night|"
    r"at\s+night|overnight|weekends?|(?:sun|satur|mon|tues|wednes|thurs|fri)days?|holidays?|business\s+hours|after\s+(?:\d|five|six|work|hours)|"
    r"what\s+time|when\s+(?:can|do|does|is|are)|abiert[ao]|contesta\w*|horario|a\s+qu[eé]\s+hora|"
    r"de\s+noche|fines?\s+de\s+semana)\b",
    re.IGNORECASE,
)
_ASKS = re.compile(r"\?|¿|\b(?:is|are|do|does|can|will|what|when|how\s+late|until|til)\b", re.I)


# "si hay una emergencia en un dia festivo a donde llamo", "o sea que si mi hermano se pone
# mal en navidad a quien le hablo" (Spanish role-play round 38, voice: menus, a detox offer),
# "who do i call if something happens on a holiday": 911 any day, 988 any time
_WHEN_IT_GETS_BAD = (
    r"(?:emergency|emergencia|gets?\s+bad|goes?\s+wrong|something\s+happens|se\s+pone\s+mal|pasa\s+algo|"
    r"holidays?|christmas|thanksgiving|new\s+year'?s?|weekends?|festivos?|navidad|a[nñ]o\s+nuevo|"
    r"fin(?:es)?\s+de\s+semana)"
)
_WHO_TO_CALL = (
    r"(?:(?:who|where|what\s+number)\s+(?:do|should|can|would)\s+(?:i|we)\s+(?:call|go|turn\s+to|reach)|"
    r"a\s+(?:qui[eé]n|d[oó]nde)\s+(?:le\s+)?(?:llamo|hablo|marco|llamamos|hablamos|acudo|voy))"
)
_WHO_TO_CALL_WHEN_BAD = re.compile(
    rf"\b{_WHO_TO_CALL}\b[^.?!]{{0,60}}\b{_WHEN_IT_GETS_BAD}\b|\b{_WHEN_IT_GETS_BAD}\b[^.?!]{{0,60}}\b{_WHO_TO_CALL}\b",
    re.IGNORECASE,
)


def asks_who_to_call_when_it_gets_bad(text: str | None) -> bool:
    """Who to call in an emergency, or on a holiday or a weekend when it gets bad."""
    return bool(_WHO_TO_CALL_WHEN_BAD.search(" ".join(str(text or "").split())))


def asks_for_a_text_back(text: str | None) -> bool:
    """Asks whether a person can text them back instead of calling."""
    cleaned = " ".join(str(text or "").split())
    return bool(_TEXT_BACK.search(cleaned)) and not _CRISIS_LINES.search(cleaned)


# es-v3: "puedo llamar un domingo?", "si llamo a las 2 de la mañana alguien me contesta?",
# "a que hora puedo llamar al 888": when calling is answered, with no word for the line
_WHEN_TO_CALL_ES = re.compile(
    r"\b(?:puedo|se\s+puede|podemos|pueden)\s+llamar\s+(?:\w+\s+){0,2}?(?:un|el|los|en\s+la|de|a\s+las|"
    r"a\s+cualquier|en\s+fin|por\s+la)\b(?=[^.!?]{0,30}\b(?:domingos?|s[aá]bados?|noche|madrugada|"
    r"fin(?:es)?\s+de\s+semana|ma[nñ]ana|hora|d[ií]as?\s+festivos?)\b)|"
    r"\bsi\s+llamo\b[^.!?]{0,50}\b(?:me\s+contesta\w*|contesta\w*|alguien\s+(?:me\s+)?atiende)\b|"
    r"\ba\s+qu[eé]\s+hora\s+(?:puedo|se\s+puede|pueden|contestan|atienden)\b",
    re.IGNORECASE,
)


# "is some1 there rn its 2am", "will anybody answer if i call rn", "is anyone there on a
# sunday night?" (texter role-play round 22: the callback questions; v15): whether a person
# answers now, with no word for the line
_ANYONE_THERE = re.compile(
    r"\b(?:is|r|are)\s+(?:any\s*(?:one|body|1)|some\s*(?:one|body|1))\s+(?:even\s+|actually\s+|really\s+)?(?:there|awake|up|working|"
    r"available|around)\b(?=[^.!?]{0,40}\b(?:rn|right\s+now|now|tonight|at\s+night|\d+\s*(?:am|pm)|"
    r"night|weekends?|sunday|saturday|holidays?|late|\d{1,2}\s*(?:am|pm)|\d{1,2}:\d\d|"
    # "is anybody there at six thirty" (caller role-play round 24: the group schedule)
    r"at\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|midnight)"
    r"(?:\s+(?:thirty|fifteen|forty\s*five|o'?clock))?)(?:\b|(?=\W)))|"
    # "can i call at midnight", "can i call on sunday"
    r"\bcan\s+(?:i|we|u|you)\s+call\s+(?:\w+\s+)?(?:at\s+(?:midnight|night|\d{1,2}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve)|on\s+(?:weekends?|sundays?|saturdays?|holidays?)|overnight|late\s+at\s+night|"
    r"after\s+(?:hours|midnight))\b|"
    r"\b(?:will|would|does|do)\s+(?:any\s*(?:one|body|1)|some\s*(?:one|body|1)|they|u|you)\s+"
    r"(?:answer|pick\s+up)\b[^.!?]{0,20}\bif\s+i\s+call\b|"
    # "so if i called like three in the morning would somebody be there" (blind v22, voice,
    # after the hours answer: the callback questions)
    r"\bif\s+i\s+(?:call|called|rang|phoned)\b[^.!?]{0,40}\b(?:would|will|is|does)\s+(?:any\s*(?:one|body|1)|"
    r"some\s*(?:one|body|1)|a\s+(?:person|human|real\s+person)|they|u|you)\s+(?:be\s+there|answer|pick\s+up|be\s+(?:up|awake|around))\b|"
    # "is there somebody i can call like at three in the morning when i cant sleep" (blind
    # v17, a caller: the callback questions)
    r"\bis\s+there\s+(?:any\s*(?:one|body|1)|some\s*(?:one|body|1))\s+(?:i\s+can|to)\s+(?:call|talk\s+to)\b"
    r"[^.!?]{0,20}\b(?:at\s+night|overnight|middle\s+of\s+the\s+night|(?:\d{1,2}|one|two|three|four|five)\s*"
    r"(?:am|a\.m\.|in\s+the\s+morning|at\s+night)|on\s+(?:weekends?|sundays?|saturdays?|holidays?))",
    re.IGNORECASE,
)


_IF_I_DONT_ANSWER = re.compile(
    r"\b(?:if|when)\s+(?:i|we)\s+(?:don'?t|dont|do\s+not|can'?t|cant|cannot|didn'?t|miss\s+it|"
    r"won'?t|wont)\s*(?:pick\s+up|answer|get\s+to\s+the\s+phone)?\b",
    re.IGNORECASE,
)


def asks_about_helpline_hours(text: str | None) -> bool:
    """Asks when the help line answers ("is the help line open at night?")."""
    cleaned = " ".join(str(text or "").split())
    if _WHEN_TO_CALL_ES.search(cleaned) and not _CRISIS_LINES.search(cleaned):
        return True
    if _ANYONE_THERE.search(cleaned) and not _CRISIS_LINES.search(cleaned):
        return True
    # "call me... DON'T leave a voicemail if I don't pick up" (blind v24, read in round 30: the
    # hours answer instead of the callback questions): the person's own answering
    own = _IF_I_DONT_ANSWER.sub(" ", cleaned)
    return (
        bool(_HELPLINE.search(cleaned))
        and bool(_WHEN_ANSWERED.search(own))
        and bool(_ASKS.search(cleaned))
        and not _CRISIS_LINES.search(cleaned)
    )


CHAT_PRIVACY_INTENT = "ask_chat_privacy"
# "y esto que estoy escribiendo quien lo lee? se guarda?" (es-v5: the classifier's sure
# crisis, 911 twice), "who reads this chat?" (v14: "are you a bot?"): who reads or keeps
# what is written here
_CHAT_PRIVACY = re.compile(
    r"\bwho\s+(?:reads|sees|can\s+(?:read|see)|has\s+access\s+to|looks\s+at)\s+(?:this|these|what\s+i|my\s+(?:messages?|texts?|chats?))\b|"
    r"\b(?:is|are)\s+(?:this|these|my)\s+(?:chat|conversation|messages?|texts?)\s+(?:saved|stored|kept|"
    r"recorded|private)\b|"
    r"\b(?:esto|lo)\s+que\s+(?:estoy\s+escribiendo|escribo|le\s+escribo)\b[^.!?]{0,30}\b(?:lee|leen|ve|ven|"
    r"guarda|guardan)\b|"
    r"\bqui[eé]n\s+(?:lee|leer[aá]|ve)\s+(?:esto|estos|lo\s+que|mis)\b|"
    r"\bse\s+guarda(?:n)?\s+(?:esto|estos|lo\s+que|mis|la\s+conversaci[oó]n)\b|\bse\s+guarda\s*\?",
    re.IGNORECASE,
)


def asks_about_chat_privacy(text: str | None) -> bool:
    """Who reads or keeps this chat (not the confidentiality of treatment)."""
    return bool(_CHAT_PRIVACY.search(text or ""))


# an urge to use now, said by the person ("i rly wanna use rn", "cravings are so bad tonight",
# "tengo muchas ganas de tomar"); not a goal ("i want to stop using") nor a relative's
_CRAVING = re.compile(
    r"\b(?:i\s+|im\s+|i'?m\s+)?(?:really\s+|rly\s+|realy\s+|so\s+)?(?:wanna|want\s+to|want\s+2|gonna|about\s+to|"
    r"going\s+to)\s+(?:use|drink|get\s+high|get\s+drunk|relapse|pick\s+up|shoot\s+up)\b"
    r"(?=[^.!?]{0,20}\b(?:rn|right\s+now|now|tonight|so\s+bad|bad)\b)|"
    r"\b(?:i'?m|im|i\s+am)\s+(?:about\s+to|gonna|going\s+to)\s+(?:relapse|use\s+again|drink\s+again)\b|"
    r"\b(?:my\s+)?cravings?\s+(?:is|are|r)?\s*(?:so\s+|really\s+|rly\s+)?(?:bad|strong|intense|crazy)\b|"
    r"\b(?:craving|jonesing)\s+(?:so\s+bad|hard|rn|right\s+now|tonight)\b|"
    # "3 days out of detox and thinking about just having a beer tonight" (stepdown role-play
    # round 35: the detox questions, then "stopping alcohol suddenly can be dangerous")
    r"(?:^|\b(?:i'?m|im|i\s+am|i|and|been|but|honestly|ngl|lowkey|kinda)\s+)(?:really\s+|kinda\s+|seriously\s+)?"
    r"(?:thinking\s+(?:about|of|bout)|tempted\s+to|tryna|want\s+to|wanna)\s+(?:just\s+)?(?:having|have|getting|get|"
    r"grabbing|grab|going\s+for|picking\s+up)\s+(?:a|one|some|a\s+couple)\s+(?:beers?|drinks?|shots?|glass(?:es)?\s+of\s+\w+|"
    r"hits?|bumps?|pills?)\b(?=[^.!?]{0,30}\b(?:tonight|rn|right\s+now|now|today)\b)|"
    # "estoy en mi carro afuera de la licorería, llevo veinte días sin tomar y tengo muchas
    # ganas" (blind es-v21, read in round 35: the crisis reply, then the call-back questions)
    # "i still have one left and im scared ill take it tonight" after a relapse (self
    # role-play round 38: the general crisis reply): afraid of using tonight
    r"\b(?:scared|afraid|worried|terrified)\s+(?:that\s+)?(?:i'?ll|ill|i\s+will|i'?m\s+gonna|im\s+gonna|i\s+might|"
    r"i'?m\s+going\s+to|im\s+going\s+to)\s+(?:just\s+)?(?:take|use|do|drink|shoot|smoke|snort)\b(?!\s+(?:(?:it|them|the\s+rest)\s+)?(?:all|every|at\s+once))"
    r"(?:\s+(?:it|them|one|some|more|again))?\b(?=[^.!?]{0,30}\b(?:tonight|rn|right\s+now|now|today|this\s+weekend|"
    r"as\s+soon\s+as|when\s+i\s+get\s+(?:home|out))\b)|"
    r"\bmiedo\s+de\s+(?:us\w+|tom\w+|meter\w*)\s*(?:la|lo|las|los)?\s+(?:esta\s+noche|hoy|ahorita)\b|"
    r"\b(?:afuera|enfrente|fuera)\s+de\s+(?:la|una)\s+licorer[ií]a\b|\btengo\s+(?:muchas|tantas)\s+ganas\W*$|"
    r"\b(?:outside|in\s+front\s+of|parked\s+(?:at|outside))\s+(?:the|a)\s+(?:liquor\s+store|bar)\b|"
    r"\b(?:tengo|me\s+dan|siento)\s+(?:muchas\s+|tantas\s+)?ganas\s+de\s+(?:usar|tomar|consumir|drogarme|"
    r"fumar|inyectarme)\b",
    re.IGNORECASE,
)


# "idk man i aint ready fr", "like not ready to stop yet" (texter role-play round 25: the
# crisis text twice, then "That's okay"): not ready for treatment, which is no danger
_NOT_READY = re.compile(
    r"\b(?:i'?m|im|i\s+am|i\s+ain'?t|i\s+aint|ain'?t|aint)\s+(?:just\s+|really\s+|rly\s+|so\s+)?(?:not\s+)?ready\b"
    r"(?!\s+(?:to\s+(?:talk|start|go|sign|do\s+(?:it|this))|for\s+(?:it|this|help|treatment|the\s+program)|now)\b)|"
    r"^\W*(?:idk\W+|like\W+|honestly\W+)*not\s+ready\s+(?:yet|to\s+(?:quit|stop)|fr|tbh)\b|"
    r"\bno\s+estoy\s+list[oa]\b",
    re.IGNORECASE,
)
_NEGATED_READY = re.compile(r"\b(?:not|ain'?t|aint)\b|\bno\s+estoy\b", re.IGNORECASE)


# anything beside "not ready" that could be danger keeps the message for the crisis guard
_MORE_THAN_NOT_READY = re.compile(
    r"\b(?:pills?|gun|knife|rope|bridge|done|end\s+it|kill|die|dying|dead|hurt|overdos\w*|od|"
    r"pastillas|pistola|cuchillo|morir|matar\w*)\b",
    re.IGNORECASE,
)


def says_not_ready(text: str | None) -> bool:
    """The person says they aren't ready to quit or start ("i aint ready fr")."""
    cleaned = " ".join(str(text or "").split())
    if _MORE_THAN_NOT_READY.search(cleaned):
        return False
    found = _NOT_READY.search(cleaned)
    return bool(found) and bool(_NEGATED_READY.search(found.group(0)))


def tells_of_a_craving(text: str | None) -> bool:
    """The person has an urge to use now."""
    return bool(_CRAVING.search(" ".join(str(text or "").split())))


# a callback asked for earlier that has not come ("why hasnt anyone called me back",
# "nobody ever called me", "todavia no me han llamado")
_WHO_CALLS = (
    r"(?:any\s*(?:one|body)|some\s*(?:one|body)|(?:you|u)(?:\s+(?:guys|all|people))?|they|y'?all|(?:the\s+|your\s+)?"
    r"(?:help\s*line|counsel(?:or|ors)|program|team|intake|staff))"
)
_CALLED_ME = r"(?:even\s+)?(?:call(?:ed)?|got(?:ten)?\s+back\s+to|returned\s+my\s+call)\s*(?:me)?\b"
_NOT_CALLED_BACK = re.compile(
    rf"\b{_WHO_CALLS}\s+(?:still\s+)?(?:(?:has|have|had|did)\s*n'?t|(?:has|have|had|did)\s+not|never)\s+"
    rf"{_CALLED_ME}|"
    rf"\b(?:has|have|had|did)\s*n'?t\s+{_WHO_CALLS}\s+{_CALLED_ME}|"
    r"\b(?:no\s*(?:one|body))\s+(?:has\s+|ever\s+|even\s+|never\s+)*(?:called|call|calls|got\s+back\s+to)\s+me\b|"
    r"\b(?:still\s+)?waiting\s+(?:on|for)\s+(?:a|the|my|that|your)\s+(?:call\s*back|callback|call\s+back)\b|"
    r"\bnadie\s+me\s+(?:ha\s+|han\s+)?(?:llamad[oa]|llam[oó]|regres[oó]\s+la\s+llamada)\b|"
    r"\b(?:todav[ií]a|a[uú]n)\s+no\s+me\s+(?:han\s+)?(?:llamad[oa]|llaman|llamaron|regresan)\b|"
    r"\bno\s+me\s+(?:han\s+)?(?:regresado|devuelto)\s+la\s+llamada\b",
    re.IGNORECASE,
)


def tells_no_one_called_back(text: str | None) -> bool:
    """A callback the person asked for has not come."""
    return bool(_NOT_CALLED_BACK.search(" ".join(str(text or "").split())))


# how to get a loved one to agree to treatment ("what should i say to get my brother to go",
# "how do i convince my son to get help", "que le digo para que acepte ir")
_PERSUADE = re.compile(
    r"\b(?:what\s+(?:should|do|can|could)\s+i\s+(?:say|tell)|how\s+(?:do|can|should|could)\s+(?:i|we)\s+"
    r"(?:get|convince|persuade|talk|make|encourage)|how\s+to\s+(?:get|convince|persuade|talk|encourage))\b"
    r"[^.!?]{0,40}\b(?:him|her|them|my\s+\w+)\b[^.!?]{0,40}\b(?:to\s+go|go\s+to|get\s+help|agree|accept|"
    r"into\s+(?:treatment|rehab|the\s+program)|to\s+(?:get\s+)?treat\w*|to\s+stop|to\s+quit|sign\s+up|"
    r"to\s+come|admit|about\s+(?:going|treatment|rehab|the\s+program|his|her|their)\b)|"
    r"\b(?:how\s+(?:do|can)\s+i|how\s+to)\s+convince\s+(?:him|her|them|my\s+\w+)\b|"
    # "how would i even bring it up with him" (blind v17, a wife: the family-sessions answer)
    r"\bhow\s+(?:do|would|should|can|could)\s+(?:i|we)\s+(?:even\s+)?(?:bring\s+(?:it|this|that)\s+up|"
    r"raise\s+(?:it|this|the\s+subject)|start\s+(?:that|the|this)\s+conversation|approach\s+(?:him|her|them))"
    r"(?:\s+(?:with|to)\s+(?:him|her|them|my\s+\w+))?\b|"
    r"\b(?:c[oó]mo|qu[eé])\s+(?:le|lo|la|les)\s+(?:digo|convenzo|hago|hablo)\b[^.!?]{0,40}"
    r"\b(?:para\s+que|vaya|acepte|entre|deje)\b|\bc[oó]mo\s+(?:lo|la|los)\s+convenzo\b|"
    # "como le digo sin que se enoje", "como le propongo que vaya al programa" (Spanish role-play
    # round 35: the dosing answer, then a menu)
    r"\bc[oó]mo\s+(?:le|se\s+lo|se\s+la)\s+(?:digo|propongo|planteo|saco\s+el\s+tema|hablo)\b"
    r"(?=[^.!?]{0,40}\b(?:sin\s+que|enoje|programa|vaya|tratamiento|ayuda)\b)|"
    r"\b(?:le|lo|la)\s+quiero\s+hablar\s+del?\s+(?:programa|tratamiento)\b",
    re.IGNORECASE,
)


def asks_how_to_persuade(text: str | None) -> bool:
    """A relative asks what to say to get someone to agree to treatment."""
    return bool(_PERSUADE.search(" ".join(str(text or "").split())))


DRUG_TESTING_INTENT = "ask_drug_testing"
# "what happens if he fails one?" after the drug-test answer, "does a dirty UA get you kicked
# out" (family role-play round 24: the naloxone answer, twice)
_FAILED_TEST = re.compile(
    r"\b(?:fails?|failed|failing|flunks?|flunked)\s+(?:a\s+|the\s+|one|his\s+|her\s+|my\s+)?(?:drug\s+)?"
    r"(?:tests?|ua|urine|screens?|one)\b|"
    r"\b(?:positive|dirty|hot)\s+(?:drug\s+)?(?:tests?|ua|urine|screens?|results?)\b|"
    r"\b(?:tests?|ua|screens?)\s+(?:comes?\s+back\s+|came\s+back\s+)?(?:positive|dirty|hot)\b",
    re.IGNORECASE,
)


def asks_about_a_failed_test(text: str | None) -> bool:
    """A question about a positive or failed drug test."""
    cleaned = " ".join(str(text or "").split())
    return bool(_FAILED_TEST.search(cleaned)) and bool(_ASKS.search(cleaned))


CALLBACK_STATUS_REASON = "callback_status"
# "did my request go through? when will they call?", "still waiting on that call", "nobody
# called me back yet", "sigo esperando la llamada", "ya pedi que me llamaran y nada" (round
# 26: people follow up on a request they made; before, a new request was started on top)
_CALLBACK_STATUS = re.compile(
    # "so u wont text me right", "so they're not gonna call me at four today too, right?"
    # (role-plays round 32: each cancelled the saved request): what was saved, said back
    # (a call not wanted at all, "you wont call me right?", is a cancel: round 28)
    r"\b(?:u|you|they|they'?re|theyre|y'?all|someone|somebody)\s+(?:are\s+)?(?:wont|won'?t|will\s+not|not\s+gonna|"
    r"not\s+going\s+to|aren'?t\s+gonna)\s+(?:\w+\s+)?text\s+me\b[^.!]{0,40}\b(?:right|correct)\s*\??\s*$|"
    r"\b(?:u|you|they|they'?re|theyre|y'?all|someone|somebody)\s+(?:are\s+)?(?:wont|won'?t|will\s+not|not\s+gonna|"
    r"not\s+going\s+to|aren'?t\s+gonna|are\s+gonna|will|gonna)\s+(?:\w+\s+)?(?:text|call)\s+me\b[^.!]{0,40}"
    r"\b(?:too|also|again|as\s+well)\b[^.!?]{0,12}\??\s*$|"
    r"\b(?:they|they'?ll|theyll|will\s+they)\s+(?:will\s+)?call\s+me\s+(?:tomorrow|in\s+the\s+\w+|at\s+\d|this\s+\w+)\b"
    r"[^.!?]{0,20}\b(?:right|correct)\s*\??\s*$|"
    # "and they kno to ask for dre right" after a callback was saved (texter role-play round
    # 31: the classifier's crisis, the 911 reply): the saved request said back
    r"\b(?:they|they'?ll|theyll|will\s+they|do\s+they|u|you|y'?all)\s+(?:\w+\s+)?(?:know|kno|knw|gonna|will)\s+"
    r"(?:to\s+)?ask\s+for\s+\w+|\b(?:ask|asking)\s+for\s+\w+\s+(?:right|ok|okay)\s*\??\s*$|"
    r"\b(?:did|has|have)\s+(?:my|the)\s+(?:callback\s+|call\s*back\s+)?(?:request|number|info)\s+"
    r"(?:go\s+through|get\s+(?:there|sent|saved)|been\s+(?:saved|sent|received))\b|"
    r"\bdid\s+(?:you|u|y'?all)\s+(?:get|save|receive)\s+my\s+(?:request|number|info|callback)\b|"
    r"\b(?:still\s+)?waiting\s+(?:on|for)\s+(?:a|the|my|that|your)\s+(?:call\s*back|call|callback)\b|"
    r"\b(?:no\s*(?:one|body)|nobody|no\s+one)\s+(?:has\s+)?(?:called|call(?:ed)?\s+me\s+back|got\s+back\s+to\s+me)\b|"
    r"\b(?:haven'?t|havent|have\s+not|never)\s+(?:gotten|got|had|received)\s+(?:a|the|my|any)\s+(?:call|callback)\b|"
    r"\bwhen\s+(?:will|are|is)\s+(?:they|someone|somebody|the\s+help\s*line|y'?all|you)\s+"
    r"(?:gonna\s+|going\s+to\s+)?(?:call|calling)\s+(?:me\s+)?(?:back)?\b(?=[^.!?]{0,40}(?:\?|request|asked|already))|"
    r"\balready\s+(?:asked|requested|put\s+in\s+(?:a|the)\s+request)\s+(?:for\s+)?(?:a\s+)?(?:call|callback)\b[^.!?]{0,40}"
    r"\b(?:when|did|still|nothing|nobody|yet)\b|"
    r"\bsigo\s+esperando\s+(?:la|su|que\s+me)\s+(?:llamada|llamen)\b|"
    r"\bno\s+me\s+han\s+(?:llamado|marcado|hablado)\b|"
    r"\bya\s+ped[ií]\s+(?:que\s+me\s+llamaran|una\s+llamada)\b[^.!?]{0,40}\b(?:cu[aá]ndo|nada|nadie|todav[ií]a)\b|"
    r"\b(?:les?\s+)?lleg[oó]\s+mi\s+(?:pedido|solicitud|n[uú]mero)\b|"
    # "Is somebody still gonna call me? Cause I don't want a call at home", "So nothing got
    # saved from before, right? Nobody's calling my house?", "Do you have a callback request
    # for me or not?" (caller role-play round 35: a new request started, then what IOP treats)
    r"\b(?:is|are)\s+(?:somebody|someone|anybody|anyone|they|y'?all|you\s+guys)\s+(?:still\s+)?"
    r"(?:gonna|going\s+to)\s+call\s+(?:me|my\s+(?:house|home|phone|number|cell))\b|"
    r"\b(?:nothing|anything)\s+(?:got|get|was|been|is)\s+(?:saved|kept|sent)\b"
    r"(?=[^.!]{0,30}(?:\?|from\s+before|earlier|\bright\b))|"
    r"\b(?:nobody'?s|no\s*one'?s|nobody\s+is|no\s+one\s+is)\s+(?:gonna\s+|going\s+to\s+)?(?:call(?:ing)?)\s+"
    r"(?:me|my\s+(?:house|home|phone|number|cell))\b|"
    r"\b(?:do|did)\s+(?:you|u|y'?all)\s+(?:have|still\s+have|keep|save)\s+(?:a|any|my|the)\s+"
    r"(?:call\s*back|callback|call)\s+(?:request\s+)?(?:for|from)\s+me\b|"
    # "is the callback still on?", "is my call still happening?" (role-play round 27)
    r"\bis\s+(?:the|my|that)\s+(?:call\s*back|callback|call)\s+(?:request\s+)?still\s+"
    r"(?:on|happening|coming|set|good|booked|saved)\b|"
    # "wait did that go thru??", "is my request saved" (blind v21, SMS, at the name question:
    # "I didn't catch a name")
    r"\bdid\s+(?:that|it|this|my\s+request)\s+(?:go\s+(?:thru|through)|get\s+(?:saved|sent|through|thru))\b|"
    # "did my callback go through", "did my call back request go thru or not", "is it still
    # on for after six tonight?", "I asked for a callback earlier... will they call me back
    # tonight?" (role-play round 28: a new request was started over the saved one)
    r"\b(?:did|has)\s+(?:my|the)\s+(?:call\s*back|callback)(?:\s+request)?\s+(?:go|gone|went)\s+(?:thru|through)\b|"
    r"\bis\s+(?:it|my\s+(?:call\s*back|callback)|the\s+(?:call\s*back|callback))\s+still\s+on\b|"
    r"\b(?:asked|requested|put\s+in)\s+(?:for\s+)?(?:a\s+)?(?:call\s*back|callback)\b[^?]{0,60}\b(?:will|are|when)\s+"
    r"(?:they|you|y'?all|someone)\s+(?:\w+\s+)?call\b|"
    r"\bis\s+(?:my|the)\s+(?:callback\s+|call\s*back\s+)?request\s+(?:saved|in|through|done)\b|"
    # "so Marcus is getting a call tomorrow morning, correct?", "they're calling her, not me,
    # right?", "what number are you gonna call me on?", "read me back that number" (caller and
    # stepdown role-plays round 38: menus, or the time question over again)
    r"\b(?:is|'s)\s+getting\s+(?:a|the)\s+call\b[^.!]{0,40}\b(?:right|correct)\s*\??\s*$|"
    r"\b(?:they'?re|theyre|they\s+are|you'?re|youre|you\s+are)\s+(?:calling|gonna\s+call|going\s+to\s+call)\s+"
    r"(?:him|her|them|\w+)\b[^.!]{0,30}\b(?:right|correct)\s*\??\s*$|"
    r"\bwhat\s+(?:number|#)\s+(?:are|will|is)\s+(?:you|u|they|y'?all|the\s+help\s*line)\s+(?:gonna\s+|going\s+to\s+)?"
    r"(?:call|calling|use|using)\b(?!\s+(?:me\s+)?from)|"
    r"\bread\s+(?:me\s+)?(?:back\s+)?(?:that|the|my|his|her)\s+number(?:\s+back)?\b|\bread\s+(?:it|that)\s+back\b",
    re.IGNORECASE,
)


def asks_callback_status(text: str | None) -> bool:
    """Asks about a callback request already made (not a new one)."""
    return bool(_CALLBACK_STATUS.search(" ".join(str(text or "").split())))


_WHO_SIGNED_ME_UP = re.compile(
    r"\b(?:did|has)\s+(?:my\s+\w+|someone|somebody|some\s*one|anyone)\s+(?:sign|signed|put|enroll\w*|register\w*)\s+"
    r"me\s+(?:up|in|for)\b|\bwho\s+(?:signed|put|enrolled)\s+me\s+(?:up|in|for)\b|"
    r"\b(?:i\s+)?(?:got|get|received)\s+(?:a|an)\s+(?:txt|text|message|msg)\s+from\s+(?:this|your|ur|the)\s+number\b|"
    r"\bqui[eé]n\s+me\s+(?:inscribi[oó]|apunt[oó]|registr[oó])\b|\bme\s+(?:inscribi[oó]|apunt[oó])\s+mi\s+\w+\b",
    re.IGNORECASE,
)
_DELETE_MY_DATA = re.compile(
    r"\b(?:delete|erase|remove|wipe|clear)\s+(?:all\s+)?(?:of\s+)?(?:my|this|the|your)\s+(?:phone\s+)?(?:number|#|info|information|"
    r"data|messages?|texts?|chat|history|conversation|records?)\b(?!\s+(?:thread\s+)?(?:on|from)\s+my\s+phone)|"
    r"\b(?:can|could|will)\s+(?:you|u)\s+(?:delete|erase|remove|wipe)\s+(?:it|that|this|my|everything)\b|"
    r"\bi\s+want\s+my\s+(?:info|information|data|number|messages?)\s+(?:deleted|erased|removed|gone)\b|"
    r"\b(?:borr(?:en|ar|a)|eliminen|eliminar)\s+(?:mi|mis)\s+(?:n[uú]mero|informaci[oó]n|datos|mensajes)\b",
    re.IGNORECASE,
)


def asks_who_signed_me_up(text: str | None) -> bool:
    """The texter asks whether someone signed them up, or why this number wrote to them."""
    return bool(_WHO_SIGNED_ME_UP.search(" ".join(str(text or "").split())))


# "should i delete this conversation" is deleting it on their own phone (the hide note)
_DELETES_IT_THEMSELVES = re.compile(
    r"\b(?:should|can|could|do|how\s+do|how\s+can)\s+i\s+(?:just\s+)?(?:delete|erase|clear|wipe)\b",
    re.IGNORECASE,
)


def asks_to_delete_my_data(text: str | None) -> bool:
    """The person asks for their number or messages to be deleted."""
    cleaned = " ".join(str(text or "").split())
    return bool(_DELETE_MY_DATA.search(cleaned)) and not _DELETES_IT_THEMSELVES.search(cleaned)


# "can i call that number without giving my name first", "do i have to give my name" (self
# role-play round 37: a call-back to the texting number, three times, for someone afraid of
# being found out): yes, call and ask first
_CALL_WITHOUT_A_NAME = re.compile(
    r"\b(?:call|talk|ask|phone|text)\w*\b[^.!?]{0,40}\bwithout\s+(?:giving|saying|telling|leaving|using)\s+"
    r"(?:(?:them|you|u)\s+)?(?:my|a|any|our|her|his)\s+(?:real\s+)?name\b|"
    r"\b(?:call|talk|ask)\w*\s+(?:\w+\s+){0,3}anonymous(?:ly)?\b|\banonymous(?:ly)?\b[^.!?]{0,20}\b(?:call|ask|talk)\b|"
    r"\b(?:llamar|hablar|preguntar)\b[^.!?]{0,30}\bsin\s+(?:dar|decir)\s+(?:mi|su)\s+nombre\b|\ban[oó]nim[oa]\b",
    re.IGNORECASE,
)


def asks_to_call_without_a_name(text: str | None) -> bool:
    """The person asks whether they can call (or ask) without giving their name."""
    return bool(_CALL_WITHOUT_A_NAME.search(" ".join(str(text or "").split())))


# "you already told me that", "you keep saying the same thing", "me dice lo mismo" (role-plays
# round 37: a menu, "That's outside what I know", or the same answer a third time)
_SAYS_IT_REPEATS = re.compile(
    r"\b(?:you|u|ya)\s*(?:'ve|ve|'re|re|\s+have|\s+are|\s+just|\s+already)?\s*(?:already\s+|just\s+)?"
    r"(?:said|told\s+me|sent|gave\s+me|wrote)\s+(?:me\s+)?(?:that|this|the\s+same)(?:\s+(?:already|before|twice|again))?\b|"
    r"\b(?:you|u)\s+(?:keep|kept)\s+(?:saying|sending|telling\s+me|giving\s+me)\s+(?:the\s+same|that|this)\b|"
    r"\b(?:you(?:'re|\s+are)?|u\s+r|ur)\s+repeating\s+(?:yourself|urself|the\s+same)\b|"
    r"\bsame\s+(?:answer|thing|message|text|reply)\s+(?:again|every\s*time|over\s+and\s+over|as\s+before)\b|"
    r"\bthat'?s\s+what\s+(?:you|u)\s+said\s+(?:before|already|last\s+time)\b|"
    r"\b(?:ya\s+me\s+(?:dijo|dijiste)\s+(?:eso|lo\s+mismo)|me\s+(?:dice|dices|repite|repites)\s+lo\s+mismo|"
    # "ya me dijo lo mismo 3 veces!! no sirve esto" (Spanish role-play round 37: read as use)
    r"(?:me\s+)?(?:ha\s+dicho|has\s+dicho|dijo|dijiste)\s+lo\s+mismo|"
    r"(?:siempre|otra\s+vez)\s+(?:dice|me\s+dice)?\s*lo\s+mismo|es\s+lo\s+mismo\s+que\s+(?:me\s+)?dijo)\b",
    re.IGNORECASE,
)


def says_the_answer_repeats(text: str | None) -> bool:
    """The person says the assistant keeps giving the same answer."""
    return bool(_SAYS_IT_REPEATS.search(" ".join(str(text or "").split())))
