"""A full or read-only data folder never stops the kiosk (issue 14, item 2): the lock, the
log, the stats, the cache, the scratch folder and the PIN lockout each degrade on their own.
Real tiny disks (tmpfs) where root may mount; the OS boundary patched otherwise."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.logs import setup_logging, shutdown_logging
from kiosk.session import single_instance
from kiosk.session.single_instance import SingleInstance
from tests.helpers.cli import leaflet_copy, run_kiosk
from tests.helpers.small_disk import can_mount, fill, remount_read_only, tmpfs

needs_mount = pytest.mark.skipif(not can_mount(), reason="needs root to mount a tmpfs")
HOME_DIRS = ("config", "logs", "data", "state")


@pytest.fixture
def small_home(tmp_path: Path) -> Iterator[Path]:
    with tmpfs(tmp_path / "disk") as disk:
        home = disk / "home"
        for name in HOME_DIRS:
            (home / name).mkdir(parents=True)
        yield home


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_the_lock_never_raises_and_still_excludes_a_second_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    lock_path = tmp_path / "data" / "sen-kiosk.lock"
    real_open = open

    def refusing_open(file: object, *args: object, **kwargs: object) -> object:
        if Path(str(file)) == lock_path:
            raise OSError(code, os.strerror(code))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(single_instance, "open", refusing_open, raising=False)
    first, second = SingleInstance(lock_path), SingleInstance(lock_path)
    try:
        assert first.acquire()
        assert os.strerror(code) in first.warning
        assert not second.acquire()  # the stand-in lock in the temp folder is shared
    finally:
        first.release()
        second.release()


@needs_mount
def test_kiosk_starts_on_a_full_data_disk(small_home: Path, tmp_path: Path) -> None:
    content = leaflet_copy(tmp_path / "content")  # not cached before: the cache write fails
    fill(small_home)
    result = run_kiosk(
        "--windowed", "--quit-after-paint", "--content", str(content), home=small_home
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "logging to standard error" in result.stderr
    assert "start: sen-kiosk" in result.stderr


@needs_mount
def test_kiosk_starts_on_a_read_only_data_disk(small_home: Path) -> None:
    remount_read_only(small_home.parent)
    result = run_kiosk("--windowed", "--quit-after-paint", home=small_home)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "Read-only file system" in result.stderr
    assert "running without the single-instance lock" in result.stderr or (
        "using /" in result.stderr and ".lock" in result.stderr
    )


@needs_mount
def test_a_disk_that_fills_up_while_running_moves_the_log_to_stderr(
    small_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = setup_logging(None, "bundled", "test", folder=small_home / "logs")
    assert log_file is not None
    try:
        fill(small_home)
        logger = logging.getLogger("kiosk.test")
        for n in range(200):  # more than the space left in the file's last page
            logger.info("line %d after the disk filled", n)
    finally:
        shutdown_logging()
    err = capsys.readouterr().err
    assert err.count("logging to standard error") == 1
    assert "No space left on device" in err
    assert "line 199 after the disk filled" in err
