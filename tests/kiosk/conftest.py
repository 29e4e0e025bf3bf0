"""Fixtures for the wired kiosk: the real window and controllers, fake speech underneath."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.config import Settings
from kiosk.session.idle import IdleMonitor
from kiosk.session.visit import VisitSession
from kiosk.speech.service import SpeechService
from kiosk.stats import Stats
from kiosk.ui.main_window import KioskWindow
from tests.helpers.fake_speech import FakeEngine, FakePlayer


@pytest.fixture
def auto_finish() -> bool:
    """Whether the fake player finishes each sentence by itself (a few ms) or waits."""
    return False


@pytest.fixture
def idle_ms() -> int:
    """Time to the idle warning; tests of the reset shorten it (and never sleep)."""
    return 60_000


@pytest.fixture
def kiosk(
    qtbot, window: KioskWindow, tmp_path: Path, auto_finish: bool, idle_ms: int
) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    def fake_speech(parent: QObject) -> SpeechService:
        player = FakePlayer(auto_finish=auto_finish)
        return SpeechService(FakeEngine(), player, tmp_path / "s", parent)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = Kiosk(app, window, Settings(), windowed=True, speech_factory=fake_speech)
    idle = IdleMonitor(idle_ms=idle_ms, warning_ms=50, tick_ms=10, parent=made)
    made.visit = VisitSession(idle, Stats(tmp_path / "stats.sqlite3"), parent=made)
    made.wire()
    made.start_speech()
    yield made
    made.shutdown()
    assert made.reading is not None
    made.reading.remove(app)
