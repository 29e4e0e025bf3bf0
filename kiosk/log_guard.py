"""Two guards on the kiosk's log: repeated messages are summarised, and a disk that refuses
the log file never stops the kiosk.

A failing audio player used to add two ERROR lines per sentence, hundreds in a few minutes,
rotating every useful line out of the log. `RepeatFilter` lets the first of a kind through,
counts the rest for `window` seconds, then reports "repeated N times" with the next one (or at
exit). Messages are of one kind when they differ only in their numbers.

`FallbackFileHandler` is a rotating file handler that, when a write fails (disk full, the
folder made read-only, a USB stick pulled), says so once on standard error and carries on
there, trying the file again now and then.

It rotates as the standard library's `RotatingFileHandler` does (the same size test before
each record, the same `kiosk.log.1`..`.N` names), on `logging.FileHandler`: the log is opened
before the first screen, and `logging.handlers` brings socket, pickle and queue with it for
handlers the kiosk does not use, 14 ms of every start.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import time
from collections.abc import Callable
from typing import Any

_NUMBER = re.compile(r"\d+")


class RepeatFilter(logging.Filter):
    """Passes the first record of each kind, then one summary per `window` seconds."""

    def __init__(
        self,
        window: float = 600.0,
        clock: Callable[[], float] = time.monotonic,
        level: int = logging.WARNING,
    ) -> None:
        super().__init__()
        self.window = window
        self.level = level
        self._clock = clock
        # kind -> (when the current window started, records held back in it)
        self._seen: dict[str, tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < self.level:
            return True
        kind = f"{record.name}:{record.levelno}:{_NUMBER.sub('#', record.getMessage())}"
        now = self._clock()
        started, held = self._seen.get(kind, (None, 0))
        if started is None or now - started >= self.window:
            self._seen[kind] = (now, 0)
            if held:
                minutes = max(1, round(self.window / 60))
                record.msg = (
                    f"{record.getMessage()} (repeated {held} more times in the last {minutes} min)"
                )
                record.args = None
            if len(self._seen) > 1000:  # never grow without bound
                self._seen = {kind: self._seen[kind]}
            return True
        self._seen[kind] = (started, held + 1)
        return False

    def summaries(self) -> list[str]:
        """What is still held back, for the last lines at exit."""
        return [
            f"{kind.split(':', 2)[2]} (repeated {held} more times)"
            for kind, (_, held) in self._seen.items()
            if held
        ]


class FallbackFileHandler(logging.FileHandler):
    RETRY_SECONDS = 60.0

    def __init__(
        self,
        filename: str | os.PathLike[str],
        max_bytes: int,
        backup_count: int,
        encoding: str = "utf-8",
    ) -> None:
        super().__init__(filename, mode="a", encoding=encoding)
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        self._stderr: logging.StreamHandler[Any] | None = None
        self._failed_at = 0.0

    def should_roll_over(self, record: logging.LogRecord) -> bool:
        """Whether `record` would take the file to `max_bytes` (a non-empty file only)."""
        if self.max_bytes <= 0:
            return False
        if self.stream is None:
            self.stream = self._open()
        position = self.stream.tell()
        return bool(position) and position + len(f"{self.format(record)}\n") >= self.max_bytes

    def roll_over(self) -> None:
        """kiosk.log becomes kiosk.log.1, .1 becomes .2, and so on; the last is dropped."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        if self.backup_count > 0:
            for number in range(self.backup_count - 1, 0, -1):
                older = f"{self.baseFilename}.{number}"
                if os.path.exists(older):
                    os.replace(older, f"{self.baseFilename}.{number + 1}")
            if os.path.exists(self.baseFilename):
                os.replace(self.baseFilename, f"{self.baseFilename}.1")
        self.stream = self._open()

    def emit(self, record: logging.LogRecord) -> None:
        if self._stderr is not None and time.monotonic() - self._failed_at < self.RETRY_SECONDS:
            self._stderr.emit(record)
            return
        try:
            if self.should_roll_over(record):
                self.roll_over()
        except Exception:  # as logging's own handlers: a bad record never reaches the caller
            self.handleError(record)
            return
        super().emit(record)  # failures come back through handleError

    def flush(self) -> None:
        # A failed record was reported by handleError; a failed flush has nothing more to lose.
        with contextlib.suppress(OSError):
            super().flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            super().close()

    def handleError(self, record: logging.LogRecord) -> None:
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
            return
        self._failed_at = time.monotonic()
        if self._stderr is None:
            self._stderr = logging.StreamHandler(sys.stderr)
            self._stderr.setFormatter(self.formatter)
            print(
                f"cannot write the log file {self.baseFilename}: {error.strerror or error}; "
                "logging to standard error",
                file=sys.stderr,
            )
        self._stderr.emit(record)
