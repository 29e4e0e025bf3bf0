"""Developer tool: render screens to PNG at a given size (offscreen), for docs and review.

Usage: python scripts/screenshot.py OUTDIR WIDTH HEIGHT [target ...]
Targets: a card id, "home", "attract", "reading" (the third card being read aloud, sentence
and word highlighted) and "settings" (the display settings panel). No target: all of them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk import paths
from kiosk.app import make_application
from kiosk.content.help import load_help
from kiosk.content.loader import load_library
from kiosk.fonts import load_fonts
from kiosk.speech.service import State
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.read_aloud import ReadAloudBar


def main() -> None:
    out, width, height, *targets = sys.argv[1:]
    app = make_application(sys.argv[:1])
    library = load_library(paths.bundled_content())
    window = KioskWindow(library, load_fonts(), with_attract=True, help=load_help(library))
    bar = ReadAloudBar()
    window.add_card_tools(bar)
    window.resize(int(width), int(height))
    window.show()
    app.processEvents()
    Path(out).mkdir(parents=True, exist_ok=True)
    leaflet = library.leaflets[0]
    for target in targets or ["attract", "home", "reading", "settings"] + [
        c.id for c in leaflet.cards
    ]:
        bar.set_state(State.Ready)
        if target == "attract":
            window.reset_to_start()
        elif target == "home":
            window.leave_attract()
            window.show_home()
        elif target == "settings":
            window.leave_attract()
            window.show_home()
            window.open_display_settings()
        elif target == "reading":
            window.show_card(2)
            bar.set_state(State.Speaking)
            view = window.cards.current_view
            assert view is not None
            view.highlight(2, 0, 113, word_start=52, word_length=4)
        else:
            window.show_card(leaflet.card_index(target))
        app.processEvents()
        window.grab().save(str(Path(out) / f"{target}-{width}x{height}.png"))
        if window.display_panel_open():
            window.display_panel.close_panel()


if __name__ == "__main__":
    main()
