"""A change of screen is laid out, painted and put on screen before it returns."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from kiosk.ui.main_window import KioskWindow


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_new_screen_is_painted_within_the_change(window: KioskWindow) -> None:
    """Inside the change the kiosk's input filter stands aside (swaps_screen); left to the
    event loop, each widget's update and paint crossed it in Python, about 80 events and
    half a millisecond of every tap."""
    window.show_card(0)
    QApplication.processEvents()
    paints = Paints()
    window.home.start.installEventFilter(paints)
    window.show_home()
    assert paints.count == 1, "Start reading is painted before show_home returns"
    QApplication.processEvents()
    assert paints.count == 1, "and not again"


def test_a_change_within_a_change_paints_once_at_its_end(window: KioskWindow) -> None:
    """Opening a leaflet shows its home inside the same change: one paint, at the end."""
    window.show_card(0)
    QApplication.processEvents()
    paints = Paints()
    window.home.start.installEventFilter(paints)
    window.open_leaflet(0)
    assert paints.count == 1
    assert not window.swapping
