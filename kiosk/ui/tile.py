"""A tile: a wrapped title, a line of detail and perhaps a description, the whole tile one
touch target, its words drawn by the tile itself.

The words were three QLabels in the tile, laid out by its box layout. Every label is a
widget, and a screen switch sends each widget it shows or hides its own show, hide and
update events: the chooser of fifty leaflets had a hundred labels in its tiles, and with
them hidden its switch was a third shorter (7.8 against 11.6 ms in the kiosk, their words
not painted). So each part of the words is now a layout item (Words), measured as a
word-wrapped plain-text QLabel measures itself, and the tile paints them where its layout
put them, as QLabel paints: same fonts, same wrapping, same alignment, same pixels (the
switch 9.6 ms, docs/PERFORMANCE.md).

Their colours and sizes come from the style sheet (qproperty-*), like every other colour
the kiosk shows, so the looks stay in style.py.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Property, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLayoutItem, QSizePolicy, QStyle, QVBoxLayout, QWidget

from .theme import Metrics
from .touch_button import TouchButton

# Flags as plain numbers: Qt's text flags are not alignment flags, and Python's flag enums
# drop bits that are not their own (~ on an alignment cleared the word wrap).
WRAP = Qt.TextFlag.TextWordWrap.value
CENTRE = (Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter).value
# QLabel's default, and a tile's: the start of the line, centred in its height.
ALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
TALL = 2000  # QLabel's own bound on a wrapped text's height while measuring it
WIDE = 16777215  # QWIDGETSIZE_MAX


def right_to_left(text: str) -> bool:
    """Whether the first strongly directional character reads from the right (as Qt's
    QString::isRightToLeft, which QLabel aligns plain text by)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


