"""Every character the kiosk shows in English comes from its own font files.

The buttons' symbols (▶ ◀ ⌂ ☎ ↩ ▼ ✓ ● ↺) are in neither reading face. Before the bundled
Kiosk Symbols font, Qt found them through fontconfig in the system's DejaVu Sans (boxes on a
machine without it), and mapped that font file again and again as its face cache turned over:
a share of the random soak's memory growth (issue 14).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont, QTextLayout

from kiosk import paths
from kiosk.fonts import DYSLEXIC_FONTS, READING_FONTS, SYMBOL_FAMILY, SYMBOL_FONTS, SYMBOLS
from kiosk.ui.theme import Fonts

ROOT = Path(__file__).resolve().parents[2]


def shown_characters() -> set[str]:
    """Every character of the bundled leaflet, the kiosk's help and its own source strings."""
    text: set[str] = set()
    for path in paths.bundled_content().rglob("*"):
        if path.suffix in {".md", ".toml", ".txt"}:
            text |= set(path.read_text(encoding="utf-8"))
    text |= set((ROOT / "translations" / "kiosk.ts").read_text(encoding="utf-8"))
    for path in (ROOT / "kiosk").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            # Docstrings are for us, not shown.
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text |= set(node.value) if id(node) not in docstrings else set()
    return {c for c in text if c.isprintable() and not c.isspace()}


def missing(files: tuple[str, ...], characters: set[str]) -> list[str]:
    faces = [QRawFont(str(paths.asset(f"fonts/{name}")), 20) for name in files]
    assert all(face.isValid() for face in faces), files
    return sorted(c for c in characters if not any(f.supportsCharacter(ord(c)) for f in faces))


@pytest.mark.parametrize("faces", [READING_FONTS, DYSLEXIC_FONTS], ids=["reading", "dyslexia"])
def test_every_character_shown_is_in_the_kiosks_fonts(qapp: object, faces: tuple[str, ...]) -> None:
    characters = shown_characters()
    assert {"’", "–", "▶"} <= characters, "the scan no longer sees the kiosk's words"
    for regular_or_bold in (0, 1):
        face = (faces[regular_or_bold], SYMBOL_FONTS[regular_or_bold])
        assert missing(face, characters) == [], face


def test_the_symbol_font_holds_the_symbols_and_nothing_to_shadow_the_reading_face(
    qapp: object,
) -> None:
    for name in SYMBOL_FONTS:
        face = QRawFont(str(paths.asset(f"fonts/{name}")), 20)
        assert face.familyName() == SYMBOL_FAMILY
        assert all(face.supportsCharacter(ord(c)) for c in SYMBOLS), name
        # Letters must come from the reading face, never from here.
        assert not any(face.supportsCharacter(ord(c)) for c in "aA0’"), name
    assert (ROOT / "assets/fonts/KioskSymbols-LICENSE.txt").read_text().count("Bitstream") > 3


@pytest.mark.parametrize("weight", [QFont.Weight.Normal, QFont.Weight.Bold])
def test_a_buttons_symbol_is_drawn_from_the_kiosks_font(fonts: Fonts, weight: QFont.Weight) -> None:
    for family in (fonts.reading, fonts.dyslexic):
        font = QFont(family)
        font.setPixelSize(48)
        font.setWeight(weight)
        layout = QTextLayout("Next  ▶  ◀ Back  ⌂ Home ☎ ↩ ▼ ✓ ● ↺", font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        drawn_by = {run.rawFont().familyName() for run in layout.glyphRuns()}
        assert drawn_by == {family, SYMBOL_FAMILY}, (family, drawn_by)


def test_no_system_font_file_is_opened_for_the_kiosks_words(fonts: Fonts) -> None:
    """After the leaflet's cards, help and buttons are shaped, no system font file is mapped."""
    before = mapped_system_fonts()
    for family in (fonts.reading, fonts.dyslexic):
        for weight in (QFont.Weight.Normal, QFont.Weight.Bold):
            font = QFont(family)
            font.setPixelSize(37)
            font.setWeight(weight)
            layout = QTextLayout("".join(sorted(shown_characters())), font)
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            layout.glyphRuns()
    assert mapped_system_fonts() - before == set()


def mapped_system_fonts() -> set[str]:
    maps = Path("/proc/self/maps").read_text()
    return set(re.findall(r"(/usr/share/fonts/\S+)", maps))
