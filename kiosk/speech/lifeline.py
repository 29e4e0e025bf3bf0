"""Child processes that die with the kiosk, however the kiosk dies.

A supervisor's SIGKILL, the OOM killer or a crash in Qt's C++ gives the kiosk no chance to
stop its children, so they are tied to it by the kernel instead: on Linux each child asks for
`PR_SET_PDEATHSIG` (SIGKILL when its parent goes) between fork and exec, which carries over
into the player program. Each child also leads its own process group, so stopping it takes
any helper it started too, and a Ctrl+C at a terminal reaches only the kiosk, which then
stops its children itself.

The prctl function is looked up once, here, in the parent: between fork and exec in a
process that runs Qt's threads only the cheapest, lock-free calls are safe.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import IO, Any

PR_SET_PDEATHSIG = 1


def _load_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl: Callable[..., int] = libc.prctl
    except (OSError, AttributeError):
        return None
    return prctl


_PRCTL = _load_prctl()


def can_tie_to_parent() -> bool:
    return _PRCTL is not None


def die_with_parent(parent_pid: int | None) -> None:
    """Called by a child about itself: be killed when `parent_pid` goes away.

    If the parent already went before the request took effect, leave at once: the kernel
    will never send the signal for a death that already happened.
    """
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    if parent_pid is not None and os.getppid() != parent_pid:
        os._exit(0)


def _tie_to(parent_pid: int) -> Callable[[], None] | None:
    prctl = _PRCTL
    if prctl is None:
        return None
    kill = int(signal.SIGKILL)

    def tie() -> None:  # runs in the child between fork and exec: keep it tiny
        prctl(PR_SET_PDEATHSIG, kill, 0, 0, 0)
        if os.getppid() != parent_pid:
            os._exit(0)

    return tie


def spawn(
    args: Sequence[str],
    env: Mapping[str, str] | None = None,
    *,
    stdin: int | IO[Any] | None = subprocess.DEVNULL,
    stdout: int | IO[Any] | None = subprocess.DEVNULL,
    stderr: int | IO[Any] | None = subprocess.PIPE,
) -> subprocess.Popen[bytes]:
    """Start `args` as a child tied to this process and leading its own process group.
    Raises OSError if it cannot start."""
    extra: dict[str, Any] = {}
    if os.name == "posix":
        # A session of its own (setsid) makes it a group leader too; process_group= would
        # say the same but needs Python 3.11, and the kiosk still runs on 3.10.
        extra["start_new_session"] = True
        tie = _tie_to(os.getpid())
        if tie is not None:
            extra["preexec_fn"] = tie
    return subprocess.Popen(
        list(args),
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        env=dict(env) if env is not None else None,
        close_fds=True,
        **extra,
    )


def signal_group(process: subprocess.Popen[bytes], sig: int) -> bool:
    """Send `sig` to the child's whole process group; False if it is already gone."""
    if process.returncode is not None:
        return False
    try:
        if os.name == "posix":
            os.killpg(process.pid, sig)
        else:
            process.send_signal(sig)
    except (ProcessLookupError, PermissionError, OSError):
        return False
    return True


def kill(process: subprocess.Popen[bytes], wait: float = 2.0) -> None:
    """Kill the child and everything in its group, and reap it."""
    if os.name == "posix":
        signal_group(process, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired, OSError):
        process.wait(wait)
