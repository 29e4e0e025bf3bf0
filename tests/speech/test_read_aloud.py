"""ReadAloudBar: a view that only emits requests and shows the state it is given."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.speech.service import State
from kiosk.ui.read_aloud import ReadAloudBar


def _bar(qtbot: QtBot) -> ReadAloudBar:
    bar = ReadAloudBar()
    qtbot.addWidget(bar)
    # Not shown: the offscreen platform warns (propagateSizeHints) when a shown top-level
    # window's children toggle visibility. isHidden() still checks what the bar decides.
    return bar


def test_controls_are_big_named_and_described(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.set_state(State.Speaking)
    buttons = [
        bar.read_button,
        bar.pause_button,
        bar.stop_button,
        bar.repeat_button,
        bar.slower_button,
        bar.faster_button,
    ]
    for button in buttons:
        assert button.objectName()
        assert button.accessibleName() and button.accessibleDescription()
        assert button.minimumWidth() >= 88 and button.minimumHeight() >= 88
    assert bar.speed_label.accessibleName() and bar.speed_label.objectName()


def test_read_button_then_reading_controls(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    assert not bar.read_button.isHidden() and bar.stop_button.isHidden()
    with qtbot.waitSignal(bar.readRequested, timeout=1000):
        bar.read_button.click()
    bar.set_state(State.Speaking)
    assert bar.read_button.isHidden() and not bar.stop_button.isHidden()
    with qtbot.waitSignal(bar.pauseRequested, timeout=1000):
        bar.pause_button.click()
    bar.set_state(State.Paused)
    assert bar.pause_button.text() == "Resume"
    with qtbot.waitSignal(bar.resumeRequested, timeout=1000):
        bar.pause_button.click()
    with qtbot.waitSignal(bar.repeatRequested, timeout=1000):
        bar.repeat_button.click()
    with qtbot.waitSignal(bar.stopRequested, timeout=1000):
        bar.stop_button.click()
    bar.set_state(State.Ready)
    assert not bar.read_button.isHidden()


def test_speed_steps_from_half_to_double(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    bar.set_state(State.Speaking)
    assert bar.speed_label.text() == "Speed 1x"
    speeds: list[float] = []
    bar.speedChanged.connect(speeds.append)
    for _ in range(6):
        bar.faster_button.click()
    assert speeds == [1.25, 1.5, 1.75, 2.0]
    assert bar.speed_label.text() == "Speed 2x" and not bar.faster_button.isEnabled()
    for _ in range(8):
        bar.slower_button.click()
    assert bar.speed() == 0.5 and bar.speed_label.text() == "Speed 0.5x"
    assert not bar.slower_button.isEnabled()
    bar.set_speed(1.5)
    assert bar.speed_label.text() == "Speed 1.5x"


def test_unavailable_explains_instead_of_doing_nothing(qtbot: QtBot) -> None:
    bar = _bar(qtbot)
    requested: list[bool] = []
    bar.readRequested.connect(lambda: requested.append(True))
    bar.set_unavailable("audio player 'aplay' is not installed")
    assert bar.read_button.text() == "Speech unavailable"
    assert "aplay" in bar.read_button.accessibleDescription()
    with qtbot.waitSignal(bar.unavailableExplained, timeout=1000) as blocker:
        bar.read_button.click()
    assert "not working" in blocker.args[0] and not bar.message.isHidden()
    assert requested == []
    bar.set_available()
    assert bar.read_button.text() == "Read aloud" and bar.message.isHidden()
