"""The scale benchmark's --check-content figures measure what they say: cold lays out every
card (in two processes), warm none, and after editing one leaflet only that leaflet's cards."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from benchmarks import scale
from benchmarks.scale import _multiple, check_content_round, generate
from kiosk.content import load_library


@pytest.mark.slow
def test_cold_warm_and_edited_checks_measure_what_they_say(tmp_path: Path) -> None:
    content = generate(tmp_path, 7)  # 224 cards: a first check in two processes
    cards = [len(leaflet.cards) for leaflet in load_library(content).leaflets]
    found = check_content_round(sys.executable, content, "edit 1")
    assert (found["cold"]["measured"], found["cold"]["cached"]) == (2 * sum(cards), 0)
    assert (found["warm"]["measured"], found["warm"]["cached"]) == (0, 2 * sum(cards))
    assert [found[kind]["processes"] for kind in ("cold", "warm", "edited")] == [2, 1, 2]
    # The middle leaflet was retitled: its cards, and only its, at both screens.
    middle = len(cards) // 2
    assert found["edited"]["measured"] == 2 * cards[middle]
    assert found["edited"]["cached"] == 2 * (sum(cards) - cards[middle])
    titles = [leaflet.title for leaflet in load_library(content).leaflets]
    assert titles[middle].endswith("(edit 1)")
    assert not any(t.endswith(")") for i, t in enumerate(titles) if i != middle)


def test_growth_is_a_multiple_of_the_one_leaflet_figure() -> None:
    one = {"start_ms_median": 800.0, "home_tap_ms": {"p99": 10.0, "median": 5.0}}
    fifty = {"start_ms_median": 920.0, "home_tap_ms": {"p99": 15.0, "median": 9.0}}
    assert _multiple(fifty, one, "start_ms_median") == 1.15
    assert _multiple(fifty, one, "home_tap_ms") == 1.5  # p99


class _Frames:
    """A framebuffer that shows each of `frames` for one read of its rows."""

    def __init__(self, frames: list[bytes]) -> None:
        self.frames = frames
        self.reads = 0

    def rows(self, ys: object, x: int = 0, width: int = 0) -> bytes:
        frame = self.frames[min(self.reads, len(self.frames) - 1)]
        self.reads += 1
        return frame


def test_a_tap_is_timed_to_its_new_screen_not_to_the_pressed_button() -> None:
    width, height = 4, 192  # 8 sampled rows of 4 pixels (every 24th row)
    sampled = [bytes(width * 4)] * 8
    old = b"".join(sampled)
    pressed = [b"\x01" * width * 4, *sampled[1:]]  # one row of eight: the button's own look
    new = [b"\x02" * width * 4] * 8
    screen = _Frames([b"".join(sampled), b"".join(pressed), b"".join(pressed), b"".join(new)])
    scale._until_changed(screen, (0, 0, width, height), old, time.perf_counter())  # type: ignore[arg-type]
    assert screen.reads == 4


class _Tapped:
    """A framebuffer with no DAMAGE whose rows change once it is clicked."""

    class _NoDamage:
        def available(self) -> bool:
            return False

    def __init__(self) -> None:
        self.damage = self._NoDamage()
        self.clicked_at: float | None = None

    def grab(self, *_area: int, step: int = 1) -> bytes:
        return self.rows(None)

    def rows(self, ys: object, x: int = 0, width: int = scale.outside.WIDTH) -> bytes:
        _x, top, _width, height = scale.FULL
        rows = len(range(top, top + height, scale.ROW_STEP)) if ys is None else len(ys)  # type: ignore[arg-type]
        fill = b"\x00" if self.clicked_at is None else b"\x01"
        return fill * (width * 4 * rows)

    def click(self, x: int, y: int) -> None:
        self.clicked_at = time.perf_counter()


def test_a_pause_before_a_tap_is_not_counted_in_its_time() -> None:
    screen = _Tapped()
    asked = time.perf_counter()
    took_ms = scale._tap(screen, (10, 10), pause_s=0.2)  # type: ignore[arg-type]
    assert screen.clicked_at is not None and screen.clicked_at - asked >= 0.2
    assert took_ms < 100
