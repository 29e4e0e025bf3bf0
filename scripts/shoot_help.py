"""Developer tool: screenshots of the kiosk's help (issue 10) for docs/screenshots and review:
home with the help box, What is happening?, a route, Words explained, one word, a card with
its words marked and Get help, and Keep this card: at 1920x1080 with 100% text, and at 250%
text at 1920x1080, 1080x1920 and 1366x768. Rendered offscreen with the bundled leaflet,
glossary and routes.

Usage: python scripts/shoot_help.py [OUTDIR]   (default: docs/screenshots)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from kiosk import paths
from kiosk.app import make_application
from kiosk.content.help import load_help
from kiosk.content.loader import load_library
from kiosk.fonts import load_fonts
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Look

LOOKS = (((1920, 1080), 1.0), ((1920, 1080), 2.5), ((1080, 1920), 2.5), ((1366, 768), 2.5))


def shoot(app: QApplication, window: KioskWindow, out: Path, suffix: str) -> None:
    kiosk_help = window.kiosk_help
    assert kiosk_help is not None and kiosk_help.data.glossary is not None
    glossary = kiosk_help.data.glossary
    leaflet = window.leaflet
    shots = {
        "home": window.show_home,
        "question": kiosk_help.open_question,
        "route": lambda: kiosk_help._chosen("answer:2"),
        "words": kiosk_help.open_words,
        "term": lambda: kiosk_help.open_term(glossary.by_id("ccg")),
        "card": lambda: window.show_card(leaflet.card_index("mediation-2")),
        "keep": kiosk_help.open_keep,
    }
    for name, show in shots.items():
        show()
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(out / f"help-{name}-{suffix}.png"))


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    library = load_library(paths.bundled_content())
    help_load = load_help(library)
    fonts = load_fonts()
    for (width, height), scale in LOOKS:
        window = KioskWindow(library, fonts, Look(text_scale=scale), help=help_load)
        window.resize(width, height)
        window.show()
        app.processEvents()
        shoot(app, window, out, f"{width}x{height}-{round(scale * 100)}")
        window.close()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
