"""Relatives asking about their loved one's privacy or relapse, in their own words.

"since he's 19 would you guys tell me what he says in there or no", "y si el entra ustedes me
van a decir como va?" (blind v24/es-v15, read in round 30) got the what-is-IOP answer or the
program's privacy answer worded for the patient ("can't be shared unless you say yes"). A
relative needs it the other way round: what the program may tell them (only with the adult's
written consent, 42 CFR Part 2), that they can still call and share what they know, and that
family groups support them. "what if he relapses after" needs the same turn: relapse is common,
IOP fits after one, and support for them. The control gate says these instead of the usual
answers (``language/nlg.py`` INSTEAD); a minor's guardian keeps its own answer.
"""

from __future__ import annotations

import re

_SOMEONE = (
    r"(?:he|she|they|him|her|them|hes|shes|he'?s|she'?s|my\s+(?:\w+\s+)?(?:son|daughter|kid|child|husband|wife|"
    r"partner|boyfriend|girlfriend|brother|sister|mom|mother|dad|father|grandson|granddaughter|"
    r"nephew|niece|friend|fiance|fiancee|loved\s+one)|el|ella|mi\s+(?:hijo|hija|esposo|esposa|"
    r"marido|novio|novia|hermano|hermana))"
)
_TOLD_ABOUT = re.compile(
    r"\b(?:would|will|can|could|do|does)\s+(?:you|u|y'?all|you\s+guys|the\s+(?:program|staff|"
    r"counselors?|therapists?))\s+(?:\w+\s+){0,2}?(?:tell|update|inform|call|let)\s+(?:me|us)\b|"
    r"(?<!\bhow\s)\b(?:will|would|can|could|do)\s+(?:i|we)\s+(?:\w+\s+){0,3}?(?:know|find\s+out|hear|be\s+told|"
    r"get\s+(?:told|updates?|informed)|see\s+(?:his|her|their|them)(?:\s+(?:\w+\s+){0,2}?(?:records?|progress|results|uas|tests?))?)\b|"
    r"\b(?:keep|kept)\s+(?:me|us)\s+(?:in\s+the\s+loop|posted|updated|informed)\b|"
    r"\b(?:me|nos)\s+(?:van\s+a\s+|pueden\s+|podrian\s+)?(?:decir|contar|informar|avisar)\w*\s+"
    r"(?:como\s+va|como\s+le\s+va|si\s+va|lo\s+que|de\s+su|sobre)\b",
    re.IGNORECASE,
)
# a release asked about, or a counsellor who won't say ("what if he signs something that says
# you can talk to me", "the counselor wont tell me anything. is that even legal??"; blind v25,
# read in round 31: the naloxone answer, a menu)
_RELEASE_OR_REFUSAL = re.compile(
    r"\bsign\w*\s+(?:\w+\s+){0,4}?(?:so|that|saying|says)\s+(?:\w+\s+){0,4}?(?:talk|speak)\s+to\s+(?:me|us)\b|"
    r"\bsign\w*\s+(?:a\s+|the\s+)?(?:release|consent|roi|waiver)\s+(?:for|to)\s+(?:me|us)\b|"
    r"\bsign\w*\s+(?:a\s+|the\s+)?(?:release|consent|roi|waiver)\b[^.?!]{0,60}\b(?:talk|speak|tell|update)\w*\s+"
    r"(?:to\s+|with\s+)?(?:me|us)\b|"
    r"\b(?:release|consent)\s+(?:form\s+)?(?:so|that)\s+(?:\w+\s+){0,3}?(?:talk|speak)\s+to\s+(?:me|us)\b|"
    r"\b(?:counsel+or|therapist|program|staff|they|nobody|no\s+one)\s+(?:wont|won'?t|will\s+not|doesnt|doesn'?t|"
    r"refuses\s+to|refused\s+to)\s+(?:tell|say|talk\s+to|update)\s+(?:me|us)\s+(?:anything|nothing|a\s+thing)\b|"
    # "i pay for his phone and his car, i feel like i should know" (family role-play round 31:
    # the classifier's crisis, the 911 reply)
    r"\bi\s+(?:feel\s+like\s+i\s+|think\s+i\s+)?(?:should|deserve\s+to|have\s+(?:a|the)\s+right\s+to)\s+"
    r"(?:get\s+to\s+|be\s+able\s+to\s+)?(?:know|be\s+told|hear)\b|"
    r"\b(?:don'?t|dont)\s+i\s+have\s+(?:a|the)\s+right\s+to\s+know\b|"
    # "y a mí me van a decir si falta o si sale positivo" (blind es-v16, read in round 31)
    r"\b(?:a\s+m[ií]\s+)?me\s+(?:van\s+a|va\s+a|pueden|podr[aá]n)\s+(?:decir|avisar|informar)\s+si\s+"
    r"(?:falta|sale|no\s+va|deja|recae|usa|toma)\b",
    re.IGNORECASE,
)
_WHAT_OF_THEM = re.compile(
    rf"\b(?:what|how|if|whether|when)\s+{_SOMEONE}\b|\babout\s+{_SOMEONE}\b|"
    rf"\b(?:{_SOMEONE}\s*(?:'s|s)?|his|their)\s+(?:\w+\s+){{0,2}}?(?:progress|records?|attendance|results?|tests?|uas)\b|"
    rf"\b(?:since|cuz|because|bc)\s+{_SOMEONE}\b|\b(?:como\s+va|como\s+le\s+va|si\s+va)\b",
    re.IGNORECASE,
)
_MINOR_WORDS = re.compile(
    r"\b(?:1[2-7]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\s*(?:years?|yrs?|yo|y/o)?"
    r"(?:\s*-?\s*old)?\b(?![.,]?\d)|\bunder\s+18\b|\bminor\b|\bteen(?:ager)?\b|\bmenor\s+de\s+edad\b",
    re.IGNORECASE,
)


