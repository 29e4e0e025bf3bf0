"""One kiosk at a time, by an OS file lock; no sockets, so the kiosk opens no connection at all.

The operating system drops the lock when the process dies, however it dies, so a crash never
leaves a stale lock behind for the supervisor's restart to trip over.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType
from typing import IO, Final

ALREADY_RUNNING_EXIT: Final = 3

if sys.platform == "win32":
    import msvcrt

    def _try_lock(handle: IO[str]) -> bool:
        handle.seek(0)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(handle: IO[str]) -> bool:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class SingleInstance:
    """Holds the kiosk's lock file while the kiosk runs.

    `acquire()` returns False if another kiosk holds it; `message()` then says so for staff.
    Usable as a context manager that raises `AlreadyRunningError`.
    """

    def __init__(self, lock_path: Path) -> None:
        self.lock_path = Path(lock_path)
        self._handle: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        if self._handle is not None:
            return True
        self.lock_path.parent.mkdir(parents=True, exist_ok=True)
        # "a+" creates the file without truncating it: the holder's PID stays readable.
        handle = open(self.lock_path, "a+", encoding="ascii")  # noqa: SIM115
        if not _try_lock(handle):
            handle.close()
            return False
        # The PID is only for the message a second start prints. On Windows the locked byte
        # is at offset 0, so the PID goes after it.
        handle.seek(0)
        handle.truncate()
        handle.write(f" {os.getpid()}\n")
        handle.flush()
        self._handle = handle
        return True

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            _unlock(handle)
        finally:
            handle.close()

    def holder_pid(self) -> int | None:
        try:
            text = self.lock_path.read_text("ascii")
        except (OSError, UnicodeDecodeError):
            return None
        value = text.strip()
        return int(value) if value.isdigit() else None

    def message(self) -> str:
        pid = self.holder_pid()
        who = f" (process {pid})" if pid else ""
        return (
            f"The kiosk is already running{who}. Only one copy can run at a time; "
            f"lock file: {self.lock_path}"
        )

    def __enter__(self) -> SingleInstance:
        if not self.acquire():
            raise AlreadyRunningError(self.message())
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


class AlreadyRunningError(Exception):
    """Another kiosk holds the lock; `str()` is the message for staff."""

    exit_code = ALREADY_RUNNING_EXIT
