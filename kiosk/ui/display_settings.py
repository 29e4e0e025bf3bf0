"""Text and colours: the reading aids UK council sites offer, as one full-screen panel.

Text size, colour theme, a dyslexia-friendly font, wider spacing and reduced motion. Every
change is emitted at once as a new `Look`, so the visitor sees it behind the panel straight
away; nothing is stored, because the kiosk resets the look for the next visitor.

Wiring (in the window): `panel.lookChanged.connect(window.set_look)`, call
`panel.set_look(look)` and `panel.apply_metrics(metrics)` whenever the window restyles, and
append `display_style.stylesheet_rules(theme, metrics)` to the window's style sheet. The
buttons, and how each shows being chosen, are in panel_buttons.py.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .display_style import TEXT_SIZES
from .grid_flow import GridFlow
from .panel_buttons import TOGGLES, PanelButton, SizeButton, ThemeButton, ToggleButton
from .theme import THEMES, Look, Metrics, Theme
from .touch import FlickScroll
from .widgets import big_button, display_button


def make_display_button(parent: QWidget | None = None) -> QPushButton:
    """The top-bar button that opens the panel."""
    return display_button(parent)


class DisplaySettingsPanel(QWidget):
    """The "Text and colours" panel, shown over the whole kiosk.

    Signals: lookChanged(Look) on every change, at once; closed() when the visitor is done.
    """

    lookChanged = Signal(object)
    closed = Signal()

    def __init__(
        self,
        look: Look,
        metrics: Metrics,
        themes: Iterable[Theme] | None = None,
        reset_to: Look | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("displaySettings")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName(tr("Text and colours"))
        self.setAccessibleDescription(
            tr("Settings for text size, colours, font and spacing. Changes show straight away.")
        )
        self.themes = list(themes if themes is not None else THEMES.values())
        self.reset_to = reset_to or Look()
        self.look = look
        self.metrics = metrics
        self._host: QWidget | None = None

        self.header = QWidget()
        self.header.setObjectName("displayHeader")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.title = QLabel(tr("Text and colours"))
        self.title.setObjectName("displayTitle")
        self.title.setWordWrap(True)
        self.hint = QLabel(
            tr("Changes show straight away. They go back to standard for the next visitor.")
        )
        self.hint.setObjectName("displayHint")
        self.hint.setWordWrap(True)
        self.header_row = QHBoxLayout(self.header)
        self.header_row.addWidget(self.title, 1)

        # Each GridFlow joins the body while still empty. GridFlow keeps its QLayoutItems in a
        # Python list; PySide's addLayout makes every item already in a layout a child of the
        # body's wrapper, and with PySide6 6.11.3 on Python 3.11 that parent tree gets
        # corrupted over a long run (a wrapper freed while still listed as a child; the
        # address is reused), so destroying an unrelated widget invalidated these items:
        # "Internal C++ object (QWidgetItem) already deleted" in minimumSize(), which that
        # shiboken turns into a segfault (the random soak's kiosk died after 175-1,825 events).
        # Added afterwards, the items belong to their grid alone.
        size_grid, theme_grid, toggle_grid = GridFlow(), GridFlow(), GridFlow()
        self.grids = [size_grid, theme_grid, toggle_grid]
        self.section_titles: list[QLabel] = []
        content = QWidget()
        content.setObjectName("displayContent")
        self.body = QVBoxLayout(content)
        self.body.addWidget(self.hint)
        headings = (tr("Text size"), tr("Colours"), tr("Reading aids"))
        for heading, grid in zip(headings, self.grids, strict=True):
            title = QLabel(heading)
            title.setObjectName("displaySectionTitle")
            title.setWordWrap(True)
            self.section_titles.append(title)
            self.body.addWidget(title)
            self.body.addLayout(grid)

        self.size_buttons: dict[float, SizeButton] = {}
        for scale in TEXT_SIZES:
            size = SizeButton(scale)
            size.clicked.connect(lambda _=False, s=scale: self.choose_text_scale(s))
            self.size_buttons[scale] = size
            size_grid.addWidget(size)

        self.theme_buttons: dict[str, ThemeButton] = {}
        for theme in self.themes:
            swatch = ThemeButton(theme)
            swatch.clicked.connect(lambda _=False, t=theme: self.choose_theme(t))
            self.theme_buttons[theme.name] = swatch
            theme_grid.addWidget(swatch)

        self.toggle_buttons: dict[str, ToggleButton] = {}
        for field, label, description in TOGGLES:
            toggle = ToggleButton(field, label, description)
            toggle.clicked.connect(lambda _=False, f=field: self.flip(f))
            self.toggle_buttons[field] = toggle
            toggle_grid.addWidget(toggle)

        self.reset = PanelButton(
            "displayReset",
            tr("Put text size, colours, font and spacing back to standard."),
            "reset",
        )
        self.reset.add_label("↺  " + tr("Reset to standard"), "caption")
        self.reset.setAccessibleName(tr("Reset to standard"))
        self.reset.clicked.connect(self.reset_look)
        # Done stays in the top right corner, always on screen; Reset joins it when there is
        # room and otherwise ends the list, so large text never leaves a squeezed header.
        self.done = big_button(
            tr("Done") + "  ✓",
            "displayDone",
            tr("Close these settings and go back to reading."),
            "primary",
        )
        self.done.setAccessibleName(tr("Done"))
        self.done.clicked.connect(self.close_panel)
        self.header_row.addWidget(self.done, 0, Qt.AlignmentFlag.AlignVCenter)

        self.body.addWidget(self.reset, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("displayScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setWidget(content)
        self.content = content
        FlickScroll(self.scroll_area.viewport())

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # Always screen-sized: a layout-driven minimum size would only make platform plugins
        # complain (offscreen: "does not support propagateSizeHints").
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.addWidget(self.header)
        outer.addWidget(self.scroll_area, 1)

        order = self.controls()
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        self.apply_metrics(metrics)
        self.set_look(look)

    # --- public --------------------------------------------------------------------------
    def controls(self) -> list[QPushButton]:
        """Every control, in reading (and Tab) order."""
        return [
            *self.size_buttons.values(),
            *self.theme_buttons.values(),
            *self.toggle_buttons.values(),
            self.reset,
            self.done,
        ]

    def set_look(self, look: Look) -> None:
        """Show `look` in the controls without emitting anything."""
        self.look = look
        for scale, size in self.size_buttons.items():
            size.show_chosen(math.isclose(scale, look.text_scale))
        for name, swatch in self.theme_buttons.items():
            swatch.show_chosen(name == look.theme.name)
        for field, toggle in self.toggle_buttons.items():
            toggle.show_chosen(bool(getattr(look, field)))
        self._settle()

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        m = metrics
        pad = m.px(12)
        self.header_row.setContentsMargins(m.margin, pad, m.margin, pad)
        self.header_row.setSpacing(m.gap)
        self.body.setContentsMargins(m.margin, m.px(12), m.margin, m.gap)
        self.body.setSpacing(m.gap)
        for grid in self.grids:
            grid.set_gap(m.gap)
            grid.setContentsMargins(0, 0, 0, m.px(12))
        for button in self.controls():
            if isinstance(button, PanelButton):
                button.apply_metrics(m)
        self.content.updateGeometry()
        self._place_reset(self.width())
        self._settle()

    def _settle(self) -> None:
        # A new text size changes heights bottom-up, one posted layout request per level; the
        # scroll area would resize the list a turn later, after a frame with overlapping
        # controls. Size the list now instead.
        self.body.invalidate()
        viewport = self.scroll_area.viewport()
        width = viewport.width()
        self.content.resize(width, max(self.content.heightForWidth(width), viewport.height()))

    def show_over(self, host: QWidget) -> None:
        """Cover `host` (the window's central widget) and follow its size until closed."""
        if self._host is not host:
            if self._host is not None:
                self._host.removeEventFilter(self)
            self._host = host
            self.setParent(host)
            host.installEventFilter(self)
        self.setGeometry(host.rect())
        self.show()
        self.raise_()
        self.scroll_area.verticalScrollBar().setValue(0)
        self.controls()[0].setFocus(Qt.FocusReason.OtherFocusReason)

    # --- changes -------------------------------------------------------------------------
    def _change(self, look: Look) -> None:
        if look == self.look:
            self.set_look(look)  # a tap on the chosen option must not un-check it
            return
        self.set_look(look)
        self.lookChanged.emit(look)

    @Slot(float)
    def choose_text_scale(self, scale: float) -> None:
        self._change(self.look._replace(text_scale=scale))

    @Slot(object)
    def choose_theme(self, theme: Theme) -> None:
        self._change(self.look._replace(theme=theme))

    @Slot(str)
    def flip(self, field: str) -> None:
        look = self.look
        if field == "dyslexic_font":
            look = look._replace(dyslexic_font=not look.dyslexic_font)
        elif field == "wide_spacing":
            look = look._replace(wide_spacing=not look.wide_spacing)
        elif field == "reduced_motion":
            look = look._replace(reduced_motion=not look.reduced_motion)
        self._change(look)

    @Slot()
    def reset_look(self) -> None:
        self._change(self.reset_to)

    @Slot()
    def close_panel(self) -> None:
        self.hide()
        self.closed.emit()

    # --- keyboard and touch --------------------------------------------------------------
    def _step_focus(self, forward: bool) -> bool:
        order = [c for c in self.controls() if c.isVisible() and c.isEnabled()]
        if not order:
            return False
        current = self.focusWidget()
        index = order.index(current) if current in order else -1
        target = order[(index + (1 if forward else -1)) % len(order)]
        reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        self.scroll_area.ensureWidgetVisible(target, 0, self.metrics.gap)
        return True

    def focusNextPrevChild(self, next: bool) -> bool:
        # The panel covers the kiosk, so Tab cycles inside it; Done and Escape always leave.
        return self._step_focus(next)

    _KEYS = (
        Qt.Key.Key_Escape,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Home,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
    )

    def event(self, event: QEvent) -> bool:
        # The window's shortcuts (arrows turn cards, Escape goes home) must not act on the
        # screen hidden behind the panel: claim those keys while focus is in here.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in self._KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.close_panel()
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self._step_focus(True)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self._step_focus(False)
        elif key == Qt.Key.Key_Home:
            self.controls()[0].setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.verticalScrollBar().setValue(0)
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            bar = self.scroll_area.verticalScrollBar()
            step = bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()
            bar.setValue(bar.value() + step)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_reset(event.size().width())
        super().resizeEvent(event)

    def _place_reset(self, width: int) -> None:
        m = self.metrics
        needed = sum(w.sizeHint().width() for w in (self.title, self.reset, self.done)) + 2 * (
            m.margin + m.gap
        )
        in_header = self.header_row.indexOf(self.reset) >= 0
        if needed <= width and not in_header:
            self.body.removeWidget(self.reset)
            self.header_row.insertWidget(1, self.reset, 0, Qt.AlignmentFlag.AlignVCenter)
        elif needed > width and in_header:
            self.header_row.removeWidget(self.reset)
            self.body.insertWidget(self.body.count() - 1, self.reset, 0, Qt.AlignmentFlag.AlignLeft)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._host.rect())
        return False