class Words(QLayoutItem):
    """One part of a tile's words in its layout: sized as a word-wrapped QLabel with the
    same text, font and alignment would be (QLabelPrivate::sizeForWidth), so the tiles keep
    the sizes and places they had; drawn by the tile (paint)."""

    def __init__(self, tile: TileButton, text: str) -> None:
        super().__init__()
        self._tile = tile
        self._text = text
        self._shown = True
        self.align = ALIGN
        self.font = QFont()
        self._rect = QRect()
        self._sizes: dict[int, QSize] = {}

    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self._changed()

    def set_visible(self, shown: bool) -> None:
        if shown != self._shown:
            self._shown = shown
            self._changed()

    def is_shown(self) -> bool:
        return self._shown and bool(self._text)

    def set_font(self, font: QFont) -> bool:
        """Whether the font was new (and the sizes with it)."""
        if font == self.font:
            return False
        self.font = font
        self._sizes.clear()
        return True

    def set_alignment(self, align: Qt.AlignmentFlag) -> None:
        self.align = align
        self._changed()

    def _changed(self) -> None:
        self._sizes.clear()
        self.invalidate()
        self._tile.words_changed()

    # QLayoutItem

    def isEmpty(self) -> bool:
        return not self.is_shown()

    def invalidate(self) -> None:
        self._sizes.clear()

    def _visual(self) -> int:
        direction = (
            Qt.LayoutDirection.RightToLeft
            if right_to_left(self._text)
            else Qt.LayoutDirection.LeftToRight
        )
        return QStyle.visualAlignment(direction, self.align).value

    def _size_for(self, width: int) -> QSize:
        """QLabelPrivate::sizeForWidth for a plain, word-wrapped text without margins."""
        known = self._sizes.get(width)
        if known is not None:
            return known
        metrics = QFontMetrics(self.font)
        # Centring is left out while measuring, as QLabel does: it only rounds.
        flags = (self._visual() | WRAP) & ~CENTRE
        text = self._text
        trying = width < 0
        w = min(metrics.averageCharWidth() * 80, WIDE) if trying else width
        box = metrics.boundingRect(0, 0, w, TALL, flags, text)
        if trying and box.height() < 4 * metrics.lineSpacing() and box.width() > w // 2:
            box = metrics.boundingRect(0, 0, w // 2, TALL, flags, text)
        if trying and box.height() < 2 * metrics.lineSpacing() and box.width() > w // 4:
            box = metrics.boundingRect(0, 0, w // 4, TALL, flags, text)
        size = box.size()
        self._sizes[width] = size
        return size

    def sizeHint(self) -> QSize:
        return self._size_for(-1) if self.is_shown() else QSize(0, 0)

    def minimumSize(self) -> QSize:
        if not self.is_shown():
            return QSize(0, 0)
        # QLabel::minimumSizeHint: its widest word, a line high (or less, if its hint is).
        line = self._size_for(WIDE).height()
        return QSize(self._size_for(0).width(), min(line, self.sizeHint().height()))

    def maximumSize(self) -> QSize:
        return QSize(WIDE, WIDE)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size_for(width).height() if self.is_shown() else 0

    def setGeometry(self, rect: QRect) -> None:
        self._rect = QRect(rect)

    def geometry(self) -> QRect:
        return QRect(self._rect)

    def paint(self, painter: QPainter, colour: QColor) -> None:
        """Drawn as QLabel::paintEvent draws plain text."""
        if not self.is_shown() or self._rect.isEmpty():
            return
        flags = self._visual() | WRAP
        flags |= (
            Qt.TextFlag.TextForceRightToLeft.value
            if right_to_left(self._text)
            else Qt.TextFlag.TextForceLeftToRight.value
        )
        painter.setFont(self.font)
        painter.setPen(colour)
        # A label's words stop at its edges: a word wider than the line is cut there.
        painter.setClipRect(self._rect)
        painter.drawText(self._rect, flags, self._text)


def _styled(kind: type, attribute: str) -> Property:
    """A property of a tile that the style sheet sets (qproperty-*): a colour repaints the
    tile, a size measures its words again."""

    def get(tile: TileButton) -> object:
        return getattr(tile, attribute)

    def put(tile: TileButton, value: object) -> None:
        if value == getattr(tile, attribute):
            return
        setattr(tile, attribute, QColor(value) if kind is QColor else value)
        if kind is QColor:
            tile.update()
        else:
            tile._fonts()

    return Property(kind, get, put)


class TileButton(TouchButton):
    """A topic tile: a wrapped title and a line of detail (and, for a leaflet, a
    description between them), the whole tile one touch target."""

    def __init__(self, title: str, meta: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setAutoDefault(True)
        self.setAccessibleName(title)
        # Heard, not seen: the separator dot is read as a comma, not as "middle dot".
        heard_meta = ", ".join(part.strip() for part in meta.split("\u00b7"))
        self.setAccessibleDescription(f"{heard_meta}. {description}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._heading = QColor()
        self._muted = QColor()
        self._ink = QColor()
        self._small = 0
        self._large = 0
        self.title = Words(self, title)
        self.meta = Words(self, meta)
        self.description = Words(self, "")
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addItem(self.title)
        layout.setStretch(0, 1)
        layout.addItem(self.description)
        layout.addItem(self.meta)
        self._fonts()

    def set_words_alignment(self, align: Qt.AlignmentFlag) -> None:
        for part in (self.title, self.meta, self.description):
            part.set_alignment(align)

    def words_changed(self) -> None:
        self._layout.invalidate()
        self.updateGeometry()
        self.update()

    def apply_metrics(self, metrics: Metrics) -> None:
        inset = metrics.px(20)
        self._layout.setContentsMargins(inset, inset, inset, inset)
        self._layout.setSpacing(metrics.px(8))

    # Its height for a width is its layout's (QWidget's own answer, in C++), which asks the
    # words; its smallest size is a text-less button's, as it was with labels.

    def sizeHint(self) -> QSize:
        hint = self._layout.sizeHint()
        return hint.expandedTo(super().sizeHint())

    def _fonts(self) -> None:
        """The title bold, the rest not, each at the style sheet's size for it."""
        title = QFont(self.font())
        if self._large > 0:
            title.setPixelSize(self._large)
        title.setWeight(QFont.Weight.Bold)
        changed = self.title.set_font(title)
        small = QFont(self.font())
        if self._small > 0:
            small.setPixelSize(self._small)
        small.setWeight(QFont.Weight.Normal)
        changed = self.meta.set_font(small) | changed
        changed = self.description.set_font(small) | changed
        if changed:
            self.words_changed()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            # A new look or text size: the words' sizes, and so the tile's, change with it.
            self._fonts()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        self.title.paint(painter, self._heading)
        self.description.paint(painter, self._ink)
        self.meta.paint(painter, self._muted)
        painter.end()

    # Set by the style sheet (style.py), which holds every colour and size the kiosk shows.
    titleColour = _styled(QColor, "_heading")
    detailColour = _styled(QColor, "_muted")
    descriptionColour = _styled(QColor, "_ink")
    titleSize = _styled(int, "_large")
    detailSize = _styled(int, "_small")
