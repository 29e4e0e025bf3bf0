"""The reading measure: no line of card text longer than 75 characters, at any text size, at
1920x1080, 1080x1920 and 1366x768 (WCAG 1.4.8 asks for at most 80; 50-75 is what
typographers aim for).

Characters are counted on the lines Qt actually laid out in every card's own view (the text of
each QTextLine of each block), without the space a line breaks after, which is not drawn. Run
with -s to print the longest and the median full line (a paragraph's last line is short by
nature, so the median leaves it out).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import pytest

from kiosk.content import Library
from kiosk.ui.card_document import MEASURE
from kiosk.ui.card_view import CardView
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from tests.helpers.screen_tour import RESOLUTIONS, TEXT_SIZES, make_window, settle

QUICK = {((1920, 1080), 1.0), ((1366, 768), 1.0)}  # where the measure binds most


@dataclass
class Lines:
    every: list[int] = field(default_factory=list)
    full: list[int] = field(default_factory=list)  # lines a paragraph runs on after
    too_long: list[str] = field(default_factory=list)


def measure_lines(view: CardView, card_id: str, into: Lines) -> None:
    doc = view.document()
    block = doc.begin()
    while block.isValid():
        doc.documentLayout().blockBoundingRect(block)  # lays the block out if it is not
        layout = block.layout()
        count = layout.lineCount()
        for n in range(count):
            line = layout.lineAt(n)
            text = block.text()[line.textStart() : line.textStart() + line.textLength()]
            chars = len(text.rstrip())
            into.every.append(chars)
            if n < count - 1:
                into.full.append(chars)
            if chars > MEASURE:
                into.too_long.append(f"{card_id}: {chars} characters: {text!r}")
        block = block.next()


def every_card(window: KioskWindow) -> Lines:
    lines = Lines()
    for index, card in enumerate(window.leaflet.cards):
        window.show_card(index)
        settle()
        view = window.cards.current_view
        assert view is not None
        measure_lines(view, card.id, lines)
    return lines


def _cases() -> list[object]:
    return [
        pytest.param(
            size,
            scale,
            marks=[] if (size, scale) in QUICK else [pytest.mark.slow],
            id=f"{round(scale * 100)}-{size[0]}x{size[1]}",
        )
        for size in RESOLUTIONS
        for scale in TEXT_SIZES
    ]


@pytest.mark.parametrize(("size", "scale"), _cases())
@pytest.mark.parametrize("dyslexic", [False, True], ids=["reading-font", "dyslexia-font"])
def test_lines_keep_the_reading_measure(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
    scale: float,
    dyslexic: bool,
) -> None:
    window = make_window(library, fonts, Look(text_scale=scale, dyslexic_font=dyslexic), size)
    qtbot.addWidget(window)
    lines = every_card(window)
    print(
        f"\n{size[0]}x{size[1]} at {scale:.0%}{' (dyslexia font)' if dyslexic else ''}: "
        f"longest {max(lines.every)}, median {statistics.median(lines.full):.0f}"
    )
    window.allow_close = True
    assert not lines.too_long, "\n".join(lines.too_long)


def test_the_spare_width_becomes_margins(qtbot, library: Library, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    """On a wide screen the text sits in a column in the middle, not against the left, and
    a quotation's text keeps the whole measure inside its box."""
    window = make_window(library, fonts, Look(), (1920, 1080))
    qtbot.addWidget(window)
    window.show_card(window.leaflet.card_index("mediation-1"))
    settle()
    view = window.cards.current_view
    assert view is not None
    margins = view.viewportMargins()
    assert abs(margins.left() - margins.right()) <= 1 and margins.left() > 200
    assert view.document().textWidth() == view.viewport().width()
    lines = Lines()
    measure_lines(view, "mediation-1", lines)
    assert max(lines.every) > MEASURE - 10, lines.every
    window.allow_close = True
