"""A tap is painted once, after it has done its work: no frames spent on the button itself.

Qt's buttons repaint themselves on the spot when pressed and when released; on a tap both
arrive together, and each of those repaints was a frame sent to the display before the new
card could be (see kiosk/ui/touch_button.py). These count the paint events the tapped button
gets while its own press and release handlers run.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from kiosk.ui.main_window import KioskWindow
from tests.helpers.event_counts import EventCounts


def _press_and_release(qtbot, button: QPushButton) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Paints of `button` during its press handler and during its release handler."""
    # Focus first: the focus ring's filter, installed on focus, would otherwise see (and
    # take) the paint events before the counter does.
    button.setFocus()
    qtbot.wait(20)  # anything pending from showing the screen is painted first
    paints = EventCounts(button, parent=button)
    centre = button.rect().center()
    QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    during_press = paints.paints
    assert button.isDown()
    qtbot.waitUntil(lambda: paints.paints > during_press)  # the pressed look, one frame later
    before_release = paints.paints
    QTest.mouseRelease(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    return during_press, paints.paints - before_release


def test_next_is_not_repainted_inside_its_press_or_release(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_card(0)
    with qtbot.waitSignal(window.cards.cardShown) as shown:
        during = _press_and_release(qtbot, window.cards.next)
    assert shown.args == [1]
    assert during == (0, 0)
    # ...and the released look is painted with the new card.
    assert not window.cards.next.isDown()
    paints = EventCounts(window.cards.next, parent=window.cards.next)
    qtbot.waitUntil(lambda: paints.paints > 0)


def test_a_topic_tile_is_not_repainted_inside_its_press_or_release(
    qtbot, window: KioskWindow
) -> None:  # type: ignore[no-untyped-def]
    tile = window.home.tiles[1]
    assert _press_and_release(qtbot, tile) == (0, 0)
    assert window.current_screen() == "card"


def test_a_button_whose_click_deletes_it_is_left_alone(qtbot) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    from kiosk.ui.widgets import big_button

    button = big_button("Go", "go", "")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    button.clicked.connect(lambda: shiboken6.delete(button))
    QTest.mouseClick(
        button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5)
    )
    assert not shiboken6.isValid(button)


def test_the_window_is_filled_once_by_its_root(window: KioskWindow) -> None:
    """The window skips its own background fill (a second full-size fill on every frame):
    that is only safe while the root widget, which paints the theme's background, covers
    the whole window."""
    assert window.testAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
    root = window.centralWidget()
    assert root.objectName() == "kioskRoot"
    assert root.testAttribute(Qt.WidgetAttribute.WA_StyledBackground)
    assert root.geometry() == window.rect()
