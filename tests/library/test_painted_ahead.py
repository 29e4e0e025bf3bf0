"""The screens a visitor may tap to next are painted once ahead, off screen, so the tap that
first shows one finds its style-sheet looks, shaped words and scaled icons ready: before, the
first paint of the chooser, of a leaflet's home or of a new leaflet's first card worked all of
that out between the tap and its frame (a few milliseconds of each first tap).

Through the wired kiosk window on a three-leaflet library (offscreen): what received a paint
event before it was ever on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Kiosk
from kiosk.content import Library
from kiosk.ui.theme import Fonts
from tests.helpers.event_counts import EventCounts, application_events
from tests.library._kiosk import library_kiosk


@pytest.fixture
def events() -> Iterator[EventCounts]:
    with application_events() as counts:
        yield counts


@pytest.fixture
def kiosk(
    qtbot: QtBot, three: Library, fonts: Fonts, tmp_path: Path, events: EventCounts
) -> Iterator[Kiosk]:
    # Asks for the paint log, so it is in place before the window is made and sees the work
    # ahead.
    yield from library_kiosk(qtbot, three, fonts, tmp_path)


def _unpainted(widgets: list[QWidget], events: EventCounts) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in widgets if w not in events.painted]


def test_chooser_and_homes_are_painted_before_shown(
    qtbot: QtBot, kiosk: Kiosk, events: EventCounts
) -> None:
    window = kiosk.window
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    chooser = window.library_screen
    assert chooser is not None and not chooser.isVisible() and not window.home.isVisible()
    in_view = [chooser.tiles[i] for i in chooser.shown_indexes()]
    assert in_view
    made = window.made_homes()
    # Each leaflet in view has its home made ahead (the first one's is the window's own).
    assert all(made.made(i) for i in chooser.shown_indexes())
    homes = [made.get(i, "en") for i in chooser.shown_indexes()]
    ahead = [*in_view, *homes, *(h.start for h in homes), window.cards.next]
    assert not _unpainted(ahead, events)


def test_a_new_first_card_is_painted_before_shown(
    qtbot: QtBot, kiosk: Kiosk, events: EventCounts
) -> None:
    window = kiosk.window
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    window.leave_attract()
    assert window.library_screen is not None
    window.library_screen.tiles[1].click()
    # Made and painted just after the new home is on screen, without waiting for a pause.
    qtbot.waitUntil(lambda: 0 in window.cards.views, timeout=5_000)
    first = window.cards.views[0]
    assert not window.cards.isVisible()
    assert not _unpainted([first, first.viewport()], events)


def test_no_idle_turn_both_lays_out_and_paints_a_page(
    qtbot: QtBot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A visitor's tap waits for the turn in progress: laying out and painting a page in one
    # turn was 15-20 ms of waiting; each is a turn of its own.
    from kiosk.ui import work_ahead

    window = kiosk.window
    turns: list[list[str]] = []
    idle = window.work_ahead._turns
    real_step = idle._step
    real_lay_out, real_paint = work_ahead.lay_out_hidden, work_ahead.paint_ahead

    def step() -> bool:
        turns.append([])
        try:
            return real_step()
        finally:
            turns.append([])  # what happens between turns is not a turn's

    def lay_out(widget: QWidget, size: object) -> None:
        if turns:
            turns[-1].append("laid out")
        real_lay_out(widget, size)  # type: ignore[arg-type]

    def paint(widget: QWidget) -> None:
        if turns:
            turns[-1].append("painted")
        real_paint(widget)

    monkeypatch.setattr(idle, "_step", step)
    monkeypatch.setattr(work_ahead, "lay_out_hidden", lay_out)
    monkeypatch.setattr(work_ahead, "paint_ahead", paint)
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    assert any("painted" in turn for turn in turns) and any("laid out" in t for t in turns)
    assert [turn for turn in turns if "painted" in turn and "laid out" in turn] == []
