"""Work done ahead, one small step an event-loop turn, that waits while a visitor is busy.

A step runs in a turn of the event loop, so a tap that arrives meanwhile waits for it: its
release is handled, then the step runs, and only then is the new screen painted. Opening a
leaflet starts thirty such steps (its card views), and the visitor's next taps came while
they ran. Input now stops the steps until it has paused for a moment.

What the next tap most likely needs (a new leaflet's first card) is made at once instead,
just after the new screen is painted (AfterPaint).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Slot

# Long enough to cover a finger's press and release (about 100 ms) and the frame after it.
QUIET_MS = 250

_CALL = QEvent.Type(QEvent.registerEventType())
_LOW = Qt.EventPriority.LowEventPriority.value


class IdleTurns(QObject):
    """Calls `step` once a turn while it returns True.

    start() asks for the steps to run (again); hold() is for every input event.
    """

    def __init__(
        self, step: Callable[[], bool], quiet_ms: int = QUIET_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._step = step
        self._wanted = False  # steps are left to do
        self._turns = QTimer(self)
        self._turns.setInterval(0)
        self._turns.timeout.connect(self._next)
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(quiet_ms)
        self._quiet.timeout.connect(self._resume)

    def active(self) -> bool:
        """Whether steps are left to do (running, or held)."""
        return self._wanted

    def running(self) -> bool:
        return self._turns.isActive()

    def start(self) -> None:
        self._wanted = True
        if not self._quiet.isActive():
            self._turns.start()

    @Slot()
    def hold(self) -> None:
        """Input arrived: no step until it has paused for a while."""
        self._turns.stop()
        self._quiet.start()  # a burst of input restarts the wait

    def stop(self) -> None:
        self._wanted = False
        self._turns.stop()
        self._quiet.stop()

    @Slot()
    def _resume(self) -> None:
        if self._wanted:
            self._turns.start()

    @Slot()
    def _next(self) -> None:
        if not self._step():
            self.stop()


class AfterPaint(QObject):
    """Calls a function once the repaints already asked for are done, input or not.

    Qt posts a repaint as a low-priority event, and posted events of one priority are
    delivered in the order they were posted: this posts its own behind it.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._calls: deque[Callable[[], object]] = deque()

    def call(self, function: Callable[[], object]) -> None:
        self._calls.append(function)
        QCoreApplication.postEvent(self, QEvent(_CALL), _LOW)

    def customEvent(self, event: QEvent) -> None:
        if event.type() == _CALL and self._calls:
            self._calls.popleft()()
