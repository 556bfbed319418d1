"""Control intents only for short, explicit messages: a goal is never a command.

The classifier learns "stop", "bye", "thanks" and "hi" from short messages, so
it also hands those labels to longer messages that merely contain the word:
"I want to stop drinking" became ``stop`` and ended the screening, "help me
please" became ``thank``. People's goals and pleas must reach the assistant
as what they are. This module decides, from the words alone, whether a
message is an explicit control command; the NLU component in
``control_gate.py`` applies it.
"""

from __future__ import annotations

import re

CONTROL_INTENTS = frozenset({"stop", "goodbye", "thank", "greet", "affirm", "deny"})
HELP_INTENT = "request_help"
MAX_CONTROL_WORDS = 7

_FILLER = (
    r"(?:ok(?:ay)?|k|alright|well|um+|uh+|eh+|oh|so|please|pls|plz|just|then|now|ya|yeah|lol|haha|"
    r"actually|ugh+|wait|sorry|hmm+|honestly|right now|rn|for now|today|nah|nope|no|"
    r"you know what|on second thought|sabes?\s+(?:qu[eé]|q|k)|mira|oye|ay|espere|espera|"
    r":\)|\W)*"
)
# a Spanish stop; never "ya no" alone, which answers a question ("not anymore")
_ES_STOP = (
    r"(?:olv[ií]d(?:e|a)lo|olv[ií]date|olv[ií]dalo|no importa|(?:ya\s+)?basta(?: ya)?|parar|"
    r"para ya|"
    r"cancel(?:a|e|ar)(?:lo)?|d[eé]j(?:e|a)lo|ya no quiero (?:seguir|continuar|contestar)|"
    r"no quiero (?:seguir|continuar|contestar)(?: (?:esto|mas|más))?|mejor no|despu[eé]s|"
    r"otro d[ií]a|ahorita no|mejor (?:otro d[ií]a|despu[eé]s|luego|en otra ocasi[oó]n|otra vez)|"
    # "sabe que mejor ya no sigo con las preguntas", "dejelo asi" (blind es-v6: taken as
    # answers, the questions went on)
    r"(?:mejor\s+)?ya\s+no\s+(?:sigo|contesto|quiero\s+contestar)(?:\s+con\s+(?:las|estas|sus)\s+preguntas)?|"
    r"d[eé]j(?:e|a)lo\s+as[ií]|mejor\s+lo\s+dejamos(?:\s+as[ií])?)"
)
_STOP = (
    r"(?:stop|stop it|stop this|"
    r"stop asking(?: me)?(?: (?:stuff|questions|things|all these questions))?|"
    r"stop the questions|stop please|"
    r"(?:forget|skip|drop) (?:the|these|all (?:the|these)|your) questions|"
    r"never ?mind|nvm|forget it|forget about it|cancel(?: that| this| it)?|quit(?: this)?|"
    r"end(?: this)?|enough|no more questions|enough questions|i changed my mind|changed my mind|"
    r"skip(?: this| it| that)?|leave it|not now|maybe later|another time|let'?s stop|"
    r"i'?m done with this|"
    r"i don'?t want to (?:do|answer|continue) (?:this|that|these|any more|anymore)|"
    r"i dont want to (?:do|answer|continue) (?:this|that|these|any more|anymore)|"
    r"(?:i )?(?:don'?t|dont|do not) want to continue|no thanks?|no thank you|exit|"
    r"(?:can we |let'?s |i want to |i wanna |i'?d like to )(?:stop|quit|end|cancel|skip)"
    r"(?: this| that| now| it| the questions| the screening| these questions)?|"
    r"(?:i )?(?:don'?t|dont|do not) (?:wanna|want to) do this(?: any ?more)?|"
    r"(?:i )?(?:don'?t|dont|do not) (?:wanna|want to) (?:answer|do) (?:all )?(?:this|that|these)"
    r"(?: questions| stuff)?(?: (?:right )?now| rn| today)?|"
    r"(?:end|stop|cancel|quit|skip) (?:the|this|that) (?:screening|check|question|questions|"
    r"form|part|request|callback)|drop it|pass|move on|abort|halt(?: this)?|not doing this|"
    r"i'?d rather not(?: answer)?(?: these| this| that)?|too many questions,? stop|"
    r"stop asking me (?:stuff|things|questions)|"
    r"(?:this is |that'?s |thats |its |it'?s )?(?:way )?(?:a lot|alot|too many|so many) "
    r"(?:of )?questions|"
    r"(?:too|way too) many questions|"
    # Spanish (issue 18): "olvídelo", "ya basta", "no quiero seguir"
    rf"{_ES_STOP})"
)
# words that carry a farewell, a thanks or a greeting; a short message with one of
# them (and nothing about use, family or the program) is that control intent
_CUES = {
    "goodbye": re.compile(
        # "night!", not "last nite" or "every night" (role-play 2026-12-05: ended a screening)
        r"^\W*(?:nite|night)\b|"
        r"\b(?:bye+|goodbye|good ?night|good ?nite|nite nite|night night|later|take care|"
        r"adios|ciao|peace|farewell|"
        r"gotta go|got to go|gtg|g2g|heading out|head out|sign(?:ing)? off|logging off|"
        # "thank you for not just leaving" after a crisis reply (v14: a goodbye) is no farewell
        r"(?<!not )(?<!n't )(?<!not just )leaving|"
        r"jet|talk soon|ttyl|cya|see ya|see you|that'?s all|that'?s it|all done|i'?m done|im done|"
        r"have a good|until next time|signing out|go now)\b",
        re.IGNORECASE,
    ),
    "thank": re.compile(
        r"\b(?:thanks+|thank|thx|thnx|ty|tysm|appreciate|appreciated|grateful|lifesaver|helpful|"
        r"cheers|obliged|kind of you|gracias)\b|🙏",
        re.IGNORECASE,
    ),
    "greet": re.compile(
        r"\b(?:hi+|hey+|hello+|helo|hiya|yo|howdy|morning|evening|afternoon|greetings|sup|"
        r"what'?s up|whats up|whats good|anybody|anyone|top of the|hola|there|how are you|"
        r"how'?s it going|how is it going)\b",
        re.IGNORECASE,
    ),
}
_CONTENT = re.compile(
    r"\b(?:drink\w*|drunk|alcohol\w*|booze|beer|wine|vodka|liquor|drugs?|pills?|using|use[sd]?|"
    r"high|meth|heroin|fent\w*|opioids?|opiates?|coke|cocaine|crack|weed|benzos?|xanax|oxy|"
    r"detox|iop|program|rehab|treatment|son|daughter|husband|wife|mom|mum|dad|mother|father|"
    r"brother|sister|partner|boyfriend|girlfriend|child|addict\w*|sober|relapse\w*|"
    r"cost|insurance|schedule|counsel\w*|therapy|shak\w*|withdraw\w*|overdos\w*|scared|"
    r"worried|afraid)\b",
    re.IGNORECASE,
)
_STOP_RE = re.compile(rf"^{_FILLER}{_STOP}(?:{_FILLER}{_STOP})*{_FILLER}$", re.IGNORECASE)
MAX_CUE_WORDS = {"goodbye": 8, "thank": 10, "greet": 8}
# a goal or plea: "I want to stop drinking", "how do I quit meth", "help me please"
_GOAL = re.compile(
    r"\b(?:stop|quit|quitting|stopping|cut (?:down|back)|get off|get clean|get sober|"
    r"get help|kick|give up|detox from)\b.{0,40}\b(?:drink|drinking|alcohol|booze|using|use|"
    r"drugs?|pills?|meth|heroin|fentanyl|fent|opioids?|opiates?|coke|cocaine|crack|weed|"
    r"smoking|xanax|benzos?|oxy|percs?|suboxone|methadone|addiction|habit|gambling)\b"
    r"|\b(?:want|wanna|trying|try|need|how (?:do|can|would) i|help me|i have to|i gotta|ready)\b"
    r".{0,20}\b(?:get sober|get clean|get better|sober up|recover|stay sober|stay clean)\b"
    r"|^\W*(?:how (?:do|can|would) i|help me|i need to|i have to) (?:stop|quit)\W*$",
    re.IGNORECASE,
)
_PLEA = re.compile(
    r"^\W*(?:please\s+|pls\s+|plz\s+)?(?:help+|halp|i need help|need help|i need some help|"
    r"help me|help me please|please help(?: me)?|can you help(?: me)?|can someone help(?: me)?|"
    r"somebody help(?: me)?|i need help please|help please|i need your help|need some help|"
    r"(?:ok(?:ay)?\s+|so\s+|but\s+)?what (?:do|should|can) (?:i|we) do(?: now)?"
    r"(?:\W+what (?:do|should|can) (?:i|we) do(?: now)?)*|what now|now what|"
    r"what do i do next|"
    # "que hago que hago" mid-overdose (es-v8, read: the intake answer)
    r"(?:(?:y|ahora|pero)\s+)*qu[eé]\s+(?:hago|hacemos|le\s+hago)(?:\s+ahora)?(?:\W+(?:y\s+)?qu[eé]\s+(?:hago|hacemos)(?:\s+ahora)?)*|"
    r"ay[uú]d(?:a|ame|anme|e|eme|enme)(?:\s+por\s+favor)?|necesito\s+ayuda(?:\s+por\s+favor)?)\W*$",
    re.IGNORECASE,
)


# the stops that never answer a question ("skip", "pass", "no thanks" can: a name, a text)
_STRONG_STOP = re.compile(
    rf"^{_FILLER}(?:never ?mind|nvm|forget (?:about )?it|olv[ií]d(?:e|a)lo|olv[ií]date|"
    # "actually never mind the questions" (family role-play round 20: taken as an answer)
    r"(?:never ?mind|nvm) (?:the|these|all (?:the|these)|your) questions|"
    # "actually forget the questions. I'll just call the number." (family role-play 2026-12-04)
    r"(?:forget|skip|drop) (?:the|these|all (?:the|these)|your) questions|"
    r"cancel(?:a|e)lo|no quiero seguir|ya no quiero seguir|"
    rf"cancel (?:it|that|this|the (?:call|callback|request))|"
    # "actually not now, sorry" (v13, at "who is this for?": the question again)
    r"actually,? not (?:right )?now|"
    # "sabes que mejor no, olvidalo, ahorita no puedo hablar de esto" (es-v5, at the name)
    r"mejor no|d[eé]j(?:e|a)lo\s+as[ií]|"
    r"(?:mejor\s+)?lo\s+dejamos(?:\s+as[ií]|\s+para\s+despu[eé]s)?|"
    r"(?:mejor\s+)?ya\s+no\s+sigo(?:\s+con\s+(?:las|estas|sus)\s+preguntas)?|"
    # "stop. I said never mind" (caller role-play round 21: taken as the answer)
    r"i said (?:stop|never ?mind|nvm|enough)|"
    rf"(?:i )?changed my mind)(?:{_FILLER}(?:never ?mind|nvm|forget (?:about )?it|"
    rf"cancel (?:it|that|this)))*{_FILLER}$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\n+")


