"""Text and colours: the reading aids UK council sites offer, as one full-screen panel.

Text size, colour theme, a dyslexia-friendly font, wider spacing and reduced motion. Every
change is emitted at once as a new `Look`, so the visitor sees it behind the panel straight
away; nothing is stored, because the kiosk resets the look for the next visitor.

Wiring (in the window): `panel.lookChanged.connect(window.set_look)`, call
`panel.set_look(look)` and `panel.apply_metrics(metrics)` whenever the window restyles, and
append `stylesheet_rules(theme, metrics)` to the window's style sheet.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..i18n import QT_TR_NOOP, tr
from .theme import THEMES, Look, Metrics, Theme
from .touch import FlickScroll
from .widgets import big_button, display_button

TEXT_SIZES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5)
SAMPLE_PX = 34  # the "A" on each text-size button, at 100%
TOGGLES = (
    (
        "dyslexic_font",
        QT_TR_NOOP("Dyslexia-friendly font"),
        QT_TR_NOOP("Use the OpenDyslexic font, with heavier letter bottoms."),
    ),
    (
        "wide_spacing",
        QT_TR_NOOP("Wider spacing"),
        QT_TR_NOOP("More space between lines, words and letters."),
    ),
    (
        "reduced_motion",
        QT_TR_NOOP("Reduce motion"),
        QT_TR_NOOP("Turn off scrolling animations and moving highlights."),
    ),
)


def percent(scale: float) -> str:
    return f"{round(scale * 100)}%"


def make_display_button(parent: QWidget | None = None) -> QPushButton:
    """The top-bar button that opens the panel."""
    return display_button(parent)


def _repolish(widget: QWidget) -> None:
    # Property selectors are only re-read when the style polishes the widget again.
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class PanelButton(QPushButton):
    """A big button whose words sit in wrapped labels, so at large text it grows taller
    instead of cutting words off. Configured exactly like `widgets.big_button`."""

    def __init__(
        self,
        name: str,
        description: str,
        role: str,
        direction: QBoxLayout.Direction = QBoxLayout.Direction.TopToBottom,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("role", role)
        self.setAccessibleDescription(description)
        self.setAutoDefault(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.box = QBoxLayout(direction, self)
        self.labels: list[QLabel] = []
        self._target = 88

    def add_label(
        self,
        text: str,
        part: str,
        stretch: int = 0,
        wrap: bool = True,
        into: QBoxLayout | None = None,
    ) -> QLabel:
        label = QLabel(text)
        label.setObjectName(f"{self.objectName()}-{part}")
        label.setProperty("part", part)
        label.setWordWrap(wrap)
        # The button, not its labels, takes touches and focus.
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        (into or self.box).addWidget(label, stretch)
        self.labels.append(label)
        return label

    def set_on(self, on: bool) -> None:
        """Mark the labels for the checked colours (a child cannot select on its parent's
        :checked state in Qt style sheets)."""
        for label in self.labels:
            if label.property("on") != on:
                label.setProperty("on", on)
                _repolish(label)

    def apply_metrics(self, metrics: Metrics) -> None:
        self._target = metrics.target
        inset = max(2, metrics.px(3)) + metrics.px(14)
        self.box.setContentsMargins(inset, inset, inset, inset)
        self.box.setSpacing(metrics.px(8))
        self.updateGeometry()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._target, self.box.totalHeightForWidth(width))

    def sizeHint(self) -> QSize:
        hint = self.box.totalSizeHint().expandedTo(QSize(self._target, self._target))
        return QSize(hint.width(), self.heightForWidth(hint.width()))

    def minimumSizeHint(self) -> QSize:
        # The height follows the width (heightForWidth); reporting the height at the narrowest
        # width here would make every layout reserve that worst case.
        return QSize(max(self._target, self.box.totalMinimumSize().width()), self._target)


class GridFlow(QLayout):
    """Equal-width cells in as many columns as fit, rows balanced (6 items: 6, 3+3, 2+2+2 or
    one column), each row as tall as its tallest item at that width. Reflows on resize."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = 20

    def set_gap(self, gap: int) -> None:
        self._gap = gap
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in self._items) + self._gap * (self.count() - 1)
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        # Only a lower bound: the real height comes from heightForWidth. The height at the
        # narrowest width would make a scroll area scroll even when everything fits.
        margins = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._items), default=0)
        height = max((i.minimumSize().height() for i in self._items), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def columns(self, width: int) -> int:
        if not self._items:
            return 1
        natural = max(i.sizeHint().width() for i in self._items)
        fit = (width + self._gap) // max(1, natural + self._gap)
        columns = max(1, min(len(self._items), fit))
        rows = math.ceil(len(self._items) / columns)
        return math.ceil(len(self._items) / rows)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        columns = self.columns(inner.width())
        spare = inner.width() - (columns - 1) * self._gap
        y = inner.y()
        for start in range(0, len(self._items), columns):
            row = self._items[start : start + columns]
            widths = [spare // columns + (1 if c < spare % columns else 0) for c in range(columns)]
            height = max(
                i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                for i, w in zip(row, widths, strict=False)
            )
            x = inner.x()
            for item, w in zip(row, widths, strict=False):
                if apply:
                    item.setGeometry(QRect(x, y, w, height))
                x += w + self._gap
            y += height + self._gap
        used = y - inner.y() - (self._gap if self._items else 0)
        return used + margins.top() + margins.bottom()


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

        self.size_buttons: dict[float, PanelButton] = {}
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

        for scale in TEXT_SIZES:
            button = PanelButton(
                f"textSize-{round(scale * 100)}",
                tr("Show text at {percent} of the normal size.").format(percent=percent(scale)),
                "choice",
            )
            button.setCheckable(True)
            button.add_label("A", "sample").setAlignment(Qt.AlignmentFlag.AlignCenter)
            button.add_label(percent(scale), "caption").setAlignment(Qt.AlignmentFlag.AlignCenter)
            button.clicked.connect(lambda _=False, s=scale: self.choose_text_scale(s))
            self.size_buttons[scale] = button
            size_grid.addWidget(button)

        self.theme_buttons: dict[str, PanelButton] = {}
        self.chips: list[QFrame] = []
        for theme in self.themes:
            button = PanelButton(
                f"theme-{theme.name}",
                tr("Show the kiosk in {label} colours.").format(label=tr(theme.label)),
                "swatch",
            )
            button.setCheckable(True)
            top = QHBoxLayout()
            button.box.addLayout(top)
            button.add_label("Aa", "sample", stretch=1, into=top)
            button.add_label(tr(theme.label), "caption")
            state = button.add_label("✓ " + tr("In use"), "state", wrap=False, into=top)
            state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            policy = state.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # choosing a theme must not move anything
            state.setSizePolicy(policy)
            chip = QFrame()
            chip.setObjectName(f"theme-{theme.name}-chip")
            chip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            chip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
            button.box.addWidget(chip)
            self.chips.append(chip)
            button.clicked.connect(lambda _=False, t=theme: self.choose_theme(t))
            self.theme_buttons[theme.name] = button
            theme_grid.addWidget(button)

        self.toggle_buttons: dict[str, PanelButton] = {}
        for field, label, description in TOGGLES:
            button = PanelButton(
                field.replace("_", "-"), tr(description), "toggle", QBoxLayout.Direction.LeftToRight
            )
            button.setCheckable(True)
            button.add_label(tr(label), "caption", stretch=1)
            button.add_label(tr("Off"), "state", wrap=False).setAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            button.clicked.connect(lambda _=False, f=field: self.flip(f))
            self.toggle_buttons[field] = button
            toggle_grid.addWidget(button)

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
        for scale, button in self.size_buttons.items():
            chosen = math.isclose(scale, look.text_scale)
            button.setChecked(chosen)
            button.set_on(chosen)
            button.labels[1].setText(f"✓ {percent(scale)}" if chosen else percent(scale))
            name = tr("Text size {percent}").format(percent=percent(scale))
            button.setAccessibleName(tr("{name}, selected").format(name=name) if chosen else name)
        for name, button in self.theme_buttons.items():
            chosen = name == look.theme.name
            button.setChecked(chosen)
            button.labels[2].setVisible(chosen)
            label = button.labels[1].text()
            colours = tr("{label} colours").format(label=label)
            in_use = tr("{label} colours, in use").format(label=label)
            button.setAccessibleName(in_use if chosen else colours)
        for field, label, _ in TOGGLES:
            on = bool(getattr(look, field))
            button = self.toggle_buttons[field]
            button.setChecked(on)
            button.set_on(on)
            button.labels[1].setText(tr("On") if on else tr("Off"))
            # An explicit accessible name does not follow the label: keep the state in it.
            state = tr("on") if on else tr("off")
            button.setAccessibleName(tr("{label}: {state}").format(label=tr(label), state=state))
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
        for chip in self.chips:
            chip.setFixedHeight(m.px(14))
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
        self._change(replace(self.look, text_scale=scale))

    @Slot(object)
    def choose_theme(self, theme: Theme) -> None:
        self._change(replace(self.look, theme=theme))

    @Slot(str)
    def flip(self, field: str) -> None:
        look = self.look
        if field == "dyslexic_font":
            look = replace(look, dyslexic_font=not look.dyslexic_font)
        elif field == "wide_spacing":
            look = replace(look, wide_spacing=not look.wide_spacing)
        elif field == "reduced_motion":
            look = replace(look, reduced_motion=not look.reduced_motion)
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


def stylesheet_rules(t: Theme, m: Metrics, themes: Iterable[Theme] | None = None) -> str:
    """Rules for the panel, to append to `style.stylesheet`; `themes` are the swatches."""
    line = max(2, m.px(3))
    rules = [
        f"""
QWidget#displaySettings, QWidget#displayContent {{ background: {t.background}; }}
QScrollArea#displayScroll {{ background: {t.background}; border: none; }}
QWidget#displayHeader {{
    background: {t.surface}; border-bottom: {line}px solid {t.button_border};
}}
QLabel#displayTitle {{ font-size: {m.chrome_px(44)}px; font-weight: 700; color: {t.heading}; }}
QLabel#displayHint {{ font-size: {m.small}px; color: {t.muted}; }}
QLabel#displaySectionTitle {{
    font-size: {m.button_text}px; font-weight: 700; color: {t.heading};
}}
QPushButton[role="choice"], QPushButton[role="toggle"], QPushButton[role="reset"] {{ padding: 0; }}
QLabel[part="caption"], QLabel[part="state"] {{
    font-size: {m.button_text}px; font-weight: 700; color: {t.button_text};
}}
QLabel[part="caption"][on="true"], QLabel[part="state"][on="true"],
QLabel[part="sample"][on="true"] {{ color: {t.accent_text}; }}
QPushButton[role="choice"]:checked, QPushButton[role="toggle"]:checked {{
    background: {t.accent}; border-color: {t.accent};
}}
QPushButton[role="choice"]:checked:pressed, QPushButton[role="toggle"]:checked:pressed {{
    background: {t.heading}; border-color: {t.heading};
}}
QLabel[part="sample"] {{ color: {t.button_text}; font-weight: 700; }}
"""
    ]
    for scale in TEXT_SIZES:
        # The samples show each step's relative size, so they ignore the current text scale.
        rules.append(
            f"QLabel#textSize-{round(scale * 100)}-sample "
            f"{{ font-size: {m.px(SAMPLE_PX * scale)}px; }}\n"
        )
    for s in themes if themes is not None else THEMES.values():
        # A swatch is a small piece of its theme: its own surface, text, heading and accent.
        # The outline uses the current theme, since it sits on its background.
        key = f"theme-{s.name}"
        rules.append(
            f"""
QPushButton#{key} {{
    background: {s.surface}; border: {line}px solid {t.button_border}; padding: 0;
}}
QPushButton#{key}:pressed {{ background: {s.background}; }}
QPushButton#{key}:checked {{ border: {m.px(8)}px solid {t.heading}; }}
QLabel#{key}-sample {{ color: {s.text}; font-size: {m.chrome_px(44)}px; font-weight: 700; }}
QLabel#{key}-caption, QLabel#{key}-state {{ color: {s.heading}; }}
QFrame#{key}-chip {{ background: {s.accent}; border-radius: {m.px(4)}px; }}
"""
        )
    return "".join(rules)
