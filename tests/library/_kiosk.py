"""The wired kiosk on a test library, for the tests that go through its window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.app import Kiosk
from kiosk.content import Library
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.kiosk.conftest import shown_kiosk


def library_kiosk(qtbot: Any, library: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:
    """A fixture's body: `library` in a shown kiosk window behind its attract screen, shut
    down after the test."""
    window = KioskWindow(library, fonts, with_attract=True)
    made = shown_kiosk(qtbot, window, tmp_path)
    yield made
    made.shutdown()
    window.allow_close = True
    # The next test starts from English, as a new kiosk would.
    window.catalogues.use("en")
