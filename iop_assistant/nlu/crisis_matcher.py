"""Deterministic crisis matcher: the first, rule-based layer of the crisis guard.

A learned classifier can miss a message it has never seen the like of, and a
person in danger must get 988 / 911 / the help line on the turn they write.
So every message is also scanned with a lexicon of phrasing families
(``crisis_lexicon.yml``): spaCy token patterns (lemmas catch "overdosed",
"killing"...) and regular expressions (typos, contractions, gaps).

Ambiguous patterns (a past seizure, "overdosed on netflix", "what happens if
someone overdoses") name *contexts* that may suppress them: a context is a set
of regexes looked for in the same sentence, or in a few words before / after
the hit. Unambiguous patterns name none, so no context can silence them.

Pure spaCy + stdlib + PyYAML: no Rasa import, so the guard can be tested and
reused (reports, console) without loading Rasa.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Tuple

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from iop_assistant import yaml_io

DEFAULT_LEXICON = Path(__file__).with_name("crisis_lexicon.yml")
# loaded beside it: crisis_lexicon_es.yml (Spanish, issue 18), see lexicon_files()

# The most urgent first: 911-type emergencies before 988-type ones, so a
# message with both ("took all my pills, he's not breathing") gets 911 first.
CATEGORY_PRIORITY = (
    "overdose",
    "seizure",
    "medical",
    "withdrawal",
    "violence",
    "suicidal",
    "self_harm",
)
SCOPES = ("sentence", "before", "after", "message")

_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")  # {NAME}; regex quantifiers are digits only
_PAUSES = re.compile(r"\s*(?:\.{2,}|…)\s*")
_SENTENCE_END = re.compile(r"[.!?;\n]+|\bbut\b")
_WORD = re.compile(r"\S+")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"}
_LEET_IN_WORD = re.compile(r"(?<=[a-z])[01345@$](?=[a-z])")
_LONG_RUN = re.compile(r"\S{40,}")
_REACH = 1000  # characters a context may look away from a hit (a "sentence" of 1MB is not one)
_SYMBOL = re.compile(r"[^\w']|_|(?<![^\W_])'|'(?![^\W_])")
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
    }
)


@dataclass(frozen=True)
class CrisisHit:
    """Which lexicon entry fired, so a flag can be explained and audited."""

    pattern_id: str
    category: str


@dataclass(frozen=True)
class _Context:
    id: str
    scope: str
    words: int
    regexes: Tuple[re.Pattern, ...]
    overridden_by: Tuple[str, ...]


@dataclass(frozen=True)
class _Rule:
    id: str
    category: str
    order: int
    suppressed_by: Tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """The parsed, validated lexicon (macros expanded, regexes compiled)."""

    token_patterns: Dict[str, List[List[Dict[str, Any]]]]
    regexes: Tuple[Tuple[_Rule, re.Pattern], ...]
    rules: Dict[str, _Rule]
    contexts: Dict[str, _Context]
    # phrases blanked out before matching: idioms that only sound like danger
    # ("me muero de hambre", "me mata el trabajo"); same length, so offsets hold
    idioms: Tuple[re.Pattern, ...] = ()
    # ids of rules in an earlier file that this file takes over (its wording, its categories)
    replaces: Tuple[str, ...] = ()


def _expand(text: str, macros: Dict[str, str], depth: int = 0) -> str:
    """Replace {NAME} macros (recursively) so families share one spelling list."""
    if depth > 10:
        raise ValueError(f"macro recursion too deep in {text!r}")
    expanded = _MACRO.sub(lambda m: macros[m.group(1)], text)
    return expanded if expanded == text else _expand(expanded, macros, depth + 1)


def _join(value: str) -> str:
    """Long regexes may be wrapped over lines in the YAML; lines are glued back."""
    return "".join(line.strip() for line in str(value).splitlines())


def _expand_tokens(tokens: Any, macros: Dict[str, str]) -> Any:
    if isinstance(tokens, dict):
        return {k: _expand_tokens(v, macros) for k, v in tokens.items()}
    if isinstance(tokens, list):
        return [_expand_tokens(v, macros) for v in tokens]
    if isinstance(tokens, str):
        return _expand(tokens, macros)
    return tokens


def load_lexicon(path: Path = DEFAULT_LEXICON) -> Lexicon:
    """Read and validate the lexicon; fail loudly, since a broken guard is unsafe."""
    data = yaml_io.read(path) or {}
    macros = {name: _join(value) for name, value in (data.get("macros") or {}).items()}
    for name in macros:
        macros[name] = _expand(macros[name], macros)

    contexts: Dict[str, _Context] = {}
    for entry in data.get("contexts") or []:
        scope = entry.get("scope", "sentence")
        if scope not in SCOPES:
            raise ValueError(f"context {entry['id']}: unknown scope {scope!r}")
        contexts[entry["id"]] = _Context(
            id=entry["id"],
            scope=scope,
            words=int(entry.get("words", 0)),
            regexes=tuple(re.compile(_expand(_join(p), macros)) for p in entry["patterns"]),
            overridden_by=tuple(entry.get("overridden_by") or ()),
        )
    for context in contexts.values():
        for other in context.overridden_by:
            if other not in contexts:
                raise ValueError(f"context {context.id}: unknown override {other!r}")

    rules: Dict[str, _Rule] = {}
    token_patterns: Dict[str, List[List[Dict[str, Any]]]] = {}
    regexes: List[Tuple[_Rule, re.Pattern]] = []
    entries = [("tokens", e) for e in data.get("patterns") or []]
    entries += [("regex", e) for e in data.get("regexes") or []]
    for order, (kind, entry) in enumerate(entries):
        rule_id, category = entry["id"], entry["category"]
        if rule_id in rules:
            raise ValueError(f"duplicate pattern id {rule_id!r}")
        if category not in CATEGORY_PRIORITY:
            raise ValueError(f"{rule_id}: unknown category {category!r}")
        suppressed_by = tuple(entry.get("suppressed_by") or ())
        for context_id in suppressed_by:
            if context_id not in contexts:
                raise ValueError(f"{rule_id}: unknown context {context_id!r}")
        rule = _Rule(rule_id, category, order, suppressed_by)
        rules[rule_id] = rule
        if kind == "tokens":
            tokens = _expand_tokens(entry["tokens"], macros)
            nested = bool(tokens) and all(isinstance(t, list) for t in tokens)
            token_patterns[rule_id] = tokens if nested else [tokens]
        else:
            regexes.append((rule, re.compile(_expand(_join(entry["pattern"]), macros))))
    idioms = tuple(re.compile(_expand(_join(p), macros)) for p in data.get("idioms") or [])
    replaces = tuple(data.get("replaces") or ())
    return Lexicon(token_patterns, tuple(regexes), rules, contexts, idioms, replaces)


def lexicon_files(path: Path) -> List[Path]:
    """A lexicon and its Spanish sibling beside it (``crisis_lexicon_es.yml``, issue 18)."""
    sibling = path.with_name(f"{path.stem}_es{path.suffix}")
    return [path, sibling] if sibling.is_file() else [path]


def merge(lexicons: Iterable[Lexicon]) -> Lexicon:
    """One lexicon from several files; each file keeps its own macros and contexts.

    Pattern and context ids must be unique across the files (the Spanish file's
    start with ``es_``): a duplicate would silently replace a rule.
    """
    token_patterns: Dict[str, List[List[Dict[str, Any]]]] = {}
    regexes: List[Tuple[_Rule, re.Pattern]] = []
    rules: Dict[str, _Rule] = {}
    contexts: Dict[str, _Context] = {}
    idioms: List[re.Pattern] = []
    for lexicon in lexicons:
        for name, table in (("pattern", rules), ("context", contexts)):
            new = lexicon.rules if name == "pattern" else lexicon.contexts
            clash = set(new) & set(table)
            if clash:
                raise ValueError(f"{name} ids defined in two lexicon files: {sorted(clash)}")
        for gone in lexicon.replaces:
            if gone not in rules:
                raise ValueError(f"replaces unknown pattern id {gone!r}")
            del rules[gone]
            token_patterns.pop(gone, None)
        regexes = [(rule, regex) for rule, regex in regexes if rule.id in rules]
        offset = len(rules) + len(regexes)
        for rule_id, rule in lexicon.rules.items():
            rules[rule_id] = _Rule(rule.id, rule.category, rule.order + offset, rule.suppressed_by)
        regexes.extend((rules[rule.id], regex) for rule, regex in lexicon.regexes)
        token_patterns.update(lexicon.token_patterns)
        contexts.update(lexicon.contexts)
        idioms.extend(lexicon.idioms)
    return Lexicon(token_patterns, tuple(regexes), rules, contexts, tuple(idioms))


def normalize(text: str) -> str:
    """Lower-case, plain quotes, no control or zero-width characters, single spaces.

    Binary junk and emoji must never raise; NFKC folds full-width and styled
    letters ("ｋｉｌｌ") to plain ones and a digit inside a word is read as a letter
    ("k1ll"), so spelling games cannot slip past the lexicon.
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text)).translate(_ZERO_WIDTH).translate(_QUOTES)
    text = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text)
    text = " ".join(text.lower().split())
    return _LEET_IN_WORD.sub(lambda m: _LEET[m.group()], text)  # "k1ll", "su1c1de"


