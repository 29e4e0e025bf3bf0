"""The staff PIN: stored only as a salted scrypt hash, checked in constant time, rate-limited.

The stored form carries its own parameters (`scrypt$n$r$p$salt$hash`, base64), so the cost can
be raised later without breaking PINs already set.

Five wrong PINs in a row lock the pad for 5 minutes, the next five for 30, then an hour each
time until the right PIN is entered. The lockout is kept in the state folder (`lockout.py`),
so restarting the kiosk (or pulling its plug) does not give a guesser a fresh set of tries.
The log says when it locks and how many tries were wrong, never which digits were typed.
"""

from __future__ import annotations

import base64
import enum
import logging
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final, TextIO

from .lockout import Lockout, LockoutStore

log = logging.getLogger("kiosk.pin")

SCHEME: Final = "scrypt"
# n=2**14, r=8 takes ~16 MiB and a few tens of ms: slow enough to make guessing a stolen
# config file costly, fast enough for a touchscreen.
DEFAULT_N: Final = 2**14
DEFAULT_R: Final = 8
DEFAULT_P: Final = 1
SALT_BYTES: Final = 16
HASH_BYTES: Final = 32
# Caps for parameters read from the file, so an edited file cannot make a check eat memory.
_MAX_N: Final = 2**16
_MAX_R: Final = 16
_MAX_P: Final = 4

PIN_RE: Final = re.compile(r"^[0-9]{4,12}$")
MAX_ATTEMPTS: Final = 5
LOCKOUT_STEPS: Final = (300.0, 1800.0, 3600.0)  # first lockout, second, every one after
LOCKOUT_SECONDS: Final = LOCKOUT_STEPS[0]


def is_valid_pin(pin: str) -> bool:
    return bool(PIN_RE.match(pin))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# hashlib, hmac and secrets are imported where a PIN is hashed or checked: each of them loads
# OpenSSL (about 3.5 MB), which nothing else in a running kiosk needs.
def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    import hashlib

    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=length, maxmem=256 * r * n + 2**20
    )


def hash_pin(pin: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P) -> str:
    """The string to store for `pin`. Raises ValueError unless it is 4 to 12 digits."""
    if not is_valid_pin(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    import secrets

    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p, HASH_BYTES)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        return None
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except ValueError:
        return None
    if not (1 < n <= _MAX_N and n & (n - 1) == 0 and 0 < r <= _MAX_R and 0 < p <= _MAX_P):
        return None
    if not salt or not digest:
        return None
    return n, r, p, salt, digest


def is_valid_hash(stored: str) -> bool:
    return _parse(stored) is not None


def verify_pin(pin: str, stored: str) -> bool:
    """True if `pin` matches `stored`. A malformed `stored` never matches."""
    parsed = _parse(stored)
    if parsed is None:
        return False
    n, r, p, salt, digest = parsed
    candidate = _scrypt(pin, salt, n, r, p, len(digest))
    import hmac

    return hmac.compare_digest(candidate, digest)


