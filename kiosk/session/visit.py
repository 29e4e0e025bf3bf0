"""One visitor's session: from the first touch to the idle reset.

Counts what the visitor used in memory, so that navigation never waits on the disk, and
writes them at the end of the visit, every minute (a PC switched off at the wall loses at
most a minute) and when the kiosk stops. Runs the idle warning and the reset.
"""

from __future__ import annotations

import logging
from collections import Counter

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..stats import Stats
from .idle import IdleMonitor

log = logging.getLogger("kiosk.session")


class VisitSession(QObject):
    """Signals: warningStarted(int), countdown(int), warningCancelled(), resetRequested()."""

    warningStarted = Signal(int)
    countdown = Signal(int)
    warningCancelled = Signal()
    resetRequested = Signal()

    FLUSH_MS = 60_000

    def __init__(
        self,
        idle: IdleMonitor,
        stats: Stats,
        parent: QObject | None = None,
        *,
        flush_ms: int = FLUSH_MS,
    ):
        super().__init__(parent)
        self.idle = idle
        self.stats = stats
        self.active = False
        self.counts: Counter[str] = Counter()
        self.used: set[str] = set()  # what this visitor used: each counts once per visit
        idle.warningStarted.connect(self.warningStarted)
        idle.countdown.connect(self.countdown)
        idle.warningCancelled.connect(self.warningCancelled)
        idle.timedOut.connect(self._timed_out)
        self.flush_timer = QTimer(self)
        self.flush_timer.setInterval(flush_ms)
        self.flush_timer.timeout.connect(self.flush)
        self.flush_timer.start()

    def begin(self) -> None:
        """The attract screen was touched: a new visit starts."""
        if not self.active:
            self.used.clear()
            self.active = True
            self.counts["visits"] += 1
            self.idle.start()
        self.idle.poke()

    def keep_alive(self) -> None:
        """Watch for idleness without counting a visit (staff on the admin screens)."""
        if not self.idle.is_running:
            self.idle.start()
        self.idle.poke()

    ONCE_PER_VISIT = frozenset({"settings_used", "audio_mode"})

    def count(self, name: str) -> None:
        if not self.active or (name in self.ONCE_PER_VISIT and name in self.used):
            return
        self.used.add(name)
        self.counts[name] += 1

    @Slot()
    def still_here(self) -> None:
        self.idle.poke()

    @Slot()
    def _timed_out(self) -> None:
        self.counts["idle_resets"] += 1
        self.end()
        self.resetRequested.emit()

    def end(self) -> None:
        """Write this visit's counts and forget it ever happened."""
        self.idle.stop()
        self.active = False
        self.used.clear()
        self.flush()

    @Slot()
    def flush(self) -> None:
        """Write what is counted so far; the visit (if any) carries on."""
        counts, self.counts = self.counts, Counter()
        if counts:
            self.stats.add(counts)

    @property
    def pending(self) -> dict[str, int]:
        """Counted but not yet written (the visit in progress, for the staff screen)."""
        return dict(self.counts)
