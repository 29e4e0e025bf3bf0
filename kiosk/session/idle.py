"""Idle detection: warn after a quiet spell, count down, then ask for a reset.

`IdleMonitor` only measures time and emits signals; the app decides what a reset does.
The input gateway (kiosk/input_gateway.py) pokes it on every key, mouse, touch or wheel event
anywhere in the application, before anything may consume the event; speech the visitor asked
for holds it (a long card read aloud is not a visitor who left).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

DEFAULT_TICK_MS = 1000


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
        self._held = False
        # Timers are children of the monitor, so they stop and die with it.
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        # Precise: a coarse timer's remaining time can move either way, and both the warning's
        # countdown and the tests read it.
        self._idle_timer.setTimerType(Qt.TimerType.PreciseTimer)
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
        self._restart_quiet_spell()

    @property
    def is_held(self) -> bool:
        return self._held

    def hold(self, on: bool) -> None:
        """While held (speech the visitor asked for is playing), no quiet spell runs; on
        release a full one starts. A warning already showing is left to run its course."""
        if on == self._held:
            return
        self._held = on
        if on and not self._warning:
            self._idle_timer.stop()
        else:
            self._restart_quiet_spell()

    def _restart_quiet_spell(self) -> None:
        if self._running and not self._warning and not self._held:
            self._idle_timer.start(self._idle_ms)

    @Slot()
    def start(self) -> None:
        self._running = True
        self._stop_warning_timers()
        self._warning = False
        self._restart_quiet_spell()

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
        self._restart_quiet_spell()

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
