"""Closing time on the wired kiosk: a visitor is reading aloud when the library closes; the
kiosk goes dark and still, says nothing, shows when it opens on a touch, lets staff in, and
comes back to the attract screen at opening time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractAnimation, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.config import Settings
from kiosk.content import Library
from kiosk.opening import install_opening_hours
from kiosk.session.pin import PinGate
from kiosk.speech.service import State
from kiosk.ui.closed import CLOSED_HINT
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.kiosk.conftest import make_kiosk, spoken

HOURS = Settings(hours_monday="09:00-17:00", hours_tuesday="09:00-17:00")


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 30, 16, 59)  # a Monday, a minute before closing

    def __call__(self) -> dt.datetime:
        return self.now


def _running_animations() -> list[QAbstractAnimation]:
    app = QApplication.instance()
    assert app is not None
    found = []
    for widget in QApplication.allWidgets():
        for animation in widget.findChildren(QAbstractAnimation):
            if animation.state() == QAbstractAnimation.State.Running:
                found.append(animation)
    return found


@pytest.fixture
def window(qtbot, library: Library, fonts: Fonts) -> KioskWindow:  # type: ignore[no-untyped-def]
    made = KioskWindow(library, fonts, with_attract=True)
    qtbot.addWidget(made)
    made.resize(1920, 1080)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_closing_time(qtbot, window: KioskWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(window, tmp_path, settings=HOURS)
    assert kiosk.visit is not None and kiosk.reading is not None and kiosk.audio is not None
    window.install_admin(PinGate(""))
    clock = Clock()
    guard = install_opening_hours(kiosk, show_fullscreen=False, clock=clock)
    assert guard is not None and not guard.closed

    # A visitor is reading a card aloud.
    window.show_card(2)
    with qtbot.waitSignal(kiosk.reading.speech.utteranceStarted):
        kiosk.reading.bar.read_button.click()
    said_before = len(spoken(kiosk))

    clock.now = dt.datetime(2026, 11, 30, 17, 0)
    guard.check()
    closed = guard.screen
    assert guard.closed and closed.isVisible()
    assert kiosk.reading.speech.state() is State.Ready, "still reading aloud"
    assert window.current_screen() == "attract"
    assert kiosk.visit.stats.last_days(1)[0].total("visits") == 1  # the visit was written
    # Dark and still: labels only, nothing animating anywhere.
    assert all(isinstance(w, QLabel) for w in closed.findChildren(type(closed.title).__base__))
    assert closed.title.isVisible() and closed.title.window() is closed
    assert closed.title.geometry().intersects(closed.rect())
    assert _running_animations() == []

    # A touch says when it opens; a key does too, and neither starts audio mode or speech.
    assert closed.detail.text() == CLOSED_HINT
    QTest.mouseClick(closed, Qt.MouseButton.LeftButton)
    assert closed.detail.text() == "Opens again tomorrow at 09:00."
    QTest.keyClick(closed, Qt.Key.Key_5)
    assert not kiosk.audio.active
    assert len(spoken(kiosk)) == said_before, "the kiosk spoke while closed"
    assert not kiosk.visit.active

    # Staff still get in: the closed screen's corner gesture sees every touch...
    seen: list[object] = []
    real = guard.gesture.handle_event
    guard.gesture.handle_event = lambda w, e: seen.append(e.type()) or real(w, e)  # type: ignore[method-assign]
    QTest.mouseClick(closed, Qt.MouseButton.LeftButton)
    assert QEvent.Type.MouseButtonPress in seen and QEvent.Type.MouseButtonRelease in seen
    # ...and when it is made, the PIN pad opens; back to closed after.
    guard.gesture.triggered.emit()
    assert not closed.isVisible()
    qtbot.waitUntil(lambda: window.current_screen() == "admin")  # no PIN set in this test
    assert window.admin is not None
    window.admin.closeRequested.emit()
    assert closed.isVisible()

    # Opening time: back to the attract screen.
    clock.now = dt.datetime(2026, 12, 1, 9, 0)
    guard.check()
    assert not guard.closed and not closed.isVisible()
    assert window.current_screen() == "attract"
    kiosk.shutdown()


def test_no_hours_means_no_closed_screen(window: KioskWindow, tmp_path: Path) -> None:
    kiosk = make_kiosk(window, tmp_path)
    assert install_opening_hours(kiosk, show_fullscreen=False) is None
    kiosk.shutdown()
