"""The PIN lockout survives a restart, escalates 5 -> 30 -> 60 minutes and is logged without
the digits (issue 14, item 10)."""

from __future__ import annotations

import gc
import json
import logging
import os
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import Kiosk
from kiosk.config import Settings
from kiosk.content import Library
from kiosk.session.lockout import LockoutStore
from kiosk.session.pin import PinGate, PinResult, PinState, hash_pin
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.kiosk.conftest import make_kiosk

PIN = "4821"
WRONG = "97531"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(PIN, n=2**4, r=1)


def _fail(gate: PinGate, times: int = 5) -> list[PinResult]:
    return [gate.try_pin(WRONG) for _ in range(times)]


def test_a_restart_does_not_reset_the_lockout(stored: str, tmp_path: Path) -> None:
    clock = Clock()
    store = LockoutStore(tmp_path / "state" / "pin-lockout.json")
    first = PinGate(stored, clock=clock, store=store)
    assert _fail(first)[-1] is PinResult.LOCKED_OUT
    clock.now += 60
    again = PinGate(stored, clock=clock, store=LockoutStore(store.path))  # the restart
    assert again.state is PinState.LOCKED_OUT
    assert again.locked_seconds_left() == pytest.approx(240)
    assert again.try_pin(PIN) is PinResult.LOCKED_OUT


def test_lockouts_escalate_and_the_right_pin_resets_them(stored: str, tmp_path: Path) -> None:
    clock = Clock()
    store = LockoutStore(tmp_path / "pin-lockout.json")
    gate = PinGate(stored, clock=clock, store=store)
    lengths = []
    for _ in range(4):
        assert _fail(gate)[-1] is PinResult.LOCKED_OUT
        lengths.append(round(gate.locked_seconds_left()))
        clock.now += gate.locked_seconds_left() + 1
        gate = PinGate(stored, clock=clock, store=LockoutStore(store.path))
    assert lengths == [300, 1800, 3600, 3600]
    assert gate.try_pin(PIN) is PinResult.ACCEPTED
    assert _fail(gate)[-1] is PinResult.LOCKED_OUT
    assert round(gate.locked_seconds_left()) == 300


def test_the_log_says_when_it_locked_but_never_the_digits(
    stored: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="kiosk")
    gate = PinGate(stored, clock=Clock(), store=LockoutStore(tmp_path / "l.json"))
    _fail(gate)
    assert "locked for 5 minutes after 5 wrong PINs in a row" in caplog.text
    assert "wrong staff PIN (1 of 5)" in caplog.text
    assert WRONG not in caplog.text and PIN not in caplog.text
    assert WRONG not in (tmp_path / "l.json").read_text()


def test_a_damaged_lockout_file_never_gives_the_short_lockout(
    stored: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "pin-lockout.json"
    path.write_text('{"failures": [[[')
    gate = PinGate(stored, clock=Clock(), store=LockoutStore(path))
    assert f"{path}: could not be read" in caplog.text
    _fail(gate)
    assert round(gate.locked_seconds_left()) == 1800


def test_a_clock_set_back_never_locks_for_longer_than_an_hour(stored: str, tmp_path: Path) -> None:
    path = tmp_path / "pin-lockout.json"
    path.write_text(json.dumps({"failures": 5, "lockouts": 1, "locked_until": 9e12}))
    clock = Clock()
    gate = PinGate(stored, clock=clock, store=LockoutStore(path))
    assert gate.locked_seconds_left() == pytest.approx(3600)


def test_an_unwritable_state_folder_still_locks_and_says_so_once(
    stored: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the folder should be")
    gate = PinGate(stored, clock=Clock(), store=LockoutStore(blocker / "pin-lockout.json"))
    assert _fail(gate)[-1] is PinResult.LOCKED_OUT
    assert caplog.text.count("PIN lockout cannot be saved") == 1


def test_the_running_kiosk_keeps_its_lockout_in_the_state_folder(
    qtbot: QtBot,
    library: Library,
    fonts: Fonts,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    stored: str,
) -> None:
    monkeypatch.setenv("SEN_KIOSK_HOME", str(tmp_path / "home"))

    def start() -> tuple[KioskWindow, Kiosk]:
        window = KioskWindow(library, fonts)
        qtbot.addWidget(window)
        window.show()
        made = make_kiosk(window, tmp_path, settings=Settings(admin_pin_hash=stored), idle_ms=None)
        made.start_services()
        window.show_pin_pad()
        return window, made

    window, made = start()
    assert window.pin_pad is not None
    for _ in range(5):
        for digit in WRONG:
            window.pin_pad.type_digit(digit)
        window.pin_pad.submit()
    assert "Locked for" in window.pin_pad.message()
    made.shutdown()
    window.allow_close = True
    window.close()
    gc.collect()

    window, made = start()  # the kiosk restarted
    assert window.pin_pad is not None
    assert "Locked for" in window.pin_pad.message()
    assert (paths.state_dir() / "pin-lockout.json").is_file()
    assert oct(os.stat(paths.state_dir()).st_mode & 0o777) == "0o700"
    made.shutdown()
