"""The systemd watchdog: READY once on screen, then pings from the GUI thread that stop while
the event loop is blocked, so systemd would kill and restart a frozen kiosk."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.sd_notify import Notifier, watchdog_interval_ms
from tests.helpers.fake_systemd import FakeNotifySocket


@pytest.fixture
def manager(tmp_path: Path) -> Iterator[FakeNotifySocket]:
    made = FakeNotifySocket(tmp_path)
    yield made
    made.close()


def test_interval_is_half_the_timeout_and_only_for_our_pid() -> None:
    assert watchdog_interval_ms({"WATCHDOG_USEC": "20000000"}, 42) == 10_000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "42"}, 42) == 10_000
    assert watchdog_interval_ms({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "7"}, 42) is None
    assert watchdog_interval_ms({}, 42) is None
    assert watchdog_interval_ms({"WATCHDOG_USEC": "soon"}, 42) is None


def test_no_socket_means_nothing_is_sent(qapp: QApplication) -> None:
    notifier = Notifier(env={})
    assert not notifier.active
    notifier.ready()
    assert not notifier.timer.isActive()
    assert notifier.send("READY=1") is False


def test_children_do_not_inherit_the_socket(qapp: QApplication, manager: FakeNotifySocket) -> None:
    env = manager.env(watchdog_sec=10, pid=os.getpid())
    notifier = Notifier(env=env)
    assert env == {}
    assert notifier.active and notifier.interval_ms == 5000
    notifier.close()


def test_ready_then_pings_that_stop_while_the_gui_is_blocked(
    qtbot, qapp: QApplication, manager: FakeNotifySocket
) -> None:  # type: ignore[no-untyped-def]
    notifier = Notifier(env=manager.env(watchdog_sec=0.1, pid=os.getpid()))
    assert notifier.interval_ms == 50
    notifier.ready()
    assert manager.wait_for("READY=1", 5) is not None
    qtbot.waitUntil(lambda: manager.drain().count("WATCHDOG=1") >= 1, timeout=5000)
    # A frozen event loop: the GUI thread is busy and never returns to Qt. The watchdog's
    # timer lives in that thread, so nothing may reach systemd during the freeze.
    manager.drain()
    frozen_until = time.monotonic() + 0.5
    while time.monotonic() < frozen_until:
        pass  # blocking the GUI thread is the point of this test
    assert manager.drain() == [], "a ping came while the GUI thread was blocked"
    qtbot.waitUntil(lambda: "WATCHDOG=1" in manager.drain(), timeout=5000)
    notifier.stopping()
    assert manager.wait_for("STOPPING=1", 5) is not None
    notifier.close()


def test_abstract_socket_address(qapp: QApplication) -> None:
    import socket

    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    name = f"sen-kiosk-test-{os.getpid()}"
    server.bind(b"\0" + name.encode())
    server.settimeout(5)
    try:
        notifier = Notifier(env={"NOTIFY_SOCKET": f"@{name}"})
        notifier.ready()
        assert server.recv(100).startswith(b"READY=1")
        notifier.close()
    finally:
        server.close()
