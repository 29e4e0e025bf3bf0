"""Opening hours at run time: puts the closed screen up when the kiosk closes and takes it
down when it opens, and lets staff through with the usual corner gesture while closed."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot

from .config import Settings
from .input_gateway import Stage
from .opening_hours import DAYS, OpeningHours, describe_opening
from .ui.closed import ClosedScreen

if TYPE_CHECKING:
    from .app import Kiosk

log = logging.getLogger("kiosk.hours")

POLL_MS = 30_000  # a minute's precision is plenty for opening and closing
_T = QEvent.Type
_REVEAL = frozenset({_T.KeyPress, _T.MouseButtonPress, _T.TouchBegin})
_INPUT = _REVEAL | {
    _T.KeyRelease,
    _T.ShortcutOverride,
    _T.Shortcut,
    _T.MouseButtonRelease,
    _T.MouseButtonDblClick,
    _T.TouchUpdate,
    _T.TouchEnd,
    _T.Wheel,
    _T.ContextMenu,
}


def hours_from(settings: Settings) -> OpeningHours:
    days = {day: str(getattr(settings, f"hours_{day}")) for day in DAYS}
    return OpeningHours.parse(days, settings.hours_closed_dates)


class OpeningGuard(QObject):
    def __init__(
        self,
        kiosk: Kiosk,
        hours: OpeningHours,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        poll_ms: int = POLL_MS,
        show_fullscreen: bool = True,
    ) -> None:
        super().__init__(kiosk)
        self.kiosk = kiosk
        self.hours = hours
        self.clock = clock
        self.show_fullscreen = show_fullscreen
        self.screen = ClosedScreen()
        self.closed = False
        self._staff = False
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check)
        kiosk.window.screenChanged.connect(self._on_screen)

    def install(self) -> None:
        from .ui.corner_gesture import CornerGesture

        # A stage of the input gateway after the staff gesture (which only watches) and
        # before audio mode and reading: while closed, no key starts audio mode and no touch
        # reaches the kiosk behind. The closed screen has its own staff gesture, fed here.
        self.gesture = CornerGesture(self.screen, parent=self.screen)
        self.gesture.triggered.connect(self.staff_access)
        self.kiosk.gateway.add(Stage.CLOSED, self.handle_event)
        self.timer.start()
        self.check()

    @Slot()
    def check(self) -> None:
        now = self.clock()
        is_open = self.hours.is_open(now)
        if not is_open and not self.closed:
            self.close(now)
        elif is_open and self.closed:
            self.open()
        elif self.closed:
            self.screen.set_opening(describe_opening(self.hours.next_opening(now), now))

    def close(self, now: dt.datetime) -> None:
        log.info("closed (outside opening hours)")
        self.closed = True
        kiosk = self.kiosk
        kiosk.reset()  # speech off, audio mode off, back to the start, nothing of the visitor
        if kiosk.visit is not None:
            kiosk.visit.end()  # the visit's counts are written; no idle watch while closed
        self.screen.set_opening(describe_opening(self.hours.next_opening(now), now))
        self._show()

    def open(self) -> None:
        log.info("open (opening hours)")
        self.closed = False
        self._staff = False
        self.screen.hide()
        self.kiosk.window.reset_to_start()
        self.kiosk.window.activateWindow()

    def _show(self) -> None:
        screen = self.screen
        if self.show_fullscreen:
            screen.setWindowFlags(
                screen.windowFlags()
                | Qt.WindowType.FramelessWindowHint
                | Qt.WindowType.WindowStaysOnTopHint
            )
            geometry = self.kiosk.window.screen().geometry()
            screen.setGeometry(geometry)
            screen.showFullScreen()
            screen.raise_()
        else:
            screen.resize(self.kiosk.window.size())
            screen.show()
        screen.activateWindow()
        screen.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_event(self, watched: QObject, event: QEvent) -> bool:
        if not self.closed or self._staff or event.type() not in _INPUT:
            return False
        self.gesture.handle_event(watched, event)
        if event.type() in _REVEAL and self.closed and not self._staff:
            self.screen.reveal()
        return True  # consumed: nothing behind the closed screen reacts

    @Slot()
    def staff_access(self) -> None:
        """The corner gesture on the closed screen: the PIN pad, on the kiosk window."""
        if not self.closed:
            return
        self._staff = True
        self.screen.hide()
        self.kiosk.window.activateWindow()
        self.kiosk.window.show_pin_pad()

    @Slot(str)
    def _on_screen(self, screen: str) -> None:
        # Staff left the PIN pad or admin screen (back to the start) while still closed.
        if self._staff and self.closed and screen not in ("pin", "admin"):
            self._staff = False
            self._show()


def install_opening_hours(
    kiosk: Kiosk,
    *,
    show_fullscreen: bool = True,
    clock: Callable[[], dt.datetime] = dt.datetime.now,
) -> OpeningGuard | None:
    """Closed-screen handling, if the settings give opening hours at all."""
    hours = hours_from(kiosk.settings)
    if hours.always_open:
        return None
    guard = OpeningGuard(kiosk, hours, clock=clock, show_fullscreen=show_fullscreen)
    guard.install()
    return guard
