"""Idle detection: warn after a quiet spell, count down, then ask for a reset.

`IdleMonitor` only measures time and emits signals; the app decides what a reset does.
`IdleEventFilter` pokes the monitor on every key, mouse, touch or wheel event anywhere in the
application, so no screen has to remember to report activity.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

DEFAULT_TICK_MS = 1000

_ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)


class IdleMonitor(QObject):
    """Counts quiet time; times are in milliseconds so tests can use tiny ones.

    After `idle_ms` with no `poke()`, the warning starts and lasts `warning_ms`; a poke during
    the warning cancels it. When the warning runs out, `timedOut` is emitted and the monitor
    waits, quiet, for the next poke (the kiosk is back at its start screen by then, so there
    is nothing to warn about).

    Signals:
        warningStarted(int): the warning began; whole seconds left.
        countdown(int): whole seconds left, about every `tick_ms` while warning.
        warningCancelled(): someone touched the screen during the warning.
        timedOut(): the warning ran out; reset the kiosk.
    """

    warningStarted = Signal(int)
    countdown = Signal(int)
    warningCancelled = Signal()
    timedOut = Signal()

    def __init__(
        self,
        idle_ms: int,
        warning_ms: int,
        *,
        tick_ms: int = DEFAULT_TICK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._idle_ms = idle_ms
        self._warning_ms = warning_ms
        self._running = False
        self._warning = False
        # Timers are children of the monitor, so they stop and die with it.
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self._start_warning)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._time_out)
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick)

    @classmethod
    def from_seconds(
        cls, idle_seconds: int, warning_seconds: int, *, parent: QObject | None = None
    ) -> IdleMonitor:
        """Build from `session.idle_timeout` and `session.warning_seconds`."""
        return cls(idle_seconds * 1000, warning_seconds * 1000, parent=parent)

    @property
    def is_running(self) -> bool:
        return self._running

    @property
    def is_warning(self) -> bool:
        return self._warning

    def seconds_left(self) -> int:
        """Whole seconds left in the warning (0 when not warning)."""
        if not self._warning:
            return 0
        return max(0, math.ceil(self._deadline.remainingTime() / 1000))

    def set_timeouts(self, idle_ms: int, warning_ms: int) -> None:
        self._idle_ms = idle_ms
        self._warning_ms = warning_ms
        if self._running and not self._warning:
            self._idle_timer.start(self._idle_ms)

    @Slot()
    def start(self) -> None:
        self._running = True
        self._stop_warning_timers()
        self._warning = False
        self._idle_timer.start(self._idle_ms)

    @Slot()
    def stop(self) -> None:
        """Stop watching (e.g. while the admin screen is open); `start()` resumes."""
        self._running = False
        self._warning = False
        self._idle_timer.stop()
        self._stop_warning_timers()

    @Slot()
    def poke(self) -> None:
        """Someone is here: restart the quiet spell and cancel any warning."""
        if not self._running:
            return
        if self._warning:
            self._warning = False
            self._stop_warning_timers()
            self.warningCancelled.emit()
        self._idle_timer.start(self._idle_ms)

    def _stop_warning_timers(self) -> None:
        self._deadline.stop()
        self._tick.stop()

    @Slot()
    def _start_warning(self) -> None:
        self._warning = True
        self._deadline.start(self._warning_ms)
        self._tick.start()
        self.warningStarted.emit(max(1, math.ceil(self._warning_ms / 1000)))

    @Slot()
    def _on_tick(self) -> None:
        if self._warning:
            self.countdown.emit(self.seconds_left())

    @Slot()
    def _time_out(self) -> None:
        self._warning = False
        self._tick.stop()
        # Stay running but quiet: the next poke starts a new quiet spell.
        self.timedOut.emit()


class IdleEventFilter(QObject):
    """Application-wide event filter that pokes an `IdleMonitor` on any input.

    Install with `install(app)`; it never consumes an event.
    """

    def __init__(self, monitor: IdleMonitor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._monitor = monitor
        self._app: QCoreApplication | None = None

    def install(self, app: QCoreApplication) -> None:
        self._app = app
        app.installEventFilter(self)

    def remove(self) -> None:
        if self._app is not None:
            self._app.removeEventFilter(self)
            self._app = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY_EVENTS:
            self._monitor.poke()
        return False
