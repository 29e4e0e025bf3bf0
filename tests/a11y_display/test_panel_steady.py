"""Turning a reading aid on must not move the settings panel's buttons from under a finger."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Look


def positions(window: KioskWindow) -> list[tuple[int, int, int, int]]:
    QApplication.processEvents()
    return [
        (*b.mapTo(window, b.rect().topLeft()).toTuple(), b.width(), b.height())
        for b in window.display_panel.controls()
    ]


def test_dyslexia_font_and_spacing_leave_the_panel_in_place(window: KioskWindow) -> None:
    window.open_display_settings()
    before = positions(window)
    window.set_look(Look(dyslexic_font=True, wide_spacing=True))
    assert positions(window) == before
