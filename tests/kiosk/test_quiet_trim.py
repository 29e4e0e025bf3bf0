"""Memory goes back to the system when input pauses, once per pause (kiosk/memory.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk import memory
from kiosk.ui.main_window import KioskWindow
from tests.kiosk.conftest import shown_kiosk


def test_a_burst_of_taps_trims_once_when_it_stops(
    qtbot, window: KioskWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    trims: list[int] = []
    monkeypatch.setattr(memory, "_TRIM", lambda pad: trims.append(pad) or 1)
    made = shown_kiosk(qtbot, window, tmp_path)
    try:
        quiet = made.findChild(memory.QuietTrim)
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
    finally:
        made.shutdown()