class CrisisMatcher:
    """Finds crisis phrasing in a message; returns the most urgent hit or None."""

    def __init__(self, nlp: Language, lexicon_path: Path = DEFAULT_LEXICON) -> None:
        self.nlp = nlp
        self.lexicon = merge(load_lexicon(p) for p in lexicon_files(Path(lexicon_path)))
        self._matcher = Matcher(nlp.vocab, validate=True)
        for rule_id, patterns in self.lexicon.token_patterns.items():
            self._matcher.add(rule_id, patterns)

    def match(self, text: str) -> CrisisHit | None:
        """The highest-priority hit in ``text`` (whole text, no length cap), or None.

        Speech-to-text writes pauses as "...": "my son... pills... not waking" (caller
        role-play round 35) is read once more with the pauses closed up."""
        hit = next(self._hits(text), None)
        if hit is None and _PAUSES.search(text or ""):
            hit = next(self._hits(_PAUSES.sub(" ", text)), None)
        return hit

    def find_all(self, text: str) -> List[CrisisHit]:
        """Every unsuppressed entry that fired, most urgent first (reports, audits)."""
        seen: Dict[str, CrisisHit] = {}
        for hit in self._hits(text):
            seen.setdefault(hit.pattern_id, hit)
        return list(seen.values())

    def _hits(self, text: str) -> Iterator[CrisisHit]:
        """Candidate spans in priority order; contexts are checked only as needed."""
        clean = self._without_idioms(normalize(text))
        if not clean.strip():
            return
        spans: List[Tuple[_Rule, int, int]] = []
        for offset, doc in self._docs(clean):
            spans.extend(self._token_spans(doc, offset))
        for rule, regex in self.lexicon.regexes:
            spans.extend((rule, m.start(), m.end()) for m in regex.finditer(clean))
        spans.sort(key=lambda s: (CATEGORY_PRIORITY.index(s[0].category), s[1], s[0].order))
        boundaries = _Boundaries(clean)
        for rule, start, end in spans:
            if not self._suppressed(clean, boundaries, rule, start, end):
                yield CrisisHit(rule.id, rule.category)

    def _without_idioms(self, clean: str) -> str:
        for idiom in self.lexicon.idioms:
            clean = idiom.sub(lambda m: " " * len(m.group()), clean)
        return clean

    def match_doc(self, doc: Doc) -> CrisisHit | None:
        """Match an already-processed Doc (e.g. Rasa's spaCy doc) by its text."""
        return self.match(doc.text)

    def _docs(self, clean: str) -> List[Tuple[int, Doc]]:
        """(offset, Doc) pairs: the whole text, or overlapping windows beyond max_length."""
        clean = _LONG_RUN.sub(_blank_symbols, clean)
        limit = self.nlp.max_length
        if len(clean) <= limit:
            return [(0, self.nlp(clean))]
        overlap = 1000
        step = limit - overlap
        return [(i, self.nlp(clean[i : i + limit])) for i in range(0, len(clean), step)]

    def _token_spans(self, doc: Doc, offset: int) -> List[Tuple[_Rule, int, int]]:
        spans = []
        for match_id, start, end in self._matcher(doc):
            rule = self.lexicon.rules[self.nlp.vocab.strings[match_id]]
            span = doc[start:end]
            spans.append((rule, offset + span.start_char, offset + span.end_char))
        return spans

    def _suppressed(
        self, text: str, boundaries: _Boundaries, rule: _Rule, start: int, end: int
    ) -> bool:
        """True when a context named by the rule is present around the hit."""
        if not rule.suppressed_by:
            return False
        sent_start, sent_end = boundaries.around(start, end)
        found: Dict[str, bool] = {}

        def present(context_id: str) -> bool:
            if context_id not in found:
                context = self.lexicon.contexts[context_id]
                window = _window(text, context, sent_start, sent_end, start, end)
                found[context_id] = any(r.search(window) for r in context.regexes)
            return found[context_id]

        for context_id in rule.suppressed_by:
            context = self.lexicon.contexts[context_id]
            if present(context_id) and not any(present(o) for o in context.overridden_by):
                return True
        return False


