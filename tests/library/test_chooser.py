"""The "Choose a leaflet" screen and the way back to it, through the wired kiosk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.content import Library
from kiosk.ui.chooser import LeafletTile
from kiosk.ui.language import native_name
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.event_counts import left_alone
from tests.kiosk.conftest import shown_kiosk


@pytest.fixture
def kiosk(qtbot, three: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    window = KioskWindow(three, fonts, with_attract=True)
    made = shown_kiosk(qtbot, window, tmp_path, idle_ms=200, warning_ms=50)
    yield made
    made.shutdown()
    window.allow_close = True


def tiles(window: KioskWindow) -> list[LeafletTile]:
    assert window.library_screen is not None
    return window.library_screen.tiles


def test_each_leaflet_says_what_it_is_in_its_own_language(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.leave_attract()
    assert window.current_screen() == "library"
    english, arabic, welsh = tiles(window)
    assert welsh.title.text() == "Help gydag anghenion addysgol arbennig"
    assert welsh.description.text() == "Taflen brawf fer yn Gymraeg."
    assert welsh.meta.text() == "Cymraeg · Prawf SENDIASS · Fersiwn prawf 1"
    assert english.meta.text().startswith("English · SENDIASS Rutland · Version 1.0")
    assert arabic.meta.text().startswith("العربية · ")
    assert arabic.isRightToLeft() and not welsh.isRightToLeft()
    assert "Taflen brawf fer yn Gymraeg" in welsh.accessibleDescription()
    # The top bar carries a brand here too, and no "All leaflets" (this is the list).
    assert window.top_bar.brand.text() == "SEN help"
    assert not window.all_leaflets.isVisible()


@pytest.mark.parametrize(
    ("tag", "name"), [("pl", "Polski"), ("cy", "Cymraeg"), ("en-GB", "English"), ("xx", "xx")]
)
def test_language_names(qapp, tag: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert native_name(tag) == name


def test_all_leaflets_on_every_screen_of_a_leaflet(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.leave_attract()
    tiles(window)[2].click()
    assert (window.current_screen(), window.leaflet.id) == ("home", "help-cy")
    assert window.all_leaflets.isVisible()
    assert window.top_bar.brand.text() == "Prawf SENDIASS"
    place = window.all_leaflets.mapTo(window, window.all_leaflets.rect().topLeft())
    window.show_card(1)
    assert window.current_screen() == "card"
    assert window.all_leaflets.isVisible()
    # Fixed: the same place on the card screen as on the home screen.
    assert window.all_leaflets.mapTo(window, window.all_leaflets.rect().topLeft()) == place
    # And on the kiosk's help pages opened from a card of the leaflet.
    assert window.kiosk_help is not None
    window.kiosk_help.open_keep()
    assert window.current_screen() == "help"
    assert window.all_leaflets.isVisible()
    assert window.all_leaflets.mapTo(window, window.all_leaflets.rect().topLeft()) == place
    window.show_card(1)
    window.all_leaflets.click()
    assert window.current_screen() == "library"


def test_one_leaflet_has_no_all_leaflets(window: KioskWindow) -> None:
    window.show_card(0)
    assert not window.all_leaflets.isVisible()
    window.show_home()
    assert not window.all_leaflets.isVisible()


def test_idle_reset_returns_to_the_chooser(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    window.leave_attract()
    tiles(window)[1].click()
    window.show_card(1)
    assert window.leaflet.id == "help-ar"
    assert kiosk.visit is not None
    with qtbot.waitSignal(kiosk.visit.resetRequested, timeout=5000):
        pass
    QApplication.processEvents()
    assert window.current_screen() == "attract"
    window.leave_attract()
    assert window.current_screen() == "library"


def test_the_chooser_left_alone_lays_nothing_out(
    qtbot, three: Library, fonts: Fonts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """As on a leaflet's screens (tests/journeys/test_idle.py): the top bar above the tiles
    once answered its own layout requests, a core's worth, for as long as the kiosk ran."""
    window = KioskWindow(three, fonts, with_attract=True)
    made = shown_kiosk(qtbot, window, tmp_path)
    try:
        window.show_library()
        qtbot.waitUntil(lambda: window.current_screen() == "library")
        layouts = left_alone(qtbot, window).layouts
        assert layouts == 0, f"{layouts} layout requests in a second on the chooser"
    finally:
        made.shutdown()
        window.allow_close = True
