"""Random-input soak (issue 14): the real kiosk under Xvfb takes random taps, drags and keys,
with the real speech engine and a recording stand-in for aplay. After every 500 events: the
event loop still answers (a fresh systemd watchdog ping, sent from the GUI thread), nothing was
logged as an exception, and memory has not grown by more than 5 MB since the end of a warm-up.

The warm-up fills what the kiosk builds once and keeps: the lazily made screens, and Qt's font
and glyph caches for the text sizes, fonts and themes a visitor picks, which Qt bounds by its
own limits. It starts with a tour of every look (tests/helpers/look_tour.py: each text size in
both fonts with and without wider spacing, each theme, reduced motion, a few cards and home in
each), then 1,500 random events. Measured with heaptrack on this event mix, the live heap
grew 6.2 MB from event 500 to 1,500 and then shrank by 0.8 MB to event 4,500: growth after the
warm-up would be a leak, growth in it is not. 5,000 events follow it. Before each reading the soak
pauses as a visitor would, so the kiosk can give freed pages back (kiosk/memory.py QuietTrim):
the reading is then what the kiosk holds, not what glibc keeps for reuse.

The seed is fixed (SOAK_SEED to change it) and is in every failure message; SOAK_EVENTS sets
the number of events after the warm-up. Events go in bursts of 25 (20 ms apart); each burst
waits for the kiosk to answer before the next. Figures are printed for the issue's closing note.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import procs
from tests.helpers.look_tour import look_tour
from tests.helpers.real_kiosk import (
    REAL_KIOSK_MARKS,
    Display,
    RealKiosk,
    RecordingPlayer,
    private_tmp,
    write_settings,
    xdotool,
)

pytestmark = REAL_KIOSK_MARKS

SEED = int(os.environ.get("SOAK_SEED", "20261130"))
EVENTS = int(os.environ.get("SOAK_EVENTS", "5000"))
WARMUP = 1500
CHECK_EVERY = 500
QUIET_S = 2.5  # longer than QuietTrim's 2 s: a visitor's pause, after which the kiosk trims
BATCH = 25
MAX_GROWTH_KIB = 5 * 1024
WIDTH, HEIGHT = 1920, 1080
KEYS = [
    "Tab",
    "shift+Tab",
    "Return",
    "space",
    "Escape",
    "Left",
    "Right",
    "Up",
    "Down",
    "Home",
    "End",
    "Prior",
    "Next",
    "BackSpace",
    "Delete",
    "F1",
    "F4",
    "F5",
    "F10",
    "F11",
    "alt+F4",
    "ctrl+w",
    "ctrl+q",
    "alt+Tab",
    "super",
    "ctrl+alt+BackSpace",
    "ctrl+plus",
    "ctrl+minus",
    "ctrl+c",
    "ctrl+z",
    "alt+space",
    "Menu",
    "a",
    "h",
    "l",
    "r",
    "s",
    "1",
    "5",
    "9",
    "0",
    "question",
]


def random_events(rng: random.Random, count: int) -> list[list[str]]:
    """xdotool words for `count` events: 50% taps, 20% drags, 30% keys, 20 ms apart."""
    events: list[list[str]] = []
    for _ in range(count):
        roll = rng.random()
        x, y = rng.randrange(WIDTH), rng.randrange(HEIGHT)
        if roll < 0.05:  # corners, where the staff gesture lives
            x, y = rng.choice([(2, 2), (WIDTH - 3, 2), (2, HEIGHT - 3), (WIDTH - 3, HEIGHT - 3)])
        if roll < 0.5:
            words = ["mousemove", str(x), str(y), "click", "1"]
        elif roll < 0.7:
            x2, y2 = rng.randrange(WIDTH), rng.randrange(HEIGHT)
            words = ["mousemove", str(x), str(y), "mousedown", "1", "mousemove", str(x2), str(y2)]
            words += ["mouseup", "1"]
        else:
            words = ["key", rng.choice(KEYS)]
        events.append([*words, "sleep", "0.02"])
    return events


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    yield from private_tmp()


@pytest.fixture
def display() -> Iterator[Display]:
    made = Display(f"{WIDTH}x{HEIGHT}")
    yield made
    made.close()


def test_random_input_soak(qapp, display: Display, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(SEED)
    tour = look_tour(tmp_path / "twin", (WIDTH, HEIGHT))
    home = tmp_path / "home"
    write_settings(home)
    player = RecordingPlayer(tmp_path)
    # Pings every 0.25 s: the tour waits for the kiosk to take each tap before the next.
    kiosk = RealKiosk(tmp_path, display, home, player, watchdog_sec=0.5)
    where = f"(seed {SEED}; rerun with SOAK_SEED={SEED})"
    figures: list[str] = []
    try:
        kiosk.wait_ready()
        started = time.monotonic()
        rss_start = kiosk.rss_kib()
        for tap in tour:
            xdotool(display, *tap.xdotool())
            # Where the next control stands depends on this tap's look being in place.
            assert kiosk.answers(60), f"stuck in the look tour at {tap.what}\n{kiosk.stack()}"
        figures.append(f"tour ({len(tour)} taps): {kiosk.rss_kib() / 1024:.1f} MB")
        rss_base: int | None = None
        grew = 0
        sent = 0
        while sent < WARMUP + EVENTS:
            for _ in range(CHECK_EVERY // BATCH):
                words = [w for event in random_events(rng, BATCH) for w in event]
                xdotool(display, *words)
                sent += BATCH
                # Paced like a (very fast) visitor: the next burst waits until the kiosk has
                # caught up, so a backlog of thousands of queued clicks cannot build up.
                assert kiosk.answers(60), f"stuck for a minute after {sent} events {where}; " + (
                    f"stack:\n{kiosk.stack()}" if kiosk.alive() else f"it died:\n{kiosk.text()}"
                )
            assert kiosk.alive(), f"the kiosk exited after {sent} events {where}\n{kiosk.text()}"
            assert kiosk.answers(), f"event loop stuck after {sent} events {where}\n{kiosk.stack()}"
            log = kiosk.log()
            for bad in ("Traceback", "CRITICAL", "uncaught exception"):
                assert bad not in log, f"{bad} in the log after {sent} events {where}\n{log}"
            # A real-time pause in another process: nothing here to wait on but the clock.
            time.sleep(QUIET_S)
            rss = kiosk.rss_kib()
            figures.append(f"{sent}: {rss / 1024:.1f} MB")
            if sent < WARMUP:
                continue
            if rss_base is None:
                rss_base = rss
            grew = max(grew, rss - rss_base)
        seconds = time.monotonic() - started
        children = [procs.cmdline(p).split()[0] for p in kiosk.children()]
        rss_end = kiosk.rss_kib()
        print(
            f"\nsoak: {sent} events in {seconds:.0f} s {where}; RSS {rss_start / 1024:.1f} MB "
            f"after the first paint, {(rss_base or 0) / 1024:.1f} MB after the warm-up, "
            f"{rss_end / 1024:.1f} MB at the end; {player.played()} sentences played; "
            f"children now: {children}; checkpoints: {', '.join(figures)}"
        )
        assert player.uname_calls() == [], "the kiosk ran uname"
        assert kiosk.stop() == 0, kiosk.text()
        assert "Traceback" not in kiosk.text(), kiosk.text()
        # A hard limit now that the warm-up visits every look first: this seed's readings
        # used to rise 2 to 5 MB from event 4,500, where the monkey spends its taps in Text
        # and colours and fills Qt's font and glyph caches for looks not seen before.
        assert grew <= MAX_GROWTH_KIB, (
            f"RSS grew {grew / 1024:.1f} MB after the warm-up (limit 5 MB) {where}: {figures}"
        )
    finally:
        kiosk.kill()  # also closes its socket and log file when the kiosk died by itself
