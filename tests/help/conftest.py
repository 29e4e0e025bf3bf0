"""Fixtures for the kiosk's help: the bundled leaflet with its glossary and routes loaded the
way the running kiosk loads them (app.with_help), in a shown window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import Kiosk
from kiosk.content import Library
from kiosk.content.help import HelpLoad, load_help
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.kiosk.conftest import make_kiosk


@pytest.fixture(scope="session")
def help_load(library: Library) -> HelpLoad:
    loaded = load_help(library)
    assert not loaded.problems, [str(p) for p in loaded.problems]
    return loaded


@pytest.fixture
def help_window(
    qtbot, library: Library, fonts: Fonts, help_load: HelpLoad
) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    win = KioskWindow(library, fonts, help=help_load)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win


@pytest.fixture
def help_kiosk(qtbot, help_window: KioskWindow, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    made = make_kiosk(help_window, tmp_path)
    yield made
    made.shutdown()
