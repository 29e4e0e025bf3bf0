"""The screen-fit rule measures a card without painting it or running the event loop: its
verdicts and figures must be exactly those of the card shown in a kiosk window the ordinary
way, on both sides of the limit on both screens."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import load_library
from kiosk.fit import SCREENS, check_fit
from kiosk.ui.theme import Fonts
from tests.helpers.cli import leaflet_copy

# 9 and 10 items sit either side of the landscape limit, 19 and 20 of the portrait one
# (Atkinson Hyperlegible at 100%: 70.5 px an item).
COUNTS = (9, 10, 19, 20)


def _items_leaflet(folder: Path) -> Path:
    leaflet_copy(folder)
    for count in COUNTS:
        items = "\n".join(f"- Item number {k} of a list that a parent reads." for k in range(count))
        (folder / f"{50 + count}-i{count}.md").write_text(
            f'+++\nid = "i{count}"\ntitle = "Items {count}"\norder = {50 + count}\n+++\n\n{items}\n'
        )
    return folder


def test_the_quick_measurement_agrees_with_the_card_as_shown(
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
    qapp,  # type: ignore[no-untyped-def]
    fonts: Fonts,
) -> None:
    from kiosk.ui.main_window import KioskWindow

    library = load_library(_items_leaflet(tmp_path / "leaflet"))
    leaflet = library.leaflets[0]
    ids = [f"i{count}" for count in COUNTS]
    problems = {p.message for p in check_fit(library).problems}

    window = KioskWindow(library, fonts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    expected: set[str] = set()
    overflowing: dict[str, list[bool]] = {i: [] for i in ids}
    for width, height in SCREENS:
        window.resize(width, height)
        qapp.processEvents()
        window.open_leaflet(0)
        for card_id in ids:
            window.show_card(leaflet.card_index(card_id))
            qapp.processEvents()
            view = window.cards.current_view
            assert view is not None
            overflowing[card_id].append(view.overflows())
            if view.overflows() and not any(f"'{card_id}'" in m for m in expected):
                expected.add(
                    f"card '{card_id}' does not fit a {width}x{height} screen at 100% text "
                    f"(it needs {view.content_height():.0f} px, the screen has "
                    f"{view.viewport().height()} px); shorten it or split it with a '---' line"
                )
    window.allow_close = True
    # The counts were chosen to straddle each limit: if the layout changes, choose again.
    assert overflowing == {
        "i9": [False, False],
        "i10": [True, False],
        "i19": [True, False],
        "i20": [True, True],
    }
    assert {m for m in problems if any(f"'{i}'" in m for i in ids)} == expected


def test_one_view_measures_every_card_as_its_own_view_shows_it(
    tmp_path: Path,
    qtbot,  # type: ignore[no-untyped-def]
    qapp,  # type: ignore[no-untyped-def]
    fonts: Fonts,
) -> None:
    """The check lays every card out in one view (CardView.set_card) instead of a view of its
    own. Whatever card it showed before (taller, shorter, with boxes or QR codes, which set
    other margins), the next card's figures are those of that card's own view."""
    from kiosk.ui.main_window import KioskWindow

    library = load_library(_items_leaflet(tmp_path / "leaflet"))
    cards = library.leaflets[0].cards
    window = KioskWindow(library, fonts)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    def figures() -> tuple[float, int, int, bool]:
        view = window.cards.current_view
        assert view is not None
        return (
            view.content_height(),
            view.viewport().width(),
            view.viewport().height(),
            (view.overflows()),
        )

    for width, height in SCREENS:
        window.resize(width, height)
        qapp.processEvents()
        own = []
        for index in range(len(cards)):
            window.show_card(index)
            qapp.processEvents()
            own.append(figures())
        assert any(f[3] for f in own) and not all(f[3] for f in own)
        # Forwards, backwards and every other card: each follows many kinds of card.
        order = [*range(len(cards)), *reversed(range(len(cards))), *range(0, len(cards), 2)]
        for index in order:
            view = window.cards.lay_out(cards[index])
            qapp.processEvents()
            assert view.card is cards[index]
            assert figures() == own[index], f"{width}x{height}, card {cards[index].id}"
    window.allow_close = True


def test_leaflet_after_leaflet_is_measured_alike_in_one_view(
    tmp_path: Path,
    qapp,  # type: ignore[no-untyped-def]
    fonts: Fonts,
) -> None:
    """A check measures every leaflet's cards without running the event loop. A view made
    for each card, and a home for each leaflet, made the check of fifty leaflets take 23 s;
    now one view takes every card in turn, and nothing piles up."""
    from benchmarks.scale import generate
    from kiosk.fit import _Measurer
    from kiosk.ui.card_view import CardView

    library = load_library(generate(tmp_path, 3))
    measurer = _Measurer(qapp, library, fonts)
    verdicts = []
    try:
        for li in range(len(library.leaflets)):
            verdicts.append([measurer.measure(SCREENS[0], li, ci) for ci in range(6)])
            window = measurer._window
            assert window is not None
            views = window.findChildren(CardView)
            assert len(views) == 1, f"leaflet {li}: {len(views)} card views"
            assert views[0].card is library.leaflets[li].cards[5]
        assert len(window.made_homes()) == 1  # the first leaflet's, made with the window
    finally:
        measurer.close()
    # The leaflets are copies: their cards measure the same, whichever was opened first.
    assert verdicts[0] == verdicts[1] == verdicts[2]
    assert all(v.fits for v in verdicts[0])
