"""QR symbols are kept between runs, so a kiosk that has drawn them once starts without segno
(which brings urllib, http, email and ssl with it: about 6 MB for the life of the process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.qr_store import QrStore
from kiosk.ui import qr

ENTRY = """
import atexit, sys, runpy
heavy = ("segno", "urllib.request", "http.client", "email", "ssl", "_hashlib")
atexit.register(lambda: print("LOADED", *[m for m in heavy if m in sys.modules]))
sys.argv = ["kiosk", "--self-test"]
runpy.run_module("kiosk", run_name="__main__")
"""


def _self_test(home: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SEN_KIOSK_HOME": home}
    done = subprocess.run(
        [sys.executable, "-c", ENTRY], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return next(line for line in done.stdout.splitlines() if line.startswith("LOADED")).split()[1:]


def test_a_second_start_draws_its_qr_codes_without_segno(tmp_path: Path) -> None:
    home = str(tmp_path)
    assert "segno" in _self_test(home)  # the first start encodes (and keeps) them
    assert _self_test(home) == []  # every screen built, contacts cards included


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "cache" / "qr-codes.json"
    qr.keep_codes_in(path)
    yield path
    qr.keep_codes_in(None)


def _fresh(data: str) -> tuple[tuple[int, ...], ...]:
    import segno

    code = segno.make(data, error=qr.ERROR, micro=False)
    return tuple(tuple(row) for row in code.matrix_iter(scale=1, border=qr.QUIET_ZONE))


def test_a_kept_symbol_is_the_encoded_one(store: Path) -> None:
    first = qr.qr_image("tel:01572758327", 200)
    assert store.is_file()
    qr.keep_codes_in(store)  # as a new process would: nothing in memory
    kept = QrStore(store, qr.QUIET_ZONE, qr.ERROR).get("tel:01572758327")
    assert kept == _fresh("tel:01572758327")
    assert qr.qr_image("tel:01572758327", 200) == first


@pytest.mark.parametrize(
    "damage",
    [
        "not json",
        json.dumps([1, 2]),
        json.dumps({"format": 1, "border": 4, "error": "l", "codes": {"DATA": ["1"]}}),
        "TRUNCATE",
        "WRONG-SIDE",
        "DARK-QUIET-ZONE",
    ],
)
def test_a_damaged_store_costs_an_encoding_never_a_wrong_symbol(store: Path, damage: str) -> None:
    data = "mailto:enquiries@example.org"
    qr.qr_image(data, 200)
    document = json.loads(store.read_text("utf-8"))
    rows = document["codes"][data]
    if damage == "TRUNCATE":
        document["codes"][data] = rows[:-1]
    elif damage == "WRONG-SIDE":
        document["codes"][data] = [r[:-4] for r in rows[:-4]]
    elif damage == "DARK-QUIET-ZONE":
        document["codes"][data] = ["1" + r[1:] for r in rows]
    text = json.dumps(document) if damage.isupper() else damage.replace("DATA", data)
    store.write_text(text, "utf-8")
    qr.keep_codes_in(store)
    assert qr._modules(data) == _fresh(data)
    # ...and the store holds the good symbol again.
    assert QrStore(store, qr.QUIET_ZONE, qr.ERROR).get(data) == _fresh(data)
