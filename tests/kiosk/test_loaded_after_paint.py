"""What the running kiosk keeps loaded before a visitor arrives, and that what it left out
still works when it is needed.

The kiosk process is measured 5 s after its first screen (benchmarks/memory.py): modules the
first screen does not need stay unloaded until something uses them. sqlite3 and csv (usage
counts: the first visit's counts, the staff screen), difflib (a misspelt setting), getpass
(--set-pin at a terminal) and platform (the log's start line) were loaded at start-up, about
1.6 MB for the life of the process. Run through the real entry point in a fresh interpreter:
what is loaded depends on everything imported before.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.config import load_settings
from kiosk.content.cache import load_library_cached
from kiosk.session import pin
from tests.helpers.entry_point import run_entry

DEFERRED = ("sqlite3", "csv", "difflib", "getpass", "platform")
# The kiosk's help (its screens, and the glossaries and routes they read) is made just after
# the first paint: importing it first was about 15 ms of the launch.
HELP = (
    "kiosk.content.help",
    "kiosk.content.glossary",
    "kiosk.content.routes",
    "kiosk.ui.help_screen",
)
# Standard-library modules the first screen does without: the log's rotation (14 ms of
# imports with socket, pickle and queue), the signal pipe and systemd's socket (socket,
# 8-12 ms) and malloc_trim (ctypes, 4 ms) come after it.
STDLIB_AFTER_PAINT = ("logging.handlers", "socket", "ctypes")
# PySide makes a Qt class (with its enums) when Python first names it: QStyle took about 7 ms
# of the launch, the attract screen's glide (animation and easing curve) 1-2 ms. The first
# screen is painted without them.
QT_AFTER_PAINT = ("QStyle", "QPropertyAnimation", "QEasingCurve")
# What a leaflet's cards are made of: nine frozen dataclasses, 4-6 ms of the launch to make.
# A start from the content cache shows titles only, and decodes a leaflet's cards when it opens.
CARD_CLASSES = "kiosk.content.blocks"
# Python makes a dataclass by compiling its methods from source, 0.4-1.4 ms each; a named
# tuple's are made without compiling. Before the first paint only these stay dataclasses: the
# content cache decodes into the model's, and the settings' schema is read from their fields.
# The rest (the look, the settings' problems and layers, a content problem) were 9 of the 14
# made before the first paint, 5-6 ms of the launch.
DATACLASSES_AT_PAINT = [
    "kiosk.app.ContentChoice",
    "kiosk.app.Startup",
    "kiosk.config.Settings",
    "kiosk.content.model.Leaflet",
    "kiosk.content.model.Library",
]

# `python -m kiosk`, with a look at sys.modules once its services have started after the
# first paint, then a visitor's first card, the counts written and the staff screen opened.
ENTRY = """
import gc, sys, runpy
import kiosk.hermetic
kiosk.hermetic.prepare()
from PySide6.QtCore import QTimer
import kiosk.app as app

DEFERRED = {deferred!r}
HELP = {help!r}
STDLIB = {stdlib!r}
QT = {qt!r}
real = app.Kiosk.start_services
real_show = app.show

import kiosk.ui.main_window as main_window
real_after_paint = main_window.KioskWindow._after_first_paint

def after_first_paint(self):
    # The first turn of the event loop after the first paint, before anything else is made.
    from PySide6 import QtCore, QtWidgets
    named = [name for name in QT if name in vars(QtWidgets) or name in vars(QtCore)]
    print("QT_AT_PAINT", *named, flush=True)
    real_after_paint(self)

main_window.KioskWindow._after_first_paint = after_first_paint

def show(window, *args, **kwargs):
    print("AT_SHOW", *[name for name in HELP if name in sys.modules], flush=True)
    print("STDLIB_AT_SHOW", *[name for name in STDLIB if name in sys.modules], flush=True)
    print("COLLECTING_AT_SHOW", gc.isenabled(), flush=True)
    real_show(window, *args, **kwargs)

app.show = show

def loaded():
    return [name for name in DEFERRED if name in sys.modules]

def start_services(self):
    real(self)
    print("AFTER_PAINT", *loaded(), flush=True)
    print("HELP_AFTER_PAINT", *[name for name in HELP if name in sys.modules], flush=True)

    def visit():
        window = self.window
        window.attract.started.emit()  # a touch on the attract screen: a visit begins
        window.home.start.click()
        print("SCREEN", window.current_screen(), flush=True)
        self.flush_counts()
        self.open_admin()
        print("SCREEN", window.current_screen(), flush=True)
        print("AFTER_VISIT", *loaded(), flush=True)
        window.allow_close = True
        self.app.quit()

    def built():
        # The cards are made: the start's objects are set aside, and collecting resumes.
        print("COLLECTING_WHEN_BUILT", gc.isenabled(), gc.get_freeze_count() > 10_000, flush=True)
        if not self.visited:
            self.visited = True
            QTimer.singleShot(0, visit)

    self.visited = False
    self.window.cardsBuilt.connect(built)

