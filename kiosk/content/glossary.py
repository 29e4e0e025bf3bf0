"""Words explained: the glossary beside a leaflet (glossary.toml) and where its terms occur.

The glossary is the kiosk's own help, never the leaflet: it is loaded apart from the leaflet,
so a mistake in it costs only the glossary (the kiosk carries on without it) and never the
leaflet's cards. Finding terms never changes a card's text; it only reports positions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import ContentProblem
from .model import Card, Leaflet
from .text import TextUnit, card_units
from .toml_data import check_entry, read_toml

GLOSSARY_FILE = "glossary.toml"
TERM_KEYS: dict[str, type] = {"term": str, "variants": list, "explanation": str, "source": str}
TERM_REQUIRED = ("term", "explanation", "source")
MAX_SENTENCES = 3
MAX_WORDS = 60  # three short sentences; a longer explanation is as hard as the leaflet
# Titles and contact details are not where a visitor meets jargon in a sentence.
MARKED_KINDS = frozenset(
    {
        "paragraph",
        "item",
        "quote-paragraph",
        "quote-item",
        "code-ref",
        "code-ref-item",
    }
)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    variants: tuple[str, ...]
    explanation: str
    source: str
    line: int

    @property
    def id(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


@dataclass(frozen=True, slots=True)
class Glossary:
    terms: tuple[Term, ...]
    source: Path

    def by_id(self, term_id: str) -> Term:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(term_id)

    def sorted_terms(self) -> list[Term]:
        return sorted(self.terms, key=lambda t: t.term.lower())


@dataclass(frozen=True, slots=True)
class TermHit:
    """Where a term occurs on a card: `unit` indexes card_units(card); start/end in its text."""

    term: Term
    unit: int
    start: int
    end: int


@functools.lru_cache(maxsize=4096)
def _pattern(spelling: str) -> re.Pattern[str]:
    # Cached: cards are searched for every spelling on each card shown, and building the
    # pattern cost more than the search (re's own cache holds only 512 and is keyed by text).
    # Capitals-only spellings are acronyms: "SEN" must not match an ordinary word.
    flags = 0 if spelling.isupper() else re.IGNORECASE
    words = r"\s+".join(re.escape(w) for w in spelling.split())
    return re.compile(rf"(?<![\w-]){words}(?![\w-])", flags)


def _sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text.strip())) or 1


def load_glossary(folder: Path) -> tuple[Glossary | None, list[ContentProblem]]:
    """The glossary in `folder`, or None (with every problem) when it is missing or wrong.
    A missing file is not a problem: a leaflet need not have a glossary."""
    path = folder / GLOSSARY_FILE
    problems: list[ContentProblem] = []
    if not path.is_file():
        return None, problems
    source = read_toml(path, problems)
    if source is None:
        return None, problems
    unknown = [k for k in source.data if k != "term"]
    for key in unknown:
        problems.append(
            ContentProblem(
                path,
                source.key_line(key, 1, 1),
                f"unknown key '{key}' (each entry starts with a [[term]] line)",
            )
        )
    entries = source.data.get("term", [])
    if not isinstance(entries, list) or not entries:
        problems.append(ContentProblem(path, 1, "no [[term]] entries"))
        return None, problems
    lines = source.entry_lines("term")
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        line = lines[index] if index < len(lines) else 1
        where = f"term {index + 1}"
        if not check_entry(entry, TERM_KEYS, TERM_REQUIRED, where, source, line, problems):
            continue
        term = Term(
            term=entry["term"].strip(),
            variants=tuple(v.strip() for v in entry.get("variants", [])),
            explanation=" ".join(entry["explanation"].split()),
            source=entry["source"].strip(),
            line=line,
        )
        at = source.key_line("explanation", line, line)
        sentences = _sentences(term.explanation)
        words = len(term.explanation.split())
        if sentences > MAX_SENTENCES or words > MAX_WORDS:
            problems.append(
                ContentProblem(
                    path,
                    at,
                    f"explanation of '{term.term}' has {sentences} sentences and {words} words;"
                    f" keep it to {MAX_SENTENCES} short sentences ({MAX_WORDS} words at most)",
                )
            )
            continue
        for spelling in term.spellings():
            key = spelling.lower()
            if key in seen:
                problems.append(
                    ContentProblem(
                        path,
                        line,
                        f"'{spelling}' is already a term or variant at line {seen[key]}",
                    )
                )
            seen[key] = line
        terms.append(term)
    if problems:
        return None, problems
    return Glossary(tuple(terms), path), problems


TOKEN = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class _Prepared:
    r"""A glossary's spellings, found by the word a match must start with.

    A pattern matches a spelling only where its first word stands whole (nothing of
    `[\w-]` either side), so a text can hold a match only if that word is one of its
    `[\w-]+` runs: lower-cased, unless case matters (an acronym). Spellings whose first
    word is not such a run, or is not ASCII (where Unicode case folding goes beyond lower()),
    are always searched."""

    exact: dict[str, tuple[int, ...]]
    folded: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    spellings: tuple[tuple[re.Pattern[str], Term], ...]


@functools.lru_cache(maxsize=64)
def _prepare(glossary: Glossary) -> _Prepared:
    exact: dict[str, list[int]] = {}
    folded: dict[str, list[int]] = {}
    always: list[int] = []
    spellings: list[tuple[re.Pattern[str], Term]] = []
    for term in glossary.terms:
        for spelling in term.spellings():
            index = len(spellings)
            spellings.append((_pattern(spelling), term))
            words = spelling.split()
            first = words[0] if words else ""
            if first.isascii() and TOKEN.fullmatch(first):
                if spelling.isupper():
                    exact.setdefault(first, []).append(index)
                else:
                    folded.setdefault(first.lower(), []).append(index)
            else:
                always.append(index)
    return _Prepared(
        {k: tuple(v) for k, v in exact.items()},
        {k: tuple(v) for k, v in folded.items()},
        tuple(always),
        tuple(spellings),
    )


def _candidates(units: list[TextUnit], glossary: Glossary) -> list[TermHit]:
    hits: list[TermHit] = []
    prepared = _prepare(glossary)
    everything = range(len(prepared.spellings))
    for index, unit in enumerate(units):
        if unit.kind not in MARKED_KINDS:
            continue
        text = unit.text
        # Only the spellings whose first word the text has (a library of 50 leaflets would
        # otherwise try 140,000 patterns), searched in glossary order as before.
        if text.isascii():
            chosen = set(prepared.always)
            for word in prepared.exact.keys() & TOKEN.findall(text):
                chosen.update(prepared.exact[word])
            for word in prepared.folded.keys() & TOKEN.findall(text.lower()):
                chosen.update(prepared.folded[word])
            order: Iterable[int] = sorted(chosen)
        else:
            order = everything
        for which in order:
            pattern, term = prepared.spellings[which]
            for match in pattern.finditer(text):
                hits.append(TermHit(term, index, match.start(), match.end()))
    return hits


def find_terms(card: Card, glossary: Glossary) -> list[TermHit]:
    """Each term's first occurrence on the card, in reading order. Where terms overlap
    ("SEND" inside "SEND Code of Practice") the longer one is marked."""
    units = card_units(card)
    hits = sorted(_candidates(units, glossary), key=lambda h: (h.unit, h.start, h.start - h.end))
    taken: list[TermHit] = []
    marked: set[str] = set()
    last_unit, last_end = -1, -1
    for hit in hits:
        if hit.unit == last_unit and hit.start < last_end:
            continue  # inside a longer term already marked
        last_unit, last_end = hit.unit, hit.end
        if hit.term.id in marked:
            continue
        marked.add(hit.term.id)
        taken.append(hit)
    return taken


def terms_on_card(card: Card, glossary: Glossary) -> list[Term]:
    """Every term the card mentions, nested ones included, in order of first mention: what
    the "Words on this card" list and audio mode offer."""
    hits = sorted(_candidates(card_units(card), glossary), key=lambda h: (h.unit, h.start))
    seen: dict[str, Term] = {}
    for hit in hits:
        seen.setdefault(hit.term.id, hit.term)
    return list(seen.values())


def terms_in_leaflet(leaflet: Leaflet, glossary: Glossary) -> dict[str, list[str]]:
    """term id -> ids of the cards that mention it (for the editors' report and tests)."""
    found: dict[str, list[str]] = {t.id: [] for t in glossary.terms}
    for card in leaflet.cards:
        for term in terms_on_card(card, glossary):
            found[term.id].append(card.id)
    return found
