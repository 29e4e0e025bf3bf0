"""The system-wide settings file under the user's: who wins, where each value came from,
and the security settings that only the system file (root's) may set."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.cli import main
from kiosk.session.pin import hash_pin
from kiosk.settings_layers import SYSTEM_ONLY, load_layered, pin_target

HASH = hash_pin("2468", n=2**4, r=1)
OTHER = hash_pin("1357", n=2**4, r=1)


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "etc" / "sen-kiosk" / "kiosk.toml"
    monkeypatch.setenv(paths.SYSTEM_CONFIG_ENV, str(path))
    return path


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_the_user_file_wins_for_ordinary_settings(
    system_file: Path, write_config: Callable[..., Path]
) -> None:
    _write(system_file, "[session]\nidle_timeout = 120\n[display]\ntheme = 'dark'\n")
    user = write_config("[display]\ntheme = 'cream'\n")
    layered = load_layered(user)
    assert layered.settings.session_idle_timeout == 120
    assert layered.settings.display_theme == "cream"
    assert layered.sources["session.idle_timeout"] == f"{system_file}:2"
    assert layered.sources["display.theme"] == f"{user}:2"
    assert layered.sources["speech.rate"] == "default"
    assert not layered.problems


def test_security_settings_come_only_from_the_system_file(
    system_file: Path, write_config: Callable[..., Path]
) -> None:
    assert {"admin.pin_hash", "admin.exit_to_desktop"} == SYSTEM_ONLY
    _write(system_file, f"[admin]\npin_hash = '{HASH}'\nexit_to_desktop = false\n")
    user = write_config("[admin]\npin_hash = ''\nexit_to_desktop = true\n")
    layered = load_layered(user)
    assert layered.settings.admin_pin_hash == HASH
    assert layered.settings.admin_exit_to_desktop is False
    ignored = [str(p) for p in layered.problems]
    assert len(ignored) == 2
    assert all(f"only in {system_file}" in line for line in ignored)
    assert ignored[0].startswith(f"{user}:2: admin.pin_hash: ignored")


def test_a_system_file_without_a_pin_still_ignores_the_users(
    system_file: Path, write_config: Callable[..., Path]
) -> None:
    _write(system_file, "[session]\nidle_timeout = 120\n")
    layered = load_layered(write_config(f"[admin]\npin_hash = '{OTHER}'\n"))
    assert layered.settings.admin_pin_hash == ""
    assert layered.problems and "ignored" in str(layered.problems[0])


def test_without_a_system_file_the_user_file_holds_everything(
    system_file: Path, write_config: Callable[..., Path]
) -> None:
    layered = load_layered(write_config(f"[admin]\npin_hash = '{HASH}'\n"))
    assert layered.settings.admin_pin_hash == HASH and not layered.problems
    assert not layered.system_exists


def test_an_unreadable_system_file_locks_rather_than_opens(
    system_file: Path, write_config: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(system_file, f"[admin]\npin_hash = '{HASH}'\n").chmod(0)
    if os.geteuid() == 0:  # root reads every file; the kiosk user would not
        real = os.access
        monkeypatch.setattr(
            "kiosk.settings_layers.os.access",
            lambda path, mode: False if Path(path) == system_file else real(path, mode),
        )
    layered = load_layered(write_config("[admin]\nexit_to_desktop = true\n"))
    assert layered.settings.admin_pin_hash == "!"  # damaged: the pad stays shut
    assert layered.settings.admin_exit_to_desktop is False


def test_print_config_names_each_source(
    system_file: Path, write_config: Callable[..., Path], capsys: pytest.CaptureFixture[str]
) -> None:
    _write(system_file, f"[admin]\npin_hash = '{HASH}'\n[session]\nidle_timeout = 120\n")
    user = write_config("[display]\ntheme = 'cream'\n")
    assert main(["--print-config", "--config", str(user)]) == 0
    out = capsys.readouterr().out
    assert f"# System file: {system_file}\n" in out
    assert f"idle_timeout = 120  # {system_file}:4" in out
    assert f'theme = "cream"  # {user}:2' in out
    assert f"# pin_hash = <set; hidden>  # {system_file}:2" in out
    assert "rate = 1.0  # default" in out
    assert HASH not in out


def test_set_pin_target(system_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    user = tmp_path / "user.toml"
    monkeypatch.setattr("kiosk.settings_layers._is_root", lambda: True)
    assert pin_target(user, explicit=False) == system_file
    assert pin_target(user, explicit=True) == user
    monkeypatch.setattr("kiosk.settings_layers._is_root", lambda: False)
    assert pin_target(user, explicit=False) == user  # no system file yet
    _write(system_file, "")
    refused = pin_target(user, explicit=False)
    assert isinstance(refused, str)
    assert str(system_file) in refused and "sudo sen-kiosk --set-pin" in refused


def test_set_pin_as_root_writes_the_system_file(
    system_file: Path,
    kiosk_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import io

    monkeypatch.setattr("kiosk.settings_layers._is_root", lambda: True)
    monkeypatch.setattr("sys.stdin", io.StringIO("86420\n"))
    assert main(["--set-pin"]) == 0
    out = capsys.readouterr().out
    assert f"Written as root to the system-wide file {system_file}" in out
    assert system_file.stat().st_mode & 0o777 == 0o644
    assert "pin_hash" in system_file.read_text("utf-8")
    assert not paths.default_config_file().exists()
    monkeypatch.setattr("kiosk.settings_layers._is_root", lambda: False)
    monkeypatch.setattr("sys.stdin", io.StringIO("11111\n"))
    assert main(["--set-pin"]) == 1
    assert "only root can change" in capsys.readouterr().err
