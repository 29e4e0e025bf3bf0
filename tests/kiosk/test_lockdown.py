"""The usual ways out of a desktop program do nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.input_gateway import InputGateway
from kiosk.session.lockdown import Lockdown
from kiosk.ui.main_window import KioskWindow


@pytest.fixture
def lockdown(window: KioskWindow, gateway: InputGateway) -> Iterator[Lockdown]:
    guard = Lockdown()
    guard.install(gateway)
    yield guard
    guard.remove(gateway)


def test_close_event_is_ignored(window: KioskWindow) -> None:
    assert window.close() is False
    assert window.isVisible()
    window.allow_close = True
    assert window.close() is True


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_escape_chords_are_swallowed(
    window: KioskWindow, lockdown: Lockdown, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:
    window.show_card(2)
    QTest.keyClick(window.cards.next, key, modifier)
    assert lockdown.blocked >= 1
    assert window.isVisible()
    assert window.current_screen() == "card"


def test_escape_goes_back_but_never_out(window: KioskWindow, lockdown: Lockdown) -> None:
    window.show_card(2)
    QTest.keyClick(window.cards.next, Qt.Key.Key_Escape)
    assert window.current_screen() == "home"
    QTest.keyClick(window.home.start, Qt.Key.Key_Escape)
    assert window.isVisible()
    assert window.current_screen() == "home"


def test_context_menus_never_open(window: KioskWindow, lockdown: Lockdown) -> None:
    window.show_card(0)
    view = window.cards.current_view
    assert view is not None
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    QApplication.sendEvent(view.viewport(), event)
    assert lockdown.blocked == 1
    assert QApplication.activePopupWidget() is None


def test_card_text_cannot_be_selected(window: KioskWindow) -> None:
    window.show_card(0)
    view = window.cards.current_view
    assert view is not None
    assert view.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton)
    assert not view.textCursor().hasSelection()