def asks_what_family_is_told(text: str | None) -> bool:
    """A relative asks what the program will tell them about an adult loved one."""
    said = str(text or "")
    if _MINOR_WORDS.search(said):
        return False
    return bool(_RELEASE_OR_REFUSAL.search(said)) or (
        bool(_TOLD_ABOUT.search(said)) and bool(_WHAT_OF_THEM.search(said))
    )


_THEIR_RELAPSE = re.compile(
    rf"\b(?:what\s+if|what\s+happens\s+if|if|when|and\s+if|y\s+si|que\s+pasa\s+si)\s+{_SOMEONE}\s+"
    r"(?:\w+\s+){0,2}?(?:relapse[sd]?|relapsing|slips?|slipped|uses?\s+again|starts?\s+(?:using|drinking)\s+again|"
    r"drinks?\s+again|goes?\s+back\s+to\s+(?:using|drinking|it)|recae|recaiga|vuelve\s+a\s+(?:usar|tomar|consumir))\b|"
    rf"\b{_SOMEONE}\s+(?:\w+\s+){{0,2}}?(?:relapsed|relapses|keeps\s+relapsing|recayo|volvio\s+a\s+(?:usar|tomar|consumir))\b"
    r"(?=[^?]{0,120}\?|.*\b(?:can|could|will|would|does|do|should|what|how)\b)",
    re.IGNORECASE | re.DOTALL,
)


def asks_about_their_relapse(text: str | None) -> bool:
    """A relative asks about a loved one's relapse (before, during or after the program)."""
    return bool(_THEIR_RELAPSE.search(str(text or "")))


# a relative asks for support for themselves: "is there anything for parents. i cant keep doing
# this alone", "is there al-anon type stuff through you guys", "what about me... boundaries",
# "y para mi hay algo? grupos para mamas" (blind v25/es-v16, read in round 31: the screening's
# next question, menus, the detox offer)
_FOR_THE_FAMILY = (
    r"(?:parents?|moms?|mothers?|dads?|fathers?|wives|wife|husbands?|spouses?|partners?|"
    r"famil(?:y|ies)(?:\s+members)?|loved\s+ones|girlfriends?|boyfriends?|siblings?|relatives)"
)
_FAMILY_SUPPORT = re.compile(
    r"\b(?:al-?\s?anon|nar-?\s?anon|alateen|smart\s+recovery\s+family|coda)\b|"
    rf"\b(?:anything|something|support|help|groups?|meetings?|resources?|counsel+ing)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:for|just\s+for)\s+(?:\w+\s+)?{_FOR_THE_FAMILY}\b(?!\s+to\s+(?:join|take\s+part|come))|"
    r"\b(?:group|groups|support)\s+for\s+(?:\w+\s+){0,2}?(?:like\s+me|like\s+us)\b|"
    # "any support for me, not him": for me, said against the one using
    r"\b(?:support|groups?|anything)\s+for\s+(?:me|us|myself)\b[^.?!]{0,20}\bnot\s+(?:him|her|them)\b|"
    r"\b(?:hay\s+)?algo\s+para\s+(?:nosotr[oa]s|la\s+familia|las\s+familias)\b|"
    r"\bwhat\s+about\s+(?:me|us)\b|\b(?:set|setting|need)\s+(?:some\s+)?boundaries\b|"
    r"\bhow\s+(?:do|can|should)\s+i\s+(?:cope|deal\s+with\s+(?:this|it|all\s+this)|take\s+care\s+of\s+myself)\b|"
    r"\b(?:y\s+)?para\s+(?:m[ií]|nosotr[oa]s|la\s+familia)\s+(?:hay|tienen|habr[aá])\s+(?:algo|apoyo|grupos?)\b|"
    r"\bgrupos?\s+(?:de\s+apoyo\s+)?(?:para|de)\s+(?:mam[aá]s|madres|padres|pap[aá]s|familias?|familiares|esposas|"
    r"nosotr[oa]s|m[ií])\b|"
    r"\bapoyo\s+(?:para|a)\s+(?:m[ií]|nosotr[oa]s|la\s+familia|familiares|las\s+familias)\b|"
    r"\b(?:y\s+)?(?:a|para)\s+m[ií]\s+(?:quien|qui[eé]n)\s+me\s+(?:ayuda|apoya)\b",
    re.IGNORECASE,
)


# "is there anything for me" is a relative's question only beside the one using
_FOR_ME = re.compile(
    r"\b(?:is|are)\s+there\s+(?:anything|something|any\s+(?:support|groups?|help))\s+for\s+(?:me|us)\b",
    re.IGNORECASE,
)
_THE_ONE_USING = re.compile(rf"\b{_SOMEONE}\b", re.IGNORECASE)


def asks_for_family_support(text: str | None) -> bool:
    """A relative asks what support there is for them (family groups, coping, boundaries)."""
    said = str(text or "")
    if _FOR_ME.search(said):
        return bool(_THE_ONE_USING.search(_FOR_ME.sub(" ", said)))
    return bool(_FAMILY_SUPPORT.search(said))
