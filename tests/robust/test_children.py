"""The kiosk's children (speech engine, audio player) never outlive it, however it dies,
and no process other than those two is ever started (issue 14, items 3 and 11)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.speech.player import CommandPlayer
from tests.helpers import procs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux /proc")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def driver() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(5)
        if process.stdout is not None:
            process.stdout.close()


def _start(driver: list[subprocess.Popen[str]], *what: str) -> tuple[int, dict[str, int]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.child_driver", *what],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    driver.append(process)
    assert process.stdout is not None
    line = process.stdout.readline().split()
    assert line and line[0] == "pids", line
    return process.pid, {k: int(v) for k, v in (item.split("=") for item in line[1:])}


def test_player_dies_with_the_kiosk_on_sigkill(driver: list[subprocess.Popen[str]]) -> None:
    kiosk, pids = _start(driver, "player", "sleep", "60")
    assert procs.alive(pids["player"])
    os.kill(kiosk, signal.SIGKILL)
    assert procs.wait_gone([pids["player"]]) == [], "the player outlived a killed kiosk"


@pytest.mark.slow
def test_engine_dies_with_the_kiosk_and_starts_no_helper(
    driver: list[subprocess.Popen[str]],
) -> None:
    kiosk, pids = _start(driver, "engine", "player", "sleep", "60")
    family = procs.descendants(kiosk)
    # Exactly the engine and the player: no multiprocessing resource tracker, no shell.
    assert sorted(family) == sorted([pids["engine"], pids["player"]]), [
        procs.cmdline(p) for p in family
    ]
    # Each leads its own process group, so stopping one stops whatever it started.
    assert all(os.getpgid(p) == p for p in family)
    os.kill(kiosk, signal.SIGKILL)
    assert procs.wait_gone(family) == [], [procs.cmdline(p) for p in family]


def test_stopping_the_player_stops_what_it_started(qtbot: QtBot) -> None:
    player = CommandPlayer(["sh", "-c", "sleep 60 & wait", "{file}"])
    with qtbot.waitSignal(player.started, timeout=3000):
        player.play("x.wav")
    shell = player.pid()
    assert shell is not None
    qtbot.waitUntil(lambda: bool(procs.children(shell)), timeout=3000)
    sleeper = procs.children(shell)[0]
    player.stop()
    assert procs.wait_gone([shell, sleeper]) == []


def test_the_engine_is_not_a_multiprocessing_child() -> None:
    # multiprocessing would start a resource tracker beside the engine that outlives a
    # killed kiosk; the engine is a plain child speaking JSON lines instead.
    code = (
        "import sys, kiosk.speech.engine, kiosk.speech.process, kiosk.speech.player;"
        "print('multiprocessing' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
