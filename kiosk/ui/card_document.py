"""A card's rich-text document: headings, paragraphs, lists, quotation and reference boxes,
contacts with QR codes. Built from `card_units` so that narration offsets (unit index,
character offset) map straight onto document positions for highlighting; fitted to the width
it is laid out at (the reading column, contact details, long words); its boxes and codes
painted by the view that shows it (card_view.py).

The document holds text only. Boxes are painted behind their blocks and QR codes beside
them, in space the blocks' margins reserve: Qt's frames, tables and inline images would put
placeholder characters (U+FDD0, U+FDD1, U+FFFC) into the text a screen reader gets.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
    QTextListFormat,
)

from ..content.model import Card
from ..content.text import TextUnit, card_units
from ..i18n import QT_TR_NOOP, tr
from .qr import payload, qr_image
from .theme import Metrics, Theme

# The reading measure (WCAG 1.4.8 asks for at most 80 characters a line; 50-75 is what
# typographers aim for). Lines hold whole words, so a column sized for MEASURE average
# characters would often take a few more narrow ones: the column is sized for COLUMN_CHARS
# average characters of the current font, which keeps measured lines at MEASURE or fewer.
MEASURE = 75
COLUMN_CHARS = 71
# Ordinary English prose, so the average advance is that of real text, not of "x".
MEASURE_SAMPLE = "Mediation is a way to settle a disagreement with the help of someone neutral."
QR_CAPTIONS = {  # marked for the catalogue: tr() where shown
    "phone": QT_TR_NOOP("Scan to phone"),
    "email": QT_TR_NOOP("Scan to email"),
    "website": QT_TR_NOOP("Scan for website"),
}
BOXED = {
    "quote-paragraph": "quote",
    "quote-item": "quote",
    "quote-ref": "quote",
    "code-ref": "ref",
    "code-ref-item": "ref",
    "contact-name": "contact",
    "contact-tagline": "contact",
    "contact-detail": "contact",
}


# A word too long to break well: 12 or more characters without a space a line may break at.
LONG_WORD = re.compile(r"(?:[^\s]|\u00a0){12,}")
# Above this text scale a contact's lines sit closer: each is one short line, like a heading,
# and at 200-250% the 30% a paragraph's lines get apart is what pushes the phone number below
# the fold of a landscape screen.
LARGE_TEXT = 1.5
CONTACT_LINE_HEIGHT = 115
DETAIL_PX = 38  # a contact's details, a little larger than the body text


def unbroken(unit: TextUnit, text: str) -> str:
    """A phone number is one word: its groups never part at a line's end (a visitor would
    dial half of it). No-break spaces keep every offset, so narration still lines up."""
    if unit.field != "phone" or not unit.value or unit.value not in text:
        return text
    return text.replace(unit.value, unit.value.replace(" ", "\u00a0"))


@functools.lru_cache(maxsize=256)
def _char_format(family: str, px: int, bold: bool, colour: str, wide: bool) -> QTextCharFormat:
    """A card's text in one size, weight and colour. Shared by every card (never changed once
    made: the document keeps its own copy); made for each text unit of each card they were a
    tenth of laying a card out."""
    fmt = QTextCharFormat()
    font = QFont(family)
    font.setPixelSize(px)
    font.setBold(bold)
    if wide:
        # WCAG 1.4.12: letters 0.12 em and words 0.16 em apart.
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.12 * px)
        font.setWordSpacing(0.16 * px)
    fmt.setFont(font)
    fmt.setForeground(QBrush(QColor(colour)))
    return fmt


@functools.lru_cache(maxsize=32)
def _average_advance(family: str, px: int, wide: bool) -> float:
    """The average advance of a character of ordinary prose in the body font."""
    font = _char_format(family, px, False, "#000000", wide).font()
    return QFontMetricsF(font).horizontalAdvance(MEASURE_SAMPLE) / len(MEASURE_SAMPLE)


@functools.lru_cache(maxsize=32)
def _widest(family: str, px: int, captions: tuple[str, ...]) -> int:
    """The widest QR caption: the same for every card of a look and language, and the
    font and its metrics made for each card were a twentieth of laying one out."""
    font = QFont(family)
    font.setPixelSize(px)
    metrics = QFontMetrics(font)
    return max(metrics.horizontalAdvance(caption) for caption in captions)


@dataclass
class QrCode:
    field: str
    value: str
    data: str
    caption: str
    image: QImage


@dataclass
class Box:
    """A quotation, reference or contact: units [first, last] painted on one panel."""

    kind: str
    first: int
    last: int
    qr: list[QrCode] = field(default_factory=list)


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
        self.boxes: list[Box] = []
        self.document = QTextDocument()
        self.pad = metrics.px(22)  # inside a box, text to edge
        self.qr_size = metrics.px(190)
        widest = _widest(family, metrics.small, tuple(tr(c) for c in QR_CAPTIONS.values()))
        self.qr_cell = max(self.qr_size, widest) + 2 * metrics.px(10)
        self.caption_height = metrics.small * 2
        self._shrunk: list[tuple[int, int, QTextCharFormat]] = []
        # Each contact detail with a label ("Telephone: "): start, end of label, end, field.
        self._labels: list[tuple[int, int, int, str]] = []
        self._stepped: list[tuple[int, int, QTextCharFormat]] = []  # set smaller to join
        self._prose: list[int] = []  # units outside the boxes
        self._prose_right = 0.0
        # Each word too long to break well: where it starts and how wide it is in its font.
        self._long_words: list[tuple[int, float]] = []
        self._build()

    @property
    def qr_payloads(self) -> list[str]:
        return [code.data for box in self.boxes for code in box.qr]

    def qr_description(self) -> str:
        """Text alternative for the QR codes, for assistive technology (EN 301 549 5.1.3.6)."""
        codes = [code for box in self.boxes for code in box.qr]
        if not codes:
            return ""
        what = ", ".join(f"{c.caption.lower()} {c.value}" for c in codes)
        return f"QR codes you can scan with a phone camera: {what}."

    # --- formats -------------------------------------------------------------------------
    def _char(self, px: int, bold: bool = False, colour: str | None = None) -> QTextCharFormat:
        return _char_format(self.family, px, bold, colour or self.theme.text, self.wide_spacing)

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

    def column(self) -> float:
        """The reading column: the measure in the body font (with its letter spacing)."""
        return COLUMN_CHARS * _average_advance(self.family, self.m.body, self.wide_spacing)

    def measure(self) -> float:
        """The widest the document may be laid out: the reading column, the document's
        margins, the boxes' frames and, where QR codes sit beside a contact, their column."""
        return self.column() + 2 * self.document.documentMargin() + self.beside()

    def beside(self) -> int:
        return self.frame() + self.qr_column()

    def fit_column(self) -> None:
        """Text outside the boxes keeps to the reading column; what the boxes' frames and the
        QR codes need beside it comes out of the spare width, and only out of that: on a
        screen narrower than the measure the text takes the whole line."""
        doc = self.document
        spare = doc.textWidth() - 2 * doc.documentMargin() - self.column()
        right = max(0.0, min(float(self.beside()), spare))
        if right == self._prose_right:
            return
        self._prose_right = right
        for i in self._prose:
            cursor = QTextCursor(doc.findBlock(self.ranges[i][0]))
            fmt = QTextBlockFormat()
            fmt.setRightMargin(right)
            cursor.mergeBlockFormat(fmt)

    def frame(self) -> int:
        """What the widest box on this card adds around its text (indent and padding): the
        boxes reach out past the reading column so their text keeps the full measure."""
        return max((self.box_frame(box.kind) for box in self.boxes), default=0)

    def box_frame(self, kind: str) -> int:
        return self.box_indent(kind) + 2 * self.pad

    def qr_column(self) -> int:
        """Width of the QR codes beside a contact box (0 when they go below it)."""
        if not self.qr_beside():
            return 0
        return max((len(box.qr) * self.qr_cell for box in self.boxes), default=0)

    def box_indent(self, kind: str) -> int:
        return self.m.px(40) if kind == "quote" else 0

    def qr_beside(self) -> bool:
        """QR codes go beside the contact details in landscape, below them in portrait and at
        large text, where the details need the whole width."""
        return not self.m.portrait and self.m.text_scale < 1.5

    # --- building ------------------------------------------------------------------------
    def _unit_formats(
        self, unit: TextUnit, kind: str | None
    ) -> tuple[QTextBlockFormat, QTextCharFormat]:
        m, t = self.m, self.theme
        block_fmt = self._block(m.text_px(22))
        char_fmt = self._char(m.body, colour=t.quote_text if kind == "quote" else t.text)
        if unit.kind == "title":
            block_fmt = self._block(m.text_px(26))
            if not self.wide_spacing:
                # A heading's lines sit closer than a paragraph's: it is one line, rarely two.
                proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
                block_fmt.setLineHeight(115, proportional)
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
            char_fmt = self._char(m.text_px(DETAIL_PX), bold=True)
        elif unit.kind.endswith("item"):
            block_fmt = self._block(m.text_px(12))
        if unit.kind.startswith("contact") and self._close_contact_lines():
            proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            block_fmt.setLineHeight(CONTACT_LINE_HEIGHT, proportional)
        return block_fmt, char_fmt

    def _close_contact_lines(self) -> bool:
        # Wider spacing asked for (WCAG 1.4.12) is kept whatever the size.
        return self.m.text_scale > LARGE_TEXT and not self.wide_spacing

    def _plan_boxes(self) -> None:
        for i, unit in enumerate(self.units):
            kind = BOXED.get(unit.kind)
            if kind is None:
                continue
            last = self.boxes[-1] if self.boxes else None
            if last is not None and last.kind == kind and self.units[last.last].block == unit.block:
                last.last = i
            else:
                self.boxes.append(Box(kind, i, i))
        for box in self.boxes:
            if box.kind != "contact":
                continue
            for unit in self.units[box.first : box.last + 1]:
                data = payload(unit.field, unit.value) if unit.field else None
                if data is not None:
                    image = qr_image(data, self.qr_size)
                    box.qr.append(
                        QrCode(unit.field, unit.value, data, tr(QR_CAPTIONS[unit.field]), image)
                    )

    def _box_margins(self, i: int, block_fmt: QTextBlockFormat) -> None:
        """Reserve room inside a box (padding) and beside or below it (QR codes)."""
        if not any(box.first <= i <= box.last for box in self.boxes):
            self._prose.append(i)  # its right margin follows the width (fit_column)
            return
        for box in self.boxes:
            if not box.first <= i <= box.last:
                continue
            gap = self.m.px(4)
            block_fmt.setLeftMargin(self.box_indent(box.kind) + self.pad)
            # Every box's text is as wide as the reading column, whatever its frame; codes
            # beside a contact sit in the column they share.
            right = self.pad + self.frame() - self.box_frame(box.kind) + self.qr_column()
            block_fmt.setRightMargin(right)
            if i == box.first:
                block_fmt.setTopMargin(block_fmt.topMargin() + self.pad + gap)
            if i == box.last:
                # The gap that parts a box from what follows is not needed at the end.
                below: float = self.pad + (self.m.px(20) if i < len(self.units) - 1 else 0)
                if box.qr and not self.qr_beside():
                    below += self.qr_cell + self.caption_height
                elif box.qr:
                    # Short details must still leave the QR codes room beside them.
                    below += max(0, self.qr_cell + self.caption_height - self._box_text_height(box))
                block_fmt.setBottomMargin(below)

    def _box_text_height(self, box: Box) -> float:
        lines = 0.0
        for unit in self.units[box.first : box.last + 1]:
            px: float = self.m.text_px(40 if unit.kind == "contact-name" else DETAIL_PX)
            spacing = 1.5 if self.wide_spacing else 1.3
            if self._close_contact_lines():
                spacing = CONTACT_LINE_HEIGHT / 100
            lines += px * spacing + self.m.text_px(6)
        return lines

    def _build(self) -> None:
        m = self.m
        doc = self.document
        doc.setDocumentMargin(m.px(12))
        # Above and below, the text edit's own padding already parts the text from the edge.
        root = doc.rootFrame().frameFormat()
        root.setTopMargin(m.px(4))
        root.setBottomMargin(m.px(4))
        doc.rootFrame().setFrameFormat(root)
        font = QFont(self.family)
        font.setPixelSize(m.body)
        doc.setDefaultFont(font)
        self._plan_boxes()
        cursor = QTextCursor(doc)
        list_fmt = QTextListFormat()
        list_fmt.setStyle(QTextListFormat.Style.ListDisc)
        list_fmt.setIndent(1)
        active_list: QTextList | None = None
        for i, unit in enumerate(self.units):
            kind = BOXED.get(unit.kind)
            block_fmt, char_fmt = self._unit_formats(unit, kind)
            self._box_margins(i, block_fmt)
            is_item = unit.kind.endswith("item")
            previous = self.units[i - 1] if i else None
            continuing_list = (
                is_item
                and previous is not None
                and previous.block == unit.block
                and previous.kind == unit.kind
            )
            if i == 0:
                cursor.setBlockFormat(block_fmt)
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
            pieces: list[tuple[str, QFont]] = []
            for span in unit.spans:
                fmt = QTextCharFormat(char_fmt)
                if span.bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                if span.italic:
                    fmt.setFontItalic(True)
                piece = unbroken(unit, span.text)
                cursor.insertText(piece, fmt)
                pieces.append((piece, fmt.font()))
            self.ranges.append((start, cursor.position()))
            self._note_long_words(start, pieces)
            if unit.kind == "contact-detail" and unit.value and unit.text.endswith(unit.value):
                split = cursor.position() - len(unit.value)
                if split > start:
                    self._labels.append((start, split, cursor.position(), unit.field))
        if self.units and BOXED.get(self.units[-1].kind) is None:
            # Space that parts a paragraph from the next is not needed after the last one.
            last = cursor.blockFormat()
            last.setBottomMargin(0)
            cursor.setBlockFormat(last)

    def fit_words(self) -> None:
        """Fit the contact details to the width just laid out: the labels step down so a
        phone number can sit on its label's line, and any word too long for its line (a web
        address at 250% on an upright screen) shrinks until it fits, so it is never broken in
        the middle. Call after each relayout at a new width; what fits again gets its own
        size back."""
        doc = self.document
        if not (
            self._shrunk or self._stepped or self._joined_sizes() or self._long_words_overflow()
        ):
            return  # nothing to do: leave the document (and its layout) untouched
        for start, end, fmt in self._stepped + self._shrunk:
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(fmt)
        self._shrunk = []
        self._stepped = []
        self._join_numbers()
        block = doc.begin()
        while block.isValid():
            doc.documentLayout().blockBoundingRect(block)  # lays the block out if it is not
            layout = block.layout()
            room = layout.lineAt(0).width() if layout is not None and layout.lineCount() else 0
            if room > 0:
                for word in LONG_WORD.finditer(block.text()):
                    self._fit_word(block.position() + word.start(), word.group(), room)
            block = block.next()

    def _joined_sizes(self) -> tuple[int, int] | None:
        """(label, number) sizes that put each phone number parted from its label
        ("Telephone:" on one line, the number on the next) back beside it: the labels step
        down first, in the regular weight and never below the caption size, then the numbers,
        never below the body text. None when no number is parted, or no such sizes join them.
        One size for every label, and one for every number, keeps the card's details alike."""
        doc = self.document
        labels, numbers = [], []
        for start, split, end, field_name in self._labels:
            if field_name != "phone":
                continue
            block = doc.findBlock(start)
            doc.documentLayout().blockBoundingRect(block)
            layout = block.layout()
            if layout is None or layout.lineCount() < 2:
                continue
            text = block.text()
            offset = block.position()
            label, number = (
                text[start - offset : split - offset],
                text[split - offset : end - offset],
            )
            sizes = self._join(label, number, layout.lineAt(0).width() - 1)
            if sizes is not None:
                labels.append(sizes[0])
                numbers.append(sizes[1])
        return (min(labels), min(numbers)) if labels else None

    def _join(self, label: str, number: str, room: float) -> tuple[int, int] | None:
        full = self.m.text_px(DETAIL_PX)
        for number_px in range(full, self.m.body - 1, -1):
            left = room - self._advance(number, number_px, bold=True)
            for label_px in range(full, self.m.small - 1, -1):
                if self._advance(label, label_px) <= left:
                    return label_px, number_px
        return None

    def _advance(self, text: str, px: int, bold: bool = False) -> float:
        return QFontMetricsF(self._char(px, bold).font()).horizontalAdvance(text)

    def _join_numbers(self) -> None:
        sizes = self._joined_sizes()
        if sizes is None:
            return
        label_px, number_px = sizes
        for start, split, end, field_name in self._labels:
            self._set_format(start, split, self._char(label_px))
            if field_name == "phone" and number_px < self.m.text_px(DETAIL_PX):
                self._set_format(split, end, self._char(number_px, bold=True))

    def _set_format(self, start: int, end: int, fmt: QTextCharFormat) -> None:
        """Set [start, end) in `fmt`, remembering its own format for fit_words to put back."""
        cursor = QTextCursor(self.document)
        cursor.setPosition(start + 1)
        self._stepped.append((start, end, cursor.charFormat()))
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)

    def _note_long_words(self, start: int, pieces: list[tuple[str, QFont]]) -> None:
        """The unit's long words, measured once as it is built, each in the font of its
        first letter. Whether one overflows its line is asked at every width (fit_words);
        a cursor and a font fetched from the document for each word, each time, were a sixth
        of what `--check-content` spends laying a card out."""
        text = "".join(piece for piece, _ in pieces)
        ends = list(itertools.accumulate(len(piece) for piece, _ in pieces))
        for word in LONG_WORD.finditer(text):
            font = pieces[bisect.bisect_right(ends, word.start())][1]
            advance = QFontMetricsF(font).horizontalAdvance(word.group())
            self._long_words.append((start + word.start(), advance))

    def _long_words_overflow(self) -> bool:
        doc = self.document
        rooms: dict[int, float] = {}  # a block's first line's width, by block number
        for position, advance in self._long_words:
            block = doc.findBlock(position)
            room = rooms.get(block.blockNumber())
            if room is None:
                # Only a block with a long word is laid out to find its line's width.
                doc.documentLayout().blockBoundingRect(block)
                layout = block.layout()
                room = layout.lineAt(0).width() if layout is not None and layout.lineCount() else 0
                rooms[block.blockNumber()] = room
            if room > 0 and advance > room:
                return True
        return False

    def _fit_word(self, start: int, word: str, room: float) -> None:
        cursor = QTextCursor(self.document)
        cursor.setPosition(start + 1)
        fmt = cursor.charFormat()
        font = fmt.font()
        advance = QFontMetricsF(font).horizontalAdvance(word)
        if advance <= room:
            return
        smaller = QTextCharFormat(fmt)
        font.setPixelSize(max(1, int(font.pixelSize() * room / advance) - 1))
        smaller.setFont(font)
        cursor.setPosition(start)
        cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(smaller)
        self._shrunk.append((start, start + len(word), fmt))

    # --- painting ------------------------------------------------------------------------
    def box_rect(self, box: Box) -> QRectF:
        """The panel behind a box, in document coordinates. Block rectangles exclude their
        margins, so the panel reaches `pad` beyond the text into the margins set for it."""
        layout = self.document.documentLayout()
        first = self.document.findBlock(self.ranges[box.first][0])
        last = self.document.findBlock(self.ranges[box.last][0])
        top = layout.blockBoundingRect(first).top() - self.pad
        bottom = layout.blockBoundingRect(last).bottom() + self.pad
        if box.qr:
            qr_height = self.qr_cell + self.caption_height
            if self.qr_beside():
                bottom = max(bottom, top + 2 * self.pad + qr_height)
            else:
                bottom += qr_height
        margin = self.document.documentMargin()
        left = margin + self.box_indent(box.kind)
        right = self.document.textWidth() - margin
        return QRectF(left, top, right - left, bottom - top)

    def paint_boxes(self, painter: QPainter, dy: float) -> None:
        t = self.theme
        colours = {
            "quote": (t.quote_bg, t.quote_border),
            "ref": (t.ref_bg, t.ref_border),
            "contact": (t.contact_bg, t.contact_border),
        }
        border = max(2, self.m.px(4))
        for box in self.boxes:
            rect = self.box_rect(box).translated(0, dy)
            bg, line = colours[box.kind]
            painter.setPen(QPen(QColor(line), border))
            painter.setBrush(QColor(bg))
            half = border / 2
            painter.drawRoundedRect(
                rect.adjusted(half, half, -half, -half), self.m.radius, self.m.radius
            )

    def paint_qr(self, painter: QPainter, dy: float) -> None:
        caption_font = QFont(self.family)
        caption_font.setPixelSize(self.m.small)
        painter.setFont(caption_font)
        for box in self.boxes:
            if not box.qr:
                continue
            rect = self.box_rect(box).translated(0, dy)
            if self.qr_beside():
                x = rect.right() - self.pad - len(box.qr) * self.qr_cell
                y = rect.top() + self.pad
            else:
                x = rect.left() + self.pad
                y = rect.bottom() - self.pad - self.qr_cell - self.caption_height
            for n, code in enumerate(box.qr):
                cell = QRectF(x + n * self.qr_cell, y, self.qr_cell, self.qr_cell)
                target = QRectF(0, 0, self.qr_size, self.qr_size)
                target.moveCenter(cell.center())
                painter.fillRect(target.adjusted(-4, -4, 4, 4), QColor("#FFFFFF"))
                painter.drawImage(target, code.image)
                painter.setPen(QColor(self.theme.muted))
                label = QRectF(cell.left(), cell.bottom(), cell.width(), self.caption_height)
                painter.drawText(
                    label, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, code.caption
                )
