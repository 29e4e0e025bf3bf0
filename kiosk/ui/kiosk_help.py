"""Wires the kiosk's help into the window: the help box on home, "Get help" beside Back /
Home / Next, the help row on cards (words on this card, keep this card, back to a route),
words marked in the card text, and the help screen with its page history.

The window owns one KioskHelp. It takes the help data (HelpLoad) and never reads files.
Signals: speak(str) for "Read aloud"; announce(str) for audio mode when a page opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QPushButton, QWidget

from ..content.glossary import Term, find_terms, terms_on_card
from ..content.help import HELP_LABEL, HelpLoad, LeafletHelp
from ..content.model import Card
from ..i18n import tr
from .help_box import HelpBox
from .help_card_buttons import GET_HELP, RETURN, HelpCardButtons
from .help_pages import (
    WORDS_TITLE,
    card_words_page,
    keep_page,
    question_page,
    route_page,
    term_page,
    words_page,
)
from .help_screen import HelpPage, HelpScreen, mark_help
from .term_marks import TermTaps, mark_terms
from .tile import TileButton
from .widgets import big_button, fit_label

if TYPE_CHECKING:
    from .card_view import CardView
    from .home import HomeScreen
    from .main_window import KioskWindow


@dataclass(frozen=True, slots=True)
class Place:
    screen: str  # "home", "card" or "help"
    card: int = -1
    page: HelpPage | None = None


class KioskHelp(QObject):
    speak = Signal(str)
    announce = Signal(str)

    def __init__(self, window: KioskWindow, load: HelpLoad | None):
        super().__init__(window)
        self.window = window
        self.load = load or HelpLoad()
        self.history: list[Place] = []
        self.return_to: Place | None = None  # where "Return" goes from the contacts card
        self.route: HelpPage | None = None  # the route a visitor is reading cards from
        self.screen = HelpScreen(window.metrics)
        self.screen.itemChosen.connect(self._chosen)
        self.screen.backRequested.connect(self.back)
        self.screen.homeRequested.connect(window.show_home)
        self.screen.speakRequested.connect(self.speak)
        window.stack.addWidget(self.screen)
        cards = window.cards
        self.buttons = HelpCardButtons(window)
        self.get_help = self.buttons.get_help
        self.card_words = self.buttons.card_words
        self.keep = self.buttons.keep
        self.to_route = self.buttons.to_route
        self.get_help.clicked.connect(self.get_help_pressed)
        self.card_words.clicked.connect(self.open_card_words)
        self.keep.clicked.connect(self.open_keep)
        self.to_route.clicked.connect(self.back_to_route)
        cards.cardShown.connect(self._card_shown)
        window.screenChanged.connect(self._screen_changed)
        self.box: HelpBox | None = None
        self.routes_button: QPushButton | None = None
        self.words_tile: TileButton | None = None
        # card id -> its terms: searched once per card, not on every tap of Next.
        self._terms: dict[str, list[Term]] = {}
        self.leaflet_opened()

    # --- data ----------------------------------------------------------------------------
    @property
    def data(self) -> LeafletHelp:
        return self.load.for_leaflet(self.window.leaflet)

    def tab_chain(self, nav: Sequence[QWidget]) -> list[QWidget]:
        """The card screen's controls after the text, [back, home, next] with the help's
        buttons where they are on the screen."""
        return self.buttons.tab_chain(nav)

    # --- home ----------------------------------------------------------------------------
    def leaflet_opened(self) -> None:
        """A leaflet's home is shown: take up its help box and Words explained tile (given
        to it as it was made, or now)."""
        home, data = self.window.home, self.data
        self._terms.clear()
        self.history.clear()
        self.return_to = self.route = None
        self.dress(home)
        self.box = home.help_box if isinstance(home.help_box, HelpBox) else None
        self.routes_button = next(
            (b for b in home.help_actions if b.objectName() == "whatIsHappening"), None
        )
        self.words_tile = next(
            (t for t in home.help_tiles if t.objectName() == "tile-words-explained"), None
        )
        self.get_help.setVisible(data.help_card is not None)

    def dress(self, home: HomeScreen) -> None:
        """Give a home its help box, its routes question and the Words explained tile, once."""
        if home.help_box is not None:
            return
        data = self.load.for_leaflet(home.leaflet)
        box = HelpBox(data.contact, self.window.metrics)
        actions: list[QPushButton] = []
        if data.routes is not None:
            button = big_button(
                data.routes.question,
                "whatIsHappening",
                tr(
                    "Kiosk help: choose what is happening to you, and see which of the leaflet's "
                    "cards are about it."
                ),
                role="primary",
            )
            mark_help(button)
            button.clicked.connect(self.open_question)
            actions.append(button)
        tiles: list[TileButton] = []
        if data.glossary is not None:
            count = len(data.glossary.terms)
            tile = TileButton(
                tr(WORDS_TITLE),
                tr(HELP_LABEL) + "  ·  " + tr("{count} words").format(count=count),
                tr("Kiosk help: what some words in the leaflet mean, in plain English."),
            )
            tile.setObjectName("tile-words-explained")
            mark_help(tile)
            tile.clicked.connect(self.open_words)
            tiles.append(tile)
        home.add_help(box, actions, tiles)

    def apply_metrics(self) -> None:
        metrics = self.window.metrics
        self.screen.apply_metrics(metrics)
        if self.box is not None:
            self.box.apply_metrics(metrics)
        if self.routes_button is not None:
            fit_label(self.routes_button, [self.routes_button.text()])
        fit_label(self.get_help, [tr(GET_HELP), tr(RETURN)])
        self.buttons.place_for_metrics()
        for button in (self.to_route, self.card_words, self.keep):
            fit_label(button, [button.text()])

    # --- pages ---------------------------------------------------------------------------
    def _here(self) -> Place:
        screen = self.window.current_screen()
        if screen == "card":
            return Place("card", self.window.cards.index)
        if screen == "help" and self.screen.page is not None:
            return Place("help", page=self.screen.page)
        return Place("home")

    def open_page(self, page: HelpPage) -> None:
        self.history.append(self._here())
        self._show(page)

    def _show(self, page: HelpPage) -> None:
        self.screen.show_page(page)
        window = self.window
        if window.stack.currentWidget() is not self.screen:
            window.stack.setCurrentWidget(self.screen)
            window.screenChanged.emit("help")
        self.screen.first_control().setFocus(Qt.FocusReason.OtherFocusReason)
        self.announce.emit(page.spoken or page.title)

    @Slot()
    def back(self) -> None:
        place = self.history.pop() if self.history else Place("home")
        self._go(place)

    def _go(self, place: Place) -> None:
        if place.screen == "card":
            self.window.show_card(place.card)
        elif place.screen == "help" and place.page is not None:
            self._show(place.page)
        else:
            self.window.show_home()

    @Slot()
    def open_question(self) -> None:
        routes = self.data.routes
        if routes is not None:
            self.open_page(question_page(routes, self.window.leaflet))

    @Slot()
    def open_words(self) -> None:
        glossary = self.data.glossary
        if glossary is not None:
            self.open_page(words_page(glossary))

    def open_term(self, term: Term) -> None:
        self.open_page(term_page(term))

    @Slot()
    def open_card_words(self) -> None:
        card = self.current_card()
        if card is not None:
            self.open_page(card_words_page(card, self.card_terms(card)))

    @Slot()
    def open_keep(self) -> None:
        card = self.current_card()
        if card is not None:
            self.open_page(keep_page(self.window.leaflet, card, self.data.contact))

    @Slot(str)
    def _chosen(self, key: str) -> None:
        kind, _, value = key.partition(":")
        routes, glossary = self.data.routes, self.data.glossary
        if kind == "answer" and routes is not None:
            self.open_page(route_page(routes.answers[int(value)], self.window.leaflet))
        elif kind == "card":
            page = self.screen.page
            self.route = page if page is not None and page.name == "route" else None
            self.history.clear()
            self.window.show_card(int(value))
        elif kind == "term" and glossary is not None:
            self.open_term(glossary.by_id(value))

    @Slot()
    def back_to_route(self) -> None:
        if self.route is not None:
            self.open_page(self.route)

    # --- cards ---------------------------------------------------------------------------
    def current_card(self) -> Card | None:
        index = self.window.cards.index
        return self.window.leaflet.cards[index] if index >= 0 else None

    def card_terms(self, card: Card) -> list[Term]:
        terms = self._terms.get(card.id)
        if terms is None:
            glossary = self.data.glossary
            terms = terms_on_card(card, glossary) if glossary is not None else []
            self._terms[card.id] = terms
        return list(terms)

    def view_built(self, view: CardView) -> None:
        """Mark each term's first occurrence on a new card view; taps on it explain it."""
        glossary = self.data.glossary
        if glossary is None:
            return
        hits = find_terms(view.card, glossary)
        if not hits:
            return
        marks = mark_terms(view, hits, self.window.look.theme.accent)
        TermTaps(view, marks, self.open_term, self.window.metrics.px(24))
        names = ", ".join(t.term for t in self.card_terms(view.card))
        explained = tr(
            "{help}: words explained on this card: {names}. Use the Words on this card "
            "button to hear what they mean."
        ).format(help=tr(HELP_LABEL), names=names)
        view.setAccessibleDescription(f"{view.accessibleDescription()} {explained}")

    @Slot()
    def get_help_pressed(self) -> None:
        target = self.data.help_card
        if self.return_to is not None:
            place, self.return_to = self.return_to, None
            self._go(place)
        elif target is not None:
            here = self._here()
            self.window.show_card(target)
            self.return_to = here
            self._update_get_help()

    def on_help_card(self) -> bool:
        target, index = self.data.help_card, self.window.cards.index
        if target is None or index < 0:
            return False
        cards = self.window.leaflet.cards
        return cards[index].section_id == cards[target].section_id

    def _update_get_help(self) -> None:
        button = self.get_help
        if self.return_to is not None:
            button.setText(tr(RETURN))
            where = tr("the start screen")
            if self.return_to.screen == "card":
                where = self.window.leaflet.cards[self.return_to.card].title
            button.setAccessibleName(tr("Return to {where}").format(where=where))
            button.setAccessibleDescription(tr("Kiosk help: go back to where you were."))
            button.setEnabled(True)
        else:
            button.setText(tr(GET_HELP))
            button.setAccessibleName(tr("Get help"))
            button.setAccessibleDescription(
                tr(
                    "Kiosk help: opens the contacts card, with who to talk to and how. "
                    "Press it again there to return."
                )
            )
            button.setEnabled(not self.on_help_card())

    @Slot(int)
    def _card_shown(self, index: int) -> None:
        if self.return_to is not None and not self.on_help_card():
            self.return_to = None  # the visitor went on reading: no way back to keep
        self._update_get_help()
        self.dress_card(index)

    def dress_card(self, index: int) -> None:
        """Set the card screen's help buttons for card `index` of the open leaflet: as it
        shows, or ahead (the card buttons are fitted ahead for the first card)."""
        card = self.window.leaflet.cards[index]
        terms = self.card_terms(card)
        self.card_words.setVisible(bool(terms))
        self.card_words.setText(tr("Words on this card ({count})").format(count=len(terms)))
        self.card_words.setAccessibleName(
            tr("Words on this card, {count}").format(count=len(terms))
        )
        self.card_words.setAccessibleDescription(
            tr("Kiosk help: what these words mean: {terms}").format(
                terms=", ".join(t.term for t in terms)
            )
        )
        fit_label(self.card_words, [self.card_words.text()])
        self.to_route.setVisible(self.route is not None)
        if self.route is not None:
            self.to_route.setAccessibleDescription(
                tr("Kiosk help: back to the cards for: {title}").format(title=self.route.title)
            )

    @Slot(str)
    def _screen_changed(self, screen: str) -> None:
        if screen in ("home", "attract", "library"):
            self.history.clear()
            self.route = None
            self.return_to = None

    def reset(self) -> None:
        self.history.clear()
        self.route = self.return_to = None
        self.screen.page = None

    def home_summary(self) -> str:
        """Who to talk to, as the help box on home shows it, for audio mode to say."""
        contact = self.data.contact
        if contact is None:
            return ""
        how = ", ".join(
            f"{label.strip(': ').lower()} {value}"
            for field, label, value in contact.details()
            if field in ("phone", "email")
        )
        who = contact.organisation
        return tr(
            "{help}: to talk to someone, {who}: {how}. Press G for all their details."
        ).format(help=tr(HELP_LABEL), who=who, how=how)

    def help_text(self) -> str:
        """What audio mode's help key says on the help screen."""
        page = self.screen.page
        title = page.title if page else tr(HELP_LABEL)
        return tr(
            "Kiosk help: {title}. Up and down arrows move between the buttons, Enter chooses. "
            "Backspace goes back to where you were."
        ).format(title=title)

    def speak_card_words(self) -> str:
        """Audio mode's words key: the words explained on the current card, and what they
        mean, ready to speak."""
        card = self.current_card()
        if self.window.current_screen() != "card" or card is None:
            return tr("Words explained are listed on each card. Open a card first.")
        terms = self.card_terms(card)
        if not terms:
            return tr("This card has no words explained.")
        listing = ", ".join(t.term for t in terms)
        meanings = " ".join(f"{t.term}: {t.explanation}" for t in terms)
        said = tr("Kiosk help. {count} words explained on this card: {listing}.").format(
            count=len(terms), listing=listing
        )
        return f"{said} {meanings}"
