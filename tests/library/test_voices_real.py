"""The real engine reads a Welsh leaflet in eSpeak NG's Welsh voice, through the wired kiosk.

The sound device is replaced by a player that keeps a copy of every WAV it is given. eSpeak NG
reports the voice it really spoke in (pyttsx3 ignores an unknown voice without a word), and
the WAV the player got is the one made in that voice. (WAVs are not compared with a fresh
rendering: espeak's output varies by a few samples from one run to the next.)
"""

from __future__ import annotations

import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.config import Settings
from kiosk.content import load_library
from kiosk.speech import (
    CommandPlayer,
    EngineProcess,
    ProcessEngine,
    SpeechService,
    SynthRequest,
    SynthResult,
)
from kiosk.speech.protocol import BASE_RATE_WPM
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.leaflets import library_folder

pytestmark = pytest.mark.slow


@pytest.fixture
def kiosk(qtbot: QtBot, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:
    library = load_library(library_folder(tmp_path / "content", "welsh"))
    window = KioskWindow(library, fonts)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    heard = tmp_path / "heard"
    heard.mkdir()
    # Keeps each WAV under a growing number, like a sound card that records.
    keep = f'n=$(ls "{heard}" | wc -l); cp "$1" "{heard}/part"; mv "{heard}/part" "{heard}/$n.wav"'

    def real_speech(parent: QObject) -> SpeechService:
        player = CommandPlayer(["sh", "-c", keep, "player", "{file}"])
        return SpeechService(ProcessEngine(), player, tmp_path / "speech", parent)

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    made = Kiosk(app, window, Settings(), windowed=True, speech_factory=real_speech)
    made.start_speech()
    yield made
    made.shutdown()
    window.allow_close = True


def test_a_welsh_card_is_spoken_in_the_welsh_voice(
    qtbot: QtBot, kiosk: Kiosk, tmp_path: Path
) -> None:
    window = kiosk.window
    window.open_leaflet([lf.id for lf in window.library.leaflets].index("help-cy"))
    window.show_card(0)
    assert kiosk.reading is not None and kiosk.speech is not None
    results: list[SynthResult] = []
    kiosk.speech._engine.resultReady.connect(results.append)  # type: ignore[attr-defined]
    kiosk.reading.bar.read_button.click()
    first = tmp_path / "heard" / "0.wav"
    qtbot.waitUntil(first.exists, timeout=20000)
    text = kiosk.reading._script[0].text  # type: ignore[attr-defined]
    kiosk.reading.stop()
    assert text == "Amdanom ni."
    said = results[0]
    # eSpeak NG itself says which voice it spoke in, and that is what the player was given.
    assert (said.voice, said.error) == ("cel/cy", "")
    with wave.open(str(first), "rb") as heard:
        assert heard.getnframes() == said.frames > 0

    # The report is espeak's, not an echo of the request: the default voice reads as such.
    engine = EngineProcess()
    try:
        assert engine.wait_ready(), engine.error
        out = tmp_path / "english.wav"
        english = engine.synthesise(SynthRequest(1, text, "gmw/en", BASE_RATE_WPM, 1.0, str(out)))
    finally:
        engine.close()
    assert (english.voice, english.error) == ("gmw/en", "")
