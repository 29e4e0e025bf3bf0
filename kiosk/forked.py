"""Work done meanwhile by a process forked from this one, its result handed back as JSON.

`--check-content` on a large library forks twice before it makes its Qt application (a process
with one is not safe to fork): one process measures the upright screen's cards (kiosk/fit.py),
another checks each leaflet's help and readability (kiosk/content/help_check.py), while this
one measures the landscape screen's cards. On two cores the three share the time the work
takes; the help's check alone, after the rest, was a seventh of a first check of fifty leaflets.
A forked process that fails, or answers with something unreadable, costs a log line: the
caller then does that work itself.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Final, NoReturn

# From this many cards on, a check forks: below it, a process's start (its own Qt application
# and window, for the screen fit) costs about what it saves.
PARALLEL_FROM: Final = 200
_UNSET: Final = object()


def can_fork() -> bool:
    from PySide6.QtCore import QCoreApplication

    return (
        hasattr(os, "fork")
        and QCoreApplication.instance() is None
        and threading.active_count() == 1
    )


class Forked:
    """A forked process at `what` (named in the log); `result()` waits for its answer."""

    def __init__(self, pid: int, pipe: int, what: str, log: logging.Logger):
        self.pid = pid
        self.pipe = pipe
        self.what = what
        self.log = log
        self._result: object = _UNSET

    @classmethod
    def start(cls, what: str, work: Callable[[], object], log: logging.Logger) -> Forked | None:
        """`work` run in a forked process; None where this process cannot fork."""
        if not can_fork():
            return None
        sys.stdout.flush()  # else what is buffered would be written twice
        sys.stderr.flush()
        read, write = os.pipe()
        try:
            pid = os.fork()
        except OSError as exc:
            log.warning("%s: doing it in this process (cannot fork: %s)", what, exc)
            os.close(read)
            os.close(write)
            return None
        if pid == 0:
            os.close(read)
            _answer(work, write)
        os.close(write)
        return cls(pid, read, what, log)

    def result(self) -> object | None:
        """What the work returned, decoded from JSON, once it has finished; None if it failed
        or its answer is unreadable. Asked again, the same."""
        if self._result is not _UNSET:
            return self._result
        self._result = None
        # Read to the end before waiting: an answer longer than the pipe holds would
        # otherwise keep the process from ending.
        with os.fdopen(self.pipe, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            self.log.warning("%s: the forked process ended with %s; doing it here", self.what, code)
            return None
        try:
            self._result = json.loads(data)
        except ValueError as exc:
            self.log.warning("%s: the forked process's answer is unreadable: %s", self.what, exc)
        return self._result


def _answer(work: Callable[[], object], pipe: int) -> NoReturn:
    code = 1
    try:
        logging.getLogger("kiosk").disabled = True  # what it would say, the parent says
        data = json.dumps(work()).encode()
        with os.fdopen(pipe, "wb") as out:
            out.write(data)
        code = 0
    except BaseException:
        traceback.print_exc()
        sys.stderr.flush()
    finally:
        os._exit(code)  # not the parent's exit handlers, nor Qt's teardown
