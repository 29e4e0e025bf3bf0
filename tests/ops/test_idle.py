"""Idle monitor with tiny timeouts; every wait is on a signal, never a sleep."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.session.idle import IdleMonitor


@pytest.fixture
def monitor(qapp: QApplication) -> Iterator[IdleMonitor]:
    mon = IdleMonitor(idle_ms=30, warning_ms=120, tick_ms=10)
    yield mon
    mon.stop()
    mon.deleteLater()


def test_warning_countdown_then_timeout(qtbot: QtBot, monitor: IdleMonitor) -> None:
    ticks: list[int] = []
    monitor.countdown.connect(ticks.append)
    with qtbot.waitSignal(monitor.warningStarted, timeout=2000) as started:
        monitor.start()
    assert started.args == [1]
    assert monitor.is_warning
    with qtbot.waitSignal(monitor.timedOut, timeout=2000):
        pass
    assert not monitor.is_warning
    assert ticks, "countdown should tick during the warning"
    assert all(t in (0, 1) for t in ticks)


def test_poke_during_warning_cancels(qtbot: QtBot, monitor: IdleMonitor) -> None:
    with qtbot.waitSignal(monitor.warningStarted, timeout=2000):
        monitor.start()
    with qtbot.waitSignal(monitor.warningCancelled, timeout=500):
        monitor.poke()
    assert not monitor.is_warning
    # After a cancel the quiet spell starts again.
    with qtbot.waitSignal(monitor.warningStarted, timeout=2000):
        pass


def test_pokes_keep_the_warning_away(qtbot: QtBot, qapp: QApplication) -> None:
    mon = IdleMonitor(idle_ms=2000, warning_ms=50, tick_ms=10)
    started: list[int] = []
    mon.warningStarted.connect(started.append)
    mon.start()
    for _ in range(3):
        qtbot.wait(100)  # runs the event loop; far under the idle time, even on a slow CI
        mon.poke()
    assert started == []
    mon.stop()


def test_stop_silences_everything(qtbot: QtBot, monitor: IdleMonitor) -> None:
    monitor.start()
    monitor.stop()
    with qtbot.assertNotEmitted(monitor.warningStarted, wait=100):
        pass
    monitor.poke()  # pokes while stopped do not restart it
    assert not monitor.is_running


def test_timed_out_monitor_waits_for_the_next_poke(qtbot: QtBot, monitor: IdleMonitor) -> None:
    monitor.start()
    with qtbot.waitSignal(monitor.timedOut, timeout=2000):
        pass
    with qtbot.assertNotEmitted(monitor.warningStarted, wait=100):
        pass
    with qtbot.waitSignal(monitor.warningStarted, timeout=2000):
        monitor.poke()


def test_from_seconds_uses_settings_units(qapp: QApplication) -> None:
    mon = IdleMonitor.from_seconds(90, 30)
    mon.start()
    assert mon.is_running and not mon.is_warning
    assert mon.seconds_left() == 0
    mon.stop()
    mon.deleteLater()


def test_seconds_left_counts_down_in_whole_seconds(qtbot: QtBot, qapp: QApplication) -> None:
    mon = IdleMonitor(idle_ms=10, warning_ms=2500, tick_ms=1000)
    with qtbot.waitSignal(mon.warningStarted, timeout=2000) as started:
        mon.start()
    assert started.args == [3]
    assert mon.seconds_left() in (2, 3)
    mon.stop()
    mon.deleteLater()
