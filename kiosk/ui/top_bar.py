"""The bar across the top of every screen: audio mode at the left corner, reading controls in
the middle, display settings at the right. Its height only changes with the layout (one row in
landscape, two in portrait), never while controls come and go.

While a card is read aloud its controls may not fit beside everything else (1366x768, large
text, or the volume beside the settings upright): then "All leaflets" and "Text and colours"
give way to them until the reading stops, rather than every label shrinking out of reach or
the bar growing a row that would take the card's text away mid-sentence."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from .fit import fit_factor, restyle
from .theme import BUTTON_TEXT_PX, Metrics
from .tree import layout_members
from .widgets import fit_label

# While reading, the settings give way when they would leave the labels less than this share
# of the size the text asks (at 1920x1080 and 100% everything fits at about two thirds).
GIVE_WAY = 0.6
# Fits remembered: a screen's states (home, card, reading, volume shown) times a few text sizes.
MAX_FITS_KEPT = 64
# Width, metrics, font family, tools shown, which buttons show, the words they may show.
FitKey = tuple[int, Metrics, str, bool, tuple[bool, ...], tuple[tuple[str, ...], ...]]


class TopBar(QWidget):
    def __init__(self, brand: str, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.left = QHBoxLayout()
        self.right = QHBoxLayout()
        # The settings-like buttons (All leaflets, Text and colours): in a box of their own,
        # which steps aside while the reading controls need the row (see fit_controls).
        self.settings_box = QWidget()
        self.settings = QHBoxLayout(self.settings_box)
        self.settings.setContentsMargins(0, 0, 0, 0)
        self.right.addWidget(self.settings_box)
        self.brand = QLabel(brand)
        self.brand.setObjectName("brand")
        # The brand gives way first when the bar is crowded (portrait, large text).
        self.brand.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Card tools (reading controls) live in their own box so they can move to a 2nd row.
        self.tools_box = QWidget()
        self.tools_box.setObjectName("topBarTools")
        self.middle = QHBoxLayout(self.tools_box)
        self.middle.setContentsMargins(0, 0, 0, 0)
        self.grid = QGridLayout(self)
        self.two_rows = False
        self.tools_shown = False
        self._brand_wanted = True
        self._labels: dict[QPushButton, list[str]] = {}
        self._fitted_for: FitKey | None = None
        # Each state of the bar's fit (factor, settings shown), found once (fit_controls).
        self._fits: dict[FitKey, tuple[float, bool]] = {}
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
        buttons = self.findChildren(QPushButton)
        # Every button that may show counts (the reading controls come and go), and those in
        # the settings box as if it were shown: whether it is, is what the fit decides.
        shown = tuple(
            not b.isHidden() if self.settings_box.isAncestorOf(b) else b.isVisibleTo(self)
            for b in buttons
        )
        words = tuple(tuple(self._labels.get(b, [b.text()])) for b in buttons) + tuple(
            (label.text(),)
            for label in self.tools_box.findChildren(QLabel)
            if label.isVisibleTo(self)
        )
        key = (self.width(), m, self.font().family(), self.tools_shown, shown, words)
        if force:
            self._fits.clear()
        elif key == self._fitted_for:
            return
        self._fitted_for = key
        room = self.width() - 2 * m.margin

        def apply(factor: float) -> None:
            px = max(1, round(BUTTON_TEXT_PX * m.scale * factor))
            # The tools' words between their buttons ("Speed 1x") keep to the buttons' size.
            sheet = f"QPushButton, #topBarTools QLabel {{ font-size: {px}px; }}"
            # Going between a card and home flips the tools and fits again, mostly to the
            # same size: a style sheet and a polish of every button was most of that tap.
            if force or sheet != self._sheet:
                self._sheet = sheet
                widgets = [*self.findChildren(QPushButton), *self.tools_box.findChildren(QLabel)]
                restyle(self, sheet, widgets)
            for button, labels in self._labels.items():
                fit_label(button, labels)

        known = self._fits.get(key)
        if known is not None:
            # Home and a card take turns all day, each with its own fit: the search below
            # restyles the bar up to eight times (most of a 50 ms tap in a library).
            factor, settings_shown = known
            self.settings_box.setVisible(settings_shown)
            apply(factor)
            self.fit_brand()
            return

        def fits() -> bool:
            # The middle column (brand or tools) keeps its two gaps even when empty: the
            # tools' row spans it.
            first = self._width_of(self.left) + self._width_of(self.right) + 2 * m.gap
            tools = self._width_of(self.middle) if self.tools_shown else 0
            if not self.two_rows:
                first += tools
                tools = 0
            # Within the bar's height: a tall font (OpenDyslexic) must not outgrow its row.
            tall = max((b.sizeHint().height() for b in self.findChildren(QPushButton)), default=0)
            return first <= room and tools <= room and tall <= self._row_height()

        self.settings_box.show()
        factor = fit_factor(apply, fits, m.chrome_scale)
        fitted = fits()
        if self._tools_crowded(factor, fitted):
            self.settings_box.hide()
            crowded = fit_factor(apply, fits, m.chrome_scale)
            if crowded <= factor and fitted:
                # No gain (upright the reading controls' own row is the narrow one): the
                # settings stay.
                self.settings_box.show()
                fit_factor(apply, fits, m.chrome_scale)
            else:
                factor = crowded
        if len(self._fits) >= MAX_FITS_KEPT:
            self._fits.clear()
        self._fits[key] = (factor, not self.settings_box.isHidden())
        self.fit_brand()

    def _tools_crowded(self, factor: float, fitted: bool) -> bool:
        """Whether the reading controls (more than the one Read aloud button) leave the row's
        labels smaller than GIVE_WAY of the size the text asks, or cannot share it at all."""
        if not self.tools_shown:
            return False
        tools = [b for b in self.tools_box.findChildren(QPushButton) if b.isVisibleTo(self)]
        return len(tools) > 1 and (not fitted or factor < GIVE_WAY * self.metrics.chrome_scale)

    def show_tools(self, shown: bool) -> None:
        """Card tools come and go with the card screen; in two-row mode so does their row."""
        self.tools_shown = shown
        self.tools_box.setVisible(shown)
        self._fix_height()
        self.fit_controls()

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(12)
        # Upright the reading controls have a row of their own. In landscape a second row
        # would cost the card's text its height (at 250% on 1366x768 it kept 133 px of it),
        # so the bar keeps to one: labels shrink to fit it, and while reading, the settings
        # give way (fit_controls).
        self.two_rows = metrics.portrait
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
        for layout in (self.left, self.middle, self.right, self.settings):
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
            # Controls came or went (reading started, volume shown): the labels' and the
            # brand's room changed.
            self.fit_controls()
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
        """The width the row's shown widgets ask for, as they are now.

        A box of buttons (the settings, the reading controls, the volume) is measured from its
        own buttons, not from the size its layout last cached: a fit restyles them and
        measures again at once. Never by invalidating that layout: that posts the bar a
        layout request, which fits again, and so on, about 3,000 times a second for as long
        as the kiosk runs."""
        total = 0
        shown = 0
        for widget in layout_members(layout):
            if isinstance(widget, QWidget) and widget.isVisibleTo(self):
                inner = widget.layout()
                if isinstance(inner, QHBoxLayout):
                    margins = inner.contentsMargins()
                    width = self._width_of(inner) + margins.left() + margins.right()
                else:
                    width = widget.sizeHint().width()
                total += max(width, widget.minimumWidth())
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
