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


# --- writable paths (config, logs, data) ---
# Everything the kiosk writes lives under these three folders. Setting SEN_KIOSK_HOME moves all
# of them under one folder, so tests (and an administrator) can redirect every write at once.

HOME_ENV = "SEN_KIOSK_HOME"
APP_DIR_NAME = "sen-kiosk"
CONFIG_FILE_NAME = "kiosk.toml"


def _home_override() -> Path | None:
    import os

    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Folder holding `kiosk.toml` (not created here: reading must not write)."""
    home = _home_override()
    if home is not None:
        return home / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def log_dir() -> Path:
    home = _home_override()
    if home is not None:
        return home / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def data_dir() -> Path:
    """Folder for usage counts and the single-instance lock file."""
    home = _home_override()
    if home is not None:
        return home / "data"
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def cache_dir() -> Path:
    """What the kiosk works out once and keeps to start faster (the content, the fitted
    text, PySide6's bootstrap): anything in it can be deleted. Not created here."""
    return data_dir() / "cache"


def state_dir() -> Path:
    """Folder for what the kiosk keeps between runs but nobody edits: the PIN lockout, and
    its private scratch space (speech WAVs). Not created here."""
    home = _home_override()
    if home is not None:
        return home / "state"
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_DIR_NAME, appauthor=False))


def default_config_file() -> Path:
    return config_dir() / CONFIG_FILE_NAME


SYSTEM_CONFIG_ENV = "SEN_KIOSK_SYSTEM_CONFIG"


def system_config_file() -> Path:
    """The machine-wide settings file under the user's (root-owned; what config management
    pushes). SEN_KIOSK_SYSTEM_CONFIG moves it, for tests."""
    import os

    value = os.environ.get(SYSTEM_CONFIG_ENV, "").strip()
    if value:
        return Path(value).expanduser()
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_DIR_NAME / "kiosk.toml"
    return Path("/etc") / APP_DIR_NAME / CONFIG_FILE_NAME


def stats_db_file() -> Path:
    return data_dir() / "stats.sqlite3"


def lock_file() -> Path:
    return data_dir() / "sen-kiosk.lock"