class PinResult(enum.Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    LOCKED_OUT = "locked-out"


class PinState(enum.Enum):
    NO_PIN = "no-pin"  # fresh install: open, but staff must set a PIN
    READY = "ready"
    LOCKED_OUT = "locked-out"
    DAMAGED = "damaged"  # stored hash unreadable: nothing unlocks until --set-pin


class PinGate:
    """Decides whether an entered PIN opens the admin screen.

    After `max_attempts` wrong PINs in a row it refuses everything, without even hashing, for
    the next of `lockout_steps` (5, 30, then 60 minutes). `store` keeps that across restarts;
    `clock` (seconds since the epoch, as the stored state must survive a reboot) is
    injectable so tests never sleep.
    """

    def __init__(
        self,
        pin_hash: str,
        *,
        clock: Callable[[], float] = time.time,
        max_attempts: int = MAX_ATTEMPTS,
        lockout_steps: Sequence[float] = LOCKOUT_STEPS,
        store: LockoutStore | None = None,
    ) -> None:
        self._hash = pin_hash
        self._clock = clock
        self._max_attempts = max_attempts
        self._steps = tuple(lockout_steps)
        self._store = store
        self._state = store.load() if store is not None else Lockout()
        left = self._state.locked_until - clock() if self._state.locked_until else 0.0
        if left > max(self._steps):
            # The clock went back (or the file was edited): never lock longer than the longest.
            self._state.locked_until = clock() + max(self._steps)

    @property
    def needs_pin_set(self) -> bool:
        """No usable PIN: the admin screen should ask staff to set one (or run --set-pin)."""
        return not self._hash or not is_valid_hash(self._hash)

    @property
    def is_open(self) -> bool:
        """Fresh install with no PIN: the admin screen opens without one."""
        return not self._hash

    @property
    def state(self) -> PinState:
        if not self._hash:
            return PinState.NO_PIN
        if not is_valid_hash(self._hash):
            return PinState.DAMAGED
        if self.locked_seconds_left() > 0:
            return PinState.LOCKED_OUT
        return PinState.READY

    @property
    def attempts_left(self) -> int:
        return max(0, self._max_attempts - self._state.failures)

    def locked_seconds_left(self) -> float:
        """Seconds until PINs are accepted again; 0.0 when not locked."""
        if not self._state.locked_until:
            return 0.0
        left = self._state.locked_until - self._clock()
        if left <= 0:
            self._state.locked_until = 0.0
            self._state.failures = 0
            self._save()
            return 0.0
        return left

    def is_locked(self) -> bool:
        return self.locked_seconds_left() > 0

    def try_pin(self, pin: str) -> PinResult:
        if self.is_locked():
            return PinResult.LOCKED_OUT
        if self.is_open:
            return PinResult.ACCEPTED
        if verify_pin(pin, self._hash):
            if self._state.failures or self._state.lockouts:
                log.info("staff PIN accepted after %d wrong in a row", self._state.failures)
            self._state = Lockout()
            self._save()
            return PinResult.ACCEPTED
        self._state.failures += 1
        if self._state.failures >= self._max_attempts:
            seconds = self._steps[min(self._state.lockouts, len(self._steps) - 1)]
            self._state.lockouts += 1
            self._state.locked_until = self._clock() + seconds
            log.warning(
                "staff PIN pad locked for %d minutes after %d wrong PINs in a row (lockout %d)",
                round(seconds / 60),
                self._state.failures,
                self._state.lockouts,
            )
            self._save()
            return PinResult.LOCKED_OUT
        log.warning("wrong staff PIN (%d of %d)", self._state.failures, self._max_attempts)
        self._save()
        return PinResult.REJECTED

    def set_hash(self, pin_hash: str) -> None:
        """Use a newly set PIN (after the admin screen or --set-pin saved it)."""
        self._hash = pin_hash
        self._state = Lockout()
        self._save()

    def _save(self) -> None:
        if self._store is not None:
            self._store.save(self._state)


# --- `--set-pin` ---


def _read_pin(stdin: TextIO, ask: Callable[[str], str]) -> tuple[str, str] | None:
    if stdin.isatty():
        first = ask("New staff PIN (4-12 digits): ")
        second = ask("Same PIN again: ")
        return first.strip(), second.strip()
    line = stdin.readline()
    if not line:
        return None
    pin = line.strip()
    return pin, pin


def set_pin_main(
    config_path: Path,
    *,
    stdin: TextIO | None = None,
    ask: Callable[[str], str] | None = None,
) -> int:
    """`--set-pin`: read a PIN (twice on a terminal, one line from a pipe), store its hash."""
    from ..config import ConfigWriteError, save_setting

    if ask is None:
        import getpass  # a terminal prompt: only --set-pin asks

        ask = getpass.getpass

    entered = _read_pin(stdin if stdin is not None else sys.stdin, ask)
    if entered is None:
        print("no PIN given on standard input", file=sys.stderr)
        return 1
    first, second = entered
    if first != second:
        print("the two PINs differ; nothing changed", file=sys.stderr)
        return 1
    if not is_valid_pin(first):
        print("a PIN is 4 to 12 digits (0-9); nothing changed", file=sys.stderr)
        return 1
    try:
        save_setting(config_path, "admin.pin_hash", hash_pin(first))
    except (ConfigWriteError, ValueError) as exc:
        print(f"PIN not saved: {exc}", file=sys.stderr)
        return 1
    print(f"PIN saved (as a salted hash) in {config_path}")
    return 0
