"""Private scratch space: a folder only this kiosk process writes, under its own state folder.

Speech WAVs used to live in one folder per user in the system's temp folder, so every kiosk
of that user (another SEN_KIOSK_HOME, a test run) shared it and the first to exit deleted
the others' audio. Now each kiosk process gets its own folder, `<state>/speech/<pid>-<random>`,
made 0700 and checked to belong to us; folders of kiosks that are no longer running are
removed. If the state folder cannot be used (read-only or full disk, wrong owner), a private
folder in the system's temp folder stands in: speech must not depend on the data disk.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

from . import paths

log = logging.getLogger("kiosk.scratch")


class UnsafeFolderError(OSError):
    """The folder exists but is not ours alone (another owner, a link, shared permissions)."""


def ensure_private(folder: Path) -> Path:
    """Create `folder` (0700) or check it: a real folder, owned by us, closed to others.
    A folder of ours with loose permissions is tightened; anything else raises."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolderError(f"{folder} is not a plain folder")
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise UnsafeFolderError(f"{folder} belongs to user {info.st_uid}, not to this kiosk")
    if os.name == "posix" and info.st_mode & 0o077:
        os.chmod(folder, 0o700)
    return folder


def make_scratch(purpose: str, root: Path | None = None) -> Path:
    """A fresh private folder for this process, e.g. `make_scratch("speech")`.

    `root` defaults to the state folder. Never raises: falls back to the system temp folder.
    """
    base = (root if root is not None else paths.state_dir()) / purpose
    try:
        ensure_private(base)
        _remove_orphans(base)
        return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=base))
    except OSError as exc:
        fallback = temp_scratch(purpose)
        log.warning("scratch folder %s unusable (%s); using %s", base, exc, fallback)
        return fallback


def temp_scratch(purpose: str) -> Path:
    """A private folder in the system's temp folder: for when the state folder's disk fails
    while the kiosk runs (full, or made read-only). Raises OSError if that fails too."""
    return Path(tempfile.mkdtemp(prefix=f"sen-kiosk-{purpose}-"))


def _remove_orphans(base: Path) -> None:
    """Remove folders left by kiosks that died before they could clean up."""
    for entry in base.iterdir():
        pid_text = entry.name.partition("-")[0]
        if not pid_text.isdigit() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":
        return True  # os.kill(pid, 0) would end the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, but someone else's
    return True
