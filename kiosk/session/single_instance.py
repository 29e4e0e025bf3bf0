"""One kiosk at a time, by an OS file lock; no sockets, so the kiosk opens no connection at all.

The operating system drops the lock when the process dies, however it dies, so a crash never
leaves a stale lock behind for the supervisor's restart to trip over.

This runs before logging exists, so it must never raise: a data folder that is read-only or
full still lets the kiosk start. An existing lock file can be locked read-only; failing that,
a lock file in the system's temp folder named after the data folder's lock stands in (so two
kiosks of one home still exclude each other); failing that too, the kiosk runs unlocked and
says why.
"""

from __future__ import annotations

import os
import sys
import tempfile
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
        self.warning = ""  # set when the lock had to fall back; for the log once it exists

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> bool:
        """False only when another kiosk holds the lock; never raises."""
        if self._handle is not None:
            return True
        handle, problem = self._open()
        if handle is None:
            self.warning = f"running without the single-instance lock: {problem}"
            return True
        if not _try_lock(handle):
            handle.close()
            return False
        # The PID is only for the message a second start prints. On Windows the locked byte
        # is at offset 0, so the PID goes after it. A full disk may refuse it: no matter.
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f" {os.getpid()}\n")
            handle.flush()
        except OSError:
            pass
        self._handle = handle
        return True

    def _open(self) -> tuple[IO[str] | None, str]:
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            # "a+" creates the file without truncating it: the holder's PID stays readable.
            return open(self.lock_path, "a+", encoding="ascii"), ""
        except OSError as exc:
            first = f"{self.lock_path}: {exc.strerror or exc}"
        try:
            return open(self.lock_path, encoding="ascii"), ""
        except OSError:
            pass
        stand_in = _stand_in_path(self.lock_path)
        try:
            handle = open(stand_in, "a+", encoding="ascii")  # noqa: SIM115
        except OSError as exc:
            return None, f"{first}; {stand_in}: {exc.strerror or exc}"
        self.warning = f"lock file {self.lock_path} unusable ({first}); using {stand_in}"
        self.lock_path = stand_in
        return handle, ""

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


def _stand_in_path(lock_path: Path) -> Path:
    """The same name for every kiosk of one data folder, in the system's temp folder."""
    import hashlib  # here, on this rare path only: it loads OpenSSL (about 3.5 MB)

    key = hashlib.sha256(str(lock_path.resolve()).encode()).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"sen-kiosk-{user}-{key}.lock"


class AlreadyRunningError(Exception):
    """Another kiosk holds the lock; `str()` is the message for staff."""

    exit_code = ALREADY_RUNNING_EXIT