app.Kiosk.start_services = start_services
sys.argv = ["kiosk"]
runpy.run_module("kiosk", run_name="__main__")
"""


def _line(lines: list[str], tag: str) -> list[str]:
    return next(line for line in lines if line.startswith(tag)).split()[1:]


def test_left_out_of_start_up_and_loaded_when_a_visitor_and_staff_need_them(
    tmp_path: Path,
) -> None:
    entry = ENTRY.format(deferred=DEFERRED, help=HELP, stdlib=STDLIB_AFTER_PAINT, qt=QT_AFTER_PAINT)
    lines = run_entry(tmp_path, entry).stdout.splitlines()
    assert _line(lines, "AFTER_PAINT") == []
    assert _line(lines, "AT_SHOW") == []
    assert _line(lines, "STDLIB_AT_SHOW") == []
    assert _line(lines, "QT_AT_PAINT") == []
    assert _line(lines, "COLLECTING_AT_SHOW") == ["False"]
    assert _line(lines, "COLLECTING_WHEN_BUILT") == ["True", "True"]
    assert _line(lines, "HELP_AFTER_PAINT") == list(HELP)
    screens = [line.split()[1] for line in lines if line.startswith("SCREEN")]
    assert screens == ["card", "admin"]
    # The visit's counts reached the file, through the sqlite3 loaded for them.
    assert set(_line(lines, "AFTER_VISIT")) >= {"sqlite3"}
    with contextlib.closing(sqlite3.connect(tmp_path / "data" / "stats.sqlite3")) as db:
        counts = dict(db.execute("SELECT counter, count FROM daily").fetchall())
    assert counts.get("visits") == 1 and counts.get("card_views", 0) >= 1


# `python -m kiosk` from a warm content cache, to its first paint; then a leaflet is opened.
# Its home has no settings file (the README's first command).
WARM_START = """
import runpy, sys
import kiosk.hermetic
kiosk.hermetic.prepare()
import kiosk.ui.main_window as main_window

def made():
    # Card is the model's name for the class, wherever it is defined.
    return {module!r} in sys.modules or "Card" in vars(sys.modules["kiosk.content.model"])

def dataclasses_made():
    # Its own fields, not a dataclass's subclass (a leaflet whose cards are decoded later).
    return sorted(
        f"{{name}}.{{key}}"
        for name, module in list(sys.modules.items())
        if name.startswith("kiosk")
        for key, value in vars(module).items()
        if isinstance(value, type) and value.__module__ == name
        and "__dataclass_fields__" in vars(value)
    )

def after_first_paint(self):
    print("DATACLASSES_AT_PAINT", *dataclasses_made(), flush=True)
    print("CARDS_AT_PAINT", made(), flush=True)
    print("TOML_AT_PAINT", "tomllib" in sys.modules, flush=True)
    cards = self.library.leaflets[0].cards
    print("CARDS_WHEN_OPENED", made(), len(cards), type(cards[0]).__name__, flush=True)
    self.allow_close = True
    self.close()
    sys.exit(0)

main_window.KioskWindow._after_first_paint = after_first_paint
sys.argv = ["kiosk"]
runpy.run_module("kiosk", run_name="__main__")
"""


def test_a_start_from_the_cache_makes_the_card_classes_only_when_a_leaflet_opens(
    tmp_path: Path,
) -> None:
    load_library_cached(paths.bundled_content(), tmp_path / "data" / "cache")
    lines = run_entry(tmp_path, WARM_START.format(module=CARD_CLASSES)).stdout.splitlines()
    assert _line(lines, "CARDS_AT_PAINT") == ["False"]
    # No settings file and nothing to parse: the TOML parser is not loaded either.
    assert _line(lines, "TOML_AT_PAINT") == ["False"]
    opened = _line(lines, "CARDS_WHEN_OPENED")
    assert opened[0] == "True" and int(opened[1]) > 10 and opened[2] == "Card", opened
    assert _line(lines, "DATACLASSES_AT_PAINT") == DATACLASSES_AT_PAINT


def test_a_misspelt_setting_still_gets_a_suggestion(tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.toml"
    settings.write_text("[display]\nthme = 'high-contrast'\n", encoding="utf-8")
    _settings, problems = load_settings(settings)
    assert any("did you mean 'display.theme'" in str(p) for p in problems), problems


def test_set_pin_still_asks_at_a_terminal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import getpass

    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return "582039"

    monkeypatch.setattr(getpass, "getpass", fake_getpass)

    class Terminal:
        def isatty(self) -> bool:
            return True

        def readline(self) -> str:
            raise AssertionError("a terminal is asked through getpass")

    config = tmp_path / "kiosk.toml"
    assert pin.set_pin_main(config, stdin=Terminal()) == 0  # type: ignore[arg-type]
    assert len(asked) == 2
    assert "pin_hash" in config.read_text()
