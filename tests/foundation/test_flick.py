"""Dragging a card's text scrolls it, and making card views costs nothing that stays behind."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGestureRecognizer

from kiosk.ui.main_window import KioskWindow


class _Probe(QGestureRecognizer):
    def recognize(self, state, watched, event):  # type: ignore[no-untyped-def]
        return QGestureRecognizer.ResultFlag.Ignore


def next_gesture_type() -> int:
    """The id Qt gives the next gesture recognizer: it counts every registration ever made."""
    kind = QGestureRecognizer.registerRecognizer(_Probe())
    QGestureRecognizer.unregisterRecognizer(kind)
    return int(kind.value)


def long_card(window: KioskWindow) -> int:
    """Show the first card that has to scroll at 250% text."""
    window.set_look(replace(window.look, text_scale=2.5))
    for index in range(len(window.leaflet.cards)):
        window.show_card(index)
        if window.cards.current_view.verticalScrollBar().maximum() > 300:
            return index
    raise AssertionError("no card scrolls at 250%")


def test_dragging_the_text_up_scrolls_the_card(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    index = long_card(window)
    view = window.cards.current_view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    viewport = view.viewport()
    start = viewport.rect().center() + QPoint(0, viewport.height() // 4)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start - QPoint(0, 30 * step), 16)
    end = start - QPoint(0, 300)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: bar.value() >= 150)
    assert window.cards.index == index  # a vertical drag is not a swipe


def test_restyling_rebuilds_card_views_without_registering_gestures(
    qtbot, window: KioskWindow
) -> None:  # type: ignore[no-untyped-def]
    window.show_card(1)
    before = next_gesture_type()
    for scale in (1.5, 2.0, 1.0):
        old = window.cards.current_view
        window.set_look(replace(window.look, text_scale=scale))
        assert window.cards.current_view is not old
    qtbot.waitUntil(lambda: len(window.cards.views) == len(window.leaflet.cards))
    assert next_gesture_type() == before + 1