def _blank_symbols(match: re.Match) -> str:
    """Symbols in a long run without spaces become spaces, one for one.

    spaCy's tokenizer peels prefixes and suffixes one at a time, which is
    quadratic on a long run of emoji or punctuation ("!?!?..." x 20,000 takes
    minutes). Letters and digits stay, so words keep their offsets.
    """
    return _SYMBOL.sub(" ", match.group())


class _Boundaries:
    """Sentence ends (. ! ? ; newline, "but") of one text, found once per message."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        found = [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def around(self, start: int, end: int) -> Tuple[int, int]:
        """The sentence (or clause after "but") that holds the span start..end."""
        before = bisect_right(self.ends, start)
        sent_start = self.ends[before - 1] if before else 0
        after = bisect_left(self.starts, end)
        sent_end = self.starts[after] if after < len(self.starts) else self.length
        return sent_start, sent_end


def _window(text: str, context: _Context, s_start: int, s_end: int, start: int, end: int) -> str:
    """The text a context is looked for in; bounded, so a huge message stays linear."""
    if context.scope == "message":
        return text[max(0, start - 2 * _REACH) : end + 2 * _REACH]
    s_start, s_end = max(s_start, start - _REACH), min(s_end, end + _REACH)
    if context.scope == "before":
        words = _WORD.findall(text[s_start:start])
        return " ".join(words[-context.words :]) if context.words else " ".join(words)
    if context.scope == "after":
        words = _WORD.findall(text[end:s_end])
        return " ".join(words[: context.words]) if context.words else " ".join(words)
    return text[s_start:s_end]
