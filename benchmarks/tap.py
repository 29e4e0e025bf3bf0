"""Tap Next to the new card on the X framebuffer (outside-in), 200 taps, median and p99.

The kiosk runs as `python -m kiosk` (fullscreen) on a private Xvfb at 1920x1080. Each tap is an
XTest press and release on the centre of the real Next button; the time runs from the moment
the events are flushed to the X server until the card area of the framebuffer changes (polled
every millisecond). After each tap the benchmark waits for the kiosk to settle before the next.
At the last card it goes Home and Start reading again (those taps are not timed).

--timeline also splits each tap into where its time went (profiling; a few Python calls a tap
in the kiosk, so a little slower): the tap reaching the kiosk's window, the kiosk handling it
until its repaint begins, and the repaint, its flush and the X server until the new card is
on the framebuffer.

Target: p99 <= 16 ms (one 60 Hz frame). Prints JSON; exits 1 when the target is missed.

    .venv/bin/python benchmarks/tap.py --taps 200
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import _geometry, outside
from benchmarks.outside import Launched, Screen

TARGET_P99_MS = 16.0
# A band across the card's title: every card's title differs from the next one's ("Contacts,
# 2 of 3" / "3 of 3"), while the text below may not cross any one column (a contact card's
# box is blank down the middle; at a 75-character measure the text no longer reaches the
# left edge). 340 KB, read in about a millisecond.
STRIP = (100, 165, 1700, 50)  # x, y, width, height
IDLE = "[session]\nidle_timeout = 3600\n"  # no "Are you still there?" during the run


class Driver:
    """Taps real buttons of a kiosk started by `outside.geometry_command`."""

    def __init__(self, screen: Screen, geometry: Path, launched: Launched) -> None:
        self.screen = screen
        self.geometry = geometry
        self.launched = launched
        self.clicks_ns: list[int] = []  # when each timed tap was sent

    def state(self) -> dict[str, Any]:
        try:
            return dict(json.loads(self.geometry.read_text("utf-8")))
        except (OSError, ValueError):
            return {}

    def wait_state(self, check: Any, timeout_s: float = 30) -> dict[str, Any]:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.launched.process.poll() is not None:
                code = self.launched.process.returncode
                raise RuntimeError(f"the kiosk exited with {code}: {self.launched.errors()}")
            state = self.state()
            if state and check(state):
                return state
            time.sleep(0.01)
        raise RuntimeError(f"the kiosk did not reach the expected state; last: {self.state()}")

    def press(self, name: str) -> None:
        x, y = self.state()["buttons"][name]
        self.screen.click(x, y)

    def strip(self) -> bytes:
        return self.screen.grab(*STRIP)

    def timed_press(self, name: str, timeout_s: float = 5, pause_s: float = 0.0) -> float:
        """Milliseconds from the tap reaching the X server to the strip changing: told by
        the X server where it can (damage.py), else polled every millisecond. The tap comes
        `pause_s` after the call; the pause is not counted."""
        time.sleep(pause_s)
        before = self.strip()
        x, y = self.state()["buttons"][name]
        damage = self.screen.damage
        if damage.available():
            damage.drained()  # drawing before the tap is not its answer
            start = time.perf_counter()
            self.clicks_ns.append(time.perf_counter_ns())
            self.screen.click(x, y)
            return damage.wait(lambda: self.strip() != before, start, timeout_s)
        start = time.perf_counter()
        self.clicks_ns.append(time.perf_counter_ns())
        self.screen.click(x, y)
        deadline = start + timeout_s
        while self.strip() == before:
            if time.perf_counter() > deadline:
                raise RuntimeError(f"tapping {name} changed nothing on screen")
            time.sleep(0.001)
        return (time.perf_counter() - start) * 1000


def timeline(
    clicks_ns: list[int], times_ms: list[float], marks: list[tuple[str, int]]
) -> dict[str, Any]:
    """Each tap split at the kiosk's marks (_geometry.watch_timeline): its press and release
    reaching the window, and the first repaint after the release."""
    parts: dict[str, list[float]] = {
        "to_the_kiosk": [],
        "press_to_release": [],
        "release_to_repaint": [],
        "repaint_to_screen": [],
    }
    for click, ms in zip(clicks_ns, times_ms, strict=True):
        seen = click + ms * 1e6
        after = [(kind, at) for kind, at in marks if click <= at <= seen]
        press = next((at for kind, at in after if kind == "press"), None)
        release = next((at for kind, at in after if kind == "release"), None)
        begun = release if release is not None else seen
        paint = next((at for kind, at in after if kind == "paint" and at >= begun), None)
        if press is None or release is None or paint is None:
            continue  # a mark fell outside the tap (the card seen before the repaint began?)
        for name, begin, end in (
            ("to_the_kiosk", click, press),
            ("press_to_release", press, release),
            ("release_to_repaint", release, paint),
            ("repaint_to_screen", paint, seen),
        ):
            parts[name].append(round((end - begin) / 1e6, 3))
    return {
        "taps_split": len(parts["to_the_kiosk"]),
        **{f"{name}_ms": outside.summary(values) for name, values in parts.items() if values},
    }


def start_kiosk(
    display: str, python: str, extra_env: dict[str, str] | None = None
) -> tuple[Launched, Path]:
    home = outside.kiosk_home(IDLE)
    geometry = home / "geometry.json"
    env = {"SEN_KIOSK_HOME": str(home), **(extra_env or {})}
    launched = outside.spawn(outside.geometry_command(geometry, python=python), display, env)
    return launched, geometry


def open_first_card(driver: Driver) -> None:
    driver.wait_state(lambda s: s["screen"] == "attract")
    driver.screen.click(960, 700)  # any touch leaves the attract screen
    driver.wait_state(lambda s: s["screen"] in ("home", "library"))
    if driver.state()["screen"] == "library":
        first = sorted(n for n in driver.state()["buttons"] if n.startswith("leaflet-"))[0]
        driver.press(first)
        driver.wait_state(lambda s: s["screen"] == "home")
    driver.press("startReading")
    driver.wait_state(lambda s: s["screen"] == "card" and s["card_index"] == 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taps", type=int, default=200)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument(
        "--poll",
        action="store_true",
        help="find each new screen by polling the framebuffer, not by the X server's word "
        "(the way before 2026-12-03; for comparison)",
    )
    parser.add_argument(
        "--timeline",
        action="store_true",
        help="also split each tap into where its time went (see above)",
    )
    parser.add_argument(
        "--pause-ms",
        type=float,
        default=0.0,
        help="wait this long after each new card is up before the next tap (default 0: at "
        "once, sooner than any visitor could tap)",
    )
    args = parser.parse_args()
    outside.compile_kiosk(args.python)
    from kiosk import paths
    from kiosk.content import load_library

    cards = len(load_library(paths.bundled_content()).leaflets[0].cards)
    times: list[float] = []
    with outside.xvfb() as display:
        screen = Screen(display)
        if args.poll:
            screen.damage.close()
        seen_by = screen.damage.method()
        blank = screen.rows()
        marks_file = Path(tempfile.mkdtemp(prefix="kiosk-bench-")) / "timeline.json"
        extra = {_geometry.TIMELINE_ENV: str(marks_file)} if args.timeline else None
        launched, geometry = start_kiosk(display, args.python, extra)
        driver: Driver | None = None
        marks: list[tuple[str, int]] = []
        try:
            outside.wait_first_screen(screen, launched, blank)
            driver = Driver(screen, geometry, launched)
            open_first_card(driver)
            while len(times) < args.taps:
                index = driver.state()["card_index"]
                if index >= cards - 1:
                    driver.press("home")
                    driver.wait_state(lambda s: s["screen"] == "home")
                    driver.press("startReading")
                    driver.wait_state(lambda s: s["screen"] == "card" and s["card_index"] == 0)
                    continue
                times.append(driver.timed_press("next", pause_s=args.pause_ms / 1000))
                driver.wait_state(lambda s, i=index: s["card_index"] == i + 1)
        finally:
            outside.stop(launched)
            screen.close()
            shutil.rmtree(geometry.parent, ignore_errors=True)  # the kiosk's home
            if marks_file.exists():
                marks = [(kind, at) for kind, at in json.loads(marks_file.read_text("utf-8"))]
            shutil.rmtree(marks_file.parent, ignore_errors=True)
    stats = outside.summary(times)
    result = {
        "benchmark": "tap Next to new card on the X framebuffer (XTest, Xvfb 1920x1080)",
        "taps": len(times),
        "ms": stats,
        "new_card_seen_by": seen_by,
        "pause_before_each_tap_ms": args.pause_ms,
        "target_p99_ms": TARGET_P99_MS,
    }
    if args.timeline and driver is not None:
        result["timeline"] = timeline(driver.clicks_ns, times, marks)
    misses = [] if stats["p99"] <= TARGET_P99_MS else [f"p99 {stats['p99']} ms > {TARGET_P99_MS}"]
    return outside.finish(result, misses)


if __name__ == "__main__":
    raise SystemExit(main())
