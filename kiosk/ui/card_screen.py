"""The reading screen: one card at a time, with Back / Home / Next always in the same place.

Where the controls stand (rows under the text, or a column beside it) and how their labels
fit is card_controls.py's; this module gives them their words and turns the cards."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from ..content.model import Card, Leaflet
from ..i18n import on_language_change, tr
from .card_controls import CardControls
from .mirror import mirrored
from .theme import Metrics
from .touch import SwipeDetector

if TYPE_CHECKING:
    # Card views are built after the first paint; their module loads then, not at start-up.
    from .card_view import CardView


def next_labels() -> list[str]:
    """The Next button's two labels (the last card's finishes), in the current language."""
    return [tr("Next") + "  ▶", tr("Finish") + "  ⌂"]


class CardScreen(CardControls):
    """Shows one card of a leaflet. Views are built on first use and cached.

    Signals: homeRequested(), cardShown(int index), arranged().
    """

    homeRequested = Signal()
    cardShown = Signal(int)

    def __init__(
        self,
        leaflet: Leaflet,
        metrics: Metrics,
        make_view: Callable[[int], CardView],
        parent: QWidget | None = None,
    ):
        super().__init__(metrics, parent)
        self.setObjectName("cardScreen")
        self.leaflet = leaflet
        self._make_view = make_view
        self.views: dict[int, CardView] = {}
        self.index = -1
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.home.clicked.connect(self.homeRequested)
        self._words()
        on_language_change(self, self._words)
        self.apply_metrics(metrics)
        self.stack.installEventFilter(self)

    def _words(self) -> None:
        """The buttons' words in the kiosk's current language (again when it changes)."""
        rtl = self.back.isRightToLeft()
        self.more_below.setText("▼  " + tr("More below: scroll down"))
        self.more_below.setAccessibleName(tr("More text below. Scroll down to read it."))
        for button, label, description in (
            (self.back, "◀  " + tr("Back"), tr("Go to the previous card.")),
            (self.home, "⌂  " + tr("Home"), tr("Go to the list of topics.")),
        ):
            button.setText(mirrored(label, rtl))
            button.setAccessibleName(label.strip(" ◀⌂"))
            button.setAccessibleDescription(description)
            button.setProperty("fitLabels", [label])
        self.next.setProperty("fitLabels", next_labels())
        if 0 <= self.index < len(self.leaflet.cards):
            self._card_words(self.index)
        else:
            self.next.setText(mirrored(next_labels()[0], rtl))
            self.next.setAccessibleName(tr("Next"))
            self.next.setAccessibleDescription(tr("Go to the next card."))
        if hasattr(self, "layout_"):
            self.fit_controls()

    def view(self, index: int) -> CardView:
        view = self.views.get(index)
        if view is None:
            view = self._make_view(index)
            self.views[index] = view
            self.stack.addWidget(view)
            SwipeDetector(view.viewport(), self.metrics.px(120)).swiped.connect(self._swiped)
            bar = view.verticalScrollBar()
            bar.valueChanged.connect(self._update_more_below)
            bar.rangeChanged.connect(self._update_more_below)
        return view

    def set_leaflet(self, leaflet: Leaflet) -> None:
        self.drop_views()
        self.leaflet = leaflet
        self.index = -1

    def take_views(self) -> list[QWidget]:
        """Hand over every built view, for the caller to delete (a new leaflet). They stay in
        the stack, hidden, until then: taking thirty out of it was a fifth of the tap that
        opens another leaflet (0.5 ms), and taking one out of the widget tree (the caller's
        `setParent(None)`) takes it out of the stack as well."""
        views: list[QWidget] = list(self.views.values())
        self.views.clear()
        return views

    def drop_views(self) -> None:
        """Forget every built view (after a theme or text-size change)."""
        for view in self.views.values():
            self.stack.removeWidget(view)
            # Out of the widget tree now, not at the next turn of the loop: a walk of this
            # screen's children meanwhile (prebuilding behind the settings panel does one) made
            # PySide keep every old view alive, 2 MB per change of text size or colours.
            view.setParent(None)
            view.deleteLater()
        self.views.clear()

    @property
    def current_view(self) -> CardView | None:
        return self.views.get(self.index)

    def lay_out(self, card: Card) -> CardView:
        """Lay `card` out in the view on screen, in place of its own, and return the view:
        for a caller that only measures cards (`--check-content`), of any leaflet. The text
        has the same room whatever the card: the controls keep one place and one width.
        The screen is then fit for measuring only (its view shows another card than its
        own, and its words are the first card's)."""
        view = self.current_view
        if view is None:
            self.show_card(0)
            view = self.current_view
            assert view is not None
        view.set_card(card)
        self._update_more_below()  # the cue's strip, kept below the text of a card that scrolls
        return view

    def show_card(self, index: int) -> None:
        index = max(0, min(index, len(self.leaflet.cards) - 1))
        view = self.view(index)
        self.index = index
        view.verticalScrollBar().setValue(0)
        view.clear_highlight()
        self.stack.setCurrentWidget(view)
        self._card_words(index)
        self._update_more_below()
        self.cardShown.emit(index)
        # The help's buttons for this card are in place now: the cue goes where there is room.
        self._place_cue()

    def _card_words(self, index: int) -> None:
        """Progress and the Next button, which say where in the leaflet card `index` is."""
        total = len(self.leaflet.cards)
        progress = tr("Card {number} of {total}").format(number=index + 1, total=total)
        self.progress.setText(progress)
        self.progress.setAccessibleName(progress)
        self.back.setEnabled(index > 0)
        last = index == total - 1
        label = next_labels()[1 if last else 0]
        self.next.setText(mirrored(label, self.next.isRightToLeft()))
        self.next.setAccessibleName(tr("Finish") if last else tr("Next"))
        self.next.setAccessibleDescription(
            tr("Back to the list of topics.")
            if last
            else tr("Go to card {number}: {title}").format(
                number=index + 2, title=self.leaflet.cards[index + 1].title
            )
        )

    @Slot()
    def go_next(self) -> None:
        if self.index >= len(self.leaflet.cards) - 1:
            self.homeRequested.emit()
        else:
            self.show_card(self.index + 1)

    @Slot()
    def go_back(self) -> None:
        if self.index > 0:
            self.show_card(self.index - 1)

    @Slot(int)
    def _swiped(self, direction: int) -> None:
        # A right-to-left page is turned the other way: the finger moves right for Next.
        if (direction > 0) != self.isRightToLeft():
            self.go_next()
        else:
            self.go_back()

    @Slot()
    def _update_more_below(self) -> None:
        view = self.current_view
        if view is None:
            self.more_below.hide()
            return
        bar = view.verticalScrollBar()
        if self._cue_in_column:
            # The cue has its place in the column: the text keeps all its height.
            view.reserve_bottom(0)
            self.more_below.setVisible(
                view.content_height() > view.room_without_strip() and bar.value() < bar.maximum()
            )
            return
        self.more_below.adjustSize()
        strip = self.more_below.height() + self.metrics.px(16)
        # Whether the text needs the cue is judged against the room it has without the cue's
        # strip: judged with it, a card that once overflowed (laid out at a passing width)
        # would keep the strip, and so keep overflowing.
        overflowing = view.content_height() > view.room_without_strip()
        # The cue gets its own strip under the text of a card that scrolls; a card that
        # fits keeps all its room. The strip stays at the end so nothing jumps.
        view.reserve_bottom(strip if overflowing else 0)
        show = overflowing and bar.value() < bar.maximum()
        self.more_below.setVisible(show)
        if show:
            geo = self.stack.geometry()
            self.more_below.move(
                geo.center().x() - self.more_below.width() // 2,
                geo.bottom() - strip + (strip - self.more_below.height()) // 2,
            )
            self.more_below.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.stack and event.type() == QEvent.Type.Resize:
            self._update_more_below()
        return False
