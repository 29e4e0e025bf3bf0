"""The reading measure: no line of card text longer than about 75 characters, at any text
size, at 1920x1080, 1080x1920 and 1366x768 (WCAG 1.4.8 asks for at most 80).

Characters are counted on the laid-out lines of every card of the real leaflet; the last
line of a paragraph is left out (it is short by nature). Run with -s to see the figures.
"""

from __future__ import annotations

import pytest

from kiosk.content import Library
from kiosk.ui.card_view import MEASURE, CardView
from kiosk.ui.theme import Fonts, Look
from tests.helpers.screen_tour import RESOLUTIONS, TEXT_SIZES, make_window, settle

LIMIT = MEASURE + 3  # "about 75": an average-based measure lets a line of narrow letters run on


def line_lengths(view: CardView) -> list[int]:
    doc = view.document()
    lengths = []
    block = doc.begin()
    while block.isValid():
        doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        lengths += [layout.lineAt(n).textLength() for n in range(layout.lineCount() - 1)]
        block = block.next()
    return lengths


def _cases() -> list[object]:
    return [
        pytest.param(
            size,
            scale,
            marks=[] if (size, scale) == ((1920, 1080), 1.0) else [pytest.mark.slow],
            id=f"{round(scale * 100)}-{size[0]}x{size[1]}",
        )
        for size in RESOLUTIONS
        for scale in TEXT_SIZES
    ]


@pytest.mark.parametrize(("size", "scale"), _cases())
def test_lines_keep_the_reading_measure(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
    scale: float,
) -> None:
    window = make_window(library, fonts, Look(text_scale=scale), size)
    qtbot.addWidget(window)
    lengths: list[int] = []
    too_long = []
    for index, card in enumerate(window.leaflet.cards):
        window.show_card(index)
        settle()
        view = window.cards.current_view
        assert view is not None
        card_lengths = line_lengths(view)
        lengths += card_lengths
        if card_lengths and max(card_lengths) > LIMIT:
            too_long.append(f"{card.id}: {max(card_lengths)} characters")
    mean = sum(lengths) / len(lengths)
    print(f"\n{size[0]}x{size[1]} at {scale:.0%}: longest {max(lengths)}, mean {mean:.1f}")
    window.allow_close = True
    assert not too_long, too_long


def test_the_spare_width_becomes_margins(qtbot, library: Library, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    """On a wide screen the text sits in a column in the middle, not against the left."""
    window = make_window(library, fonts, Look(), (1920, 1080))
    qtbot.addWidget(window)
    window.show_card(window.leaflet.card_index("mediation-1"))
    settle()
    view = window.cards.current_view
    assert view is not None
    margins = view.viewportMargins()
    assert margins.left() == margins.right() > 200
    assert view.document().textWidth() == view.viewport().width() < 1300
    window.allow_close = True
