"""Developer tool: screenshots of the colour themes, 250% text and the "Text and colours"
panel, rendered offscreen for docs/screenshots and design review.

Usage: python scripts/shoot_looks.py [OUTDIR] [CARD-ID]   (defaults: docs/screenshots about-3)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from kiosk import paths
from kiosk.app import make_application
from kiosk.content import load_library
from kiosk.fonts import load_fonts
from kiosk.ui.display_settings import DisplaySettingsPanel
from kiosk.ui.display_style import stylesheet_rules
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import THEMES, Look


def shoot(window: KioskWindow, app: QApplication, size: tuple[int, int], path: Path) -> None:
    window.resize(*size)
    app.processEvents()
    window.show_card(window.cards.index)  # the rebuilt view after a resize
    app.processEvents()
    window.grab().save(str(path))
    print(path)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    card_id = sys.argv[2] if len(sys.argv) > 2 else "about-3"
    out.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    library = load_library(paths.bundled_content())
    window = KioskWindow(library, load_fonts())
    window.resize(1920, 1080)
    window.show()
    app.processEvents()
    window.show_card(window.leaflet.card_index(card_id))
    app.processEvents()

    for name, theme in THEMES.items():
        window.set_look(Look(theme=theme))
        shoot(window, app, (1920, 1080), out / f"theme-{name}-1920x1080.png")
    window.set_look(Look(text_scale=2.5))
    for size in ((1366, 768), (1080, 1920)):
        shoot(window, app, size, out / f"text-250-{size[0]}x{size[1]}.png")

    # The panel as the window will show it: its rules appended to the window's style sheet.
    look = Look()
    window.set_look(look)
    window.resize(1920, 1080)
    app.processEvents()
    window.setStyleSheet(window.styleSheet() + stylesheet_rules(look.theme, window.metrics))
    panel = DisplaySettingsPanel(look, window.metrics)
    host = window.centralWidget()
    assert isinstance(host, QWidget)
    panel.show_over(host)
    app.processEvents()
    path = out / "display-settings-1920x1080.png"
    window.grab().save(str(path))
    print(path)
    panel.close()
    panel.deleteLater()
    window.close()
    window.deleteLater()
    app.processEvents()


if __name__ == "__main__":
    main()
