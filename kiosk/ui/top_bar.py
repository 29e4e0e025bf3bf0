"""The bar across the top of every screen: audio mode at the left corner, reading controls in
the middle, display settings at the right. Its height only changes with the layout (one row in
landscape, two in portrait or at large text), never while controls come and go."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from .fit import fit_factor, restyle
from .theme import BUTTON_TEXT_PX, Metrics
from .widgets import fit_label


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
        self._labels: dict[QPushButton, list[str]] = {}
        self._fitted_for: tuple[int, Metrics, str, bool, tuple[bool, ...]] | None = None
        self._sheet = ""  # the font size the buttons were last restyled to
        self.metrics = metrics
        self.apply_metrics(metrics)

    def keep_whole(self, button: QPushButton, labels: list[str]) -> None:
        """`button` shows each of `labels` in turn: never squeeze it below the longest."""
        self._labels[button] = labels

    def fit_controls(self, force: bool = False) -> None:
        """Labels as large as the text size asks, unless a row of the bar is too narrow for
        them (portrait at 250%): then as large as the row allows. The bar never clips."""
        if not self.window().isVisible():
            # Fitted as the window shows, at its real width: fitting before that measures a
            # width the bar never has, at the price of a style sheet per try.
            self._fitted_for = None
            return
        m = self.metrics
        shown = tuple(b.isVisibleTo(self) for b in self._labels)
        key = (self.width(), m, self.font().family(), self.tools_shown, shown)
        if key == self._fitted_for and not force:
            return
        self._fitted_for = key
        room = self.width() - 2 * m.margin

        def apply(factor: float) -> None:
            px = max(1, round(BUTTON_TEXT_PX * m.scale * factor))
            sheet = f"QPushButton {{ font-size: {px}px; }}"
            # Going between a card and home flips the tools and fits again, mostly to the
            # same size: a style sheet and a polish of every button was most of that tap.
            if force or sheet != self._sheet:
                self._sheet = sheet
                restyle(self, sheet, self.findChildren(QPushButton))
            for button, labels in self._labels.items():
                fit_label(button, labels)

        def fits() -> bool:
            first = self._width_of(self.left) + self._width_of(self.right) + m.gap
            tools = self._width_of(self.middle) if self.tools_shown else 0
            if not self.two_rows:
                first += tools + m.gap
                tools = 0
            # Within the bar's height: a tall font (OpenDyslexic) must not outgrow its row.
            tall = max((b.sizeHint().height() for b in self.findChildren(QPushButton)), default=0)
            return first <= room and tools <= room and tall <= self._row_height()

        fit_factor(apply, fits, m.chrome_scale)
        self.fit_brand()

    def show_tools(self, shown: bool) -> None:
        """Card tools come and go with the card screen; in two-row mode so does their row."""
        self.tools_shown = shown
        self.tools_box.setVisible(shown)
        self._fix_height()
        self.fit_controls()

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
        if hasattr(self, "_labels"):
            self.fit_controls(force=True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_controls()
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
        shown = 0
        for i in range(layout.count()):
            item = layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisibleTo(self):
                total += max(widget.sizeHint().width(), widget.minimumWidth())
                shown += 1
        return total + max(0, shown - 1) * layout.spacing()

    def want_brand(self, wanted: bool) -> None:
        self._brand_wanted = wanted
        self.fit_brand()

    def _row_height(self) -> int:
        return self.metrics.target + max(2, self.metrics.px(3))

    def _fix_height(self) -> None:
        m = self.metrics
        pad = m.px(12)
        rows = 2 if self.two_rows and self.tools_shown else 1
        row_height = self._row_height()
        self.setFixedHeight(rows * row_height + (rows - 1) * pad + 2 * pad)
