"""Memory of the whole process tree 5 s after the first screen (outside-in).

The kiosk runs as `python -m kiosk` (fullscreen, speech engine started after the first paint)
on a private Xvfb at 1920x1080; 5 s after its first screen is on the framebuffer, RSS and PSS
of every process in its tree are read from /proc and summed. The minimal PySide6 probe (the
same first-screen widgets, see launch.py) is measured the same way, interleaved, for scale.

Targets: RSS summed over the tree <= 110 MiB with speech ready; the kiosk process itself
<= 90 MiB. Prints JSON (medians over the runs, and each run's processes); exits 1 on a miss.
`x_shared_mib` is the part of each RSS that is the window's image shared with the X server
(the probe has the same): some X servers share it and some runs count it, so it says how
much of a difference between two runs is only that.

    .venv/bin/python benchmarks/memory.py --runs 3
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import outside
from benchmarks.launch import write_probe
from benchmarks.outside import Screen

TARGET_TREE_MIB = 110.0
TARGET_KIOSK_MIB = 90.0
AFTER_PAINT_S = 5.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument(
        "--compare",
        type=Path,
        action="append",
        default=[],
        help="another checkout of the kiosk to run as an extra arm (before/after, interleaved)",
    )
    args = parser.parse_args()
    outside.compile_kiosk(args.python)
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    probe = write_probe(work)
    home = outside.kiosk_home()
    runs: dict[str, list[dict[str, Any]]] = {"kiosk": [], "probe": []}
    others = {f"kiosk@{other.name}": other for other in args.compare}
    for name, other in others.items():
        outside.compile_kiosk(args.python, other)
        runs[name] = []
    with outside.xvfb() as display:
        screen = Screen(display)
        blank = screen.rows()
        for run in range(args.runs + 1):  # the first run warms the disk and content caches
            for arm in runs:
                command = (
                    [args.python, str(probe)]
                    if arm == "probe"
                    else outside.kiosk_command(python=args.python)
                )
                launched = outside.spawn(
                    command, display, {"SEN_KIOSK_HOME": str(home)}, cwd=others.get(arm)
                )
                try:
                    outside.wait_first_screen(screen, launched, blank, settle_ms=300)
                    painted = launched.started + launched.screen_ms / 1000
                    time.sleep(max(0.0, painted + AFTER_PAINT_S - time.monotonic()))
                    measured = outside.memory(launched.process.pid)
                finally:
                    outside.stop(launched)
                    outside.wait_until(lambda: screen.rows() == blank, timeout_s=20)
                if run:
                    runs[arm].append(measured)
        screen.close()
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)

    def median(arm: str, pick: Any) -> float:
        return round(statistics.median(pick(m) for m in runs[arm]), 1)

    kiosk_tree = median("kiosk", lambda m: m["rss_mib_total"])
    kiosk_alone = median("kiosk", lambda m: m["processes"][0]["rss_mib"])
    result = {
        "benchmark": "memory of the process tree 5 s after the first screen (Xvfb 1920x1080)",
        "runs": args.runs,
        "kiosk": {
            "rss_mib_tree": kiosk_tree,
            "pss_mib_tree": median("kiosk", lambda m: m["pss_mib_total"]),
            "rss_mib_kiosk_process": kiosk_alone,
            "x_shared_mib_tree": median("kiosk", lambda m: m["x_shared_mib_total"]),
            "processes": median("kiosk", lambda m: len(m["processes"])),
            "last_run": runs["kiosk"][-1]["processes"],
        },
        "probe": {
            "rss_mib_tree": median("probe", lambda m: m["rss_mib_total"]),
            "pss_mib_tree": median("probe", lambda m: m["pss_mib_total"]),
            "x_shared_mib_tree": median("probe", lambda m: m["x_shared_mib_total"]),
        },
        "targets": {"rss_mib_tree": TARGET_TREE_MIB, "rss_mib_kiosk_process": TARGET_KIOSK_MIB},
    }
    for name in others:
        result[name] = {
            "rss_mib_tree": median(name, lambda m: m["rss_mib_total"]),
            "pss_mib_tree": median(name, lambda m: m["pss_mib_total"]),
            "rss_mib_kiosk_process": median(name, lambda m: m["processes"][0]["rss_mib"]),
            "last_run": runs[name][-1]["processes"],
        }
    misses = []
    if kiosk_tree > TARGET_TREE_MIB:
        misses.append(f"tree RSS {kiosk_tree} MiB > {TARGET_TREE_MIB}")
    if kiosk_alone > TARGET_KIOSK_MIB:
        misses.append(f"kiosk process RSS {kiosk_alone} MiB > {TARGET_KIOSK_MIB}")
    return outside.finish(result, misses)


if __name__ == "__main__":
    raise SystemExit(main())