# what people say after "never mind": a plan to leave or to do it another way, never an
# answer ("nvm, it's alcohol" stays an answer)
_LEAVING_REASON = re.compile(
    r"^(?:i'?ll|ill|i\s+will|i'?m\s+gonna|im\s+gonna|i\s+can)\s+(?:just\s+)?(?:call|talk|think|ask|"
    r"do\s+it|come\s+back|try|text|check|figure|deal|handle|look)\b|"
    # "Actually never mind. His mother says she will handle it. Sorry to bother you" (blind
    # v19, SMS: the phone number was asked again)
    r"^(?:(?:his|her|my|their|our)\s+\w+\s+(?:says?|said)\s+)?(?:she|he|they|we)\s*(?:'ll|will|is\s+going\s+to|"
    r"are\s+going\s+to|gonna|can)\s+(?:handle|deal\s+with|take\s+care\s+of|call|sort)\b|"
    r"^(?:sorry|sry)\s+(?:to|for)\s+(?:bother|bothering|trouble|troubling)\b|^thanks?\s+any\s*way\b|"
    r"^(?:ella|[eé]l|ellos)\s+(?:se\s+va\s+a\s+encargar|lo\s+va\s+a\s+ver|va\s+a\s+llamar)\b|"
    # "actually never mind, he should do this himself" (family role-play round 27: the next
    # question came anyway)
    r"^(?:he|she|they)\s+(?:should|can|needs\s+to|has\s+to|ought\s+to|is\s+gonna|will)\s+"
    r"(?:do|handle|call|answer)\s+(?:this|it|these|them)\s+(?:himself|herself|themselves|on\s+(?:his|her|their)\s+own)\b|"
    r"^(?:maybe\s+)?later\b|^maybe\s+(?:later|another\s+time|tomorrow)\b|^another\s+time\b|"
    # talking it over with family first: "primero lo hablo con mis hermanas", "let me talk to
    # my wife first"
    r"^(?:primero\s+)?(?:lo\s+)?(?:hablo|platico|consulto|pienso)\s+(?:con|bien)\b|"
    r"^(?:let\s+me|i'?ll|ill|i\s+(?:need|want|have|gotta)\s+to|i\s+wanna)\s+(?:first\s+)?"
    r"(?:talk|check|speak)\s+(?:to|with)\s+(?:my|him|her|them|the)\b|"
    r"^not\s+(?:now|today|rn|right\s+now|ready)\b|"
    r"^(?:i\s+)?(?:don'?t|dont|do\s+not)\s+(?:wanna|want\s+to|need\s+to|feel\s+like)\b|"
    r"^(?:i\s+)?(?:don'?t|dont|do\s+not)\s+want\s+(?:anyone|anybody|someone|you|them|a\s+call|calls)\b|"
    r"^(?:i'?m|im|i\s+am)\s+(?:not\s+ready|good|ok(?:ay)?|fine|busy)\b|"
    r"^(?:i\s+)?(?:have|gotta|got)\s+to\s+go\b|^(?:stop|nvm|never\s?mind|forget\s+it)\b|"
    r"^(?:despu[eé]s|luego|m[aá]s\s+tarde|otro\s+d[ií]a|ahorita\s+no)\b|"
    r"^(?:ahorita\s+|ahora\s+)?no\s+(?:puedo|quiero)\s+(?:hablar|seguir)\b|"
    # "um. actually never mind. I can't do this right now", "stop. I said never mind"
    # (caller role-play round 21: both taken as answers, the questions went on)
    r"^(?:i\s+)?(?:can'?t|cannot|cant)\s+(?:do\s+(?:this|it|that)|talk|deal\s+with\s+(?:this|it))\b|"
    r"^i\s+(?:said|say)\s+(?:stop|never\s*mind|nvm|no|enough)\b|^(?:yo\s+)?(?:le\s+|les\s+)?(?:llamo|lo\s+pienso)\b|"
    # impatience: "nvm this is taking 4ever" (texter role-play 2026-12-04: taken as an answer)
    r"^(?:this|it|that)\s*(?:'s|s|is)?\s+(?:taking|takes)\s+(?:4ever|forever|too\s+long|so\s+long|way\s+too\s+long)\b|"
    r"^(?:too\s+many|so\s+many)\s+(?:questions|qs)\b|"
    # "nvm this is 2 many questions im good" (blind v22, SMS: a menu of topics)
    r"^(?:this|it|that)\s*(?:'s|s|is)?\s+(?:(?:way\s+)?(?:2|to|too|so)\s+many)\s+(?:questions|qs)\b|"
    # "actually no forget it. i dont want anyone calling, my parents will hear" (blind v22)
    r"^(?:my|the|our|his|her)\s+\w+\s+(?:will|would|might|could|can|is\s+gonna)\s+"
    r"(?:hear|see|find\s+out|know|check)\b|"
    r"^(?:(?:s)?he|they)\s+(?:just\s+)?(?:walked|came|got)\s+(?:in|home|back)\b|"
    # someone came in: "nvm forget it, my roommate just got home" (v8)
    r"^(?:my|the|our|her|his)\s+\w+\s+(?:just\s+)?(?:got|came|walked|is|'s)\s+(?:home|here|back|in)\b|"
    r"^(?:someone|somebody|(?:s)?he|they)\s*(?:'s|s|is|are|'re|just)?\s*(?:got\s+|came\s+)?(?:home|here|back|coming)\b|"
    r"^(?:ya\s+)?(?:lleg[oó]|llegaron|vino|vinieron|viene|vienen|est[aá]\s+aqu[ií])\s+"
    r"(?:el|ella|mi\s+\w+|mis\s+\w+|los\s+\w+|alguien)\b|"
    r"^(?:ya\s+)?(?:el|ella|mi\s+\w+)\s+(?:ya\s+)?(?:lleg[oó]|vino|viene)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"[,.;!?]+\s*|\s+-+\s+")


# "better not" / "actually no": a stop only with a reason to leave after it
_SOFT_STOP = re.compile(
    r"(?:mejor\s+no|no\s+mejor\s+no|actually\s+no|nah\s+actually)", re.IGNORECASE
)
_YA_NO_THEN = re.compile(r"\W*(?:sab(?:es|e)\s+qu[eé]\W+)?(?:mejor\s+)?ya\s+no\W*", re.IGNORECASE)


def starts_with_stop(text: str) -> bool:
    """A stop first, then only reasons to leave: "actually never mind, forget it, i'll just
    call later", "you know what, i changed my mind, stop, i'll talk to him first" (v5)."""
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(text.strip()) if c.strip()]
    if len(clauses) >= 2 and _YA_NO_THEN.fullmatch(clauses[0]) and _STOP_RE.match(clauses[1]):
        # "sabes que ya no, mejor otro dia, ya llego el" (blind es-v8: the questions went
        # on): "ya no" then a stop is a stop; "ya no" alone still answers ("not anymore")
        return all(_STOP_RE.match(c) or _LEAVING_REASON.search(c) for c in clauses[2:])
    while clauses and re.fullmatch(_FILLER, clauses[0], re.IGNORECASE):
        clauses.pop(0)  # "you know what," "ok,"
    if len(clauses) == 1:
        # no punctuation: "actually nvm not ready", "you know what never mind forget it im
        # not ready for this" (v7): peel the stops off the front, then read what is left
        rest = clauses[0]
        peeled = 0
        while (leading := _LEADING_STOP.match(rest)) is not None:
            rest, peeled = leading.group("rest").strip(), peeled + 1
        if peeled and rest:
            clauses = ["never mind", rest]
    if len(clauses) >= 2 and _SOFT_STOP.fullmatch(clauses[0]):
        # "sabes que, mejor no, primero lo hablo con mis hermanas" (blind es-v12, at the
        # phone number: read as a number): "better not" is a stop once a plan to leave follows
        return all(_STOP_RE.match(c) or _LEAVING_REASON.search(c) for c in clauses[1:])
    if len(clauses) < 2 or not _STRONG_STOP.match(clauses[0]):
        return False
    return all(
        _STRONG_STOP.match(c) or _STOP_RE.match(c) or _LEAVING_REASON.search(c) for c in clauses[1:]
    )


# "actually can we stop. I feel weird doing this behind his back. I'll talk to him first"
# (v13: the screening went on): asking to stop, first, whatever reasons follow
_ASKS_TO_STOP = re.compile(
    rf"^{_FILLER}(?:(?:can|could)\s+we|let'?s|i\s+(?:want|wanna|need)\s+to)\s+(?:please\s+)?"
    r"(?:stop|quit|end|pause|cancel)(?:\s+(?:now|here|for\s+now|this|that|it|the\s+questions|"
    r"the\s+screening|the\s+request))?\W*$",
    re.IGNORECASE,
)


_WANTS_TO_STOP = re.compile(
    rf"^{_FILLER}i\s+(?:want|wanna|need)\s+to\s+(?:please\s+)?(?:stop|quit)\W*$", re.IGNORECASE
)
_USE_NAMED = re.compile(
    r"\b(?:drink\w*|using|use|pills?|xanax|xans?|bars|benzos?|klonopin|meth|heroin|fent\w*|opioids?|"
    r"percs?|oxy\w*|coke|crack|weed|alcohol|booze|kratom|suboxone|methadone|mg)\b",
    re.IGNORECASE,
)


def asks_to_stop_first(text: str) -> bool:
    """The first sentence asks to stop, and nothing in it says what to stop (a goal like
    "can we stop drinking" goes on past the verb)."""
    parts = [p.strip() for p in _SENTENCE_BREAK.split(text.strip()) if p.strip()]
    if _USE_NAMED.search(text) and any(_WANTS_TO_STOP.match(p) for p in parts):
        # "the xanax, i take like 4mg a day. i want to stop. can i just quit" (role-play round
        # 28: "No problem, we can leave that"): stopping the drug, a goal, not the questions
        return False
    if parts and (_ASKS_TO_STOP.match(parts[0]) or _ASKS_TO_STOP.match(parts[0].split(",")[0])):
        # "actually can we stop, he just walked in. ill come back later" (blind v22)
        return True
    # "hmm actually i dont feel right doing this behind his back. can we stop", "eh im not
    # sure about most of this. can we stop, i want to talk to her first" (blind v20: the
    # questions went on): the ask may come after the reason, with a reason after a comma
    return any(_ASKS_TO_STOP.match(p.split(",")[0].strip()) for p in parts[1:])


def says_stop(text: str) -> bool:
    """A stop said first, last, or as a first sentence asking to stop, whatever else the
    message says (the classifier's stop or not)."""
    return ends_with_stop(text) or starts_with_stop(text) or asks_to_stop_first(text)


def ends_with_stop(text: str) -> bool:
    """The last sentence is nothing but a stop: "hmm actually no. my wife checks my
    phone. never mind, cancel it" (v4). Whatever came before, that is the decision."""
    parts = [p.strip() for p in _SENTENCE_BREAK.split(text.strip()) if p.strip()]
    return len(parts) > 1 and bool(_STRONG_STOP.match(parts[-1]))


_FAREWELL_SENTENCE = re.compile(
    rf"^{_FILLER}(?:(?:thanks+|thank you(?: (?:so much|kindly|again))?|ty|thx)\W*)?"
    r"(?:(?:ok(?:ay)?|well|alright)\W+)?"
    r"(?:bye+(?: now| bye)?|goodbye(?: now)?|good ?night|take care|talk (?:to you )?(?:soon|later)|"
    r"have a (?:good|nice|great) (?:day|night|one|evening)|that'?s all(?: i needed)?)"
    rf"{_FILLER}(?:(?:thanks+|thank you(?: (?:so much|kindly|again))?|ty|thx){_FILLER})?$",
    re.IGNORECASE,
)
_THANKS_SENTENCE = re.compile(
    rf"^{_FILLER}(?:thanks+|thank you|thx|ty)(?: (?:so much|kindly|again|for (?:your|the) help|"
    rf"for everything))?{_FILLER}$",
    re.IGNORECASE,
)


