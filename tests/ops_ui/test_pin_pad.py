"""The staff PIN pad, driven by a real PinGate on a fake clock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.session.pin import PinGate, hash_pin
from kiosk.ui.admin import DAMAGED_MESSAGE, PIN_PROMPT, PinPad, format_lock
from kiosk.ui.theme import Metrics

from .conftest import FakeClock, check_controls

PIN = "2468"


@pytest.fixture(scope="module")
def pin_hash() -> str:
    # A cheap hash: the scrypt cost is PinGate's business, not the pad's.
    return hash_pin(PIN, n=2**4, r=1)


@pytest.fixture
def gate(pin_hash: str, clock: FakeClock) -> PinGate:
    return PinGate(pin_hash, clock=clock.seconds)


@pytest.fixture
def make_pad(metrics: Metrics, place: Callable[[QWidget], QWidget]) -> Callable[[PinGate], PinPad]:
    def make(gate: PinGate) -> PinPad:
        pad = PinPad(gate, metrics, refresh_ms=10)
        place(pad)
        return pad

    return make


@pytest.fixture
def pad(gate: PinGate, make_pad: Callable[[PinGate], PinPad]) -> PinPad:
    pad = make_pad(gate)
    pad.begin()
    return pad


def tap(pad: PinPad, digits: str) -> None:
    for digit in digits:
        pad.digit_buttons[int(digit)].click()


def test_layout_is_a_phone_pad_with_big_keys(pad: PinPad) -> None:
    check_controls(pad.buttons())
    one, two, four = (pad.digit_buttons[d].geometry() for d in (1, 2, 4))
    assert one.top() == two.top() and one.left() < two.left()
    assert four.top() > one.top() and four.left() == one.left()
    zero = pad.digit_buttons[0].geometry()
    assert zero.top() > pad.digit_buttons[7].geometry().top()
    assert zero.left() == two.left()
    assert pad.ok.property("role") == "primary"
    assert pad.message() == PIN_PROMPT
    assert QApplication.focusWidget() is pad.digit_buttons[1]


def test_correct_pin_is_accepted(qtbot: QtBot, pad: PinPad) -> None:
    tap(pad, PIN)
    assert pad.dots.text() == "● ● ● ●"
    assert pad.dots.accessibleName() == "4 digits typed"
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        pad.ok.click()
    assert pad.entered_digits == 0


def test_ok_needs_four_digits_and_entry_stops_at_twelve(pad: PinPad) -> None:
    tap(pad, "123")
    assert not pad.ok.isEnabled()
    tap(pad, "4")
    assert pad.ok.isEnabled()
    tap(pad, "5" * 20)
    assert pad.entered_digits == 12
    pad.delete.click()
    assert pad.entered_digits == 11


def test_wrong_pin_says_how_many_tries_are_left(qtbot: QtBot, pad: PinPad) -> None:
    with qtbot.waitSignal(pad.messageChanged, timeout=1000) as changed:
        tap(pad, "1111")
        pad.ok.click()
    assert changed.args == ["Wrong PIN. 4 tries left"]
    assert pad.message() == "Wrong PIN. 4 tries left"
    assert pad.message_label.text() == "Wrong PIN. 4 tries left"
    assert pad.entered_digits == 0
    for _ in range(3):
        tap(pad, "1111")
        pad.ok.click()
    assert pad.message() == "Wrong PIN. 1 try left"


def test_five_wrong_pins_lock_the_keys(
    qtbot: QtBot, pad: PinPad, clock: FakeClock, gate: PinGate
) -> None:
    for _ in range(5):
        tap(pad, "1111")
        pad.ok.click()
    assert pad.message() == "Locked for 5:00 after 5 wrong PINs"
    assert all(not b.isEnabled() for b in pad.digit_buttons)
    assert not pad.ok.isEnabled() and not pad.delete.isEnabled()
    assert pad.cancel.isEnabled()
    assert QApplication.focusWidget() is pad.cancel
    # Keys typed on a keyboard are refused too.
    QTest.keyClicks(pad, PIN)
    assert pad.entered_digits == 0

    clock.advance(61_000)
    qtbot.waitUntil(lambda: pad.message() == "Locked for 3:59 after 5 wrong PINs")
    clock.advance(239_000)
    qtbot.waitUntil(lambda: pad.digit_buttons[1].isEnabled())
    assert pad.message() == PIN_PROMPT
    assert not pad.lock_timer.isActive()
    tap(pad, PIN)
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        pad.ok.click()


def test_reopening_during_a_lock_shows_it(
    qtbot: QtBot, gate: PinGate, make_pad: Callable[[PinGate], PinPad]
) -> None:
    for _ in range(5):
        gate.try_pin("0000")
    pad = make_pad(gate)
    pad.begin()
    assert pad.message().startswith("Locked for 5:00")
    assert pad.lock_timer.isActive()
    assert QApplication.focusWidget() is pad.cancel
    pad.hide()
    assert not pad.lock_timer.isActive()


def test_no_pin_set_accepts_at_once(qtbot: QtBot, make_pad: Callable[[PinGate], PinPad]) -> None:
    pad = make_pad(PinGate(""))
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        pad.begin()


def test_damaged_pin_keeps_the_pad_shut(
    qtbot: QtBot, make_pad: Callable[[PinGate], PinPad]
) -> None:
    pad = make_pad(PinGate("scrypt$not-a-hash"))
    with qtbot.assertNotEmitted(pad.accepted):
        pad.begin()
        tap(pad, PIN)
        pad.submit()
    assert pad.message() == DAMAGED_MESSAGE
    assert "--set-pin" in pad.message()
    assert not pad.digit_buttons[1].isEnabled()
    assert pad.cancel.isEnabled()


def test_cancel_button_and_escape_cancel(qtbot: QtBot, pad: PinPad) -> None:
    tap(pad, "12")
    with qtbot.waitSignal(pad.cancelled, timeout=1000):
        pad.cancel.click()
    assert pad.entered_digits == 0
    with qtbot.waitSignal(pad.cancelled, timeout=1000):
        QTest.keyClick(QApplication.focusWidget() or pad, Qt.Key.Key_Escape)


def test_keyboard_entry(qtbot: QtBot, host: QWidget, pad: PinPad) -> None:
    # The kiosk window binds Escape and Backspace; on the pad the pad must get them.
    fired: list[int] = []
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
        shortcut = QShortcut(QKeySequence(key), host)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(lambda k=key: fired.append(k))
    focused = QApplication.focusWidget()
    assert focused is pad.digit_buttons[1]
    QTest.keyClicks(focused, "99")
    assert pad.entered_digits == 2
    QTest.keyClick(focused, Qt.Key.Key_Backspace)
    QTest.keyClick(focused, Qt.Key.Key_Backspace)
    assert pad.entered_digits == 0
    QTest.keyClicks(focused, PIN)
    # Enter means OK even with a digit key focused (it must not type that digit).
    with qtbot.waitSignal(pad.accepted, timeout=1000):
        QTest.keyClick(focused, Qt.Key.Key_Return)
    assert not fired


def test_space_presses_the_focused_digit(qtbot: QtBot, pad: PinPad) -> None:
    QTest.keyClick(pad.digit_buttons[1], Qt.Key.Key_Space)
    assert pad.entered_digits == 1


def test_hiding_forgets_a_half_typed_pin(pad: PinPad) -> None:
    tap(pad, "246")
    pad.hide()
    assert pad.entered_digits == 0
    assert pad.dots.text() == ""


def test_format_lock_rounds_up() -> None:
    assert format_lock(300) == "5:00"
    assert format_lock(299.2) == "5:00"
    assert format_lock(59.01) == "1:00"
    assert format_lock(0.4) == "0:01"
    assert format_lock(0) == "0:00"


def test_enter_with_too_few_digits_says_why(qtbot: QtBot, pad: PinPad, gate: PinGate) -> None:
    tap(pad, "12")
    QTest.keyClick(pad, Qt.Key.Key_Return)
    assert pad.message() == "A PIN has at least 4 digits."
    assert gate.attempts_left == 5, "a short entry must not count as a wrong PIN"
