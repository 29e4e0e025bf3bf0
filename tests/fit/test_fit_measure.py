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


def test_leaflet_after_leaflet_is_measured_alike_with_one_leaflet_of_views(
    tmp_path: Path,
    qapp,  # type: ignore[no-untyped-def]
    fonts: Fonts,
) -> None:
    """A check opens every leaflet in turn without running the event loop. The last leaflet's
    card views piled up in the card screen, and each leaflet had a home made that nobody
    sees: the check of fifty leaflets took 23 s, each card slower than the one before."""
    from benchmarks.scale import generate
    from kiosk.fit import _Measurer
    from kiosk.ui.card_view import CardView

    library = load_library(generate(tmp_path, 3))
    measurer = _Measurer(qapp, library, fonts)
    verdicts = []
    try:
        for li, leaflet in enumerate(library.leaflets):
            verdicts.append([measurer.measure(SCREENS[0], li, ci) for ci in range(6)])
            window = measurer._window
            assert window is not None and window.cards.leaflet is leaflet
            stack = window.cards.stack
            views = [v for v in stack.findChildren(CardView) if v.parent() is stack]
            assert len(views) == 6, f"leaflet {li}: {len(views)} views in the card screen"
        assert len(window.made_homes()) == 1  # the first leaflet's, made with the window
    finally:
        measurer.close()
    # The leaflets are copies: their cards measure the same, whichever was opened first.
    assert verdicts[0] == verdicts[1] == verdicts[2]
    assert all(v.fits for v in verdicts[0])
