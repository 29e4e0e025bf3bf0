"""A player that hangs is killed once its sentence should have ended, logged once, and the
visitor is told (issue 14, item 6). Real player processes; the engine is the fake one."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.config import Settings
from kiosk.reading import TRY_AGAIN, ReadingController
from kiosk.speech.player import CommandPlayer
from kiosk.speech.service import SpeechService, State
from kiosk.ui.main_window import KioskWindow
from tests.helpers import procs
from tests.helpers.fake_speech import FakeEngine


@pytest.fixture
def hanging_kiosk(qtbot: QtBot, window: KioskWindow, tmp_path: Path) -> Iterator[Kiosk]:
    """The wired kiosk whose audio player never finishes (a dead sound device)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def speech(parent: QObject) -> SpeechService:
        player = CommandPlayer(["sh", "-c", "exec sleep 600", "player", "{file}"])
        return SpeechService(
            FakeEngine(), player, tmp_path / "speech", parent, player_margin_ms=300
        )

    kiosk = Kiosk(app, window, Settings(), windowed=True, speech_factory=speech)
    kiosk.start_speech()
    yield kiosk
    kiosk.shutdown()


def _start_reading(
    qtbot: QtBot, window: KioskWindow, kiosk: Kiosk
) -> tuple[ReadingController, SpeechService]:
    reading, speech = kiosk.reading, kiosk.speech
    assert reading is not None and speech is not None
    window.show_card(0)
    with qtbot.waitSignal(speech.utteranceStarted, timeout=5000):
        reading.bar.read_button.click()
    return reading, speech


def test_a_hanging_player_is_killed_logged_once_and_the_visitor_told(
    qtbot: QtBot, window: KioskWindow, hanging_kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    reading, speech = _start_reading(qtbot, window, hanging_kiosk)
    player = speech._player  # type: ignore[attr-defined]
    assert isinstance(player, CommandPlayer)
    pid = player.pid()
    assert pid is not None and reading.bar.pause_button.isVisible()

    with qtbot.waitSignal(speech.errorOccurred, timeout=10_000) as blocker:
        pass
    assert blocker.args == ["the audio player stopped responding"]
    assert procs.wait_gone([pid], 5) == []
    assert speech.state() is State.Error
    assert not reading.bar.pause_button.isVisible() and not reading.bar.stop_button.isVisible()
    assert reading.bar.read_button.isVisible()
    assert reading.bar.message.text() == TRY_AGAIN
    hung = [r for r in caplog.records if "stopped responding" in r.getMessage()]
    assert len(hung) == 1 and hung[0].levelno == logging.ERROR


def test_paused_time_does_not_count_against_the_player(
    qtbot: QtBot, window: KioskWindow, hanging_kiosk: Kiosk
) -> None:
    _reading, speech = _start_reading(qtbot, window, hanging_kiosk)
    speech.pause()
    watch = speech._player_watch  # type: ignore[attr-defined]
    assert not watch.isActive()
    qtbot.wait(800)  # longer than the sentence and its margin: a paused player is not hung
    assert speech.state() is State.Paused
    speech.resume()
    assert watch.isActive()
    with qtbot.waitSignal(speech.errorOccurred, timeout=10_000):
        pass
