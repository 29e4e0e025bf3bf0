"""Read aloud on the card screen, with a fake engine and player: what is read, what is
highlighted, and that anything else the visitor does stops the voice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.content.text import card_units
from kiosk.input_gateway import InputGateway
from kiosk.reading import ReadingController
from kiosk.speech.service import SpeechService, State
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.read_aloud import ReadAloudBar
from tests.helpers.fake_speech import FakeEngine, FakePlayer


@pytest.fixture
def reading(
    qtbot, window: KioskWindow, tmp_path: Path, gateway: InputGateway
) -> Iterator[ReadingController]:  # type: ignore[no-untyped-def]
    engine, player = FakeEngine(), FakePlayer(auto_finish=False)
    speech = SpeechService(engine, player, tmp_path / "speech")
    bar = ReadAloudBar()
    window.add_card_tools(bar)
    controller = ReadingController(speech, bar, window.cards)
    controller.install(gateway)
    yield controller
    controller.remove(gateway)
    speech.shutdown()


def start_reading(qtbot, window: KioskWindow, reading: ReadingController, index: int) -> None:  # type: ignore[no-untyped-def]
    """Open card `index` and press Read aloud, as a visitor would; returns once it speaks."""
    window.show_card(index)
    with qtbot.waitSignal(reading.speech.utteranceStarted):
        reading.bar.read_button.click()


def test_bar_shows_only_on_cards(window: KioskWindow, reading: ReadingController) -> None:
    assert not reading.bar.isVisible()
    window.show_card(0)
    assert reading.bar.isVisible()
    window.show_home()
    assert not reading.bar.isVisible()


def test_read_aloud_speaks_the_current_card_and_highlights_it(
    qtbot, window: KioskWindow, reading: ReadingController
) -> None:  # type: ignore[no-untyped-def]
    index = window.leaflet.card_index("first-steps")
    start_reading(qtbot, window, reading, index)
    engine: FakeEngine = reading.speech._engine  # type: ignore[attr-defined]
    assert engine.texts()[0].startswith("First Steps")
    assert reading.bar.state() == State.Speaking
    view = window.cards.current_view
    assert view is not None
    selections = view.extraSelections()
    assert selections, "the sentence being read is highlighted"
    assert selections[0].cursor.selectedText() == window.leaflet.cards[index].title
    # Word progress lands inside the sentence being read.
    units = card_units(window.leaflet.cards[index])
    reading._on_word(0, 0, len(units[0].text.split()[0]))
    assert view.extraSelections()[1].cursor.selectedText() == "First"


def test_navigating_stops_reading_and_clears_the_highlight(
    qtbot, window: KioskWindow, reading: ReadingController
) -> None:  # type: ignore[no-untyped-def]
    start_reading(qtbot, window, reading, 3)
    player: FakePlayer = reading.speech._player  # type: ignore[attr-defined]
    window.cards.next.click()
    assert reading.speech.state() == State.Ready
    assert player.current is None
    assert all(not v.extraSelections() for v in window.cards.views.values())


def test_pressing_another_control_stops_reading(
    qtbot, window: KioskWindow, reading: ReadingController
) -> None:  # type: ignore[no-untyped-def]
    start_reading(qtbot, window, reading, 3)
    QTest.mousePress(window.cards.home, Qt.MouseButton.LeftButton)
    assert reading.speech.state() == State.Ready
    QTest.mouseRelease(window.cards.home, Qt.MouseButton.LeftButton)


def test_reading_controls_do_not_stop_reading(
    qtbot, window: KioskWindow, reading: ReadingController
) -> None:  # type: ignore[no-untyped-def]
    start_reading(qtbot, window, reading, 3)
    QTest.mouseClick(reading.bar.faster_button, Qt.MouseButton.LeftButton)
    assert reading.speech.rate() == 1.25
    QTest.mouseClick(reading.bar.pause_button, Qt.MouseButton.LeftButton)
    assert reading.speech.state() == State.Paused
    QTest.mouseClick(reading.bar.pause_button, Qt.MouseButton.LeftButton)
    assert reading.speech.state() == State.Speaking


def test_unavailable_speech_says_so(qtbot, window: KioskWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine, player = FakeEngine(), FakePlayer()
    player.reason = "no audio player (aplay) found"
    speech = SpeechService(engine, player, tmp_path / "speech")
    bar = ReadAloudBar()
    window.add_card_tools(bar)
    ReadingController(speech, bar, window.cards)
    window.show_card(0)
    assert bar.read_button.text() == "Speech unavailable"
    with qtbot.waitSignal(bar.unavailableExplained) as explained:
        bar.read_button.click()
    assert "not working" in explained.args[0]
    speech.shutdown()


def test_a_player_that_keeps_failing_marks_speech_unavailable(
    qtbot, window: KioskWindow, reading: ReadingController
) -> None:  # type: ignore[no-untyped-def]
    player: FakePlayer = reading.speech._player  # type: ignore[attr-defined]
    player.fail_message = "aplay: audio open error"
    window.show_card(0)
    for attempt in range(3):
        with qtbot.waitSignal(reading.speech.errorOccurred):
            reading.bar.read_button.click()
        if attempt < 2:  # a glitch is worth another try
            assert reading.bar.read_button.text() == "Read aloud"
            assert "try again" in reading.bar.message.text()
    assert reading.bar.read_button.text() == "Speech unavailable"
    # The next visitor gets a fresh try once the sound works again.
    player.fail_message = ""
    reading.retry()
    assert reading.bar.read_button.text() == "Read aloud"
