"""Real small disks for fault tests: a tiny tmpfs that can be filled up or made read-only.

Needs root (mount); tests skip without it. Every mount is undone by the context manager."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path


def can_mount() -> bool:
    return os.geteuid() == 0 and os.path.exists("/bin/mount")


@contextlib.contextmanager
def tmpfs(where: Path, size_kib: int = 256, inodes: int = 64) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,nr_inodes={inodes}", "tmpfs", str(where)],
        check=True,
    )
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Use up every byte and every inode left on the disk holding `folder`."""
    with contextlib.suppress(OSError), open(folder / ".ballast", "wb") as handle:
        while True:
            handle.write(b"\0" * 4096)
            handle.flush()
    n = 0
    while True:
        try:
            (folder / f".inode-{n}").touch()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC, exc
            return
        n += 1


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


@contextlib.contextmanager
def covered_read_only(folders: list[Path]) -> Iterator[None]:
    """Mount an empty read-only tmpfs over each folder: from now on nothing new can be written
    there (files already open keep working, as after a real remount). Undone afterwards."""
    done: list[Path] = []
    try:
        for folder in folders:
            subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "ro,size=16k", "tmpfs", str(folder)], check=True
            )
            done.append(folder)
        yield
    finally:
        for folder in reversed(done):
            subprocess.run(["umount", "-l", str(folder)], check=False)
