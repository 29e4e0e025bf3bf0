"""The content rule only a screen can check: every card fits its screen at 100% text.

Used by `--check-content`, which lays each card out offscreen in the kiosk's own card screen
at the two shapes kiosks are installed in (landscape and portrait 1080p), exactly as a visitor
would first see it. A card that would scroll at the normal text size is a problem naming its
file, line and card, like any other content problem.
"""

from __future__ import annotations

import os
from typing import Final

from .content import ContentProblem, Library

SCREENS: Final = ((1920, 1080), (1080, 1920))


def fit_problems(library: Library) -> list[ContentProblem]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from .app import load_fonts, make_application
    from .ui.main_window import KioskWindow

    app = make_application(["sen-kiosk"])
    window = KioskWindow(library, load_fonts())
    problems: list[ContentProblem] = []
    reported: set[tuple[str, str]] = set()  # (leaflet, card): ids are per leaflet
    try:
        window.show()
        for width, height in SCREENS:
            window.resize(width, height)
            app.processEvents()
            for leaflet_index, leaflet in enumerate(library.leaflets):
                window.open_leaflet(leaflet_index)
                for index, card in enumerate(leaflet.cards):
                    window.show_card(index)
                    app.processEvents()
                    view = window.cards.current_view
                    key = (leaflet.id, card.id)
                    if view is None or not view.overflows() or key in reported:
                        continue
                    reported.add(key)
                    room = view.viewport().height()
                    problems.append(
                        ContentProblem(
                            card.source,
                            card.line,
                            f"card '{card.id}' does not fit a {width}x{height} screen at 100% "
                            f"text (it needs {view.content_height():.0f} px, the screen has "
                            f"{room} px); shorten it or split it with a '---' line",
                        )
                    )
    finally:
        window.allow_close = True
        window.close()
        window.deleteLater()
    return problems
