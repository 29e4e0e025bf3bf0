"""Every path the kiosk uses, in one place.

Bundled resources resolve the same from source and from a PyInstaller build (which sets
`sys._MEIPASS`). Resource names are relative; absolute paths and `..` are refused so that
content can never point the kiosk at arbitrary files.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def bundle_root() -> Path:
    """The folder holding `assets/` and `content/`: the repository, or the frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _safe(name: str) -> PurePosixPath:
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"resource name must be relative without '..': {name!r}")
    return rel


def asset(name: str) -> Path:
    return bundle_root() / "assets" / _safe(name)


def bundled_content() -> Path:
    return bundle_root() / "content"