_MUST_GO = re.compile(
    r"^(?:(?:sorry|ok(?:ay)?|so|but|and)\s+)*(?:i\s+)?(?:have|gotta|got|need)\s+(?:to\s+)?go(?:\s+now)?"
    r"(?:\s+(?:sorry|bye))?\W*$",
    re.IGNORECASE,
)
# a stop said first in a message with no punctuation: "actually nvm not ready"
_LEADING_STOP = re.compile(
    rf"^{_FILLER}(?:never ?mind|nvm|forget (?:about )?it|(?:i )?changed my mind)\b\s*(?P<rest>.*)$",
    re.IGNORECASE,
)


# "ok cool thx. ill call tmrw on my lunch bye", "no im good bye" (texter role-play
# 2026-12-05: a menu, then "I'm still not understanding"): a plain farewell word last
_LAST_WORD_FAREWELL = re.compile(
    r"(?:^|[\s,.;!])(?:bye+(?:\s+bye)?|goodbye|bye\s+now|cya|ttyl|later\s+bye|gn)\W*$|"
    # "muchas gracias adios que dios la bendiga" (blind es-v7, a caller: thanked, not hung up)
    r"(?:^|[\s,.;!])(?:bye+|goodbye|adi[oó]s)\W+(?:y\s+)?(?:que\s+)?(?:dios|diosito)\s+(?:l[aeo]s?|te)\s+"
    r"(?:bendiga|cuide|acompa[nñ]e)\W*$|(?:^|[\s,.;!])(?:bye+|goodbye)\W+god\s+bless(?:\s+you)?\W*$",
    re.IGNORECASE,
)


_REPORTED_BYE = re.compile(r"\b(?:said|say|says|saying|told|tell|to)\b[^.!?]{0,15}\bbye\W*$", re.I)


# es-v3 / v12: "bueno muchas gracias eso era todo" (a call that did not end), "adiós"
_SPANISH_FAREWELL = re.compile(
    r"(?:^|[\s,.;!])(?:eso\s+(?:era|es|ser[ií]a)\s+todo(?:\s+por\s+ahora)?|adi[oó]s|hasta\s+luego|"
    r"nos\s+vemos|cu[ií]dese|bye\s+gracias)"
    # "muy bien eso es todo muchas gracias" (es-v4, voice: the call went on)
    r"(?:\W+(?:muchas\s+|mil\s+)?gracias(?:\s+por\s+todo)?)?\W*$",
    re.IGNORECASE,
)


# "bueno bueno se oye" (es-v4: how a Mexican caller answers the phone, read as a goodbye and
# the call ended); "¿aló?", "¿me escucha?"
_PHONE_GREETING_ES = re.compile(
    r"^\W*(?:(?:bueno|al[oó]|hola|s[ií])\W+)*(?:bueno|al[oó]|diga|d[ií]game)"
    r"(?:\W+(?:bueno|hola|s[ií]))*(?:\W+(?:se\s+oye|me\s+oye|me\s+escucha|me\s+escuchan|hay\s+alguien))?\W*$|"
    r"^\W*(?:hola\W+)?(?:se\s+oye|me\s+oye|me\s+escucha|me\s+escuchan|hay\s+alguien(?:\s+ah[ií])?)\W*$",
    re.IGNORECASE,
)


def is_spanish_phone_greeting(text: str) -> bool:
    return bool(_PHONE_GREETING_ES.match(" ".join(text.split())))


# "im calling them now", "ok im calling now", "calling the help line now thanks" (round 18's
# open list: read as asking for a callback, and the callback questions started)
_CALLING_NOW = re.compile(
    # "never mind. I guess I'll just call the number tomorrow. Thanks.", "ok. ill call
    # tomorrow i guess" (role-play round 21: "no call is set up", a crisis follow-up)
    r"^\W*(?:(?:ok(?:ay)?|alright|k|yes|yeah|will\s+do|thanks|thank\s+you|cool|great|perfect|got\s+it|"
    r"sounds\s+good|never\s*mind|nvm|i\s+guess)\W+)*"
    r"(?:i'?m|im|i\s+am|i'?ll|ill|i\s+will|i'?m\s+gonna|im\s+gonna|gonna|we'?ll|we\s+will|we'?re\s+gonna|"
    r"we'?re|we\s+are)?\s*(?:just\s+)?(?:calling|call|dialing)\s+"
    r"(?:(?:them|you\s+guys|y'?all|it|the\s+(?:help\s*line|number|line|hotline)|that\s+(?:number|line)|988|now)"
    r"|(?=(?:tomorrow|later|tonight|in\s+the\s+morning)\b))"
    r"(?:\s*(?:now|right\s+now|rn|right\s+away|tonight|tomorrow|later|in\s+the\s+morning|first\s+thing))?"
    r"(?:\s+(?:i\s+guess|then|maybe))?"
    # "I'm calling them now on my other phone" (caller role-play round 20: callback questions
    # mid-overdose)
    r"(?:\s+(?:on|from|with)\s+(?:my|the|her|his)\s+(?:other\s+|cell\s+|wife'?s\s+|husband'?s\s+)?"
    r"(?:phone|cell|line|landline))?"
    r"(?:\W+(?:thanks|thank\s+you|thank\s+you\s+so\s+much|thx|ty|bye|bye\s+now))*\W*$",
    re.IGNORECASE,
)


# "ok calling" (crisis role-play round 23: the callback questions mid-overdose)
# (also read as "help is coming" right after a crisis reply: crisis_updates.py)
BARE_CALLING = (
    r"^\W*(?:(?:ok(?:ay)?|alright|k|fine|yes|yeah)\W+)?(?:i'?m\s+|im\s+)?calling"
    r"(?:\s+(?:now|rn|right\s+now|them|911|the\s+ambulance)){0,2}\W*$"
)
_CALLING = re.compile(BARE_CALLING, re.IGNORECASE)


def says_calling_now(text: str) -> bool:
    """The person is about to call the number they were given: a goodbye, not a request."""
    cleaned = " ".join(text.split())
    return bool(_CALLING_NOW.match(cleaned) or _CALLING.match(cleaned))


# "alright my breaks about up i gotta get back on the road" (blind v17, a trucker on the
# phone: a menu, the call went on); "no thats it" after "anything else?" (a voice caller
# said no four times and was never let go)
_BACK_TO_WORK = re.compile(
    r"(?:^|\W)(?:i\s+)?(?:gotta|got\s+to|have\s+to|need\s+to|better)\s+(?:get\s+back\s+(?:to\s+work|on\s+the\s+road|"
    r"to\s+(?:it|driving|my\s+\w+))|go\s+back\s+to\s+work|head\s+out|get\s+going|hop\s+off|jump\s+off)\W*$",
    re.IGNORECASE,
)
_NOTHING_ELSE = re.compile(
    r"^\W*(?:no+|nope|nah|no\s+thanks?|no\s+thank\s+you)\W+(?:that'?s|thats)\s+(?:it|all)"
    r"(?:\s+(?:for\s+now|thanks?|thank\s+you))?\W*$",
    re.IGNORECASE,
)


def ends_with_farewell(text: str) -> bool:
    """The person closes the conversation at the end of a longer message: "nah, i'll
    just call that number myself. thanks, goodbye." (v4, voice). Only plain farewell
    words: "no. i'm good" or "yes. all set" can answer a form's question. Not when an
    earlier sentence asks something."""
    if "?" not in text and "¿" not in text and _SPANISH_FAREWELL.search(text.strip()):
        return True
    if "?" not in text and (
        _BACK_TO_WORK.search(text.strip()) or _NOTHING_ELSE.match(text.strip())
    ):
        return True
    if (
        "?" not in text
        and len(text.split()) > 1
        and _LAST_WORD_FAREWELL.search(text.strip())
        and not _REPORTED_BYE.search(text)
    ):
        return True
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(text.strip()) if c.strip()]
    if len(clauses) > 1 and "?" not in text and _MUST_GO.match(clauses[-1]):
        return True  # "sorry she just got home, I have to go" (v7, inside the screening)
    parts = [p.strip() for p in _SENTENCE_BREAK.split(text.strip()) if p.strip()]
    if len(parts) < 2 or any("?" in part for part in parts[:-1]):
        return False
    tail = parts[-1]
    if _THANKS_SENTENCE.match(tail):
        tail = parts[-2]
    return bool(_FAREWELL_SENTENCE.match(tail))


_STOP_VERB = re.compile(
    r"\b(?:stop|quit|cancel|never ?mind|nvm|forget|enough|abort|exit|changed my mind|"
    rf"{_ES_STOP}|"
    r"don'?t (?:want|wanna)|dont (?:want|wanna)|(?:a\s?lot|too many|so many) (?:of )?questions)\b",
    re.IGNORECASE,
)


def is_stop_only(text: str) -> bool:
    """The whole message is a stop that answers nothing ("nah forget it", "never mind",
    "ugh. stop asking me all these questions"); "skip", "pass", "no thanks" can answer."""
    cleaned = " ".join(text.strip().split())
    if _STRONG_STOP.match(cleaned):
        return True
    return bool(_STOP_RE.match(cleaned) and _STOP_VERB.search(cleaned))


def words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


def is_goal_or_plea(text: str) -> bool:
    """A person's aim ("I want to stop drinking") or plea ("help me"), never a command."""
    return bool(_PLEA.match(text) or _GOAL.search(text))


def is_plea(text: str) -> bool:
    return bool(_PLEA.match(text))


_QUESTION = re.compile(
    r"\?|^\W*(?:how|what|when|where|why|who|which|can|could|do|does|is|are|will|would|should|"
    r"may|am)\b",
    re.IGNORECASE,
)
_CANT_STOP = re.compile(
    r"\b(?:can'?t|cant|cannot|couldn'?t|unable to|won'?t) (?:stop|quit)\b", re.I
)
MAX_CONTROL_CHAT_WORDS = 10

