"""Log files for staff and IT: rotating files in the log folder, and crash logging.

What is logged: start-up facts (version, settings file, content source), problems and
crashes. Never logged: card text, what a visitor looked at, when a visitor came or went
(audio mode, idle resets: those are only counted, in the anonymous daily stats), or anything
typed (the PIN included): a library kiosk's log must hold nothing about the people who used
it. Repeated problems are summarised (`log_guard.RepeatFilter`), and a disk that refuses the
log file sends the log to standard error instead (`log_guard.FallbackFileHandler`).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Final

from . import paths
from .log_guard import FallbackFileHandler, RepeatFilter

LOG_FILE_NAME: Final = "kiosk.log"
HANDLER_NAME: Final = "sen-kiosk-file"
LOGGER_NAME: Final = "kiosk"
MAX_BYTES: Final = 1_000_000
BACKUP_COUNT: Final = 5
# EX_SOFTWARE: a supervisor restarts on any non-zero code; this one says "crashed".
CRASH_EXIT_CODE: Final = 70

_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_file(folder: Path | None = None) -> Path:
    return (folder if folder is not None else paths.log_dir()) / LOG_FILE_NAME


def _our_handler(logger: logging.Logger) -> logging.Handler | None:
    for handler in logger.handlers:
        if handler.get_name() == HANDLER_NAME:
            return handler
    return None


def shutdown_logging() -> None:
    """Remove and close the file handler that `setup_logging` added (tests; clean exit)."""
    logger = logging.getLogger(LOGGER_NAME)
    handler = _our_handler(logger)
    if handler is not None:
        for held in handler.filters:
            if isinstance(held, RepeatFilter):
                for line in held.summaries():
                    record = logger.makeRecord(LOGGER_NAME, logging.INFO, "", 0, line, (), None)
                    handler.handle(record)
        logger.removeHandler(handler)
        handler.close()


def setup_logging(
    settings_file: Path | None,
    content_source: Path | str,
    version: str,
    *,
    folder: Path | None = None,
    level: int = logging.INFO,
    max_bytes: int = MAX_BYTES,
    backup_count: int = BACKUP_COUNT,
) -> Path | None:
    """Log the `kiosk` loggers to a rotating file and write the start-up line.

    Returns the log file, or None if the log folder cannot be written (the kiosk still runs;
    messages then go to standard error).
    """
    shutdown_logging()
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    target = log_file(folder)
    path: Path | None = target
    handler: logging.Handler
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = FallbackFileHandler(target, max_bytes, backup_count)
    except OSError as exc:
        print(
            f"cannot write the log file {target}: {exc}; logging to standard error",
            file=sys.stderr,
        )
        handler = logging.StreamHandler(sys.stderr)
        path = None
    handler.set_name(HANDLER_NAME)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RepeatFilter())
    logger.addHandler(handler)
    settings_state = ""
    if settings_file is not None:
        settings_state = "" if Path(settings_file).exists() else " (missing: using defaults)"
    logger.info(
        "start: sen-kiosk %s; Python %s on %s; settings %s%s; content %s",
        version,
        sys.version.split()[0],
        system_name(),
        settings_file if settings_file is not None else "(none)",
        settings_state,
        content_source,
    )
    return path


def system_name() -> str:
    """ "Linux 6.1.0 x86_64", without running a program: platform.platform() runs `uname -p`.
    From os.uname where there is one: the platform module stays loaded for good (150 KB)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        name = uname()
        return f"{name.sysname} {name.release} {name.machine}"
    import platform

    return f"{platform.system()} {platform.release()} {platform.machine()}".strip()


def recent_lines(n: int = 200, *, folder: Path | None = None) -> list[str]:
    """The last `n` lines of the log (older rotated files included if needed), oldest first."""
    base = log_file(folder)
    files = [base, *(base.with_name(f"{base.name}.{i}") for i in range(1, BACKUP_COUNT + 1))]
    lines: list[str] = []
    for path in files:
        if len(lines) >= n:
            break
        try:
            with path.open("rb") as handle:
                # Only the tail is needed; a full 1 MB read would stall the admin screen.
                size = handle.seek(0, os.SEEK_END)
                handle.seek(max(0, size - 200 * n))
                chunk = handle.read().decode("utf-8", errors="replace")
        except OSError:
            continue
        part = chunk.splitlines()
        if size > 200 * n and part:
            part = part[1:]  # the first line was probably cut in half
        lines = part[-(n - len(lines)) :] + lines
    return lines[-n:]


ExitFn = Callable[[int], object]


def install_excepthook(*, exit_fn: ExitFn = os._exit) -> Callable[[], None]:
    """Log any uncaught exception with its traceback, then exit with `CRASH_EXIT_CODE`.

    PySide6 hands exceptions raised in slots and event handlers to `sys.excepthook` and would
    otherwise carry on in an unknown state; exiting lets the supervisor (systemd, Task
    Scheduler) start a clean kiosk. `os._exit` is used because a normal exit from inside the
    Qt event loop is not guaranteed to stop it. Returns a function that restores the old hooks.
    """
    logger = logging.getLogger(LOGGER_NAME)
    old_hook = sys.excepthook
    old_thread_hook = threading.excepthook

    def crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            logger.info("stopped by Ctrl+C")
            _flush()
            exit_fn(130)
            return
        logger.critical("uncaught exception; exiting", exc_info=(exc_type, exc, tb))
        _flush()
        exit_fn(CRASH_EXIT_CODE)

    def thread_crash(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        logger.critical(
            "uncaught exception in thread %s; exiting",
            args.thread.name if args.thread else "?",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
        )
        _flush()
        exit_fn(CRASH_EXIT_CODE)

    sys.excepthook = crash
    threading.excepthook = thread_crash

    def restore() -> None:
        sys.excepthook = old_hook
        threading.excepthook = old_thread_hook

    return restore


def _flush() -> None:
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        with contextlib.suppress(OSError):
            handler.flush()
    with_stderr = sys.stderr
    if with_stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            with_stderr.flush()
