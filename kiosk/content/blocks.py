"""What a leaflet's cards are made of: sections, cards, their blocks of text, and contacts.

Kept apart from `model.py` (whose `Leaflet` and `Library` they fill) so that the first screen
does without them: a kiosk starting from its content cache decodes a leaflet's cards only when
the leaflet is first opened (deferred.py), and making these nine frozen dataclasses took
4-6 ms of the launch. Import them from `kiosk.content.model` as before; it loads this module
on first use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Span:
    """A run of inline text; `bold` marks the leaflet's own emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Spans of text that read as one paragraph."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass(frozen=True, slots=True)
class BulletList:
    """A bulleted list, one paragraph an item."""

    items: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation from the SEND Code of Practice with its paragraph number (e.g. "6.1")."""

    paragraph: str
    blocks: tuple[Paragraph | BulletList, ...]
    continued: bool = False  # the rest of a quotation split across cards to fit the screen


@dataclass(frozen=True, slots=True)
class Contact:
    """An organisation the leaflet gives contact details for."""

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
    """A contact's details, shown where the leaflet puts them."""

    contact: Contact


@dataclass(frozen=True, slots=True)
class CodeReference:
    """A "find out more in the SEND Code of Practice" pointer: the sentence plus its sections."""

    sections: tuple[str, ...]
    blocks: tuple[Paragraph | BulletList, ...]


Block = Paragraph | BulletList | Quote | ContactBlock | CodeReference


@dataclass(frozen=True, slots=True)
class Card:
    """One screenful of a section: what a visitor reads at a time."""

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
    """A topic of the leaflet (a tile on its home screen), as one or more cards."""

    id: str
    title: str
    tile: str  # the label on the home screen's topic tile
    order: int
    cards: tuple[Card, ...]
    source: Path
