"""Read-only content model: a library of leaflets, each a list of sections made of cards.

Plain frozen dataclasses, no Qt: the UI, the text export and the narration all read these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Span:
    """A run of inline text; `bold` marks the leaflet's own emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation from the SEND Code of Practice with its paragraph number (e.g. "6.1")."""

    paragraph: str
    blocks: tuple[Paragraph | BulletList, ...]
    continued: bool = False  # the rest of a quotation split across cards to fit the screen


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    organisation: str
    tagline: str = ""
    website: str = ""
    phone: str = ""
    email: str = ""
    facebook: str = ""
    twitter: str = ""

    # (field, label shown before the value). Order follows the leaflet.
    FIELDS = (
        ("website", ""),
        ("phone", "Telephone: "),
        ("email", "Email: "),
        ("facebook", "Facebook: "),
        ("twitter", "Twitter: "),
    )

    def details(self) -> list[tuple[str, str, str]]:
        """(field, label, value) for each detail this contact has, in display order."""
        return [(f, label, getattr(self, f)) for f, label in self.FIELDS if getattr(self, f)]


@dataclass(frozen=True, slots=True)
class ContactBlock:
    contact: Contact


@dataclass(frozen=True, slots=True)
class CodeReference:
    """A "find out more in the SEND Code of Practice" pointer: the sentence plus its sections."""

    sections: tuple[str, ...]
    blocks: tuple[Paragraph | BulletList, ...]


Block = Paragraph | BulletList | Quote | ContactBlock | CodeReference


@dataclass(frozen=True, slots=True)
class Card:
    id: str
    section_id: str
    section_title: str
    part: int  # 1-based position within its section
    parts: int
    blocks: tuple[Block, ...]
    source: Path
    line: int

    @property
    def title(self) -> str:
        if self.parts == 1:
            return self.section_title
        return f"{self.section_title}, {self.part} of {self.parts}"


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    tile: str  # the label on the home screen's topic tile
    order: int
    cards: tuple[Card, ...]
    source: Path


@dataclass(frozen=True, slots=True)
class Leaflet:
    id: str
    title: str
    edition: str
    publisher: str
    language: str
    contacts: dict[str, Contact]
    sections: tuple[Section, ...]
    folder: Path
    description: str = ""  # one line for the chooser
    cards: tuple[Card, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cards", tuple(c for s in self.sections for c in s.cards))

    def card_index(self, card_id: str) -> int:
        for i, card in enumerate(self.cards):
            if card.id == card_id:
                return i
        raise KeyError(card_id)


@dataclass(frozen=True, slots=True)
class Library:
    """Leaflets are independent: card ids are unique within a leaflet, not across them."""

    leaflets: tuple[Leaflet, ...]
    root: Path

    def card_ref(self, leaflet: Leaflet, card: Card) -> str:
        """How commands name a card: `leaflet/card` once there is more than one leaflet."""
        return card.id if len(self.leaflets) == 1 else f"{leaflet.id}/{card.id}"

    def card_refs(self) -> list[str]:
        return [self.card_ref(lf, c) for lf in self.leaflets for c in lf.cards]

    def find_card(self, ref: str) -> tuple[Leaflet, Card]:
        """`leaflet/card`, or a bare card id when only one leaflet has a card by that name.
        KeyError (with a message naming the choices) otherwise."""
        leaflet_id, _, card_id = ref.rpartition("/")
        found = [
            (lf, c)
            for lf in self.leaflets
            if not leaflet_id or lf.id == leaflet_id
            for c in lf.cards
            if c.id == card_id
        ]
        if len(found) == 1:
            return found[0]
        if found:
            choices = ", ".join(f"{lf.id}/{c.id}" for lf, c in found)
            raise KeyError(f"card id {card_id!r} is in several leaflets: use one of {choices}")
        raise KeyError(ref)
