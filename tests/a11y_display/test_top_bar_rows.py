"""The top bar keeps to one row in landscape at every text size, so a card's text keeps the
screen's height (at 250% on 1366x768 its two rows left the text 133 px). While a card is
read aloud the reading controls take the row, and "All leaflets" and "Text and colours" give
way to them where they cannot share it; the bar never changes height as they come and go,
and no label in it is cut or shrunk out of reach. Checked on the window wired as
`python -m kiosk` wires it (read-aloud bar, its volume beside the settings)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QPushButton, QWidget

from kiosk.content import Library, load_library
from kiosk.speech.service import State
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.read_aloud import ReadAloudBar
from kiosk.ui.theme import BUTTON_TEXT_PX, Fonts, Look
from kiosk.ui.top_bar import GIVE_WAY
from tests.helpers.layout_check import layout_problems
from tests.helpers.leaflets import library_folder
from tests.helpers.screen_tour import RESOLUTIONS, make_window, settle


def _rect(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def _one_row(window: KioskWindow) -> bool:
    """Every control shown in the bar on one line."""
    shown = [b for b in window.top_bar.findChildren(QPushButton) if b.isVisible()]
    return len({_rect(window, b).top() for b in shown}) == 1


def _bar(window: KioskWindow) -> ReadAloudBar:
    bar = window.findChild(ReadAloudBar)
    assert bar is not None
    return bar


CASES = [
    pytest.param(size, scale, id=f"{round(scale * 100)}-{size[0]}x{size[1]}")
    for size in RESOLUTIONS
    for scale in (1.0, 2.5)
]


@pytest.mark.parametrize(("size", "scale"), CASES)
def test_the_bar_keeps_its_rows_while_the_card_is_read_aloud(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
    scale: float,
) -> None:
    window = make_window(library, fonts, Look(text_scale=scale), size)
    qtbot.addWidget(window)
    top = window.top_bar
    window.show_card(window.leaflet.card_index("contacts-1"))
    settle()
    landscape = size[0] > size[1]
    assert _one_row(window) == landscape
    height = top.height()
    ready = _rect(window, window.cards)
    assert window.display_button.isVisible()

    bar = _bar(window)
    bar.set_state(State.Speaking)
    settle()
    assert bar.pause_button.isVisible() and bar.louder_button.isVisible()
    assert top.height() == height
    assert _rect(window, window.cards) == ready  # the text does not move as reading starts
    assert not layout_problems(top), layout_problems(top)
    shown = [b for b in top.findChildren(QPushButton) if b.isVisible()]
    at_100 = window.metrics.px(BUTTON_TEXT_PX)
    asked = at_100 * window.metrics.chrome_scale
    gave_way = not top.settings_box.isVisible()
    # Never shrunk out of reach: the settings stay only while the labels keep GIVE_WAY of the
    # size the text asks; without them the labels are about the size 100% text gives them.
    least = 0.95 * at_100 if gave_way else GIVE_WAY * asked
    for button in shown:
        assert _rect(window, button).right() < window.width(), button.objectName()
        assert button.font().pixelSize() >= int(least), (button.objectName(), least)
    if landscape:
        assert _one_row(window)

    bar.set_state(State.Ready)
    settle()
    assert top.height() == height
    assert window.display_button.isVisible()
    assert not layout_problems(top), layout_problems(top)
    window.allow_close = True


def test_the_settings_give_way_only_where_the_row_is_short(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
) -> None:
    """At 1920x1080 and 100% the reading controls share the row with everything; at 250%,
    or on 1366x768, the settings step aside while the card is read."""
    seen = {}
    for size, scale in (((1920, 1080), 1.0), ((1920, 1080), 2.5), ((1366, 768), 2.5)):
        window = make_window(library, fonts, Look(text_scale=scale), size)
        qtbot.addWidget(window)
        window.show_card(0)
        _bar(window).set_state(State.Speaking)
        settle()
        seen[(size, scale)] = window.display_button.isVisible()
        window.allow_close = True
    assert seen == {
        ((1920, 1080), 1.0): True,
        ((1920, 1080), 2.5): False,
        ((1366, 768), 2.5): False,
    }


@pytest.mark.parametrize(("size", "least"), [((1366, 768), 600), ((1920, 1080), 880)])
def test_large_text_in_landscape_keeps_the_screens_height(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
    least: int,
) -> None:
    """One row of bar over the card, the controls beside the text and the "more below" cue
    among them (a little smaller where the column is short): the text has the rest."""
    window = make_window(library, fonts, Look(text_scale=2.5), size)
    qtbot.addWidget(window)
    window.show_card(window.leaflet.card_index("contacts-1"))
    settle()
    cards = window.cards
    assert cards.beside
    view = cards.current_view
    assert view is not None
    assert view.viewport().height() >= least, view.viewport().height()
    cue = cards.more_below
    assert cue.isVisible()  # the contacts card scrolls at 250%
    assert _rect(window, cue).left() > _rect(window, view).right()
    assert not layout_problems(cards), layout_problems(cards)
    window.allow_close = True


@pytest.mark.parametrize("size", RESOLUTIONS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_going_between_home_and_a_card_fits_the_bar_once_for_each_state(
    qtbot,  # type: ignore[no-untyped-def]
    fonts: Fonts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """A visitor goes home and back to a card all day. Each way the bar has its own fit (the
    reading controls come and go), found once; after that each switch restyles the bar at most
    once. It searched afresh at every switch wherever the labels could not have the size the
    text asks: up to eight style sheets, 40 of a 60 ms tap."""
    from kiosk.ui import top_bar

    library = load_library(library_folder(tmp_path / "content"))
    # Large text: the labels cannot have the size it asks, so each fit is a search.
    window = make_window(library, fonts, Look(text_scale=2.5), size)
    qtbot.addWidget(window)
    window.open_leaflet(0)
    settle()
    restyled: list[str] = []
    real = top_bar.restyle

    def counting(container: QWidget, sheet: str, widgets: Iterable[QWidget]) -> None:
        restyled.append(sheet)
        real(container, sheet, widgets)

    monkeypatch.setattr(top_bar, "restyle", counting)

    def switch(to_card: bool) -> tuple[str, bool]:
        window.show_card(0) if to_card else window.show_home()
        settle()
        return window.top_bar._sheet, window.top_bar.settings_box.isVisible()

    first = [switch(to_card) for to_card in (True, False)]
    searched = len(restyled)
    assert searched > 2, "the bar fitted at its first size: this case does not test the search"
    restyled.clear()
    later = [switch(to_card) for _ in range(3) for to_card in (True, False)]
    assert len(restyled) <= len(later), restyled
    assert later == first * 3
    # What was remembered is what a fresh fit finds.
    window.top_bar.fit_controls(force=True)
    assert (window.top_bar._sheet, window.top_bar.settings_box.isVisible()) == first[1]
    window.show_card(0)
    settle()
    window.top_bar.fit_controls(force=True)
    assert (window.top_bar._sheet, window.top_bar.settings_box.isVisible()) == first[0]
