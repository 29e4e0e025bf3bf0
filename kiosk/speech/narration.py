"""What the kiosk says for a card, and where each spoken word sits on screen.

A card is narrated as a list of short utterances (one sentence, list item or contact line
each), so every utterance can be its own WAV: sentence timing is then exact and stop/repeat
work per sentence. Each utterance keeps a word map from offsets in the spoken text (what
espeak reports) to offsets in the displayed unit text (what the card screen highlights),
because the spoken text differs from the screen: phone numbers are read digit by digit,
addresses are spelt out, and a few abbreviations are expanded.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from kiosk.content.model import Card, Quote
from kiosk.content.text import TextUnit, card_units
from kiosk.i18n import QT_TR_NOOP, tr

# Said for these characters in an address (marked for the catalogue; tr() where said).
_PUNCTUATION = {"_": QT_TR_NOOP("underscore"), "-": QT_TR_NOOP("dash"), ":": QT_TR_NOOP("colon")}


@dataclass(frozen=True, slots=True)
class WordSpan:
    """One spoken word: `spoken_*` index `Utterance.text`, `display_*` index the unit's text."""

    spoken_start: int
    spoken_end: int
    display_start: int
    display_end: int


@dataclass(frozen=True, slots=True)
class Utterance:
    """One thing said in one breath.

    `unit` is the index into `card_units(card)` (-1 when nothing on screen matches, e.g.
    "End of card"); `start`/`end` is the displayed range it covers within that unit's text.
    """

    text: str
    unit: int
    start: int
    end: int
    words: tuple[WordSpan, ...] = ()
    # Built once: word_at runs for every word event, so rebuilding it there was quadratic.
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(w.spoken_start for w in self.words))

    def word_at(self, spoken_offset: int) -> WordSpan | None:
        """The mapped word containing (or last starting before) a spoken character offset."""
        i = bisect_right(self._starts, spoken_offset) - 1
        if i < 0:
            return None
        word = self.words[i]
        # An offset in an unmapped stretch ("End of quote") must not highlight the word before.
        if spoken_offset >= word.spoken_end:
            return None
        return word


Script = list[Utterance]

# Spoken forms for abbreviations espeak would otherwise read as one odd word.
PRONOUNCE: dict[str, str] = {
    "SEN": "S E N",
    "EHC": "E H C",
    "CCG": "C C G",
    "CCGs": "C C Gs",
    "SENDIASS": "Sendiass",
    "e.g.": "for example",
    "i.e.": "that is",
    "etc.": "etcetera",
}
_ABBREVIATIONS = {
    "e.g.",
    "i.e.",
    "etc.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "st.",
    "no.",
    "vs.",
    "approx.",
}
_SPELL_LABELS = {"www": "w w w", "uk": "U K", "gov": "gov", "nhs": "N H S"}

_PHONE = re.compile(r"(?<![\w.])(?:\+44\s?|0)\d{2,4}(?:[ \u00a0]?\d{3,7}){1,3}(?![\w.]\w)")
# The look-behind makes a match start only where a run of address characters starts; without
# it a long run with no "@" is rescanned from every position (quadratic).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://)?(?:www\.)[\w-]+(?:\.[\w-]+)+(?:/[\w./-]*)?")
_HANDLE = re.compile(r"(?<![\w.])@\w+")
_TOKEN = re.compile(r"\S+")
_NEXT_WORD = re.compile(r"\S")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+)")


