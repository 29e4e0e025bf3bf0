"""The packaged build, as IT staff get it: build, run, speak, install, uninstall, size.

`scripts/dist --if-changed` rebuilds only when the build's inputs changed (it hashes the spec,
the sources, the data and the installed packages), so a CI run after an unchanged build costs
seconds. A full build here takes about 45 s.

Speech is checked with the system's eSpeak NG hidden: a private mount namespace binds an empty
folder over the system's espeak-ng-data and /dev/null over its library, so only the bundle's
copies can make sound. Where mount namespaces are not allowed, the loader's own log
(LD_DEBUG=libs) still shows which libespeak-ng was loaded.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import pwd
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import kiosk

pytestmark = [
    pytest.mark.slow,
    pytest.mark.frozen,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux build only"),
]

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
APP = DIST / "sen-kiosk" / "sen-kiosk"
TARBALL = DIST / f"sen-kiosk-{kiosk.__version__}-linux-x86_64.tar.gz"
MAX_BUNDLE_MIB = 110

# What a healthy run must never print: Python tracebacks and Qt's warnings (Qt prints its
# categories, such as "qt.qpa.xcb: ...", or "QClassName::method: ..." for older messages).
BAD_OUTPUT = re.compile(
    r"Traceback \(most recent call last\)|^qt\.[\w.]+: |^Q[A-Z]\w*::\w+|^QObject|"
    r"Fontconfig (error|warning)|could not load the Qt platform plugin|^Warning:",
    re.MULTILINE | re.IGNORECASE,
)


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "LD_"))}
    env.update(QT_QPA_PLATFORM="offscreen", SEN_KIOSK_HOME=str(tmp / "home"), **extra)
    return env


def _run(
    cmd: list[str], env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


def _clean(result: subprocess.CompletedProcess[str]) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"exit code {result.returncode}:\n{output}"
    bad = BAD_OUTPUT.search(output)
    assert bad is None, f"unexpected output {bad.group(0)!r}:\n{output}"


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    """dist/sen-kiosk, built now unless the last build's inputs are unchanged."""
    DIST.mkdir(exist_ok=True)
    # Two pytest-xdist workers must not run PyInstaller into the same folder at once.
    with open(DIST / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        result = subprocess.run(
            [str(ROOT / "scripts" / "dist"), "--if-changed"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, f"scripts/dist failed:\n{result.stdout}\n{result.stderr}"
        yield APP.parent


def test_self_test_passes_with_no_warnings(bundle: Path, tmp_path: Path) -> None:
    result = _run([str(APP), "--self-test"], _env(tmp_path))
    _clean(result)
    assert "self-test: OK" in result.stdout


def test_version(bundle: Path, tmp_path: Path) -> None:
    result = _run([str(APP), "--version"], _env(tmp_path))
    _clean(result)
    assert result.stdout.strip().endswith(kiosk.__version__)


def test_a_large_library_is_checked_in_two_processes(bundle: Path, tmp_path: Path) -> None:
    """From 200 cards on, the first check forks a second process for the upright screen
    (kiosk/fit.py): the frozen program forks as the source run does, and uses what it found."""
    from benchmarks.scale import generate

    content = generate(tmp_path / "content", 7)  # 224 cards
    result = _run([str(APP), "--check-content", str(content)], _env(tmp_path))
    _clean(result)
    assert "screen fit: 448 card layout(s) measured, 0 from the cache (2 processes)" in (
        result.stdout
    )


def test_pysides_bootstrap_is_compiled_once_in_the_bundle_too(bundle: Path, tmp_path: Path) -> None:
    """PyInstaller's PySide6 hook imports QtCore before kiosk/__main__.py runs, so the
    bundle's generated hook must import shiboken6 through kiosk.import_cost itself."""
    cache = tmp_path / "home" / "data" / "cache"
    _clean(_run([str(APP), "--version"], _env(tmp_path)))
    (kept,) = cache.glob("pyside-bootstrap-*")
    first = kept.stat().st_mtime_ns
    _clean(_run([str(APP), "--version"], _env(tmp_path)))
    assert kept.stat().st_mtime_ns == first  # all reused: nothing to write again


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run")
@pytest.mark.parametrize("session", ["x11", "wayland"])
def test_first_paint_under_x_with_the_xcb_plugin(
    bundle: Path, tmp_path: Path, session: str
) -> None:
    # A Wayland session (XDG_SESSION_TYPE=wayland) must fall back to XWayland without a word.
    env = _env(tmp_path, KIOSK_T0_NS="1", XDG_SESSION_TYPE=session)
    if session == "wayland":
        env["WAYLAND_DISPLAY"] = "wayland-0"
    del env["QT_QPA_PLATFORM"]
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", str(APP), "--quit-after-paint"]
    result = _run(cmd, env)
    _clean(result)
    assert "first_paint_ms=" in result.stdout


def _system_espeak() -> tuple[Path, list[Path]]:
    """The system's libespeak-ng file and espeak-ng-data folders (what must be hidden)."""
    soname = ctypes.util.find_library("espeak-ng")
    if soname is None:
        return Path(), []
    ctypes.CDLL(soname)
    library = next(
        Path(line.split()[-1])
        for line in Path("/proc/self/maps").read_text().splitlines()
        if "/libespeak-ng.so" in line
    )
    data = [
        d
        for d in (
            library.parent / "espeak-ng-data",
            Path("/usr/share/espeak-ng-data"),
            Path("/usr/local/share/espeak-ng-data"),
        )
        if d.is_dir()
    ]
    return library, data


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = ["unshare", "-m", "--propagation", "private", "true"]
    if os.geteuid() != 0:
        probe = ["unshare", "-r", "-m", "--propagation", "private", "true"]
    return subprocess.run(probe, capture_output=True, check=False).returncode == 0


def _sox_stat(path: Path) -> dict[str, float]:
    out = subprocess.run(
        ["sox", str(path), "-n", "stat"], capture_output=True, text=True, check=True
    ).stderr
    stats: dict[str, float] = {}
    for line in out.splitlines():
        name, _, value = line.partition(":")
        with contextlib.suppress(ValueError):
            stats[name.strip()] = float(value)
    return stats


@pytest.mark.skipif(shutil.which("sox") is None, reason="needs sox")
def test_speaks_a_card_with_only_the_bundled_espeak(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "about-1.wav"
    cmd = [str(APP), "--speak-card", "about-1", "--out", str(out)]
    # The loader's log goes to files (one per process: the kiosk, the engine, its helpers).
    ld_log = tmp_path / "ld"
    env = _env(tmp_path, LD_DEBUG="libs", LD_DEBUG_OUTPUT=str(ld_log))
    library, data = _system_espeak()
    hidden = _can_unshare() and library.is_file()
    if hidden:
        empty = tmp_path / "empty"
        empty.mkdir()
        mounts = [f"mount --bind /dev/null '{library}'"]
        mounts += [f"mount --bind '{empty}' '{d}'" for d in data]
        script = " && ".join([*mounts, 'exec "$@"'])
        user_ns = [] if os.geteuid() == 0 else ["-r"]
        cmd = ["unshare", *user_ns, "-m", "--propagation", "private", "sh", "-c", script, "sh"]
        cmd += [str(APP), "--speak-card", "about-1", "--out", str(out)]
    result = _run(cmd, env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # Every libespeak-ng the loader initialised, in any process, must be the bundle's.
    logs = "".join(f.read_text(errors="replace") for f in tmp_path.glob("ld.*"))
    loaded = set(re.findall(r"calling init: (\S*libespeak-ng\S*)", logs))
    assert loaded, "libespeak-ng was never loaded (LD_DEBUG shows no init)"
    internal = str(bundle / "_internal")
    assert all(p.startswith(internal) for p in loaded), f"system espeak loaded: {loaded}"
    assert "Traceback" not in output
    stats = _sox_stat(out)
    assert stats["Length (seconds)"] > 10, stats  # about-1 is about 35 s at the normal rate
    assert stats["RMS     amplitude"] > 0.03, stats  # speech, not silence or a click
    if not hidden:
        pytest.skip("spoke, but could not hide the system eSpeak NG (no mount namespace)")


def test_the_speech_engine_process_runs_without_qt(bundle: Path, tmp_path: Path) -> None:
    """The engine is the bundle's executable again, run with --speech-engine. PyInstaller's
    PySide6 run-time hook imported QtCore in it too (35 MB, against 20 from source): build.spec
    runs that hook, and the inspect one, in the kiosk's own process only."""
    engine = subprocess.Popen(
        [str(APP), "--speech-engine", str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_env(tmp_path),
    )
    assert engine.stdin is not None and engine.stdout is not None
    try:
        ready = engine.stdout.readline()
        maps = Path(f"/proc/{engine.pid}/maps").read_text()
    finally:
        engine.stdin.close()  # the engine leaves when its input ends
        engine.wait(30)
        engine.stdout.close()
    assert b'"kind": "ready"' in ready and b'"gmw/en"' in ready, ready[:300]
    assert "libespeak-ng" in maps
    assert "libQt6Core" not in maps and "QtCore.abi3" not in maps


def test_bundle_size(bundle: Path) -> None:
    du = subprocess.run(["du", "-sk", str(bundle)], capture_output=True, text=True, check=True)
    mib = int(du.stdout.split()[0]) / 1024
    assert mib <= MAX_BUNDLE_MIB, f"dist/sen-kiosk is {mib:.1f} MiB (limit {MAX_BUNDLE_MIB})"


def test_install_and_uninstall_into_a_prefix(bundle: Path, tmp_path: Path) -> None:
    with tarfile.open(TARBALL) as tar:
        # extractall's filter argument arrived in 3.11.4 and 3.12; Debian 12 has 3.11.2.
        if hasattr(tarfile, "tar_filter"):
            tar.extractall(tmp_path / "unpacked", filter="tar")
        else:
            tar.extractall(tmp_path / "unpacked")
    (top,) = (tmp_path / "unpacked").iterdir()
    prefix = tmp_path / "root"
    me = pwd.getpwuid(os.getuid())
    home = Path(f"{prefix}{me.pw_dir}")
    env = _env(tmp_path)

    installed = _run([str(top / "install.sh"), "--prefix", str(prefix), "--user", me.pw_name], env)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert "sen-kiosk --set-pin" in installed.stdout
    launcher = prefix / "usr/local/bin/sen-kiosk"
    for path in (
        prefix / "opt/sen-kiosk/sen-kiosk",
        prefix / "opt/sen-kiosk/uninstall.sh",
        prefix / "opt/sen-kiosk/docs/INSTALL.md",
        prefix / "etc/systemd/user/sen-kiosk.service",
        home / ".config/autostart/sen-kiosk.desktop",
        home / ".config/systemd/user/graphical-session.target.wants/sen-kiosk.service",
        home / ".config/sen-kiosk/kiosk.toml",
        launcher,
    ):
        assert path.exists() or path.is_symlink(), f"{path} not installed"
    version = _run([str(launcher), "--version"], env)
    _clean(version)
    assert kiosk.__version__ in version.stdout

    # A second install (an upgrade) keeps the settings the staff edited.
    settings = home / ".config/sen-kiosk/kiosk.toml"
    settings.write_text("[session]\nidle_timeout = 120\n")
    beside = prefix / "opt/sen-kiosk/content"  # an edited leaflet next to the program
    shutil.copytree(ROOT / "content", beside)
    again = _run([str(top / "install.sh"), "--prefix", str(prefix), "--user", me.pw_name], env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert settings.read_text() == "[session]\nidle_timeout = 120\n"
    assert (beside / "README.md").is_file(), "the upgrade lost the staff's content folder"

    removed = _run([str(prefix / "opt/sen-kiosk/uninstall.sh"), "--prefix", str(prefix)], env)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert not (prefix / "opt/sen-kiosk/sen-kiosk").exists()
    assert beside.is_dir(), "the staff's content folder must survive an uninstall"
    assert not launcher.is_symlink()
    assert not (prefix / "etc/systemd/user/sen-kiosk.service").exists()
    assert not (home / ".config/autostart/sen-kiosk.desktop").exists()
    assert settings.exists(), "settings must survive an uninstall without --purge"

    purged = _run(
        [str(top / "uninstall.sh"), "--prefix", str(prefix), "--user", me.pw_name, "--purge"], env
    )
    assert purged.returncode == 0, purged.stdout + purged.stderr
    assert not settings.parent.exists()
    assert not (prefix / "opt/sen-kiosk").exists()
