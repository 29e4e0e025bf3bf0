"""The attract screen: starts on any touch or key, stays readable, drifts against burn-in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QAbstractAnimation, QPoint, QRect, Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.attract import DEFAULT_AUDIO_HINT, AttractScreen
from kiosk.ui.theme import Metrics

LEFT, NO_MODIFIER = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
TITLE = "What If I Do Not Agree With Decisions About SEN Provision?"


@pytest.fixture
def screen(metrics: Metrics, place: Callable[[QWidget], QWidget]) -> AttractScreen:
    widget = AttractScreen(
        TITLE, "SENDIASS Rutland", metrics, drift_interval_ms=60_000, drift_animation_ms=30
    )
    place(widget)
    return widget


def _settle(qtbot: QtBot, screen: AttractScreen) -> None:
    qtbot.waitUntil(lambda: screen.animation.state() == QAbstractAnimation.State.Stopped)


def test_shows_title_publisher_call_and_audio_hint(screen: AttractScreen) -> None:
    assert screen.title.text() == TITLE
    assert screen.publisher.text() == "SENDIASS Rutland"
    assert screen.call.text() == "Touch the screen to start"
    assert screen.audio_hint.text() == DEFAULT_AUDIO_HINT
    assert "Listen" in DEFAULT_AUDIO_HINT and "any key" in DEFAULT_AUDIO_HINT
    assert "Touch the screen to start" in screen.accessibleName()
    assert screen.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_audio_hint_wording_is_a_constructor_argument(metrics: Metrics) -> None:
    widget = AttractScreen("T", "", metrics, audio_hint="Press the green key for audio")
    try:
        assert widget.audio_hint.text() == "Press the green key for audio"
        assert not widget.publisher.isVisibleTo(widget)
    finally:
        widget.deleteLater()


def test_title_is_at_least_twice_body_size(screen: AttractScreen, metrics: Metrics) -> None:
    title_px = QFontInfo(screen.title.font()).pixelSize()
    assert title_px >= 2 * metrics.body
    assert QFontInfo(screen.call.font()).pixelSize() > metrics.body
    assert QFontInfo(screen.audio_hint.font()).pixelSize() >= metrics.body


def test_click_anywhere_starts(qtbot: QtBot, screen: AttractScreen) -> None:
    with qtbot.waitSignal(screen.started, timeout=1000):
        QTest.mouseClick(
            screen, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(40, 900)
        )
    # On the text block too: the block must not swallow the touch.
    with qtbot.waitSignal(screen.started, timeout=1000):
        QTest.mouseClick(
            screen,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            screen.block.geometry().center(),
        )


def test_key_starts_and_says_it_was_a_key(qtbot: QtBot, screen: AttractScreen) -> None:
    assert screen.hasFocus(), "keys must reach the screen as soon as it shows"
    with (
        qtbot.waitSignal(screen.startedByKey, timeout=1000),
        qtbot.waitSignal(screen.started, timeout=1000),
    ):
        QTest.keyClick(screen, Qt.Key.Key_Space)
    with qtbot.assertNotEmitted(screen.startedByKey):
        QTest.mouseClick(screen, Qt.MouseButton.LeftButton)


def test_modifier_key_alone_does_not_start(qtbot: QtBot, screen: AttractScreen) -> None:
    with qtbot.assertNotEmitted(screen.started):
        QTest.keyClick(screen, Qt.Key.Key_Shift)


def test_drift_moves_the_block_gently_and_never_off_screen(
    qtbot: QtBot, screen: AttractScreen
) -> None:
    bounds = screen.rect()
    start = screen.block.pos()
    seen = {(start.x(), start.y())}
    for _ in range(12):
        screen.drift()
        assert screen.animation.state() == QAbstractAnimation.State.Running
        _settle(qtbot, screen)
        assert screen.block.pos() == screen.target_position()
        assert bounds.contains(screen.block.geometry()), screen.block.geometry()
        seen.add((screen.block.x(), screen.block.y()))
    assert len(seen) >= 5
    # "A few %": never more than 5% of the screen from the centred position.
    centred = QPoint(
        (bounds.width() - screen.block.width()) // 2, (bounds.height() - screen.block.height()) // 2
    )
    for x, y in seen:
        assert abs(x - centred.x()) <= 0.05 * bounds.width() + 1
        assert abs(y - centred.y()) <= 0.05 * bounds.height() + 1


def test_drift_timer_moves_the_block(qtbot: QtBot, screen: AttractScreen) -> None:
    assert screen.drift_timer.isActive()
    start = screen.block.pos()
    screen.drift_timer.setInterval(20)
    screen.drift_timer.start()
    qtbot.waitUntil(lambda: screen.block.pos() != start, timeout=2000)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720), (800, 600)])
def test_block_stays_on_screen_at_any_size(
    qtbot: QtBot, screen: AttractScreen, size: tuple[int, int]
) -> None:
    screen.set_reduced_motion(True)
    screen.resize(*size)
    screen.apply_metrics(Metrics.for_size(*size))
    for _ in range(20):
        screen.drift()
        assert QRect(QPoint(0, 0), screen.size()).contains(screen.block.geometry()), (
            size,
            screen.block.geometry(),
        )


def test_reduced_motion_jumps_rarely_without_animation(screen: AttractScreen) -> None:
    screen.set_reduced_motion(True)
    assert screen.reduced_motion
    start = screen.block.pos()
    screen.drift()
    assert screen.animation.state() == QAbstractAnimation.State.Stopped
    assert screen.block.pos() == start, "with reduced motion it moves half as often"
    screen.drift()
    assert screen.animation.state() == QAbstractAnimation.State.Stopped
    assert screen.block.pos() != start
    assert screen.block.pos() == screen.target_position()


def test_reduced_motion_stops_a_running_animation(screen: AttractScreen) -> None:
    screen.animation.setDuration(60_000)
    screen.drift()
    assert screen.animation.state() == QAbstractAnimation.State.Running
    screen.set_reduced_motion(True)
    assert screen.animation.state() == QAbstractAnimation.State.Stopped
    assert screen.block.pos() == screen.target_position()


def test_timers_stop_when_hidden(screen: AttractScreen) -> None:
    screen.animation.setDuration(60_000)
    screen.drift()
    assert screen.drift_timer.isActive()
    screen.hide()
    assert not screen.drift_timer.isActive()
    assert screen.animation.state() == QAbstractAnimation.State.Stopped
    screen.show()
    assert screen.drift_timer.isActive()
