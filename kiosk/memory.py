"""Give the heap's free pages back to the system after big rebuilds and when input pauses.

Why: glibc keeps memory a process has freed for its next allocations, so a kiosk that rebuilt
its 31 card views for a visitor's text size holds on to the old views' pages, and its resident
size creeps up over weeks of visitors though nothing leaks. Measured with heaptrack over 3,000
random taps, drags and keys, the live heap shrank by 0.8 MB while the resident heap grew by
2 to 5 MB: free pages scattered among live ones, which glibc returns only to `malloc_trim(0)`.
It takes a few milliseconds, so it runs once a rebuild is over (the card views are made in idle
turns of the event loop), at the end of a visit, and when input has paused (`QuietTrim`), never
during a tap.

Python's cyclic garbage collector is held off while the kiosk starts (kiosk/__main__.py):
the start makes some 55,000 objects that live as long as the process (Qt's classes and
enums, the content, the window), and the collector walked them again and again, about 40
collections before the first screen. Once the first screen is up and the cards are made,
`release_collection` collects once, moves every object then alive out of the collector's
sight (`gc.freeze`) and turns it back on: a full collection of 55,000 objects took 26-36 ms,
and it came a few seconds after the start, where a visitor's first tap could land on it; the
frozen objects are never walked again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from functools import cache

from PySide6.QtCore import QObject, QTimer, Signal, Slot


@cache  # ctypes is imported on the first trim, after the first paint: 4 ms of start-up
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes

    # The process's own symbols: with glibc, malloc_trim is there. Not ctypes.util.find_library,
    # which runs ldconfig, and the kiosk starts no program but its speech engine and player.
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None  # musl, macOS, Windows: their allocators return pages by themselves
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back() -> None:
    """Return the heap's free pages to the system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def release_collection() -> bool:
    """Collect once, set aside what lives on, collect as usual from now on. True the first
    time after start-up held the collector off; if it was never held, nothing is done."""
    if gc.isenabled():
        return False
    gc.collect()
    gc.freeze()
    gc.enable()
    return True


class QuietTrim(QObject):
    """Gives memory back once input has paused for `quiet_ms`: once per pause, not per tap."""

    trimmed = Signal()

    def __init__(self, quiet_ms: int = 2000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(quiet_ms)
        self._timer.timeout.connect(self._trim)

    @Slot()
    def poke(self) -> None:
        """Input arrived: trim when it has stopped for a while."""
        self._timer.start()  # restarts a running countdown, so a burst of taps trims once

    @Slot()
    def _trim(self) -> None:
        give_back()
        self.trimmed.emit()
