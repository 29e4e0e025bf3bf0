"""A tour of every look a visitor can pick (each text size in both fonts, with and without
wider spacing; each colour theme; reduced motion), as taps for a kiosk driven from outside
by xdotool.

Where each control stands depends on the look chosen before it, so the positions come from a
twin: the kiosk wired as `python -m kiosk` wires it (fake speech, offscreen, same size), which
takes every tap too. A tap whose control is covered or off the screen in the twin stops the
tour with its name, rather than landing somewhere else in the real kiosk.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import paths
from kiosk.app import Kiosk, Startup, assemble, choose_content
from kiosk.config import Settings
from kiosk.speech.service import SpeechService
from kiosk.ui.display_style import TEXT_SIZES
from kiosk.ui.main_window import KioskWindow
from tests.helpers.fake_speech import FakeEngine, FakePlayer

CARDS_PER_LOOK = 3  # Next taps on each look: cards with lists, quotations and contacts


@dataclass(frozen=True)
class Tap:
    x: int
    y: int
    what: str

    def xdotool(self) -> list[str]:
        # The pause lets a new look's deferred relayout finish before the next tap lands.
        return ["mousemove", str(self.x), str(self.y), "click", "1", "sleep", "0.15"]


@contextlib.contextmanager
def _kiosk_home(home: Path) -> Iterator[None]:
    before = os.environ.get("SEN_KIOSK_HOME")
    os.environ["SEN_KIOSK_HOME"] = str(home)
    try:
        yield
    finally:
        if before is None:
            del os.environ["SEN_KIOSK_HOME"]
        else:
            os.environ["SEN_KIOSK_HOME"] = before


def _settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


def _twin(folder: Path, size: tuple[int, int]) -> Kiosk:
    def fake_speech(parent: QObject) -> SpeechService:
        return SpeechService(FakeEngine(), FakePlayer(auto_finish=True), folder / "speech", parent)

    choice = choose_content([paths.bundled_content()])
    args = argparse.Namespace(windowed=True, quit_after_paint=False, content=None)
    startup = Startup(folder / "kiosk.toml", [], choice.source)
    kiosk = assemble(args, Settings(), choice, startup, [], speech_factory=fake_speech)
    window = kiosk.window
    window.setGeometry(0, 0, *size)
    window.show()
    QTest.qWaitForWindowExposed(window)
    for _ in range(200):  # speech, and with it the read-aloud bar, start after the first paint
        if kiosk.speech is not None:
            break
        QTest.qWait(10)
    assert kiosk.speech is not None, "the twin's services never started"
    _settle()
    return kiosk


def look_tour(folder: Path, size: tuple[int, int] = (1920, 1080)) -> list[Tap]:
    """The taps, from the attract screen to home at the standard look, for a kiosk at `size`
    on a screen of that size. `folder` holds the twin's own state (never the real kiosk's)."""
    folder.mkdir(parents=True, exist_ok=True)
    with _kiosk_home(folder):
        kiosk = _twin(folder, size)
        try:
            return _tour(kiosk.window)
        finally:
            kiosk.shutdown()
            kiosk.window.allow_close = True
            kiosk.window.close()
            kiosk.window.deleteLater()
            _settle()


def _tour(window: KioskWindow) -> list[Tap]:
    taps: list[Tap] = []

    def reachable(widget: QWidget) -> bool:
        centre = widget.mapTo(window, widget.rect().center())
        hit = window.childAt(centre)
        on_screen = window.rect().contains(centre) and widget.isVisible()
        return on_screen and hit is not None and (hit is widget or widget.isAncestorOf(hit))

    def tap(widget: QWidget, what: str) -> None:
        look = window.look
        assert reachable(widget), (
            f"look tour: {what} is not where a tap would reach it on the {window.current_screen()}"
            f" screen at {look.text_scale:.0%}, dyslexia font {look.dyslexic_font}, wider"
            f" spacing {look.wide_spacing}"
        )
        centre = widget.mapTo(window, widget.rect().center())
        taps.append(Tap(centre.x(), centre.y(), what))
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        _settle()

    def panel_step(choose: Callable[[], tuple[QWidget, str]]) -> None:
        tap(window.display_button, "Text and colours")
        widget, what = choose()
        tap(widget, what)
        tap(window.display_panel.done, "Done")

    def to_a_card(topic: int) -> None:
        """From home to a card: a different topic each time, among those a tap reaches. At
        large text the home screen scrolls and none may be on it: then back to 100% first."""
        tiles = window.home.tiles[: len(window.leaflet.sections)]  # not the help's tiles
        order = [(topic + i) % len(tiles) for i in range(len(tiles))]
        first = next((i for i in order if reachable(tiles[i])), None)
        if first is None:
            panel_step(lambda: (panel.size_buttons[1.0], "100%"))
            first = next(i for i in order if reachable(tiles[i]))
        tap(tiles[first], f"topic {first + 1}")

    def look_at(choose: Callable[[], tuple[QWidget, str]]) -> None:
        """Choose a look on a card, read a few cards in it, then see home in it too."""
        nonlocal visit
        to_a_card(visit)
        visit += 1
        panel_step(choose)
        last = len(window.leaflet.cards) - 1
        for _ in range(CARDS_PER_LOOK):
            if window.cards.index < last:  # Next on the last card goes home
                tap(window.cards.next, "Next")
        tap(window.cards.home, "Home")

    tap(window.attract, "attract screen")
    panel = window.display_panel
    visit = 0
    # Each text size in each font with and without wider spacing: the fonts' caches are
    # per family, size and letter spacing (in-process, random taps on the panel after a
    # tour without the spacing grew 5.8 MB; after this one, 1.4 MB and then nothing).
    now = {"dyslexic_font": False, "wide_spacing": False}
    for dyslexic in (False, True):
        for wide in (False, True):
            wanted = {"dyslexic_font": dyslexic, "wide_spacing": wide}
            if wanted != now:
                # The switches are near the bottom of the panel: at 100% they are on screen.
                panel_step(lambda: (panel.size_buttons[1.0], "100%"))
                for field in (f for f in wanted if wanted[f] != now[f]):
                    on = "on" if wanted[field] else "off"
                    panel_step(lambda f=field, o=on: (panel.toggle_buttons[f], f"{f} {o}"))
                now = wanted
            for scale in TEXT_SIZES:
                look_at(lambda s=scale: (panel.size_buttons[s], f"{round(s * 100)}%"))
    panel_step(lambda: (panel.size_buttons[1.0], "100%"))
    for field in now:
        panel_step(lambda f=field: (panel.toggle_buttons[f], f"{f} off"))
    for name, button in panel.theme_buttons.items():
        look_at(lambda b=button, n=name: (b, f"{n} colours"))
    look_at(lambda: (panel.toggle_buttons["reduced_motion"], "reduced motion on"))
    panel_step(lambda: (panel.toggle_buttons["reduced_motion"], "reduced motion off"))
    panel_step(lambda: (panel.reset, "Reset to standard"))
    assert window.look == window.start_look, f"the tour ended on {window.look}, not the standard"
    return taps
