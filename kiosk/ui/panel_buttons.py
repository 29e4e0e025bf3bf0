"""The display panel's buttons: one kind for each row of choices, each showing its own state.

A text size shows its sample and percentage, a colour theme its sample, name and "In use", a
reading aid "On" or "Off". The panel (display_settings.py) lays them out and decides which is
chosen; each button knows how to show being chosen, in its labels and its accessible name.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ..i18n import QT_TR_NOOP, tr
from .theme import Metrics, Theme

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


class SizeButton(PanelButton):
    """One text size: a sample letter over its percentage."""

    def __init__(self, scale: float) -> None:
        super().__init__(
            f"textSize-{round(scale * 100)}",
            tr("Show text at {percent} of the normal size.").format(percent=percent(scale)),
            "choice",
        )
        self.scale = scale
        self.setCheckable(True)
        self.add_label("A", "sample").setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_label(percent(scale), "caption").setAlignment(Qt.AlignmentFlag.AlignCenter)

    def show_chosen(self, chosen: bool) -> None:
        self.setChecked(chosen)
        self.set_on(chosen)
        shown = percent(self.scale)
        self.labels[1].setText(f"✓ {shown}" if chosen else shown)
        name = tr("Text size {percent}").format(percent=shown)
        self.setAccessibleName(tr("{name}, selected").format(name=name) if chosen else name)


class ThemeButton(PanelButton):
    """One colour theme: a sample in its colours, its name, a chip of its accent colour, and
    "In use" when chosen (the space it takes is kept, so choosing moves nothing)."""

    def __init__(self, theme: Theme) -> None:
        super().__init__(
            f"theme-{theme.name}",
            tr("Show the kiosk in {label} colours.").format(label=tr(theme.label)),
            "swatch",
        )
        self.setCheckable(True)
        top = QHBoxLayout()
        self.box.addLayout(top)
        self.add_label("Aa", "sample", stretch=1, into=top)
        self.add_label(tr(theme.label), "caption")
        state = self.add_label("✓ " + tr("In use"), "state", wrap=False, into=top)
        state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        policy = state.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        state.setSizePolicy(policy)
        self.chip = QFrame()
        self.chip.setObjectName(f"theme-{theme.name}-chip")
        self.chip.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.chip.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.box.addWidget(self.chip)

    def show_chosen(self, chosen: bool) -> None:
        self.setChecked(chosen)
        self.labels[2].setVisible(chosen)
        label = self.labels[1].text()
        colours = tr("{label} colours").format(label=label)
        in_use = tr("{label} colours, in use").format(label=label)
        self.setAccessibleName(in_use if chosen else colours)

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        self.chip.setFixedHeight(metrics.px(14))


class ToggleButton(PanelButton):
    """One reading aid: its name, and "On" or "Off" at the end of the row."""

    def __init__(self, field: str, label: str, description: str) -> None:
        super().__init__(
            field.replace("_", "-"), tr(description), "toggle", QBoxLayout.Direction.LeftToRight
        )
        self.field = field
        self.label = label
        self.setCheckable(True)
        self.add_label(tr(label), "caption", stretch=1)
        self.add_label(tr("Off"), "state", wrap=False).setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )

    def show_chosen(self, on: bool) -> None:
        self.setChecked(on)
        self.set_on(on)
        self.labels[1].setText(tr("On") if on else tr("Off"))
        # An explicit accessible name does not follow the label: keep the state in it.
        state = tr("on") if on else tr("off")
        self.setAccessibleName(tr("{label}: {state}").format(label=tr(self.label), state=state))
