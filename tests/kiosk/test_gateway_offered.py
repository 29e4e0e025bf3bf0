"""The input gateway offers its handlers input events only: paints, layouts and timers leave
the application's event filter at once (they were most of the events a tap causes)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.input_gateway import ACTIVITY, OFFERED, InputGateway, Stage
from kiosk.ui.main_window import KioskWindow


def test_handlers_see_the_tap_and_no_paint_or_layout(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    gateway = InputGateway()
    app = QApplication.instance()
    assert app is not None
    seen: list[QEvent.Type] = []

    def handler(_watched: QObject, event: QEvent) -> bool:
        seen.append(event.type())
        return False

    gateway.add(Stage.READING, handler)
    gateway.install(app)
    try:
        window.show_card(0)
        with qtbot.waitSignal(window.cards.cardShown):
            QTest.mouseClick(window.cards.next, Qt.MouseButton.LeftButton)
        qtbot.wait(50)  # the new card is laid out and painted
    finally:
        gateway.remove()
    assert QEvent.Type.MouseButtonPress in seen and QEvent.Type.MouseButtonRelease in seen
    assert set(seen) <= OFFERED
    assert not {QEvent.Type.Paint, QEvent.Type.LayoutRequest, QEvent.Type.Timer} & set(seen)


def test_every_kind_a_handler_looks_at_is_offered() -> None:
    from kiosk import opening
    from kiosk.ui import corner_gesture

    looked_at = (
        opening._INPUT
        | corner_gesture._PRESSES
        | corner_gesture._RELEASES
        | ACTIVITY
        | {QEvent.Type.ContextMenu, QEvent.Type.ShortcutOverride}  # lockdown
        | {QEvent.Type.MouseButtonRelease}  # audio mode swallows the second half of a touch
    )
    assert looked_at <= OFFERED


def _made_as_qt_makes_it(kind: QEvent.Type) -> QEvent:
    """An event of `kind`, of the class Qt delivers it as."""
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import (
        QContextMenuEvent,
        QKeyEvent,
        QKeySequence,
        QMouseEvent,
        QPointingDevice,
        QShortcutEvent,
        QTabletEvent,
        QTouchEvent,
        QWheelEvent,
    )

    at, none = QPointF(5, 5), Qt.KeyboardModifier.NoModifier
    left = Qt.MouseButton.LeftButton
    t = QEvent.Type
    if kind in (t.KeyPress, t.KeyRelease, t.ShortcutOverride):
        return QKeyEvent(kind, Qt.Key.Key_A, none)
    if kind == t.Shortcut:
        return QShortcutEvent(QKeySequence("Ctrl+A"), None)
    if kind in (t.MouseButtonPress, t.MouseButtonRelease, t.MouseButtonDblClick, t.MouseMove):
        return QMouseEvent(kind, at, at, left, left, none)
    if kind == t.Wheel:
        return QWheelEvent(
            at, at, QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton, none,
            Qt.ScrollPhase.NoScrollPhase, False,
        )  # fmt: skip
    if kind in (t.TouchBegin, t.TouchUpdate, t.TouchEnd, t.TouchCancel):
        return QTouchEvent(kind)
    if kind in (t.TabletPress, t.TabletMove, t.TabletRelease):
        pen = QPointingDevice.primaryPointingDevice()
        return QTabletEvent(kind, pen, at, at, 0.5, 0, 0, 0, 0, 0, none, left, left)
    if kind == t.ContextMenu:
        return QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
    raise AssertionError(f"no event made for {kind}: add it here")


def test_every_offered_kind_passes_the_gateways_class_check(qtbot) -> None:  # type: ignore[no-untyped-def]
    # The filter turns events away by class before it asks their type (a Python enum member
    # made at each call): an input class missing from OFFERED_CLASSES would hide that input
    # from the idle watch and every handler.
    gateway = InputGateway()
    seen: list[QEvent.Type] = []
    gateway.add(Stage.READING, lambda _w, e: seen.append(e.type()) or False)
    for kind in sorted(OFFERED, key=int):
        gateway.eventFilter(QObject(), _made_as_qt_makes_it(kind))
    assert seen == sorted(OFFERED, key=int)
