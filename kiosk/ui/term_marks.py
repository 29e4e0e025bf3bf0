"""Words explained, on the card itself: each glossary term's first occurrence is underlined
with dots (formatting only: the card's text, and so narration and screen readers, are
unchanged), and a tap on a marked word asks for its explanation."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QTextCharFormat, QTextCursor

from ..content.glossary import Term, TermHit

if TYPE_CHECKING:
    from .card_view import CardView

Mark = tuple[int, int, Term]  # document start, document end, the term


def mark_terms(view: CardView, hits: list[TermHit], colour: str) -> list[Mark]:
    """Underline each hit in the view's document; returns where each mark landed."""
    marks: list[Mark] = []
    for hit in hits:
        base = view.content.ranges[hit.unit][0]
        start, end = base + hit.start, base + hit.end
        cursor = QTextCursor(view.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(QColor(colour))
        cursor.mergeCharFormat(fmt)
        marks.append((start, end, hit.term))
    return marks


class TermTaps(QObject):
    """A tap (not a drag or a swipe, which move further than `slop`) on a marked word calls
    `chosen` with its term. Owned by the view, so it goes when the view goes."""

    def __init__(
        self, view: CardView, marks: list[Mark], chosen: Callable[[Term], None], slop: int
    ) -> None:
        super().__init__(view)
        self.view = view
        self.marks = marks
        self.chosen = chosen
        self.slop = slop
        self._pressed: QPointF | None = None
        view.viewport().installEventFilter(self)

    def term_at(self, pos: QPoint) -> Term | None:
        point = QPointF(pos.x(), pos.y() + self.view.verticalScrollBar().value())
        at = self.view.document().documentLayout().hitTest(point, Qt.HitTestAccuracy.ExactHit)
        return next((term for start, end, term in self.marks if start <= at < end), None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QMouseEvent):
            return False
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = event.position()
        elif event.type() == QEvent.Type.MouseButtonRelease:
            start, self._pressed = self._pressed, None
            if start is not None:
                moved = event.position() - start
                if abs(moved.x()) <= self.slop and abs(moved.y()) <= self.slop:
                    term = self.term_at(event.position().toPoint())
                    if term is not None:
                        self.chosen(term)
        return False
