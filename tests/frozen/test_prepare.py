"""kiosk.frozen without a build: what prepare() and host_environment() do to an environment."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk import frozen


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake onedir `_internal` folder, with the process pretending to be frozen."""
    (tmp_path / "espeak-ng-data").mkdir()
    (tmp_path / "espeak-ng-data" / "phontab").write_bytes(b"")
    (tmp_path / "libespeak-ng.so.1").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    return tmp_path


def test_from_source_nothing_changes() -> None:
    env = {"ESPEAK_DATA_PATH": "/elsewhere", "LD_LIBRARY_PATH": "/x"}
    frozen.prepare(env)
    assert env == {"ESPEAK_DATA_PATH": "/elsewhere", "LD_LIBRARY_PATH": "/x"}
    assert frozen.host_environment(env) == env
    assert frozen.bundled_espeak_library() is None


def test_points_espeak_at_the_bundled_data(bundle: Path) -> None:
    env = {"ESPEAK_DATA_PATH": "/usr/lib/x86_64-linux-gnu"}  # another version's data
    frozen.prepare(env)
    assert env["ESPEAK_DATA_PATH"] == str(bundle)
    assert frozen.bundled_espeak_library() == bundle / "libespeak-ng.so.1"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux only")
def test_asks_for_xcb_only_when_wayland_is_not_bundled(bundle: Path) -> None:
    env: dict[str, str] = {}
    frozen.prepare(env)
    assert env["QT_QPA_PLATFORM"] == "xcb"
    chosen = {"QT_QPA_PLATFORM": "offscreen"}
    frozen.prepare(chosen)
    assert chosen["QT_QPA_PLATFORM"] == "offscreen"
    plugins = bundle / "PySide6" / "Qt" / "plugins" / "platforms"
    plugins.mkdir(parents=True)
    (plugins / "libqwayland.so").write_bytes(b"")
    with_wayland: dict[str, str] = {}
    frozen.prepare(with_wayland)
    assert "QT_QPA_PLATFORM" not in with_wayland


def test_host_programs_get_the_users_library_path_back(bundle: Path) -> None:
    env = {
        "LD_LIBRARY_PATH": f"{bundle}:/opt/x",
        "LD_LIBRARY_PATH_ORIG": "/opt/x",
        "ESPEAK_DATA_PATH": str(bundle),
        "HOME": "/home/kiosk",
    }
    assert frozen.host_environment(env) == {"LD_LIBRARY_PATH": "/opt/x", "HOME": "/home/kiosk"}
    assert frozen.host_environment({"LD_LIBRARY_PATH": str(bundle)}) == {}
