"""The outside-in benchmarks run, print their figures as JSON and exit 1 on a missed target.

The slow ones start Xvfb and the real kiosk with tiny counts: they prove the measuring works
(a first screen seen on the framebuffer, taps that change it, a process tree with memory and
CPU), not the figures, which depend on the machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks import outside
from benchmarks.scale import CARDS_PER_LEAFLET, generate
from benchmarks.tap import timeline
from kiosk.content import load_library

ROOT = Path(__file__).resolve().parents[2]
needs_x = pytest.mark.skipif(
    not (shutil.which("Xvfb") and Path("/usr/lib/x86_64-linux-gnu/libXtst.so.6").exists()),
    reason="needs Xvfb and libXtst",
)


def run(script: str, *args: str, scratch: Path) -> tuple[int, dict[str, object]]:
    """Run a benchmark with `scratch` as its temporary folder, which it must leave empty."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    assert done.returncode in (0, 1), done.stderr[-3000:]
    assert sorted(p.name for p in scratch.iterdir()) == []
    result = json.loads(done.stdout)
    assert result["ok"] is (done.returncode == 0)
    assert bool(result["missed"]) is (done.returncode == 1)
    return done.returncode, result


def test_finish_exits_1_only_when_a_target_is_missed(capsys: pytest.CaptureFixture[str]) -> None:
    assert outside.finish({"x": 1}, []) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert outside.finish({"x": 1}, ["x too big"]) == 1
    printed = capsys.readouterr()
    assert json.loads(printed.out)["missed"] == ["x too big"]
    assert "MISSED: x too big" in printed.err


def test_summary_gives_median_and_p99() -> None:
    figures = outside.summary([float(v) for v in range(1, 101)])
    assert figures["median"] == 50.5 and figures["p99"] == 100 and figures["n"] == 100


def test_each_arm_takes_each_place_in_a_round_equally() -> None:
    names = ["kiosk", "probe", "chromium-reused", "frozen"]
    rounds = [outside.rotated(names, turn) for turn in range(8)]
    assert all(sorted(order) == sorted(names) for order in rounds)
    for place in range(len(names)):
        column = [order[place] for order in rounds]
        assert all(column.count(name) == 2 for name in names)
    # After which arm each one runs: never always the same one.
    for name in names:
        before = {order[order.index(name) - 1] for order in rounds if order.index(name)}
        assert len(before) > 1


def test_stop_returns_once_the_whole_group_has_gone(tmp_path: Path) -> None:
    """A member that takes its time over SIGTERM (as a renderer or a speech engine may) is
    waited for: the next arm must not start beside it."""
    mark = tmp_path / "member-done"
    script = (
        f"(trap 'sleep 0.4; touch {mark}; exit 0' TERM; while :; do sleep 0.02; done) & "
        "exec sleep 30"
    )
    launched = outside.spawn(["bash", "-c", script], ":0")
    time.sleep(0.3)  # the member has set its trap
    outside.stop(launched)
    assert mark.exists(), "stop returned while a member of the group was still running"
    with pytest.raises(ProcessLookupError):
        os.killpg(launched.process.pid, 0)


def test_generated_library_has_unique_ids_and_30_cards_per_leaflet(tmp_path: Path) -> None:
    library = load_library(generate(tmp_path, 3))
    assert len(library.leaflets) == 3
    assert len({leaflet.id for leaflet in library.leaflets}) == 3
    assert all(len(leaflet.cards) >= CARDS_PER_LEAFLET for leaflet in library.leaflets)
    ids = [card.id for leaflet in library.leaflets for card in leaflet.cards]
    assert len(ids) == len(set(ids))


@pytest.mark.slow
@needs_x
def test_launch_sees_the_kiosk_and_the_probe_on_the_framebuffer(tmp_path: Path) -> None:
    _, result = run("launch.py", "--runs", "1", "--arms", "kiosk,probe", scratch=tmp_path)
    ms = result["ms"]
    assert isinstance(ms, dict)
    assert ms["kiosk"]["n"] == 1 and ms["kiosk"]["median"] > 0
    assert ms["probe"]["n"] == 1 and ms["probe"]["median"] > 0
    assert "kiosk/probe" in result["ratios_of_medians"]  # type: ignore[operator]


