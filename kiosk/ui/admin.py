"""Staff screens: the PIN pad that guards the admin screen, and the admin screen itself.

Both only show what they are given and emit what staff asked for. The PIN decision belongs
to `PinGate`; the figures, log lines and problems arrive as one `AdminInfo` value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Property, QEvent, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QHideEvent, QKeyEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..session.pin import MAX_ATTEMPTS, PinGate, PinResult, PinState
from ..stats import COUNTERS, DayCounts
from .theme import STANDARD, Metrics, Theme
from .widgets import big_button, centre_panel

MIN_PIN_DIGITS = 4
MAX_PIN_DIGITS = 12
SET_PIN_COMMAND = "sen-kiosk --set-pin"
NO_PIN_BANNER = f"No admin PIN is set. Set one with: {SET_PIN_COMMAND}"
DAMAGED_BANNER = (
    "The stored PIN is damaged, so the admin screen stays locked to everyone. "
    f"Set a new one with: {SET_PIN_COMMAND}"
)
PIN_PROMPT = "Enter the staff PIN, then press OK."
TOO_SHORT_MESSAGE = "A PIN has at least 4 digits."
DAMAGED_MESSAGE = f"The stored PIN is damaged. Set a new one with: {SET_PIN_COMMAND}"

# Column headings of the usage table, in the order of kiosk.stats.COUNTERS.
COUNTER_LABELS: dict[str, str] = {
    "visits": "Visits",
    "card_views": "Card views",
    "read_aloud": "Read aloud",
    "audio_mode": "Audio mode",
    "settings_used": "Settings used",
    "idle_resets": "Idle resets",
}
# Two-line column headings, so seven columns fit an upright screen.
_HEADINGS = ["Date", *(COUNTER_LABELS[c].replace(" ", "\n") for c in COUNTERS)]

_KEY_DIGITS: dict[int, str] = {int(getattr(Qt.Key, f"Key_{d}").value): str(d) for d in range(10)}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def format_lock(seconds: float) -> str:
    """Seconds left as M:SS, rounded up so it never shows 0:00 while still locked."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def _no_menu(widget: QWidget) -> None:
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)


# --- PIN pad ----------------------------------------------------------------------------------


