"""Ambiguous distress in Spanish: a direct check-in question, not an alarm (issue 18).

"Ya no aguanto", "¿para qué sigo?", "no puedo más" may be exhaustion or
suicidal thinking; like the English list (distress.py) these get the
check-in question, in Spanish, with 988 (press 2 for Spanish). "No aguanto a
mi suegra" or "ya no aguanto el calor" are not distress about living.
"""

from __future__ import annotations

import re

from iop_assistant.language.requests import fold

_OBJECT = (
    r"(?:el|la|los|las|a|al|este|esta|esto|estos|estas|mi|mis|su|sus|tu|tanto|tanta|"
    r"las\s+ganas|sin\s+(?:fumar|tomar|mi))"
)
_DISTRESS_ES = re.compile(
    r"\b(?:ya\s+)?no\s+aguanto(?:\s+m[a]s)?\b(?!\s+" + _OBJECT + r"\b)|"
    r"\bno\s+puedo\s+m[a]s\b(?!\s+(?:de|con|que|comer|tomar|beber|esperar|hablar)\b)|"
    r"\bya\s+no\s+puedo\s+(?:m[a]s|seguir(?:\s+as[i])?|con\s+(?:esto|esta\s+vida|mi\s+vida))\b|"
    # "ya no quiero seguir" said alone (Spanish role-play round 34: the questions just stopped,
    # after clonazepam and alcohol were told): asked directly; "...con las preguntas" is a stop
    r"^\W*(?:es\s+que\s+|la\s+verdad\s+)?ya\s+no\s+quiero\s+seguir(?:\s+as[i])?\W*$|"
    # es-v5: "ya pa que sigo intentando la verdad", "ya ni se pa que sigo"
    r"\b(?:para|pa|pa')\s+que\s+(?:sigo(?!\s+(?:tomando|usando|consumiendo|bebiendo|fumando|drogandome))|seguir|vivo|vivir|intentarlo|sigo\s+intentando|sigo\s+luchando|estoy\s+aqui)\b|"
    # "quería preguntar por el programa pero la verdad ya no sé ni para qué" (blind es-v20, voice,
    # read in round 34: the Spanish welcome)
    r"\bya\s+no\s+s[eé]\s+(?:ni\s+)?(?:para|pa)\s+qu[eé]\s*(?:[.!?]|$|sigo|hago)|"
    # es-v5: "la neta ya no le veo sentido a nada" (the relapse answer, no question asked)
    r"\b(?:ya\s+)?no\s+le\s+(?:veo|encuentro|hallo)\s+(?:el\s+)?(?:sentido|caso)\s+a\s+(?:nada|la\s+vida|vivir|seguir)\b|"
    # a farewell hinted inside a callback time: "despues de hoy ya no importa", "si sigo vivo"
    r"\bdespues\s+de\s+(?:hoy|esta\s+noche|manana)\s+ya\s+(?:no\s+)?(?:importa|va\s+a\s+importar|dara\s+igual)\b|"
    r"\bsi\s+(?:todavia\s+|aun\s+)?sigo\s+(?:vivo|viva|aqui)\b|"
    r"\b(?:estoy\s+)?(?:tan\s+|muy\s+)?cansad[oa]\s+de\s+(?:vivir|la\s+vida|todo|luchar|seguir|estar\s+vivo|estar\s+viva)\b|"
    r"\b(?:ya\s+)?nada\s+tiene\s+sentido\b|\bno\s+tiene\s+sentido\s+(?:nada|seguir|vivir|mi\s+vida)\b|\bmi\s+vida\s+no\s+tiene\s+sentido\b|"
    r"\bme\s+siento\s+(?:tan\s+|muy\s+)?(?:sin\s+esperanza|inutil|una\s+carga|vaci[oa](?:\s+por\s+dentro)?|perdid[oa]\s+y\s+sin\s+salida)\b|"
    r"\bnadie\s+me\s+(?:va\s+a\s+ayudar|puede\s+ayudar)\b(?!\s+(?:con|a|en)\b)|"
    # role-play round 17, after a refusal to call: "nadie me entiende"
    r"^\W*(?:es\s+que\s+|y\s+)?nadie\s+me\s+(?:entiende|comprende|escucha)\W*$|\bsoy\s+una\s+carga\b|\b(?:nadie|a\s+nadie)\s+(?:me\s+extra(?:n|ñ)aria|le\s+importo|le\s+importaria)\b|"
    r"\bquiero\s+desaparecer\b|\bno\s+(?:veo|hay|tengo)\s+(?:salida|esperanza|futuro)\b|\bya\s+me\s+(?:rendi|canse\s+de\s+todo)\b|"
    # "quiero estar con ella otra vez" after a death (the English case, caller role-play round 31)
    r"\b(?:quiero|quisiera|me\s+gustar[ií]a)\s+(?:estar|irme)\s+con\s+(?:ella|[eé]l|mi\s+(?:esposa|esposo|hijo|hija|mam[aá]|"
    r"pap[aá]|hermano|hermana|mujer|marido))\s+(?:otra\s+vez|de\s+nuevo|pronto|ya|all[aá]\s+arriba|en\s+el\s+cielo)\b|"
    # "a veces pienso que mejor quisiera irme con el la verdad" (blind es-v17, read in round 31)
    r"\b(?:quisiera|quiero|me\s+gustar[ií]a)\s+irme\s+con\s+(?:[eé]l|ella|mi\s+\w+)\b|"
    # "siento que ya nada tiene sentido" (blind es-v17, read in round 31: the detox offer)
    r"\bya\s+nada\s+tiene\s+sentido\b|\bnada\s+tiene\s+sentido\s+ya\b|\bno\s+s[eé]\s+ni\s+para\s+qu[eé]\s+(?:escribo|llamo|sigo)\b|"
    r"\bme\s+rindo\b|\bya\s+no\s+(?:se|sé)\s+(?:que\s+hacer\s+con\s+mi\s+vida|para\s+que\s+vivo)\b|\bya\s+no\s+quiero\s+(?:luchar|seguir\s+luchando|nada)\b"
)


def is_ambiguous_distress_es(text: str | None) -> bool:
    """True for Spanish distress wording that deserves a direct, caring question."""
    return bool(_DISTRESS_ES.search(fold(text)))
