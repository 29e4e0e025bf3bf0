"""The hidden staff gesture: hold the top-right corner, then hold the bottom-left corner.

A visitor will not do this by chance: each hold lasts at least two seconds, the corners are
diagonally opposite, and the second hold must start within a few seconds of the first. It
needs no two simultaneous touches (EN 301 549 5.9). Nothing about it is shown on screen.

The gesture only watches: it is a stage of the input gateway that never consumes an event,
so a visitor's taps in the corners still reach the buttons there.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QWidget

from .theme import Metrics

if TYPE_CHECKING:
    from ..input_gateway import InputGateway

HOLD_MS = 2000
FOLLOW_MS = 5000
ZONE_PX = 120


class Corner(enum.Enum):
    NONE = "none"
    TOP_RIGHT = "top-right"
    BOTTOM_LEFT = "bottom-left"


_PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
_RELEASES = frozenset(
    {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}
)


class CornerGesture(QObject):
    """Watches one window for the staff gesture.

    `clock` returns milliseconds from any fixed start; tests pass a fake one. Without it a
    QElapsedTimer is used (monotonic, so a clock change cannot fake or break a hold).

    Signals:
        triggered(): the full gesture was made; open the PIN pad.
    """

    triggered = Signal()

    def __init__(
        self,
        window: QWidget,
        *,
        zone_px: int | None = None,
        hold_ms: int = HOLD_MS,
        follow_ms: int = FOLLOW_MS,
        clock: Callable[[], int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._zone_px = zone_px
        self.hold_ms = hold_ms
        self.follow_ms = follow_ms
        if clock is None:
            elapsed = QElapsedTimer()
            elapsed.start()
            clock = elapsed.elapsed
            self._elapsed = elapsed  # kept alive with the gesture
        self._clock = clock
        self._gateway: InputGateway | None = None
        self._pressed_at: int | None = None
        self._pressed_pos = QPoint()
        self._pressed_corner = Corner.NONE
        self._first_done_at: int | None = None

    # --- installation ---------------------------------------------------------------------
    def install(self, gateway: InputGateway) -> None:
        from ..input_gateway import Stage

        if self._gateway is None:
            self._gateway = gateway
            gateway.add(Stage.STAFF_GESTURE, self.handle_event)

    def remove(self) -> None:
        from ..input_gateway import Stage

        if self._gateway is not None:
            self._gateway.discard(Stage.STAFF_GESTURE)
            self._gateway = None
        self.reset()

    def set_zone(self, zone_px: int | None) -> None:
        """A fixed corner size in pixels; None (the default) scales 120 px at 1080p with the
        window, as every other size in the kiosk does."""
        self._zone_px = zone_px

    @property
    def zone_px(self) -> int:
        if self._zone_px is not None:
            return self._zone_px
        return Metrics.for_size(self._window.width(), self._window.height()).px(ZONE_PX)

    def reset(self) -> None:
        self._pressed_at = None
        self._pressed_corner = Corner.NONE
        self._first_done_at = None

    # --- logic (public so it can be tested without synthesising events) -------------------
    def corner_at(self, pos: QPoint) -> Corner:
        """Which corner zone `pos` (window coordinates) is in."""
        width, height, zone = self._window.width(), self._window.height(), self.zone_px
        if pos.x() >= width - zone and 0 <= pos.y() < zone and pos.x() < width:
            return Corner.TOP_RIGHT
        if 0 <= pos.x() < zone and height - zone <= pos.y() < height:
            return Corner.BOTTOM_LEFT
        return Corner.NONE

    def press(self, pos: QPoint) -> None:
        if self._pressed_at is not None and pos == self._pressed_pos:
            # The same touch reported twice (touch, then the mouse event Qt makes from it).
            return
        now = self._clock()
        corner = self.corner_at(pos)
        if corner is Corner.NONE or (
            corner is Corner.BOTTOM_LEFT and not self._second_may_start(now)
        ):
            # Any other touch breaks the sequence: it has to be made on purpose.
            self._first_done_at = None
        if corner is Corner.TOP_RIGHT:
            self._first_done_at = None
        self._pressed_at = now
        self._pressed_pos = QPoint(pos)
        self._pressed_corner = corner

    def release(self, pos: QPoint) -> None:
        if self._pressed_at is None:
            return
        now = self._clock()
        held = now - self._pressed_at
        corner = self._pressed_corner
        self._pressed_at = None
        self._pressed_corner = Corner.NONE
        long_enough = held >= self.hold_ms and self.corner_at(pos) is corner
        if corner is Corner.TOP_RIGHT:
            self._first_done_at = now if long_enough else None
        elif corner is Corner.BOTTOM_LEFT and self._first_done_at is not None:
            started = now - held
            in_time = started - self._first_done_at <= self.follow_ms
            self._first_done_at = None
            if long_enough and in_time:
                self.triggered.emit()

    def _second_may_start(self, now: int) -> bool:
        return self._first_done_at is not None and now - self._first_done_at <= self.follow_ms

    # --- input (a stage of the input gateway) ---------------------------------------------
    def handle_event(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _PRESSES and kind not in _RELEASES:
            return False
        # Every touch reaches the window's QWindow once, before Qt hands it to a widget (and
        # again to each parent the widget passes it up to); looking only there counts it once.
        handle = self._window.windowHandle()
        if handle is None or watched is not handle:
            return False
        if kind == QEvent.Type.TouchCancel:
            # The system took the touch (e.g. an edge swipe): no hold was finished.
            self._pressed_at = None
            self._pressed_corner = Corner.NONE
            return False
        pos = self._position(event)
        if pos is None:
            return False
        if kind in _PRESSES:
            self.press(pos)
        else:
            self.release(pos)
        return False

    def _position(self, event: QEvent) -> QPoint | None:
        if isinstance(event, QTouchEvent):
            points = event.points()
            if not points:
                return None
            # A second finger makes no corner hold; the first finger decides.
            global_pos = points[0].globalPosition().toPoint()
        elif isinstance(event, QMouseEvent):
            global_pos = event.globalPosition().toPoint()
        else:
            return None
        return self._window.mapFromGlobal(global_pos)
