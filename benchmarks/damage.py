"""When a tap's new screen reached the framebuffer, told by the X server (the DAMAGE extension).

Polling the framebuffer for a change notices it late: by half a poll interval on average plus
the read, and a read of sampled rows is one round trip to the X server a row (38 for a full
screen, about 2.8 ms on the 2-core machine), so a poll every millisecond saw a change up to
4 ms after it happened and kept the X server busy while the kiosk's frame waited for it.

With DAMAGE, the X server sends an event when anything is drawn on the screen. This waits in
`select` for one, then reads the area once (one MIT-SHM read) to see whether the drawing was
the new screen or something smaller (the pressed button's own repaint). The time kept is when
the drawing that made the new screen was told: a read started after it found the new screen.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import select
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from benchmarks.outside import Screen

_REPORT_RAW_RECTANGLES = 0  # an event for each drawing, not one until acknowledged
_DAMAGE_NOTIFY = 0  # the extension's only event, at its event base


class _XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


class DamageWatch:
    """Drawing on one X screen, as it happens. `available()` is False where the server has no
    DAMAGE extension (or libXdamage is missing); callers then poll."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self._damage = 0
        self._event = _XEvent()
        try:
            self.lib = ctypes.CDLL(ctypes.util.find_library("Xdamage") or "libXdamage.so.1")
        except OSError:
            return
        x11, lib = screen.x11, self.lib
        lib.XDamageQueryExtension.argtypes = [
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_int),
        ]
        lib.XDamageCreate.restype = ctypes.c_ulong
        lib.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
        lib.XDamageDestroy.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        x11.XPending.argtypes = [ctypes.c_void_p]
        x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(_XEvent)]
        x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        base, errors = ctypes.c_int(), ctypes.c_int()
        if not lib.XDamageQueryExtension(screen.display, ctypes.byref(base), ctypes.byref(errors)):
            return
        self._notify = base.value + _DAMAGE_NOTIFY
        # On the root window: drawing in any window on it is reported (as x11vnc relies on).
        self._damage = lib.XDamageCreate(screen.display, screen.root, _REPORT_RAW_RECTANGLES)
        x11.XSync(screen.display, 0)
        self._fd = x11.XConnectionNumber(screen.display)

    def available(self) -> bool:
        return bool(self._damage)

    def method(self) -> str:
        """How a new screen is found, for the benchmarks' figures."""
        return "X DAMAGE events, then one read" if self.available() else "polling every 1 ms"

    def drained(self) -> bool:
        """Takes every event the server has sent; whether any of them told of drawing."""
        x11, display = self.screen.x11, self.screen.display
        drawn = False
        while x11.XPending(display):
            x11.XNextEvent(display, ctypes.byref(self._event))
            drawn = drawn or self._event.type == self._notify
        return drawn

    def wait(self, check: Callable[[], bool], start: float, timeout_s: float = 10) -> float:
        """Milliseconds from `start` (a perf_counter time) to the drawing after which `check()`
        first holds. Call drained() before the input that starts the change."""
        deadline = start + timeout_s
        while True:
            if self.drained():
                told = time.perf_counter()
                if check():
                    return (told - start) * 1000
                continue  # drawing told while checking is looked at at once
            left = deadline - time.perf_counter()
            if left <= 0:
                raise RuntimeError("nothing drawn made the expected change before the timeout")
            select.select([self._fd], [], [], left)

    def close(self) -> None:
        if self._damage:
            self.lib.XDamageDestroy(self.screen.display, self._damage)
            self.screen.x11.XSync(self.screen.display, 0)
            self._damage = 0
