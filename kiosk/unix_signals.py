"""SIGINT, SIGTERM and SIGHUP stop the kiosk cleanly, even while Qt's event loop runs.

Python runs a signal handler only when the interpreter gets control back, and inside
`app.exec()` it does not until Qt calls into Python. So the handler does nothing itself:
`signal.set_wakeup_fd` writes the signal number into a pipe, a `QSocketNotifier` on the
other end wakes the event loop, and the slot emits `received` there, in the GUI thread, where
quitting, writing the counts and stopping the speech are safe.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
from collections.abc import Callable
from types import FrameType
from typing import Final

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

log = logging.getLogger("kiosk.signals")

STOP_SIGNALS: Final = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)

_Handler = Callable[[int, FrameType | None], object] | int | signal.Handlers | None


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """The real work happens in the GUI thread; see the module docstring."""


class SignalBridge(QObject):
    """Signals: received(int) with the signal number, in the GUI thread."""

    received = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A pipe, not a socket pair: importing `socket` was 8-12 ms of every start.
        self._reader, self._writer = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._ends: tuple[int, ...] = (self._reader, self._writer)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)
        self._previous: dict[int, _Handler] = {}
        self._previous_fd: int | None = None

    def install(self, signals: tuple[int, ...] = STOP_SIGNALS) -> None:
        self._previous_fd = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        for number in signals:
            self._previous[number] = signal.signal(number, _ignore)

    def remove(self) -> None:
        for number, handler in self._previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        self._previous.clear()
        if self._previous_fd is not None:
            signal.set_wakeup_fd(self._previous_fd)
            self._previous_fd = None
        self._notifier.setEnabled(False)
        ends, self._ends = self._ends, ()  # a second remove() must not close a reused number
        for end in ends:
            with contextlib.suppress(OSError):
                os.close(end)

    @Slot()
    def _drain(self) -> None:
        try:
            data = os.read(self._reader, 64)
        except OSError:  # nothing to read, or removed meanwhile
            return
        for number in data:
            # The wakeup fd also carries signals we did not ask for (SIGCHLD from a player).
            if number in self._previous:
                self.received.emit(number)


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
