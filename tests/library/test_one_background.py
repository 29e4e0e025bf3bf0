"""The theme's background is painted once, by the window's root, under every screen.

The chooser's and a leaflet's home's scrolling pages paint no background of their own: a
second and third full-size fill under every tap's new screen cost 0.6-0.9 ms a frame at
1920x1080. These check that the colour still shows through in every theme, after each change
of look (a new style sheet polishes every widget again), and that nothing inside fills.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.app import Kiosk
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import THEMES, Look


def page_colour(window: KioskWindow, scroll: QScrollArea) -> QColor:
    """The colour the window shows in the page's left margin, at the bottom of its view."""
    viewport = scroll.viewport()
    spot = viewport.mapTo(window, QPoint(3, viewport.height() - 3))
    return window.grab().toImage().pixelColor(spot)


def fillers(scroll: QScrollArea) -> list[str]:
    """The scroll area, its viewport and its page, if they paint a background of their own:
    filled from the palette, or drawn from a style-sheet rule."""
    page = scroll.widget()
    assert page is not None
    inside: list[QWidget] = [scroll, scroll.viewport(), page]
    styled = Qt.WidgetAttribute.WA_StyledBackground
    return [
        w.objectName() or type(w).__name__
        for w in inside
        if w.autoFillBackground() or w.testAttribute(styled)
    ]


@pytest.mark.parametrize("name", list(THEMES))
def test_chooser_and_home_show_the_theme_background_from_the_root(kiosk: Kiosk, name: str) -> None:
    window = kiosk.window
    window.leave_attract()
    window.set_look(Look(theme=THEMES[name]))
    QApplication.processEvents()
    want = QColor(THEMES[name].background)
    chooser = window.library_screen
    assert chooser is not None and window.current_screen() == "library"
    assert fillers(chooser.scroll_area) == []
    assert page_colour(window, chooser.scroll_area) == want
    window.open_leaflet(0)
    QApplication.processEvents()
    assert window.current_screen() == "home"
    assert fillers(window.home.page_scroll) == []
    assert page_colour(window, window.home.page_scroll) == want
