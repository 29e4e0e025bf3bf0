"""The attract screen's drift costs a copy of pixels per frame, not a repaint of its text.

Repainting the block's labels on every animation frame kept about 2% of a core busy on an
idle kiosk (benchmarks/idle_cpu.py); an opaque block lets Qt scroll its pixels instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractAnimation, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.attract import AttractScreen
from kiosk.ui.theme import Metrics
from tests.helpers.event_counts import EventCounts


def test_drifting_moves_pixels_without_repainting_the_text(
    qtbot: QtBot, metrics: Metrics, host: QWidget, place: Callable[[QWidget], QWidget]
) -> None:
    screen = AttractScreen(
        "A title", "A publisher", metrics, drift_interval_ms=60_000, drift_animation_ms=400
    )
    place(screen)
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: screen.block.isVisible() and screen.title.isVisible())
    counter = EventCounts(screen.title, screen.call, screen.audio_hint, screen.publisher)
    start = screen.block.pos()
    screen.drift()
    assert screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    qtbot.waitUntil(lambda: screen.animation.state() == QAbstractAnimation.State.Stopped)
    assert screen.block.pos() != start
    # A frame or two may repaint (the first exposure); the animation's dozens of steps must not.
    assert counter.paints <= 2 * 4, counter.paints


def test_the_block_stays_opaque_after_a_new_style_sheet(
    metrics: Metrics, host: QWidget, place: Callable[[QWidget], QWidget]
) -> None:
    screen = AttractScreen("A title", "A publisher", metrics)
    place(screen)
    screen.drift()
    host.setStyleSheet(host.styleSheet() + " QLabel#attractTitle { font-size: 90px; }")
    assert screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


def test_the_first_screen_is_painted_without_python_styling(
    qtbot: QtBot, metrics: Metrics, host: QWidget, place: Callable[[QWidget], QWidget]
) -> None:
    """Until it drifts the block is a plain styled frame: Qt paints it, and the first screen
    never names QStyle (PySide makes that class, about 7 ms of the start, when it is named)."""
    screen = AttractScreen("A title", "A publisher", metrics)
    place(screen)
    host.show()
    qtbot.waitExposed(host)
    assert not screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    before = host.grab().toImage()
    screen.block.make_opaque()
    screen.block.repaint()
    # The opaque block paints the same pixels, its corners in the screen's background.
    assert host.grab().toImage() == before