# asking for a person after a thanks or a greeting: "thank you. i'd like to talk to
# someone about it" (v4) is a request, whatever courtesy comes first
_SOMEONE = r"(?:someone|somebody|some\s+one|sum1|some1|sumone|smone|sumbody|somebdy)"
_ASKS_FOR_A_PERSON = re.compile(
    rf"\b(?:talk|speak|chat|text|txt|message|msg)\s+(?:to|with)\s+(?:{_SOMEONE}|a\s+(?:real\s+)?"
    r"(?:person|human|counsel\w*|nurse|doctor|therapist|staff\s+member)|an?\s+(?:agent|rep\w*)|"
    r"(?:one\s+of\s+)?your\s+(?:staff|team|people|counsel\w*))\b",
    re.IGNORECASE,
)
# "whats ur number", "text me the number": the help line's number, wherever it is asked
_ASKS_FOR_THE_NUMBER = re.compile(
    r"\bwhat'?s\s+(?:ur|your|the|that)\s+(?:phone\s+|help\s*line\s+)?(?:number|#)(?:\s+again)?\W*$|"
    r"\bwhats\s+(?:ur|your|the|that)\s+(?:phone\s+|help\s*line\s+)?(?:number|#)(?:\s+again)?\W*$|"
    r"\b(?:give|send|text)\s+me\s+(?:ur|your|the|that)\s+(?:phone\s+|help\s*line\s+)?number\b|"
    # "me repite el numero por favor" (Spanish role-play round 32: a callback request)
    r"\b(?:me\s+)?(?:repite|repita|rep[ií]tame|d[ií]game|dime|me\s+dice)\s+(?:otra\s+vez\s+|de\s+nuevo\s+)?"
    r"el\s+n[uú]mero\b|"
    # "mejor dame el numero de ustedes" (blind es-v16, read in round 31: the questions went on)
    r"\b(?:dame|deme|d[eé]me|me\s+das|me\s+da|me\s+puede\s+dar|me\s+pueden\s+dar|p[aá]same|p[aá]seme)\s+"
    r"(?:el|su|tu)\s+(?:n[uú]mero|tel[eé]fono|cel)\b|"
    # v12: "gracias, whats the number para llamar", "i just want the phone number"
    r"\bwhat'?s\s+(?:ur|your|the|that)\s+(?:phone\s+|help\s*line\s+)?number\s+(?:para|to|i\s+should)\s+(?:llamar|call)\b|"
    r"\bi\s+(?:just\s+)?(?:want|need)\s+(?:the|your|ur)\s+(?:phone\s+|help\s*line\s+)?number\W*$|"
    # "Ok. What's the number, I'll call from my car on break." (blind v17: a menu)
    r"\bwhat'?s\s+(?:ur|your|the|that)\s+(?:phone\s+|help\s*line\s+)?(?:number|#)\W+(?:i'?ll|ill|i\s+will|"
    r"i'?m\s+gonna|im\s+gonna|so\s+i\s+can|i\s+can)\s+(?:just\s+)?call\b|"
    # "cual es el numero" (blind es-v8: the naloxone answer)
    r"^\W*(?:(?:ok|bueno|y|entonces|pues|oiga|mire)\W+)*(?:cu[aá]l|qu[eé])\s+es\s+(?:el|su)\s+n[uú]mero"
    r"(?:\s+de\s+(?:ustedes|la\s+l[ií]nea(?:\s+de\s+ayuda)?|tel[eé]fono))?(?:\s+(?:para\s+llamar|otra\s+vez))?\W*$|"
    # "ill have my mom call them" (family role-play round 24)
    r"\b(?:i'?ll|ill|i\s+will)\s+(?:have|get|ask|tell)\s+(?:my|her|his|our)\s+\w+\s+(?:to\s+)?call\s+(?:them|you|y'?all|u)\b|"
    # "can I just have the number?" (v13)
    r"\b(?:can|could|may)\s+i\s+(?:just\s+)?(?:have|get)\s+(?:the|your|ur|that)\s+(?:phone\s+|help\s*line\s+)?number\W*$|"
    # "can i just call u later" after cancelling a callback (v14: the callback questions
    # again): they will call, so they need the number
    r"\b(?:can|could|may)\s+i\s+(?:just\s+)?call\s+(?:u|you|y'?all|them|the\s+help\s*line)\s+"
    r"(?:back\s+)?(?:later|tomorrow|another\s+time|myself|instead|when\s+i\s+can)\W*$|"
    # "mandeme el numero de ustedes y yo llamo cuando pueda" (blind es-v6, in the callback
    # questions: "I didn't get the time" twice)
    r"\b(?:m[aá]nde(?:me|nme)|d[eé](?:me|nme)|p[aá]se(?:me|nme)|me\s+(?:da|dan|pasa|pasan|manda|mandan)|"
    r"me\s+(?:puede|pueden)\s+(?:dar|pasar|mandar))\s+(?:el|su)\s+n[uú]mero\b",
    re.IGNORECASE,
)


def asks_for_the_number(text: str) -> bool:
    """The person wants the help line's number (v5: "maybe later. whats ur number")."""
    return bool(_ASKS_FOR_THE_NUMBER.search(text.strip()))


def asks_for_a_person(text: str) -> bool:
    return bool(_ASKS_FOR_A_PERSON.search(text))


# asked for oneself, now: "actually can i just talk to sum1" (texter role-play 2026-12-04:
# taken as an answer to a screening question), not "my wife thinks i should talk to
# somebody" (an answer to "who is this for?", persona p11)
# "an actual person" (caller role-play round 16: taken as "no" inside the detox questions)
_A_PERSON = rf"(?:{_SOMEONE}|an?\s+(?:real\s+|live\s+|actual\s+)?(?:person|human))"
_ASKS_TO_TALK_NOW = re.compile(
    r"(?:\b(?:can|could|may)\s+i\s+(?:just\s+|please\s+|pls\s+)?(?:talk|speak|chat)|\bi\s+can\s+(?:talk|speak)|"
    r"\b(?:i\s+(?:just\s+)?(?:want|wanna|need|would\s+like)\s+to|i'?d\s+(?:rather|like\s+to)|let\s+me)\s+"
    rf"(?:talk|speak))\s+(?:to|with)\s+{_A_PERSON}\b",
    re.IGNORECASE,
)


def asks_to_talk_to_someone_now(text: str) -> bool:
    return bool(_ASKS_TO_TALK_NOW.search(text))


# "can you just put me through to somebody now", "connect me with whoever does the
# admissions" (v7, voice): a request to be connected, whatever topic it names
_ASKS_TO_BE_CONNECTED = re.compile(
    r"\b(?:put|patch|transfer|connect|forward|send)\s+(?:me|my\s+call|this\s+call)\s+(?:through|over|right\s+through)?\s*"
    r"(?:(?:to|with)\s+(?:someone|somebody|some\s+one|a\s+(?:real\s+|live\s+)?(?:person|human|counsel\w*|nurse|"
    r"rep\w*|agent|staff\s+member)|an?\s+(?:agent|rep\w*|operator)|whoever|the\s+(?:person|people|front\s+desk|"
    r"intake|admissions?|help\s*line|office|team|staff|nurse|counsel\w*)|(?:your|ur)\s+\w+|admissions?|intake|"
    r"an?\s+operator|the\s+operator)|through\s*$)|"
    # a staff role by name: "can i talk to the front desk", "receptionist please" (role-play)
    r"\b(?:talk|speak)\s+(?:to|with)\s+(?:a|the|your|ur|an)\s+(?:receptionist|front\s+desk|admissions?(?:\s+(?:person|office|team|desk))?|"
    r"intake\s+(?:person|office|team|desk|coordinator)|nurse|operator|representative)\b|"
    # v12 (voice): "i just need the front desk please", "can i get the operator"
    r"\b(?:need|want|get|reach|give\s+me)\s+(?:the|a|an|your|ur)\s+(?:receptionist|front\s+desk|operator|representative|"
    r"admissions?\s+(?:office|desk|person))\b|"
    r"^\W*(?:(?:um+|uh+|yeah|ok(?:ay)?|hi|hello)\W+)*(?:(?:the|a)\s+)?(?:receptionist|front\s+desk|operator|representative|admissions)"
    r"(?:\s+(?:please|pls|plz))?\W*$|"
    # Spanish: "ok entonces paseme ahorita", "comuniqueme con alguien" (blind es-v8: a menu)
    r"\b(?:p[aá]se(?:me|nme)|comun[ií]que(?:me|nme)|transfi[eé]ra(?:me|nme))\s+(?:con\s+(?:alguien|una\s+persona|"
    r"la\s+l[ií]nea|un\s+consejero|una\s+consejera|ellos|el\s+personal)|ahorita|ahora|ya|por\s+favor)\b|"
    r"\b(?:p[aá]se(?:me|nme)|comun[ií]que(?:me|nme))\W*$|"
    # "just put me through then", "try putting me through" (caller role-play round 28: not
    # transferred mid-call; only the 0 key worked)
    r"\b(?:put|putting|patch|patching|transfer|connect)\s+me\s+(?:right\s+)?through\b"
    r"(?:\s+(?:then|now|please|pls|already|anyway|again|to\s+(?:them|somebody|someone)))*\W*$|"
    # "¿me puede pasar con alguien mientras?" (blind es-v12, on a call after 911 was called)
    r"\bme\s+(?:puede|pueden|podr[ií]a|podr[ií]an)\s+(?:pasar|comunicar|conectar|transferir)\s+con\s+"
    r"(?:alguien|una\s+persona|la\s+l[ií]nea|un\s+consejero|una\s+consejera|el\s+personal)\b|"
    r"\bp[aá]same\s+con\s+(?:alguien|una\s+persona)\b",
    re.IGNORECASE,
)


def asks_to_be_connected(text: str) -> bool:
    """The person asks to be put through to a person, on any topic."""
    return bool(_ASKS_TO_BE_CONNECTED.search(text.strip()))


def is_explicit(intent: str, text: str) -> bool:
    """Whether the classifier's control ``intent`` may stand for ``text`` (lenient).

    Demoted only on evidence that the message is about something else: a goal
    or plea, words about use, family or the program, "can't stop", or length.
    Inside a form the stricter ``is_explicit_command`` decides instead.
    """
    cleaned = " ".join(text.strip().split())
    if intent not in CONTROL_INTENTS:
        return True
    if is_goal_or_plea(cleaned):
        return False
    count = len(words(cleaned))
    if intent in ("affirm", "deny"):
        return count <= MAX_CONTROL_WORDS
    if intent == "stop" and (_STOP_RE.match(cleaned) or says_stop(cleaned)):
        return True
    if _CONTENT.search(cleaned) or _CANT_STOP.search(cleaned):
        return False
    if intent in _CUES and not _CUES[intent].search(cleaned) and _QUESTION.search(cleaned):
        return False  # "how soon can i start" is a question, not a farewell
    limit = MAX_CONTROL_WORDS if intent == "stop" else MAX_CONTROL_CHAT_WORDS
    return count <= limit


def is_explicit_command(intent: str, text: str) -> bool:
    """Whether ``text`` plainly gives the command ``intent`` (strict; used inside forms,
    where any other reading of the message is an answer to the question asked)."""
    cleaned = " ".join(text.strip().split())
    if intent == "stop" and says_stop(cleaned):
        return True
    if intent == "goodbye" and ends_with_farewell(cleaned):
        return True
    if is_goal_or_plea(cleaned) or _CONTENT.search(cleaned) or _CANT_STOP.search(cleaned):
        return False
    if intent == "stop":
        return bool(_STOP_RE.match(cleaned))
    if intent in _CUES:
        return len(words(cleaned)) <= MAX_CUE_WORDS[intent] and bool(_CUES[intent].search(cleaned))
    return len(words(cleaned)) <= MAX_CONTROL_WORDS


SPANISH_INTENT = "speak_spanish"
_SPANISH_WORDS = frozenset(
    """hola necesito ayuda esposo esposa hijo hija hermano hermana mamá mama papá papa para que
    mucho mucha tengo quiero gracias cómo como dónde donde cuánto cuanto cuesta mi mis el los las
    es está esta estoy tiene tienen puedo hablar español espanol alguien usted bebe toma tomar
    drogas
    dejar problema programa información informacion ayúdame ayudame por favor buenas buenos días
    dias tardes noches señor señora también tambien pero muy porque qué quien quién cuando cuándo
    alcohol pastillas consejero llamar llamen""".split()
)
_ENGLISH_HINTS = frozenset("the and is my i you to for of what how can do does with".split())


def looks_spanish(text: str) -> bool:
    """Mostly Spanish words (two or more, and more Spanish than English)."""
    tokens = words(text)
    spanish = sum(t in _SPANISH_WORDS for t in tokens)
    english = sum(t in _ENGLISH_HINTS for t in tokens)
    return spanish >= 2 and spanish > english and spanish >= 0.4 * len(tokens)


# "okay that's all i needed thank you have a good one" (v14, voice: a menu, the call went on)
_ALL_I_NEEDED = re.compile(
    r"\b(?:that'?s|thats|that\s+is)\s+(?:all|everything)\s+(?:i\s+)?(?:needed|wanted|had)\b|"
    # "bueno pues muchas gracias es todo" (blind es-v16, read in round 31, voice: "anything
    # else?", and the call went on)
    r"\b(?:eso\s+)?(?:es|seria|ser[ií]a)\s+todo\W*$|\bnada\s+m[aá]s\W*$|\bthat'?s\s+(?:all|it)\W*$",
    re.I,
)


