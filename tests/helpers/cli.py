"""Running `python -m kiosk` as IT staff do, and copies of the bundled leaflet to break."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk import paths

ROOT = Path(__file__).resolve().parents[2]


def run_kiosk(
    *args: str, home: Path | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if home is not None:
        env["SEN_KIOSK_HOME"] = str(home)
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def leaflet_copy(folder: Path) -> Path:
    """A copy of the bundled leaflet in `folder` (created), to edit in a test."""
    folder.mkdir(parents=True)
    for item in (paths.bundled_content() / "sendiass-rutland").iterdir():
        (folder / item.name).write_bytes(item.read_bytes())
    return folder
