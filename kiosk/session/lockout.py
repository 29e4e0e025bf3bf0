"""The PIN lockout's memory: a tiny JSON file in the state folder, so a restart forgets nothing.

Read through the guarded path like every other file. A damaged file is reported and read as
"one lockout already served", so tampering with it never buys a guesser the short first
lockout. A file that cannot be written (read-only or full disk) leaves the lockout working
in memory for this run, logged once.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..guarded import FileProblem, load_file

log = logging.getLogger("kiosk.pin")


@dataclass
class Lockout:
    failures: int = 0  # wrong PINs in a row since the last lockout or success
    lockouts: int = 0  # lockouts since the last right PIN: picks 5, 30 or 60 minutes
    locked_until: float = 0.0  # seconds since the epoch; 0 when not locked


def _parse(text: str) -> Lockout:
    data: Any = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    state = Lockout(
        failures=int(data.get("failures", 0)),
        lockouts=int(data.get("lockouts", 0)),
        locked_until=float(data.get("locked_until", 0.0)),
    )
    if min(state.failures, state.lockouts, state.locked_until) < 0:
        raise ValueError("negative values")
    return state


class LockoutStore:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._warned = False

    def load(self) -> Lockout:
        try:
            return load_file(self.path, _parse, max_bytes=4096)
        except FileProblem as problem:
            if problem.missing:
                return Lockout()
            log.warning("%s; treating the PIN pad as locked out once already", problem)
            return Lockout(lockouts=1)

    def save(self, state: Lockout) -> None:
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".lockout-")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(asdict(state), handle)
                os.replace(temp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
                raise
        except OSError as exc:
            if not self._warned:
                self._warned = True
                log.error(
                    "PIN lockout cannot be saved in %s (%s); it holds until the kiosk restarts",
                    self.path.parent,
                    exc.strerror or exc,
                )
