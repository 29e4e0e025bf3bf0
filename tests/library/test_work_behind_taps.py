"""The work a tap starts (letting the last leaflet's card views go, making the new ones) stops
while a finger is down or keys are pressed, so the visitor's next screen never waits for it.

Through the wired kiosk window (`python -m kiosk` wiring, offscreen): the input goes through
the application's input gateway, as a visitor's does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.ui.main_window import KioskWindow


class Log(QObject):
    """The card views being let go, in order."""

    def __init__(self, views: list[QObject], window: KioskWindow) -> None:
        super().__init__()
        self.views = set(views)
        self.window = window
        self.order: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ParentChange and watched in self.views:
            self.order.append("view let go")
        return False


@contextlib.contextmanager
def opening_another_leaflet(qtbot, window: KioskWindow) -> Iterator[Log]:  # type: ignore[no-untyped-def]
    """On the chooser, with the first leaflet's card views made, a tap on the second tile:
    what happens to those views, from the tap to the end of the block."""
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    window.leave_attract()
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    views = list(window.cards.views.values())
    assert len(views) == len(window.leaflet.cards)
    assert window.library_screen is not None
    app = QApplication.instance()
    assert app is not None
    log = Log(views, window)
    app.installEventFilter(log)
    try:
        window.library_screen.tiles[1].click()
        yield log
    finally:
        app.removeEventFilter(log)


def test_no_work_ahead_while_a_finger_is_down(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    with opening_another_leaflet(qtbot, window) as log:
        # A finger comes down on Start reading before the first step, and stays there.
        qtbot.mousePress(window.home.start, Qt.MouseButton.LeftButton)
        qtbot.wait(150)
        # Only the first card, made once the home was on screen (see the test below).
        assert "view let go" not in log.order and set(window.cards.views) <= {0}
        qtbot.mouseRelease(window.home.start, Qt.MouseButton.LeftButton)
        assert window.current_screen() == "card"
        qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    # Once the finger was lifted the work was done: the old views gone, the new ones made.
    assert log.order.count("view let go") == len(log.views)
    assert len(window.cards.views) == len(window.leaflet.cards)


def test_no_work_ahead_while_keys_are_pressed(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    with opening_another_leaflet(qtbot, window) as log:
        for _ in range(3):  # a keyboard user moving through the home
            qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
            qtbot.wait(60)
        assert "view let go" not in log.order
        qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    assert log.order.count("view let go") == len(log.views)


def test_a_new_leaflets_first_card_is_made_at_once_after_its_home(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    with opening_another_leaflet(qtbot, window) as log:
        # Start reading is the likeliest next tap, and a quick visitor's input goes on: the
        # first card is made without waiting for a pause, the clearing up is not.
        for _ in range(20):
            if 0 in window.cards.views:
                break
            qtbot.keyClick(window.home.title, Qt.Key.Key_Shift)  # input, and nothing else
            qtbot.wait(25)
        assert 0 in window.cards.views
        assert "view let go" not in log.order and len(window.cards.views) == 1


def test_the_card_screen_is_laid_out_once_a_round_not_once_a_card(  # type: ignore[no-untyped-def]
    qtbot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    from kiosk.ui import work_ahead

    window = kiosk.window
    laid_out: list[QWidget] = []
    real = work_ahead.lay_out_hidden

    def counting(widget: QWidget, size: QSize) -> None:
        laid_out.append(widget)
        real(widget, size)

    with opening_another_leaflet(qtbot, window):
        qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    # Back to the first leaflet, the one with more than a couple of cards.
    window.show_library()
    assert window.library_screen is not None
    monkeypatch.setattr(work_ahead, "lay_out_hidden", counting)
    window.library_screen.tiles[0].click()
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    assert len(window.cards.views) == len(window.leaflet.cards) > 5
    # For the first card made and once all are made. Again for each card, it walked every
    # view made so far: a third of each step, and a tap that came meanwhile waited for it.
    assert laid_out.count(window.cards) == 2
