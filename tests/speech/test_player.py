"""CommandPlayer with real (silent) child processes, and the environment it gives them."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.speech.player import CommandPlayer, child_environment, default_player_command


def test_default_commands_per_platform() -> None:
    assert default_player_command("linux") == ["aplay", "-q", "{file}"]
    assert default_player_command("darwin") == ["afplay", "{file}"]
    assert default_player_command("win32") is None


def test_frozen_build_restores_the_users_library_path() -> None:
    env = {"LD_LIBRARY_PATH": "/bundle", "LD_LIBRARY_PATH_ORIG": "/usr/local/lib", "A": "1"}
    assert child_environment(env, frozen=True) == {"LD_LIBRARY_PATH": "/usr/local/lib", "A": "1"}
    assert child_environment({"LD_LIBRARY_PATH": "/bundle"}, frozen=True) == {}
    assert child_environment(env, frozen=False) == env


def test_child_gets_the_restored_environment(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LD_LIBRARY_PATH", "/bundle")
    monkeypatch.setenv("LD_LIBRARY_PATH_ORIG", "/orig")
    out = tmp_path / "env.txt"
    player = CommandPlayer(["sh", "-c", f'echo "$LD_LIBRARY_PATH" > {out}'], frozen=True)
    with qtbot.waitSignal(player.finished, timeout=3000):
        player.play("unused.wav")
    assert out.read_text().strip() == "/orig"


def test_finished_and_failed(qtbot: QtBot) -> None:
    player = CommandPlayer(["true", "{file}"])
    assert player.unavailable_reason() == ""
    with qtbot.waitSignals([player.started, player.finished], timeout=3000):
        player.play("x.wav")
    failing = CommandPlayer(["sh", "-c", "echo 'audio open error' >&2; exit 1", "{file}"])
    with qtbot.waitSignal(failing.failed, timeout=3000) as blocker:
        failing.play("x.wav")
    assert "audio open error" in blocker.args[0]


def test_missing_binary_is_reported(qtbot: QtBot) -> None:
    player = CommandPlayer(["no-such-player-xyz", "{file}"])
    assert "not installed" in player.unavailable_reason()
    with qtbot.waitSignal(player.failed, timeout=3000) as blocker:
        player.play("x.wav")
    assert "could not start" in blocker.args[0]
    assert "no audio player" in CommandPlayer([]).unavailable_reason()


def test_stop_kills_at_once_and_pause_freezes_the_clock(qtbot: QtBot) -> None:
    # `sleep` stands in for aplay: there is no sound card here, and it lives long enough.
    player = CommandPlayer(["sleep", "30"])
    finished: list[bool] = []
    player.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(player.started, timeout=3000):
        player.play("x.wav")
    pid = player.pid()
    assert pid is not None
    assert player.pause()
    frozen_at = player.position()
    qtbot.wait(30)
    assert player.position() == frozen_at
    assert _state(pid) == "T"  # stopped by SIGSTOP
    player.resume()
    qtbot.waitUntil(lambda: player.position() > frozen_at, timeout=1000)
    t0 = time.perf_counter()
    player.stop()
    elapsed = time.perf_counter() - t0
    assert not os.path.exists(f"/proc/{pid}")
    # Typically ~1 ms; the strict 50 ms budget is checked in the slow real-engine test, this
    # fast one only guards against a stop that waits for the audio to end.
    assert elapsed < 0.25
    assert not player.is_playing() and finished == []


def _state(pid: int) -> str:
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0]
