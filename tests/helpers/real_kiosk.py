"""The real kiosk (`python -m kiosk`) under Xvfb, watched from outside as systemd would.

- `Display`: a private Xvfb server (it picks a free display number itself).
- `RecordingPlayer`: an `aplay` stand-in first on PATH that records what the kiosk played;
  its mode file makes it work, fail or hang. A `uname` stand-in records any call, which must
  never happen (issue 14, item 11).
- `RealKiosk`: starts the kiosk with a fake systemd notify socket, so READY=1 says it is on
  screen and each WATCHDOG=1 (sent by a GUI-thread timer) proves the event loop answered.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.session.pin import hash_pin
from tests.helpers import procs
from tests.helpers.fake_systemd import FakeNotifySocket

ROOT = Path(__file__).resolve().parents[2]
STAFF_PIN = "582039174620"  # 12 digits: random taps never open the admin screen
WATCHDOG_SEC = 2.0
# For a test module's `pytestmark`: slow, and skipped where the X tools are missing.
REAL_KIOSK_MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb and xdotool"
    ),
]

_APLAY = """#!/bin/sh
# aplay stand-in: aplay -q FILE. Mode file: ok (default), fail, or hang.
for wav; do :; done
echo "$wav" >> "$REC/played.txt"
mode=$(cat "$REC/mode" 2>/dev/null)
case "$mode" in
  fail) echo "aplay: main:831: audio open error: Device or resource busy" >&2; exit 1 ;;
  hang) exec sleep 3600 ;;
esac
if [ "$(wc -l < "$REC/played.txt")" -le 5 ]; then cp "$wav" "$REC/"; fi
exit 0
"""

_UNAME = """#!/bin/sh
echo "$PPID $*" >> "$REC/uname-calls.txt"
exec /bin/uname "$@"
"""


class Display:
    def __init__(self, size: str = "1920x1080") -> None:
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            pass_fds=[write],
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        assert number, "Xvfb did not start"
        self.name = f":{number}"

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(10)


class RecordingPlayer:
    def __init__(self, folder: Path) -> None:
        self.bin = folder / "bin"
        self.records = folder / "played"
        self.bin.mkdir(parents=True)
        self.records.mkdir(parents=True)
        for name, text in (("aplay", _APLAY), ("uname", _UNAME)):
            path = self.bin / name
            path.write_text(text)
            path.chmod(0o755)
        self.set_mode("ok")

    def set_mode(self, mode: str) -> None:
        (self.records / "mode").write_text(mode)

    def played(self) -> int:
        path = self.records / "played.txt"
        return len(path.read_text().splitlines()) if path.exists() else 0

    def uname_calls(self) -> list[str]:
        path = self.records / "uname-calls.txt"
        return path.read_text().splitlines() if path.exists() else []

    def env(self) -> dict[str, str]:
        return {"PATH": f"{self.bin}:{os.environ['PATH']}", "REC": str(self.records)}


def write_settings(home: Path, extra: str = "") -> Path:
    config = home / "config" / "kiosk.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'[admin]\npin_hash = "{hash_pin(STAFF_PIN, n=2**4, r=1)}"\n'
        "exit_to_desktop = false\n" + extra
    )
    return config


class RealKiosk:
    def __init__(
        self,
        folder: Path,
        display: Display,
        home: Path,
        player: RecordingPlayer,
        *args: str,
        watchdog_sec: float = WATCHDOG_SEC,
    ) -> None:
        self.folder = folder
        self.home = home
        folder.mkdir(parents=True, exist_ok=True)
        self.notify = FakeNotifySocket(folder)
        env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM",)}
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no session bus: nothing may autolaunch one
        env.pop("XDG_RUNTIME_DIR", None)
        env.update(
            PYTHONFAULTHANDLER="1",  # stack() can then show where it is stuck
            DISPLAY=display.name,
            SEN_KIOSK_HOME=str(home),
            **self.notify.env(watchdog_sec),
            **player.env(),
        )
        self.env = env
        self.output = folder / "kiosk-output.txt"
        self._out = self.output.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "kiosk", *args],
            cwd=ROOT,
            env=env,
            stdout=self._out,
            stderr=subprocess.STDOUT,
        )
        self.pid = self.process.pid

    def wait_ready(self, timeout: float = 90) -> None:
        at = self.notify.wait_for("READY=1", timeout)
        assert at is not None, f"the kiosk never said READY=1:\n{self.text()}"

    def answers(self, timeout: float = 20) -> bool:
        """True once a WATCHDOG ping sent after this call arrives: the event loop is running."""
        self.notify.drain()
        return self.notify.wait_for("WATCHDOG=1", timeout) is not None

    def rss_kib(self) -> int:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")

    def children(self) -> list[int]:
        return procs.children(self.pid)

    def log(self) -> str:
        path = self.home / "logs" / "kiosk.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def text(self) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.output.read_text(errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, timeout: float = 30) -> int:
        if self.alive():
            self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait(10)
        self._out.close()
        self.notify.close()
        return code

    def stack(self) -> str:
        """Every thread's Python stack (the kiosk dies of it): for the message of a test that
        found it stuck."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGABRT)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(10)
        return self.text()[-6000:]

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait(10)
        self._out.close()
        self.notify.close()


def xdotool(display: Display, *args: str) -> None:
    subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display.name},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=120,
    )


def wait_until(check: object, timeout: float = 30, every: float = 0.1) -> bool:
    """Poll `check()` (another process's state: no signal to wait on) until true."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if check():  # type: ignore[operator]
            return True
        time.sleep(every)
    return bool(check())  # type: ignore[operator]


def private_tmp() -> Iterator[Path]:
    """A work folder outside pytest's basetemp: pytest sessions running at the same time
    (other checkouts on this machine) delete each other's old basetemp folders, which a
    several-minute test of the real kiosk would otherwise lose mid-run."""
    folder = Path(tempfile.mkdtemp(prefix="sen-kiosk-real-"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
