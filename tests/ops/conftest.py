"""Every test here writes only under tmp_path: SEN_KIOSK_HOME redirects config, logs and data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk import logs, paths


@pytest.fixture(autouse=True)
def kiosk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "kiosk-home"
    monkeypatch.setenv(paths.HOME_ENV, str(home))
    monkeypatch.setenv(paths.SYSTEM_CONFIG_ENV, str(tmp_path / "etc" / "kiosk.toml"))
    # CI runs as root, and root's --set-pin writes the system file: unless a test says
    # otherwise, commands run as the kiosk user would run them.
    monkeypatch.setattr("kiosk.settings_layers._is_root", lambda: False)
    yield home
    # A test that set up logging must not leave a handler writing into a deleted folder.
    logs.shutdown_logging()


@pytest.fixture
def write_config(kiosk_home: Path) -> Iterator[Callable[..., Path]]:
    def write(text: str, name: str = "kiosk.toml") -> Path:
        path = kiosk_home / "config" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    yield write


class FakeClock:
    """Monotonic seconds that move only when a test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
