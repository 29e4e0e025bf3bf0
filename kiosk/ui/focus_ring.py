"""The focus indicator on every button: a two-tone ring just inside the button's outline.

A style sheet can only recolour a button's border on focus, and no single colour differs
enough from both a dark fill and a light page: on primary buttons the old ring changed the
pixels under it by 1.02:1 to 1.95:1 (WCAG 2.4.13 asks for 3:1). Here a dark band and a light
band are painted over the button after it has painted itself. The two bands differ by at
least 9:1, so whatever colour lies under them, one band or the other changes it by at least
3:1 (the worst case is sqrt(9) = 3), and each band on its own is thicker than the 2 px
perimeter WCAG asks for. The ring lies inside the button, so no parent or scroll area clips
it and nothing moves when focus moves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Slot
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QPushButton,
    QWidget,
)
from shiboken6 import isValid

from .theme import Metrics, Theme


class FocusRing(QObject):
    """Follows the application's focus within `host`; paints the ring on the focused button."""

    def __init__(self, host: QWidget, theme: Theme, metrics: Metrics) -> None:
        super().__init__(host)
        self.host = host
        self.theme, self.metrics = theme, metrics
        self._on: QAbstractButton | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_moved)

    def set_look(self, theme: Theme, metrics: Metrics) -> None:
        self.theme, self.metrics = theme, metrics
        if self._on is not None:
            self._on.update()

    @Slot(QWidget, QWidget)
    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        # A screen may have rebuilt its buttons (a help page) while one of them had focus.
        if self._on is not None and isValid(self._on):
            self._on.removeEventFilter(self)
            self._on.update()
        self._on = None
        # Only buttons: text areas and scroll areas show focus with their style-sheet border.
        if isinstance(new, QAbstractButton) and self.host.isAncestorOf(new):
            self._on = new
            new.installEventFilter(self)
            new.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched is self._on:
            # The button paints itself first (event() skips the filters), then the ring.
            self._on.event(event)
            if self._on.hasFocus():
                self.paint(self._on)
            return True
        return False

    def paint(self, button: QAbstractButton) -> None:
        m = self.metrics
        band = max(3, m.px(4))
        inset = self._outline(button) + max(2, m.px(3))
        outer = QRectF(button.rect()).adjusted(inset, inset, -inset, -inset)
        radius = max(0.0, m.radius - inset / 2)
        painter = QPainter(button)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        for colour, step in ((self.theme.focus_dark, 0), (self.theme.focus_light, band)):
            rect = outer.adjusted(step, step, -step, -step)
            r, inner_r = max(0.0, radius - step), max(0.0, radius - step - band)
            ring = QPainterPath()
            ring.addRoundedRect(rect, r, r)
            ring.addRoundedRect(rect.adjusted(band, band, -band, -band), inner_r, inner_r)
            painter.setBrush(QColor(colour))
            painter.drawPath(ring)  # odd-even fill: the band between the two rectangles
        painter.end()

    def _outline(self, button: QAbstractButton) -> int:
        """How thick the button's outline is, so the ring lies on its fill, clear of it.
        Buttons have no padding above their text, so the top of their contents is the
        outline; a chosen theme swatch's is the thickest. Tiles pad all round: deeper than
        that is padding, and they have the usual outline."""
        # Named here, on the first focus, not at start: PySide makes QStyle when it is first
        # named, about 7 ms that the first screen does not need.
        from PySide6.QtWidgets import QStyle, QStyleOptionButton

        m = self.metrics
        option = QStyleOptionButton()
        if isinstance(button, QPushButton):
            button.initStyleOption(option)  # with its checked state, which thickens some
        else:
            option.initFrom(button)
        top = (
            button.style()
            .subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
            .top()
        )
        return top if 0 <= top <= m.px(8) else max(2, m.px(3))
