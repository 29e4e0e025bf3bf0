"""Small building blocks shared by the screens: big accessible buttons and topic tiles."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .mirror import follow_reading_way
from .touch import FlickScroll
from .touch_button import TouchButton


def big_button(
    text: str, name: str, description: str, role: str = "secondary", parent: QWidget | None = None
) -> QPushButton:
    """A large touch button that also answers Enter (plain QPushButtons only take Space)."""
    button = TouchButton(text, parent)
    button.setObjectName(name)
    button.setProperty("role", role)
    # Arrows and symbols in the label are for the eye; a speech engine would read them out.
    button.setAccessibleName(text.strip(" ▶◀⌂"))
    button.setAccessibleDescription(description)
    button.setAutoDefault(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    follow_reading_way(button)
    return button


def fit_label(button: QPushButton, texts: list[str]) -> None:
    """Never let a layout squeeze `button` below its longest label. The style sheet's
    min-width is otherwise all a layout respects."""
    shown = button.text()
    widest = 0
    for text in texts:
        button.setText(text)
        widest = max(widest, button.sizeHint().width())
    button.setText(shown)
    button.setMinimumWidth(widest)


# Keys that only modify others: pressing one alone is not "doing something".
MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_Meta,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)


def page_scroll(host: QWidget) -> tuple[QScrollArea, QWidget]:
    """A screen's page that scrolls by finger when it is taller than the screen (large text,
    many tiles): the scroll area filling `host`, and the page to lay out.

    Nothing in it paints a background: the window's root paints the theme's once. The
    viewport's own fill and the page's style-sheet background were two more full-size fills
    under every tap's new screen and every step of a flick (0.6-0.9 ms a frame at 1920x1080).
    """
    scroll = QScrollArea(host)
    scroll.setObjectName("homeScroll")
    # The tiles take focus; the scroll area follows it rather than being a Tab stop.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.viewport().setAutoFillBackground(False)
    page = QWidget()
    page.setObjectName("homePage")
    scroll.setWidget(page)
    page.setAutoFillBackground(False)  # setWidget turned it on
    FlickScroll(scroll.viewport())
    outer = QVBoxLayout(host)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll, page


def centre_panel(host: QWidget, panel: QWidget) -> QVBoxLayout:
    """Lay `panel` out in the middle of `host`; returns host's outer layout."""
    outer = QVBoxLayout(host)
    outer.addStretch(1)
    # Stretches, not an alignment flag: an aligned item is given its minimum height, which
    # ignores how tall the wrapped text really is.
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel)
    row.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(1)
    return outer


def display_button(parent: QWidget | None = None) -> QPushButton:
    """The top-bar button that opens the display settings ("Aa")."""
    button = big_button("Aa", "displaySettingsButton", "", parent=parent)
    display_button_words(button)
    return button


def display_button_words(button: QPushButton) -> None:
    button.setText("Aa  " + tr("Text and colours"))
    button.setAccessibleDescription(tr("Change the text size, colours, font and spacing."))
    # "Aa" is a picture of text, not words: a screen reader should not spell it out.
    button.setAccessibleName(tr("Text and colours"))


def speaker_icon(size: int, colour: str) -> QIcon:
    """A loudspeaker with sound waves, drawn here so it never depends on an emoji font."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = QColor(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(ink)
    u = size / 24
    body = QPolygonF(
        [
            QPointF(3 * u, 9 * u),
            QPointF(7 * u, 9 * u),
            QPointF(12 * u, 4 * u),
            QPointF(12 * u, 20 * u),
            QPointF(7 * u, 15 * u),
            QPointF(3 * u, 15 * u),
        ]
    )
    painter.drawPolygon(body)
    pen = QPen(ink, 2 * u)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for radius in (4.5, 8.0):
        path = QPainterPath()
        box = QRectF(12 * u - radius * u, 12 * u - radius * u, 2 * radius * u, 2 * radius * u)
        path.arcMoveTo(box, -50)
        path.arcTo(box, -50, 100)
        painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)
