"""`python -m kiosk` plus a report of where its buttons are, for the outside-in benchmarks.

Usage: python benchmarks/_geometry.py GEOMETRY.json [kiosk arguments...]

The kiosk runs exactly as `python -m kiosk` runs it (same entry point, same wiring); the only
addition is that after each screen change the screen name, the card index and the on-screen
centre of every named button are written to GEOMETRY.json, so a benchmark can tap the real
button with XTest. Writing happens after the screen is shown, outside any timed path a
benchmark measures (it waits for the framebuffer, then reads this file).

With KIOSK_BENCH_TIMELINE=FILE set (tap.py --timeline), it also notes when each tap's press
and release reached the kiosk's window and when the window's repaint began, and writes them
to FILE as the kiosk exits: two filters that see a handful of events a tap (the window's
own), not every event of the application.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

TIMELINE_ENV = "KIOSK_BENCH_TIMELINE"


def watch_timeline(window: Any, marks: list[tuple[str, int]]) -> None:
    """Append ("press" | "release" | "paint", perf_counter_ns) to `marks` as they happen.

    Input reaches the top-level QWindow before any widget; a repaint starts with the
    UpdateRequest Qt posts to the top-level widget. Both clocks are CLOCK_MONOTONIC, the
    benchmark's too, so the marks line up with its own."""
    from PySide6.QtCore import QEvent, QObject

    kinds = {
        QEvent.Type.MouseButtonPress: "press",
        QEvent.Type.MouseButtonRelease: "release",
        QEvent.Type.UpdateRequest: "paint",
    }

    class Marks(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            kind = kinds.get(event.type())
            if kind is not None:
                marks.append((kind, time.perf_counter_ns()))
            return False

    marker = Marks(window)
    window.windowHandle().installEventFilter(marker)
    window.installEventFilter(marker)


sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    target = Path(sys.argv[1])
    # What kiosk/__main__.py does before Qt is imported, in the same order.
    import kiosk.frozen
    import kiosk.hermetic
    from kiosk import paths
    from kiosk.import_cost import skip_source_scan

    kiosk.frozen.prepare()
    kiosk.hermetic.prepare()
    gc.disable()
    skip_source_scan(paths.cache_dir())
    import kiosk.app
    from kiosk.cli import main as kiosk_main

    real_show = kiosk.app.show
    timeline = os.environ.get(TIMELINE_ENV)
    marks: list[tuple[str, int]] = []

    def show_and_report(window, windowed, hide_cursor=False):  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QAbstractButton

        def report(*_args: object) -> None:
            buttons = {}
            for button in window.findChildren(QAbstractButton):
                name = button.objectName()
                if name and button.isVisible() and button.isEnabled():
                    centre = button.mapToGlobal(button.rect().center())
                    buttons[name] = [centre.x(), centre.y()]
            cards = getattr(window, "cards", None)
            state = {
                "screen": window.current_screen(),
                "card_index": cards.index if cards is not None else -1,
                "buttons": buttons,
            }
            temp = target.with_suffix(".tmp")
            temp.write_text(json.dumps(state), "utf-8")
            os.replace(temp, target)

        # After the change has been laid out (and painted): never inside a measured tap.
        def first_paint() -> None:
            # The card screen is made just after the first paint: asking for it sooner
            # would make it sooner, and change the start-up being measured.
            window.cards.cardShown.connect(lambda *_: QTimer.singleShot(50, report))
            QTimer.singleShot(50, report)

        window.screenChanged.connect(lambda *_: QTimer.singleShot(50, report))
        window.firstPaint.connect(first_paint)
        real_show(window, windowed, hide_cursor)
        if timeline:
            watch_timeline(window, marks)

    kiosk.app.show = show_and_report
    try:
        return kiosk_main(sys.argv[2:])
    finally:
        if timeline:
            Path(timeline).write_text(json.dumps(marks), "utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
