"""The staff screen, opened after the PIN pad: kiosk details, problems, usage, log, actions.

It shows what it is given (`AdminInfo`, plain text and rows built by the app) and emits what
staff asked for.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..session.pin import PinGate, PinState
from .accessibility import SCREEN_READER_NOTE
from .admin_pin import SET_PIN_COMMAND, no_menu
from .admin_usage import Usage, UsageChart, UsageTable
from .theme import Metrics
from .touch import FlickScroll
from .widgets import big_button

NO_PIN_BANNER = f"No admin PIN is set. Set one with: {SET_PIN_COMMAND}"
DAMAGED_BANNER = (
    "The stored PIN is damaged, so the admin screen stays locked to everyone. "
    f"Set a new one with: {SET_PIN_COMMAND}"
)


@dataclass(frozen=True)
class AdminInfo:
    """What the admin screen shows; built by the app from settings, content, logs and stats."""

    version: str = ""
    config_file: str = ""
    content_source: str = ""
    problems: Sequence[str] = field(default_factory=tuple)
    recent_log_lines: Sequence[str] = field(default_factory=tuple)
    usage: Usage = field(default_factory=Usage)
    exit_allowed: bool = True  # "Exit to desktop" is offered


class AdminScreen(QWidget):
    """The staff screen, opened after the PIN pad.

    Signals:
        exitRequested(): close the kiosk and return to the desktop.
        reloadRequested(): load the content again from disk.
        testSpeechRequested(): say a test sentence.
        closeRequested(): back to the kiosk.
    """

    exitRequested = Signal()
    reloadRequested = Signal()
    testSpeechRequested = Signal()
    closeRequested = Signal()

    def __init__(self, gate: PinGate, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adminScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        no_menu(self)
        self.gate = gate
        self.info = AdminInfo()

        self.title = QLabel(tr("Staff screen"))
        self.title.setObjectName("adminTitle")
        self.banner = QLabel()
        self.banner.setObjectName("adminBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()

        self.back = big_button(
            tr("Back to kiosk"), "adminBack", tr("Close the staff screen."), "primary"
        )
        self.reload = big_button(
            tr("Reload content"), "adminReload", tr("Read the leaflet files again from disk.")
        )
        self.test_speech = big_button(
            tr("Test speech"),
            "adminTestSpeech",
            tr("Say a short test sentence through the speaker."),
        )
        self.exit = big_button(
            tr("Exit to desktop"),
            "adminExit",
            tr("Close the kiosk program. A supervisor may start it again."),
        )
        self.back.clicked.connect(self.closeRequested)
        self.reload.clicked.connect(self.reloadRequested)
        self.test_speech.clicked.connect(self.testSpeechRequested)
        self.exit.clicked.connect(self.exitRequested)
        self.action_grid = QGridLayout()
        for button in self.buttons():
            no_menu(button)

        # --- the scrolled information -----------------------------------------------------
        self.about = QGridLayout()
        self.version_value = self._value_label("adminVersion")
        self.config_value = self._value_label("adminConfigFile")
        self.content_value = self._value_label("adminContent")
        self.reader_note = self._value_label("adminScreenReaders")
        self.reader_note.setText(SCREEN_READER_NOTE)
        for row, (name, value) in enumerate(
            (
                ("Version", self.version_value),
                ("Settings file", self.config_value),
                ("Content", self.content_value),
                ("Screen readers", self.reader_note),
            )
        ):
            key = QLabel(name)
            key.setObjectName("adminKey")
            self.about.addWidget(key, row, 0, Qt.AlignmentFlag.AlignTop)
            self.about.addWidget(value, row, 1)
        self.about.setColumnStretch(1, 1)

        self.problems_box = QVBoxLayout()
        self.problem_labels: list[QLabel] = []
        self.totals = QLabel()
        self.totals.setObjectName("adminTotals")
        self.totals.setWordWrap(True)
        self.chart = UsageChart()
        self.table = UsageTable()
        self.log_lines = QLabel()
        self.log_lines.setObjectName("adminLog")
        self.log_lines.setWordWrap(True)
        self.log_lines.setTextFormat(Qt.TextFormat.PlainText)
        self.log_lines.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Long paths have no spaces to wrap at; let the label be narrower than its text.
        self.log_lines.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        body = QWidget()
        body.setObjectName("adminBody")
        self.body = body
        sections = QVBoxLayout(body)
        self._sections = sections
        sections.addWidget(self._heading("This kiosk"))
        sections.addLayout(self.about)
        sections.addWidget(self._heading("Problems in the settings or content"))
        sections.addLayout(self.problems_box)
        sections.addWidget(self._heading("Use in the last 30 days"))
        sections.addWidget(self.totals)
        sections.addWidget(self.chart)
        sections.addWidget(self.table)
        sections.addWidget(self._heading("Recent log lines"))
        sections.addWidget(self.log_lines)
        sections.addStretch(1)

        self.details = QScrollArea()
        self.details.setObjectName("adminScroll")
        self.details.setWidget(body)
        self.details.setWidgetResizable(True)
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.details.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.details.setAccessibleName(tr("Kiosk details, usage figures and log"))
        self.details.setAccessibleDescription(tr("Drag or use the Page Up and Page Down keys."))
        no_menu(self.details)
        # Staff scroll by dragging, as on a phone; the thin scroll bar is hard to hit.
        FlickScroll(self.details.viewport())

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        # A fixed-width column, so the buttons keep their place whatever the details hold.
        self.action_panel = QWidget()
        self.action_panel.setObjectName("adminActions")
        self.action_panel.setLayout(self.action_grid)
        self.action_grid.setContentsMargins(0, 0, 0, 0)
        self.columns.addWidget(self.action_panel)
        self.columns.addWidget(self.details, 1)
        layout = QVBoxLayout(self)
        self.layout_ = layout
        layout.addWidget(self.title)
        layout.addWidget(self.banner)
        layout.addLayout(self.columns, 1)
        self.metrics = metrics
        self.apply_metrics(metrics)
        self.set_info(self.info)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("adminSection")
        return label

    def _value_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def buttons(self) -> list[QPushButton]:
        return [self.back, self.reload, self.test_speech, self.exit]

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        m = metrics.margin
        self.layout_.setContentsMargins(m, m // 2, m, m // 2)
        self.layout_.setSpacing(metrics.gap)
        self.columns.setSpacing(metrics.px(40))
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom
            if metrics.portrait
            else QBoxLayout.Direction.LeftToRight
        )
        self._arrange_actions(metrics)
        self._sections.setSpacing(metrics.gap)
        self._sections.setContentsMargins(0, 0, metrics.px(24), metrics.margin)
        self.about.setHorizontalSpacing(metrics.px(32))
        self.about.setVerticalSpacing(metrics.px(8))
        self.chart.setFixedHeight(metrics.px(380))
        self.table.verticalHeader().setDefaultSectionSize(metrics.px(54))
        self.table.fit()

    def _arrange_actions(self, metrics: Metrics) -> None:
        grid = self.action_grid
        for button in self.buttons():
            grid.removeWidget(button)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        grid.setSpacing(metrics.gap)
        if metrics.portrait:
            # Upright screens: two rows of two above the details, which need the height.
            # One column when two of the longest label do not fit across (250% text).
            widest = max(b.sizeHint().width() for b in self.buttons())
            across = 2 if 2 * widest + metrics.gap <= metrics.px(1080) - 2 * metrics.margin else 1
            for i, button in enumerate(self.buttons()):
                grid.addWidget(button, i // across, i % across)
            self.action_panel.setMinimumWidth(0)
            self.action_panel.setMaximumWidth(_MAX_SIZE)
        else:
            # Exit sits apart at the bottom, away from the buttons used every day.
            for row, button in enumerate((self.back, self.reload, self.test_speech)):
                grid.addWidget(button, row, 0)
            grid.setRowStretch(3, 1)
            grid.addWidget(self.exit, 4, 0)
            # At large text the longest label sets the width, never a fixed design size.
            widest = max(b.sizeHint().width() for b in self.buttons())
            self.action_panel.setFixedWidth(max(metrics.px(440), widest))

    def refresh_banner(self) -> None:
        """Show or hide the warning about the PIN; the app calls this after --set-pin too."""
        state = self.gate.state
        if state is PinState.DAMAGED:
            text = DAMAGED_BANNER
        elif self.gate.needs_pin_set:
            text = NO_PIN_BANNER
        else:
            text = ""
        self.banner.setText(text)
        self.banner.setAccessibleName(text)
        self.banner.setVisible(bool(text))

    def set_info(self, info: AdminInfo) -> None:
        self.info = info
        self.refresh_banner()
        self.exit.setVisible(info.exit_allowed)
        self.exit.setEnabled(info.exit_allowed)
        self.version_value.setText(info.version or "unknown")
        self.config_value.setText(info.config_file or "none (defaults in use)")
        self.content_value.setText(info.content_source or "unknown")
        for label in self.problem_labels:
            self.problems_box.removeWidget(label)
            # Hidden at once: deleteLater alone leaves it painted until the loop comes round.
            label.hide()
            label.deleteLater()
        self.problem_labels = []
        for text in info.problems or ["No problems found."]:
            label = QLabel(text)
            label.setObjectName("adminProblem" if info.problems else "adminNoProblem")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.problems_box.addWidget(label)
            self.problem_labels.append(label)
        self._fill_usage(info.usage)
        self.log_lines.setText("\n".join(info.recent_log_lines) or "The log is empty.")

    def _fill_usage(self, usage: Usage) -> None:
        self.chart.set_usage(usage)
        if usage.days:
            sums = usage.totals()
            text = "  ·  ".join(f"{c}: {v:,}" for c, v in zip(usage.columns, sums, strict=True))
            self.totals.setText(f"{text}\n{usage.note}" if usage.note else text)
        else:
            self.totals.setText(
                tr("No usage figures (counting is off, or the figures could not be read).")
            )
        self.table.set_usage(usage)

    def event(self, event: QEvent) -> bool:
        # The kiosk window turns cards with these keys; here they scroll the details.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() in _SCROLL_KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        bar = self.details.verticalScrollBar()
        key = event.key()
        if key == Qt.Key.Key_PageDown:
            bar.setValue(bar.value() + bar.pageStep())
        elif key == Qt.Key.Key_PageUp:
            bar.setValue(bar.value() - bar.pageStep())
        elif key == Qt.Key.Key_Home:
            bar.setValue(bar.minimum())
        elif key == Qt.Key.Key_End:
            bar.setValue(bar.maximum())
        elif key == Qt.Key.Key_Escape:
            self.closeRequested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self.table.fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_banner()
        self.table.fit()
        self.back.setFocus(Qt.FocusReason.OtherFocusReason)


_MAX_SIZE = 16_777_215  # QWIDGETSIZE_MAX

_SCROLL_KEYS = (
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Escape,
)
