"""A stand-in for systemd's side of the notify protocol: a Unix datagram socket the kiosk
is given as NOTIFY_SOCKET, and the messages it receives, with the time each arrived."""

from __future__ import annotations

import contextlib
import socket
import time
from pathlib import Path


class FakeNotifySocket:
    def __init__(self, folder: Path) -> None:
        self.path = folder / "notify.sock"
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(str(self.path))
        self.messages: list[tuple[float, str]] = []

    def env(self, watchdog_sec: float | None = None, pid: int | None = None) -> dict[str, str]:
        env = {"NOTIFY_SOCKET": str(self.path)}
        if watchdog_sec is not None:
            env["WATCHDOG_USEC"] = str(int(watchdog_sec * 1_000_000))
        if pid is not None:
            env["WATCHDOG_PID"] = str(pid)
        return env

    def receive(self, timeout: float) -> str | None:
        """The next message, or None if none came within `timeout` seconds."""
        self.sock.settimeout(max(0.001, timeout))
        try:
            data = self.sock.recv(4096)
        except (TimeoutError, BlockingIOError):
            return None
        text = data.decode()
        self.messages.append((time.monotonic(), text))
        return text

    def wait_for(self, wanted: str, timeout: float) -> float | None:
        """Time (monotonic) a message containing `wanted` arrived, or None on timeout."""
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            text = self.receive(left)
            if text is not None and wanted in text.splitlines():
                return self.messages[-1][0]
        return None

    def drain(self) -> list[str]:
        out = []
        while (text := self.receive(0.001)) is not None:
            out.append(text)
        return out

    def close(self) -> None:
        self.sock.close()
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
