"""A right-to-left leaflet lays out right to left; everything else stays left to right.

Checked from where the widgets really are on the window, through the wired kiosk window.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Library, load_library
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.leaflets import library_folder


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(library_folder(tmp_path_factory.mktemp("d") / "content"))


@pytest.fixture(params=[(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def window(request, qtbot: QtBot, library: Library, fonts: Fonts) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    made = KioskWindow(library, fonts, with_attract=True)
    qtbot.addWidget(made)
    made.resize(*request.param)
    made.show()
    qtbot.waitExposed(made)
    made.leave_attract()
    yield made
    made.allow_close = True


def _open(window: KioskWindow, leaflet_id: str) -> None:
    window.library_screen.tiles[  # type: ignore[union-attr]
        [lf.id for lf in window.library.leaflets].index(leaflet_id)
    ].click()
    QApplication.processEvents()


def _x(window: KioskWindow, widget: QWidget) -> int:
    """The left edge of `widget` on the window."""
    return widget.mapTo(window, QPoint(0, 0)).x()


def _card(window: KioskWindow, index: int) -> None:
    window.show_card(index)
    QApplication.processEvents()


def test_an_arabic_leaflet_reads_right_to_left(window: KioskWindow) -> None:
    _open(window, "help-ar")
    home = window.home
    assert home.isRightToLeft()
    # The kiosk's own words (English here: no catalogue) start at the right too.
    assert home.hint.alignment() & Qt.AlignmentFlag.AlignRight
    assert home.tiles[0].meta.align & Qt.AlignmentFlag.AlignRight
    # The first topic is the rightmost tile of its row.
    first, second = home.tiles[0], home.tiles[1]
    if first.y() == second.y():
        assert _x(window, second) < _x(window, first)
    _card(window, 0)
    cards = window.cards
    # Mirrored: Back on the right, Next on the left, each arrow pointing the reading way.
    assert _x(window, cards.next) < _x(window, cards.home) < _x(window, cards.back)
    assert cards.back.text() == "\u200eBack  ▶" and cards.next.text() == "\u200e◀  Next"
    assert cards.current_view is not None and cards.current_view.isRightToLeft()
    # What a screen reader walks through: Back, Home, Next, as they are read (right first).
    chain, widget = [], cards.back
    while widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert chain.index(cards.back) < chain.index(cards.home) < chain.index(cards.next)
    assert cards.next.accessibleName() == "Next" and cards.back.accessibleName() == "Back"
    # Turning the page goes the reading way too: the Left key and a swipe to the right.
    window.show_card(0)
    window._key_left()
    assert cards.index == 1
    window._key_right()
    assert cards.index == 0
    cards._swiped(-1)  # the finger moved right
    assert cards.index == 1
    assert cards.next.text() == "Finish  ⌂" and cards.next.accessibleName() == "Finish"
    # The top bar stays put: Listen keeps its corner (and its tactile marker).
    assert not window.top_bar.isRightToLeft()
    assert _x(window, window.listen) < _x(window, window.all_leaflets)


def test_leaving_the_arabic_leaflet_restores_left_to_right(window: KioskWindow) -> None:
    _open(window, "help-ar")
    _card(window, 0)
    window.all_leaflets.click()
    assert window.current_screen() == "library"
    assert not window.stack.isRightToLeft()
    assert window.library_screen is not None and not window.library_screen.title.isRightToLeft()
    _open(window, "help-cy")
    assert not window.home.isRightToLeft()
    _card(window, 0)
    cards = window.cards
    assert _x(window, cards.back) < _x(window, cards.home) < _x(window, cards.next)
    assert cards.back.text() == "◀  Back" and cards.next.text() == "Next  ▶"
    window._key_right()
    assert cards.index == 1
    assert window.stack.layoutDirection() == Qt.LayoutDirection.LeftToRight