def is_farewell_with_thanks(text: str) -> bool:
    """ "thank you goodbye": a farewell (the call or chat ends), not only thanks."""
    thanks = bool(_CUES["thank"].search(text))
    return thanks and (is_explicit_command("goodbye", text) or bool(_ALL_I_NEEDED.search(text)))


CALLBACK_INTENT = "request_callback"
_CALLBACK = re.compile(
    r"\b(?:call|phone|ring|telephone)\s+(?:me|him|her|us|my\s+(?:\w+\s+)?\w+)(?:\s+back)?\b"
    r"(?!\s+(?:crazy|a\s+taxi|an?\s+uber|names)\b)|"
    r"\bcall\s*-?\s*back\b|\bcallback\b|\b(?:give|get)\s+(?:me|him|her|us)\s+a\s+(?:call|ring)\b|"
    r"\b(?:get|have)\s+a\s+call\b|\breach\s+out\s+to\s+(?:me|him|her)\s+by\s+phone\b",
    re.IGNORECASE,
)


CANCEL_CALLBACK_INTENT = "cancel_callback"
_CANCEL_CALLBACK = re.compile(
    r"\b(?:don'?t|dont|do\s+not|no\s+need\s+to|no\s+one\s+needs\s+to|nobody\s+needs\s+to|"
    r"please\s+don'?t|pls\s+dont)\s+(?:\w+\s+){0,2}?(?:call|phone|ring)(?:ing)?\s+(?:me|us)\b"
    r"(?!\s+(?:crazy|names|a\s+\w+|an\s+\w+|out|that|\w+ing)\b)|"
    r"\b(?:don'?t|dont|do\s+not)\s+(?:call|phone|ring)\s*(?:$|[.!,;]|anymore\b|back\b|after\s+all\b)|"
    r"\b(?:don'?t|dont|do\s+not)\s+(?:need|want)\s+(?:a|the|that)\s+(?:call\s*-?\s*back|call)\b|"
    # "no I don't want to give my number" (family role-play round 27: "that doesn't look
    # like a phone number")
    r"\b(?:don'?t|dont|do\s+not|rather\s+not|not\s+gonna|won'?t)\s+(?:want\s+to\s+|wanna\s+)?"
    r"(?:give|share|leave)\s+(?:you\s+)?(?:my|a|out\s+my)\s+(?:number|phone\s+number|cell|name\s+or\s+number)\b|"
    r"\b(?:cancel|withdraw|delete|take\s+back)\s+(?:my|the|that|this)\s+(?:callback|call\s*-?\s*back|call|request)\b|"
    r"\bno\s+(?:more\s+)?(?:callback|call\s*-?\s*back)\b|"
    r"\b(?:don'?t|dont|do\s+not)\s+bother\b|"
    # "no i said dont call anyone", "are you going to call someone on me" (crisis role-play
    # round 17: both started or kept a callback request)
    r"\b(?:don'?t|dont|do\s+not)\s+(?:call|send)\s+(?:anyone|anybody|nobody|no\s+one|someone)\b|"
    r"\b(?:call|send|get)\s+(?:someone|somebody|anyone|anybody|people)\s+(?:on|after)\s+me\b|"
    r"\bi'?ll\s+(?:just\s+)?call\s+(?:back\s+)?(?:myself|you|them|y'?all|u|(?:the|that|ur|your)\s+(?:number|help\s*line))\b|"
    r"\bi'?ll\s+(?:just\s+)?call\s+(?:the|that|ur|your)\s*#|"
    r"\b(?:forget|scratch|skip|never\s?mind)\s+(?:about\s+)?(?:the|that|this|my)\s+(?:call\s*-?\s*back|callback|call)\b|"
    # "actually nah cancel that my mom might answer" (texter role-play 2026-12-04: the
    # request stayed, and the help line could have called a teenager's family phone)
    r"\b(?:cancel|nvm|never\s?mind|scratch)\s+(?:that|it)\b[^.!?]{0,40}\b(?:answer\w*|pick\w*\s+up|phone|call\w*)\b|"
    # Spanish (role-play round 17: "no te dije que no quiero que me llamen" kept the request)
    r"\bno\s+(?:quiero|queremos|necesito)\s+que\s+(?:me|nos)\s+llamen\b|\bno\s+me\s+llamen\b|"
    r"\b(?:cancel[ae]|cancelar|olv[ií]dese\s+de)\s+(?:la|esa|mi)\s+llamada\b|\bno\s+quiero\s+(?:la\s+)?llamada\b|"
    # "no sabes que, nevermind, cancela eso mejor" (blind es-v16, read in round 31: the
    # callback questions went on)
    r"\bcancel[ae]\s+(?:eso|todo)\b|"
    # "ur not gonna have them call me right?" (family role-play round 24: the callback questions)
    r"\b(?:you'?re|ur|you\s+are|u\s+r|they'?re|they\s+are)\s+not\s+(?:gonna|going\s+to)\s+(?:have\s+(?:them|someone|anyone)\s+)?"
    r"call\s+me\b|"
    # "will you text or call me on your own?" (caller role-play round 28, a woman whose husband
    # is violent: "Sure, I can ask our help line to call you"): only when asked, so no call
    r"\b(?:will|would|do|does|are)\s+(?:you|u|they|y'?all|someone|anyone|anybody|the\s+help\s*line)\s+(?:\w+\s+){0,2}?"
    r"(?:call|text|contact|phone)\s+(?:or\s+(?:call|text)\s+)?me\s+(?:on\s+(?:your|their)\s+own|without\s+(?:me\s+)?asking|"
    r"if\s+i\s+(?:don'?t|do\s+not|didn'?t)\s+ask|unless\s+i\s+ask)\b|"
    r"\b(?:you|u|they)\s+(?:won'?t|wont|will\s+not)\s+(?:call|text)\s+(?:or\s+(?:call|text)\s+)?me\W{0,3}\s*right\b|"
    # "i asked for somebody to call me back yesterday but i dont need it anymore can you cancel
    # that", "i dont want nobody calling the house", "sabe que, olvidelo, mejor no" at the
    # number question (blind v18/es-v9, read in round 24: a new request; the time question
    # again; "that doesn't look like a US number")
    r"\b(?:don'?t|dont|do\s+not)\s+need\s+(?:it|that|the\s+call|a\s+call)\s+(?:anymore|any\s+more|now|after\s+all)\b"
    r"[^.!?]{0,30}\bcancel\b|\bcancel\s+(?:that|it)\b[^.!?]{0,10}$|"
    r"\b(?:don'?t|dont|do\s+not)\s+want\s+(?:nobody|anybody|anyone|no\s+one|someone|them|y'?all|you)\s+"
    r"(?:calling|to\s+call|ringing)\s+(?:me|us|the\s+house|here|this\s+(?:number|phone)|my\s+(?:phone|house|cell|number))\b"
    r"(?!\s+(?:at\s+work|during|before|after|in\s+the|on\s+(?:weekdays|weekends)|at\s+\d|until|til))|"
    r"\b(?:olv[ií]d(?:e|a|alo|elo)|d[eé]jelo|d[eé]jalo)\b[^.!?]{0,20}\bmejor\s+no\b|"
    r"\bmejor\s+no\b[^.!?]{0,20}\b(?:olv[ií]d(?:e|a|alo|elo)|todav[ií]a\s+no\s+estoy\s+list[ao])\b",
    re.IGNORECASE,
)


# "what if they don't call me again" (family role-play round 23: the request was cancelled):
# a worry about the call, not taking it back
_WORRY_ABOUT_THE_CALL = re.compile(
    r"\b(?:what\s+if|if|in\s+case|and\s+if)\s+(?:they|you|nobody|no\s+one|someone)\s+(?:guys\s+)?"
    r"(?:don'?t|dont|do\s+not|doesn'?t|never|won'?t|wont|can'?t|cant)\s+call\b",
    re.IGNORECASE,
)


# "so u wont text me right", "so they're not gonna call me at four today too, right?" (texter
# and caller role-plays round 32: each cancelled a saved request): checking what was saved
# (a call not wanted at all, "you wont call me right?", stays a cancel: caller role-play round
# 28; a second call or the text are what these check)
_CHECKS_WHAT_WAS_SAVED = re.compile(
    r"\b(?:too|also|again|as\s+well)\b[^.!?]{0,12}\??\s*$|"
    r"\b(?:wont|won'?t|will\s+not|not\s+gonna|not\s+going\s+to)\s+(?:\w+\s+)?text\s+me\b",
    re.IGNORECASE,
)


def cancels_a_call(text: str) -> bool:
    """ "actually don't call me", "cancel my callback": the person takes a request back (not a
    check of what was saved: "so you won't text me, right?")."""
    if _CHECKS_WHAT_WAS_SAVED.search(text.strip()) and not _PLAIN_CANCEL.search(text):
        return False
    return bool(_CANCEL_CALLBACK.search(text)) and not _WORRY_ABOUT_THE_CALL.search(text)


_PLAIN_CANCEL = re.compile(
    r"\b(?:cancel|withdraw|never\s?mind|nvm|forget\s+it|don'?t\s+call|dont\s+call|do\s+not\s+call|cancel[ae]|"
    r"no\s+me\s+llamen)\b",
    re.IGNORECASE,
)


# "should i call her or 911": the person asks whom to call, not to be called (role-play
# 2026-12-04: an overdose follow-up was taken into the callback form)
_WHOM_TO_CALL = re.compile(
    r"\b(?:should|do|can|could|shall|must|would)\s+(?:i|we)\s+(?:just\s+|still\s+)?call\b|"
    r"\b(?:911|988|ambulance|paramedics|poison\s+control)\b",
    re.IGNORECASE,
)


# the call moved: "can they call in the evening instead?", "please move the call to the
# afternoon" (role-play 2026-12-04: read as questions about the schedule and wait times)
_CALL_MOVED = re.compile(
    r"\b(?:can|could|would|will)\s+(?:they|you|someone|somebody|u|the\s+help\s*line)\s+(?:call|ring|phone)\b"
    r"[^.!?]{0,40}\binstead\b|"
    r"\b(?:move|reschedule|change|switch|push)\s+(?:the|my|our|that)\s+(?:call(?:back)?|phone\s+call|call\s+back)\b|"
    # "can they make it after ten?" right after a request was saved (caller role-play round
    # 23: a topics menu)
    r"\b(?:can|could)\s+(?:they|you|someone|u)\s+(?:make\s+it|call(?:\s+me)?)\s+(?:after|before|around|at|closer\s+to)\s+"
    r"(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)?|noon|lunch|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b",
    re.IGNORECASE,
)


# "pueden llamarle a el? el ya me dijo que si" (es-v5: a menu; the number, time and name that
# followed were read as stories of use), "me pueden llamar mañana"
_CALL_ES = re.compile(
    r"\b(?:me|le|nos|lo|la)\s+(?:pueden|puede|podr[ií]an|podr[ií]a)\s+(?:hablar\s+por\s+tel[eé]fono|llamar|marcar)\b|"
    r"\b(?:pueden|puede|podr[ií]an|podr[ií]a)\s+(?:llamar(?:me|le|nos|lo|la)|marcar(?:me|le|nos))\b|"
    r"\bque\s+(?:me|le|nos)\s+(?:llamen|hablen|marquen)\b|\b(?:ll[aá]menme|ll[aá]menle|m[aá]rquenme)\b|"
    # "mi mama quiere que alguien le llame en español" (blind es-v8: only the Spanish welcome)
    r"\bque\s+(?:alguien|una\s+persona|ustedes)\s+(?:me|le|nos|la|lo)\s+(?:llame|llamen|hable|marque)\b|"
    # "quisiera que alguien me llamara para orientarme" (blind es-v10: the check-in question)
    # (a wish, not "pedi que me llamaran y todavia no me han llamado": nobody called back)
    r"\b(?:quisiera|quer[ií]a|me\s+gustar[ií]a|ojal[aá]|preferir[ií]a)\s+que\s+(?:alguien\s+|una\s+persona\s+|ustedes\s+)?"
    r"(?:me|le|nos|la|lo)\s+(?:llamara|llamaran|llamase|hablara|hablaran|marcara)\b",
    re.IGNORECASE,
)


