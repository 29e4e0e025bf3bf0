"""Start-up import cost: what the kiosk's process loads and keeps before a visitor arrives.

Run in a fresh interpreter each (what is imported, and what is cached, depends on everything
imported before), through the real entry point.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

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