def _strip_punct(token: str, start: int) -> tuple[int, int]:
    """Display range of a token without the quotes/brackets/punctuation around it."""
    lo, hi = 0, len(token)
    while lo < hi and not token[lo].isalnum():
        lo += 1
    while hi > lo and not token[hi - 1].isalnum():
        hi -= 1
    return start + lo, start + hi


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.words: list[WordSpan] = []

    def raw(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def say(self, spoken: str, display_start: int, display_end: int) -> None:
        """Append spoken words that all stand for one displayed range."""
        for m in _TOKEN.finditer(spoken):
            self.words.append(
                WordSpan(self.length + m.start(), self.length + m.end(), display_start, display_end)
            )
        self.raw(spoken)

    def text(self) -> str:
        return "".join(self.parts)


def _digit_groups(number: str, offset: int, b: _Builder) -> None:
    """Read a phone number digit by digit, pausing between groups as on the page."""
    groups: list[tuple[int, str]] = []
    for m in re.finditer(r"\d+", number):
        digits, start = m.group(), m.start()
        # Seven digits in a row are hard to follow by ear; say them as 3 then 4.
        while len(digits) > 5:
            groups.append((start, digits[:3]))
            digits, start = digits[3:], start + 3
        groups.append((start, digits))
    if number.startswith("+"):
        b.say(tr("plus"), offset, offset + 1)
        b.raw(" ")
    for g, (start, digits) in enumerate(groups):
        if g:
            b.raw(", ")
        for i, digit in enumerate(digits):
            if i:
                b.raw(" ")
            pos = offset + start + i
            b.say(digit, pos, pos + 1)


LONGEST_WORD = 30  # longer "words" are not split: keeps the split linear in the label's length


def _split_label(label: str, vocabulary: set[str]) -> list[str]:
    """Split "sendiassrutland" into ["sendiass", "rutland"] using words of the card itself."""
    lower = label.lower()
    best: list[list[str] | None] = [None] * (len(lower) + 1)
    best[0] = []
    for end in range(1, len(lower) + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            prev = best[start]
            piece = lower[start:end]
            # The address itself is in the card's text; it must not count as one known word.
            if prev is None or piece == lower or piece not in vocabulary:
                continue
            cur = best[end]
            if cur is None or len(prev) + 1 < len(cur):
                best[end] = [*prev, label[start:end]]
    return best[len(lower)] or [label]


def _address(text: str, offset: int, vocabulary: set[str], b: _Builder) -> None:
    """Spell an email/web address the way a person reads one out: "info at ... dot org"."""
    pieces = re.finditer(r"[A-Za-z0-9]+|[@./:_-]", text)
    first = True
    for m in pieces:
        piece, start = m.group(), offset + m.start()
        if not first:
            b.raw(" ")
        first = False
        if piece == "@":
            b.say(tr("at"), start, start + 1)
        elif piece == ".":
            b.say(tr("dot"), start, start + 1)
        elif piece == "/":
            b.say(tr("slash"), start, start + 1)
        elif piece in "_-:":
            b.say(tr(_PUNCTUATION[piece]), start, start + 1)
        elif piece.lower() in _SPELL_LABELS:
            b.say(_SPELL_LABELS[piece.lower()], start, start + len(piece))
        else:
            b.say(" ".join(_split_label(piece, vocabulary)), start, start + len(piece))


def _handle(text: str, offset: int, b: _Builder) -> None:
    """ "@SendiassR" -> "at Sendiass R": split camel case so the trailing capital is a letter."""
    b.say(tr("at"), offset, offset + 1)
    b.raw(" ")
    words = re.findall(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+", text[1:])
    b.say(" ".join(words), offset + 1, offset + len(text))


def _plain(text: str, offset: int, b: _Builder) -> None:
    """Ordinary prose: spoken as written, each word mapped to itself (minus punctuation)."""
    pos = 0
    for m in _TOKEN.finditer(text):
        b.raw(text[pos : m.start()])
        token = m.group()
        core_start, core_end = _strip_punct(token, 0)
        core = token[core_start:core_end]
        spoken = PRONOUNCE.get(core) if core else None
        if token.lower() in PRONOUNCE:
            spoken, core_start, core_end = PRONOUNCE[token.lower()], 0, len(token)
        if spoken is not None:
            b.raw(token[:core_start])
            b.say(spoken, offset + m.start() + core_start, offset + m.start() + core_end)
            b.raw(token[core_end:])
        elif core:
            start = b.length
            b.raw(token)
            b.words.append(
                WordSpan(
                    start,
                    start + len(token),
                    offset + m.start() + core_start,
                    offset + m.start() + core_end,
                )
            )
        else:
            b.raw(token)
        pos = m.end()
    b.raw(text[pos:])


_SPECIALS = [("email", _EMAIL), ("url", _URL), ("phone", _PHONE), ("handle", _HANDLE)]


def _specials(text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind) of addresses and numbers; earlier kinds win."""
    taken: list[tuple[int, int, str]] = []
    for kind, pattern in _SPECIALS:
        candidates = [(m.start(), m.end(), kind) for m in pattern.finditer(text)]
        if not taken:
            taken = candidates
            continue
        # Both lists are sorted and non-overlapping, so one merge pass finds the clashes.
        merged: list[tuple[int, int, str]] = []
        i = 0
        for candidate in candidates:
            while i < len(taken) and taken[i][1] <= candidate[0]:
                merged.append(taken[i])
                i += 1
            if i < len(taken) and taken[i][0] < candidate[1]:
                continue  # overlaps one already taken
            merged.append(candidate)
        merged.extend(taken[i:])
        taken = merged
    return taken


def _speak_text(text: str, offset: int, vocabulary: set[str], b: _Builder) -> None:
    """Speak a displayed stretch, replacing numbers and addresses with their spoken form."""
    found = _specials(text)
    pos = 0
    for start, end, kind in found:
        _plain(text[pos:start], offset + pos, b)
        piece = text[start:end]
        if kind == "phone":
            _digit_groups(piece, offset + start, b)
        elif kind == "handle":
            _handle(piece, offset + start, b)
        else:
            _address(piece, offset + start, vocabulary, b)
        pos = end
    _plain(text[pos:], offset + pos, b)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; abbreviations, decimals and "(SEN)" do not split."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end()
        word_start = end
        while word_start > start and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start:end].lower().strip("\"'“”‘’()[]")
        if word in _ABBREVIATIONS:
            continue
        following = _NEXT_WORD.search(text, end)  # not text[end:]: that copy was quadratic
        after = following.start() if following else len(text)
        first = text[after] if following else ""
        # A new sentence starts with a capital, digit or opening quote, not "e.g. a ...".
        if first and not (first.isupper() or first.isdigit() or first in '"“‘('):
            continue
        spans.append((start, end))
        start = after
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans


def _utterance(
    unit_index: int,
    text: str,
    start: int,
    end: int,
    vocabulary: set[str],
    *,
    prefix: str = "",
    suffix: str = "",
) -> Utterance:
    b = _Builder()
    if prefix:
        b.raw(prefix + " ")
    _speak_text(text[start:end], start, vocabulary, b)
    spoken = b.text().rstrip()
    # A pause at the end of list items and contact lines; they carry no full stop on screen.
    if spoken and spoken[-1] not in ".!?:;,":
        spoken += "."
    if suffix:
        spoken += " " + suffix
    return Utterance(spoken, unit_index, start, end, tuple(b.words))


def _unit_utterances(index: int, unit: TextUnit, vocabulary: set[str]) -> Iterable[Utterance]:
    text = unit.text
    if unit.kind == "contact-detail" and unit.field in {"facebook", "twitter", "website"}:
        label = text[: len(text) - len(unit.value)]
        if label:
            # "Facebook: SENDIASS Rutland" reads as "Facebook, SENDIASS Rutland".
            yield _utterance(index, text, 0, len(text), vocabulary)
            return
    if unit.kind == "contact-tagline":
        # Shown in capitals for design; spoken capitals would be spelt letter by letter.
        b = _Builder()
        _plain(text.lower(), 0, b)
        yield Utterance(b.text() + ".", index, 0, len(text), tuple(b.words))
        return
    for start, end in split_sentences(text):
        yield _utterance(index, text, start, end, vocabulary)


def _vocabulary(units: list[TextUnit]) -> set[str]:
    words = {w.lower() for u in units for w in re.findall(r"[A-Za-z]{3,}", u.text)}
    return words - {"www", "org", "com"}


def _introduces_quote(unit: TextUnit | None) -> bool:
    return unit is not None and "code of practice says" in unit.text.lower()


def narrate_card(card: Card, next_title: str | None) -> Script:
    """The whole card as utterances in screen order, ending with where to go next."""
    units = card_units(card)
    vocabulary = _vocabulary(units)
    script: Script = []
    prev_block = -2
    for index, unit in enumerate(units):
        block = card.blocks[unit.block] if unit.block >= 0 else None
        first_of_quote = isinstance(block, Quote) and unit.block != prev_block
        if isinstance(block, Quote) and block.continued and unit.block != prev_block:
            script.append(Utterance(tr("The SEND Code of Practice, continued:"), -1, 0, 0))
        elif first_of_quote and not _introduces_quote(units[index - 1] if index else None):
            script.append(Utterance(tr("The SEND Code of Practice says:"), -1, 0, 0))
        if unit.kind == "quote-ref":
            u = _utterance(index, unit.text, 0, len(unit.text), vocabulary, prefix="End of quote.")
            script.append(u)
        else:
            script.extend(_unit_utterances(index, unit, vocabulary))
        prev_block = unit.block
    if next_title:
        b = _Builder()
        _plain(next_title, 0, b)
        title = b.text().rstrip()
        end = "" if title[-1:] in {".", "?", "!"} else "."
        said = tr("End of card. Next: {title}").format(title=f"{title}{end}")
        script.append(Utterance(said, -1, 0, 0))
    else:
        script.append(Utterance(tr("End of card. This is the end of the leaflet."), -1, 0, 0))
    return script


def narrate_leaflet_cards(cards: Iterable[Card]) -> list[Script]:
    """One script per card, each ending with the title of the card after it."""
    ordered = list(cards)
    titles: list[str | None] = [c.title for c in ordered[1:]] + [None]
    return [narrate_card(card, title) for card, title in zip(ordered, titles, strict=True)]
