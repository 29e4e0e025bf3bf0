"""Stopping by signal and keeping the counts: SIGTERM/SIGINT/SIGHUP end the event loop cleanly
with the visit in progress written; counts are written every minute; the staff screen shows
the visit in progress."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.session.idle import IdleMonitor
from kiosk.session.pin import PinGate
from kiosk.session.visit import VisitSession
from kiosk.stats import Stats
from kiosk.ui.main_window import KioskWindow
from kiosk.unix_signals import SignalBridge
from tests.kiosk.conftest import make_kiosk


@pytest.fixture
def bridge(qapp: QApplication) -> Iterator[SignalBridge]:
    made = SignalBridge()
    made.install()
    yield made
    made.remove()


def test_a_signal_arrives_in_the_gui_thread(qtbot, bridge: SignalBridge) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(bridge.received, timeout=5000) as got:
        os.kill(os.getpid(), signal.SIGHUP)
    assert got.args == [signal.SIGHUP]


def test_remove_restores_the_previous_handlers(qapp: QApplication) -> None:
    before = signal.getsignal(signal.SIGTERM)
    made = SignalBridge()
    made.install()
    assert signal.getsignal(signal.SIGTERM) is not before
    made.remove()
    assert signal.getsignal(signal.SIGTERM) is before


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_a_stop_signal_ends_the_loop_and_keeps_the_visit(
    qtbot, window: KioskWindow, tmp_path: Path, bridge: SignalBridge, number: int
) -> None:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(window, tmp_path)
    assert kiosk.visit is not None
    bridge.received.connect(kiosk.stop_on_signal)
    window.show_home()  # a visitor is reading
    kiosk.visit.count("card_views")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    QTimer.singleShot(0, lambda: os.kill(os.getpid(), number))
    # A safety net owned by the test and stopped with it: a static singleShot would call
    # app.exit() 20 s later in another test's wait, outside exec(), which leaves Qt's quit
    # flag set so that every later event loop returns at once.
    safety = QTimer()
    safety.setSingleShot(True)
    safety.timeout.connect(lambda: app.exit(99))
    safety.start(20_000)
    try:
        assert app.exec() == 0
    finally:
        safety.stop()
    kiosk.shutdown()  # what run() does after the loop
    today = kiosk.visit.stats.last_days(1)[0]
    assert today.total("visits") == 1 and today.total("card_views") == 1
    assert window.allow_close


def test_counts_are_written_every_minute_during_a_visit(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    stats = Stats(tmp_path / "stats.sqlite3")
    idle = IdleMonitor(idle_ms=60_000, warning_ms=60_000, tick_ms=1000)
    visit = VisitSession(idle, stats, flush_ms=20)
    assert VisitSession.FLUSH_MS <= 60_000
    visit.begin()
    visit.count("audio_mode")
    qtbot.waitUntil(lambda: stats.last_days(1)[0].total("visits") == 1, timeout=5000)
    assert visit.active, "writing the counts does not end the visit"
    visit.count("audio_mode")  # once per visit, even across a write
    visit.count("card_views")
    qtbot.waitUntil(lambda: stats.last_days(1)[0].total("card_views") == 1, timeout=5000)
    today = stats.last_days(1)[0]
    assert today.total("audio_mode") == 1 and today.total("visits") == 1
    visit.end()


def test_the_staff_screen_includes_the_visit_in_progress(
    qtbot, window: KioskWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    kiosk: Kiosk = make_kiosk(window, tmp_path)
    assert kiosk.visit is not None
    window.install_admin(PinGate(""))
    window.show_home()
    kiosk.visit.count("card_views")
    kiosk.visit.count("card_views")
    window.show_pin_pad()  # no PIN set: straight through to the staff screen
    qtbot.waitUntil(lambda: window.current_screen() == "admin")
    assert window.admin is not None
    totals = window.admin.totals.text()
    assert "Visits: 1" in totals and "Card views: 2" in totals
    assert "visit in progress" in totals
    kiosk.shutdown()
