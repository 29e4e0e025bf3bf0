"""What the kiosk does before its first screen is up, and what waits until after.

Behind the attract screen only the attract screen and the top bar are made before the first
paint; the chooser, home, the card screen and the help follow just after it. Whatever asks for
one of them sooner (a visitor who touches the screen at once, a test, the wiring) gets it made
on the spot, so nothing ever finds a screen missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from kiosk.app import choose_content
from kiosk.content import Library
from kiosk.content.help import load_help
from kiosk.ui import kiosk_help
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.content_factory import make_leaflet
from tests.kiosk.conftest import help_later_window


class _Painted(QObject):
    """Which of the window's screens existed when the stack first painted."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__()
        self.window = window
        self.seen: tuple[object, ...] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.seen is None:
            w = self.window
            self.seen = (w._home, w._cards, w._kiosk_help, w._library_screen)
        return False


def test_behind_the_attract_screen_the_rest_is_made_after_the_first_paint(
    qtbot, library: Library, fonts: Fonts
) -> None:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts, with_attract=True, help=load_help(library))
    qtbot.addWidget(window)
    painted = _Painted(window)
    window.stack.installEventFilter(painted)
    window.resize(1920, 1080)
    with qtbot.waitSignal(window.firstPaint, timeout=10_000):
        window.show()
    assert painted.seen == (None, None, None, None)
    # By the time anyone hears of the first paint, every screen is there.
    assert window._home is not None and window._cards is not None
    assert window._kiosk_help is not None
    assert window.current_screen() == "attract"
    window.leave_attract()
    assert window.current_screen() == "home"
    assert window.home.start.isVisible()


def test_a_visitor_who_touches_at_once_finds_home_made_on_the_spot(
    qtbot, library: Library, fonts: Fonts
) -> None:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts, with_attract=True, help=load_help(library))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    assert window._home is None  # not painted yet: nothing but the attract screen
    window.attract.started.emit()  # the touch arrives before the first paint's turn
    assert window.current_screen() == "home"
    window.show()
    qtbot.waitExposed(window)
    window.home.start.click()
    assert window.current_screen() == "card" and window.cards.index == 0


def test_without_an_attract_screen_everything_is_made_at_once(
    qtbot, library: Library, fonts: Fonts
) -> None:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts)
    qtbot.addWidget(window)
    assert window._home is not None and window._cards is not None
    assert isinstance(window.home, QWidget)


def test_the_words_on_a_card_are_found_once_not_on_every_tap(
    qtbot, monkeypatch, library: Library, fonts: Fonts
) -> None:  # type: ignore[no-untyped-def]
    searched: list[str] = []
    real = kiosk_help.terms_on_card

    def counting(card, glossary):  # type: ignore[no-untyped-def]
        searched.append(card.id)
        return real(card, glossary)

    monkeypatch.setattr(kiosk_help, "terms_on_card", counting)
    window = KioskWindow(library, fonts, help=load_help(library))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitExposed(window)
    helper = window.kiosk_help
    assert helper is not None
    first_pass: list[str] = []
    for index in (0, 1, 2, 1, 0, 1, 2):
        window.show_card(index)
        first_pass.append(helper.card_words.text())
    cards = window.leaflet.cards
    assert {cards[i].id for i in (0, 1, 2)} <= set(searched)
    assert len(searched) == len(set(searched)), "a card's words were searched again"
    # The same answer each time the card comes back.
    assert first_pass[0] == first_pass[4] and first_pass[1] == first_pass[3] == first_pass[5]


def test_the_help_is_read_after_the_first_paint_and_its_problems_still_reported(
    qtbot, tmp_path: Path, fonts: Fonts, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """Glossaries and routes are a second of TOML with fifty leaflets: the kiosk reads them
    as the help's screens are made, and a broken one is printed, logged and listed for the
    admin screen as before."""
    folder = make_leaflet(tmp_path / "lf")
    (folder / "glossary.toml").write_text("[[term]]\nterm = 3\n", encoding="utf-8")
    choice = choose_content([folder], help_now=False)
    assert choice.help_pending and not choice.problems
    window, startup = help_later_window(qtbot, choice, folder, fonts)
    assert not choice.problems  # nothing read before the screens are made
    with qtbot.waitSignal(window.firstPaint, timeout=10_000):
        window.show()
    assert not choice.help_pending
    assert any("glossary.toml:2" in line for line in startup.problems), startup.problems
    assert "glossary.toml:2" in capsys.readouterr().err
    helper = window.kiosk_help
    assert helper is not None and helper.data.glossary is None
    assert window.leaflet.cards  # the leaflet itself is whole


def test_a_contact_detail_is_encoded_once_whatever_its_size(
    qapp: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a leaflet or changing the text size redraws the same few QR codes: the slow
    encoding is done once per detail, only the drawing again."""
    import segno

    from kiosk.ui import qr
    from tests.foundation.test_qr import decode

    made: list[str] = []
    real = segno.make

    def counting(content: str, **kwargs: object) -> segno.QRCode:
        made.append(content)
        return real(content, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(segno, "make", counting)
    data = "tel:+441572758300-startup-path-test"
    images = [qr.qr_image(data, size) for size in (110, 190, 110, 300)]
    assert made == [data]
    assert all(decode(image) == data for image in images)
    assert images[1].width() > images[0].width()


def test_prebuilt_cards_are_laid_out_before_the_tap_that_shows_them(
    qtbot, library: Library, fonts: Fonts
) -> None:  # type: ignore[no-untyped-def]
    """Qt keeps a hidden widget's resize until it is shown: unless the prebuild gives each
    card its size, the tap that shows it wraps its whole document first."""
    window = KioskWindow(library, fonts, with_attract=True, help=load_help(library))
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    qtbot.waitUntil(lambda: len(window.cards.views) == len(window.leaflet.cards), timeout=30_000)
    last = window.cards.views[len(window.leaflet.cards) - 1]
    assert not last.isVisible()
    width = last.viewport().width()
    assert width > 1000  # the card area's width, not Qt's 640 x 480 default
    # The document is wrapped at that width already.
    assert last.document().textWidth() == width
    window.leave_attract()
    window.show_card(len(window.leaflet.cards) - 1)
    assert last.isVisible() and last.viewport().width() == width
