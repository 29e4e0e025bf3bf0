"""Moving through the cards: taps, swipes and the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.ui.main_window import KioskWindow


def test_starts_on_home_with_a_start_entry_and_a_tile_per_section(window: KioskWindow) -> None:
    assert window.current_screen() == "home"
    assert len(window.home.tiles) == len(window.leaflet.sections)
    assert window.home.start.isVisible()


def test_start_reading_then_next_and_back(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window.home.start.click()
    assert window.current_screen() == "card"
    assert window.cards.index == 0
    assert window.cards.progress.text() == f"Card 1 of {len(window.leaflet.cards)}"
    assert not window.cards.back.isEnabled()
    with qtbot.waitSignal(window.cards.cardShown) as shown:
        window.cards.next.click()
    assert shown.args == [1]
    assert window.cards.current_view.card is window.leaflet.cards[1]
    window.cards.back.click()
    assert window.cards.index == 0


def test_tile_opens_the_first_card_of_its_section(window: KioskWindow) -> None:
    tile = next(t for t in window.home.tiles if t.objectName() == "tile-mediation")
    tile.click()
    card = window.leaflet.cards[window.cards.index]
    assert (card.section_id, card.part) == ("mediation", 1)


def test_last_card_finishes_at_home(window: KioskWindow) -> None:
    last = len(window.leaflet.cards) - 1
    window.show_card(last)
    assert window.cards.next.text().startswith("Finish")
    window.cards.next.click()
    assert window.current_screen() == "home"


def test_home_button(window: KioskWindow) -> None:
    window.show_card(3)
    window.cards.home.click()
    assert window.current_screen() == "home"


def test_keyboard_arrows_and_escape(window: KioskWindow) -> None:
    window.show_card(2)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Right)
    assert window.cards.index == 3
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Left)
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Left)
    assert window.cards.index == 1
    QTest.keyClick(window.focusWidget(), Qt.Key.Key_Escape)
    assert window.current_screen() == "home"


def test_enter_activates_buttons(window: KioskWindow) -> None:
    window.home.start.setFocus()
    QTest.keyClick(window.home.start, Qt.Key.Key_Return)
    assert window.current_screen() == "card"


def swipe(widget, dx: int, dy: int = 0) -> None:  # type: ignore[no-untyped-def]
    start = widget.rect().center()
    end = start + QPoint(dx, dy)
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(widget, start + QPoint(dx // 2, dy // 2))
    QTest.mouseMove(widget, end)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_horizontal_swipe_turns_cards(window: KioskWindow) -> None:
    window.show_card(4)
    swipe(window.cards.current_view.viewport(), -400)
    assert window.cards.index == 5
    swipe(window.cards.current_view.viewport(), 400)
    assert window.cards.index == 4


def test_vertical_drag_is_not_a_swipe(window: KioskWindow) -> None:
    window.show_card(4)
    swipe(window.cards.current_view.viewport(), -200, 300)
    assert window.cards.index == 4


def test_several_leaflets_start_with_a_choice(qtbot, tmp_path, fonts) -> None:  # type: ignore[no-untyped-def]
    from kiosk.content import load_library
    from tests.helpers.content_factory import LEAFLET, card, make_leaflet

    make_leaflet(tmp_path / "a")
    other = LEAFLET.replace('id = "test"', 'id = "other"')
    make_leaflet(tmp_path / "b", {"01.md": card("b", "B", 1, "Text.")}, other)
    win = KioskWindow(load_library(tmp_path), fonts)
    qtbot.addWidget(win)
    win.show()
    assert win.current_screen() == "library"
    assert win.library_screen is not None
    buttons = win.library_screen.findChildren(type(win.home.start))
    assert len(buttons) == 2
    buttons[1].click()
    assert win.current_screen() == "home"
    assert win.leaflet.id == "other"
    win.reset_to_start()
    assert win.current_screen() == "library"


def test_back_home_focus_is_on_the_topic_just_read(window: KioskWindow) -> None:
    window.show_card(window.leaflet.card_index("appeals-2"))
    window.cards.home.click()
    assert window.focusWidget() is not None
    assert window.focusWidget().objectName() == "tile-appeals"
    window.reset_to_start()
    assert window.focusWidget() is window.home.start
