"""Widgets of the unattended kiosk, tested offscreen at 1920x1080 with the real style sheet.

Each widget sits in a plain host widget with no layout: a top-level window with a layout
makes the offscreen platform warn about size hints, and warnings fail the run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import admin, attract, idle_warning
from kiosk.ui.style import stylesheet
from kiosk.ui.theme import STANDARD, Fonts, Metrics

SIZE = (1920, 1080)


class FakeClock:
    """Time that moves only when a test says so; `seconds()` for PinGate, `ms()` for gestures."""

    def __init__(self) -> None:
        self.now_ms = 1_000_000

    def advance(self, ms: int) -> None:
        self.now_ms += ms

    def ms(self) -> int:
        return self.now_ms

    def seconds(self) -> float:
        return self.now_ms / 1000


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def metrics() -> Metrics:
    return Metrics.for_size(*SIZE)


@pytest.fixture
def host(qtbot: QtBot, fonts: Fonts, metrics: Metrics) -> Iterator[QWidget]:
    """A shown 1920x1080 window styled as the kiosk is, with every rule these widgets add."""
    window = QWidget()
    window.setObjectName("kioskRoot")
    qtbot.addWidget(window)
    window.setStyleSheet(
        stylesheet(STANDARD, metrics, fonts.reading)
        + attract.stylesheet_rules(STANDARD, metrics)
        + idle_warning.stylesheet_rules(STANDARD, metrics)
        + admin.stylesheet_rules(STANDARD, metrics)
    )
    window.resize(*SIZE)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    yield window


@pytest.fixture
def place(host: QWidget) -> Callable[[QWidget], QWidget]:
    """Put a widget into the host, filling it, and show it."""

    def put(widget: QWidget) -> QWidget:
        widget.setParent(host)
        widget.setGeometry(host.rect())
        widget.show()
        # Let the layouts run, so sizes can be checked at once.
        QApplication.processEvents()
        return widget

    return put


def check_controls(buttons: list[QPushButton]) -> None:
    """The kiosk's rules for every touch control, at 1920x1080, checked as the accessibility
    layer reports them (what a screen reader would be given)."""
    assert buttons
    for button in buttons:
        name = button.objectName()
        assert name, button.text()
        assert button.accessibleName(), name
        assert button.accessibleDescription(), name
        assert button.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, name
        assert button.width() >= 88 and button.height() >= 88, (name, button.size())
        face = QAccessible.queryAccessibleInterface(button)
        assert face is not None, name
        assert face.role() == QAccessible.Role.Button, name
        assert face.text(QAccessible.Text.Name) == button.accessibleName(), name
        assert face.text(QAccessible.Text.Description) == button.accessibleDescription(), name
