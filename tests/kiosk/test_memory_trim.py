"""Freed memory goes back to the system once a rebuild or a visit is over (kiosk/memory.py)."""

from __future__ import annotations

import ctypes
from dataclasses import replace
from pathlib import Path

import pytest

from kiosk import memory
from kiosk.ui.main_window import KioskWindow
from tests.kiosk.conftest import shown_kiosk


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(
    not hasattr(ctypes.CDLL(None), "malloc_trim"), reason="glibc's malloc_trim only"
)
def test_freed_pages_go_back_to_the_system() -> None:
    # 100 MB freed in the middle of the heap: glibc keeps such pages until they are trimmed.
    held = [bytearray(1000) for _ in range(100_000)]
    pinned = [bytearray(100) for _ in range(1_000)]
    del held
    before = rss_mib()
    memory.give_back()
    assert rss_mib() < before - 50
    assert pinned


def test_trimmed_after_a_new_look_is_built_and_after_a_visit(
    qtbot, window: KioskWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    trims: list[int] = []
    monkeypatch.setattr(memory, "_TRIM", lambda pad: trims.append(pad) or 1)
    made = shown_kiosk(qtbot, window, tmp_path)
    try:
        window.show_card(2)
        trims.clear()
        with qtbot.waitSignal(window.cardsBuilt, timeout=10_000):
            window.set_look(replace(window.look, text_scale=1.5))
        assert trims == [0]
        assert made.visit is not None
        made.visit.resetRequested.emit()
        assert trims == [0, 0]
    finally:
        made.shutdown()  # its input gateway and speech go with it
