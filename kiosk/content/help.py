"""The kiosk's own help around a leaflet: who to talk to, words explained, routes by need and
a card to take away. Always kept apart from the leaflet's text, and marked as the kiosk's.

`load_help` never raises: a broken glossary or routes file is reported (file and line) and
that part of the help is left out, so the kiosk keeps running with the leaflet intact.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..i18n import QT_TR_NOOP
from .errors import ContentProblem
from .glossary import Glossary, load_glossary
from .model import Card, Contact, ContactBlock, Leaflet, Library
from .routes import Routes, load_routes, local_card_id
from .text import card_plain_text, contact_units

# How every added screen and panel names itself (marked for the catalogue: tr() where shown).
HELP_LABEL = QT_TR_NOOP("Kiosk help")
HELP_NOTE = QT_TR_NOOP("This is the kiosk's help, not part of the leaflet.")


@dataclass(frozen=True, slots=True)
class LeafletHelp:
    leaflet_id: str
    contact: Contact | None  # who to talk to: the publisher's own contact from leaflet.toml
    help_card: int | None  # index of the card that lists the contacts
    glossary: Glossary | None = None
    routes: Routes | None = None


@dataclass
class HelpLoad:
    by_leaflet: dict[str, LeafletHelp] = field(default_factory=dict)
    problems: list[ContentProblem] = field(default_factory=list)
    # Leaflets whose help is not read yet (see load_help_later), and who hears of the
    # problems found as each is read.
    pending: dict[str, Leaflet] = field(default_factory=dict)
    found: Callable[[list[ContentProblem]], None] | None = None

    def for_leaflet(self, leaflet: Leaflet) -> LeafletHelp:
        if leaflet.id in self.pending:
            self._read(self.pending.pop(leaflet.id))
        return self.by_leaflet.get(leaflet.id) or basic_help(leaflet)

    def read_next(self) -> bool:
        """Read one more leaflet's help; False when none is left."""
        if not self.pending:
            return False
        self._read(self.pending.pop(next(iter(self.pending))))
        return True

    def _read(self, leaflet: Leaflet) -> None:
        help_, problems = _leaflet_help(leaflet)
        self.by_leaflet[leaflet.id] = help_
        self.problems.extend(problems)
        if problems and self.found is not None:
            self.found(problems)


def help_contact(leaflet: Leaflet) -> Contact | None:
    """The publisher's contact (SENDIASS Rutland), else the first one in leaflet.toml."""
    for contact in leaflet.contacts.values():
        if contact.organisation == leaflet.publisher:
            return contact
    return next(iter(leaflet.contacts.values()), None)


def help_card_index(leaflet: Leaflet, contact: Contact | None) -> int | None:
    """The card a "Get help" control opens: the first card made only of contacts that shows
    the help contact (the leaflet's Contacts card), else any card showing it."""

    def shows(card: Card) -> bool:
        return any(isinstance(b, ContactBlock) and b.contact == contact for b in card.blocks)

    if contact is None:
        return None
    for i, card in enumerate(leaflet.cards):
        if shows(card) and all(isinstance(b, ContactBlock) for b in card.blocks):
            return i
    return next((i for i, card in enumerate(leaflet.cards) if shows(card)), None)


def basic_help(leaflet: Leaflet) -> LeafletHelp:
    contact = help_contact(leaflet)
    return LeafletHelp(leaflet.id, contact, help_card_index(leaflet, contact))


def load_help(library: Library) -> HelpLoad:
    """Help for every leaflet; problems are returned, never raised."""
    result = load_help_later(library)
    while result.read_next():
        pass
    return result


def load_help_later(
    library: Library, found: Callable[[list[ContentProblem]], None] | None = None
) -> HelpLoad:
    """Help read a leaflet at a time: when it is first asked for, or by `read_next` (the
    kiosk calls it in idle turns). With fifty leaflets, reading them all at once was half a
    second of TOML, and decoded every leaflet's cards, just after the first paint."""
    return HelpLoad(pending={lf.id: lf for lf in library.leaflets}, found=found)


def _leaflet_help(leaflet: Leaflet) -> tuple[LeafletHelp, list[ContentProblem]]:
    glossary, problems = load_glossary(leaflet.folder)
    routes, route_problems = load_routes(leaflet)
    base = basic_help(leaflet)
    help_ = LeafletHelp(leaflet.id, base.contact, base.help_card, glossary, routes)
    return help_, problems + route_problems


def check_leaflet_help(leaflet: Leaflet) -> tuple[list[ContentProblem], list[str]]:
    """For `--check-content`: the help's problems (errors), then readability advice. Reads
    only files in the leaflet's folder (what lets the check keep its findings by folder)."""
    from .readability import leaflet_report

    glossary, problems = load_glossary(leaflet.folder)
    _routes, route_problems = load_routes(leaflet)
    return problems + route_problems, leaflet_report(leaflet, glossary)


def contact_text(contact: Contact) -> str:
    return "\n".join(unit.text for unit in contact_units(contact, 0))


def takeaway_text(leaflet: Leaflet, card: Card, contact: Contact | None) -> str:
    """What "Keep this card" puts in its QR code: the card's own text, where it is from, and
    who to contact, all in the leaflet's words."""
    parts = [card_plain_text(card)]
    shown = {b.contact.id for b in card.blocks if isinstance(b, ContactBlock)}
    if contact is not None and contact.id not in shown:
        parts.append(contact_text(contact))
    origin = leaflet.title + (f" ({leaflet.edition})" if leaflet.edition else "")
    parts.append(f"From: {origin}")
    return "\n\n".join(parts)


def takeaway_short_text(leaflet: Leaflet, card: Card, contact: Contact | None) -> str:
    """When the card is too long for one code: its title and who to contact."""
    parts = [card.title]
    if contact is not None:
        parts.append(contact_text(contact))
    parts.append(f"From: {leaflet.title}")
    return "\n\n".join(parts)


def help_plain_text(leaflet: Leaflet, help_: LeafletHelp) -> str:
    """The kiosk's help for `--export-text`, listed apart from the leaflet and labelled."""
    out = [f"[{HELP_LABEL} for: {leaflet.title}]", HELP_NOTE]
    if help_.contact is not None:
        out.append("Who to talk to\n" + contact_text(help_.contact))
    if help_.routes is not None:
        lines = [help_.routes.question]
        for answer in help_.routes.answers:
            cards = "; ".join(
                f"{leaflet.cards[i].title} [{local_card_id(leaflet.cards[i])}]"
                for i in answer.cards
            )
            lines.append(f"- {answer.text}: {cards}")
        out.append("\n".join(lines))
    if help_.glossary is not None:
        lines = ["Words explained"]
        for term in help_.glossary.sorted_terms():
            lines.append(f"- {term.term}: {term.explanation} (Source: {term.source})")
        out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"
