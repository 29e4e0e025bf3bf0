"""Start-up benchmark: process start to first paint of the home screen.

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


def one_run(xvfb: bool) -> tuple[float, float, float]:
    env = dict(os.environ)
    cmd = [sys.executable, "-m", "kiosk", "--quit-after-paint"]
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
    one_run(args.xvfb)  # warm the disk cache
    runs = [one_run(args.xvfb) for _ in range(args.runs)]
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
        "target_first_paint_ms": 250,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
