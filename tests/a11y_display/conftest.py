"""A display-settings panel styled the way the kiosk window styles it, at a chosen size."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.display_settings import DisplaySettingsPanel
from kiosk.ui.display_style import stylesheet_rules
from kiosk.ui.style import stylesheet
from kiosk.ui.theme import Fonts, Look, Metrics

MakePanel = Callable[..., DisplaySettingsPanel]


def restyle(panel: DisplaySettingsPanel, look: Look, fonts: Fonts) -> None:
    """What the window does on set_look: new metrics, new style sheet, controls updated."""
    size = panel.size()
    metrics = Metrics.for_size(size.width(), size.height(), look.text_scale)
    panel.setStyleSheet(
        stylesheet(look.theme, metrics, look.family(fonts)) + stylesheet_rules(look.theme, metrics)
    )
    panel.apply_metrics(metrics)
    panel.set_look(look)
    QApplication.processEvents()


@pytest.fixture
def make_panel(qtbot, fonts: Fonts) -> MakePanel:  # type: ignore[no-untyped-def]
    def make(
        size: tuple[int, int] = (1920, 1080), look: Look | None = None
    ) -> DisplaySettingsPanel:
        look = look or Look()
        panel = DisplaySettingsPanel(look, Metrics.for_size(*size, look.text_scale))
        qtbot.addWidget(panel)
        panel.resize(*size)
        restyle(panel, look, fonts)
        panel.show()
        qtbot.waitExposed(panel)
        panel.activateWindow()
        QApplication.processEvents()
        return panel

    return make
