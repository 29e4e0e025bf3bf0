"""The pages of the kiosk's help, built from content data (routes, glossary, a card). Plain
functions from data to `HelpPage`: no widgets, so they are easy to read and to test."""

from __future__ import annotations

from ..content.glossary import Glossary, Term
from ..content.help import HELP_NOTE, takeaway_short_text, takeaway_text
from ..content.model import Card, Contact, Leaflet
from ..content.routes import Answer, Routes
from ..i18n import QT_TR_NOOP, tr
from .help_screen import HelpPage, PageItem
from .takeaway import fits

WORDS_TITLE = QT_TR_NOOP("Words explained")


def origin(leaflet: Leaflet) -> str:
    edition = f" ({leaflet.edition})" if leaflet.edition else ""
    by = " " + tr("by {publisher}").format(publisher=leaflet.publisher) if leaflet.publisher else ""
    return tr("the leaflet {title}").format(title=f"\u201c{leaflet.title}\u201d{edition}{by}")


def _spoken(page_title: str, paragraphs: tuple[str, ...], count: int, what: str) -> str:
    parts = [tr("Kiosk help. {title}.").format(title=page_title), *paragraphs]
    if count:
        keys = tr("Use the up and down keys to move, Enter to choose.")
        parts.append(f"{count} {what}. {keys}")
    return " ".join(parts)


def question_page(routes: Routes, leaflet: Leaflet) -> HelpPage:
    paragraphs = (
        tr(
            "Choose the answer closest to yours. You will see which of the leaflet's cards"
            " are about it."
        ),
    )
    items = tuple(
        PageItem(
            answer.text,
            "",
            f"answer:{number}",
            tr("Shows {count} cards from the leaflet about this.").format(count=len(answer.cards)),
        )
        for number, answer in enumerate(routes.answers)
    )
    return HelpPage(
        "question",
        routes.question,
        paragraphs,
        items,
        note=tr(HELP_NOTE)
        + " "
        + tr("The answers only point to cards of {origin}.").format(origin=origin(leaflet)),
        spoken=_spoken(routes.question, paragraphs, len(items), tr("answers")),
    )


def route_page(answer: Answer, leaflet: Leaflet) -> HelpPage:
    total = len(leaflet.cards)
    paragraphs = (
        tr(
            "These {count} cards are about this. They come from {origin}: "
            "its own words, in its order."
        ).format(count=len(answer.cards), origin=origin(leaflet)),
    )
    items = tuple(
        PageItem(
            leaflet.cards[i].title,
            "",
            f"card:{i}",
            tr("Card {number} of {total} in the leaflet.").format(number=i + 1, total=total),
        )
        for i in answer.cards
    )
    first = leaflet.cards[answer.cards[0]]
    return HelpPage(
        "route",
        answer.text,
        paragraphs,
        items,
        primary=PageItem(
            tr("Read the first card") + "  ▶",
            tr("Opens {title}").format(title=first.title),
            f"card:{answer.cards[0]}",
        ),
        spoken=_spoken(answer.text, paragraphs, len(items) + 1, tr("buttons")),
    )


def _term_items(terms: list[Term]) -> tuple[PageItem, ...]:
    return tuple(
        PageItem(term.term, "", f"term:{term.id}", tr("Kiosk help: see what it means."))
        for term in terms
    )


def words_page(glossary: Glossary) -> HelpPage:
    paragraphs = (
        tr(
            "What some words in the leaflet mean, in plain English. These explanations are the "
            "kiosk's help, not part of the leaflet."
        ),
    )
    items = _term_items(glossary.sorted_terms())
    return HelpPage(
        "words",
        tr(WORDS_TITLE),
        paragraphs,
        items,
        spoken=_spoken(tr(WORDS_TITLE), paragraphs, len(items), tr("words")),
    )


def card_words_page(card: Card, terms: list[Term]) -> HelpPage:
    title = tr("Words on this card: {title}").format(title=card.title)
    paragraphs = (
        tr(
            "Touch a word to see what it means. Words explained are underlined with dots on "
            "the card."
        ),
    )
    items = _term_items(terms)
    return HelpPage(
        "card-words",
        title,
        paragraphs,
        items,
        spoken=_spoken(title, paragraphs, len(items), tr("words")),
    )


def term_page(term: Term) -> HelpPage:
    return HelpPage(
        "term",
        term.term,
        (term.explanation,),
        read_aloud=f"{term.term}. {term.explanation}",
        note=tr("Source: {source}.").format(source=term.source) + " " + tr(HELP_NOTE),
        spoken=tr("Kiosk help. {title}.").format(title=term.term)
        + f" {term.explanation} "
        + tr("Source: {source}.").format(source=term.source),
    )


def keep_page(leaflet: Leaflet, card: Card, contact: Contact | None) -> HelpPage:
    full = takeaway_text(leaflet, card, contact)
    named = f"\u201c{card.title}\u201d"
    if fits(full):
        text = full
        paragraphs = (
            tr("This code holds the card {named}: its text and who to contact.").format(
                named=named
            ),
            tr(
                "Point your phone's camera at it to keep the card. It works without the "
                "internet, and nothing is sent anywhere."
            ),
        )
    else:
        text = takeaway_short_text(leaflet, card, contact)
        paragraphs = (
            tr(
                "The card {named} is too long to fit in one code. This code holds its title "
                "and who to contact."
            ).format(named=named),
            tr(
                "Point your phone's camera at it to keep them. It works without the internet, "
                "and nothing is sent anywhere."
            ),
        )
    title = tr("Keep this card")
    return HelpPage(
        "keep",
        title,
        paragraphs,
        qr_text=text,
        note=tr(HELP_NOTE),
        spoken=tr("Kiosk help. {title}.").format(title=title) + " " + " ".join(paragraphs),
    )
