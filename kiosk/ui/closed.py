"""The screen outside opening hours: dark and still, so a closed library is not lit up by an
animated kiosk all night. Nothing moves and nothing speaks; a touch or a key says when the
kiosk opens again, as plain text that goes back to "Closed" after a while.

It is a window of its own, over the kiosk window: visitors' input (audio mode, the idle
watch, the visit counts) belongs to the kiosk window and so never starts here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from ..i18n import QT_TR_NOOP, tr

CLOSED_TITLE = QT_TR_NOOP("Closed")
CLOSED_HINT = QT_TR_NOOP("Touch the screen to see when it opens.")


class ClosedScreen(QWidget):
    """Signals: touched() when a visitor touches or presses a key (for the tests and logs)."""

    touched = Signal()

    def __init__(self, reveal_ms: int = 15_000, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closedScreen")
        self.setWindowTitle(tr("SEN help kiosk: closed"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.BlankCursor)
        # Black with dim grey text: still readable up close, nearly dark from across a room.
        self.setStyleSheet(
            "QWidget#closedScreen { background: #000000; }"
            "QLabel { color: #8a8a8a; background: transparent; }"
            "QLabel#closedTitle { font-size: 96px; font-weight: 700; }"
            "QLabel#closedDetail { font-size: 44px; }"
        )
        self.title = QLabel(tr(CLOSED_TITLE), self)
        self.title.setObjectName("closedTitle")
        self.detail = QLabel(tr(CLOSED_HINT), self)
        self.detail.setObjectName("closedDetail")
        self.detail.setWordWrap(True)
        for label in (self.title, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.opening_text = ""
        self.setAccessibleName(tr(CLOSED_TITLE))
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(reveal_ms)
        self._quiet.timeout.connect(self._hide_opening)

    def set_opening(self, text: str) -> None:
        """What a touch shows: "Opens again tomorrow at 09:00." and so on."""
        self.opening_text = text
        self.setAccessibleDescription(text)
        if self._quiet.isActive():
            self.detail.setText(text)

    @Slot()
    def reveal(self) -> None:
        self.detail.setText(self.opening_text or CLOSED_HINT)
        self._quiet.start()
        self.touched.emit()

    @Slot()
    def _hide_opening(self) -> None:
        self.detail.setText(tr(CLOSED_HINT))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Placed by hand: nothing here ever moves, so a layout would only add work.
        super().resizeEvent(event)
        w, h = self.width(), self.height()
        self.title.setGeometry(0, h // 2 - 160, w, 140)
        self.detail.setGeometry(w // 10, h // 2, w * 8 // 10, 200)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.reveal()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.reveal()
        event.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4 or a window manager's close must not uncover the kiosk out of hours.
        event.ignore()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.TouchBegin:
            self.reveal()
            event.accept()
            return True
        return super().event(event)
