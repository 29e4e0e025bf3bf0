"""Keyboard only, in-process: everything reachable with Tab, Enter, arrows, Escape and Home.

EN 301 549 5.1.6.1-2 and WCAG 2.1.1/2.1.2: all functions work from the keyboard (the EZ Access
style keypad of a kiosk sends these keys) and there is no focus trap.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kiosk.ui.main_window import KioskWindow

MAX_STOPS = 60


@pytest.fixture
def kiosk(qtbot, window: KioskWindow) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    """The shown window, active, with focus where the kiosk puts it on the home screen."""
    window.activateWindow()
    qtbot.waitActive(window)
    window.show_home()
    qtbot.waitUntil(lambda: window.focusWidget() is window.home.start)
    yield window


def focused(window: KioskWindow) -> QWidget:
    widget = window.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(window: KioskWindow, key: Qt.Key) -> None:
    QTest.keyClick(focused(window), key)


def name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def tab_cycle(window: KioskWindow, key: Qt.Key = Qt.Key.Key_Tab) -> list[QWidget]:
    """Press Tab until focus comes back where it started; the stops, the start not repeated."""
    start = focused(window)
    stops = [start]
    for _ in range(MAX_STOPS):
        press(window, key)
        now = focused(window)
        if now is start:
            return stops
        assert now not in stops, f"Tab loops without the start: {[name(w) for w in stops]}"
        assert now is not stops[-1], f"focus trapped on {name(now)}"
        stops.append(now)
    pytest.fail(f"Tab never came back to {name(start)}: {[name(w) for w in stops]}")


def screen_order(window: KioskWindow, widgets: list[QWidget]) -> list[QWidget]:
    """Widgets in the order a sighted reader meets them: rows top to bottom, then left to right.
    Widgets whose tops are within a third of a button's height share a row."""
    row = window.metrics.target // 3

    def place(widget: QWidget) -> tuple[int, int]:
        top_left = widget.mapTo(window, QPoint(0, 0))
        return (round(top_left.y() / row), top_left.x())

    return sorted(widgets, key=place)


def rotated_to(stops: list[QWidget], first: QWidget) -> list[QWidget]:
    at = stops.index(first)
    return stops[at:] + stops[:at]


# --- home ------------------------------------------------------------------------------------
def test_home_tab_cycles_start_then_tiles_in_reading_order(kiosk: KioskWindow) -> None:
    stops = tab_cycle(kiosk)
    assert stops[0] is kiosk.home.start
    assert stops[1 : 1 + len(kiosk.home.tiles)] == kiosk.home.tiles, [name(w) for w in stops]
    assert all(w.isVisible() for w in stops)


def test_home_tab_order_follows_the_screen(kiosk: KioskWindow) -> None:
    stops = tab_cycle(kiosk)
    expected = screen_order(kiosk, stops)
    assert rotated_to(stops, expected[0]) == expected, [name(w) for w in stops]


def test_home_shift_tab_cycles_backwards(kiosk: KioskWindow) -> None:
    forwards = tab_cycle(kiosk)
    backwards = tab_cycle(kiosk, Qt.Key.Key_Backtab)
    assert backwards == [forwards[0], *reversed(forwards[1:])]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_on_start_reading_opens_the_first_card(
    qtbot, kiosk: KioskWindow, key: Qt.Key
) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(kiosk.cards.cardShown) as shown:
        press(kiosk, key)
    assert shown.args == [0]
    assert kiosk.current_screen() == "card"
    assert focused(kiosk) is kiosk.cards.next


def test_enter_on_a_tile_opens_its_section(qtbot, kiosk: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    tile = next(t for t in kiosk.home.tiles if t.objectName() == "tile-contacts")
    while focused(kiosk) is not tile:
        press(kiosk, Qt.Key.Key_Tab)
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.current_screen() == "card"
    assert kiosk.leaflet.cards[kiosk.cards.index].section_id == "contacts"


# --- cards -----------------------------------------------------------------------------------
def topic_tile(kiosk: KioskWindow, card_index: int) -> QWidget:
    section = kiosk.leaflet.cards[card_index].section_id
    return next(t for t in kiosk.home.tiles if t.objectName() == f"tile-{section}")


def open_card(kiosk: KioskWindow, index: int) -> None:
    # Back on home, focus is on the topic last read; start again from "Start reading".
    kiosk.home.start.setFocus(Qt.FocusReason.TabFocusReason)
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.cards.index == 0
    for _ in range(index):
        press(kiosk, Qt.Key.Key_Right)
    assert kiosk.cards.index == index


def test_arrows_and_page_keys_change_card(kiosk: KioskWindow) -> None:
    open_card(kiosk, 0)
    for key, expected in [
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_PageDown, 2),
        (Qt.Key.Key_Left, 1),
        (Qt.Key.Key_PageUp, 0),
        (Qt.Key.Key_Left, 0),  # nothing before the first card
        (Qt.Key.Key_PageUp, 0),
    ]:
        press(kiosk, key)
        assert kiosk.cards.index == expected, key


