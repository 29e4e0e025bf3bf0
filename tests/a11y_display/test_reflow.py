"""Every screen and overlay at 100/150/200/250% text at 1920x1080, 1080x1920 and 1366x768:
no label or button shown smaller than its words need, no word broken or cut at the side, no
control cut off by what holds it, no two controls drawn over each other (WCAG 1.4.4, 1.4.10).

The window is the one `python -m kiosk` builds (attract screen, read-aloud bar), holding a
library of three leaflets so the chooser is there too. Set SEN_KIOSK_SHOTS=DIR to keep a
PNG of every screen checked (docs/screenshots holds a chosen few).
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.content import Library, load_library
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from tests.helpers.layout_check import layout_problems
from tests.helpers.leaflets import library_folder
from tests.helpers.screen_tour import (
    RESOLUTIONS,
    TEXT_SIZES,
    floating,
    make_window,
    settle,
    tour,
)

QUICK = {2.5}  # the hardest size runs in the quick suite; the rest with the slow checks


@pytest.fixture(scope="module")
def three_leaflets(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(library_folder(tmp_path_factory.mktemp("content") / "content"))


def _window(qtbot, library: Library, fonts: Fonts, look: Look, size) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    window = make_window(library, fonts, look, size)
    qtbot.addWidget(window)
    yield window
    window.allow_close = True


def _check_tour(window: KioskWindow, tag: str) -> list[str]:
    shots = os.environ.get("SEN_KIOSK_SHOTS")
    problems: list[str] = []
    seen: list[str] = []
    for screen in tour(window):
        seen.append(screen)
        problems += [f"{screen}: {p}" for p in layout_problems(window, floating(window))]
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(shots) / f"{screen}-{tag}.png"))
    assert {
        "attract",
        "chooser",
        "home",
        "reading",
        "settings",
        "idle-warning",
        "pin",
        "admin",
    } <= set(seen), seen
    assert any(s.startswith("card-contacts") for s in seen), seen
    return problems


def _cases() -> list[object]:
    cases = []
    for size in RESOLUTIONS:
        for scale in TEXT_SIZES:
            marks = [] if scale in QUICK else [pytest.mark.slow]
            label = f"{round(scale * 100)}-{size[0]}x{size[1]}"
            cases.append(pytest.param(size, scale, marks=marks, id=label))
    return cases


@pytest.mark.parametrize(("size", "scale"), _cases())
def test_every_screen_reflows(
    qtbot,  # type: ignore[no-untyped-def]
    three_leaflets: Library,
    fonts: Fonts,
    size: tuple[int, int],
    scale: float,
) -> None:
    for window in _window(qtbot, three_leaflets, fonts, Look(text_scale=scale), size):
        problems = _check_tour(window, f"{round(scale * 100)}-{size[0]}x{size[1]}")
        assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


@pytest.mark.parametrize("size", RESOLUTIONS, ids=[f"{w}x{h}" for w, h in RESOLUTIONS])
@pytest.mark.parametrize("scale", [1.5, 2.5], ids=["150", "250"])
def test_every_screen_reflows_in_the_dyslexia_font(
    qtbot,  # type: ignore[no-untyped-def]
    three_leaflets: Library,
    fonts: Fonts,
    size: tuple[int, int],
    scale: float,
) -> None:
    """OpenDyslexic is wider and taller than the reading font: the idle warning's fixed
    width cut its words off at 150% (issue 14, item 12)."""
    look = Look(text_scale=scale, dyslexic_font=True)
    for window in _window(qtbot, three_leaflets, fonts, look, size):
        problems = _check_tour(window, f"dyslexic-{round(scale * 100)}-{size[0]}x{size[1]}")
        assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems)


def test_idle_warning_refits_when_the_font_changes(qtbot, library: Library, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    """Switching to the dyslexia font while the warning is up re-fits it at once."""
    for window in _window(qtbot, library, fonts, Look(text_scale=1.5), (1366, 768)):
        window.show_card(0)
        window.show_idle_warning(26)
        settle()
        window.set_look(Look(text_scale=1.5, dyslexic_font=True))
        settle()
        warning = window.idle_warning
        assert warning.heading.font().family() == fonts.dyslexic
        assert not layout_problems(warning)


def test_labels_grow_past_150_percent(qtbot, library: Library, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    """Button and tile labels keep growing with the text (they used to stop at 150%)."""
    sizes = []
    for scale in TEXT_SIZES:
        for window in _window(qtbot, library, fonts, Look(text_scale=scale), (1920, 1080)):
            window.leave_attract()
            settle()
            sizes.append(
                (
                    window.cards.next.font().pixelSize(),
                    window.home.tiles[0].title.font.pixelSize(),
                    window.home.hint.font().pixelSize(),
                )
            )
    for smaller, larger in itertools.pairwise(sizes):
        assert all(a < b for a, b in zip(smaller, larger, strict=True)), sizes


def test_tiles_refit_when_a_visitor_changes_the_text_size(  # type: ignore[no-untyped-def]
    qtbot, three_leaflets: Library, fonts: Fonts
) -> None:
    """The chooser's and a home's tiles draw their own words (ui/tile.py): a new text size
    chosen while they are shown, larger and then smaller again, sizes them anew."""
    for window in _window(qtbot, three_leaflets, fonts, Look(), (1366, 768)):
        window.leave_attract()
        settle()
        assert window.current_screen() == "library"
        chooser = window.library_screen
        assert chooser is not None
        heights = [chooser.tiles[0].height()]
        for scale in (2.5, 1.0):
            window.set_look(Look(text_scale=scale))
            settle()
            heights.append(chooser.tiles[0].height())
            assert not layout_problems(window, floating(window)), scale
        assert heights[1] > heights[0] and heights[2] == heights[0], heights
        window.open_leaflet(0)
        settle()
        window.set_look(Look(text_scale=2.5))
        settle()
        assert window.home.tiles[0].title.font.pixelSize() == window.metrics.button_text
        assert not layout_problems(window, floating(window))
