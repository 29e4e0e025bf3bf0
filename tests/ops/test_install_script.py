"""install.sh and uninstall.sh with a stand-in program (the real bundle: tests/frozen): help,
an upgrade that moves the kiosk to another account, and a purge that lists before deleting."""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
pytestmark = pytest.mark.skipif(shutil.which("getent") is None, reason="needs getent")


@pytest.fixture
def unpacked(tmp_path: Path) -> Path:
    """An unpacked release tarball whose program only prints its version."""
    top = tmp_path / "sen-kiosk-0.0.0-linux-x86_64"
    program = top / "sen-kiosk"
    (program / "_internal").mkdir(parents=True)
    (program / "sen-kiosk").write_text("#!/bin/sh\necho sen-kiosk 0.0.0\n")
    (program / "sen-kiosk").chmod(0o755)
    for name in (
        "install.sh",
        "uninstall.sh",
        "sen-kiosk.service",
        "sen-kiosk.desktop",
        "kiosk.example.toml",
    ):
        shutil.copy(LINUX / name, top / name)
    return top


def _run(*cmd: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, capture_output=True, text=True, timeout=120, input=stdin, check=False
    )


def _two_users() -> tuple[str, str]:
    me = pwd.getpwuid(os.getuid()).pw_name
    other = next(p.pw_name for p in pwd.getpwall() if p.pw_name != me and p.pw_dir not in ("", "/"))
    return me, other


def test_help_is_the_header_and_nothing_else(unpacked: Path) -> None:
    for script in ("install.sh", "uninstall.sh"):
        out = _run("bash", str(unpacked / script), "--help")
        assert out.returncode == 0
        assert "set -euo pipefail" not in out.stdout, script
        assert not any(line.startswith("#") for line in out.stdout.splitlines()), script
    assert "--check" in _run("bash", str(unpacked / "install.sh"), "--help").stdout


def test_upgrade_with_another_user_moves_the_autostart_and_purge_knows_both(
    unpacked: Path, tmp_path: Path
) -> None:
    first, second = _two_users()
    prefix = tmp_path / "root"
    install = str(unpacked / "install.sh")

    def home(name: str) -> Path:
        return Path(f"{prefix}{pwd.getpwnam(name).pw_dir}")

    def autostart(name: str) -> Path:
        return home(name) / ".config/autostart/sen-kiosk.desktop"

    _run("bash", install, "--prefix", str(prefix), "--user", first)
    assert autostart(first).is_file()
    (home(first) / ".local/share/sen-kiosk").mkdir(parents=True)  # first account's counts

    moved = _run("bash", install, "--prefix", str(prefix), "--user", second)
    assert f"autostart moved away from {first}" in moved.stdout
    assert not autostart(first).exists() and autostart(second).is_file()

    # An upgrade without --user keeps the account set up before.
    again = _run("bash", install, "--prefix", str(prefix))
    assert f"Keeping the kiosk account set up before: {second}" in again.stdout
    assert autostart(second).is_file()

    uninstall = str(prefix / "opt/sen-kiosk/uninstall.sh")
    purged = _run("bash", uninstall, "--prefix", str(prefix), "--purge")
    assert purged.returncode == 0, purged.stdout + purged.stderr
    out = purged.stdout
    listed = out.index("--purge will delete")
    first_data = f"{home(first)}/.local/share/sen-kiosk"
    assert f"{first_data}   ({first}'s settings" in out
    assert out.index(f"removed {first_data}") > listed, "deleted before it was listed"
    assert not Path(first_data).exists()
    assert not autostart(second).exists()
