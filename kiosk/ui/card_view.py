"""One card on screen: a read-only, non-selectable view of its document (card_document.py),
kept to the reading measure at any width, with kinetic touch scrolling and the narrator's
highlight."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QResizeEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from ..content.model import Card
from ..i18n import tr
from .card_document import CardDocument
from .theme import Metrics, Theme
from .touch import FlickScroll


class CardView(QTextEdit):
    """A read-only, non-selectable card document with kinetic touch scrolling."""

    def __init__(
        self,
        card: Card,
        theme: Theme,
        metrics: Metrics,
        family: str,
        parent: QWidget | None = None,
        *,
        wide_spacing: bool = False,
    ):
        super().__init__(parent)
        self.setObjectName("cardText")
        self.setReadOnly(True)
        # Public kiosk: no selection, no drag, no context menu, no links to follow.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._highlighted = False
        self._fitted_width = -1
        self._swapping = False
        self._take(CardDocument(card, theme, metrics, family, wide_spacing))
        FlickScroll(self.viewport())

    def _take(self, content: CardDocument) -> None:
        self.card = content.card
        self.content = content
        self.setAccessibleName(content.card.title)
        description = tr("Card text. Use the arrow keys or swipe up and down to scroll.")
        if qr := content.qr_description():
            description = f"{description} {qr}"
        self.setAccessibleDescription(description)
        self.setDocument(content.document)
        content.document.setParent(self)

    def set_card(self, card: Card) -> None:
        """Show `card` in place of this view's own, in its look and at its width: a view
        already shown lays out another card in a quarter of the time a new view takes (no
        widget to make, style and size), which is how `--check-content` measures a library."""
        old = self.content
        self.clear_highlight()
        content = CardDocument(card, old.theme, old.m, old.family, old.wide_spacing)
        # The new card's margins and column before its document is set, so the text edit
        # lays it out once, at its own width, not at the last card's and then again.
        self._swapping = True
        try:
            self.content = content
            self._keep_measure()
            content.document.setTextWidth(self.viewport().width())
            content.fit_column()
        finally:
            self._swapping = False
        self._fitted_width = self.viewport().width()
        self._take(content)
        content.fit_words()
        old.document.deleteLater()

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        # Left/Right belong to card navigation; let the screen have them.
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        dy = -self.verticalScrollBar().value()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.content.paint_boxes(painter, dy)
        painter.end()
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        self.content.paint_qr(painter, dy)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._swapping:
            # The viewport, narrowed or widened for the next card: its document is set next
            # and laid out then; this one's layout would be thrown away.
            return
        # Margins first: the text edit lays the document out for the viewport it then has.
        self._keep_measure()
        super().resizeEvent(event)
        self._fit_width()

    def viewportEvent(self, event: QEvent) -> bool:
        handled = super().viewportEvent(event)
        if event.type() == QEvent.Type.Resize and not self._swapping:
            # The viewport also changes width on its own, when the scroll bar comes or goes.
            self._fit_width()
        return handled

    def _fit_width(self) -> None:
        self._keep_measure()
        width = self.viewport().width()
        if width != self._fitted_width:
            self._fitted_width = width
            self.content.fit_column()
            self.content.fit_words()

    def _keep_measure(self) -> None:
        """Lines no longer than the reading measure: on a wide screen the spare width
        becomes equal margins, so the text sits in a comfortable column in the middle."""
        margins = self.viewportMargins()
        bar = self.verticalScrollBar()
        shown_bar = bar.width() if bar.isVisible() else 0
        # What the frame and the padding take, besides the margins and a shown scroll bar.
        chrome = self.width() - self.viewport().width() - margins.left() - margins.right()
        spare = max(0, int(self.width() - (chrome - shown_bar) - self.content.measure()))
        left = spare // 2
        # A scroll bar that comes takes its room from the margin, not from the text: a card
        # that only just fits would otherwise wrap one more line and keep its scroll bar.
        right = max(0, spare - left - shown_bar)
        if (margins.left(), margins.right()) != (left, right):
            self.setViewportMargins(left, 0, right, margins.bottom())
            # The text edit lays its document out again only when it is itself resized,
            # not when its viewport is; a stale width would run lines past the viewport.
            self.content.document.setTextWidth(self.viewport().width())

    def reserve_bottom(self, px: int) -> None:
        """Keep a strip below the text (for the "More below" cue) so the cue never covers it."""
        margins = self.viewportMargins()
        if margins.bottom() != px:
            self.setViewportMargins(margins.left(), 0, margins.right(), px)

    def room_without_strip(self) -> int:
        """The viewport's height if no strip were kept below the text."""
        return self.viewport().height() + self.viewportMargins().bottom()

    def content_height(self) -> float:
        return self.document().size().height()

    def overflows(self) -> bool:
        return self.verticalScrollBar().maximum() > 0

    def highlight(
        self, unit: int, start: int, length: int, word_start: int = -1, word_length: int = 0
    ) -> None:
        """Mark the sentence (and word) being read; offsets are within `unit`'s text."""
        base = self.content.ranges[unit][0]
        selections = []
        sentence = QTextEdit.ExtraSelection()
        sentence.cursor = QTextCursor(self.document())
        sentence.cursor.setPosition(base + start)
        sentence.cursor.setPosition(base + start + length, QTextCursor.MoveMode.KeepAnchor)
        sentence.format.setBackground(QColor(self.content.theme.sentence_bg))
        selections.append(sentence)
        if word_start >= 0 and word_length > 0:
            word = QTextEdit.ExtraSelection()
            word.cursor = QTextCursor(self.document())
            word.cursor.setPosition(base + word_start)
            word.cursor.setPosition(
                base + word_start + word_length, QTextCursor.MoveMode.KeepAnchor
            )
            word.format.setBackground(QColor(self.content.theme.word_bg))
            word.format.setForeground(QColor(self.content.theme.word_text))
            selections.append(word)
        self.setExtraSelections(selections)
        self._highlighted = True
        visible = QTextCursor(self.document())
        visible.setPosition(base + (word_start if word_start >= 0 else start))
        self.setTextCursor(visible)
        self.ensureCursorVisible()

    def clear_highlight(self) -> None:
        # Called on every view at every stop: only one of them can have anything to clear.
        if self._highlighted:
            self._highlighted = False
            self.setExtraSelections([])
