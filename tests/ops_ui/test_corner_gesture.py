"""The hidden staff gesture: top-right hold, then bottom-left hold, with a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.input_gateway import InputGateway
from kiosk.ui.corner_gesture import Corner, CornerGesture

from .conftest import FakeClock

TOP_RIGHT = QPoint(1900, 20)
BOTTOM_LEFT = QPoint(20, 1060)
MIDDLE = QPoint(960, 540)


@pytest.fixture
def gesture(host: QWidget, clock: FakeClock, gateway: InputGateway) -> Iterator[CornerGesture]:
    watcher = CornerGesture(host, clock=clock.ms)
    watcher.install(gateway)
    yield watcher
    watcher.remove()


class Finger:
    """Presses and releases sent to the window, as the platform delivers real ones."""

    def __init__(self, host: QWidget, clock: FakeClock) -> None:
        handle = host.windowHandle()
        assert handle is not None
        self.handle = handle
        self.clock = clock

    def hold(self, pos: QPoint, ms: int) -> None:
        QTest.mousePress(
            self.handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
        )
        self.clock.advance(ms)
        QTest.mouseRelease(
            self.handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
        )

    def wait(self, ms: int) -> None:
        self.clock.advance(ms)


@pytest.fixture
def finger(host: QWidget, clock: FakeClock) -> Finger:
    return Finger(host, clock)


def test_corners_are_found(gesture: CornerGesture) -> None:
    assert gesture.corner_at(TOP_RIGHT) is Corner.TOP_RIGHT
    assert gesture.corner_at(BOTTOM_LEFT) is Corner.BOTTOM_LEFT
    assert gesture.corner_at(MIDDLE) is Corner.NONE
    assert gesture.corner_at(QPoint(20, 20)) is Corner.NONE  # top-left: the Listen button
    assert gesture.corner_at(QPoint(1900, 1060)) is Corner.NONE
    assert gesture.corner_at(QPoint(1920 - 121, 20)) is Corner.NONE


def test_right_sequence_triggers(qtbot: QtBot, gesture: CornerGesture, finger: Finger) -> None:
    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        finger.hold(TOP_RIGHT, 2000)
        finger.wait(4000)
        finger.hold(BOTTOM_LEFT, 2100)


@pytest.mark.parametrize(
    ("first", "first_ms", "gap_ms", "second", "second_ms"),
    [
        pytest.param(TOP_RIGHT, 1999, 100, BOTTOM_LEFT, 2000, id="first-hold-too-short"),
        pytest.param(TOP_RIGHT, 2000, 100, BOTTOM_LEFT, 1500, id="second-hold-too-short"),
        pytest.param(TOP_RIGHT, 2000, 5001, BOTTOM_LEFT, 2000, id="second-too-late"),
        pytest.param(BOTTOM_LEFT, 2000, 100, TOP_RIGHT, 2000, id="wrong-order"),
        pytest.param(TOP_RIGHT, 2000, 100, TOP_RIGHT, 2000, id="same-corner-twice"),
        pytest.param(TOP_RIGHT, 2000, 100, MIDDLE, 2000, id="second-not-in-a-corner"),
        pytest.param(QPoint(20, 20), 2000, 100, BOTTOM_LEFT, 2000, id="top-left-first"),
    ],
)
def test_wrong_sequences_do_nothing(
    qtbot: QtBot,
    gesture: CornerGesture,
    finger: Finger,
    first: QPoint,
    first_ms: int,
    gap_ms: int,
    second: QPoint,
    second_ms: int,
) -> None:
    with qtbot.assertNotEmitted(gesture.triggered):
        finger.hold(first, first_ms)
        finger.wait(gap_ms)
        finger.hold(second, second_ms)


def test_a_tap_in_between_breaks_the_sequence(
    qtbot: QtBot, gesture: CornerGesture, finger: Finger
) -> None:
    with qtbot.assertNotEmitted(gesture.triggered):
        finger.hold(TOP_RIGHT, 2000)
        finger.hold(MIDDLE, 50)
        finger.hold(BOTTOM_LEFT, 2000)
    # ...and a fresh, clean attempt still works.
    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        finger.hold(TOP_RIGHT, 2000)
        finger.hold(BOTTOM_LEFT, 2000)


def test_a_hold_that_slides_out_of_the_corner_does_not_count(
    qtbot: QtBot, gesture: CornerGesture, finger: Finger, clock: FakeClock
) -> None:
    with qtbot.assertNotEmitted(gesture.triggered):
        QTest.mousePress(
            finger.handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, TOP_RIGHT
        )
        clock.advance(2500)
        QTest.mouseRelease(
            finger.handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, MIDDLE
        )
        finger.hold(BOTTOM_LEFT, 2000)


def test_events_pass_through_to_buttons_in_the_corners(
    qtbot: QtBot, host: QWidget, gesture: CornerGesture, finger: Finger
) -> None:
    corner_button = QPushButton("Settings", host)
    corner_button.setGeometry(1920 - 150, 0, 150, 110)
    corner_button.show()
    listen = QPushButton("Listen", host)
    listen.setGeometry(0, 1080 - 110, 150, 110)
    listen.show()
    with (
        qtbot.waitSignal(corner_button.clicked, timeout=1000),
        qtbot.waitSignal(listen.clicked, timeout=1000),
        qtbot.waitSignal(gesture.triggered, timeout=1000),
    ):
        finger.hold(TOP_RIGHT, 2000)
        finger.hold(BOTTOM_LEFT, 2000)
    # An ordinary tap on a corner button is an ordinary tap.
    with qtbot.waitSignal(corner_button.clicked, timeout=1000):
        finger.hold(TOP_RIGHT, 50)


def test_touch_events_work_and_are_counted_once(
    qtbot: QtBot, host: QWidget, gesture: CornerGesture, clock: FakeClock
) -> None:
    device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
    handle = host.windowHandle()
    assert handle is not None

    def hold(pos: QPoint, ms: int) -> None:
        QTest.touchEvent(handle, device).press(0, pos, handle).commit()
        clock.advance(ms)
        QTest.touchEvent(handle, device).release(0, pos, handle).commit()

    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        hold(TOP_RIGHT, 2000)
        hold(BOTTOM_LEFT, 2000)
    with qtbot.assertNotEmitted(gesture.triggered):
        hold(TOP_RIGHT, 1000)
        hold(BOTTOM_LEFT, 2000)


def test_zone_follows_the_window_size(host: QWidget, gesture: CornerGesture) -> None:
    assert gesture.zone_px == 120
    host.resize(3840, 2160)
    assert gesture.zone_px == 240
    assert gesture.corner_at(QPoint(3840 - 230, 230)) is Corner.TOP_RIGHT


def test_zone_can_be_fixed(qtbot: QtBot, gesture: CornerGesture, finger: Finger) -> None:
    gesture.set_zone(200)
    assert gesture.corner_at(QPoint(1920 - 190, 190)) is Corner.TOP_RIGHT
    with qtbot.waitSignal(gesture.triggered, timeout=1000):
        finger.hold(QPoint(1920 - 190, 190), 2000)
        finger.hold(QPoint(190, 1080 - 190), 2000)


def test_removed_gesture_is_inert(qtbot: QtBot, gesture: CornerGesture, finger: Finger) -> None:
    gesture.remove()
    with qtbot.assertNotEmitted(gesture.triggered):
        finger.hold(TOP_RIGHT, 2000)
        finger.hold(BOTTOM_LEFT, 2000)


def test_real_clock_with_short_durations(
    qtbot: QtBot, host: QWidget, gateway: InputGateway
) -> None:
    # The default clock is a QElapsedTimer; hold_ms=0 makes any press a "long" one.
    watcher = CornerGesture(host, hold_ms=0, follow_ms=60_000)
    watcher.install(gateway)
    try:
        handle = host.windowHandle()
        assert handle is not None
        with qtbot.waitSignal(watcher.triggered, timeout=1000):
            for pos in (TOP_RIGHT, BOTTOM_LEFT):
                QTest.mouseClick(
                    handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos
                )
    finally:
        watcher.remove()
