"""Shared test set-up: offscreen Qt and an isolated HOME so nothing touches a real desktop."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402

import pytest  # noqa: E402

from kiosk import paths  # noqa: E402
from kiosk.content import Library, load_library  # noqa: E402


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(paths.bundled_content())


@pytest.fixture
def family(qapp: object) -> str:
    from kiosk.app import load_fonts

    return load_fonts()


@pytest.fixture
def window(qtbot, library: Library, family: str) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The kiosk window at 1920x1080, shown offscreen."""
    from kiosk.ui.main_window import KioskWindow

    win = KioskWindow(library, family)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win
