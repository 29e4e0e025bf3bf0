"""A script around `python -m kiosk`, run in a fresh interpreter offscreen: what the kiosk
loads and writes depends on everything imported before, so these never run in-process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_entry(home: Path, script: str) -> subprocess.CompletedProcess[str]:
    """Run `script` with `home` as the kiosk's home; it must exit 0. Sound goes nowhere."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "SEN_KIOSK_HOME": str(home),
        "PATH": f"{home}:{os.environ.get('PATH', '')}",
    }
    (home / "aplay").write_text("#!/bin/sh\nexit 0\n")  # no sound device in a test
    (home / "aplay").chmod(0o755)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done