def asks_for_a_call(text: str) -> bool:
    """Someone should phone the person (or their relative): a callback request, even
    inside a long message about their situation; never a question about whom to call
    or a message about emergency services."""
    if (
        _WHOM_TO_CALL.search(text)
        or _SOMEONE_ELSE_WILL_CALL.search(text)
        or _WILL_CALL_BACK_THEMSELVES.search(text)
        or _THEIR_OWN_DOCTOR_CALLS_BACK.search(text)
    ):
        return False
    return bool(_CALLBACK.search(text) or _CALL_MOVED.search(text) or _CALL_ES.search(text))


# "no that's wrong, the number ends in 0178, not 0187" after the saved request was read back
# (caller role-play round 34: the detox offer): the callback questions again, for the number
_FIXES_THE_NUMBER = re.compile(
    r"\b(?:phone\s+)?number\b[^.?!]{0,30}\b(?:is\s+wrong|wrong|ends?\s+(?:in|with)|should\s+(?:be|end)|"
    r"is\s+actually|isn'?t\s+right|not\s+right)\b|"
    r"\b(?:fix|change|correct|update)\s+(?:the|my|that)\s+(?:phone\s+)?number\b|"
    r"\bel\s+n[uú]mero\s+(?:est[aá]\s+mal|termina\s+en|es\s+otro)\b",
    re.IGNORECASE,
)


def fixes_the_callback_number(text: str) -> bool:
    """The number for a call is said to be wrong, or asked to be changed."""
    return bool(_FIXES_THE_NUMBER.search(text))


