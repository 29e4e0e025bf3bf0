"""The three-leaflet test library (English, Arabic, Welsh) and the wired kiosk showing it,
shared by the tests that go through the kiosk window. A module that needs a different library
or kiosk defines its own fixture of the same name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.content import Library, load_library
from kiosk.ui.theme import Fonts
from tests.helpers.leaflets import library_folder
from tests.library._kiosk import library_kiosk


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Made once a module: each module gets its own folder, so none sees another's edits."""
    return load_library(library_folder(tmp_path_factory.mktemp("library") / "content"))


@pytest.fixture
def kiosk(qtbot: QtBot, three: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:
    yield from library_kiosk(qtbot, three, fonts, tmp_path)
