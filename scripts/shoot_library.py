"""Developer tool: screenshots of a library of leaflets in several languages, for the docs.

Usage: python scripts/shoot_library.py [OUTDIR]   (default docs/screenshots)

The bundled leaflet with the Welsh and Arabic test leaflets (tests/leaflets) and their small
test catalogues of the kiosk's words (tests/i18n): the chooser, then the Arabic leaflet's
home screen and first card (right to left), at 1920x1080 and 1080x1920.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from kiosk.app import make_application
from kiosk.content.help import load_help
from kiosk.content.loader import load_library
from kiosk.fonts import load_fonts
from kiosk.ui.main_window import KioskWindow
from tests.helpers.leaflets import add_catalogues, library_folder

SIZES = ((1920, 1080), (1080, 1920))


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as scratch:
        root = library_folder(Path(scratch) / "content")
        add_catalogues(root, "cy", "ar")
        library = load_library(root)
        fonts = load_fonts()
        arabic = [lf.id for lf in library.leaflets].index("help-ar")
        for width, height in SIZES:
            window = KioskWindow(library, fonts, with_attract=True, help=load_help(library))
            window.resize(width, height)
            window.show()
            settle(app)
            window.leave_attract()
            settle(app)
            window.grab().save(str(out / f"library-chooser-{width}x{height}.png"))
            assert window.library_screen is not None
            window.library_screen.tiles[arabic].click()
            settle(app)
            window.grab().save(str(out / f"library-arabic-home-{width}x{height}.png"))
            window.show_card(0)
            settle(app)
            window.grab().save(str(out / f"library-arabic-card-{width}x{height}.png"))
            window.allow_close = True
            window.close()
            window.deleteLater()
            settle(app)


if __name__ == "__main__":
    main()
