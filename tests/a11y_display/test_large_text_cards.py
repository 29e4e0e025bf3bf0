"""Every card of the real leaflet at 250% text on the smallest and the portrait screen:
nothing cut off at the side (text, boxes, QR codes) and the navigation words fit their buttons.

Vertical overflow is allowed: the card scrolls and shows "More below". Sideways is not: a
visitor cannot see text that is clipped at the right edge, and there is no sideways scroll.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from kiosk.ui.card_view import CardView
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Look

SIZES = [(1366, 768), (1080, 1920)]


def _qr_problems(card_id: str, view: CardView) -> list[str]:
    problems = []
    limit = view.viewport().width()
    block = view.document().begin()
    while block.isValid():
        for piece in block:
            fragment = piece.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat():
                image = fmt.toImageFormat()
                cursor = QTextCursor(view.document())
                cursor.setPosition(fragment.position())
                left = view.cursorRect(cursor).x()
                if left < 0 or left + image.width() > limit + 1:
                    problems.append(
                        f"{card_id}: QR {image.name()} spans x {left}..{left + image.width():.0f},"
                        f" viewport {limit}"
                    )
        block = block.next()
    return problems


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_card_fits_sideways_at_250_percent(
    qtbot,  # type: ignore[no-untyped-def]
    window: KioskWindow,
    size: tuple[int, int],
) -> None:
    window.set_look(Look(text_scale=2.5))
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    QApplication.processEvents()
    problems: list[str] = []
    for index, card in enumerate(window.leaflet.cards):
        window.show_card(index)
        QApplication.processEvents()
        view = window.cards.current_view
        assert view is not None
        doc_width = view.document().size().width()
        if doc_width > view.viewport().width() + 1:
            problems.append(
                f"{card.id}: document {doc_width:.0f}px wide, viewport {view.viewport().width()}px"
            )
        problems += _qr_problems(card.id, view)
        for button in (window.cards.back, window.cards.home, window.cards.next):
            text = button.text()
            advance = button.fontMetrics().horizontalAdvance(text)
            if advance > button.width():
                problems.append(
                    f"{card.id}: {button.objectName()} {text!r} needs {advance}px,"
                    f" button is {button.width()}px"
                )
    assert not problems, f"{len(problems)} problems at {size}:\n" + "\n".join(problems)
