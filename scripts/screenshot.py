"""Developer tool: render screens to PNG at a given size (offscreen), for docs and review.

Usage: python scripts/screenshot.py OUTDIR WIDTH HEIGHT [card-id ...]
"home" as a card id shoots the home screen.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk import paths
from kiosk.app import load_fonts, make_application
from kiosk.content import load_library
from kiosk.ui.main_window import KioskWindow


def main() -> None:
    out, width, height, *targets = sys.argv[1:]
    app = make_application(sys.argv[:1])
    library = load_library(paths.bundled_content())
    window = KioskWindow(library, load_fonts())
    window.resize(int(width), int(height))
    window.show()
    app.processEvents()
    Path(out).mkdir(parents=True, exist_ok=True)
    leaflet = library.leaflets[0]
    for target in targets or ["home"] + [c.id for c in leaflet.cards]:
        if target == "home":
            window.show_home()
        else:
            window.show_card(leaflet.card_index(target))
        app.processEvents()
        window.grab().save(str(Path(out) / f"{target}-{width}x{height}.png"))


if __name__ == "__main__":
    main()
