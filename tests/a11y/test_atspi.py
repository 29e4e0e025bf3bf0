"""What a screen reader sees: the kiosk's tree over AT-SPI, under Xvfb, on a private D-Bus.

One run (about 15 s) starts `xvfb-run` (1920x1080x24) + `dbus-run-session`, the AT-SPI bus
launcher, the kiosk (fullscreen, xcb, QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1) and
tests/a11y/atspi_probe.py under Debian's /usr/bin/python3 with pyatspi. The probe drives the
kiosk with the keyboard and AT-SPI actions, snapshots the tree on every kind of screen and
walks focus with Tab; the tests below judge its JSON report. Everything runs in a new
process session that is killed, whole, when the run ends, however it ends.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk import APP_NAME
from kiosk.content import Library
from kiosk.ui.theme import MIN_TARGET_PX
from tests.helpers import procs

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PROBE = Path(__file__).with_name("atspi_probe.py")
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
RUN_TIMEOUT = 180  # seconds for the whole run; about 45 (20 of them waiting to be idle)
SCREENS = ("home", "card1", "card3_quote", "first_steps", "contacts", "last")
OVERLAYS = ("settings", "pin", "admin", "idle_warning")
PIN = "2468"
STAND_IN_APLAY = REPO / "tests" / "journeys" / "stand_in_aplay.py"
TAB_WALKS = ("home", "card1", "last")
# Roles a visitor acts on: each must be a big target and reachable with Tab.
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "slider",
    "spin button",
    "link",
    "menu item",
    "page tab",
}
# Characters a screen reader would read out or stumble on: Qt's frame markers and the object
# replacement character that QTextEdit puts in its text for frames, tables and images.
INTERNAL = {"\ufdd0": "U+FDD0 frame start", "\ufdd1": "U+FDD1 frame end", "\ufffc": "U+FFFC"}

# Runs inside xvfb-run + dbus-run-session. Waits for the AT-SPI bus before starting the kiosk
# (Qt looks for it once, at start-up) and kills what it started on the way out.
SCRIPT = r"""
set -u
kiosk=""
"$BUS_LAUNCHER" --launch-immediately &
bus=$!
trap 'kill $kiosk $bus 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 100); do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.a11y.Bus.GetAddress >/dev/null 2>&1 && break
    sleep 0.1
done
"$KIOSK_PYTHON" -m kiosk ${KIOSK_CONTENT:+--content "$KIOSK_CONTENT"} \
    >"$OUT_DIR/kiosk.log" 2>&1 &
kiosk=$!
"$SYSTEM_PYTHON" "$PROBE" --out "$OUT_DIR/probe.json" --kiosk-pid "$kiosk" --pin "$PIN" \
    ${LIBRARY_LEAFLET:+--library "$LIBRARY_LEAFLET"}
"""


def _missing_tools() -> list[str]:
    missing = [
        t for t in ("xvfb-run", "dbus-run-session", "dbus-send", "xdotool") if not shutil.which(t)
    ]
    for path in (SYSTEM_PYTHON, BUS_LAUNCHER):
        if not os.access(path, os.X_OK):
            missing.append(path)
    if not missing:
        check = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30, check=False
        )
        if check.returncode:
            missing.append("python3-pyatspi")
    return missing


def _session_members(sid: int) -> list[int]:
    """Processes in the session that `start_new_session` made for our run."""
    return procs.with_stat_field(procs.SESSION, sid)


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[0] != "Z"
    except OSError:
        return False


def _kill_session(sid: int) -> None:
    """Kill every process of our run's session (Xvfb, both D-Bus daemons, kiosk, probe)."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in _session_members(sid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if not [pid for pid in _session_members(sid) if _alive(pid)]:
                return
            time.sleep(0.05)