@pytest.mark.slow
@needs_x
@pytest.mark.parametrize(
    ("flags", "seen_by"),
    [
        ((), "X DAMAGE events, then one read"),
        (("--poll",), "polling every 1 ms"),
        (("--pause-ms", "40"), "X DAMAGE events, then one read"),
        (("--timeline",), "X DAMAGE events, then one read"),
    ],
)
def test_tap_changes_the_card_on_the_framebuffer(
    flags: tuple[str, ...], seen_by: str, tmp_path: Path
) -> None:
    _, result = run("tap.py", "--taps", "5", *flags, scratch=tmp_path)
    assert result["taps"] == 5
    assert result["ms"]["median"] > 0  # type: ignore[index]
    assert result["new_card_seen_by"] == seen_by
    assert result["pause_before_each_tap_ms"] == (40 if "--pause-ms" in flags else 0)
    if "--timeline" in flags:
        split = result["timeline"]
        assert split["taps_split"] == 5  # type: ignore[index]
        for part in ("to_the_kiosk", "press_to_release", "release_to_repaint"):
            assert split[f"{part}_ms"]["median"] > 0  # type: ignore[index]
        # The repaint starts inside the tap, so the split never exceeds the whole.
        assert split["repaint_to_screen_ms"]["max"] < result["ms"]["max"]  # type: ignore[index]
    else:
        assert "timeline" not in result


def test_timeline_splits_each_tap_at_the_kiosks_marks() -> None:
    ms = 1_000_000
    clicks = [10 * ms, 100 * ms]
    marks = [
        ("paint", 5 * ms),  # before the first tap: not its repaint
        ("press", 11 * ms),
        ("release", 12 * ms),
        ("paint", 15 * ms),
        ("paint", 16 * ms),
        ("press", 102 * ms),
        ("release", 103 * ms),
        ("paint", 104 * ms),
    ]
    split = timeline(clicks, [8.0, 6.0], marks)
    assert split["taps_split"] == 2
    assert split["to_the_kiosk_ms"]["median"] == 1.5
    assert split["to_the_kiosk_ms"]["min"] == 1.0
    assert split["release_to_repaint_ms"]["max"] == 3.0
    assert split["repaint_to_screen_ms"]["min"] == 2.0  # 106 - 104
    # A tap whose repaint began after the card was seen (it cannot be split) is left out.
    assert timeline([10 * ms], [4.0], marks)["taps_split"] == 0


@pytest.mark.slow
@needs_x
def test_memory_sums_the_kiosk_process_tree(tmp_path: Path) -> None:
    _, result = run("memory.py", "--runs", "1", scratch=tmp_path)
    kiosk = result["kiosk"]
    assert isinstance(kiosk, dict)
    assert kiosk["rss_mib_kiosk_process"] > 20
    assert kiosk["rss_mib_tree"] >= kiosk["rss_mib_kiosk_process"]


@pytest.mark.slow
@needs_x
def test_idle_cpu_measures_attract_and_home(tmp_path: Path) -> None:
    _, result = run("idle_cpu.py", "--duration", "3", scratch=tmp_path)
    assert set(result) >= {"attract", "home"}
    assert result["attract"]["cpu_percent"] >= 0  # type: ignore[index]


