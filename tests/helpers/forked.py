"""A stand-in for a process `kiosk.forked.Forked` made: another child of this one, running a
script whose standard output is the pipe it answers through. Tests fork no process of their
own: this one has a Qt application, and threads."""

from __future__ import annotations

import logging
import os
import sys

from kiosk.forked import Forked


def stand_in(script: str, what: str, log: logging.Logger) -> Forked:
    read, write = os.pipe()
    pid = os.posix_spawn(
        sys.executable,
        [sys.executable, "-c", script],
        os.environ,
        file_actions=[(os.POSIX_SPAWN_DUP2, write, 1)],
    )
    os.close(write)
    return Forked(pid, read, what, log)
