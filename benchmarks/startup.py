"""Start-up benchmark, in-process, for profiling: process start to first paint (see launch.py
for what a visitor sees).

Runs the kiosk N times with --quit-after-paint (it quits itself right after its first paint)
and reports, as JSON, the in-app first-paint time measured from just before the process was
spawned, the whole process wall time, and max RSS. Offscreen by default; pass --xvfb to run
under a real X server (needs xvfb-run).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


# The floor on this machine, measured in the same run: an empty PySide6 window that paints
# once. The kiosk's own cost is the difference.
BASELINE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("baseline")
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            start = int(os.environ["KIOSK_T0_NS"])
            print(f"first_paint_ms={(time.time_ns() - start) / 1e6:.1f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
label.installEventFilter(watch)
label.resize(1920, 1080)
label.show()
app.exec()
"""


def one_run(xvfb: bool, baseline: bool = False) -> tuple[float, float, float]:
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "kiosk", "--quit-after-paint"]
    if baseline:
        cmd = [sys.executable, "-c", BASELINE]
    if xvfb:
        cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", *cmd]
        env.pop("QT_QPA_PLATFORM", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env["KIOSK_T0_NS"] = str(time.time_ns())
    start = time.perf_counter()
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=True).stdout
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    found = re.search(r"first_paint_ms=([\d.]+)", out)
    if not found:
        raise SystemExit(f"no first paint reported: {out!r}")
    rss_mib = max(after.ru_maxrss, before.ru_maxrss) / 1024
    return float(found.group(1)), wall, rss_mib


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--xvfb", action="store_true")
    args = parser.parse_args()
    # An installed kiosk runs from bytecode (pip and PyInstaller compile it); a checkout in an
    # environment with PYTHONDONTWRITEBYTECODE would otherwise recompile every module each run.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kiosk")], check=True)
    one_run(args.xvfb)  # warm the disk cache and the kiosk's content cache
    one_run(args.xvfb, baseline=True)
    runs, floor = [], []
    for _ in range(args.runs):  # interleaved, so both see the same machine load
        runs.append(one_run(args.xvfb))
        floor.append(one_run(args.xvfb, baseline=True)[0])
    paint = [r[0] for r in runs]
    wall = [r[1] for r in runs]
    result = {
        "benchmark": "startup",
        "platform": "xvfb" if args.xvfb else "offscreen",
        "runs": args.runs,
        "first_paint_ms_median": round(statistics.median(paint), 1),
        "first_paint_ms_min": round(min(paint), 1),
        "first_paint_ms_max": round(max(paint), 1),
        "process_wall_ms_median": round(statistics.median(wall), 1),
        "max_rss_mib": round(max(r[2] for r in runs), 1),
        "baseline_empty_pyside6_window_first_paint_ms_median": round(statistics.median(floor), 1),
        "kiosk_cost_over_baseline_ms": round(
            statistics.median(paint) - statistics.median(floor), 1
        ),
        "target_first_paint_ms": 250,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
