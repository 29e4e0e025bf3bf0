from __future__ import annotations

import hmac
import io
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.session import pin as pin_module
from kiosk.session.pin import PinGate, PinResult, PinState, hash_pin, verify_pin

from .conftest import FakeClock

FAST = {"n": 2**10, "r": 8, "p": 1}  # cheap parameters: these tests are about logic, not cost


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin("4821", **FAST)


def test_hash_is_salted_scrypt_with_parameters_inside() -> None:
    first = hash_pin("4821", **FAST)
    second = hash_pin("4821", **FAST)
    assert first != second  # salted
    assert "4821" not in first
    scheme, n, r, p, _salt, _digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", "1024", "8", "1")
    assert verify_pin("4821", first)
    assert verify_pin("4821", second)
    assert not verify_pin("4822", first)


def test_default_parameters_are_slow_scrypt() -> None:
    assert hash_pin("123456").startswith("scrypt$16384$8$1$")


@pytest.mark.parametrize("bad", ["123", "1234567890123", "12a4", "", " 1234 ", "١٢٣٤"])
def test_pin_must_be_4_to_12_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="4 to 12 digits"):
        hash_pin(bad, **FAST)


@pytest.mark.parametrize(
    "damaged",
    [
        "",
        "1234",
        "scrypt$1024$8$1$!!$AAAA",
        "scrypt$1000$8$1$AAAA$AAAA",
        "scrypt$1048576$8$1$AAAA$AAAA",
        "bcrypt$1$2$3$AAAA$AAAA",
    ],
)
def test_malformed_or_greedy_hash_never_matches(damaged: str) -> None:
    assert not verify_pin("1234", damaged)


def test_compare_is_constant_time(monkeypatch: pytest.MonkeyPatch, stored: str) -> None:
    calls = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return bool(real(a, b))

    monkeypatch.setattr("hmac.compare_digest", spy)
    assert verify_pin("4821", stored)
    assert len(calls) == 1


def test_no_pin_is_open_and_asks_for_one() -> None:
    gate = PinGate("")
    assert gate.is_open
    assert gate.needs_pin_set
    assert gate.state is PinState.NO_PIN
    assert gate.try_pin("0000") is PinResult.ACCEPTED


def test_damaged_hash_is_closed_and_asks_for_a_new_pin() -> None:
    gate = PinGate("1234")
    assert not gate.is_open
    assert gate.needs_pin_set
    assert gate.state is PinState.DAMAGED
    assert gate.try_pin("1234") is PinResult.REJECTED


def test_right_pin_accepted_and_resets_failures(stored: str, clock: FakeClock) -> None:
    gate = PinGate(stored, clock=clock)
    assert gate.state is PinState.READY and not gate.needs_pin_set
    for _ in range(4):
        assert gate.try_pin("0000") is PinResult.REJECTED
    assert gate.attempts_left == 1
    assert gate.try_pin("4821") is PinResult.ACCEPTED
    assert gate.attempts_left == 5


def test_five_wrong_pins_lock_for_five_minutes(stored: str, clock: FakeClock) -> None:
    gate = PinGate(stored, clock=clock)
    results = [gate.try_pin("1111") for _ in range(5)]
    assert results == [PinResult.REJECTED] * 4 + [PinResult.LOCKED_OUT]
    assert gate.state is PinState.LOCKED_OUT
    assert gate.locked_seconds_left() == pytest.approx(300)
    clock.advance(120)
    assert gate.locked_seconds_left() == pytest.approx(180)
    # Even the right PIN is refused while locked.
    assert gate.try_pin("4821") is PinResult.LOCKED_OUT
    clock.advance(180)
    assert gate.locked_seconds_left() == 0
    assert not gate.is_locked()
    assert gate.attempts_left == 5
    assert gate.try_pin("4821") is PinResult.ACCEPTED


def test_no_hashing_while_locked(
    stored: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = PinGate(stored, clock=clock, max_attempts=1)
    assert gate.try_pin("1111") is PinResult.LOCKED_OUT

    def boom(*args: object, **kwargs: object) -> bytes:
        raise AssertionError("hashed while locked")

    monkeypatch.setattr(pin_module, "_scrypt", boom)
    assert gate.try_pin("4821") is PinResult.LOCKED_OUT


def test_set_hash_switches_pin_and_clears_lock(stored: str, clock: FakeClock) -> None:
    gate = PinGate("", clock=clock, max_attempts=1)
    gate.set_hash(stored)
    assert gate.try_pin("9999") is PinResult.LOCKED_OUT
    gate.set_hash(hash_pin("1357", **FAST))
    assert gate.try_pin("1357") is PinResult.ACCEPTED


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_set_pin_from_pipe_saves_only_a_hash(
    kiosk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = kiosk_home / "kiosk.toml"
    assert pin_module.set_pin_main(path, stdin=io.StringIO("246810\n")) == 0
    text = path.read_text("utf-8")
    assert "246810" not in text
    settings, problems = load_settings(path)
    assert problems == []
    assert verify_pin("246810", settings.admin_pin_hash)
    out = capsys.readouterr()
    assert "246810" not in out.out + out.err


def test_set_pin_on_terminal_asks_twice(kiosk_home: Path) -> None:
    path = kiosk_home / "kiosk.toml"
    answers = iter(["8642", "8642"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    assert pin_module.set_pin_main(path, stdin=FakeTty(), ask=ask) == 0
    assert len(prompts) == 2
    assert verify_pin("8642", load_settings(path)[0].admin_pin_hash)


@pytest.mark.parametrize(
    ("stdin", "answers", "message"),
    [
        (FakeTty(), ["8642", "8643"], "differ"),
        (FakeTty(), ["12", "12"], "4 to 12 digits"),
        (io.StringIO("abcd\n"), [], "4 to 12 digits"),
        (io.StringIO(""), [], "no PIN"),
    ],
)
def test_set_pin_refusals_change_nothing(
    kiosk_home: Path,
    capsys: pytest.CaptureFixture[str],
    stdin: io.StringIO,
    answers: list[str],
    message: str,
) -> None:
    path = kiosk_home / "kiosk.toml"
    replies = iter(answers)
    assert pin_module.set_pin_main(path, stdin=stdin, ask=lambda _p: next(replies)) == 1
    assert message in capsys.readouterr().err
    assert not path.exists()
