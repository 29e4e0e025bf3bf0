"""Contact details at 250% text, read from the laid-out card: a phone number and a web
address are each shown whole on one line, never broken in the middle (a web address too wide
for its line is shrunk to fit it), at 1920x1080, 1080x1920 and 1366x768."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextLine

from kiosk.content import Library
from kiosk.ui.card_view import CardView
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from tests.helpers.layout_check import broken_words
from tests.helpers.screen_tour import RESOLUTIONS, make_window, settle

SIZES = [pytest.param(size, id=f"{size[0]}x{size[1]}") for size in RESOLUTIONS]


def value_lines(view: CardView, field: str) -> list[tuple[str, QTextLine, int, int]]:
    """(value, first line, last line, lines) for each detail `field` shown on the card."""
    out = []
    doc = view.document()
    for unit, (start, end) in zip(view.content.units, view.content.ranges, strict=True):
        if unit.field != field:
            continue
        block = doc.findBlock(start)
        doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        at = block.text().index(unit.value.replace(" ", "\u00a0")) if unit.value else 0
        first = layout.lineForTextPosition(at)
        last = layout.lineForTextPosition(end - block.position() - 1)
        out.append((unit.value, first, last.lineNumber(), layout.lineCount()))
    return out


def contacts_at_250(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
    dyslexic: bool = False,
    scale: float = 2.5,
) -> tuple[KioskWindow, CardView]:
    """The first contacts card shown at 250% text (or `scale`) on a `size` screen."""
    window = make_window(library, fonts, Look(text_scale=scale, dyslexic_font=dyslexic), size)
    qtbot.addWidget(window)
    window.show_card(window.leaflet.card_index("contacts-1"))
    settle()
    view = window.cards.current_view
    assert view is not None
    return window, view


@pytest.mark.parametrize("size", SIZES)
def test_contact_details_are_never_broken(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
) -> None:
    window = make_window(library, fonts, Look(text_scale=2.5), size)
    qtbot.addWidget(window)
    leaflet = window.leaflet
    cards = [
        c.id for c in leaflet.cards if any(b.__class__.__name__ == "ContactBlock" for b in c.blocks)
    ]
    assert "contacts-1" in cards and len(cards) >= 4
    seen = {"phone": 0, "website": 0}
    for card_id in cards:
        window.show_card(leaflet.card_index(card_id))
        settle()
        view = window.cards.current_view
        assert view is not None
        assert not broken_words(view), (card_id, broken_words(view))
        for field in seen:
            for value, first, last, _ in value_lines(view, field):
                seen[field] += 1
                assert first.lineNumber() == last, f"{card_id}: {value!r} runs over two lines"
                # Shrunk to fit if it must be: never wider than the line it sits on.
                assert first.naturalTextWidth() <= first.width() + 1, (card_id, value)
    assert seen["phone"] >= 4 and seen["website"] >= 1, seen
    window.allow_close = True


@pytest.mark.parametrize("size", [(1080, 1920)], ids=["1080x1920"])
def test_the_web_address_shrinks_to_its_line_when_it_must(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
) -> None:
    """Upright at 250% the address is wider than the card: it is drawn smaller, whole."""
    window, view = contacts_at_250(qtbot, library, fonts, size)
    ((value, line, last, _),) = value_lines(view, "website")
    assert line.lineNumber() == last
    assert value in view.document().toPlainText()
    assert line.naturalTextWidth() <= line.width() + 1
    assert view.content._shrunk, "the address fits at full size: this test no longer tests"
    window.allow_close = True


@pytest.mark.parametrize(
    ("size", "dyslexic", "scale"),
    [
        pytest.param((1920, 1080), False, 2.5, id="1920x1080"),
        # 200%: the one-row bar and the column beside the text did it (the text had 198 px).
        pytest.param((1366, 768), False, 2.0, id="1366x768-200"),
        # Held before too (769 px of 782), now of 901.
        pytest.param((1920, 1080), True, 2.0, id="1920x1080-dyslexia-font-200"),
        pytest.param(
            (1366, 768),
            False,
            2.5,
            id="1366x768",
            marks=pytest.mark.xfail(
                strict=True,
                reason="not done: the top bar is one row now (111 px), the controls and the "
                "'more below' cue stand beside the text, which went from 133 px to 617 px of "
                "height, but the phone number ends at 705 px: beside a 341 px column the text "
                "is 900 px wide, so 'Telephone: 07977 015 674' takes two lines (one line needs "
                "about 1110 px, a column of at most 185 px, too narrow for Back and Home). On "
                "one line it would end near 590 px. What is left is the card's own type at "
                "250% (card_view.py): about 5.5 lines of it fit 617 px.",
            ),
        ),
        pytest.param(
            (1920, 1080),
            True,
            2.5,
            id="1920x1080-dyslexia-font",
            marks=pytest.mark.xfail(
                strict=True,
                reason="not done: with the bar in one row (131 px) and the cue in the column "
                "the text has 901 px of height (645 before), but OpenDyslexic's lines at 250% "
                "are 175-220 px apart and 'Telephone: 07977 015 674' needs 1387 px, more than "
                "the 1292 px the text has beside the column: it takes two lines and ends at "
                "1144 px. On one line it would still end near 950 px.",
            ),
        ),
    ],
)
def test_the_phone_number_is_above_the_fold_in_landscape(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
    size: tuple[int, int],
    dyslexic: bool,
    scale: float,
) -> None:
    """The controls stand beside the text (tests/a11y_display/test_controls_beside.py), so
    the contact's name, web address and phone number show without scrolling."""
    window, view = contacts_at_250(qtbot, library, fonts, size, dyslexic, scale)
    doc = view.document()
    ((start, _),) = [
        r
        for u, r in zip(view.content.units, view.content.ranges, strict=True)
        if u.field == "phone"
    ]
    bottom = doc.documentLayout().blockBoundingRect(doc.findBlock(start)).bottom()
    window.allow_close = True
    assert bottom <= view.viewport().height(), f"phone ends at {bottom:.0f} px"
