"""Contact details at 250% text, read from the laid-out card: a phone number and a web
address are each shown whole on one line, never broken in the middle (a web address too wide
for its line is shrunk to fit it), at 1920x1080, 1080x1920 and 1366x768."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QTextCursor, QTextLine

from kiosk.content import Library
from kiosk.ui.card_view import CardView
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import THEMES, Fonts, Look, Metrics
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


def phone_range(view: CardView) -> tuple[int, int]:
    ((start, end),) = [
        r
        for u, r in zip(view.content.units, view.content.ranges, strict=True)
        if u.field == "phone"
    ]
    return start, end


def phone_fonts(view: CardView) -> tuple[QFont, QFont]:
    """The fonts of the phone number's label ("Telephone: ") and of the number."""
    start, end = phone_range(view)
    cursor = QTextCursor(view.document())
    cursor.setPosition(start + 1)
    label = cursor.charFormat().font()
    cursor.setPosition(end)
    return label, cursor.charFormat().font()


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
        # Held before too (769 px of 782), then 769 of 901, now 728 (closer contact lines).
        pytest.param((1920, 1080), True, 2.0, id="1920x1080-dyslexia-font-200"),
        # The label steps down beside the number (55 px and 81 px, one line) and a contact's
        # lines sit closer: it ends at 546 px of 617 (705 before, on two lines).
        pytest.param((1366, 768), False, 2.5, id="1366x768"),
        # Label 64 px beside a 95 px number: 880 px of 901 (1144 before).
        pytest.param((1920, 1080), True, 2.5, id="1920x1080-dyslexia-font"),
        # Label 46 px, number 64 px (never below the 61 px body): 600 px of 617 (782 before).
        pytest.param((1366, 768), True, 2.0, id="1366x768-dyslexia-font-200"),
        pytest.param(
            (1080, 1920),
            True,
            2.5,
            id="1080x1920-dyslexia-font",
            marks=pytest.mark.xfail(
                strict=True,
                reason="not done: upright the text is 952 px wide and 1080 px high; the title "
                "'Contacts, 1 of 3' (125 px) and the name 'SENDIASS Rutland' (100 px) take two "
                "lines each, so the phone number starts at 1122 px and ends at 1482 px (1574 "
                "before), on two lines: even with the label at its smallest (60 px) they need "
                "1195 px, and a line has 884 px. What is left is the title's and the name's "
                "size in OpenDyslexic, not the details.",
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
    """The controls stand beside the text (tests/a11y_display/test_controls_beside.py) and
    the phone number sits on its label's line, so the contact's name, web address and phone
    number show without scrolling. To sit beside its number "Telephone:" may get smaller,
    never below the card's captions (the tagline, "Scan to phone"), and the number never
    below the body text."""
    window, view = contacts_at_250(qtbot, library, fonts, size, dyslexic, scale)
    m = view.content.m
    label, number = (f.pixelSize() for f in phone_fonts(view))
    assert m.small <= label <= number and number >= m.body, (label, number, m.small, m.body)
    doc = view.document()
    start, _ = phone_range(view)
    bottom = doc.documentLayout().blockBoundingRect(doc.findBlock(start)).bottom()
    window.allow_close = True
    assert bottom <= view.viewport().height(), f"phone ends at {bottom:.0f} px"


def test_a_label_gets_its_own_size_back_where_it_fits(
    qtbot,  # type: ignore[no-untyped-def]
    library: Library,
    fonts: Fonts,
) -> None:
    """Stepping down follows the width: on a card wide enough for "Telephone: 07977 015 674"
    at full size the label is as large and bold as its number again."""
    leaflet = library.leaflets[0]
    card = leaflet.cards[leaflet.card_index("contacts-1")]
    view = CardView(card, THEMES["standard"], Metrics.for_size(1366, 768, 2.5), fonts.reading)
    qtbot.addWidget(view)

    def label_and_number(width: int) -> tuple[QFont, QFont]:
        view.resize(width, 600)
        settle()
        return phone_fonts(view)

    view.show()
    label, number = label_and_number(940)
    assert label.pixelSize() < number.pixelSize() and not label.bold()
    label, number = label_and_number(2000)
    assert label.pixelSize() == number.pixelSize() and label.bold()
