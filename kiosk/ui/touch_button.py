"""A push button whose press and release are painted with the next frame, not on the spot.

QAbstractButton repaints itself synchronously inside its mouse press and release handlers
(`repaint()`, not `update()`), and each of those repaints is flushed to the display at once.
On a tap the finger's press and release arrive together, so the kiosk painted and sent the
screen three times, waiting for the display server between each: the button pressed, the
button released, then the new card. Measured from outside on a 2-core machine those two
extra frames were about a third of the time from the tap to the new card on screen, and
under load each wait for the X server is a chance to be scheduled out.

Here the two repaints are held and the button asks for an ordinary update instead: a finger
that stays down sees the pressed look on the next turn of the event loop (well under a
frame), and a quick tap goes straight to the one frame that shows where it leads.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QPushButton


class TouchButton(QPushButton):
    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._deferred(super().mousePressEvent, event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._deferred(super().mouseReleaseEvent, event)

    def _deferred(self, handle: Callable[[QMouseEvent], None], event: QMouseEvent) -> None:
        if not self.updatesEnabled():
            handle(event)
            return
        # With updates off, the handler's repaint() does nothing; turning them back on
        # schedules the update that paints the new state with the next frame.
        self.setUpdatesEnabled(False)
        try:
            handle(event)
        finally:
            # RuntimeError: the click's slot deleted the button; nothing is left to paint.
            with contextlib.suppress(RuntimeError):
                self.setUpdatesEnabled(True)