def test_arrows_work_while_the_card_text_has_focus(kiosk: KioskWindow) -> None:
    open_card(kiosk, 1)
    view = kiosk.cards.current_view
    assert view is not None
    view.setFocus(Qt.FocusReason.TabFocusReason)
    press(kiosk, Qt.Key.Key_Right)
    assert kiosk.cards.index == 2
    press(kiosk, Qt.Key.Key_Left)
    assert kiosk.cards.index == 1


def test_card_tab_reaches_back_home_next_and_the_text(kiosk: KioskWindow) -> None:
    open_card(kiosk, 1)
    stops = tab_cycle(kiosk)
    for wanted in (kiosk.cards.back, kiosk.cards.home, kiosk.cards.next, kiosk.cards.current_view):
        assert wanted in stops, f"Tab never reaches {name(wanted)}: {[name(w) for w in stops]}"
    assert all(w.isVisible() and w.isEnabled() for w in stops)
    text_at = stops.index(kiosk.cards.current_view)
    # Reading order: the card text comes before the buttons under it.
    assert text_at < stops.index(kiosk.cards.back) or stops[0] is kiosk.cards.next


def test_card_tab_order_follows_the_screen(kiosk: KioskWindow) -> None:
    """WCAG 2.4.3: top bar, then the card text, then Back, Home, Next, whatever card it is."""
    for index in (1, 5, 2):
        open_card(kiosk, index)
        stops = tab_cycle(kiosk)
        expected = screen_order(kiosk, stops)
        got = rotated_to(stops, expected[0])
        assert got == expected, (
            f"card {index + 1}: Tab goes {[name(w) for w in got]}, "
            f"the screen reads {[name(w) for w in expected]}"
        )
        kiosk.show_home()


def test_first_card_tab_skips_the_disabled_back(kiosk: KioskWindow) -> None:
    open_card(kiosk, 0)
    stops = tab_cycle(kiosk)
    assert kiosk.cards.back not in stops
    assert {kiosk.cards.home, kiosk.cards.next, kiosk.cards.current_view} <= set(stops)


def test_enter_on_next_and_back_and_home_buttons(kiosk: KioskWindow) -> None:
    open_card(kiosk, 0)
    assert focused(kiosk) is kiosk.cards.next
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.cards.index == 1
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.cards.index == 2
    kiosk.cards.back.setFocus(Qt.FocusReason.TabFocusReason)
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.cards.index == 1
    kiosk.cards.home.setFocus(Qt.FocusReason.TabFocusReason)
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.current_screen() == "home"
    # Focus comes back to the topic just read (card 2 is in "About SENDIASS Rutland").
    assert focused(kiosk) is topic_tile(kiosk, 1)


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Home])
def test_escape_and_home_key_go_home(kiosk: KioskWindow, key: Qt.Key) -> None:
    open_card(kiosk, 3)
    press(kiosk, key)
    assert kiosk.current_screen() == "home"
    assert focused(kiosk) is topic_tile(kiosk, 3)
    press(kiosk, key)  # and again, on home: nothing breaks, nothing leaves the kiosk
    assert kiosk.current_screen() == "home"
    assert kiosk.isVisible()


def test_enter_on_finish_returns_home(kiosk: KioskWindow) -> None:
    last = len(kiosk.leaflet.cards) - 1
    open_card(kiosk, 0)
    for _ in range(last):
        press(kiosk, Qt.Key.Key_PageDown)
    assert kiosk.cards.index == last
    assert focused(kiosk) is kiosk.cards.next
    assert kiosk.cards.next.accessibleName() == "Finish"
    press(kiosk, Qt.Key.Key_Return)
    assert kiosk.current_screen() == "home"
    assert focused(kiosk) is topic_tile(kiosk, last)


def test_whole_leaflet_by_enter_alone(kiosk: KioskWindow) -> None:
    """A one-switch user: Enter, Enter, Enter... reads every card and comes back home."""
    seen = []
    press(kiosk, Qt.Key.Key_Return)
    while kiosk.current_screen() == "card":
        seen.append(kiosk.cards.index)
        assert len(seen) <= len(kiosk.leaflet.cards), seen
        press(kiosk, Qt.Key.Key_Return)
    assert seen == list(range(len(kiosk.leaflet.cards)))
