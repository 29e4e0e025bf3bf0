"""Keep the kiosk from starting programs behind its back.

The kiosk starts exactly two kinds of program: its speech engine and the audio player. Two
libraries would start more on their own:

- libdbus, loaded by Qt for accessibility and desktop settings, "autolaunches" a session bus
  when none is set (it runs `dbus-launch`, which leaves a `dbus-daemon` running after the
  kiosk has gone). With no session bus there is nothing to talk to anyway, so the address is
  set to one that cannot be reached; a desktop session, or a systemd user bus at
  `$XDG_RUNTIME_DIR/bus`, is left alone, so screen readers keep working.
- `platform.platform()` runs `uname -p`; the log's start line uses `logs.system_name()`.

`prepare()` must run before Qt is imported (in `kiosk/__main__.py`).
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

BUS_ENV = "DBUS_SESSION_BUS_ADDRESS"
NO_BUS = "disabled:"  # an address of no known transport: libdbus fails at once, silently


def prepare(environ: MutableMapping[str, str] | None = None) -> None:
    env = os.environ if environ is None else environ
    if env.get(BUS_ENV, "").strip():
        return
    runtime = env.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime, "bus").exists():
        return  # libdbus finds the user bus there itself, without launching anything
    env[BUS_ENV] = NO_BUS
