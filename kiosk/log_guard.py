"""Two guards on the kiosk's log: repeated messages are summarised, and a disk that refuses
the log file never stops the kiosk.

A failing audio player used to add two ERROR lines per sentence, hundreds in a few minutes,
rotating every useful line out of the log. `RepeatFilter` lets the first of a kind through,
counts the rest for `window` seconds, then reports "repeated N times" with the next one (or at
exit). Messages are of one kind when they differ only in their numbers.

`FallbackFileHandler` is a rotating file handler that, when a write fails (disk full, the
folder made read-only, a USB stick pulled), says so once on standard error and carries on
there, trying the file again now and then.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import time
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
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


class FallbackFileHandler(RotatingFileHandler):
    RETRY_SECONDS = 60.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._stderr: logging.StreamHandler[Any] | None = None
        self._failed_at = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        if self._stderr is not None and time.monotonic() - self._failed_at < self.RETRY_SECONDS:
            self._stderr.emit(record)
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
