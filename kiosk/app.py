"""Wiring: builds the services, then the window, then connects them. Nothing else."""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__, paths
from .content import ContentError, Library, load_library
from .ui.theme import Fonts

if TYPE_CHECKING:
    from .ui.main_window import KioskWindow

READING_FONTS = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf")
DYSLEXIC_FONTS = ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf")
FONT_FILES = READING_FONTS + DYSLEXIC_FONTS
FALLBACK_FAMILY = "DejaVu Sans"


def _register(files: tuple[str, ...]) -> str:
    family = ""
    for name in files:
        font_id = QFontDatabase.addApplicationFont(str(paths.asset(f"fonts/{name}")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = family or families[0]
    return family or FALLBACK_FAMILY


def load_fonts() -> Fonts:
    """Register the bundled fonts (a missing file falls back to a system sans-serif)."""
    return Fonts(reading=_register(READING_FONTS), dyslexic=_register(DYSLEXIC_FONTS))


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def load_content(args: argparse.Namespace) -> Library:
    folder = args.content or paths.bundled_content()
    try:
        return load_library(folder)
    except ContentError as exc:
        if folder == paths.bundled_content():
            raise
        print(
            f"content folder {folder} has problems; using the bundled leaflet instead:",
            file=sys.stderr,
        )
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return load_library(paths.bundled_content())


def run(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_application(sys.argv[:1])
    # Imported here so that --version, --check-content and --export-text start fast.
    from .ui.main_window import KioskWindow

    try:
        library = load_content(args)
    except ContentError as exc:
        print(f"the bundled content has problems:\n{exc}", file=sys.stderr)
        return 1
    fonts = load_fonts()
    window = KioskWindow(library, fonts)
    if args.self_test:
        from .selftest import self_test

        return self_test(app, window, fonts)
    if args.quit_after_paint:
        start_ns = int(os.environ.get("KIOSK_T0_NS", "0"))

        def report() -> None:
            if start_ns:
                print(f"first_paint_ms={(time.time_ns() - start_ns) / 1e6:.1f}", flush=True)
            app.quit()

        window.firstPaint.connect(report)
    show(window, windowed=args.windowed)
    return app.exec()


def show(window: KioskWindow, windowed: bool) -> None:
    screen = QGuiApplication.primaryScreen()
    if windowed or screen is None:
        window.resize(1600, 900)
        window.show()
        return
    # Without a window manager (Xvfb, some kiosk sessions) fullscreen alone keeps the old size.
    window.setGeometry(screen.geometry())
    window.showFullScreen()
