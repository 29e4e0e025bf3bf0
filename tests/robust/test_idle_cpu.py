"""The real kiosk, left alone under Xvfb, uses next to no CPU: it stands switched on all day.

`python -m kiosk` with real speech; its process tree's CPU time is read from /proc over a few
seconds on the attract screen (whose title drifts), then after one tap, on home. The 5-minute
figure (target 0.5% of a core on the attract screen) is `benchmarks/idle_cpu.py`; this test
catches a kiosk that keeps itself busy, as one whose top bar answered its own layout
requests did: a whole core, from the first screen on.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import procs
from tests.helpers.real_kiosk import (
    REAL_KIOSK_MARKS,
    Display,
    RealKiosk,
    RecordingPlayer,
    wait_until,
    write_settings,
    xdotool,
)

pytestmark = REAL_KIOSK_MARKS
WATCH_S = 5.0
MOST = 0.05  # of one core; the kiosk takes about 0.005 here, a busy loop 1.0


@pytest.fixture
def display() -> Iterator[Display]:
    made = Display("1920x1080")
    yield made
    made.close()


def _cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone since it was listed
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / os.sysconf("SC_CLK_TCK")


def _share_of_a_core(kiosk: RealKiosk) -> float:
    pids = [kiosk.pid, *procs.descendants(kiosk.pid)]
    before, start = _cpu_seconds(pids), time.monotonic()
    time.sleep(WATCH_S)  # the kiosk's own event loop runs meanwhile: this process only watches
    return (_cpu_seconds(pids) - before) / (time.monotonic() - start)


def test_the_kiosk_left_alone_uses_next_to_no_cpu(display: Display, tmp_path: Path) -> None:
    home = tmp_path / "home"
    write_settings(home, "[session]\nidle_timeout = 600\n")
    player = RecordingPlayer(tmp_path / "player")
    kiosk = RealKiosk(tmp_path, display, home, player)
    try:
        kiosk.wait_ready()
        assert kiosk.answers()
        time.sleep(2)  # the screens made just after the first paint
        attract = _share_of_a_core(kiosk)
        xdotool(display, "mousemove", "960", "700", "click", "1")
        assert wait_until(kiosk.answers)
        time.sleep(2)  # the home's own making and the trim after the tap
        home_screen = _share_of_a_core(kiosk)
        assert attract <= MOST and home_screen <= MOST, (
            f"CPU left alone: attract {attract:.1%}, home {home_screen:.1%} of a core "
            f"(at most {MOST:.0%})\nlog:\n{kiosk.log()[-2000:]}"
        )
    finally:
        assert kiosk.stop() == 0
