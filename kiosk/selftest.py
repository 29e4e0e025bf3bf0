"""`--self-test`: build every screen offscreen, visit every card, check content and assets."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from . import paths
from .fonts import FALLBACK_FAMILY, FONT_FILES
from .ui.main_window import KioskWindow
from .ui.theme import Fonts


def self_test(app: QApplication, window: KioskWindow, fonts: Fonts) -> int:
    problems: list[str] = []
    for name in FONT_FILES:
        if not paths.asset(f"fonts/{name}").is_file():
            problems.append(f"missing font {paths.asset(f'fonts/{name}')}")
    if FALLBACK_FAMILY in (fonts.reading, fonts.dyslexic):
        problems.append("bundled fonts did not load")
    from .syslibs import check_display_plugin

    if (display := check_display_plugin()) is not None:
        problems.append(display)
    window.resize(1920, 1080)
    window.show()
    cards = 0
    for leaflet_index, leaflet in enumerate(window.library.leaflets):
        window.open_leaflet(leaflet_index)
        app.processEvents()
        for index, card in enumerate(leaflet.cards):
            window.show_card(index)
            app.processEvents()
            view = window.cards.current_view
            if view is None or view.card is not card:
                problems.append(f"card {card.id}: not shown")
                continue
            if not view.document().toPlainText().strip():
                problems.append(f"card {card.id}: empty document")
            cards += 1
        window.show_home()
        app.processEvents()
    window.allow_close = True
    window.close()
    for problem in problems:
        print(f"self-test: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"self-test: OK ({len(window.library.leaflets)} leaflet(s), {cards} cards)")
    return 0
