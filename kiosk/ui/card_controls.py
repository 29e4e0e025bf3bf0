"""The card screen's controls and where they stand: in rows under the text, or, in landscape
at large text, in a column beside it (see `beside_text`): rows there would leave the text a
strip, while a reading line at that size already takes less than the screen's width. Next
stays in the corner it has in rows. Labels are fitted to the room either way.

`CardControls` lays out a text area (`stack`) with Back / Home / Next, "Card 3 of 29", the
"more below" cue and a row others add buttons to (`extra_bar`: the help's); the card screen
(card_screen.py) gives them their words and what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .fit import FLOOR, fit_factor
from .screen_stack import ScreenStack
from .theme import BUTTON_TEXT_PX, Metrics
from .tree import layout_members
from .widgets import big_button, fit_label


def _progress_words() -> list[str]:
    """The words of "Card 3 of 29" in the current language, the first one first."""
    return tr("Card {number} of {total}").format(number=29, total=29).split() or ["29"]


def beside_text(metrics: Metrics) -> bool:
    """Whether the card screen's controls go in a column beside the text: in landscape at
    150% text and more, where rows of them under the text leave it a strip (at 250% a
    1366x768 card kept 133 px of its height) and the text has the width to give."""
    return not metrics.portrait and metrics.text_scale >= 1.5


# The column beside the text takes at most this share of the screen's width: the text,
# at large sizes already shorter than the reading measure, keeps the rest.
SIDE_SHARE = 0.25
# The "more below" cue may shrink to this share of its size to fit the column (1366x768 at
# 250%: 15 px short at full size), rather than take a strip of the text's height.
CUE_FLOOR = 0.75


class CardControls(QWidget):
    """A text area with the card screen's controls under it or beside it.

    Signals: arranged() when the controls move between rows and a column.
    """

    arranged = Signal()  # the controls moved between rows under the text and a column beside

    def __init__(self, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.metrics = metrics
        self.stack = ScreenStack()
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

        self.nav = QHBoxLayout()
        self.nav.addWidget(self.back, 2)
        self.nav.addWidget(self.home, 2)
        self.nav.addWidget(self.progress, 3)
        self.nav.addWidget(self.next, 3)
        # Beside the text the same buttons stack: Back and Home side by side, Next under them.
        self.side_nav = QGridLayout()
        self.extra_bar = QHBoxLayout()  # the help's card buttons slot in here
        # The controls: under the text (rows) or beside it (a column); see _arrange.
        self.controls = QVBoxLayout()
        self.controls.addLayout(self.extra_bar)
        self.controls.addLayout(self.nav)
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self.layout_ = layout
        layout.addWidget(self.stack, 1)
        layout.addLayout(self.controls)
        self.beside = False
        self._strut = QSpacerItem(0, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._cue_in_column = False
        self._cue_px: int | None = None
        self._progress_above = False
        self._nav_fitted_for: tuple[object, ...] | None = None

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        m = metrics.margin
        self.layout_.setContentsMargins(m, m // 2, m, m // 2)
        self.layout_.setSpacing(metrics.gap)
        self._space_controls()
        self.fit_controls()

    def column_gap(self) -> int:
        """The space between controls in the column: a column stacks six buttons at most,
        tighter there, so they fit under the top bar."""
        return self.metrics.px(12)

    def _space_controls(self) -> None:
        gap = self.column_gap() if self.beside else self.metrics.gap
        for layout in (self.nav, self.side_nav, self.controls, self.extra_bar):
            layout.setSpacing(gap)

    def _column_need(self, words: int, shown_only: bool = False) -> int:
        """The height a column beside the text needs, with `words` for "Card 3 of 29": for
        every control that may show on a card (the help's buttons come and go from card to
        card, and the layout must not change while a visitor turns the cards), or with
        `shown_only`, for those on this card."""
        helps = [
            b
            for b in (*self._buttons_in(self.extra_bar), *self._buttons_in(self.nav))
            if b not in (self.back, self.home, self.next) and not (shown_only and b.isHidden())
        ]
        # Spaced as they will be in the column, not as they are in rows before it is made.
        gap = self.column_gap()
        # "Card 3 of 29", Back and Home side by side, Next under them.
        need = words + self._tall(self.back) + self._tall(self.next) + 2 * gap
        if helps:
            need += sum(self._tall(b) for b in helps) + gap
            need += (len(helps) - 1) * (self._help_spacing() if self.beside else gap)
        return need

    def _tall(self, button: QPushButton) -> int:
        """A button's height in the column: a touch target's, since the column fits its
        labels to that height too (a tall font such as OpenDyslexic would grow them)."""
        return self.metrics.target

    def _help_spacing(self) -> int:
        """The space between the help's buttons in their own grid (the help sets it)."""
        found = [self.extra_bar.spacing()]
        for inner in layout_members(self.extra_bar):
            if isinstance(inner, QGridLayout):
                found.append(inner.verticalSpacing())
            elif isinstance(inner, QLayout):
                found.append(inner.spacing())
        return max(found)

    def _smallest_words(self) -> int:
        """The progress line's height at the smallest size a fit may give it."""
        return self._words_height(round(self._words_px(FLOOR * self.metrics.chrome_scale)))

    def _words_height(self, px: int) -> int:
        font = QFont(self.progress.font())
        font.setPixelSize(max(1, px))
        return QFontMetrics(font).height()

    def _words_room(self) -> int:
        """The largest size of "Card 3 of 29" for which the column fits its height."""
        room = self._column_height() - self._column_need(0)
        px = max(1, round(self._words_px(FLOOR * self.metrics.chrome_scale)))
        while self._words_height(px + 1) <= room and px < self.metrics.small:
            px += 1
        return px

    def _words_px(self, factor: float) -> float:
        """The progress line's size in the column, grown and shrunk with the buttons'."""
        m = self.metrics
        return m.small * factor / m.chrome_scale

    def _column_height(self) -> int:
        margins = self.layout_.contentsMargins()
        return self.height() - margins.top() - margins.bottom()

    def _arrange(self, beside: bool) -> None:
        """Controls in rows under the text, or in a column beside it. Qt mirrors the row
        that holds text and column, so on a right-to-left page the column is on the left,
        where that page ends."""
        if beside == self.beside:
            return
        self.beside = beside
        self._space_controls()
        moved: tuple[QWidget, ...] = (self.back, self.home, self.progress, self.next)
        for widget in moved:
            self.nav.removeWidget(widget)
            self.side_nav.removeWidget(widget)
            self.controls.removeWidget(widget)
        self.controls.removeWidget(self.more_below)
        while self.controls.count() > 1:  # all but the help's row: the nav and a stretch
            self.controls.takeAt(1)
        self._progress_above = False
        if beside:
            self.layout_.setDirection(QBoxLayout.Direction.LeftToRight)
            self.side_nav.addWidget(self.progress, 0, 0, 1, 2)
            self.side_nav.addWidget(self.back, 1, 0)
            self.side_nav.addWidget(self.home, 1, 1)
            self.side_nav.addWidget(self.next, 2, 0, 1, 2)
            # The help's buttons at the top, the way through the cards at the bottom.
            self.controls.addStretch(1)
            self.controls.addLayout(self.side_nav)
            # One width for every card, whatever its buttons' words: nothing moves as the
            # visitor turns the cards, and the text keeps its line length.
            self.controls.addItem(self._strut)
        else:
            self.layout_.setDirection(QBoxLayout.Direction.TopToBottom)
            for widget, stretch in zip(moved, (2, 2, 3, 3), strict=True):
                self.nav.addWidget(widget, stretch)
            self.controls.addLayout(self.nav)
        self._cue_in_column = False
        self._place_cue()
        self.arranged.emit()

    def _place_cue(self) -> None:
        """The "more below" cue lies over the foot of the text, in a strip kept for it; beside
        the text, where the column has the room, it is in the column instead, just above
        Back and Home, and the text keeps its whole height."""
        px = self._cue_px_in_column() if self.beside else None
        column = px is not None
        same = column == self._cue_in_column and self.more_below.wordWrap() == column
        if same and px == self._cue_px:
            return
        self._cue_in_column = column
        self._cue_px = px
        # In a short column a little smaller (down to CUE_FLOOR) rather than over the text.
        small = px is not None and px < self.metrics.small
        self.more_below.setStyleSheet(f"font-size: {px}px;" if small else "")
        self.controls.removeWidget(self.more_below)
        self.more_below.setParent(self)
        self.more_below.setWordWrap(column)
        self.more_below.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if column:
            # It takes the column's width, never sets it, and as many lines as its words
            # need there.
            policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            self.more_below.setSizePolicy(policy)
            self.controls.insertWidget(self.controls.indexOf(self.side_nav), self.more_below)
        else:
            self.more_below.setSizePolicy(
                QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred
            )
        self.more_below.hide()
        self._update_more_below()

    def _column_width(self) -> int:
        return int(self.width() * SIDE_SHARE)

    def _cue_height(self, px: int) -> int:
        """The cue's height at `px`, its words wrapped to the column's width (measured, not
        asked: while it lies over the text it is one line, and says so)."""
        cue = self.more_below
        cue.ensurePolished()  # hidden so far: it may not have its font yet
        font = QFont(cue.font())
        font.setPixelSize(px)
        margins = cue.contentsMargins()
        across = margins.left() + margins.right() + 2 * cue.margin()
        down = margins.top() + margins.bottom() + 2 * cue.margin()
        box = QRect(0, 0, max(1, self._column_width() - across), 1 << 20)
        wrap = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignCenter
        return QFontMetrics(font).boundingRect(box, wrap, cue.text()).height() + down

    def _cue_px_in_column(self) -> int | None:
        """The largest size, from the cue's own down to CUE_FLOOR of it, at which the cue fits
        the column under this card's controls; None where it does not fit even then."""
        need = self._column_need(self.progress.sizeHint().height(), shown_only=True)
        room = self._column_height() - need - self.controls.spacing()
        px = self.metrics.small
        while px >= CUE_FLOOR * self.metrics.small:
            if self._cue_height(px) <= room:
                return px
            px -= 1
        return None

    def fit_controls(self) -> None:
        self._nav_fitted_for = None
        self._fit_nav()

    def fit_ahead(self) -> None:
        """Fit while hidden, once laid out at the size it will show at (the window makes the
        card screen ahead): the first Start reading then finds its buttons fitted (a third of
        that tap). Shown at another size, it fits again."""
        self._fit_nav(ahead=True)

    def _fit_nav(self, ahead: bool = False) -> None:
        """Labels as large as the text size asks, unless the row is too narrow for all its
        buttons (portrait at large text, with Get help beside them): then as large as the
        row allows, never clipped and never on top of each other."""
        m = self.metrics
        if self.width() <= 0 or not (ahead or self.isVisible()):
            return  # fitted when shown: a hidden screen has no width to fit
        wanted = beside_text(m)
        self._arrange(wanted and self._column_need(self._smallest_words()) <= self._column_height())
        buttons = [w for w in self._nav_buttons() if isinstance(w, QPushButton)]
        # Controls others add in a row of their own above (help's card buttons) fit too.
        extra = [
            b for b in self._buttons_in(self.extra_bar) if not b.isHidden() and b not in buttons
        ]
        shown = tuple(b.objectName() for b in (*buttons, *extra))
        # Beside the text the column's height counts too (the top bar's rows change it).
        tall = self.height() if beside_text(m) else 0
        key = (self.width(), tall, m, self.font().family(), shown, self.beside)
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
            # Beside the text "Card 3 of 29" takes a line of the column: it keeps to the
            # buttons' size there, and smaller if the column is short of height.
            words = f"font-size: {min(round(self._words_px(factor)), self._words_room())}px;"
            self.progress.setStyleSheet(words if self.beside else "")

        def fits() -> bool:
            if self.beside:
                return self._column_fits(fitted)
            self._place_progress(ahead)
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
        self._place_cue()
        # Lay the row out now: the first card shown must not show the buttons elsewhere.
        self.layout_.activate()

    def _column_fits(self, fitted: list[QPushButton]) -> bool:
        """Beside the text: every button, and Back and Home side by side, within the
        column's share of the width (the text keeps the rest), each a touch target tall."""
        room = self._column_width()
        self._strut.changeSize(room, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        def wide(button: QPushButton) -> int:
            return max(button.minimumWidth(), button.sizeHint().width())

        pair = wide(self.back) + self.side_nav.spacing() + wide(self.home)
        tall = max(b.sizeHint().height() for b in (*fitted, self.back, self.home, self.next))
        return max(pair, *(wide(b) for b in fitted)) <= room and tall <= self.metrics.target

    def _place_progress(self, ahead: bool = False) -> None:
        """ "Card 3 of 29" sits between the buttons while it fits whole words there; on a
        narrow screen at large text it gets its own line above them."""
        if self.width() <= 0 or not (ahead or self.isVisible()) or self.beside:
            return  # not laid out yet: the first resize decides; beside: above Back
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
        self.controls.removeWidget(self.progress)
        if above:
            self.controls.insertWidget(self.controls.indexOf(self.nav), self.progress)
        else:
            self.nav.insertWidget(2, self.progress, 3)

    def _buttons_in(self, layout: QLayout) -> list[QPushButton]:
        found: list[QPushButton] = []
        for member in layout_members(layout):
            if isinstance(member, QPushButton):
                found.append(member)
            elif isinstance(member, QLayout):
                found += self._buttons_in(member)
        return found

    def _nav_buttons(self) -> list[QWidget]:
        """What shares the navigation row with the progress line (others add to it)."""
        found: list[QWidget] = []
        nav = self.side_nav if self.beside else self.nav
        for member in layout_members(nav):
            if isinstance(member, QWidget):
                if member is not self.progress and not member.isHidden():
                    found.append(member)
            else:
                # A row others put in (the help's card buttons) takes its share of the width.
                found += [b for b in self._buttons_in(member) if not b.isHidden()]
        return found

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_nav()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_nav()

    def _update_more_below(self) -> None:
        """Show or hide the "more below" cue for the text shown (the card screen knows it)."""
