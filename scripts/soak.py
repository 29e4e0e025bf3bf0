"""Navigation soak: tens of thousands of taps through the real kiosk window, on a real X server.

Why: PySide6 6.12.0 on Python 3.11 loses a reference to `None`/`True` on some signal emits and
aborts after a few hundred of them. .ci/run runs this on the oldest supported Python so a
PySide6/Python pairing that crashes (or leaks) cannot come back unnoticed.

The window, the controllers and the speech engine are built as `python -m kiosk --windowed`
builds them (the same `kiosk.app` functions); each tap is a mouse press and release sent to the
real button through Qt's event dispatch, so every signal a visitor's tap emits is emitted.
Prints the figures as JSON and exits non-zero on a crash (the process dies), on memory growth
over --max-growth-mib after the warm-up, or on drift in the reference counts of None and True.

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/soak.py --navigations 20000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--navigations", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=1_000)
    parser.add_argument("--max-growth-mib", type=float, default=5.0)
    parser.add_argument("--max-refcount-drift", type=int, default=1_000)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    # The kiosk's home (its log, stats and speech folder) goes when the soak ends: a CI
    # machine runs it on every submission.
    with tempfile.TemporaryDirectory(prefix="kiosk-soak-", ignore_cleanup_errors=True) as home:
        os.environ["SEN_KIOSK_HOME"] = home
        return _soak(args)


def _soak(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from kiosk import paths
    from kiosk.app import Kiosk, make_application
    from kiosk.config import Settings
    from kiosk.content import load_library
    from kiosk.fonts import load_fonts
    from kiosk.ui.main_window import KioskWindow

    app = make_application([sys.argv[0]])
    window = KioskWindow(load_library(paths.bundled_content()), load_fonts(), with_attract=True)
    kiosk = Kiosk(app, window, Settings(), windowed=True)
    window.firstPaint.connect(kiosk.start_services)
    window.resize(1920, 1080)
    window.show()
    deadline = time.monotonic() + 60
    while kiosk.visit is None and time.monotonic() < deadline:
        app.processEvents()
    if kiosk.visit is None:
        print("soak: the window never painted", file=sys.stderr)
        return 1

    def tap(button: QAbstractButton) -> None:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
        app.processEvents()  # paints the new screen, as the event loop would

    def key(k: Qt.Key) -> None:
        target = QApplication.focusWidget() or window
        QTest.keyClick(target, k)
        app.processEvents()

    # Speech is part of what is soaked: every card turned in audio mode is read aloud, and a
    # soak that silently loses its voice half-way would measure a lighter kiosk.
    speech = kiosk.speech
    heard = {"utterances": 0, "errors": 0}
    if speech is not None:
        speech.utteranceStarted.connect(
            lambda _i: heard.__setitem__("utterances", heard["utterances"] + 1)
        )
        speech.errorOccurred.connect(lambda _m: heard.__setitem__("errors", heard["errors"] + 1))

    # The attract screen takes any touch; that is the visitor's first navigation.
    QTest.mouseClick(window.stack.currentWidget(), Qt.MouseButton.LeftButton)
    app.processEvents()
    navigations = 1
    cards = len(window.leaflet.cards)
    tiles = len(window.home.tiles)
    samples: list[dict[str, float]] = []
    start = time.monotonic()
    baseline: tuple[float, int, int] | None = None
    while navigations < args.navigations:
        screen = window.current_screen()
        if screen == "home":
            choice = navigations % (tiles + 1)
            tap(window.home.start if choice == tiles else window.home.tiles[choice])
        elif screen == "card":
            index, round_ = window.cards.index, navigations // 97
            if round_ % 5 == 4 and index > 0:
                tap(window.cards.back)
            elif round_ % 5 == 3:
                key(Qt.Key.Key_Right if index < cards - 1 else Qt.Key.Key_Left)
            elif index >= cards - 1 or navigations % 41 == 0:
                tap(window.cards.home)
            else:
                tap(window.cards.next)
        else:
            window.leave_attract()
            app.processEvents()
        navigations += 1
        if navigations == args.warmup:
            baseline = (rss_mib(), sys.getrefcount(None), sys.getrefcount(True))
        if navigations % 1_000 == 0:
            samples.append(
                {
                    "navigations": navigations,
                    "seconds": round(time.monotonic() - start, 1),
                    "rss_mib": round(rss_mib(), 1),
                    "refs_none": sys.getrefcount(None),
                    "refs_true": sys.getrefcount(True),
                }
            )
    seconds = time.monotonic() - start
    rss_end = rss_mib()
    speech_ok = speech is not None and speech.is_available()
    refs_none, refs_true = sys.getrefcount(None), sys.getrefcount(True)
    kiosk.shutdown()
    assert baseline is not None
    growth = rss_end - baseline[0]
    drift = max(abs(refs_none - baseline[1]), abs(refs_true - baseline[2]))
    result = {
        "soak": "navigation",
        "python": sys.version.split()[0],
        "pyside6": __import__("PySide6").__version__,
        "platform": QApplication.platformName(),
        "navigations": navigations,
        "seconds": round(seconds, 1),
        "navigations_per_second": round(navigations / seconds, 1),
        "rss_mib_start": round(baseline[0], 1),
        "rss_mib_end": round(rss_end, 1),
        "rss_growth_mib": round(growth, 2),
        "max_growth_mib": args.max_growth_mib,
        "refcount_drift_none_true": drift,
        "speech_available_at_end": speech_ok,
        "utterances_started": heard["utterances"],
        "speech_errors": heard["errors"],
        "samples": samples,
    }
    print(json.dumps(result, indent=2))
    failed = []
    if growth > args.max_growth_mib:
        failed.append(f"RSS grew {growth:.1f} MiB after the warm-up")
    if drift > args.max_refcount_drift:
        failed.append(f"reference counts of None/True drifted by {drift}")
    if not speech_ok:
        failed.append("speech was unavailable at the end (see the kiosk log)")
    for reason in failed:
        print(f"soak FAILED: {reason}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
