from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.session.single_instance import (
    ALREADY_RUNNING_EXIT,
    AlreadyRunningError,
    SingleInstance,
)


def test_second_instance_is_refused_with_a_clear_message(kiosk_home: Path) -> None:
    first = SingleInstance(paths.lock_file())
    second = SingleInstance(paths.lock_file())
    try:
        assert first.acquire()
        assert not second.acquire()
        message = second.message()
        assert "already running" in message
        assert str(os.getpid()) in message
        assert str(paths.lock_file()) in message
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_context_manager_raises_with_exit_code(kiosk_home: Path) -> None:
    with SingleInstance(paths.lock_file()) as held:
        assert held.held
        with (
            pytest.raises(AlreadyRunningError, match="already running") as info,
            SingleInstance(paths.lock_file()),
        ):
            pass
        assert info.value.exit_code == ALREADY_RUNNING_EXIT
        assert ALREADY_RUNNING_EXIT not in (0, 1)
    assert not held.held


def test_acquire_is_idempotent_and_release_is_safe(kiosk_home: Path) -> None:
    lock = SingleInstance(paths.lock_file())
    assert lock.acquire()
    assert lock.acquire()
    lock.release()
    lock.release()


def test_lock_of_a_dead_process_is_free(kiosk_home: Path) -> None:
    """A crashed kiosk leaves its file behind, but the OS lock dies with the process."""
    lock_path = paths.lock_file()
    code = (
        "import os, sys; from pathlib import Path;"
        "from kiosk.session.single_instance import SingleInstance;"
        f"lock = SingleInstance(Path({str(lock_path)!r}));"
        "assert lock.acquire(); os._exit(9)"
    )
    result = subprocess.run([sys.executable, "-c", code], check=False, timeout=60)
    assert result.returncode == 9
    assert lock_path.exists()
    lock = SingleInstance(lock_path)
    assert lock.acquire()
    lock.release()


def test_lock_held_by_another_process_is_seen(kiosk_home: Path) -> None:
    lock_path = paths.lock_file()
    holder = SingleInstance(lock_path)
    assert holder.acquire()
    try:
        code = (
            "import sys; from pathlib import Path;"
            "from kiosk.session.single_instance import SingleInstance;"
            f"sys.exit(0 if not SingleInstance(Path({str(lock_path)!r})).acquire() else 1)"
        )
        assert subprocess.run([sys.executable, "-c", code], check=False, timeout=60).returncode == 0
    finally:
        holder.release()
