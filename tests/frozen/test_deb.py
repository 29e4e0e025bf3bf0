"""The Debian package, as a council's IT would use it: `apt-get install ./file.deb`, name the
kiosk account, set the PIN as root, run the self-test as that (unprivileged) account, upgrade
over itself keeping every setting, then purge, which lists what it deletes, leaving the
machine as it was.

Needs root and apt (CI runs as root in a Debian 12 container). It installs a real package
system-wide, so it refuses to run where sen-kiosk is already installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import kiosk

from .test_frozen import DIST, ROOT, bundle  # noqa: F401  (the fixture that builds dist/)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.frozen,
    pytest.mark.skipif(
        os.geteuid() != 0 or shutil.which("apt-get") is None or shutil.which("dpkg-deb") is None,
        reason="needs root, apt-get and dpkg-deb",
    ),
]

USER = "senkiosktest"
PIN = "86429"
DEB = DIST / f"sen-kiosk_{kiosk.__version__}_amd64.deb"
# Where a package could leave something behind.
WATCHED = (
    "/etc",
    "/usr/bin",
    "/usr/lib/systemd",
    "/usr/lib/sen-kiosk",
    "/usr/libexec",
    "/usr/share/doc/sen-kiosk",
    "/var/lib/sen-kiosk",
    "/var/lib/systemd",
)


def _sh(
    *cmd: str, check: bool = True, extra_env: dict[str, str] | None = None, **kw: object
) -> subprocess.CompletedProcess[str]:
    # Not the test run's SEN_KIOSK_HOME/SYSTEM_CONFIG: the real paths are under test here.
    env = {k: v for k, v in os.environ.items() if not k.startswith("SEN_KIOSK")}
    env["DEBIAN_FRONTEND"] = "noninteractive"
    env.update(extra_env or {})
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, **kw)  # type: ignore[call-overload]
    if check:
        assert result.returncode == 0, f"{' '.join(cmd)}:\n{result.stdout}\n{result.stderr}"
    return result  # type: ignore[no-any-return]


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    return _sh(
        "apt-get",
        "-y",
        "--no-install-recommends",
        "-o",
        "Dpkg::Options::=--force-confdef",
        "-o",
        "Dpkg::Options::=--force-confold",
        *args,
    )


def _snapshot() -> tuple[set[str], str]:
    paths: set[str] = set()
    for top in WATCHED:
        for dirpath, dirnames, filenames in os.walk(top):
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                # useradd/userdel keep backups (/etc/passwd-); ld.so.cache is rewritten.
                if not path.endswith("-") and "ld.so.cache" not in path:
                    paths.add(path)
    packages = _sh("dpkg-query", "-W", "-f", "${Package} ${Version} ${Status}\n").stdout
    return paths, packages


@pytest.fixture
def machine() -> Iterator[tuple[set[str], str]]:
    if _sh("dpkg-query", "-W", "sen-kiosk", check=False).returncode == 0:
        pytest.skip("sen-kiosk is installed on this machine; not touching it")
    before = _snapshot()
    _sh("useradd", "--create-home", "--shell", "/bin/bash", USER)
    try:
        yield before
    finally:
        _sh("apt-get", "-y", "purge", "sen-kiosk", check=False)
        _sh("userdel", "--remove", USER, check=False)


def _as_user(command: str) -> subprocess.CompletedProcess[str]:
    return _sh("runuser", "-l", USER, "-c", command, check=False)


def test_install_run_upgrade_purge(
    bundle: Path,  # noqa: F811
    machine: tuple[set[str], str],
    tmp_path: Path,
) -> None:
    assert DEB.is_file(), "scripts/dist made no .deb"
    sums = _sh("sha256sum", "-c", "SHA256SUMS", cwd=DIST).stdout
    assert f"{DEB.name}: OK" in sums

    lintian = shutil.which("lintian")
    if lintian:
        found = _sh(lintian, str(DEB), check=False)
        errors = [line for line in found.stdout.splitlines() if line.startswith("E:")]
        assert not errors, found.stdout

    installed = _apt("install", str(DEB))
    assert "name the kiosk account in /etc/default/sen-kiosk" in installed.stdout
    assert Path("/usr/lib/sen-kiosk/THIRD-PARTY-NOTICES.txt").is_file()
    assert Path("/usr/share/doc/sen-kiosk/copyright").is_file()
    wants = Path("/etc/systemd/user/graphical-session.target.wants/sen-kiosk.service")
    assert wants.is_symlink(), "the user unit is not enabled"

    # The kiosk account, named as docs/INSTALL.md says; the unit runs for it and nobody else.
    default = Path("/etc/default/sen-kiosk")
    default.write_text(default.read_text().replace('KIOSK_USER=""', f'KIOSK_USER="{USER}"'))
    assert _as_user("/usr/libexec/sen-kiosk/is-kiosk-user").returncode == 0
    check = _sh(
        "runuser", "-u", "nobody", "--", "/usr/libexec/sen-kiosk/is-kiosk-user", check=False
    )
    assert check.returncode == 1

    # The PIN, set as root, goes to the system file the kiosk account cannot change.
    _sh("sen-kiosk", "--set-pin", input=f"{PIN}\n")
    system = Path("/etc/sen-kiosk/kiosk.toml")
    assert system.stat().st_uid == 0 and system.stat().st_mode & 0o777 == 0o644
    assert _as_user("sen-kiosk --set-pin <<< 11111").returncode == 1

    selftest = _as_user("sen-kiosk --self-test")
    assert selftest.returncode == 0, selftest.stdout + selftest.stderr
    assert "self-test: OK" in selftest.stdout
    printed = _as_user("sen-kiosk --print-config").stdout
    assert "pin_hash = <set; hidden>  # /etc/sen-kiosk/kiosk.toml" in printed

    home = Path(f"/home/{USER}")
    settings = home / ".config/sen-kiosk/kiosk.toml"
    _as_user(
        "mkdir -p ~/.config/sen-kiosk && printf '[session]\\nidle_timeout = 120\\n' > "
        "~/.config/sen-kiosk/kiosk.toml && sen-kiosk --export-stats ~/stats.csv >/dev/null"
    )
    assert settings.is_file()

    # An upgrade (the same program as a newer version) keeps every setting.
    newer = f"{kiosk.__version__}+test1"
    _sh(
        str(ROOT / "packaging/debian/build-deb.sh"),
        str(bundle),
        newer,
        str(tmp_path),
        extra_env={"DEB_COMPRESSION": "gzip -z1"},
    )
    _apt("install", str(tmp_path / f"sen-kiosk_{newer}_amd64.deb"))
    assert _sh("dpkg-query", "-W", "-f", "${Version}", "sen-kiosk").stdout == newer
    assert f'KIOSK_USER="{USER}"' in default.read_text(), "the upgrade lost /etc/default"
    assert "pin_hash" in system.read_text(), "the upgrade lost the PIN"
    assert settings.read_text() == "[session]\nidle_timeout = 120\n"
    assert wants.is_symlink()
    assert _as_user("sen-kiosk --version").stdout.strip().endswith(kiosk.__version__)

    # Purge: everything goes, and it says what first.
    purged = _apt("purge", "sen-kiosk")
    assert "sen-kiosk: purge deletes:" in purged.stdout
    assert "/etc/sen-kiosk (system-wide settings and staff PIN)" in purged.stdout
    assert f"{home}/.config/sen-kiosk ({USER}'s settings" in purged.stdout
    assert not settings.parent.exists() and not system.exists()
    assert not Path("/usr/lib/sen-kiosk").exists() and not wants.is_symlink()

    _sh("userdel", "--remove", USER)
    after = _snapshot()
    before_paths, before_packages = machine
    assert after[1] == before_packages, "the installed packages changed"
    assert sorted(after[0] - before_paths) == [], "left behind"
    assert sorted(before_paths - after[0]) == [], "removed what was there before"
