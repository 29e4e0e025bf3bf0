"""The bar across the top of every screen: audio mode at the left corner, reading controls in
the middle, display settings at the right. Its height never changes, so nothing below jumps
when controls come and go."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .theme import Metrics


class TopBar(QWidget):
    def __init__(self, brand: str, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.left = QHBoxLayout()
        self.middle = QHBoxLayout()
        self.right = QHBoxLayout()
        self.brand = QLabel(brand)
        self.brand.setObjectName("brand")
        self.middle.addWidget(self.brand, 1)
        row = QHBoxLayout(self)
        self.row = row
        row.addLayout(self.left)
        row.addLayout(self.middle, 1)
        row.addLayout(self.right)
        self.apply_metrics(metrics)

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(12)
        self.row.setContentsMargins(metrics.margin, pad, metrics.margin, pad)
        self.row.setSpacing(metrics.gap)
        for layout in (self.left, self.middle, self.right):
            layout.setSpacing(metrics.gap)
        self.setFixedHeight(metrics.target + 2 * pad + max(2, metrics.px(3)))
