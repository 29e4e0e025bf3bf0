"""Two settings files, one on top of the other: the machine-wide file that IT's configuration
management pushes (`/etc/sen-kiosk/kiosk.toml`, root-owned) and the kiosk user's own file.

The user's file wins for ordinary settings (a library can tune its kiosk), except for the
security settings in `SYSTEM_ONLY`: once a system file exists, those come from it alone, so
someone who reaches a desktop as the kiosk user cannot clear the PIN or turn on "Exit to
desktop" by editing their own file. If the system file exists but cannot be read, those keys
fail closed (PIN locked, no exit) rather than falling back to the user's file or the defaults.

Like kiosk.config, this module knows nothing of Qt.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, Final, NamedTuple

from . import paths
from .config import (
    SCHEMA,
    LoadedSettings,
    Problem,
    Settings,
    load_settings_with_sources,
    setting_value,
)

SYSTEM_ONLY: Final = frozenset({"admin.pin_hash", "admin.exit_to_desktop"})
# What a security key takes when the system file exists but cannot be read.
_CLOSED: Final[dict[str, Any]] = {"admin.pin_hash": "!", "admin.exit_to_desktop": False}


class Layered(NamedTuple):
    """The settings as the kiosk uses them: the system file, then the kiosk's own file."""

    settings: Settings
    problems: list[Problem]
    sources: dict[str, str]  # key -> "default", or "FILE:LINE"
    user_file: Path
    system_file: Path
    system_exists: bool


def _attr(key: str) -> str:
    section, _, leaf = key.partition(".")
    return f"{section}_{leaf}"


def _line_of(source: str, file: Path) -> int | None:
    tail = source[len(str(file)) + 1 :] if source.startswith(f"{file}:") else ""
    return int(tail) if tail.isdigit() else None


def load_layered(user_file: Path, system_file: Path | None = None) -> Layered:
    """Both files merged. Never raises for bad content: every problem is returned."""
    user_file = Path(user_file)
    system_file = Path(system_file) if system_file is not None else paths.system_config_file()
    system_exists = system_file.exists()
    empty = LoadedSettings(Settings(), [], dict.fromkeys(SCHEMA, "default"))
    system = load_settings_with_sources(system_file) if system_exists else empty
    user = load_settings_with_sources(user_file) if user_file != system_file else empty
    system_unreadable = system_exists and not os.access(system_file, os.R_OK)

    values: dict[str, Any] = {}
    sources = dict.fromkeys(SCHEMA, "default")
    problems = [*system.problems, *user.problems]
    for key in SCHEMA:
        from_user = user.sources[key] != "default"
        if key in SYSTEM_ONLY and system_exists:
            if from_user:
                problems.append(
                    Problem(
                        user_file,
                        _line_of(user.sources[key], user_file),
                        key,
                        f"ignored: with a system-wide settings file, this is set only in "
                        f"{system_file} (as root)",
                    )
                )
            if system_unreadable:
                values[_attr(key)] = _CLOSED[key]
                sources[key] = f"{system_file} (unreadable, so locked)"
                continue
            layer = system
        elif from_user:
            layer = user
        else:
            layer = system
        if layer.sources[key] != "default":
            values[_attr(key)] = setting_value(layer.settings, key)
            sources[key] = layer.sources[key]
    merged = replace(Settings(), **values)
    return Layered(merged, problems, sources, user_file, system_file, system_exists)


def describe_files(layered: Layered) -> str:
    """The settings files in use, for the staff screen."""
    user = str(layered.user_file) + ("" if layered.user_file.exists() else " (none)")
    if layered.system_exists:
        return f"{layered.system_file} (system), then {user}"
    return user


def print_layered_main(user_file: Path, system_file: Path | None = None) -> int:
    """`--print-config`: the effective settings as TOML, each with where its value came from."""
    import tomlkit

    layered = load_layered(user_file, system_file)
    system_note = "" if layered.system_exists else " (missing)"
    user_note = "" if layered.user_file.exists() else " (missing)"
    out = [
        "# Effective settings. Each value's source is after the #: default, or FILE:LINE.",
        f"# System file: {layered.system_file}{system_note}",
        f"# User file:   {layered.user_file}{user_note}",
    ]
    if layered.system_exists:
        keys = ", ".join(sorted(SYSTEM_ONLY))
        out.append(f"# Security settings ({keys}) come only from the system file.")
    section = ""
    for key in SCHEMA:
        head, leaf = key.split(".", 1)
        if head != section:
            section = head
            out.append(f"\n[{section}]")
        value = setting_value(layered.settings, key)
        source = layered.sources[key]
        if key == "admin.pin_hash":
            state = "set" if value else "not set"
            out.append(f"# {leaf} = <{state}; hidden>  # {source}")
            continue
        out.append(f"{leaf} = {tomlkit.item(value).as_string()}  # {source}")
    print("\n".join(out))
    for problem in layered.problems:
        print(problem, file=sys.stderr)
    return 1 if layered.problems else 0


def pin_target(user_file: Path, explicit: bool, system_file: Path | None = None) -> Path | str:
    """Where `--set-pin` writes, or why it must not: root writes the system file; anyone
    else writes their own file only while no system file exists."""
    system_file = Path(system_file) if system_file is not None else paths.system_config_file()
    if explicit:
        return user_file
    if _is_root():
        return system_file
    if system_file.exists():
        return (
            f"the staff PIN is kept in {system_file}, which only root can change; "
            "run: sudo sen-kiosk --set-pin"
        )
    return user_file


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
