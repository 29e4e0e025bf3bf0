"""A card as an ordered list of text units: the one plain-text layout everything shares.

The card screen inserts these units into its document in this order, the text export joins
them, and narration refers to (unit index, offset) so highlighting lands on what is shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .model import (
    Block,
    BulletList,
    Card,
    CodeReference,
    Contact,
    ContactBlock,
    Leaflet,
    Paragraph,
    Quote,
    Span,
)

UnitKind = Literal[
    "title",
    "paragraph",
    "item",
    "quote-paragraph",
    "quote-item",
    "quote-ref",
    "code-ref",
    "code-ref-item",
    "contact-name",
    "contact-tagline",
    "contact-detail",
]


@dataclass(frozen=True, slots=True)
class TextUnit:
    """One line of a card as shown. `block` is the index of the card block it belongs to
    (-1 for the title); `field`/`value` are set for contact details (e.g. "phone")."""

    kind: UnitKind
    spans: tuple[Span, ...]
    block: int
    field: str = ""
    value: str = ""

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def quote_reference(quote: Quote) -> str:
    more = " (continued)" if quote.continued else ""
    return f"SEND Code of Practice, paragraph {quote.paragraph}{more}"


def _plain(text: str) -> tuple[Span, ...]:
    return (Span(text),)


def _inner(
    blocks: tuple[Paragraph | BulletList, ...], para: UnitKind, item: UnitKind, index: int
) -> Iterator[TextUnit]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield TextUnit(para, block.spans, index)
        else:
            for entry in block.items:
                yield TextUnit(item, entry.spans, index)


def contact_units(contact: Contact, index: int) -> Iterator[TextUnit]:
    yield TextUnit("contact-name", _plain(contact.organisation), index)
    if contact.tagline:
        yield TextUnit("contact-tagline", _plain(contact.tagline), index)
    for field, label, value in contact.details():
        yield TextUnit("contact-detail", _plain(label + value), index, field, value)


def block_units(block: Block, index: int) -> Iterator[TextUnit]:
    match block:
        case Paragraph():
            yield TextUnit("paragraph", block.spans, index)
        case BulletList():
            for item in block.items:
                yield TextUnit("item", item.spans, index)
        case Quote():
            yield from _inner(block.blocks, "quote-paragraph", "quote-item", index)
            yield TextUnit("quote-ref", _plain(quote_reference(block)), index)
        case CodeReference():
            yield from _inner(block.blocks, "code-ref", "code-ref-item", index)
        case ContactBlock():
            yield from contact_units(block.contact, index)


def card_units(card: Card) -> list[TextUnit]:
    units = [TextUnit("title", _plain(card.title), -1)]
    for index, block in enumerate(card.blocks):
        units.extend(block_units(block, index))
    return units


def card_plain_text(card: Card) -> str:
    lines = []
    for unit in card_units(card):
        prefix = "- " if unit.kind.endswith("item") else ""
        lines.append(prefix + unit.text)
    return "\n".join(lines)


def leaflet_plain_text(leaflet: Leaflet, scoped: bool = False) -> str:
    """The whole leaflet in reading order, as `--export-text` prints it. `scoped` names
    each card `leaflet/card`, for a library where two leaflets may share a card id."""
    parts = [leaflet.title]
    if leaflet.edition:
        parts.append(leaflet.edition)
    out = ["\n".join(parts)]
    total = len(leaflet.cards)
    for number, card in enumerate(leaflet.cards, 1):
        name = f"{leaflet.id}/{card.id}" if scoped else card.id
        out.append(f"[Card {number} of {total}: {name}]\n{card_plain_text(card)}")
    return "\n\n".join(out) + "\n"
