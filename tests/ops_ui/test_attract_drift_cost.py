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
    assert screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    counter = EventCounts(screen.title, screen.call, screen.audio_hint, screen.publisher)
    start = screen.block.pos()
    screen.drift()
    qtbot.waitUntil(lambda: screen.animation.state() == QAbstractAnimation.State.Stopped)
    assert screen.block.pos() != start
    # A frame or two may repaint (the first exposure); the animation's dozens of steps must not.
    assert counter.paints <= 2 * 4, counter.paints


def test_the_block_stays_opaque_after_a_new_style_sheet(
    metrics: Metrics, host: QWidget, place: Callable[[QWidget], QWidget]
) -> None:
    screen = AttractScreen("A title", "A publisher", metrics)
    place(screen)
    screen.block.make_opaque()
    host.setStyleSheet(host.styleSheet() + " QLabel#attractTitle { font-size: 90px; }")
    assert screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)


def test_the_first_paint_is_qts_own_and_the_later_ones_match_it(
    qtbot: QtBot, metrics: Metrics, host: QWidget, place: Callable[[QWidget], QWidget]
) -> None:
    """The block's first paint is a plain styled frame's (the first screen never names
    QStyle, which PySide makes in about 7 ms); it is opaque from then on, with the same
    pixels."""
    screen = AttractScreen("A title", "A publisher", metrics)
    assert not screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    place(screen)  # shown and painted: the pixels on screen are the first paint's
    qtbot.waitExposed(host)
    assert screen.block.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
    first = host.screen().grabWindow(host.winId()).toImage()
    again = host.grab().toImage()  # painted afresh, the block now opaque
    # The opaque block paints its corners in the screen's background, then its own rounded
    # outline (the text is left out: a repainted glyph may come out a shade different).
    box = screen.block.geometry()
    side = metrics.px(28) * 2
    for corner in (box.topLeft(), box.topRight(), box.bottomLeft(), box.bottomRight()):
        x = min(max(corner.x() - side // 2, 0), host.width() - side)
        y = min(max(corner.y() - side // 2, 0), host.height() - side)
        here = again.copy(x, y, side, side).convertToFormat(first.format())
        assert here == first.copy(x, y, side, side), (x, y)
