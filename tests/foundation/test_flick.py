"""Dragging a card's text scrolls it, and making card views costs nothing that stays behind."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QGestureRecognizer,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.input_gateway import InputGateway, Stage
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.tile import TileButton
from kiosk.ui.touch import FlickScroll, flick_input


@pytest.fixture(autouse=True)
def flicks(gateway: InputGateway) -> InputGateway:
    """A drag reaches a page's scroller through the kiosk's input gateway, as in the kiosk."""
    gateway.add(Stage.FLICK, flick_input)
    return gateway


class _Probe(QGestureRecognizer):
    def recognize(self, state, watched, event):  # type: ignore[no-untyped-def]
        return QGestureRecognizer.ResultFlag.Ignore


def next_gesture_type() -> int:
    """The id Qt gives the next gesture recognizer: it counts every registration ever made."""
    kind = QGestureRecognizer.registerRecognizer(_Probe())
    QGestureRecognizer.unregisterRecognizer(kind)
    return int(kind.value)


def long_card(window: KioskWindow) -> int:
    """Show the first card that has to scroll at 250% text."""
    window.set_look(window.look._replace(text_scale=2.5))
    for index in range(len(window.leaflet.cards)):
        window.show_card(index)
        if window.cards.current_view.verticalScrollBar().maximum() > 300:
            return index
    raise AssertionError("no card scrolls at 250%")


def test_dragging_the_text_up_scrolls_the_card(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    index = long_card(window)
    view = window.cards.current_view
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    viewport = view.viewport()
    start = viewport.rect().center() + QPoint(0, viewport.height() // 4)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(viewport, start - QPoint(0, 30 * step), 16)
    end = start - QPoint(0, 300)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: bar.value() >= 150)
    assert window.cards.index == index  # a vertical drag is not a swipe


def test_restyling_rebuilds_card_views_without_registering_gestures(
    qtbot, window: KioskWindow
) -> None:  # type: ignore[no-untyped-def]
    window.show_card(1)
    before = next_gesture_type()
    for scale in (1.5, 2.0, 1.0):
        old = window.cards.current_view
        window.set_look(window.look._replace(text_scale=scale))
        assert window.cards.current_view is not old
    qtbot.waitUntil(lambda: len(window.cards.views) == len(window.leaflet.cards))
    assert next_gesture_type() == before + 1


def drag(widget, start: QPoint, dy: int) -> None:  # type: ignore[no-untyped-def]
    """A finger put down on `widget` at `start`, moved `dy` px in ten steps, lifted."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 11):
        QTest.mouseMove(widget, start + QPoint(0, dy * step // 10), 16)
    end = start + QPoint(0, dy)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_a_drag_that_starts_on_a_topic_scrolls_home_and_opens_nothing(
    qtbot, window: KioskWindow
) -> None:  # type: ignore[no-untyped-def]
    window.set_look(window.look._replace(text_scale=2.5))
    window.show_home()
    bar = window.home.page_scroll.verticalScrollBar()
    assert bar.maximum() > 200, "home scrolls at 250%"
    opened: list[str] = []
    window.home.sectionRequested.connect(opened.append)
    tile = window.home.tiles[0]
    drag(tile, tile.rect().center(), -250)
    qtbot.waitUntil(lambda: bar.value() >= 100)
    assert not tile.isDown()
    assert opened == [] and window.current_screen() == "home"


def test_a_tap_on_a_topic_still_opens_it(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_home()
    tile = window.home.tiles[1]
    with qtbot.waitSignal(window.home.sectionRequested):
        QTest.mouseClick(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    assert window.current_screen() == "card"


def test_choosing_leaflets_and_languages_registers_no_gestures(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_home()
    assert window.display_panel is not None  # made by a first "Text and colours"
    before = next_gesture_type()
    for _ in range(3):
        window.open_leaflet(0)  # each visit to a library makes the leaflet's home again
        window._drop_hidden_overlays()  # as a change of language does
        assert window.display_panel is not None
    assert next_gesture_type() == before + 1


def scroll_of_tiles(qtbot) -> tuple[QScrollArea, QVBoxLayout]:  # type: ignore[no-untyped-def]
    area = QScrollArea()
    qtbot.addWidget(area)
    area.resize(400, 300)
    area.setWidgetResizable(True)
    page = QWidget()
    area.setWidget(page)
    return area, QVBoxLayout(page)


def add_tiles(rows: QVBoxLayout, clicked: list[int], count: int = 12) -> list[TileButton]:
    tiles = []
    for n in range(count):
        tile = TileButton(f"Leaflet {n}", "Details", "Opens it")
        tile.setMinimumHeight(120)
        tile.clicked.connect(lambda _=False, n=n: clicked.append(n))
        rows.addWidget(tile)
        tiles.append(tile)
    return tiles


def test_a_page_sends_no_event_of_its_widgets_through_python(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """A flick watches no widget: the gateway hands it input, and a page's shows, hides,
    moves and paints stay in Qt (watching each widget cost 139 calls into Python on every
    switch to a chooser of fifty leaflets)."""
    watched: list[QObject] = []
    real = QObject.installEventFilter

    def watching(self: QObject, watcher: QObject) -> None:
        if isinstance(watcher, FlickScroll):
            watched.append(self)
        real(self, watcher)

    monkeypatch.setattr(QObject, "installEventFilter", watching)
    area, rows = scroll_of_tiles(qtbot)
    add_tiles(rows, [], 3)
    FlickScroll(area.viewport())
    clicked: list[int] = []
    tiles = add_tiles(rows, clicked, 3)  # made later, as the chooser makes most of its tiles
    area.show()
    qtbot.waitExposed(area)
    assert watched == []
    QTest.mouseClick(tiles[0], Qt.MouseButton.LeftButton, pos=tiles[0].rect().center())
    assert clicked == [0], "a tap still reaches the tile"


# QTest warns of each move the tile no longer takes once the drag has let go of it.
@pytest.mark.qt_log_ignore("not accepted by receiving widget")
def test_a_drag_that_starts_on_a_caption_scrolls_and_does_not_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A caption lets touches through to its button (the display settings' buttons have
    them): the drag is the button's, and scrolls the page."""
    area, rows = scroll_of_tiles(qtbot)
    clicked: list[int] = []
    tiles = captioned(add_tiles(rows, clicked, 8))
    FlickScroll(area.viewport())
    area.show()
    qtbot.waitExposed(area)
    caption = tiles[1].findChild(QLabel, "caption")
    drag(caption, caption.rect().center(), -250)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() >= 100)
    assert clicked == [] and not tiles[1].isDown()


def captioned(tiles: list[TileButton]) -> list[TileButton]:
    for tile in tiles:
        caption = QLabel("A caption", tile)
        caption.setObjectName("caption")
        caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        tile.layout().addWidget(caption)
    return tiles


def drag_the_page_from(qtbot, widget: QWidget) -> QScrollArea:  # type: ignore[no-untyped-def]
    """Put `widget` in a page of tiles taller than its scroll area, drag from its middle, and
    wait for the page to move. The caller keeps the area (and so `widget`) alive."""
    area, rows = scroll_of_tiles(qtbot)
    add_tiles(rows, [], 2)
    rows.addWidget(widget)
    add_tiles(rows, [], 6)
    FlickScroll(area.viewport())
    area.show()
    qtbot.waitExposed(area)
    drag(widget, widget.rect().center(), -250)
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() >= 100)
    return area


@pytest.mark.qt_log_ignore("not accepted by receiving widget")
def test_a_drag_that_starts_on_a_plain_button_scrolls_and_does_not_click(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A plain button (a display setting is one) lets go of the press as the page moves."""
    plain = QPushButton("Plain")
    plain.setMinimumHeight(120)
    clicks: list[bool] = []
    plain.clicked.connect(clicks.append)
    area = drag_the_page_from(qtbot, plain)
    assert clicks == [] and not plain.isDown()
    area.close()


@pytest.mark.qt_log_ignore("not accepted by receiving widget")
def test_a_drag_that_starts_on_a_label_scrolls(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A finger put down on the page's text, not on a button, moves the page too."""
    drag_the_page_from(qtbot, QLabel("A note in the page\n" * 4))


# QTest warns of each move the tile no longer takes once the drag has let go of it.
@pytest.mark.qt_log_ignore("not accepted by receiving widget")
def test_a_tile_added_later_takes_a_drag(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Tiles made after the scroller (the chooser makes most of its tiles in idle turns)."""
    area, rows = scroll_of_tiles(qtbot)
    FlickScroll(area.viewport())
    clicked: list[int] = []
    tiles = add_tiles(rows, clicked)
    area.show()
    qtbot.waitExposed(area)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 300
    # Before the event loop has turned once since the tile was made.
    drag(tiles[1], tiles[1].rect().center(), -250)
    qtbot.waitUntil(lambda: bar.value() >= 100)
    assert clicked == [] and not tiles[1].isDown()
