"""packaging/notices.py refuses to ship a file whose licence it cannot trace."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import notices  # noqa: E402


def _manifest(tmp_path: Path, files: list[list[str]]) -> Path:
    path = tmp_path / "manifest.json"
    data = {
        "app": "sen-kiosk",
        "python_prefix": sys.base_prefix,
        "files": files,
        "modules": [os.__file__, str(ROOT / "kiosk" / "app.py")],
    }
    path.write_text(json.dumps(data), "utf-8")
    return path


def test_known_files_get_notices(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="the build extra (scripts/dist's venv)")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    files = [
        [
            "assets/fonts/OpenDyslexic-Bold.otf",
            str(ROOT / "assets/fonts/OpenDyslexic-Bold.otf"),
            "DATA",
        ],
        [
            "content/sendiass-rutland/leaflet.toml",
            str(ROOT / "content/sendiass-rutland/leaflet.toml"),
            "DATA",
        ],
    ]
    components = notices.generate(_manifest(tmp_path, files), bundle, "us")
    keys = {c.key for c in components}
    assert {"font-opendyslexic", "leaflet", "cpython", "sen-kiosk", "pyinstaller"} <= keys
    tsv = (bundle / "licenses" / "files.tsv").read_text()
    assert "_internal/assets/fonts/OpenDyslexic-Bold.otf\tfont-opendyslexic\tOFL-1.1" in tsv
    assert (bundle / "LICENSE").is_file()
    assert "OFL-1.1" in (bundle / "THIRD-PARTY-NOTICES.txt").read_text()


def test_a_file_of_unknown_origin_fails_the_build(tmp_path: Path) -> None:
    stray = tmp_path / "libmystery.so.1"
    stray.write_bytes(b"\x7fELF")
    files = [["libmystery.so.1", str(stray), "BINARY"]]
    with pytest.raises(notices.NoNoticeError, match=r"libmystery\.so\.1"):
        notices.generate(_manifest(tmp_path, files), tmp_path / "bundle", "us")


def test_a_repository_file_without_a_licence_fails(tmp_path: Path) -> None:
    files = [["assets/new-picture.png", str(ROOT / "assets" / "new-picture.png"), "DATA"]]
    with pytest.raises(notices.NoNoticeError, match=r"new-picture\.png"):
        notices.generate(_manifest(tmp_path, files), tmp_path / "bundle", "us")
