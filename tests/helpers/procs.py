"""Looking at processes from the outside (Linux /proc): children, liveness, waiting for death."""

from __future__ import annotations

import os
import time
from pathlib import Path


def state(pid: int) -> str:
    """One-letter process state ("R", "S", "T", "Z", ...); "" when it no longer exists."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return ""
    return stat.rsplit(")", 1)[1].split()[0]


def alive(pid: int) -> bool:
    """Running or stopped; a zombie is dead (it only waits to be reaped by whoever adopted it)."""
    return state(pid) not in ("", "Z", "X")


# Fields of /proc/PID/stat after the command name, counted from 0: state, ppid, pgrp, session.
PPID, SESSION = 1, 3


def with_stat_field(index: int, value: int) -> list[int]:
    """Every process whose /proc/PID/stat field `index` (after the name) equals `value`."""
    found: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > index and int(fields[index]) == value:
            found.append(int(entry.name))
    return found


def children(pid: int) -> list[int]:
    return with_stat_field(PPID, pid)


def descendants(pid: int) -> list[int]:
    out: list[int] = []
    todo = [pid]
    while todo:
        for child in children(todo.pop()):
            out.append(child)
            todo.append(child)
    return out


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return ""


def wait_gone(pids: list[int], timeout: float = 10.0) -> list[int]:
    """Wait (polling /proc: these are not our children) until none of `pids` is alive.
    Returns those still alive at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        left = [pid for pid in pids if alive(pid)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.02)


def process_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                names[int(entry.name)] = (entry / "comm").read_text().strip()
            except OSError:
                continue
    return names
