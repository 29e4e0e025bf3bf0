"""Every card fits its screen, text is large, targets are big and colours have contrast."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo

from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import THEMES, Look, Metrics, contrast_ratio


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_every_card_fits_without_scrolling(
    qtbot, window: KioskWindow, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    for index, card in enumerate(window.leaflet.cards):
        window.show_card(index)
        view = window.cards.current_view
        assert view is not None
        assert not view.overflows(), f"{card.id} scrolls at {size}: {view.content_height():.0f}px"
        assert view.document().size().width() <= view.viewport().width() + 1, (
            f"{card.id} is clipped"
        )
        assert not window.cards.more_below.isVisible()


def test_long_text_shows_a_more_below_cue(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window.set_look(Look(text_scale=2.0))
    window.show_card(window.leaflet.card_index("appeals-1"))
    view = window.cards.current_view
    assert view is not None and view.overflows()
    assert window.cards.more_below.isVisible()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert not window.cards.more_below.isVisible()


def test_body_text_and_targets_are_large(window: KioskWindow) -> None:
    window.show_card(0)
    view = window.cards.current_view
    assert view is not None
    body = view.document().defaultFont()
    assert body.pixelSize() >= 32
    assert QFontInfo(body).family() == "Atkinson Hyperlegible"
    for button in (window.cards.back, window.cards.home, window.cards.next):
        assert button.height() >= 88 and button.width() >= 88, button.objectName()
    window.show_home()
    for tile in window.home.tiles:
        assert tile.height() >= 88 and tile.width() >= 88
    assert window.home.start.height() >= 88


def test_buttons_stay_in_the_same_place_on_every_card(window: KioskWindow) -> None:
    places = set()
    for index in range(len(window.leaflet.cards)):
        window.show_card(index)
        places.add(
            tuple(
                b.geometry().getRect()
                for b in (window.cards.back, window.cards.home, window.cards.next)
            )
        )
    assert len(places) == 1


def test_metrics_scale_across_screens() -> None:
    assert Metrics.for_size(1920, 1080).body == 36
    assert Metrics.for_size(3840, 2160).body == 72
    assert Metrics.for_size(1080, 1920).body == 36
    assert Metrics.for_size(1366, 768).body >= 30
    assert Metrics.for_size(1366, 768).target >= 88


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_theme_contrast(theme) -> None:  # type: ignore[no-untyped-def]
    body = [
        (theme.text, theme.surface),
        (theme.quote_text, theme.quote_bg),
        (theme.text, theme.ref_bg),
        (theme.text, theme.contact_bg),
        (theme.heading, theme.surface),
    ]
    for fg, bg in body:
        assert contrast_ratio(fg, bg) >= 7, (fg, bg)
    other = [
        (theme.muted, theme.surface),
        (theme.muted, theme.background),
        (theme.accent_text, theme.accent),
        (theme.button_text, theme.button),
        (theme.disabled_text, theme.disabled),
        (theme.word_text, theme.word_bg),
        (theme.text, theme.sentence_bg),
        (theme.heading, theme.background),
    ]
    for fg, bg in other:
        assert contrast_ratio(fg, bg) >= 4.5, (fg, bg)
    # Focus ring against the window and the panels (WCAG 2.4.11: 3:1).
    assert contrast_ratio(theme.focus, theme.background) >= 3
    assert contrast_ratio(theme.focus, theme.surface) >= 3


def test_contrast_formula() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_no_tiny_text(window: KioskWindow) -> None:
    from PySide6.QtWidgets import QLabel, QPushButton

    for widget in window.findChildren(QLabel) + window.findChildren(QPushButton):
        px = QFont(widget.font()).pixelSize()
        assert px == -1 or px >= 28, f"{widget.objectName()} text is {px}px"
