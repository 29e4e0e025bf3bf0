"""Keep this card: a large QR code holding a card's own text, so a phone camera can save it
with no network and nothing sent anywhere.

A code is only offered when it can be read from the screen: at most version MAX_VERSION
(117 modules a side), painted with whole pixels per module and at least MIN_MODULE_PX each.
segno does the encoding; this module paints the matrix at the size it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from ..i18n import tr
from .qr import QUIET_ZONE
from .theme import Metrics

if TYPE_CHECKING:
    import segno

MAX_VERSION = 25  # 117 modules: beyond this a phone struggles to read a code off a screen
MIN_MODULE_PX = 3  # at 3 px (0.8 mm on a 1366x768 kiosk screen) phones still read it


def encode(text: str) -> segno.QRCode | None:
    """The QR code for `text` (UTF-8, strongest error correction that fits), or None when
    the text is too long for a code a phone can read from the screen."""
    import segno  # first use only: segno pulls in urllib and http

    try:
        code = segno.make(
            text, error="l", boost_error=True, micro=False, encoding="utf-8", eci=True
        )
    except segno.DataOverflowError:
        return None
    if code.version > MAX_VERSION:  # type: ignore[operator]
        return None
    return code


def fits(text: str) -> bool:
    return encode(text) is not None


class QrWidget(QWidget):
    """Paints a QR code as large as it is laid out, in whole pixels per module."""

    def __init__(self, text: str, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("takeawayQr")
        self.text = text
        self.code = encode(text)
        self.metrics = metrics
        self._matrix: list[list[bool]] = []
        if self.code is not None:
            self._matrix = [
                [bool(v) for v in row] for row in self.code.matrix_iter(scale=1, border=QUIET_ZONE)
            ]
        self.fit(self.modules() * MIN_MODULE_PX)
        self.setAccessibleName(
            tr("QR code holding this card's text. Point a phone camera at it to keep the card.")
        )

    def modules(self) -> int:
        return len(self._matrix)

    def module_px(self) -> int:
        count = max(1, len(self._matrix))
        return max(1, min(self.width(), self.height()) // count)

    def fit(self, side: int) -> None:
        """Take the largest square of whole-pixel modules within `side`, never below
        MIN_MODULE_PX a module."""
        count = max(1, self.modules())
        module = max(MIN_MODULE_PX, side // count)
        self.setFixedSize(QSize(module * count, module * count))

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self._matrix:
            return
        module = self.module_px()
        side = module * len(self._matrix)
        left = (self.width() - side) // 2
        top = (self.height() - side) // 2
        painter = QPainter(self)
        painter.fillRect(left, top, side, side, QColor("#FFFFFF"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.drawRect(left + x * module, top + y * module, module, module)
        painter.end()
