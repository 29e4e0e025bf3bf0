"""In landscape at large text the card screen's controls stand in a column beside the text,
so the text keeps the screen's height; in portrait and at ordinary sizes they are rows under
it. Checked on the kiosk wired as `python -m kiosk` runs it (help and read-aloud bar too),
from where the widgets really are on the window, as the text size and the screen change."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Library, load_library
from kiosk.content.help import load_help
from kiosk.ui.card_screen import CardScreen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from tests.helpers.leaflets import library_folder
from tests.kiosk.conftest import shown_kiosk


def _rect(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _controls(cards: CardScreen) -> list[QWidget]:
    """The buttons shown on the card screen, outside the text."""
    return [
        b
        for b in (cards.back, cards.home, cards.next, *cards._buttons_in(cards.extra_bar))
        if b.isVisible()
    ]


def _tab_order(start: QWidget, wanted: list[QWidget]) -> list[QWidget]:
    """The widgets of `wanted` in the order Tab reaches them from `start`."""
    order: list[QWidget] = []
    widget = start
    while True:
        if widget in wanted and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            return order


def _check_beside(window: KioskWindow, right_to_left: bool = False) -> None:
    """Every control in one column at the reading end of the text, none on another, none
    off the screen, each as tall as a touch target; Back and Home side by side above Next,
    Next in the column's lowest corner."""
    cards = window.cards
    assert cards.beside
    view = cards.current_view
    assert view is not None
    text = _rect(window, view)
    screen = window.rect()
    shown = _controls(cards)
    assert len(shown) >= 4, [b.objectName() for b in shown]
    for button in shown:
        place = _rect(window, button)
        name = button.objectName()
        assert screen.contains(place), (name, place)
        if right_to_left:
            assert place.right() < text.left(), (name, place, text)
        else:
            assert place.left() > text.right(), (name, place, text)
        assert place.height() >= window.metrics.target - 1, (name, place)
    for first, second in combinations(shown, 2):
        assert not _rect(window, first).intersects(_rect(window, second)), (
            first.objectName(),
            second.objectName(),
        )
    back, home, next_ = (_rect(window, b) for b in (cards.back, cards.home, cards.next))
    assert back.top() == home.top() and back.bottom() < next_.top()
    assert (back.left() > home.left()) == right_to_left
    assert next_.bottom() == max(_rect(window, b).bottom() for b in shown)
    # The text has the screen's height, less the top bar: no rows under it.
    assert text.bottom() >= next_.bottom() - window.metrics.margin
    # "Card 29 of 31" sits over Back and Home, clear of every button.
    words = _rect(window, cards.progress)
    assert cards.progress.isVisible() and words.bottom() < back.top()
    assert not any(words.intersects(_rect(window, b)) for b in shown)


def _check_rows(window: KioskWindow) -> None:
    """The controls in rows under the text, Back to Next across the width."""
    cards = window.cards
    assert not cards.beside
    view = cards.current_view
    assert view is not None
    text = _rect(window, view)
    for button in _controls(cards):
        assert _rect(window, button).top() > text.bottom(), button.objectName()
    assert _rect(window, cards.next).right() > text.center().x()


@pytest.fixture
def kiosk_window(qtbot: QtBot, library: Library, fonts: Fonts) -> KioskWindow:
    return KioskWindow(library, fonts, with_attract=True, help=load_help(library))


@pytest.mark.parametrize("dyslexic", [False, True], ids=["standard", "dyslexia-font"])
def test_the_controls_move_beside_the_text_and_back_as_the_text_and_screen_change(
    qtbot: QtBot, kiosk_window: KioskWindow, tmp_path: Path, dyslexic: bool
) -> None:
    window = kiosk_window
    kiosk = shown_kiosk(qtbot, window, tmp_path)
    try:
        window.leave_attract()
        window.show_card(window.leaflet.card_index("contacts-1"))
        _settle()
        _check_rows(window)  # 100%: rows, as ever

        window.set_look(Look(text_scale=2.5, dyslexic_font=dyslexic))
        _settle()
        _check_beside(window)
        view = window.cards.current_view
        assert view is not None
        text_height = view.height()
        # Text first, then the column from the top down, as the eye and a thumb meet it.
        help_ = window.kiosk_help
        assert help_ is not None
        chain = [view, help_.get_help, help_.keep, window.cards.back, window.cards.home]
        chain.append(window.cards.next)
        assert _tab_order(view, chain) == chain

        # Upright, the same text size: rows again, under a taller text.
        window.resize(1080, 1920)
        _settle()
        _check_rows(window)
        window.resize(1366, 768)
        _settle()
        # Under a top bar of one row the column fits (it did not under two), in OpenDyslexic
        # too: its labels are fitted to a touch target's height there.
        _check_beside(window)
        window.resize(1920, 1080)
        _settle()
        _check_beside(window)

        window.set_look(Look(text_scale=1.5, dyslexic_font=dyslexic))
        _settle()
        _check_beside(window)
        window.set_look(Look(text_scale=1.0, dyslexic_font=dyslexic))
        _settle()
        _check_rows(window)
        view = window.cards.current_view
        assert view is not None and view.height() < text_height
    finally:
        kiosk.shutdown()
        window.allow_close = True


def test_every_card_keeps_its_column_in_place(
    qtbot: QtBot, kiosk_window: KioskWindow, tmp_path: Path
) -> None:
    """Turning the cards moves neither Back, Home nor Next, whichever help buttons a card
    shows; the cue to scroll sits in the column or under the text, never over a control."""
    window = kiosk_window
    window.set_look(Look(text_scale=2.5))
    kiosk = shown_kiosk(qtbot, window, tmp_path)
    try:
        window.leave_attract()
        cards = window.cards
        places = set()
        for index in range(len(window.leaflet.cards)):
            window.show_card(index)
            _settle()
            _check_beside(window)
            places.add(tuple(_rect(window, b).getRect() for b in (cards.back, cards.next)))
            cue = cards.more_below
            if cue.isVisible():
                where = _rect(window, cue)
                for button in _controls(cards):
                    assert not where.intersects(_rect(window, button)), (index, button)
                assert not where.intersects(_rect(window, cards.progress)), index
        assert len(places) == 1, places
    finally:
        kiosk.shutdown()
        window.allow_close = True


def test_a_right_to_left_leaflet_has_its_column_on_the_left(
    qtbot: QtBot, fonts: Fonts, tmp_path: Path
) -> None:
    library = load_library(library_folder(tmp_path / "content", "arabic"))
    window = KioskWindow(library, fonts, Look(text_scale=2.5), with_attract=True)
    kiosk = shown_kiosk(qtbot, window, tmp_path)
    try:
        window.leave_attract()
        arabic = [lf.id for lf in library.leaflets].index("help-ar")
        window.open_leaflet(arabic)
        window.show_card(0)
        _settle()
        cards = window.cards
        assert cards.isRightToLeft()
        _check_beside(window, right_to_left=True)
        # The arrows point the reading way: Next points left, towards the page's end.
        assert cards.next.text() == "\u200e◀  Next" and cards.back.text() == "\u200eBack  ▶"
    finally:
        kiosk.shutdown()
        window.allow_close = True