def _environment(out_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "WAYLAND", "XDG_"))}
    env.pop("DISPLAY", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    home = out_dir / "home"
    home.mkdir()
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
        GSETTINGS_BACKEND="memory",
        SEN_KIOSK_HOME=str(out_dir / "kiosk-home"),
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        NO_AT_BRIDGE="0",
        PYTHONPATH=str(REPO),
        OUT_DIR=str(out_dir),
        PROBE=str(PROBE),
        KIOSK_PYTHON=sys.executable,
        SYSTEM_PYTHON=SYSTEM_PYTHON,
        BUS_LAUNCHER=BUS_LAUNCHER,
    )
    os.chmod(home, 0o700)
    # The staff PIN and a short idle wait come from the system settings file; the sound
    # device is the journeys' stand-in `aplay`, which notes every WAV the kiosk plays.
    from kiosk.session.pin import hash_pin

    system = out_dir / "system.toml"
    system.write_text(
        f'[admin]\npin_hash = "{hash_pin(PIN)}"\n[session]\nidle_timeout = 20\n'
        "warning_seconds = 60\n",
        encoding="utf-8",
    )
    bin_dir = out_dir / "bin"
    bin_dir.mkdir()
    aplay = bin_dir / "aplay"
    aplay.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{STAND_IN_APLAY}" "$@"\n')
    aplay.chmod(0o755)
    env.update(
        SEN_KIOSK_SYSTEM_CONFIG=str(system),
        PIN=PIN,
        JOURNEY_PLAYS=str(out_dir / "plays.jsonl"),
        PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    yield run_probe(tmp_path_factory.mktemp("atspi"))


def run_probe(out_dir: Path, **env: str) -> dict[str, Any]:
    """One run of the kiosk and the probe (see SCRIPT); `env` may add KIOSK_CONTENT (the
    kiosk's content folder) and LIBRARY_LEAFLET (the probe opens that leaflet from the
    chooser instead of touring the bundled one). Skips when the tools are missing."""
    missing = _missing_tools()
    if missing:
        pytest.skip(f"screen-reader check needs {', '.join(missing)} (scripts/_setup.sh)")
    command = [
        "xvfb-run",
        "-a",
        "-s",
        "-screen 0 1920x1080x24 -nolisten tcp",
        "dbus-run-session",
        "--",
        "bash",
        "-c",
        SCRIPT,
    ]
    run_log = out_dir / "run.log"
    # Output goes to a file, not a pipe: a daemon left holding a pipe would block the read.
    with run_log.open("w") as sink:
        proc = subprocess.Popen(
            command,
            cwd=REPO,
            env={**_environment(out_dir), **env},
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        timed_out = False
        try:
            proc.wait(timeout=RUN_TIMEOUT)
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            _kill_session(proc.pid)
            proc.wait(timeout=10)
    output = run_log.read_text(errors="replace")
    if timed_out:
        output = f"(killed after {RUN_TIMEOUT} s)\n{output}"
    kiosk_log = out_dir / "kiosk.log"
    logs = f"--- run output ---\n{output}\n--- kiosk log ---\n"
    logs += kiosk_log.read_text(errors="replace") if kiosk_log.exists() else "(none)"
    result_file = out_dir / "probe.json"
    if not result_file.exists():
        pytest.fail(f"the probe wrote no report\n{logs}")
    result: dict[str, Any] = json.loads(result_file.read_text(encoding="utf-8"))
    result["logs"] = logs
    plays = out_dir / "plays.jsonl"
    result["plays"] = (
        [json.loads(line) for line in plays.read_text().splitlines() if line]
        if plays.exists()
        else []
    )
    return result


def showing(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    return [n for n in snapshot["nodes"] if n["states"]["showing"] and n["path"]]


def where(screen: str, node: dict[str, Any]) -> str:
    return f"{screen}: {node['role']} {node['name']!r} at {node['path']}"


# --- the run itself --------------------------------------------------------------------------
def test_probe_reached_every_screen(report: dict[str, Any]) -> None:
    assert report["ok"] and not report["errors"], (
        f"{report['errors']}\n{report.get('traceback', '')}\n{report['logs']}"
    )
    assert set(SCREENS) <= set(report["snapshots"])
    assert set(OVERLAYS) <= set(report["snapshots"])
    assert report["snapshots"]["card1"]["card"] == 1
    assert report["snapshots"]["card3_quote"]["card"] == 3
    assert report["snapshots"]["first_steps"]["card"] == 4
    assert report["snapshots"]["contacts"]["card"] > 4
    assert report["timings"]["total"] < 150


# --- names -----------------------------------------------------------------------------------
def test_application_and_window_are_named(report: dict[str, Any], library: Library) -> None:
    assert report["app"]["name"] == APP_NAME
    for screen, snapshot in report["snapshots"].items():
        windows = [n for n in snapshot["nodes"] if len(n["path"]) == 1]
        assert [w["role"] for w in windows] == ["frame"], screen
        assert windows[0]["name"] == library.leaflets[0].title, screen


def test_every_focusable_control_has_a_name(report: dict[str, Any]) -> None:
    unnamed = [
        where(screen, node)
        for screen, snapshot in report["snapshots"].items()
        for node in showing(snapshot)
        if node["states"]["focusable"] and not node["name"].strip()
    ]
    assert not unnamed, "focusable controls a screen reader announces only by role:\n" + "\n".join(
        unnamed
    )


def test_every_control_has_a_description(report: dict[str, Any]) -> None:
    bare = [
        where(screen, node)
        for screen, snapshot in report["snapshots"].items()
        for node in showing(snapshot)
        if node["role"] in CONTROLS and not node["description"].strip()
    ]
    assert not bare, "\n".join(bare)


def test_control_names_are_words_not_symbols(report: dict[str, Any]) -> None:
    """Orca reads "▶" as "black right-pointing triangle": the arrows belong to the label only."""
    noisy = sorted(
        {
            f"{where(screen, node)}: {', '.join(unicodedata.name(c, hex(ord(c))) for c in symbols)}"
            for screen, snapshot in report["snapshots"].items()
            for node in showing(snapshot)
            if node["states"]["focusable"]
            and (symbols := [c for c in node["name"] if unicodedata.category(c) == "So"])
        }
    )
    assert not noisy, "accessible names with symbols a screen reader reads out:\n" + "\n".join(
        noisy
    )


# --- sizes -----------------------------------------------------------------------------------
def test_every_control_is_a_big_target(report: dict[str, Any]) -> None:
    small = []
    for screen, snapshot in report["snapshots"].items():
        for node in showing(snapshot):
            if node["role"] not in CONTROLS:
                continue
            _x, _y, width, height = node["extents"]
            if width < MIN_TARGET_PX or height < MIN_TARGET_PX:
                small.append(f"{where(screen, node)}: {width}x{height} px")
    assert not small, f"controls under {MIN_TARGET_PX}x{MIN_TARGET_PX} px:\n" + "\n".join(small)


def test_the_window_fills_the_screen(report: dict[str, Any]) -> None:
    frame = next(n for n in report["snapshots"]["home"]["nodes"] if len(n["path"]) == 1)
    assert frame["extents"] == [0, 0, 1920, 1080]


# --- card text -------------------------------------------------------------------------------
def card_text_node(snapshot: dict[str, Any]) -> dict[str, Any]:
    texts = [n for n in showing(snapshot) if n["role"] == "text"]
    assert len(texts) == 1, [n["name"] for n in texts]
    return texts[0]


def test_card_text_is_exposed_as_text(report: dict[str, Any], library: Library) -> None:
    cards = library.leaflets[0].cards
    for screen in ("card1", "card3_quote", "first_steps", "contacts", "last"):
        snapshot = report["snapshots"][screen]
        card = cards[snapshot["card"] - 1]
        node = card_text_node(snapshot)
        assert "Text" in node["interfaces"], where(screen, node)
        assert node["name"] == card.title, where(screen, node)
        assert node["states"]["focusable"], where(screen, node)
        assert (node["text"] or "").startswith(card.title), where(screen, node)
    first_steps = card_text_node(report["snapshots"]["first_steps"])
    assert (
        "If your child has an Education, Health and Care plan you can also contact "
        in (first_steps["text"])
    )
    assert "Rutland City Council" in first_steps["text"]


def test_quotation_text_is_exposed(report: dict[str, Any], library: Library) -> None:
    card = library.leaflets[0].cards[2]
    quotes = [b for b in card.blocks if type(b).__name__ == "Quote"]
    assert quotes, "card 3 should hold a quotation"
    text = card_text_node(report["snapshots"]["card3_quote"])["text"]
    assert "SEND Code of Practice" in text


def test_card_text_is_not_announced_as_editable(report: dict[str, Any]) -> None:
    node = card_text_node(report["snapshots"]["card1"])
    assert not node["states"]["editable"], where("card1", node)


def test_card_text_reads_without_internal_characters(report: dict[str, Any]) -> None:
    """Frames (quotes, contact boxes) and QR images must not leak Qt's placeholder characters."""
    found = []
    for screen in ("card1", "card3_quote", "first_steps", "contacts", "last"):
        text = card_text_node(report["snapshots"][screen])["text"] or ""
        hits = sorted({label for char, label in INTERNAL.items() if char in text})
        if hits:
            found.append(f"{screen}: {', '.join(hits)} in {text[:80]!r}")
    assert not found, "\n".join(found)


# --- keyboard --------------------------------------------------------------------------------
def test_tab_cycles_on_every_screen(report: dict[str, Any]) -> None:
    for screen in TAB_WALKS:
        walk = report["tab_walks"][screen]
        assert walk["outcome"] == "cycled", (screen, walk)


def test_tab_reaches_every_control(report: dict[str, Any]) -> None:
    unreachable = []
    for screen in TAB_WALKS:
        walk = report["tab_walks"][screen]
        reached = {tuple(stop["path"]) for stop in walk["stops"]}
        for node in showing(report["snapshots"][screen]):
            wanted = node["role"] in CONTROLS or (
                node["role"] == "text" and node["states"]["focusable"]
            )
            if wanted and node["states"]["enabled"] and tuple(node["path"]) not in reached:
                unreachable.append(where(screen, node))
    assert not unreachable, "not reachable with Tab:\n" + "\n".join(unreachable)


def test_home_tab_order_is_reading_order(report: dict[str, Any], library: Library) -> None:
    walk = report["tab_walks"]["home"]
    names = [walk["start"]["name"]] + [stop["name"] for stop in walk["stops"]]
    tiles = [section.tile for section in library.leaflets[0].sections]
    assert names[0].startswith("Start reading")
    assert names[1 : 1 + len(tiles)] == tiles
    assert names[-1] == names[0]


def test_tab_order_follows_the_screen(report: dict[str, Any]) -> None:
    """WCAG 2.4.3: Tab meets the controls in the order the screen shows them (rows top to
    bottom, each left to right), wherever the cycle starts."""
    row = MIN_TARGET_PX // 3
    wrong = []
    for screen in TAB_WALKS:
        walk = report["tab_walks"][screen]
        nodes = {tuple(n["path"]): n for n in report["snapshots"][screen]["nodes"]}
        cycle = [nodes[tuple(stop["path"])] for stop in walk["stops"]]  # ends at the start

        def place(node: dict[str, Any]) -> tuple[int, int]:
            x, y, _width, _height = node["extents"]
            return (round(y / row), x)

        expected = sorted(cycle, key=place)
        at = cycle.index(expected[0])
        got = cycle[at:] + cycle[:at]
        if [n["path"] for n in got] != [n["path"] for n in expected]:
            wrong.append(
                f"{screen}: Tab goes {[n['name'] for n in got]}\n"
                f"    the screen reads {[n['name'] for n in expected]}"
            )
    assert not wrong, "\n".join(wrong)


# --- overlays and staff screens (issue 9) ----------------------------------------------------
def names_showing(screen: str, report: dict[str, Any]) -> list[tuple[str, str]]:
    return [(n["role"], n["name"]) for n in showing(report["snapshots"][screen])]


def test_open_settings_panel_is_in_the_tree_and_the_page_under_it_is_not(
    report: dict[str, Any], library: Library
) -> None:
    seen = names_showing("settings", report)
    assert any(name == "Text and colours" and role != "push button" for role, name in seen), seen
    assert ("push button", "Done") in seen
    tiles = {section.tile for section in library.leaflets[0].sections}
    assert not [name for _role, name in seen if name in tiles], "home tiles under the panel"


def test_idle_warning_is_an_alert(report: dict[str, Any]) -> None:
    seen = names_showing("idle_warning", report)
    assert ("alert", "Are you still there?") in seen, seen
    assert ("push button", "I'm still here") in seen


def test_staff_screens_are_in_the_tree(report: dict[str, Any]) -> None:
    pin = names_showing("pin", report)
    assert {("push button", d) for d in "0123456789"} <= set(pin)
    assert ("push button", "OK") in pin and ("push button", "Cancel") in pin
    admin = names_showing("admin", report)
    for name in ("Back to kiosk", "Reload content", "Test speech"):
        assert ("push button", name) in admin, admin


def test_no_noise_in_any_tree(report: dict[str, Any]) -> None:
    """No "layered pane" (QStackedWidget's default role), no middle dots read as "middle dot",
    and no node that just repeats its parent's name."""
    noise = []
    for screen, snapshot in report["snapshots"].items():
        nodes = {tuple(n["path"]): n for n in snapshot["nodes"]}
        for node in showing(snapshot):
            parent = nodes.get(tuple(node["path"][:-1]))
            if node["role"] == "layered pane":
                noise.append(where(screen, node))
            elif "\u00b7" in node["name"]:
                noise.append(where(screen, node) + " (middle dot)")
            elif (
                parent is not None
                and node["name"]
                and node["name"] == parent["name"]
                and node["role"] == "label"
            ):
                noise.append(where(screen, node) + " (repeats its parent)")
    assert not noise, "\n".join(noise)


def test_with_a_screen_reader_the_kiosk_itself_says_nothing_unasked(report: dict[str, Any]) -> None:
    """Orca speaks focus and names; the kiosk's voice stays silent while the keyboard walks
    every screen, and still reads a card aloud when asked."""
    asked = report["read_aloud_at"]
    before = [p for p in report["plays"] if p["t"] < asked]
    after = [p for p in report["plays"] if p["t"] >= asked]
    assert before == [], f"the kiosk spoke {len(before)} times on its own"
    assert after, "Read aloud said nothing"
