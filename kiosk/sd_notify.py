"""systemd's notify protocol: READY once the kiosk is on screen, then WATCHDOG pings from the
GUI thread, so a frozen event loop stops the pings and systemd kills and restarts the kiosk.

The unit (`Type=notify`, `WatchdogSec=`) gives the kiosk `NOTIFY_SOCKET`, a Unix datagram
socket (a path, or `@name` in the abstract namespace): no network. The pings come from a Qt
timer, never from a thread of their own: a thread would keep pinging while the screen hangs.
Without `NOTIFY_SOCKET` (run by hand, another supervisor) everything here does nothing.
The socket is opened at the first message, after the first paint: `socket` is 8-12 ms of
imports, and nothing is said to systemd before the kiosk is on screen.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Mapping, MutableMapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Slot

if TYPE_CHECKING:
    import socket

log = logging.getLogger("kiosk.watchdog")

SOCKET_ENV = "NOTIFY_SOCKET"
WATCHDOG_USEC_ENV = "WATCHDOG_USEC"
WATCHDOG_PID_ENV = "WATCHDOG_PID"


def _address(value: str) -> str | bytes | None:
    if value.startswith("@"):
        return b"\0" + value[1:].encode()  # abstract namespace
    if value.startswith("/"):
        return value
    return None  # vsock and other forms: not for a desktop kiosk


def watchdog_interval_ms(env: Mapping[str, str], pid: int) -> int | None:
    """Half of systemd's watchdog timeout (its advice), or None when there is no watchdog."""
    wanted_pid = env.get(WATCHDOG_PID_ENV, "")
    if wanted_pid and wanted_pid != str(pid):
        return None
    try:
        usec = int(env.get(WATCHDOG_USEC_ENV, ""))
    except ValueError:
        return None
    return max(1, usec // 2000) if usec > 0 else None


class Notifier(QObject):
    """Talks to the service manager through `NOTIFY_SOCKET`, if it gave one."""

    def __init__(
        self,
        env: MutableMapping[str, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        env = os.environ if env is None else env
        self._address = _address(env.get(SOCKET_ENV, ""))
        self.interval_ms = watchdog_interval_ms(env, os.getpid())
        # Children (the speech engine, the player) must not talk to systemd for us.
        for name in (SOCKET_ENV, WATCHDOG_USEC_ENV, WATCHDOG_PID_ENV):
            env.pop(name, None)
        self._socket: socket.socket | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.ping)
        self._failed = False

    @property
    def active(self) -> bool:
        return self._address is not None

    def send(self, message: str) -> bool:
        if self._address is None:
            return False
        try:
            if self._socket is None:
                import socket

                self._socket = socket.socket(
                    socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC
                )
            self._socket.sendto(message.encode(), self._address)
        except OSError as exc:
            if not self._failed:
                self._failed = True  # once: a ping every few seconds must not flood the log
                log.warning("cannot reach the service manager at %r: %s", self._address, exc)
            return False
        self._failed = False
        return True

    def ready(self) -> None:
        """The kiosk is on screen: tell systemd, and start the pings if it watches us."""
        if not self.active:
            return
        self.send("READY=1\nSTATUS=Showing the leaflet")
        if self.interval_ms is not None:
            self.timer.start(self.interval_ms)
            self.ping()
            log.info("systemd watchdog: pinging every %d ms", self.interval_ms)

    @Slot()
    def ping(self) -> None:
        self.send("WATCHDOG=1")

    def stopping(self) -> None:
        self.timer.stop()
        self.send("STOPPING=1")

    def close(self) -> None:
        self.timer.stop()
        self._address = None
        if self._socket is not None:
            with contextlib.suppress(OSError):
                self._socket.close()
            self._socket = None
