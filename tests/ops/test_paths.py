from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths


def test_home_override_moves_every_writable_path(kiosk_home: Path) -> None:
    assert paths.config_dir() == kiosk_home / "config"
    assert paths.log_dir() == kiosk_home / "logs"
    assert paths.data_dir() == kiosk_home / "data"
    assert paths.default_config_file() == kiosk_home / "config" / "kiosk.toml"
    assert paths.stats_db_file().parent == kiosk_home / "data"
    assert paths.lock_file().parent == kiosk_home / "data"


def test_without_override_uses_platform_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.HOME_ENV)
    for folder in (paths.config_dir(), paths.log_dir(), paths.data_dir()):
        assert "sen-kiosk" in folder.parts


def test_reading_paths_creates_nothing(kiosk_home: Path) -> None:
    paths.config_dir()
    paths.default_config_file()
    assert not kiosk_home.exists()
