"""Navigation and memory benchmark, in-process, for profiling (see tap.py for what a visitor
sees).

Taps Next (button.click()) and waits until the next card has been painted, 1,000 times, then
reports median and p99. Then does 10,000 navigations and reports RSS before and after.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.app import make_application
from kiosk.content import load_library
from kiosk.fonts import load_fonts
from kiosk.ui.main_window import KioskWindow


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PaintWatch(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def tap_next(app: QApplication, window: KioskWindow, watch: PaintWatch) -> float:
    view_count = len(window.leaflet.cards)
    if window.cards.index >= view_count - 1:
        window.show_card(0)
        app.processEvents()
    watch.painted = False
    start = time.perf_counter()
    window.cards.next.click()
    view = window.cards.current_view
    assert view is not None
    view.viewport().installEventFilter(watch)
    view.viewport().repaint()  # paint now, as the event loop would on the next frame
    while not watch.painted:
        app.processEvents()
    elapsed = (time.perf_counter() - start) * 1000
    view.viewport().removeEventFilter(watch)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--taps", type=int, default=1000)
    parser.add_argument("--soak", type=int, default=10_000)
    args = parser.parse_args()
    app = make_application([])
    window = KioskWindow(load_library(paths.bundled_content()), load_fonts())
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.show_card(0)
    rss_start = rss_mib()
    watch = PaintWatch()
    times = sorted(tap_next(app, window, watch) for _ in range(args.taps))
    rss_after_taps = rss_mib()
    for _ in range(args.soak):
        tap_next(app, window, watch)
    rss_end = rss_mib()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        json.dumps(
            {
                "benchmark": "navigation",
                "taps": args.taps,
                "tap_to_paint_ms_median": round(statistics.median(times), 2),
                "tap_to_paint_ms_p99": round(p99, 2),
                "tap_to_paint_ms_max": round(times[-1], 2),
                "target_p99_ms": 16,
                "rss_mib_after_start": round(rss_start, 1),
                "rss_mib_after_taps": round(rss_after_taps, 1),
                "soak_navigations": args.soak,
                "rss_mib_after_soak": round(rss_end, 1),
                "rss_growth_mib_over_soak": round(rss_end - rss_after_taps, 2),
                "target_rss_mib": 100,
                "target_growth_mib": 2,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
