"""Give the heap's free pages back to the system after big rebuilds.

Why: glibc keeps memory a process has freed for its next allocations, so a kiosk that rebuilt
its 31 card views for a visitor's text size holds on to the old views' pages, and its resident
size creeps up over weeks of visitors though nothing leaks. `malloc_trim(0)` hands the free
pages back. It takes a few milliseconds, so it runs once a rebuild is over (the card views are
made in idle turns of the event loop) and at the end of a visit, never during a tap.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable


def _malloc_trim() -> Callable[[int], int] | None:
    # The process's own symbols: with glibc, malloc_trim is there. Not ctypes.util.find_library,
    # which runs ldconfig, and the kiosk starts no program but its speech engine and player.
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):
        return None  # musl, macOS, Windows: their allocators return pages by themselves
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_TRIM = _malloc_trim()


def give_back() -> None:
    """Return the heap's free pages to the system, where the C library can."""
    if _TRIM is not None:
        _TRIM(0)