def asks_for_a_call_after_all(text: str) -> bool:
    """A sentence asks for a call, besides one that says they will call someone: "ok. ill
    call them. can someone from your program call me tomorrow too" (blind v25, read in
    round 31: "No call is set up, so you won't get one", after 988 was agreed)."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+|\n+", text) if p.strip()]
    return len(parts) > 1 and any(
        asks_for_a_call(p) and not cancels_a_call(p) and not _WHOM_TO_CALL.search(p) for p in parts
    )


# "ugh my doctor takes forever to call back. just tell me roughly what's safe" (blind v22:
# the callback questions): someone else's calls, not one asked for here
_THEIR_OWN_DOCTOR_CALLS_BACK = re.compile(
    r"\b(?:my|the|his|her|their)\s+(?:doctor|doc|dr|pcp|psychiatrist|therapist|counselor|prescriber|"
    r"lawyer|attorney|po|probation\s+officer|caseworker|case\s+worker)\s+(?:\w+\s+){0,3}?"
    r"(?:call\w*\s+(?:me\s+)?back|return\w*\s+(?:my\s+)?calls?)\b",
    re.IGNORECASE,
)


# "I have to go, I'll call back another time" (caller role-play round 28: "Sure, I can ask our
# help line to call you"): they will phone, no call is wanted
_WILL_CALL_BACK_THEMSELVES = re.compile(
    r"\b(?:i'?ll|ill|i\s+will|i'?m\s+(?:gonna|going\s+to)|im\s+(?:gonna|going\s+to)|we'?ll)\s+"
    r"(?:just\s+)?call\s+(?:back|you\s+back|y'?all\s+back|again|you|y'?all|them|the\s+(?:number|help\s*line)|"
    # "ill call from my work phone tomorrow. deleting this now" (family role-play round 28, a
    # wife whose husband checks her phone: "Should they call the number you're texting from?")
    r"from\s+(?:my|a|her|his)\s+\w+(?:\s+phone)?|tomorrow|later|in\s+the\s+morning)\b"
    r"(?![^.?!]{0,30}\b(?:can|could|will)\s+(?:you|someone|they)\b)",
    re.IGNORECASE,
)


# "ill have my mom call them" (family role-play round 24: a callback for the sister): a
# relative will phone the help line, so the number, not a call to this person
_SOMEONE_ELSE_WILL_CALL = re.compile(
    r"\b(?:i'?ll|ill|i\s+will|i'?m\s+(?:gonna|going\s+to)|im\s+(?:gonna|going\s+to))\s+(?:have|get|ask|tell)\s+"
    r"(?:my|her|his|our)\s+\w+\s+(?:to\s+)?call\s+(?:them|you|y'?all|u|the\s+(?:number|help\s*line))\b",
    re.IGNORECASE,
)


SCREENING_INTENT = "request_detox_screening"
_SCREENING = re.compile(
    r"\b(?:do|does|will|would|should|might)\s+(?:i|he|she|they|we|my\s+\w+)\s+"
    r"(?:need|have\s+to\s+(?:go\s+to|do|start\s+with))\s+(?:a\s+|to\s+)?(?:medical\s+)?detox\b|"
    r"\bdetox\s+(?:first\s+)?(?:questions|screening|screener|check|quiz|test)\b|"
    r"\b(?:do|start|run|take|begin|try)\s+(?:the|a|that|those|your)\s+(?:detox\s+)?"
    r"(?:screening|screener|questions|check)\b|\bscreen\s+(?:me|him|her|them)\b|"
    r"\b(?:need|needs)\s+detox\s+(?:first|before)\b|"
    # "i need to know if my husband has to do a detox first before i bring him in" (blind
    # v21, voice: the privacy answer)
    r"\b(?:needs?|has\s+to|have\s+to|gotta)\s+(?:do\s+|go\s+to\s+|get\s+)?(?:a\s+|the\s+)?(?:medical\s+)?"
    r"detox\s+(?:first|before)\b|"
    r"\b(?:if|whether)\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:needs?|has\s+to|have\s+to|should)\s+"
    r"(?:do\s+|go\s+to\s+|get\s+)?(?:a\s+|the\s+)?(?:medical\s+)?detox\b|"
    # "not an emergency just wondering if that means i need detox" (blind v15: a plain no)
    r"\b(?:wondering|asking|want\s+to\s+know|wanna\s+know|not\s+sure)\s+(?:if|whether)\s+(?:that|this|it)?\s*"
    r"(?:means|mean)?\s*(?:i|he|she|they|we|my\s+\w+)\s+(?:need|needs|should\s+(?:do|go\s+to|get))\s+"
    r"(?:a\s+|to\s+)?(?:medical\s+)?detox\b|"
    # "should i go to detox before iop" (tests/conversations: read as "do you offer detox")
    r"\bshould\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:go\s+to|do|start\s+with|get)\s+(?:a\s+)?(?:medical\s+)?"
    r"detox\s+(?:first|before)\b|"
    # "am i supposed to do detox first? can u check" (v8)
    r"\b(?:am|is|are)\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:supposed|meant)\s+to\s+(?:do|go\s+to|start\s+with)\s+"
    r"(?:a\s+)?detox\b|"
    # "i shake in the morning til i drink, should i do detox", "do i need to be medically
    # supervised", "do i need medical help to come off benzos", "could quitting at home hurt
    # him" (held-out set: a story of use, the check-in question)
    r"\bshould\s+(?:i|he|she|they|we|my\s+\w+)\s+(?:do|go\s+to|get|try)\s+(?:a\s+)?(?:medical\s+)?detox\b|"
    r"\b(?:do|does|will|would)\s+(?:i|he|she|they|we|my\s+\w+)\s+need\s+(?:to\s+be\s+)?(?:medically\s+supervised|"
    r"medical\s+supervision|(?:medical|a\s+doctor'?s)\s+help\s+to\s+(?:come\s+off|get\s+off|stop|quit))\b|"
    r"\b(?:could|can|would|will|might)\s+(?:quitting|stopping|coming\s+off)\b[^.!?]{0,30}\b(?:hurt|harm|kill)\s+"
    r"(?:him|her|them|me|you)\b|"
    # "my daughter said you could ask some questions about whether somebody needs the detox"
    # (blind v18 voice, read in round 24: the "we don't offer detox" answer)
    r"\bask\s+(?:me\s+|him\s+|her\s+)?(?:some|a\s+few|the|those|a\s+couple(?:\s+of)?)\s+questions\b[^.!?]{0,40}"
    r"\b(?:needs?|need\s+to\s+(?:go\s+to|do))\s+(?:the\s+|a\s+)?(?:medical\s+)?detox\b|"
    r"\bdetox\s+first\b[^.!?]{0,20}[.!?]?\s*(?:can|could|will)\s+(?:u|you)\s+(?:check|see|tell)"
    r"(?:\s+(?:for\s+me|please|pls|me))?\s*[?.!]*\s*$|"
    # Spanish (blind es-v10, read in round 25: "necesito saber si tengo que ir a detox o puedo
    # entrar directo", "las preguntas esas de si necesito detox" got the dosing answer or the
    # Spanish welcome): whether someone needs detox, not whether it is offered
    r"\b(?:si|como\s+s[eé]\s+si|saber\s+si)\s+(?:yo\s+|[eé]l\s+|ella\s+|mi\s+\w+\s+)?"
    r"(?:necesito|necesita|tengo\s+que|tiene\s+que|debo|debe|deber[ií]a)\s+(?:ir\s+a\s+|hacer\s+|pasar\s+por\s+)?"
    r"(?:un\s+|una\s+|el\s+|la\s+)?(?:detox|desintox\w*)\b|"
    r"\bpreguntas\s+(?:esas\s+)?(?:de|del|sobre|para)\s+(?:saber\s+)?(?:si\s+)?(?:\w+\s+){0,3}(?:detox|desintox\w*)\b|"
    r"\b(?:necesito|necesita|tengo\s+que|tiene\s+que)\s+(?:ir\s+a\s+)?(?:un\s+|el\s+)?(?:detox|desintox\w*)\s+"
    r"(?:primero|antes)\b",
    re.IGNORECASE,
)


# "I don't want to do the screening anymore" (v19: the screening again)
_DOES_NOT_WANT = re.compile(
    r"\b(?:don'?t|do\s+not|dont|no\s+longer|not\s+gonna|not\s+going\s+to)\s+(?:want\s+to\s+|wanna\s+)?"
    r"(?:do|take|finish|continue|answer)\b|\b(?:stop|quit|skip|cancel)\s+(?:the|this|these|those)\s+"
    r"(?:detox\s+)?(?:screening|questions)\b",
    re.IGNORECASE,
)


def asks_for_screening(text: str) -> bool:
    """ "Do I need detox first?", "can you run the detox questions for her": the screening."""
    return bool(_SCREENING.search(text)) and not _DOES_NOT_WANT.search(text)


_WORRY = re.compile(
    r"\b(?:scared|worried|afraid|terrified|concerned|frightened|freaking out)\b", re.I
)
_ONGOING_USE = re.compile(
    r"\b(?:drink\w*|using|use|pills?|high|meth|heroin|fent\w*|opioids?|coke|weed|benzos?|xanax|"
    r"alcohol\w*|booze|addict\w*|can'?t stop|cant stop|quit)\b",
    re.I,
)


# "my dad passed away from liver disease, I don't want that to be me" (tests/safety: a
# look-alike the retrained classifier read as a sure crisis, round 15)
_NOT_LIKE_THEM = re.compile(
    r"\b(?:don'?t|dont|do\s+not)\s+want\s+(?:that|this|it)\s+to\s+(?:be|happen\s+to)\s+me\b|"
    r"\b(?:don'?t|dont|do\s+not)\s+want\s+to\s+end\s+up\s+like\s+(?:him|her|them|my\s+\w+)\b",
    re.I,
)


# "my daughter is 24 and using coke again... money is missing from my purse. i dont know what
# to do anymore", "my dad drinks every single night, has for years" (v14: the classifier's
# sure crisis, the 911 reply to a parent and a son looking for a program)
# the people someone asks for (also the screening's "for my brother", actions/screening.py)
RELATIVE = (
    r"(?:son|daughter|husband|wife|boyfriend|girlfriend|bf|gf|partner|brother|sister|mom|mother|dad|"
    r"father|kid|child|grandson|granddaughter|nephew|niece|fiance|fiancee|roommate|friend|hijo|"
    r"hija|esposo|esposa|marido|novio|novia|hermano|hermana|mama|madre|papa|padre|nieto|nieta|"
    r"amigo|amiga)"
)
_MY_RELATIVE = re.compile(rf"\b(?:my|our)\s+(?:\w+\s+)?{RELATIVE}\b", re.I)
_HABIT = re.compile(
    r"\b(?:every\s+(?:single\s+)?(?:night|day|weekend|morning)|for\s+(?:years|months)|again|"
    r"all\s+the\s+time|nightly|daily|has\s+been\s+(?:drinking|using)|relapsed)\b",
    re.I,
)


# things found: "My son is 19 and I found pills and foil in his room" (regression
# parent-found-pills, after the round 28 retrain: the classifier's sure crisis)
_FOUND_THINGS = re.compile(
    r"\b(?:found|find|finding|came\s+across|discovered|encontr[eé])\b[^.!?]{0,30}\b(?:pills?|foil|needles?|"
    r"syringes?|a\s+pipe|pipes|baggies|bags?\s+of|powder|spoons?|straws?|vapes?|carts?|bottles?|"
    # "un monton de esas capsulitas plateadas en el cuarto de mi hijo y unos globos" (nitrous;
    # blind es-v16, read in round 31: the classifier's crisis, the 911 reply)
    r"whippets?|chargers?|canisters?|balloons?|capsulitas?|globos|"
    r"pastillas|jeringas?|bolsitas?)\b[^.!?]{0,40}\b(?:room|car|bag|backpack|drawer|stuff|closet|"
    r"pocket|purse|cuarto|mochila|carro)\b",
    re.I,
)


# "he drinks every night like a lot and now hes saying he wants to stop" (blind v25, read in
# round 31: the classifier's crisis, the 911 reply to a wife): the one using named by a pronoun
_THEIR_HABIT = re.compile(
    r"\b(?:he|she|hes|shes|he'?s|she'?s)\s+(?:\w+\s+){0,2}?(?:drinks|uses|smokes|takes|drinking|using|smoking)\b",
    re.I,
)
_MI_RELATIVE = re.compile(rf"\b(?:mi|nuestr[oa]|de\s+mi)\s+(?:\w+\s+)?{RELATIVE}\b", re.I)
# "i been taking my pain pills with a glass of wine or two at night and um more pills than the
# doctor said" (blind v25, read in round 31, voice: the 911 reply): their own habit, told
_OWN_HABIT = re.compile(
    r"\b(?:i'?ve|ive|i\s+have|i)\s+(?:been\s+)?(?:taking|drinking|using|smoking|mixing)\b[^.!?]{0,80}"
    r"\b(?:every\s+(?:single\s+)?(?:night|day|morning|evening)|at\s+night|nightly|daily|for\s+(?:years|months|weeks)|"
    r"more\s+(?:than|pills\s+than)\s+(?:the\s+|my\s+)?(?:doctor|prescribed|i\s+should))\b",
    re.I,
)


def tells_of_a_relatives_habit(text: str) -> bool:
    """A relative's use, told as a habit ("every night", "again", "for years"), or things
    found in their room: a family story (the caller checks that no danger is told with it)."""
    relative = _MY_RELATIVE.search(text) or _MI_RELATIVE.search(text)
    if relative and _FOUND_THINGS.search(text):
        return True
    if _THEIR_HABIT.search(text) and _HABIT.search(text):
        return True
    return bool(relative and _ONGOING_USE.search(text) and _HABIT.search(text))


def tells_of_their_own_habit(text: str) -> bool:
    """Their own use, told as a habit ("every night", "more than the doctor said")."""
    return bool(_OWN_HABIT.search(text))


def is_worried_disclosure(text: str) -> bool:
    """Someone scared about ongoing use ("I'm scared I can't stop"), or about ending up like
    a relative: they need an answer and a next step; the crisis lexicon still catches
    danger words in the same text."""
    return bool(_WORRY.search(text) and _ONGOING_USE.search(text)) or bool(
        _NOT_LIKE_THEM.search(text)
    )


# "he is odd", "my brother is so weird lately", "mi hijo anda raro" (left open in round 32:
# the classifier's sure crisis; round 35's crisis look-alikes): a relative's worry, no danger
_ODD_BEHAVIOUR = re.compile(
    r"^\W*(?:(?:and|but|also|honestly|idk|like)\W+)?"
    r"(?:he|she|they|(?:my|our)\s+(?:\w+\s+)?\w+|mi\s+\w+|el|ella)"
    r"(?:'s|s|\s+is|\s+has\s+been|\s+been|\s+acts|\s+is\s+acting|\s+has\s+been\s+acting|\s+seems|"
    r"\s+are|\s+anda|\s+esta|\s+est[aá])"
    r"(?:\s+(?:so|really|kinda|kind\s+of|very|super|a\s+bit|a\s+little|acting|just|muy|bien|medio))*"
    r"\s+(?:odd|weird|strange|off|different|not\s+(?:himself|herself|themselves)|raro|rara|extra[nñ]o|extra[nñ]a)"
    r"(?:\s+(?:lately|recently|these\s+days|now|ultimamente|[uú]ltimamente))?\W*$",
    re.IGNORECASE,
)


def describes_odd_behaviour(text: str | None) -> bool:
    """A relative who finds someone odd or not themselves lately, and says nothing more."""
    return bool(_ODD_BEHAVIOUR.match(" ".join(str(text or "").split())))


REPEAT_INTENT = "repeat_last"
MAX_REPEAT_WORDS = 16
_BARE_WHAT = re.compile(r"^\W*(?:sorry\W+|wait\W+)?(?:what|huh)\W*$", re.IGNORECASE)
_REPEAT = re.compile(
    rf"^{_FILLER}(?:(?:i'?m\s+|im\s+)?sorry(?:\s+(?:dear|hon|honey|ma'?am|sir))?\W+)?"
    # "perdon, me puede repetir el numero mas despacio, lo estoy apuntando", "el numero de
    # ustedes, repitalo por favor" (Spanish role-play round 30: the 911 script, twice)
    r"(?:perd[oó]n\W+|el\s+n[uú]mero(?:\s+de\s+ustedes)?\W+)?"
    r"(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+)?"
    r"(?:say\s+(?:that|it|this)(?:\s+(?:last|first)\s+(?:part|bit|thing))?\s+(?:again|one\s+more\s+time)|"
    r"repeat(?:\s+(?:that|it|yourself|the\s+last\s+part))?|"
    r"what\s+was\s+that|what\s+did\s+(?:you|u)\s+(?:just\s+)?say|come\s+again|pardon(?:\s+me)?|"
    r"(?:i\s+)?(?:didn'?t|did\s+not|didnt)\s+(?:catch|hear|get)\s+(?:that|it|you|any\s+of\s+that|"
    r"all\s+of\s+that|the\s+last\s+part)|"
    r"one\s+more\s+time|again\s+please|say\s+again|huh|(?:sorry\s+)?what|"
    # "slower please, I'm writing it" (caller role-play round 19: a menu)
    r"(?:a\s+(?:little|bit)\s+)?(?:slower|more\s+slowly|louder)(?:\s+please)?(?:\W+(?:i'?m|im)\s+"
    r"(?:writing|trying\s+to\s+write|getting\s+a\s+pen)(?:\s+(?:it|this|that))?(?:\s+down)?)?|"
    # Spanish (role-play round 16: "repita por favor" transferred the call)
    r"(?:me\s+(?:lo\s+)?(?:puede|podr[ií]a)\s+)?repet(?:ir|irlo)|rep[ií]ta(?:me|lo|melo)?|"
    r"(?:perd[oó]n\W+)?(?:c[oó]mo|qu[eé])\s+dijo|otra\s+vez(?:\s+por\s+favor)?|no\s+le\s+(?:entend[ií]|o[ií]))"
    rf"(?:[\s,]+(?:a\s+(?:little|bit)\s+)?(?:slower|slowly|louder|please|for\s+me|por\s+favor|"
    # "What, dear?" (caller role-play round 26: the clarifying menu, then that menu repeated)
    r"dear|hon|honey|sweetie|sweetheart|ma'?am|sir|son|mija|mijo|se[nñ]orita|"
    r"m[aá]s\s+despacio|m[aá]s\s+lento|m[aá]s\s+fuerte|el\s+n[uú]mero|"
    r"lo\s+estoy\s+(?:apuntando|anotando|escribiendo)))*"
    rf"{_FILLER}$",
    re.IGNORECASE,
)


# "too long", "shorter pls", "tl;dr", "mas corto" after a long reply (texter briefs, blind
# round 28 lean-towards): the last answer again, its first sentences only (actions/repeat.py)
_SHORTER = re.compile(
    r"^\W*(?:(?:ok|okay|ugh|bro|lol|um+|pls|please)\W+)?(?:"
    r"(?:(?:that'?s|thats|its|it'?s|way|muy)\s+)*(?:too|so|demasiado|muy)\s+(?:long|largo)"
    r"(?:\s+(?:to\s+read|for\s+a\s+text|didn'?t\s+read|no\s+lo\s+le[ií]))?|"
    r"tl\W?dr|shorter|(?:the\s+)?short\s+version|in\s+short|"
    r"(?:(?:can|could)\s+(?:you|u)\s+)?(?:make\s+it|say\s+it|keep\s+it)\s+(?:shorter|short|brief)|"
    r"m[aá]s\s+corto|en\s+corto|resumido|res[uú]me(?:lo|melo)?)"
    r"(?:\W+(?:pls|plz|please|por\s+favor|porfa|thx|lol|bro))*\W*$",
    re.IGNORECASE,
)


def asks_for_shorter(text: str | None) -> bool:
    """The last reply asked for again, shorter ("too long", "shorter pls", "mas corto")."""
    cleaned = " ".join(str(text or "").strip().split())
    return bool(_SHORTER.match(cleaned)) and len(cleaned.split()) <= 8


_THEN_WHAT = re.compile(
    r"^\W*(?:and\s+|so\s+|ok\s+|okay\s+)?then\s+what\W*$|^\W*what\s+(?:then|next|after(?:\s+that)?)\W*$",
    re.IGNORECASE,
)


def asks_to_repeat(text: str) -> bool:
    """ "what was that?", "can you say that again, a little slower", or that as the last
    sentence ("oh, hello, i'm sorry, i didn't, um... what was that?"); not "say that
    number again" (the help line's number is asked for another way)."""
    cleaned = " ".join(text.strip().split())
    sentences = _SENTENCE_BREAK.split(cleaned)
    if _THEN_WHAT.match(sentences[-1]):
        return False  # "6 weeks left. then what?" (v19): what comes next, not "say again"
    if _REPEAT.match(cleaned) or _REPEAT.match(sentences[-1]):
        return True
    # "Sorry, what? Can you say that again? The TV was on." (caller role-play 2026-12-05:
    # a menu, twice): a short message with a request to repeat in it
    # ("what?" or "huh?" before a question is surprise, not a request to repeat)
    if len(cleaned.split()) > MAX_REPEAT_WORDS:
        return False
    # run together, unpunctuated (v14, voice): "what what was that i didn't catch it can you
    # say that again", "pardon me could you say that again a little slower"
    return any(_REPEAT.match(s) and not _BARE_WHAT.match(s) for s in sentences) or bool(
        _SAY_IT_AGAIN.search(cleaned)
    )


