"""The kiosk's own fonts: a reading face, a dyslexia face, and the buttons' symbols."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

from . import paths
from .ui.theme import Fonts

READING_FONTS = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf")
DYSLEXIC_FONTS = ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf")
SYMBOL_FONTS = ("KioskSymbols-Regular.ttf", "KioskSymbols-Bold.ttf")
FONT_FILES = READING_FONTS + DYSLEXIC_FONTS + SYMBOL_FONTS
FALLBACK_FAMILY = "DejaVu Sans"
SYMBOL_FAMILY = "Kiosk Symbols"
# In neither reading face; scripts/symbol_font cuts them into the symbol font.
SYMBOLS = "\u25c0\u2302\u25b6\u260e\u21a9\u25bc\u2713\u25cf\u21ba"  # ◀ ⌂ ▶ ☎ ↩ ▼ ✓ ● ↺


def _register(files: tuple[str, ...], fallback: str = FALLBACK_FAMILY) -> str:
    family = ""
    for name in files:
        font_id = QFontDatabase.addApplicationFont(str(paths.asset(f"fonts/{name}")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            family = family or families[0]
    return family or fallback


def load_fonts() -> Fonts:
    """Register the bundled fonts (a missing file falls back to a system sans-serif)."""
    symbols = _register(SYMBOL_FONTS, fallback="")
    fonts = Fonts(reading=_register(READING_FONTS), dyslexic=_register(DYSLEXIC_FONTS))
    if symbols:
        # A glyph a face lacks is looked for in its substitutes before fontconfig's list: the
        # symbols come from the kiosk's file, and no system font is opened for them.
        for family in {fonts.reading, fonts.dyslexic}:
            QFont.insertSubstitution(family, symbols)
    # Finding the font that has the symbols once text is on screen re-shapes that text (the
    # attract title's second line moved 15 px when the card screen was built after the first
    # paint): find it before anything shows.
    QFontMetrics(QFont(fonts.reading)).horizontalAdvance(SYMBOLS)
    return fonts
