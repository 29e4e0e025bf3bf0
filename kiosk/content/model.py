"""Read-only content model: a library of leaflets, each a list of sections made of cards.

Plain frozen dataclasses, no Qt: the UI, the text export and the narration all read these.
`Leaflet` and `Library` are defined here; what a leaflet's cards are made of (`Section`,
`Card`, `Paragraph` and the rest) lives in `blocks.py`, loaded the first time one of its
names is asked of this module: the first screen needs only a leaflet's title.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # Bound at run time on first use (__getattr__ below); named here for mypy and readers.
    from .blocks import Block as Block
    from .blocks import BulletList as BulletList
    from .blocks import Card as Card
    from .blocks import CodeReference as CodeReference
    from .blocks import Contact as Contact
    from .blocks import ContactBlock as ContactBlock
    from .blocks import Paragraph as Paragraph
    from .blocks import Quote as Quote
    from .blocks import Section as Section
    from .blocks import Span as Span


def load_blocks() -> None:
    """Make the card classes names of this module too, so that the annotations of `Leaflet`
    (which name them) resolve: `typing.get_type_hints` reads this module's globals and never
    asks `__getattr__`."""
    if "Card" not in globals():
        from . import blocks

        for name, value in vars(blocks).items():
            if not name.startswith("_"):
                globals().setdefault(name, value)


def __getattr__(name: str) -> Any:
    if not name.startswith("__"):
        load_blocks()
        if name in globals():
            return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class Leaflet:
    """One leaflet: its title and the like, its contacts, and its sections of cards."""

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
