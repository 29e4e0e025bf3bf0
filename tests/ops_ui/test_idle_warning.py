"""The "Are you still there?" overlay: covers all, counts down, one action keeps the visit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.idle_warning import IdleWarning
from kiosk.ui.theme import Metrics

from .conftest import check_controls


@pytest.fixture
def underneath(host: QWidget) -> QPushButton:
    """A button of the screen the overlay covers, holding the focus before the warning."""
    button = QPushButton("Next", host)
    button.setGeometry(100, 100, 300, 120)
    button.show()
    button.setFocus()
    return button


@pytest.fixture
def warning(host: QWidget, metrics: Metrics, underneath: QPushButton) -> Iterator[IdleWarning]:
    overlay = IdleWarning(metrics, host)
    yield overlay


def test_hidden_until_asked(warning: IdleWarning) -> None:
    assert not warning.isVisible()


def test_show_covers_the_window_and_focuses_the_button(host: QWidget, warning: IdleWarning) -> None:
    warning.show_warning(25)
    QApplication.processEvents()
    assert warning.isVisible()
    assert warning.geometry() == host.rect()
    on_top = host.childAt(QPoint(200, 150))
    assert on_top is not None
    assert on_top is warning or warning.isAncestorOf(on_top), "the overlay must be on top"
    assert QApplication.focusWidget() is warning.button
    assert warning.countdown.text() == "The screen will reset in 25 seconds"
    check_controls([warning.button])
    assert warning.button.property("role") == "primary"


def test_countdown_updates_text_message_and_accessible_name(warning: IdleWarning) -> None:
    warning.show_warning(25)
    warning.set_seconds(9)
    assert warning.countdown.text() == "The screen will reset in 9 seconds"
    assert warning.countdown.accessibleName() == "The screen will reset in 9 seconds"
    assert "9 seconds" in warning.message()
    warning.set_seconds(1)
    assert warning.countdown.text() == "The screen will reset in 1 second"
    message = warning.message()
    assert message.startswith("Are you still there?")
    assert "1 second." in message
    assert "cleared for the next visitor" in message
    assert "I'm still here" in message


def test_button_click_emits_still_here(qtbot: QtBot, warning: IdleWarning) -> None:
    warning.show_warning(20)
    with qtbot.waitSignal(warning.stillHere, timeout=1000):
        QTest.mouseClick(warning.button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_emit_still_here(qtbot: QtBot, warning: IdleWarning, key: Qt.Key) -> None:
    warning.show_warning(20)
    with qtbot.waitSignal(warning.stillHere, timeout=1000):
        QTest.keyClick(warning.button, key)


def test_keys_do_not_reach_window_shortcuts_underneath(
    qtbot: QtBot, host: QWidget, warning: IdleWarning
) -> None:
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), host)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    warning.show_warning(20)
    with qtbot.waitSignal(warning.stillHere, timeout=1000):
        QTest.keyClick(warning.button, Qt.Key.Key_Escape)
    assert not fired


def test_touch_on_the_backdrop_is_caught_not_passed_through(
    qtbot: QtBot, host: QWidget, warning: IdleWarning, underneath: QPushButton
) -> None:
    warning.show_warning(20)
    with (
        qtbot.assertNotEmitted(underneath.clicked),
        qtbot.waitSignal(warning.stillHere, timeout=1000),
    ):
        # Through the window, as a real touch arrives, so Qt picks the widget under the finger.
        QTest.mouseClick(
            host.windowHandle(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            underneath.geometry().center(),
        )


def test_tab_stays_on_the_button(qtbot: QtBot, warning: IdleWarning) -> None:
    warning.show_warning(20)
    QTest.keyClick(warning.button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is warning.button


def test_hide_gives_focus_back(warning: IdleWarning, underneath: QPushButton) -> None:
    warning.show_warning(20)
    assert QApplication.focusWidget() is warning.button
    warning.hide_warning()
    assert not warning.isVisible()
    assert QApplication.focusWidget() is underneath


def test_follows_the_window_size(qtbot: QtBot, host: QWidget, warning: IdleWarning) -> None:
    warning.show_warning(20)
    host.resize(1080, 1920)
    qtbot.waitUntil(lambda: warning.size() == host.size())
