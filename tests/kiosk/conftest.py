"""Fixtures for the wired kiosk: the real window and controllers, fake speech underneath."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from kiosk.app import ContentChoice, Kiosk, Startup, help_after_paint
from kiosk.config import Settings
from kiosk.session.idle import IdleMonitor
from kiosk.session.visit import VisitSession
from kiosk.speech.service import SpeechService
from kiosk.stats import Stats
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.fake_speech import FakeEngine, FakePlayer


def make_kiosk(
    window: KioskWindow,
    tmp_path: Path,
    *,
    settings: Settings | None = None,
    auto_finish: bool = True,
    idle_ms: int | None = 60_000,
    warning_ms: int = 50,
) -> Kiosk:
    """A Kiosk on `window` with fake speech (already started). With `idle_ms`, it has a
    visit session with those timeouts, wired like the running app; with None, neither."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def fake_speech(parent: QObject) -> SpeechService:
        player = FakePlayer(auto_finish=auto_finish)
        return SpeechService(FakeEngine(), player, tmp_path / "speech", parent)

    made = Kiosk(app, window, settings or Settings(), windowed=True, speech_factory=fake_speech)
    if idle_ms is not None:
        idle = IdleMonitor(idle_ms=idle_ms, warning_ms=warning_ms, tick_ms=10, parent=made)
        made.visit = VisitSession(idle, Stats(tmp_path / "stats.sqlite3"), parent=made)
        made.wire()
        made.start_speech()
    return made


def shown_kiosk(qtbot: Any, window: KioskWindow, tmp_path: Path, **options: Any) -> Kiosk:
    """`window` shown at 1920x1080 and exposed, with a Kiosk on it: `make_kiosk(**options)`."""
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    return make_kiosk(window, tmp_path, **options)


def help_later_window(
    qtbot: Any, choice: ContentChoice, content: Path, fonts: Fonts
) -> tuple[KioskWindow, Startup]:
    """The window `python -m kiosk` starts with on `choice` (chosen with `help_now=False` from
    the folder `content`): behind its attract screen, at 1920x1080, not shown yet, its help
    read after the first paint with problems reported to the returned `Startup`."""
    startup = Startup(Path("kiosk.toml"), [], str(content), list(choice.problems))
    window = KioskWindow(
        choice.library,
        fonts,
        with_attract=True,
        help=functools.partial(help_after_paint, choice, startup),
    )
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    return window, startup


def spoken(kiosk: Kiosk) -> list[str]:
    """Everything the kiosk asked the (fake) engine to say, in order."""
    assert kiosk.speech is not None
    engine = kiosk.speech._engine  # type: ignore[attr-defined]
    assert isinstance(engine, FakeEngine)
    return engine.texts()


@pytest.fixture
def auto_finish() -> bool:
    """Whether the fake player finishes each sentence by itself (a few ms) or waits."""
    return False


@pytest.fixture
def idle_ms() -> int:
    """Time to the idle warning; tests of the reset shorten it (and never sleep)."""
    return 60_000


@pytest.fixture
def kiosk(
    qtbot, window: KioskWindow, tmp_path: Path, auto_finish: bool, idle_ms: int
) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    made = make_kiosk(window, tmp_path, auto_finish=auto_finish, idle_ms=idle_ms)
    yield made
    made.shutdown()
