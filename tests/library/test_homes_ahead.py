"""A library's taps stay light: homes are made ahead in idle turns, the last leaflet's cards
are let go in idle turns, and going between a card and home restyles nothing.

Counts, not timings: widgets made or styled on a tap, homes kept, card views left behind.
Through the wired kiosk window (`python -m kiosk` wiring, offscreen).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import Kiosk
from kiosk.content import Library, load_library
from kiosk.ui import card_controls, homes, top_bar
from kiosk.ui.card_view import CardView
from kiosk.ui.home import HomeScreen
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from kiosk.ui.tree import descendants
from tests.helpers.leaflets import add_catalogues, library_folder
from tests.library._kiosk import library_kiosk


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = library_folder(tmp_path_factory.mktemp("h") / "content")
    add_catalogues(root, "cy")
    return load_library(root)


@pytest.fixture
def kiosk(qtbot, three: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    yield from library_kiosk(qtbot, three, fonts, tmp_path)


def settled(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    """The first paint is over and nothing more is being made ahead."""
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)


def chooser(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    settled(qtbot, window)
    window.leave_attract()
    assert window.current_screen() == "library"
    settled(qtbot, window)


def widgets(window: KioskWindow) -> int:
    return len(window.findChildren(QWidget))


def test_a_chooser_tap_shows_a_home_made_ahead(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    chooser(qtbot, window)
    assert window.library_screen is not None
    before = widgets(window)
    window.library_screen.tiles[1].click()
    assert (window.current_screen(), window.leaflet.id) == ("home", "help-ar")
    # Not one widget made on the tap (a home made there is about sixty).
    assert widgets(window) <= before
    assert window.home.tiles and window.home.help_box is not None


def test_the_last_leaflets_card_views_are_let_go_in_idle_turns(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    chooser(qtbot, window)
    first = list(window.cards.views.values())
    assert len(first) == len(window.leaflet.cards)  # made ahead after the first paint
    assert window.library_screen is not None
    window.library_screen.tiles[1].click()
    # Off the card screen at once, deleted later: none is shown for the new leaflet.
    assert not window.cards.views
    settled(qtbot, window)
    QApplication.processEvents()
    left = [v for v in window.findChildren(CardView) if v.card.source.parent.name != "arabic"]
    assert not left, "card views of the leaflet left behind"
    assert set(window.cards.views) == set(range(len(window.leaflet.cards)))


def calls_to(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[object]:
    """The arguments of each call to `module.name` from now on (it still runs)."""
    calls: list[object] = []
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: (calls.append(args), real(*args))[-1])
    return calls


def on_the_first_home(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    chooser(qtbot, window)
    assert window.library_screen is not None
    window.library_screen.tiles[0].click()


def test_going_between_a_card_and_home_restyles_nothing(
    qtbot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    on_the_first_home(qtbot, window)
    window.show_card(0)
    window.show_home()
    restyled = calls_to(monkeypatch, top_bar, "restyle")
    for _ in range(3):
        window.show_card(0)
        window.show_home()
    assert not restyled, "the top bar was styled again on a card/home change"
    # A real change of size still fits it again.
    window.set_look(Look(text_scale=2.0))
    assert restyled


@pytest.fixture
def two_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    """A chooser page of one leaflet: the pool then holds it and the open home."""
    monkeypatch.setattr(homes, "KEPT", 2)


def test_homes_kept_follow_the_chooser_not_the_library(two_kept, qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    chooser(qtbot, window)
    made = window._homes
    assert made is not None and len(made) <= 2
    assert window.library_screen is not None
    for index in (2, 1, 0, 2):
        window.show_library()
        window.library_screen.tiles[index].click()
        assert window.leaflet is window.library.leaflets[index]
        assert len(made) <= 2
    settled(qtbot, window)
    assert len(made) <= 2


def test_homes_made_ahead_are_made_again_for_a_new_look(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    chooser(qtbot, window)
    window.set_look(Look(text_scale=1.5))
    settled(qtbot, window)
    assert window.library_screen is not None
    window.library_screen.tiles[1].click()
    home = window.home
    # Laid out for 150%: the tiles take the new size's minimum height.
    assert all(
        t.minimumHeight() == window.metrics.target + window.metrics.px(40) for t in home.tiles
    )


def test_a_home_made_ahead_in_english_opens_in_welsh(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    chooser(qtbot, window)
    assert window.library_screen is not None
    welsh = [lf.id for lf in window.library.leaflets].index("help-cy")
    window.library_screen.tiles[welsh].click()
    assert window.home.start.text() == "Dechrau darllen  ▶"
    assert window.kiosk_help is not None and window.kiosk_help.box is window.home.help_box


def undone_layouts(page: QWidget) -> list[str]:
    """The widgets in `page` whose layout would be done again as it shows (activate() redoes
    a layout only when something undid it)."""
    return [
        f"{type(w).__name__}#{w.objectName()}"
        for w in [page, *descendants(page)]
        if w.layout() is not None and w.layout().activate()
    ]


def test_screens_made_ahead_are_laid_out_for_good(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """Nothing left for the tap: a tile's resize after its grid was laid out re-measured its
    wrapped words and undid the grid, so the tap that showed the chooser laid it out again."""
    window = kiosk.window
    settled(qtbot, window)
    assert window.library_screen is not None and window.current_screen() == "attract"
    pages = [window.stack.widget(i) for i in range(window.stack.count())]
    ahead = [page for page in pages if isinstance(page, HomeScreen)]
    assert ahead, "homes were made ahead"
    for page in (window.library_screen, *ahead, window.cards):
        assert undone_layouts(page) == [], page.objectName()


def test_the_first_start_reading_finds_the_card_buttons_fitted(
    qtbot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    on_the_first_home(qtbot, window)
    assert not window.cards.isVisible()
    fitted = calls_to(monkeypatch, card_controls, "fit_factor")
    window.show_card(0)
    assert fitted == [], "the card's buttons were fitted on the tap"
    # Shown at another size, they fit again.
    window.set_look(Look(text_scale=2.0))
    window.show_card(1)
    assert fitted