class PinPad(QWidget):
    """A phone-style PIN pad. Digits are never shown, spoken or logged, only counted.

    Call `begin()` each time the pad is opened: with no PIN set it accepts at once.

    Signals:
        accepted(): the PIN was right (or none is set).
        cancelled(): staff gave up; go back to the kiosk.
        messageChanged(str): the line under the title changed (audio mode speaks errors).
    """

    accepted = Signal()
    cancelled = Signal()
    messageChanged = Signal(str)

    def __init__(
        self,
        gate: PinGate,
        metrics: Metrics,
        *,
        refresh_ms: int = 1000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinPad")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Staff PIN")
        self.setAccessibleDescription("Type the staff PIN on the keys, then press OK.")
        _no_menu(self)
        self.gate = gate
        self._entry = ""
        self._message = ""
        self._blocked = False  # keys shut by a lockout or a damaged PIN

        self.panel = QFrame(self)
        self.panel.setObjectName("pinPanel")
        self.title = QLabel("Staff PIN")
        self.title.setObjectName("pinTitle")
        self.message_label = QLabel()
        self.message_label.setObjectName("pinMessage")
        self.message_label.setWordWrap(True)
        self.dots = QLabel()
        self.dots.setObjectName("pinDots")
        for label in (self.title, self.message_label, self.dots):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)

        self.digit_buttons: list[QPushButton] = []
        for digit in "0123456789":
            button = big_button(digit, f"pinDigit{digit}", f"Type the digit {digit}.")
            # Enter means OK wherever the focus is among the digits; Space presses the digit.
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, d=digit: self.type_digit(d))
            self.digit_buttons.append(button)
        self.delete = big_button("Delete", "pinDelete", "Remove the last digit typed.")
        self.ok = big_button("OK", "pinOk", "Check the PIN and open the staff screen.", "primary")
        self.cancel = big_button("Cancel", "pinCancel", "Go back to the kiosk.")
        self.delete.clicked.connect(self.delete_digit)
        self.ok.clicked.connect(self.submit)
        self.cancel.clicked.connect(self._cancel)
        for button in self.buttons():
            _no_menu(button)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.grid = QGridLayout()
        for i, button in enumerate(self.digit_buttons[1:]):
            self.grid.addWidget(button, i // 3, i % 3)
        self.grid.addWidget(self.delete, 3, 0)
        self.grid.addWidget(self.digit_buttons[0], 3, 1)
        self.grid.addWidget(self.ok, 3, 2)
        self.grid.addWidget(self.cancel, 4, 0, 1, 3)
        column = QVBoxLayout(self.panel)
        self._column = column
        column.addWidget(self.title)
        column.addWidget(self.message_label)
        column.addWidget(self.dots)
        column.addLayout(self.grid)
        self._outer = centre_panel(self, self.panel)

        # Reading order for keyboard users: 1-9 row by row, then Delete 0 OK, then Cancel.
        order = [*self.digit_buttons[1:], self.delete, self.digit_buttons[0], self.ok]
        previous: QWidget = order[0]
        for widget in [*order[1:], self.cancel]:
            QWidget.setTabOrder(previous, widget)
            previous = widget

        self.lock_timer = QTimer(self)
        self.lock_timer.setInterval(refresh_ms)
        self.lock_timer.timeout.connect(self.refresh)
        self.apply_metrics(metrics)
        self._show_entry()
        self.refresh()

    def buttons(self) -> list[QPushButton]:
        return [*self.digit_buttons, self.delete, self.ok, self.cancel]

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(40)
        self._column.setContentsMargins(pad, pad, pad, pad)
        self._column.setSpacing(metrics.gap)
        self.grid.setSpacing(metrics.gap)
        m = metrics.margin
        self._outer.setContentsMargins(m, m // 2, m, m // 2)
        key_w = max(metrics.target, metrics.px(190))
        key_h = max(metrics.target, metrics.px(96))
        for button in self.buttons():
            button.setMinimumSize(key_w, key_h)
            button.setFixedHeight(key_h)
        self.dots.setMinimumHeight(metrics.px(64))
        self.message_label.setMinimumHeight(metrics.px(50))
        self.panel.setFixedWidth(3 * key_w + 2 * metrics.gap + 2 * pad)

    # --- public ---------------------------------------------------------------------------
    def begin(self) -> None:
        """Start a fresh attempt; with no PIN set, emit `accepted` straight away."""
        self._entry = ""
        self._show_entry()
        if self.gate.state is PinState.NO_PIN:
            self.accepted.emit()
            return
        self.refresh()
        if self.digit_buttons[1].isEnabled():
            self.digit_buttons[1].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def message(self) -> str:
        return self._message

    @property
    def entered_digits(self) -> int:
        """How many digits are typed (the digits themselves stay private)."""
        return len(self._entry)

    @Slot(str)
    def type_digit(self, digit: str) -> None:
        if not self._keys_open() or len(self._entry) >= MAX_PIN_DIGITS:
            return
        self._entry += digit
        self._show_entry()

    @Slot()
    def delete_digit(self) -> None:
        if self._entry:
            self._entry = self._entry[:-1]
            self._show_entry()

    @Slot()
    def submit(self) -> None:
        if not self._keys_open():
            return
        if len(self._entry) < MIN_PIN_DIGITS:
            # Only reachable by Enter on a keyboard (OK is greyed out): say why nothing happened.
            self._set_message(TOO_SHORT_MESSAGE)
            return
        entry, self._entry = self._entry, ""
        result = self.gate.try_pin(entry)
        self._show_entry()
        if result is PinResult.ACCEPTED:
            self._set_message(PIN_PROMPT)
            self.accepted.emit()
        elif result is PinResult.REJECTED:
            tries = _plural(self.gate.attempts_left, "try", "tries")
            self._set_message(f"Wrong PIN. {tries} left")
        else:
            self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Bring the keys and message in line with the gate (the lock timer calls this)."""
        state = self.gate.state
        if state is PinState.LOCKED_OUT:
            left = format_lock(self.gate.locked_seconds_left())
            self._set_message(f"Locked for {left} after {MAX_ATTEMPTS} wrong PINs")
            self._set_keys_enabled(False)
            self._blocked = True
            if not self.lock_timer.isActive() and self.isVisible():
                self.lock_timer.start()
            return
        self.lock_timer.stop()
        if state is PinState.DAMAGED:
            self._set_message(DAMAGED_MESSAGE)
            self._set_keys_enabled(False)
            self._blocked = True
            return
        self._set_keys_enabled(True)
        if self._blocked or not self._message:
            # The lock ran out (or the PIN was repaired): say so by asking again.
            self._blocked = False
            self._set_message(PIN_PROMPT)

    # --- internals ------------------------------------------------------------------------
    def _keys_open(self) -> bool:
        return self.gate.state in (PinState.READY, PinState.NO_PIN)

    def _set_keys_enabled(self, enabled: bool) -> None:
        moving_focus = not enabled and any(b.hasFocus() for b in self.buttons())
        for button in [*self.digit_buttons, self.delete]:
            button.setEnabled(enabled)
        self._update_ok(enabled)
        if moving_focus:
            self.cancel.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_ok(self, keys_enabled: bool | None = None) -> None:
        enabled = self.delete.isEnabled() if keys_enabled is None else keys_enabled
        self.ok.setEnabled(enabled and len(self._entry) >= MIN_PIN_DIGITS)

    def _show_entry(self) -> None:
        count = len(self._entry)
        self.dots.setText(" ".join("●" * count))
        self.dots.setAccessibleName(
            "No digits typed" if count == 0 else f"{_plural(count, 'digit', 'digits')} typed"
        )
        self._update_ok()

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.message_label.setText(text)
            self.message_label.setAccessibleName(text)
            self.messageChanged.emit(text)

    @Slot()
    def _cancel(self) -> None:
        self._entry = ""
        self._show_entry()
        self.cancelled.emit()

    # --- events ---------------------------------------------------------------------------
    _KEYS = frozenset(
        {
            *_KEY_DIGITS,
            int(Qt.Key.Key_Backspace.value),
            int(Qt.Key.Key_Delete.value),
            int(Qt.Key.Key_Enter.value),
            int(Qt.Key.Key_Return.value),
            int(Qt.Key.Key_Escape.value),
        }
    )

    def event(self, event: QEvent) -> bool:
        # The kiosk window binds Escape and Backspace; on the pad they mean cancel/delete.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and int(event.key()) in self._KEYS
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = int(event.key())
        if key in _KEY_DIGITS:
            self.type_digit(_KEY_DIGITS[key])
        elif key in (int(Qt.Key.Key_Backspace.value), int(Qt.Key.Key_Delete.value)):
            self.delete_digit()
        elif key in (int(Qt.Key.Key_Enter.value), int(Qt.Key.Key_Return.value)):
            self.submit()
        elif key == int(Qt.Key.Key_Escape.value):
            self._cancel()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.lock_timer.stop()
        # A PIN half typed must not wait on a hidden pad for the next person.
        self._entry = ""
        self._show_entry()
        super().hideEvent(event)


# --- admin screen -----------------------------------------------------------------------------


@dataclass(frozen=True)
class AdminInfo:
    """What the admin screen shows; built by the app from settings, content, logs and stats."""

    version: str = ""
    config_file: str = ""
    content_source: str = ""
    problems: Sequence[str] = field(default_factory=tuple)
    recent_log_lines: Sequence[str] = field(default_factory=tuple)
    days: Sequence[DayCounts] = field(default_factory=tuple)


def _day_label(day: DayCounts) -> str:
    return f"{day.day:%a} {day.day.day} {day.day:%b}"


class UsageChart(QWidget):
    """Visits per day as bars, oldest at the left. Colours come from the style sheet through
    the `barColor`, `axisColor` and `labelColor` properties (`qproperty-barColor: ...`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._days: list[DayCounts] = []
        self._bar = QColor(STANDARD.accent)
        self._axis = QColor(STANDARD.muted)
        self._label = QColor(STANDARD.text)
        self.setAccessibleName("Visits per day")

    def _get_bar(self) -> QColor:
        return self._bar

    def _set_bar(self, colour: QColor) -> None:
        self._bar = QColor(colour)
        self.update()

    def _get_axis(self) -> QColor:
        return self._axis

    def _set_axis(self, colour: QColor) -> None:
        self._axis = QColor(colour)
        self.update()

    def _get_label(self) -> QColor:
        return self._label

    def _set_label(self, colour: QColor) -> None:
        self._label = QColor(colour)
        self.update()

    barColor = Property(QColor, _get_bar, _set_bar)
    axisColor = Property(QColor, _get_axis, _set_axis)
    labelColor = Property(QColor, _get_label, _set_label)

    def set_days(self, days: Sequence[DayCounts]) -> None:
        self._days = list(days)
        visits = [d.total("visits") for d in self._days]
        if visits:
            busiest = max(range(len(visits)), key=lambda i: visits[i])
            self.setAccessibleDescription(
                f"{len(visits)} days, {sum(visits)} visits in all; busiest day "
                f"{_day_label(self._days[busiest])} with {visits[busiest]}."
            )
        else:
            self.setAccessibleDescription("No usage figures.")
        self.update()

    def bar_values(self) -> list[int]:
        """One value per bar (visits), oldest first."""
        return [d.total("visits") for d in self._days]

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is painted, in widget coordinates (also used by the tests)."""
        values = self.bar_values()
        if not values:
            return []
        plot = self._plot_rect()
        top = max(1, max(values))
        step = plot.width() / len(values)
        width = max(1.0, step * 0.7)
        rects = []
        for i, value in enumerate(values):
            height = plot.height() * value / top
            x = plot.left() + i * step + (step - width) / 2
            rects.append(QRectF(x, plot.bottom() - height, width, height))
        return rects

    def _plot_rect(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(
            line * 0.5, line * 1.4, self.width() - line, self.height() - line * 1.4 - line * 1.6
        )

    def sizeHint(self) -> QSize:
        return QSize(800, self.fontMetrics().height() * 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot_rect()
        painter.setPen(self._axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        values = self.bar_values()
        if not values:
            painter.setPen(self._label)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No figures yet")
            return
        rects = self.bar_rects()
        line = self.fontMetrics().height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._bar)
        radius = min(6.0, rects[0].width() / 4)
        for rect in rects:
            if rect.height() > 0:
                painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(self._label)
        small = QFont(self.font())
        small.setPixelSize(max(10, round(self.font().pixelSize() * 0.85)))
        painter.setFont(small)
        room = self.fontMetrics().horizontalAdvance("000") <= rects[0].width() * 1.6
        for i, (rect, value) in enumerate(zip(rects, values, strict=True)):
            if room and value:
                above = QRectF(rect.center().x() - line, rect.top() - line * 1.2, 2 * line, line)
                painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(value))
            # Label every 7th day counting back from today, so today is always labelled.
            if (len(values) - 1 - i) % 7 == 0:
                day = self._days[i].day
                below = QRectF(
                    rect.center().x() - 3 * line, plot.bottom() + line * 0.3, 6 * line, line * 1.2
                )
                painter.drawText(below, Qt.AlignmentFlag.AlignCenter, f"{day.day} {day:%b}")
        painter.end()


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
        _no_menu(self)
        self.gate = gate
        self.info = AdminInfo()

        self.title = QLabel("Staff screen")
        self.title.setObjectName("adminTitle")
        self.banner = QLabel()
        self.banner.setObjectName("adminBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()

        self.back = big_button("Back to kiosk", "adminBack", "Close the staff screen.", "primary")
        self.reload = big_button(
            "Reload content", "adminReload", "Read the leaflet files again from disk."
        )
        self.test_speech = big_button(
            "Test speech", "adminTestSpeech", "Say a short test sentence through the speaker."
        )
        self.exit = big_button(
            "Exit to desktop",
            "adminExit",
            "Close the kiosk program. A supervisor may start it again.",
        )
        self.back.clicked.connect(self.closeRequested)
        self.reload.clicked.connect(self.reloadRequested)
        self.test_speech.clicked.connect(self.testSpeechRequested)
        self.exit.clicked.connect(self.exitRequested)
        self.action_grid = QGridLayout()
        for button in self.buttons():
            _no_menu(button)

        # --- the scrolled information -----------------------------------------------------
        self.about = QGridLayout()
        self.version_value = self._value_label("adminVersion")
        self.config_value = self._value_label("adminConfigFile")
        self.content_value = self._value_label("adminContent")
        for row, (name, value) in enumerate(
            (
                ("Version", self.version_value),
                ("Settings file", self.config_value),
                ("Content", self.content_value),
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
        self.table = QTableWidget(0, 1 + len(COUNTERS))
        self.table.setObjectName("usageTable")
        self.table.setAccessibleName("Usage figures per day")
        self.table.setHorizontalHeaderLabels(_HEADINGS)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        _no_menu(self.table)
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
        self.details.setAccessibleName("Kiosk details, usage figures and log")
        self.details.setAccessibleDescription("Drag or use the Page Up and Page Down keys.")
        _no_menu(self.details)
        # Staff scroll by dragging, as on a phone; the thin scroll bar is hard to hit.
        QScroller.grabGesture(
            self.details.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )

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
        self._fit_table()

    def _arrange_actions(self, metrics: Metrics) -> None:
        grid = self.action_grid
        for button in self.buttons():
            grid.removeWidget(button)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        grid.setSpacing(metrics.gap)
        if metrics.portrait:
            # Upright screens: two rows of two above the details, which need the height.
            for i, button in enumerate(self.buttons()):
                grid.addWidget(button, i // 2, i % 2)
            self.action_panel.setMinimumWidth(0)
            self.action_panel.setMaximumWidth(_MAX_SIZE)
        else:
            # Exit sits apart at the bottom, away from the buttons used every day.
            for row, button in enumerate((self.back, self.reload, self.test_speech)):
                grid.addWidget(button, row, 0)
            grid.setRowStretch(3, 1)
            grid.addWidget(self.exit, 4, 0)
            self.action_panel.setFixedWidth(metrics.px(440))

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
        self._fill_usage(info.days)
        self.log_lines.setText("\n".join(info.recent_log_lines) or "The log is empty.")

    def _fill_usage(self, days: Sequence[DayCounts]) -> None:
        self.chart.set_days(days)
        sums = {c: sum(d.total(c) for d in days) for c in COUNTERS}
        self.totals.setText(
            "  ·  ".join(f"{COUNTER_LABELS[c]}: {sums[c]:,}" for c in COUNTERS)
            if days
            else "No usage figures (counting is off, or the figures could not be read)."
        )
        # Totals first, then the most recent day: what staff look for comes first.
        rows = [("Total", [sums[c] for c in COUNTERS], True)]
        rows += [(_day_label(d), [d.total(c) for c in COUNTERS], False) for d in reversed(days)]
        self.table.setRowCount(len(rows) if days else 0)
        if days:
            for r, (label, values, bold) in enumerate(rows):
                for c, text in enumerate([label, *(f"{v:,}" for v in values)]):
                    item = QTableWidgetItem(text)
                    if c:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    if bold:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    self.table.setItem(r, c, item)
        self.table.setVisible(bool(days))
        self._fit_table()

    def _fit_table(self) -> None:
        # The table is as tall as its rows: the scroll area, not the table, scrolls.
        header = self.table.horizontalHeader()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(header.sizeHint().height() + rows + frame)

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
            self._fit_table()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_banner()
        self._fit_table()
        self.back.setFocus(Qt.FocusReason.OtherFocusReason)


_MAX_SIZE = 16_777_215  # QWIDGETSIZE_MAX

_SCROLL_KEYS = (
    Qt.Key.Key_PageUp,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Home,
    Qt.Key.Key_End,
    Qt.Key.Key_Escape,
)


def stylesheet_rules(t: Theme, m: Metrics) -> str:
    """Rules to append to the kiosk style sheet for the PIN pad and the admin screen."""
    border = max(2, m.px(3))
    return f"""
QWidget#pinPad, QWidget#adminScreen {{ background: {t.background}; }}
QFrame#pinPanel {{
    background: {t.surface}; border: {border}px solid {t.button_border};
    border-radius: {m.px(24)}px;
}}
QLabel#pinTitle, QLabel#adminTitle {{
    font-size: {m.title}px; font-weight: 700; color: {t.heading};
}}
QLabel#pinMessage {{ font-size: {m.small}px; color: {t.text}; }}
QLabel#pinDots {{
    font-size: {m.text_px(48)}px; color: {t.heading}; background: {t.background};
    border-radius: {m.radius}px;
}}
QLabel#adminBanner {{
    font-size: {m.body}px; font-weight: 700; color: {t.text}; background: {t.ref_bg};
    border: {border}px solid {t.ref_border}; border-radius: {m.radius}px;
    padding: {m.px(16)}px {m.px(24)}px;
}}
QWidget#adminBody {{ background: {t.background}; }}
QLabel#adminSection {{
    font-size: {m.text_px(40)}px; font-weight: 700; color: {t.heading};
    padding-top: {m.px(16)}px;
}}
QLabel#adminKey {{ font-size: {m.small}px; font-weight: 700; color: {t.muted}; }}
QLabel#adminVersion, QLabel#adminConfigFile, QLabel#adminContent, QLabel#adminTotals,
QLabel#adminNoProblem {{ font-size: {m.small}px; color: {t.text}; }}
QLabel#adminProblem {{
    font-size: {m.small}px; color: {t.text}; background: {t.ref_bg};
    border-left: {m.px(8)}px solid {t.ref_border}; padding: {m.px(8)}px {m.px(16)}px;
}}
QLabel#adminLog {{
    font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: {m.text_px(24)}px;
    color: {t.text}; background: {t.surface}; border-radius: {m.radius}px;
    padding: {m.px(16)}px;
}}
QWidget#usageChart {{
    font-size: {m.text_px(24)}px; qproperty-barColor: {t.accent};
    qproperty-axisColor: {t.muted}; qproperty-labelColor: {t.text};
}}
QTableWidget#usageTable {{
    font-size: {m.small}px; background: {t.surface}; color: {t.text};
    gridline-color: {t.disabled}; border: none; border-radius: {m.radius}px;
}}
QTableWidget#usageTable QHeaderView::section {{
    font-size: {m.text_px(26)}px; font-weight: 700; color: {t.heading};
    background: {t.quote_bg}; border: none; padding: {m.px(8)}px;
}}
QScrollArea#adminScroll {{ background: {t.background}; }}
QScrollArea#adminScroll:focus {{ border: {m.focus_width}px solid {t.focus}; }}
QScrollArea#adminScroll QScrollBar:vertical {{ width: {m.px(36)}px; }}
"""