_SAY_IT_AGAIN = re.compile(
    r"\b(?:say|read)\s+(?:that|it|this)\s+(?:again|one\s+more\s+time)\b(?!\s+(?:the\s+)?number)|"
    r"\b(?:didn'?t|did\s+not|didnt)\s+(?:catch|hear)\s+(?:that|it|you)"
    r"(?=\W*$|\W+(?:can|could|would|please|what|sorry|come)\b)",
    re.IGNORECASE,
)


# Texting yes and no (role-play 2026-12-04: "ya" to the callback offer left it, "ye" got
# the same question again with no sign it was not understood; "yea" worked). The whole
# message is the word, give or take "pls"/"thx" and punctuation.
_TEXTING_YES = re.compile(
    r"^\W*(?:ya|ye|yea|yeh|yah|yas+|yess+|yesh|yh|ys|yse|yup|yep|yeap|yupp|k|kk|okk|oki|okey|okie|"
    r"ya\s+sure|ye\s+sure|sure\s+thing|ok\s+sure|yes\s+yes|ya\s+ya|"
    # a hedged yes is a yes ("ya kinda" to "are you thinking about ending your life?",
    # texter role-play 2026-12-04, late)
    r"(?:ya|ye|yea|yeah|yes|yep|yh)\s+(?:kinda|kind\s+of|sorta|sort\s+of|i\s+guess|maybe|a\s+little|"
    r"lowkey|a\s+bit|sometimes)|"
    # "ok lets do it" to an offer (regression after the round 32 retrain: the clarifying menu)
    r"(?:(?:ok|okay|sure|yes|yeah|ya|alright|k)\W+)?(?:let'?s|lets)\s+(?:do\s+(?:it|this|that)|go|start))"
    r"(?:\W+(?:pls|plz|please|thx|thanks|ty))?\W*$"
)
_TEXTING_NO = re.compile(r"^\W*(?:nah|naw|nah+|nope|nop|no\s+thx|nah\s+thx|nah\s+thanks|n)\W*$")


_QUESTIONS_STOP = re.compile(
    rf"^{_FILLER}(?:forget|skip|drop|stop|no\s+more|never\s?mind|nvm)\s+(?:the\s+|these\s+|all\s+(?:the\s+|these\s+)?|"
    r"your\s+)?questions\b",
    re.IGNORECASE,
)


# "forget it, I don't wanna do the questions right now" (v11 b-09), anywhere in the message
_NO_MORE_QUESTIONS = re.compile(
    r"\b(?:i\s+)?(?:don'?t|dont|do\s+not)\s+(?:wanna|want\s+to|feel\s+like)\s+(?:do(?:ing)?|answer(?:ing)?)\s+"
    r"(?:the\s+|these\s+|any\s+(?:more\s+)?|more\s+|your\s+)?questions\b|"
    r"\b(?:forget|skip|drop|stop)\s+(?:the|these|all\s+(?:the|these)|your)\s+questions\b|"
    # "stop. I don't want the questions" (caller role-play round 37: the next question came)
    r"\b(?:i\s+)?(?:don'?t|dont|do\s+not)\s+(?:want|need)\s+(?:the|these|any|your|more|any\s+more)\s+questions\b|"
    r"\bno\s+more\s+questions\b|"
    # "I said forget it" (caller role-play round 37: read as the answer to how often)
    r"^\W*(?:i\s+said|i\s+told\s+you|like\s+i\s+said)\W+(?:forget\s+it|never\s?mind|nvm|stop|enough)\W*$|"
    # "never mind that. I'm just asking should I get the nurse" (same call: taken as an answer)
    r"^\W*never\s?mind(?:\s+(?:that|this|all\s+that))?\W+i'?m\s+(?:just|only)\s+asking\b|"
    # v12: "this is a lot of questions. can we skip this, i just want the phone number"
    # (not "do i need detox ... or can i skip it", blind v25, read in round 31: the stop)
    r"(?<!\bor\s)\b(?:can|could)\s+(?:we|i)\s+(?:just\s+)?skip\s+(?:this|these|that|it|all\s+this)\b"
    r"(?![^.!?]{0,20}\b(?:detox|rehab)\b)|"
    # "sabes que no, ya no quiero seguir con las preguntas" (blind es-v16, read in round 31:
    # the questions went on)
    r"\bno\s+quiero\s+(?:seguir|contestar|responder)\s+(?:con\s+)?(?:las|estas|sus|mas)\s+preguntas\b|"
    r"\b(?:ya\s+)?no\s+(?:mas|m\u00e1s)\s+preguntas\b|\bdejemos\s+(?:las|estas)\s+preguntas\b|"
    # "i'd like to end these questions now", "ugh never mind all that"
    r"\b(?:end|quit|finish\s+with|be\s+done\s+with)\s+(?:these|the|this|your)\s+questions\b|"
    r"^\W*(?:ugh+\W+|ok\W+|okay\W+)?never\s*mind\s+all\s+(?:that|this|of\s+(?:that|this|it))\W*$|"
    r"\b(?:too\s+many|a\s+lot\s+of|so\s+many)\s+questions\b[^.!?]{0,40}\b(?:skip|stop|done|enough)\b",
    re.IGNORECASE,
)


def stops_the_questions(text: str) -> bool:
    """ "actually forget the questions. I'll just call the number.": the form ends, whatever
    follows (read before "I'll just call" can be taken for "don't call me")."""
    cleaned = " ".join(text.strip().split())
    return bool(_QUESTIONS_STOP.match(cleaned) or _NO_MORE_QUESTIONS.search(cleaned))


def texting_yes_no(text: str | None) -> str | None:
    """``"affirm"``/``"deny"`` for a texted yes or no ("ya", "ye", "k", "nah"), else None."""
    cleaned = " ".join(str(text or "").lower().split())
    if _TEXTING_YES.match(cleaned):
        return "affirm"
    if _TEXTING_NO.match(cleaned):
        return "deny"
    return None


# a person now, not a call later: "can i get someone on the phone please", "who can i call to
# talk this through" (held-out set: the callback questions)
_A_PERSON_NOW = re.compile(
    r"\b(?:get|put)\s+(?:some\s*(?:one|body)|a\s+(?:real\s+)?(?:person|human))\s+on\s+the\s+(?:phone|line)\b|"
    r"\bwho\s+(?:can|could|should|do)\s+i\s+(?:call|talk\s+to|speak\s+(?:to|with))\b"
    r"(?![^.?!]{0,40}\b(?:overdos\w*|od'?s|od|emergency|stops?\s+breathing|seiz\w*|dies|hurts?))",
    re.IGNORECASE,
)


def asks_for_a_person_now(text: str) -> bool:
    """A person to talk to now (the number, or a transfer), not a callback."""
    return bool(_A_PERSON_NOW.search(text))


# "is an actual counselor answering me", "is a real person reading this" (held-out set: read
# as a request for a person): whether this is a bot
# a hello with only a preamble after it: "hi im hoping someone can answer a few things",
# "hey, first time using this chat", "hi 😊 i saw the link on your site" (round 27 retrain:
# read as a callback request or the chat-privacy answer): the greeting and what we can do
_GREETING_PREAMBLE = re.compile(
    r"^\W*(?:(?:hi|hey|hello|hiya|howdy|good\s+(?:morning|afternoon|evening)|top\s+of\s+the\s+morning)"
    r"(?:\s+(?:there|all|yall|y'?all|everyone))?[\W_]*)"
    r"(?:(?:i'?m|im|i\s+am)\s+(?:hoping|wondering|new\s+here|just\s+looking|looking\s+for\s+(?:some\s+)?(?:info|help))"
    r"[^?]{0,40}|first\s+time\s+(?:using|here|on|doing)[^?]{0,20}|i\s+(?:saw|found)\s+(?:the|a|your|this)\s+"
    r"(?:link|site|website|ad|number|page)[^?]{0,30}|i\s+(?:have|got)\s+(?:a\s+few|some|a\s+couple(?:\s+of)?|a)\s+"
    r"(?:questions?|things\s+to\s+ask)|quick\s+question)?[\W_]*$",
    re.IGNORECASE,
)


def is_greeting_preamble(text: str) -> bool:
    """Hello, and nothing asked yet."""
    return bool(_GREETING_PREAMBLE.match(text.strip()))


# "could you expand a bit", "dig into that a bit more", "whats the rest of it" (round 27
# retrain: other answers): more about the last answer
_ASKS_MORE = re.compile(
    r"^\W*(?:(?:and|ok|okay|so|um+)\W+)?(?:could|can|would|will)\s+(?:you|u)\s+(?:please\s+)?"
    r"(?:expand|elaborate|say\s+more|explain\s+(?:more|further|that\s+more)|go\s+deeper)"
    r"(?:\s+(?:a\s+bit|a\s+little|on\s+(?:that|it|this)|more))*\W*$|"
    r"^\W*(?:dig|go)\s+(?:into|deeper\s+into|further\s+into)\s+(?:that|it|this)(?:\s+(?:a\s+bit|a\s+little|more))*\W*$|"
    r"^\W*(?:and\s+)?what'?s\s+the\s+rest(?:\s+of\s+(?:it|that))?\W*$|^\W*whats\s+the\s+rest(?:\s+of\s+(?:it|that))?\W*$",
    re.IGNORECASE,
)


# "y luego?", "ok y ahora que?", "what's the next step" right after an answer (blind es-v21
# and Spanish role-play round 37: a menu, or "ok y luego" read as a goodbye): the next step
# is how to start ("now what", "y ahora qué" stay out: after a crisis reply they are a call
# made; right after a crisis reply this is the crisis reply again, rasa_hooks/crisis_context.py)
_ASKS_THE_NEXT_STEP = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|y|bueno|entonces|pues|va)\W+)*(?:y\s+)?(?:luego|"
    r"qu[eé]\s+sigue|cu[aá]l\s+es\s+el\s+(?:siguiente|pr[oó]ximo)\s+paso|el\s+siguiente\s+paso|"
    r"(?:and\s+)?what'?s\s+next|whats\s+next|what\s+is\s+next|"
    r"(?:what'?s|whats|what\s+is)\s+the\s+next\s+step|next\s+step|and\s+then)\W*$",
    re.IGNORECASE,
)
# "va", "ta bien", "sale pues" (Spanish role-play: "va" read as a no, "ta bien" as a goodbye)
SPANISH_OK = re.compile(
    r"^\W*(?:va|va\s+pues|sale|sale\s+pues|[oó]rale(?:\s+pues)?|[aá]ndale|sim[oó]n|ta\s+bien|"
    r"est[aá]\s+bien|okis|vale|dale|ok\s+va)\W*$",
    re.IGNORECASE,
)


def asks_the_next_step(text: str) -> bool:
    """A bare "and then?" / "y luego?": what to do next, which is how to start."""
    return bool(_ASKS_THE_NEXT_STEP.match(" ".join(text.split())))


def says_ok_in_spanish(text: str) -> bool:
    """A Spanish "ok" that the classifier reads as a no or a goodbye."""
    return bool(SPANISH_OK.match(" ".join(text.split())))


def asks_for_more(text: str) -> bool:
    """More about the last answer, in other words than "tell me more"."""
    return bool(_ASKS_MORE.match(text.strip()))
