"""The kiosk help's buttons on the card screen: Get help, Words on this card, Keep this card
and Your list, and where they stand as the card screen's controls move (in the navigation row,
a row of their own, two rows upright, or the column beside the text). What they do is the
kiosk help's (kiosk_help.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QGridLayout, QWidget

from ..i18n import QT_TR_NOOP, tr
from .help_screen import mark_help
from .widgets import big_button

if TYPE_CHECKING:
    from .main_window import KioskWindow

GET_HELP = QT_TR_NOOP("☎  Get help")
RETURN = QT_TR_NOOP("↩  Return")


class HelpCardButtons(QObject):
    """The four buttons, made on the window's card screen, and the grid they share."""

    def __init__(self, window: KioskWindow):
        super().__init__(window)
        self.window = window
        cards = window.cards
        # Parented at once: a parentless button is a window of its own until laid out.
        self.get_help = big_button(tr(GET_HELP), "getHelp", "", parent=cards)
        mark_help(self.get_help)
        self.get_help.setProperty("fitLabels", [tr(GET_HELP), tr(RETURN)])  # the nav re-fits it
        self.card_words = big_button(tr("Words on this card"), "cardWords", "", parent=cards)
        self.keep = big_button(
            tr("Keep this card"),
            "keepCard",
            tr("Kiosk help: shows a QR code holding this card's text, for your phone to keep."),
            parent=cards,
        )
        self.to_route = big_button("◀  " + tr("Your list"), "backToRoute", "", parent=cards)
        self.row = QGridLayout()
        for button in (self.to_route, self.card_words, self.keep):
            mark_help(button)
        self.row_mode = ""  # "nav", "row", "stacked" or "side": see _place_row
        cards.arranged.connect(self.place_for_metrics)

    def tab_chain(self, nav: Sequence[QWidget]) -> list[QWidget]:
        """The card screen's controls after the text, [back, home, next] with the help's
        buttons where they are on the screen."""
        back, home, next_ = nav
        helps = [b for b in (self.to_route, self.card_words, self.keep) if not b.isHidden()]
        if self.row_mode == "nav":
            return [back, home, self.get_help, *helps, next_]
        if self.row_mode in ("stacked", "side"):
            first = [self.get_help, self.keep, self.card_words, self.to_route]
            return [*(b for b in first if not b.isHidden()), back, home, next_]
        return [*helps, back, home, self.get_help, next_]

    @Slot()
    def place_for_metrics(self) -> None:
        metrics = self.window.metrics
        if self.window.cards.beside:
            self._place_row("side")
        elif not metrics.portrait and metrics.text_scale < 1.5:
            self._place_row("nav")
        elif metrics.portrait and metrics.text_scale >= 1.5:
            self._place_row("stacked")
        else:
            self._place_row("row")

    def _place_row(self, mode: str) -> None:
        """Where the help's card buttons go, so every card still fits and nothing overlaps:
        "nav": wide screens at ordinary text, in the navigation row after Get help;
        "row": a row of their own above the navigation;
        "stacked": upright at large text, Get help joins them in two rows above it, since
        Back, Home, Get help and Next no longer fit across;
        "side": the card screen's controls are beside the text (landscape, large text): Get
        help and these one under another at the top of that column."""
        if mode == self.row_mode:
            return
        cards = self.window.cards
        for layout in (cards.nav, cards.extra_bar):
            layout.removeItem(self.row)
        for button in (self.to_route, self.card_words, self.keep, self.get_help):
            self.row.removeWidget(button)
        cards.nav.removeWidget(self.get_help)
        if mode == "side":
            for line, button in enumerate((self.get_help, self.keep, self.card_words)):
                self.row.addWidget(button, line, 0)
            self.row.addWidget(self.to_route, 3, 0)
            cards.extra_bar.addLayout(self.row)
        elif mode == "stacked":
            self.row.addWidget(self.get_help, 0, 0)
            self.row.addWidget(self.keep, 0, 1)
            self.row.addWidget(self.card_words, 1, 0, 1, 2)
            self.row.addWidget(self.to_route, 2, 0, 1, 2)
            cards.extra_bar.addLayout(self.row)
        else:
            cards.nav.insertWidget(2, self.get_help, 2)
            for column, button in enumerate((self.to_route, self.card_words, self.keep)):
                self.row.addWidget(button, 0, column)
            if mode == "nav":
                cards.nav.insertLayout(cards.nav.indexOf(self.get_help) + 1, self.row, 2)
            else:
                cards.extra_bar.addLayout(self.row)
        # In the column as tight as the card screen's own controls there (it counts on it).
        self.row.setSpacing(cards.column_gap() if mode == "side" else self.window.metrics.gap)
        self.row_mode = mode
        cards.fit_controls()  # the buttons to fit, and the room for them, changed
