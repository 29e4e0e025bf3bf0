"""The real kiosk process under Xvfb, supervised the way systemd does it (a fake notify socket
and a restart loop in the test): READY after the first paint, watchdog pings, a frozen kiosk
killed and restarted, and SIGTERM stopping it cleanly with the visit's counts written.

systemd itself cannot run in the test container, so the supervisor here does what the unit
asks of systemd (`Type=notify`, `WatchdogSec=`, `Restart=always`): `WatchdogSec` is shortened
to 2 s so the test is quick; the figures are printed for the docs.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.fake_systemd import FakeNotifySocket
from tests.helpers.real_kiosk import REAL_KIOSK_MARKS

pytestmark = REAL_KIOSK_MARKS

ROOT = Path(__file__).resolve().parents[2]
WATCHDOG_SEC = 2.0


@pytest.fixture
def display(tmp_path: Path) -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=[write],
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(10)


def _start(display: str, home: Path, manager: FakeNotifySocket) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, SEN_KIOSK_HOME=str(home), **manager.env(WATCHDOG_SEC))
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    # WATCHDOG_PID is left out: the supervisor does not know the pid before it starts.
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text() if (task / "children").exists() else ""
        found.update(int(p) for p in text.split())
    return found


def _alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _visits(home: Path) -> int:
    db = home / "data" / "stats.sqlite3"
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT SUM(count) FROM daily WHERE counter = 'visits'").fetchone()
    finally:
        conn.close()
    return int(row[0] or 0)


def _click_centre(display: str) -> None:
    env = {**os.environ, "DISPLAY": display}
    subprocess.run(["xdotool", "mousemove", "960", "540", "click", "1"], env=env, check=True)


def test_frozen_kiosk_is_restarted_and_sigterm_stops_cleanly(display: str, tmp_path: Path) -> None:
    home = tmp_path / "home"
    manager = FakeNotifySocket(tmp_path)
    kiosk = _start(display, home, manager)
    try:
        assert manager.wait_for("READY=1", 60) is not None, "no READY=1 from the kiosk"
        assert manager.wait_for("WATCHDOG=1", 30) is not None, "no watchdog ping"

        # The kiosk hangs (every thread stops). systemd notices the missing pings after
        # WatchdogSec, kills it (SIGABRT, then SIGKILL) and, with Restart=always, starts it again.
        frozen_at = time.monotonic()
        kiosk.send_signal(signal.SIGSTOP)
        last_ping = frozen_at
        while manager.wait_for("WATCHDOG=1", WATCHDOG_SEC) is not None:
            last_ping = manager.messages[-1][0]
            assert last_ping - frozen_at < 5, "pings went on while the kiosk was frozen"
        detected_at = time.monotonic()
        kiosk.kill()
        kiosk.communicate(timeout=30)
        kiosk = _start(display, home, manager)
        ready_at = manager.wait_for("READY=1", 60)
        assert ready_at is not None, "the restarted kiosk never said READY=1"
        print(
            f"\nwatchdog: frozen -> detected {detected_at - frozen_at:.1f} s "
            f"(WatchdogSec={WATCHDOG_SEC:g}), -> restarted kiosk ready "
            f"{ready_at - frozen_at:.1f} s (start-up {ready_at - detected_at:.1f} s, "
            "RestartSec not included)"
        )
        assert detected_at - frozen_at < WATCHDOG_SEC * 3

        # A visitor touches the attract screen, then systemctl stop (SIGTERM).
        assert manager.wait_for("WATCHDOG=1", 30) is not None
        _click_centre(display)
        # Two pings after the click: the event loop has been round since the touch arrived.
        for _ in range(2):
            assert manager.wait_for("WATCHDOG=1", 30) is not None
        children = _children(kiosk.pid)
        kiosk.send_signal(signal.SIGTERM)
        out, _ = kiosk.communicate(timeout=30)
        assert kiosk.returncode == 0, out
        assert "Traceback" not in out, out
        manager.drain()
        assert any("STOPPING=1" in text for _, text in manager.messages)
        assert _visits(home) == 1, "the visit in progress was not written on SIGTERM"
        for child in children:
            assert not _alive(child), f"child process {child} outlived the kiosk"
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.communicate(timeout=30)
        manager.close()
