"""Start-up import cost: what the kiosk's process loads and keeps before a visitor arrives.

Run in a fresh interpreter each (what is imported, and what is cached, depends on everything
imported before), through the real entry point.
"""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from kiosk import import_cost

ENTRY = """
import atexit, linecache, sys, runpy
atexit.register(lambda: print("LINECACHE", len(linecache.cache)))
sys.argv = ["kiosk", "--self-test"]
runpy.run_module("kiosk", run_name="__main__")
"""


def _self_test_lines() -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEN_KIOSK_HOME": tempfile.mkdtemp()}
    done = subprocess.run(
        [sys.executable, "-c", ENTRY], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.splitlines()


def test_pyside_does_not_read_the_source_of_every_module_imported() -> None:
    """PySide6's import hook read each module's whole source (kept in linecache: 5-6 MB, and
    about 45 ms of start-up for some 190 modules); python -m kiosk turns that scan off."""
    lines = _self_test_lines()
    assert any(line.startswith("self-test: OK") for line in lines)
    cached = int(next(line for line in lines if line.startswith("LINECACHE")).split()[1])
    assert cached < 20


def test_the_scan_is_replaced_and_pyside_still_works() -> None:
    code = (
        "from kiosk.import_cost import skip_source_scan; assert skip_source_scan()\n"
        "from PySide6.QtWidgets import QApplication, QPushButton\n"
        "app = QApplication([]); b = QPushButton('x'); b.setText('Next'); print(b.text())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "Next"


def test_openssl_is_not_loaded_for_the_pin_gate_the_lock_or_the_content_cache() -> None:
    """hashlib, hmac and secrets each load OpenSSL (about 3.5 MB): only hashing or checking
    a PIN needs them, so a kiosk nobody has typed a PIN into never loads it."""
    code = (
        "import sys, tempfile, pathlib\n"
        "from kiosk.session import pin, single_instance\n"
        "from kiosk.content.cache import fingerprint\n"
        "from kiosk import paths\n"
        "pin.PinGate('')\n"
        "fingerprint(paths.bundled_content())\n"
        "print('_hashlib' in sys.modules)\n"
        "stored = pin.hash_pin('2468', n=16)\n"
        "print(pin.verify_pin('2468', stored), pin.verify_pin('1357', stored))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["False", "True", "False"]


# --- PySide6's bootstrap, compiled once (kiosk.import_cost.import_shiboken) ----------------
# Each start is a fresh interpreter (shiboken6 is imported once per process); the child counts
# how many of PySide's bootstrap modules it had to compile, then proves PySide6 still works.
BOOTSTRAP_START = """
import sys
from pathlib import Path
from kiosk import import_cost
compiled = []
real = import_cost._COMPILE
def counting(source, filename, *args, **kwargs):
    if import_cost._is_bootstrap(filename):
        compiled.append(filename)
    return real(source, filename, *args, **kwargs)
import_cost._COMPILE = counting
result = import_cost.import_shiboken(Path(sys.argv[1]))
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([]); button = QPushButton("Next")
print(result.reused, len(result.used), len(compiled), button.text())
"""


def _start(cache_dir: Path) -> tuple[int, int, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", BOOTSTRAP_START, str(cache_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    reused, used, compiled, text = done.stdout.split()
    assert text == "Next"
    return int(reused), int(used), int(compiled)


def _cache_file(cache_dir: Path) -> Path:
    (found,) = cache_dir.glob(f"{import_cost.BOOTSTRAP_FILE_PREFIX}*")
    return found


def test_pysides_bootstrap_is_compiled_at_the_first_start_only(tmp_path: Path) -> None:
    reused, used, compiled = _start(tmp_path)
    assert (reused, compiled) == (0, used) and used >= 10
    assert _cache_file(tmp_path) == import_cost.bootstrap_cache_file(tmp_path)
    assert _start(tmp_path) == (used, used, 0)


def test_a_damaged_cache_is_compiled_again_and_rewritten(tmp_path: Path) -> None:
    _, used, _ = _start(tmp_path)
    _cache_file(tmp_path).write_bytes(b"\x00not marshal data" * 100)
    assert _start(tmp_path) == (0, used, used)
    assert _start(tmp_path) == (used, used, 0)


def test_a_changed_source_is_compiled_again_and_the_rest_reused(tmp_path: Path) -> None:
    """What a PySide6 upgrade looks like: the bootstrap's source differs."""
    _, used, _ = _start(tmp_path)
    path = _cache_file(tmp_path)
    known = marshal.loads(path.read_bytes())
    name = sorted(known)[0]
    source, code = known[name]
    known[name] = (source + (b"\n" if isinstance(source, bytes) else "\n"), code)
    path.write_bytes(marshal.dumps(known))
    assert _start(tmp_path) == (used - 1, used, 1)
    assert _start(tmp_path) == (used, used, 0)


def test_another_interpreters_cache_is_removed_when_this_one_writes(tmp_path: Path) -> None:
    stale = tmp_path / f"{import_cost.BOOTSTRAP_FILE_PREFIX}cpython-39-30912f0"
    stale.write_bytes(b"old")
    _start(tmp_path)
    assert not stale.exists()
    assert [p.name for p in tmp_path.iterdir()] == [_cache_file(tmp_path).name]


def test_an_unwritable_cache_folder_only_costs_the_compile(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("x")
    reused, used, compiled = _start(blocked / "cache")
    assert (reused, compiled) == (0, used)
    assert [p.name for p in tmp_path.iterdir()] == [blocked.name]


def test_bootstrap_code_is_compiled_as_pyside_compiles_it() -> None:
    """Without this module's `from __future__ import annotations` leaking in: annotations in
    the bootstrap stay objects, as under PySide's own compile."""
    compiled = import_cost.CompiledOnce({})
    namespace: dict[str, object] = {}
    code = compiled("def f(x: int) -> None: pass\n", "shibokensupport/probe.py", "exec")
    exec(code, namespace)
    assert namespace["f"].__annotations__ == {"x": int, "return": None}  # type: ignore[attr-defined]
    assert set(compiled.used) == {"shibokensupport/probe.py"}
    other = compiled("y: int = 1\n", "somewhere_else.py", "exec")
    assert other.co_filename == "somewhere_else.py"
    assert set(compiled.used) == {"shibokensupport/probe.py"}


def test_python_m_kiosk_keeps_the_bootstrap_in_its_cache_folder(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEN_KIOSK_HOME": str(tmp_path)}
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "kiosk", "--version"],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr[-2000:]
    assert _cache_file(tmp_path / "data" / "cache").stat().st_size > 10_000