@pytest.mark.slow
@needs_x
def test_shared_memory_reads_give_the_same_pixels_as_xgetimage() -> None:
    """The benchmarks read the framebuffer through MIT-SHM (cheap enough to poll every
    millisecond beside the kiosk); the pixels must be exactly what XGetImage returns."""
    picture = (
        "from PySide6.QtWidgets import QApplication, QLabel; app = QApplication([]); "
        "label = QLabel('<h1 style=\"color:#c03\">Ab 12</h1>'); "
        "label.setGeometry(50, 60, 400, 300); label.show(); app.exec()"
    )
    with outside.xvfb() as display:
        screen = outside.Screen(display)
        blank = screen.rows()
        shown = outside.spawn([sys.executable, "-c", picture], display)
        try:
            outside.wait_until(lambda: screen.grab(0, 0, 500, 400) != screen.grab(600, 0, 500, 400))
            outside.wait_until(lambda: screen.rows() != blank)
            assert screen._shm is not None and screen._shm, "MIT-SHM was not used"
            through_shm = [
                screen.grab(0, 0, 500, 400),
                screen.grab(40, 70, 123, 45),
                screen.rows(),
                screen.grab(0, 0, 500, 400, step=24),
            ]
            images, screen._shm = screen._shm, None  # from here on: plain XGetImage
            plain = [
                screen.grab(0, 0, 500, 400),
                screen.grab(40, 70, 123, 45),
                screen.rows(),
                screen.grab(0, 0, 500, 400, step=24),
            ]
            screen._shm = images  # closed with the screen
        finally:
            outside.stop(shown)
            screen.close()
    assert through_shm == plain
    every_24th = b"".join(plain[0][r * 2000 : (r + 1) * 2000] for r in range(0, 400, 24))
    assert plain[3] == every_24th and len(every_24th) == 17 * 2000


# Shows its label, then on the first tap (a mouse press) paints a blue square where the tap
# was, and 150 ms later fills the window red: a small drawing, then the "new screen".
LATE_SCREEN = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
window = QWidget()
window.setGeometry(0, 0, 400, 300)
window.setStyleSheet("background: white")
square = QWidget(window)
square.setGeometry(10, 10, 20, 20)
square.hide()
def pressed(event):
    print(f"pressed {time.perf_counter()}", flush=True)
    square.setStyleSheet("background: blue")
    square.show()
    QTimer.singleShot(150, lambda: window.setStyleSheet("background: red"))
window.mousePressEvent = pressed
window.show()
app.exec()
"""


@pytest.mark.slow
@needs_x
def test_damage_tells_when_the_new_screen_was_drawn_not_the_first_drawing() -> None:
    """A tap's time is taken from the X server's word that something was drawn (DAMAGE),
    checked by a read: the small drawing a tap makes first does not end it."""
    with outside.xvfb() as display:
        screen = outside.Screen(display)
        assert screen.damage.available(), "Xvfb has DAMAGE; the benchmarks rely on it"
        blank = screen.rows()
        shown = outside.spawn([sys.executable, "-c", LATE_SCREEN], display)
        try:
            outside.wait_until(lambda: screen.rows() != blank)
            before = screen.grab(0, 0, 400, 300)
            screen.damage.drained()
            start = time.perf_counter()
            screen.click(200, 150)
            checks: list[bool] = []

            def all_red() -> bool:
                checks.append(screen.grab(0, 0, 400, 300) != before)
                return screen.grab(200, 150, 1, 1)[:3] == b"\x00\x00\xff"  # BGRx: red

            took = screen.damage.wait(all_red, start, timeout_s=10)
        finally:
            outside.stop(shown)
            screen.close()
    assert checks[0], "the first drawing told was the blue square (a change, not the end)"
    assert len(checks) >= 2
    # Qt's coarse timers may fire up to 5% early: 150 ms can be 142.5. The square came at once.
    assert 140 <= took < 1500


SMAPS = """\
7f00a0000000-7f00a07e9000 rw-s 00000000 00:01 1234                       /memfd:xorg (deleted)
Size:               8100 kB
Rss:                8100 kB
Pss:                4050 kB
7f00b0000000-7f00b0100000 rw-p 00000000 00:00 0
Size:               1024 kB
Rss:                 900 kB
7f00c0000000-7f00c0400000 rw-s 00000000 00:01 98                         /SYSV00000000 (deleted)
Size:               4096 kB
Rss:                2000 kB
7f00d0000000-7f00d0100000 r--p 00000000 08:01 77                         /usr/lib/libQt6Gui.so.6
Rss:                 500 kB
"""


def test_the_x_servers_shared_image_is_told_apart_from_the_rest() -> None:
    # The memfd the server made and a System V segment; not anonymous memory, not a library.
    assert outside.x_shared_kib(SMAPS) == 8100 + 2000
    assert outside.x_shared_kib("") == 0
