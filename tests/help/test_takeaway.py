"""Keep this card: the QR code shown holds the card's own text and decodes at the size shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import Library, load_library
from kiosk.content.help import HelpLoad, load_help, takeaway_short_text, takeaway_text
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.takeaway import MAX_VERSION, encode
from kiosk.ui.theme import Fonts, Look
from tests.foundation.test_qr import decode
from tests.helpers.content_factory import card, make_leaflet


def shown_code(qtbot, window: KioskWindow) -> str:  # type: ignore[no-untyped-def]
    """Decode the take-away code exactly as painted on the screen right now."""
    kiosk_help = window.kiosk_help
    assert kiosk_help is not None
    qr = kiosk_help.screen.qr
    assert qr is not None
    qtbot.waitUntil(lambda: qr.isVisible() and qr.width() > 0)
    assert qr.module_px() >= 2
    # The widget's own paint at its laid-out size: what a phone camera would see.
    image = qr.grab().toImage()
    return decode(image)


@pytest.mark.parametrize(("size", "scale"), [((1920, 1080), 1.0), ((1366, 768), 2.5)])
def test_every_card_fits_and_its_code_decodes_to_its_text(
    qtbot, library: Library, fonts: Fonts, help_load: HelpLoad, size: tuple[int, int], scale: float
) -> None:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts, Look(text_scale=scale), help=help_load)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    assert window.kiosk_help is not None
    leaflet = window.leaflet
    contact = window.kiosk_help.data.contact
    for index, shown in enumerate(leaflet.cards):
        window.show_card(index)
        window.kiosk_help.keep.click()
        assert window.current_screen() == "help"
        expected = takeaway_text(leaflet, shown, contact)
        assert encode(expected) is not None, f"{shown.id} does not fit"
        assert shown_code(qtbot, window) == expected, shown.id
        page = window.kiosk_help.screen.page
        assert page is not None and "too long" not in " ".join(page.paragraphs)
        window.kiosk_help.screen.back.click()
        assert window.cards.index == index


def test_a_card_too_long_for_one_code_says_so(qtbot, tmp_path: Path, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    words = " ".join(f"word{n}" for n in range(500))
    folder = make_leaflet(tmp_path / "lf", {"01-a.md": card("a", "Long", 1, words + ".")})
    library = load_library(folder)
    window = KioskWindow(library, fonts, help=load_help(library))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    assert window.kiosk_help is not None
    leaflet = library.leaflets[0]
    assert encode(takeaway_text(leaflet, leaflet.cards[0], None)) is None
    window.show_card(0)
    window.kiosk_help.keep.click()
    page = window.kiosk_help.screen.page
    assert page is not None and "too long to fit in one code" in page.paragraphs[0]
    contact = window.kiosk_help.data.contact
    assert shown_code(qtbot, window) == takeaway_short_text(leaflet, leaflet.cards[0], contact)


def test_codes_stay_small_enough_to_read_off_a_screen() -> None:
    code = encode("x" * 1000)
    assert code is not None and code.version <= MAX_VERSION
    assert encode("x" * 5000) is None
