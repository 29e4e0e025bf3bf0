"""Fixes the PyInstaller build needs before anything else runs; a no-op from source.

`prepare()` must run at the top of `kiosk/__main__.py`, before anything else: the speech engine
is a child process that re-runs the frozen executable with `--speech-engine`, and it imports
pyttsx3 straight away. Running `prepare()` in both processes
(rather than relying on the child inheriting the environment) keeps a onefile build right too,
where every process has its own unpack folder.

What it fixes:

- eSpeak NG's data. The build carries `libespeak-ng.so.1` and the `espeak-ng-data` of the same
  version (see build.spec). PyInstaller's ctypes hook already makes pyttsx3's
  `cdll.LoadLibrary("libespeak-ng.so.1")` pick the bundled library, but the library looks for
  its data in the folder compiled into it (`/usr/lib/x86_64-linux-gnu/...`), which may hold
  another version or nothing. `ESPEAK_DATA_PATH` names the folder that *contains*
  `espeak-ng-data`.
- Wayland sessions. The build carries Qt's xcb platform plugin, not the Wayland one, and Qt
  warns when it looks for a plugin it lacks; `prepare()` asks for xcb (XWayland) up front.
- The library path. The bootloader puts the bundle first on `LD_LIBRARY_PATH` (keeping the
  user's value in `LD_LIBRARY_PATH_ORIG`). That is right for the spawned engine, which is the
  frozen executable again, but system programs started from the kiosk must not load the
  bundle's copies; the audio player restores the original itself
  (`kiosk.speech.player.child_environment`), and `host_environment()` does the same for any
  other child.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

ENGINE_FLAG = "--speech-engine"  # the executable runs as the speech engine (speech/process.py)
ESPEAK_DATA_ENV = "ESPEAK_DATA_PATH"
ESPEAK_LIBRARY = "libespeak-ng.so.1"
QT_PLATFORM_ENV = "QT_QPA_PLATFORM"


def bundle_dir() -> Path | None:
    """The bundle's `_internal` folder (onefile: the unpack folder); None from source."""
    meipass = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or not meipass:
        return None
    return Path(meipass)


def bundled_espeak_library() -> Path | None:
    """The bundled libespeak-ng, if this is a Linux build that carries one."""
    root = bundle_dir()
    if root is None:
        return None
    library = root / ESPEAK_LIBRARY
    return library if library.is_file() else None


def bundled_espeak_data() -> Path | None:
    """The folder holding the bundled `espeak-ng-data` (what ESPEAK_DATA_PATH must name)."""
    root = bundle_dir()
    if root is None:
        return None
    return root if (root / "espeak-ng-data" / "phontab").is_file() else None


def prepare(environ: dict[str, str] | None = None) -> None:
    """Point eSpeak NG at the bundled data before pyttsx3 is imported. Cheap; call it first.

    Overrides an inherited ESPEAK_DATA_PATH on purpose: data of another eSpeak NG version
    than the bundled library's can crash it or make it mispronounce.
    """
    env = os.environ if environ is None else environ
    data = bundled_espeak_data()
    if data is not None:
        env[ESPEAK_DATA_ENV] = str(data)
    root = bundle_dir()
    if root is not None and sys.platform.startswith("linux") and not env.get(QT_PLATFORM_ENV):
        # Qt tries "wayland" first in a Wayland session and warns when the build lacks it
        # (build.spec leaves it out); XWayland runs the xcb plugin silently instead.
        if not any(root.glob("PySide6/Qt/plugins/platforms/libqwayland*")):
            env[QT_PLATFORM_ENV] = "xcb"


def host_environment(environ: Mapping[str, str]) -> dict[str, str]:
    """A copy of `environ` for starting a system program from the frozen kiosk.

    Restores the library path the user had before the bootloader prepended the bundle, so the
    program loads the host's libraries rather than the bundle's. From source it is a plain copy.
    """
    out = dict(environ)
    if bundle_dir() is None:
        return out
    original = out.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        out["LD_LIBRARY_PATH"] = original
    else:
        out.pop("LD_LIBRARY_PATH", None)
    out.pop(ESPEAK_DATA_ENV, None)
    return out
