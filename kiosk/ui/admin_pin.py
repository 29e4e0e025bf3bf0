"""The phone-style PIN pad that guards the staff screen.

It only counts digits and emits what staff asked for; whether a PIN is right, and for how
long the pad stays locked, belongs to the gate it is given.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..session.pin import MAX_ATTEMPTS, PinGate, PinResult, PinState
from .fit import height_for
from .theme import Metrics
from .widgets import big_button, centre_panel

MIN_PIN_DIGITS = 4
MAX_PIN_DIGITS = 12
SET_PIN_COMMAND = "sudo sen-kiosk --set-pin"
PIN_PROMPT = "Enter the staff PIN, then press OK."
TOO_SHORT_MESSAGE = "A PIN has at least 4 digits."
DAMAGED_MESSAGE = f"The stored PIN is damaged. Set a new one with: {SET_PIN_COMMAND}"

_KEY_DIGITS: dict[int, str] = {int(getattr(Qt.Key, f"Key_{d}").value): str(d) for d in range(10)}


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def format_lock(seconds: float) -> str:
    """Seconds left as M:SS, rounded up so it never shows 0:00 while still locked."""
    whole = max(0, math.ceil(seconds))
    return f"{whole // 60}:{whole % 60:02d}"


def no_menu(widget: QWidget) -> None:
    """Staff screens have no context menus: a long press must not open one on a touchscreen."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)


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
        self.setAccessibleName(tr("Staff PIN"))
        self.setAccessibleDescription(tr("Type the staff PIN on the keys, then press OK."))
        no_menu(self)
        self.gate = gate
        self._entry = ""
        self._message = ""
        self._blocked = False  # keys shut by a lockout or a damaged PIN

        self.panel = QFrame(self)
        self.panel.setObjectName("pinPanel")
        self.title = QLabel(tr("Staff PIN"))
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
            button = big_button(
                digit, f"pinDigit{digit}", tr("Type the digit {digit}.").format(digit=digit)
            )
            # Enter means OK wherever the focus is among the digits; Space presses the digit.
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, d=digit: self.type_digit(d))
            self.digit_buttons.append(button)
        self.delete = big_button(tr("Delete"), "pinDelete", tr("Remove the last digit typed."))
        self.ok = big_button(
            tr("OK"), "pinOk", tr("Check the PIN and open the staff screen."), "primary"
        )
        self.cancel = big_button(tr("Cancel"), "pinCancel", tr("Go back to the kiosk."))
        self.delete.clicked.connect(self.delete_digit)
        self.ok.clicked.connect(self.submit)
        self.cancel.clicked.connect(self._cancel)
        for button in self.buttons():
            no_menu(button)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.grid = QGridLayout()
        for i, button in enumerate(self.digit_buttons[1:]):
            self.grid.addWidget(button, i // 3, i % 3)
        self.grid.addWidget(self.delete, 3, 0)
        self.grid.addWidget(self.digit_buttons[0], 3, 1)
        self.grid.addWidget(self.ok, 3, 2)
        self.grid.addWidget(self.cancel, 4, 0, 1, 3)
        column = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.panel)
        self._column = column
        self._header = QVBoxLayout()
        self._header.addStretch(1)
        self._header.addWidget(self.title)
        self._header.addWidget(self.message_label)
        self._header.addWidget(self.dots)
        self._header.addStretch(1)
        column.addLayout(self._header)
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
        # The longest label (Delete, Cancel) sets the key width at large text.
        keys = [*self.digit_buttons, self.delete, self.ok]
        key_w = max(metrics.target, metrics.px(190), *(b.sizeHint().width() for b in keys))
        key_h = max(metrics.target, metrics.px(96), *(b.sizeHint().height() for b in keys))
        for button in self.buttons():
            button.setMinimumSize(key_w, key_h)
            button.setFixedHeight(key_h)
        self.dots.setMinimumHeight(metrics.px(64))
        self.message_label.setMinimumHeight(metrics.px(50))
        self.metrics = metrics
        self._keys_width = 3 * key_w + 2 * metrics.gap
        self._arrange()

    def _arrange(self) -> None:
        """The title and message above the keys; beside them where the screen is too short
        for both (1366x768 at large text), so no key is squeezed onto another."""
        m = self.metrics
        pad = m.px(40)
        self._column.setDirection(QBoxLayout.Direction.TopToBottom)
        self._header.setContentsMargins(0, 0, 0, 0)
        self.panel.setFixedWidth(self._keys_width + 2 * pad)
        room = self.height() - m.margin
        if not m.portrait and height_for(self.panel, self.panel.width()) > room:
            self._column.setDirection(QBoxLayout.Direction.LeftToRight)
            self._header.setContentsMargins(0, 0, m.gap, 0)
            header = max(m.px(400), self.title.sizeHint().width())
            self.panel.setFixedWidth(self._keys_width + header + 2 * pad + m.gap)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

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
            tries = plural(self.gate.attempts_left, "try", "tries")
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
            tr("No digits typed")
            if count == 0
            else tr("1 digit typed")
            if count == 1
            else tr("{count} digits typed").format(count=count)
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
