"""Freed memory goes back to the system once a rebuild or a visit is over, and when input
pauses, once per pause (kiosk/memory.py)."""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk import memory
from kiosk.app import Kiosk
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


@pytest.fixture
def trims(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pad of every malloc_trim the kiosk asks for, none of them done."""
    made: list[int] = []
    monkeypatch.setattr(memory, "_malloc_trim", lambda: lambda pad: made.append(pad) or 1)
    return made


@pytest.fixture
def kiosk(qtbot, window: KioskWindow, tmp_path: Path, trims: list[int]) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    # After `trims`: the kiosk's trims are counted from its start.
    made = shown_kiosk(qtbot, window, tmp_path)
    yield made
    made.shutdown()  # its input gateway and speech go with it


def made_by(window: KioskWindow) -> bool:
    """Whether the caller runs inside `window`'s own work ahead (not another test's window
    still finishing its own, which trims through the same function)."""
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "_step" and frame.f_locals.get("self") is window.work_ahead:
            return True
        frame = frame.f_back
    return False


def test_trimmed_after_a_new_look_is_built_and_after_a_visit(
    qtbot, window: KioskWindow, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window.show_card(2)
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    origins: list[str] = []

    def trim(pad: int) -> int:
        origins.append("work ahead" if made_by(window) else "elsewhere")
        return 1

    monkeypatch.setattr(memory, "_malloc_trim", lambda: trim)
    with qtbot.waitSignal(window.cardsBuilt, timeout=10_000):
        window.set_look(window.look._replace(text_scale=1.5))
    assert origins.count("work ahead") == 1
    assert kiosk.visit is not None
    before = len(origins)
    kiosk.visit.resetRequested.emit()
    assert len(origins) == before + 1


def test_a_burst_of_taps_trims_once_when_it_stops(
    qtbot, window: KioskWindow, kiosk: Kiosk, trims: list[int]
) -> None:  # type: ignore[no-untyped-def]
    quiet = kiosk.findChild(memory.QuietTrim)
    assert quiet is not None, "the kiosk has no QuietTrim wired to its input"
    quiet._timer.setInterval(300)
    pauses: list[int] = []
    quiet.trimmed.connect(lambda: pauses.append(len(trims)))
    qtbot.waitUntil(lambda: window.isVisible())
    trims.clear()
    # Real input through the application's event filter, as a visitor's taps arrive.
    for _ in range(5):
        QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 300))
        assert pauses == [], "trimmed during a tap"
    qtbot.waitUntil(lambda: len(pauses) == 1, timeout=5_000)
    assert trims and trims[-1] == 0, "the pause did not reach malloc_trim"
    qtbot.wait(600)
    assert len(pauses) == 1, "trimmed again with no new input"
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(5, 300))
    qtbot.waitUntil(lambda: len(pauses) == 2, timeout=5_000)
