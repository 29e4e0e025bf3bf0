"""Starting on a library costs what is on the screen, not the size of the library.

Through the real start path pieces `python -m kiosk` uses: the content cache, the window with
its attract screen, the help read after the first paint. Counts, not timings: leaflets
decoded, chooser tiles made, help read.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app import choose_content
from kiosk.content.deferred import DeferredLeaflet
from kiosk.ui import chooser
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.leaflets import library_folder
from tests.kiosk.conftest import help_later_window


def decoded(window: KioskWindow) -> list[str]:
    leaflets = window.library.leaflets
    assert all(isinstance(lf, DeferredLeaflet) for lf in leaflets)
    return [lf.id for lf in leaflets if isinstance(lf, DeferredLeaflet) and lf.decoded]


def test_a_library_starts_on_titles_and_reads_the_rest_in_idle_turns(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    fonts: Fonts,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = library_folder(tmp_path / "content")
    welsh = root / "welsh"
    (welsh / "glossary.toml").write_text("[[term]]\nterm = 3\n", encoding="utf-8")
    cache = tmp_path / "cache"
    choose_content([root], cache, help_now=False)  # the run that wrote the cache
    choice = choose_content([root], cache, help_now=False)
    monkeypatch.setattr(chooser, "FIRST_TILES", 1)  # a "screen" of one tile
    window, startup = help_later_window(qtbot, choice, root, fonts)
    # Everything up to the first paint needs titles only: not one leaflet's cards.
    assert decoded(window) == []
    first_paint: list[list[str]] = []
    window.firstPaint.connect(lambda: first_paint.append(decoded(window)))
    with qtbot.waitSignal(window.firstPaint, timeout=10_000):
        window.show()
    # Just after it, the first leaflet's home (its help with it), and a screen of tiles.
    assert first_paint == [[window.library.leaflets[0].id]]
    assert window.library_screen is not None
    assert len(window.library_screen.tiles) == 1
    assert not any("glossary.toml" in line for line in startup.problems)
    # The rest in idle turns: every tile, every leaflet's help, its problems reported.
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    assert len(window.library_screen.tiles) == 3
    assert window.library_screen.complete()
    assert any("welsh/glossary.toml:2" in line for line in startup.problems), startup.problems
    assert "welsh/glossary.toml:2" in capsys.readouterr().err
    # Tab goes through the tiles made later in order.
    tiles = window.library_screen.tiles
    assert [t.nextInFocusChain() for t in tiles[:2]] == tiles[1:]
