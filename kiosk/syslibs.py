"""Which Debian package provides a system library the kiosk needs, so a missing one is reported
as the line to run, never as a traceback.

The same table is in packaging/linux/install.sh (`package_for`), which checks a machine before
installing; tests/ops/test_syslibs.py fails when the two disagree.
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path
from typing import Final

# soname prefix -> Debian package. Ubuntu 24.04 and Debian 13 add "t64" to some (libasound2t64).
PACKAGES: Final[dict[str, str]] = {
    "libasound.so": "libasound2",
    "libpulse.so": "libpulse0",
    "libpulse-simple.so": "libpulse0",
    "libdbus-1.so": "libdbus-1-3",
    "libfontconfig.so": "libfontconfig1",
    "libfreetype.so": "libfreetype6",
    "libstdc++.so": "libstdc++6",
    "libgcc_s.so": "libgcc-s1",
    "libxcb.so": "libxcb1",
    "libXau.so": "libxau6",
    "libXdmcp.so": "libxdmcp6",
    "libEGL.so": "libegl1",
    "libGL.so": "libgl1",
    "libGLX.so": "libglx0",
    "libOpenGL.so": "libopengl0",
    "libcrypto.so": "libssl3",
    "libssl.so": "libssl3",
    "libz.so": "zlib1g",
    "libxcb-cursor.so": "libxcb-cursor0",
    "libxkbcommon-x11.so": "libxkbcommon-x11-0",
    "libxkbcommon.so": "libxkbcommon0",
    "libxcb-icccm.so": "libxcb-icccm4",
    "libxcb-keysyms.so": "libxcb-keysyms1",
    "libxcb-image.so": "libxcb-image0",
    "libxcb-render-util.so": "libxcb-render-util0",
    "libxcb-randr.so": "libxcb-randr0",
    "libxcb-shape.so": "libxcb-shape0",
    "libxcb-xkb.so": "libxcb-xkb1",
    "libX11-xcb.so": "libx11-xcb1",
    "libespeak-ng.so": "libespeak-ng1",
}

_MISSING_RE = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def package_for(soname: str) -> str | None:
    """The Debian package for `libfoo.so.N`, or None if the table does not know it."""
    base = re.sub(r"(\.so)(\.\d+)*$", r"\1", soname)
    return PACKAGES.get(base)


def missing_library(error: BaseException | str) -> str | None:
    """The soname a loader error (ImportError, OSError from dlopen) says is missing."""
    found = _MISSING_RE.search(str(error))
    return found.group(1) if found else None


def explain(error: BaseException | str) -> str | None:
    """One line naming the missing library and the package to install, or None."""
    soname = missing_library(error)
    if soname is None:
        return None
    package = package_for(soname)
    if package is None:
        return (
            f"the system library {soname} is missing; "
            f"find its package with: apt-file search {soname}"
        )
    return (
        f"the system library {soname} is missing; install it with: sudo apt-get install {package}"
    )


def check_display_plugin() -> str | None:
    """Load Qt's X11 platform plugin as Qt would under X, and say what stops it, if anything.

    `--self-test` draws offscreen, so without this it would pass on a machine where the real
    screen cannot open for want of a library (libxcb-cursor0 is the usual one).
    """
    try:
        import PySide6
    except ImportError as exc:
        return explain(exc) or f"PySide6 cannot be imported: {exc}"
    base = Path(PySide6.__file__).resolve().parent
    plugin = base / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.is_file():
        return None  # not a Linux build with X11 support: nothing to check
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return explain(exc) or f"Qt's X11 display plugin cannot load: {exc}"
    return None
