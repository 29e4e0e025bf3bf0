"""The bar across the top of every screen: audio mode at the left corner, reading controls in
the middle, display settings at the right. Its height only changes with the layout (one row in
landscape, two in portrait or at large text), never while controls come and go."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QWidget

from .theme import Metrics


class TopBar(QWidget):
    def __init__(self, brand: str, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.left = QHBoxLayout()
        self.right = QHBoxLayout()
        self.brand = QLabel(brand)
        self.brand.setObjectName("brand")
        # The brand gives way first when the bar is crowded (portrait, large text).
        self.brand.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Card tools (reading controls) live in their own box so they can move to a 2nd row.
        self.tools_box = QWidget()
        self.middle = QHBoxLayout(self.tools_box)
        self.middle.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout(self)
        self.two_rows = False
        self.tools_shown = False
        self._brand_wanted = True
        self.metrics = metrics
        self.apply_metrics(metrics)

    def show_tools(self, shown: bool) -> None:
        """Card tools come and go with the card screen; in two-row mode so does their row."""
        self.tools_shown = shown
        self.tools_box.setVisible(shown)
        self._fix_height()

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(12)
        # Below about 1700x950 sizes stop shrinking (the 0.85 scale floor): one row no longer
        # holds Listen, the reading controls with volume, and Text and colours (1366x768).
        self.two_rows = metrics.portrait or metrics.text_scale >= 1.5 or metrics.scale < 0.9
        for item in (self.left, self.right):
            self.grid.removeItem(item)
        for widget in (self.brand, self.tools_box):
            self.grid.removeWidget(widget)
        self.grid.addLayout(self.left, 0, 0)
        self.grid.addWidget(self.brand, 0, 1)
        self.grid.addLayout(self.right, 0, 2)
        if self.two_rows:
            self.grid.addWidget(self.tools_box, 1, 0, 1, 3)
        else:
            self.grid.addWidget(self.tools_box, 0, 1)
        self.grid.setColumnStretch(1, 1)
        self.grid.setContentsMargins(metrics.margin, pad, metrics.margin, pad)
        self.grid.setHorizontalSpacing(metrics.gap)
        self.grid.setVerticalSpacing(pad)
        for layout in (self.left, self.middle, self.right):
            layout.setSpacing(metrics.gap)
        self.metrics = metrics
        self._fix_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_brand()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            # Controls came or went (reading started, volume shown): the brand's room changed.
            self.fit_brand()
        return handled

    def fit_brand(self) -> None:
        """Show the brand only where it fits whole: a clipped "SEND" looks broken."""
        taken = self._width_of(self.left) + self._width_of(self.right)
        room = self.width() - taken - 2 * self.metrics.margin - 2 * self.metrics.gap
        if self.tools_shown and not self.two_rows:
            room = 0
        self.brand.setVisible(self._brand_wanted and self.brand.sizeHint().width() <= room)

    def _width_of(self, layout: QHBoxLayout) -> int:
        total = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisibleTo(self):
                total += widget.sizeHint().width()
        return total

    def want_brand(self, wanted: bool) -> None:
        self._brand_wanted = wanted
        self.fit_brand()

    def _fix_height(self) -> None:
        m = self.metrics
        pad = m.px(12)
        rows = 2 if self.two_rows and self.tools_shown else 1
        row_height = m.target + max(2, m.px(3))
        self.setFixedHeight(rows * row_height + (rows - 1) * pad + 2 * pad)
