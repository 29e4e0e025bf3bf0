"""The reading screen: one card at a time, with Back / Home / Next always in the same place."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..content.model import Leaflet
from ..i18n import on_language_change, tr
from .fit import fit_factor
from .mirror import mirrored
from .theme import BUTTON_TEXT_PX, Metrics
from .touch import SwipeDetector
from .widgets import big_button, fit_label

if TYPE_CHECKING:
    # Card views are built after the first paint; their module loads then, not at start-up.
    from .card_view import CardView


def _progress_words() -> list[str]:
    """The words of "Card 3 of 29" in the current language, the first one first."""
    return tr("Card {number} of {total}").format(number=29, total=29).split() or ["29"]


def next_labels() -> list[str]:
    """The Next button's two labels (the last card's finishes), in the current language."""
    return [tr("Next") + "  ▶", tr("Finish") + "  ⌂"]


class CardScreen(QWidget):
    """Shows one card of a leaflet. Views are built on first use and cached.

    Signals: homeRequested(), cardShown(int index).
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
        super().__init__(parent)
        self.setObjectName("cardScreen")
        self.leaflet = leaflet
        self.metrics = metrics
        self._make_view = make_view
        self.views: dict[int, CardView] = {}
        self.index = -1

        self.stack = QStackedWidget()
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.more_below = QLabel(self)
        self.more_below.setObjectName("moreBelow")
        self.more_below.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.more_below.hide()

        self.back = big_button("◀", "back", "")
        self.home = big_button("⌂", "home", "")
        self.next = big_button("▶", "next", "", role="primary")
        self.progress = QLabel()
        self.progress.setObjectName("progress")
        self.progress.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # At large text in portrait the buttons need the room; the progress line may wrap.
        self.progress.setWordWrap(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.back.clicked.connect(self.go_back)
        self.next.clicked.connect(self.go_next)
        self.home.clicked.connect(self.homeRequested)

        self.nav = QHBoxLayout()
        self.nav.addWidget(self.back, 2)
        self.nav.addWidget(self.home, 2)
        self.nav.addWidget(self.progress, 3)
        self.nav.addWidget(self.next, 3)
        self.extra_bar = QHBoxLayout()  # read-aloud controls slot in here
        layout = QVBoxLayout(self)
        self.layout_ = layout
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.extra_bar)
        layout.addLayout(self.nav)
        self._progress_above = False
        self._nav_fitted_for: tuple[object, ...] | None = None
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
            self._fit_nav_labels()

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        m = metrics.margin
        self.layout_.setContentsMargins(m, m // 2, m, m // 2)
        self.layout_.setSpacing(metrics.gap)
        self.nav.setSpacing(metrics.gap)
        self._fit_nav_labels()

    def _fit_nav_labels(self) -> None:
        self._nav_fitted_for = None
        self._fit_nav()

    def _fit_nav(self) -> None:
        """Labels as large as the text size asks, unless the row is too narrow for all its
        buttons (portrait at large text, with Get help beside them): then as large as the
        row allows, never clipped and never on top of each other."""
        m = self.metrics
        buttons = [w for w in self._nav_buttons() if isinstance(w, QPushButton)]
        # Controls others add in a row of their own above (help's card buttons) fit too.
        extra = [
            b for b in self._buttons_in(self.extra_bar) if not b.isHidden() and b not in buttons
        ]
        if self.width() <= 0 or not self.isVisible():
            return  # fitted when shown: a hidden screen has no width to fit
        shown = tuple(b.objectName() for b in (*buttons, *extra))
        key = (self.width(), m, self.font().family(), shown)
        if key == self._nav_fitted_for:
            return
        self._nav_fitted_for = key
        fitted = [*buttons, *extra]

        def apply(factor: float) -> None:
            px = max(1, round(BUTTON_TEXT_PX * m.scale * factor))
            # Each button's own sheet, not the screen's: a sheet set on the screen re-polishes
            # every card view under it (about 20 ms a try, several tries a fit).
            for button in fitted:
                button.setStyleSheet(f"font-size: {px}px;")
            for button in fitted:
                fit_label(button, button.property("fitLabels") or [button.text()])

        def fits() -> bool:
            self._place_progress()
            margins = self.layout_.contentsMargins()
            spare = self.width() - margins.left() - margins.right()
            need = sum(max(b.minimumWidth(), b.sizeHint().width()) for b in buttons)
            need += max(0, len(buttons) - 1) * self.nav.spacing()
            if not self._progress_above:
                words = self.progress.fontMetrics()
                need += self.nav.spacing() + words.horizontalAdvance(_progress_words()[0])
            if need > spare:
                return False
            self.layout_.activate()
            return all(b.width() >= b.minimumWidth() for b in extra)

        fit_factor(apply, fits, m.chrome_scale)
        # Lay the row out now: the first card shown must not show the buttons elsewhere.
        self.layout_.activate()

    def _place_progress(self) -> None:
        """ "Card 3 of 29" sits between the buttons while it fits whole words there; on a
        narrow screen at large text it gets its own line above them."""
        if self.width() <= 0 or not self.isVisible():
            return  # not laid out yet: the first resize decides
        words = self.progress.fontMetrics()
        word = max(words.horizontalAdvance(w) for w in _progress_words())
        margins = self.layout_.contentsMargins()
        others = self._nav_buttons()
        buttons = sum(max(b.minimumWidth(), b.sizeHint().width()) for b in others)
        spare = self.width() - margins.left() - margins.right() - len(others) * self.nav.spacing()
        # The row shares its width out by stretch, so the line gets its share, at most.
        stretch = sum(self.nav.stretch(i) for i in range(self.nav.count())) or 1
        if self._progress_above:
            stretch += 3  # as if it were back in the row
        share = spare * 3 / stretch
        above = buttons + word > spare or share < word
        if above == self._progress_above:
            return
        self._progress_above = above
        self.nav.removeWidget(self.progress)
        self.layout_.removeWidget(self.progress)
        if above:
            self.layout_.insertWidget(self.layout_.indexOf(self.nav), self.progress)
        else:
            self.nav.insertWidget(2, self.progress, 3)

    def _buttons_in(self, layout: QLayout) -> list[QPushButton]:
        found: list[QPushButton] = []
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if isinstance(widget, QPushButton):
                found.append(widget)
            elif inner is not None:
                found += self._buttons_in(inner)
        return found

    def _nav_buttons(self) -> list[QWidget]:
        """What shares the navigation row with the progress line (others add to it)."""
        found: list[QWidget] = []
        for i in range(self.nav.count()):
            item = self.nav.itemAt(i)
            if item is None:
                continue
            widget, inner = item.widget(), item.layout()
            if widget is not None and widget is not self.progress and not widget.isHidden():
                found.append(widget)
            elif inner is not None:
                # A row others put in (the help's card buttons) takes its share of the width.
                found += [b for b in self._buttons_in(inner) if not b.isHidden()]
        return found

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_nav()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_nav()

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
