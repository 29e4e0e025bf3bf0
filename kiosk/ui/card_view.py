"""One card as a read-only rich-text document: headings, paragraphs, lists, quotation and
reference boxes, contacts with QR codes. Built from `card_units` so that narration offsets
(unit index, character offset) map straight onto document positions for highlighting.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextTable,
    QTextTableFormat,
)
from PySide6.QtWidgets import QFrame, QScroller, QScrollerProperties, QTextEdit, QWidget

from ..content.model import Card
from ..content.text import TextUnit, card_units
from .qr import payload, qr_image
from .theme import Metrics, Theme

QR_CAPTIONS = {"phone": "Scan to phone", "email": "Scan to email", "website": "Scan for website"}
FRAMED = {
    "quote-paragraph": "quote",
    "quote-item": "quote",
    "quote-ref": "quote",
    "code-ref": "ref",
    "code-ref-item": "ref",
    "contact-name": "contact",
    "contact-tagline": "contact",
    "contact-detail": "contact",
}


class CardDocument:
    """Builds the QTextDocument for a card and remembers where each text unit landed."""

    def __init__(
        self, card: Card, theme: Theme, metrics: Metrics, family: str, wide_spacing: bool = False
    ):
        self.card = card
        self.wide_spacing = wide_spacing
        self.theme = theme
        self.m = metrics
        self.family = family
        self.units: list[TextUnit] = card_units(card)
        self.ranges: list[tuple[int, int]] = []
        self.qr_payloads: list[str] = []
        self.document = QTextDocument()
        self._build()

    # --- formats -------------------------------------------------------------------------
    def _char(self, px: int, bold: bool = False, colour: str | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        font = QFont(self.family)
        font.setPixelSize(px)
        font.setBold(bold)
        if self.wide_spacing:
            # WCAG 1.4.12: letters 0.12 em and words 0.16 em apart.
            font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.12 * px)
            font.setWordSpacing(0.16 * px)
        fmt.setFont(font)
        fmt.setForeground(QBrush(QColor(colour or self.theme.text)))
        return fmt

    def _block(
        self, after: float, before: float = 0, align: Qt.AlignmentFlag | None = None
    ) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        spread = 2 if self.wide_spacing else 1  # WCAG 1.4.12: paragraph spacing 2x
        fmt.setTopMargin(before * spread)
        fmt.setBottomMargin(after * spread)
        line_height = 150 if self.wide_spacing else 130
        fmt.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        if align is not None:
            fmt.setAlignment(align)
        return fmt

    def _frame_format(self, kind: str) -> QTextFrameFormat:
        t, m = self.theme, self.m
        bg, border = {
            "quote": (t.quote_bg, t.quote_border),
            "ref": (t.ref_bg, t.ref_border),
            "contact": (t.contact_bg, t.contact_border),
        }[kind]
        fmt = QTextFrameFormat()
        fmt.setBackground(QColor(bg))
        fmt.setBorder(max(2, m.px(4)))
        fmt.setBorderBrush(QColor(border))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setPadding(m.px(22))
        fmt.setTopMargin(m.px(6))
        fmt.setBottomMargin(m.px(26))
        if kind == "quote":
            fmt.setLeftMargin(m.px(40))
        return fmt

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        m, t = self.m, self.theme
        doc = self.document
        doc.setDocumentMargin(m.px(12))
        font = QFont(self.family)
        font.setPixelSize(m.body)
        doc.setDefaultFont(font)
        cursor = QTextCursor(doc)
        root = doc.rootFrame()
        frame: QTextFrame | None = None
        frame_key: tuple[str, int] | None = None
        fresh = True  # the cursor sits in an empty block that the next unit can use
        list_fmt = QTextListFormat()
        list_fmt.setStyle(QTextListFormat.Style.ListDisc)
        list_fmt.setIndent(1)
        list_fmt.setNumberSuffix("")
        para_gap = m.text_px(22)

        contact_table: QTextTable | None = None
        active_list: QTextList | None = None
        for i, unit in enumerate(self.units):
            kind = FRAMED.get(unit.kind)
            key = (kind, unit.block) if kind else None
            if key != frame_key:
                if frame is not None:
                    cursor = root.lastCursorPosition()
                    fresh = False
                    frame = None
                    contact_table = None
                if kind is not None:
                    frame = cursor.insertFrame(self._frame_format(kind))
                    fresh = True
                    if kind == "contact" and self._has_qr(unit.block):
                        # Details on the left, QR codes beside them (below them in portrait).
                        contact_table = self._contact_table(cursor)
                        cursor = contact_table.cellAt(0, 0).firstCursorPosition()
                frame_key = key

            is_item = unit.kind.endswith("item")
            block_fmt = self._block(para_gap)
            char_fmt = self._char(m.body, colour=t.quote_text if kind == "quote" else t.text)
            if unit.kind == "title":
                block_fmt = self._block(m.text_px(26))
                block_fmt.setHeadingLevel(1)
                char_fmt = self._char(m.title, bold=True, colour=t.heading)
            elif unit.kind == "quote-ref":
                block_fmt = self._block(0, align=Qt.AlignmentFlag.AlignRight)
                char_fmt = self._char(m.small, bold=True, colour=t.heading)
            elif unit.kind == "contact-name":
                block_fmt = self._block(m.text_px(8))
                char_fmt = self._char(m.text_px(40), bold=True, colour=t.heading)
            elif unit.kind == "contact-tagline":
                block_fmt = self._block(m.text_px(12))
                char_fmt = self._char(m.small, colour=t.muted)
            elif unit.kind == "contact-detail":
                block_fmt = self._block(m.text_px(4))
                char_fmt = self._char(m.text_px(38), bold=True)
            elif is_item:
                block_fmt = self._block(m.text_px(12))

            previous = self.units[i - 1] if i else None
            continuing_list = (
                is_item
                and previous is not None
                and previous.block == unit.block
                and previous.kind == unit.kind
            )
            if fresh:
                cursor.setBlockFormat(block_fmt)
                fresh = False
            else:
                cursor.insertBlock(block_fmt)
            # List markers take their size from the block's own character format.
            cursor.setBlockCharFormat(char_fmt)
            if is_item and continuing_list and active_list is not None:
                active_list.add(cursor.block())
            elif is_item:
                active_list = cursor.createList(list_fmt)
            elif (stray := cursor.block().textList()) is not None:
                stray.remove(cursor.block())
                cursor.setBlockFormat(block_fmt)
            start = cursor.position()
            for span in unit.spans:
                fmt = QTextCharFormat(char_fmt)
                if span.bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                if span.italic:
                    fmt.setFontItalic(True)
                cursor.insertText(span.text, fmt)
            self.ranges.append((start, cursor.position()))

            last_of_block = i + 1 == len(self.units) or self.units[i + 1].block != unit.block
            if contact_table is not None and last_of_block:
                self._insert_qr_codes(contact_table, unit.block)
        self._trim_last_block()

    def _has_qr(self, block: int) -> bool:
        return any(u.block == block and payload(u.field, u.value) for u in self.units if u.field)

    def _contact_table(self, cursor: QTextCursor) -> QTextTable:
        fmt = QTextTableFormat()
        fmt.setBorder(0)
        fmt.setCellPadding(0)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        rows, columns = (2, 1) if self.m.portrait else (1, 2)
        return cursor.insertTable(rows, columns, fmt)

    def _insert_qr_codes(self, table: QTextTable, block: int) -> None:
        details = [u for u in self.units if u.block == block and payload(u.field, u.value)]
        m = self.m
        cell = table.cellAt(1, 0) if self.m.portrait else table.cellAt(0, 1)
        cursor = cell.firstCursorPosition()
        inner_fmt = QTextTableFormat()
        inner_fmt.setBorder(0)
        inner_fmt.setCellPadding(m.px(6))
        inner_fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
        inner = cursor.insertTable(1, len(details), inner_fmt)
        size = m.px(190)
        for column, unit in enumerate(details):
            data = payload(unit.field, unit.value)
            assert data is not None
            name = f"qr:{unit.field}:{unit.value}"
            self.document.addResource(
                QTextDocument.ResourceType.ImageResource.value, QUrl(name), qr_image(data, size)
            )
            self.qr_payloads.append(data)
            cell_cursor = inner.cellAt(0, column).firstCursorPosition()
            image_block = QTextBlockFormat()
            image_block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            cell_cursor.setBlockFormat(image_block)
            image = QTextImageFormat()
            image.setName(name)
            image.setWidth(size)
            image.setHeight(size)
            alt = f"QR code: {QR_CAPTIONS[unit.field]}"
            image.setProperty(QTextFormat.Property.ImageAltText.value, alt)
            cell_cursor.insertImage(image)
            cell_cursor.insertBlock(self._block(0, align=Qt.AlignmentFlag.AlignHCenter))
            caption = QR_CAPTIONS[unit.field]
            cell_cursor.insertText(caption, self._char(m.small, colour=self.theme.muted))

    def _trim_last_block(self) -> None:
        # Frames leave an empty paragraph after them; without a bottom margin it costs no space.
        last = self.document.lastBlock()
        if not last.text():
            cursor = QTextCursor(last)
            fmt = last.blockFormat()
            fmt.setBottomMargin(0)
            fmt.setTopMargin(0)
            fmt.setLineHeight(1, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
            cursor.setBlockFormat(fmt)


class SwipeDetector(QObject):
    """Turns a quick horizontal drag (touch or mouse) into swipedLeft/swipedRight.

    Signals: swiped(int) with +1 for "next" (finger moved left) and -1 for "back".
    """

    swiped = Signal(int)

    def __init__(self, target: QWidget, threshold: int) -> None:
        super().__init__(target)
        self.threshold = threshold
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._start = event.position()  # type: ignore[attr-defined]
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            delta = event.position() - self._start  # type: ignore[attr-defined]
            self._start = None
            if abs(delta.x()) >= self.threshold and abs(delta.x()) > 2 * abs(delta.y()):
                self.swiped.emit(1 if delta.x() < 0 else -1)
        return False


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
        self.card = card
        self.setAccessibleName(card.title)
        self.setAccessibleDescription(
            "Card text. Use the arrow keys or swipe up and down to scroll."
        )
        self.content = CardDocument(card, theme, metrics, family, wide_spacing)
        self.setDocument(self.content.document)
        self.content.document.setParent(self)
        scroller = QScroller.scroller(self.viewport())
        props = scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        scroller.setScrollerProperties(props)
        QScroller.grabGesture(self.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)

    def keyPressEvent(self, event):  # type: ignore[no-untyped-def]
        # Left/Right belong to card navigation; let the screen have them.
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        super().keyPressEvent(event)

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
        visible = QTextCursor(self.document())
        visible.setPosition(base + (word_start if word_start >= 0 else start))
        self.setTextCursor(visible)
        self.ensureCursorVisible()

    def clear_highlight(self) -> None:
        self.setExtraSelections([])
