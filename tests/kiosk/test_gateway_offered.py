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
