"""Readability advice for content editors (`--check-content`): per card, the Flesch-Kincaid
grade, the longest sentence, and short forms that the glossary does not explain.

Advice only, never an error: the leaflet's words are the publisher's, and the kiosk shows them
as they are. Syllables are estimated from vowel groups, the usual rule of thumb for English
(a dictionary would make this a large dependency for a figure that only guides editors).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .glossary import MARKED_KINDS, Glossary, terms_on_card
from .model import Card, Leaflet
from .text import card_units

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")
HARD_GRADE = 9.0  # about age 14-15; the Plain English Campaign aims lower
LONG_SENTENCE = 25  # words
VOWEL_GROUP = re.compile(r"[aeiouy]+")


# Cached: a library's cards use a few thousand words over and over (50 leaflets: 160,000
# words, 3,000 different ones).
@functools.lru_cache(maxsize=16384)
def syllables(word: str) -> int:
    """Vowel groups, less a silent final e, at least one."""
    w = word.lower().strip("'’-")
    if not w:
        return 0
    groups = len(VOWEL_GROUP.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)


def sentences(card: Card) -> list[str]:
    """The card's sentences: paragraphs split at full stops; a list item is one sentence."""
    found: list[str] = []
    for unit in card_units(card):
        if unit.kind not in MARKED_KINDS:
            continue
        found.extend(s for s in SENTENCE_END.split(unit.text.strip()) if WORD.search(s))
    return found


@dataclass(frozen=True, slots=True)
class CardReadability:
    card_id: str
    title: str
    grade: float
    words: int
    longest: str
    longest_words: int
    unexplained: tuple[str, ...]

    def lines(self) -> list[str]:
        flag = "  (hard)" if self.grade >= HARD_GRADE else ""
        out = [f"{self.card_id}: grade {self.grade:.1f}{flag}, {self.words} words"]
        if self.longest_words:
            start = " ".join(self.longest.split()[:8])
            long_flag = "  (long)" if self.longest_words >= LONG_SENTENCE else ""
            out.append(f"  longest sentence: {self.longest_words} words{long_flag}: {start} ...")
        if self.unexplained:
            out.append("  not in the glossary: " + ", ".join(self.unexplained))
        return out


def grade(text_sentences: list[str]) -> tuple[float, int]:
    """Flesch-Kincaid grade level and word count."""
    words = [w for s in text_sentences for w in WORD.findall(s)]
    if not words or not text_sentences:
        return 0.0, 0
    syllable_count = sum(syllables(w) for w in words)
    value = 0.39 * len(words) / len(text_sentences) + 11.8 * syllable_count / len(words) - 15.59
    return max(0.0, value), len(words)


def card_readability(
    card: Card, glossary: Glossary | None, said: list[str] | None = None
) -> CardReadability:
    said = sentences(card) if said is None else said
    level, count = grade(said)
    longest = max(said, key=lambda s: len(WORD.findall(s)), default="")
    explained: set[str] = set()
    if glossary is not None:
        for term in terms_on_card(card, glossary):
            explained.update(s.lower() for s in term.spellings())
    short_forms: list[str] = []
    text = " ".join(said)
    for match in ACRONYM.finditer(text):
        word = match.group(0)
        covered = word.lower() in explained or word.rstrip("s").lower() in explained
        covered = covered or any(word in s.upper().split() for s in explained)
        if not covered and word not in short_forms:
            short_forms.append(word)
    return CardReadability(
        card.id,
        card.title,
        level,
        count,
        longest,
        len(WORD.findall(longest)),
        tuple(short_forms),
    )


def leaflet_report(leaflet: Leaflet, glossary: Glossary | None) -> list[str]:
    """The report `--check-content` prints: advice, one block per card, then a summary."""
    said = [sentences(card) for card in leaflet.cards]
    cards = [card_readability(c, glossary, s) for c, s in zip(leaflet.cards, said, strict=True)]
    out = [f"Readability advice for {leaflet.title} (not errors; the leaflet is shown as it is):"]
    for result in cards:
        out.extend("  " + line for line in result.lines())
    all_sentences = [s for card_sentences in said for s in card_sentences]
    overall, words = grade(all_sentences)
    hard = sum(1 for c in cards if c.grade >= HARD_GRADE)
    out.append(
        f"  whole leaflet: grade {overall:.1f}, {words} words, {hard} of {len(cards)} cards "
        f"at grade {HARD_GRADE:.0f} or above"
    )
    if glossary is None:
        out.append("  no glossary.toml: no words are explained on the cards")
    return out
