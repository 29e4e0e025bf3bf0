"""Fault suite (issue 14): the real speech engine killed and stopped, the player failing and
hanging, the data disk full or read-only at start and while running, corrupt cache, settings
and content, a second copy with another home, and SIGKILL of the kiosk. Speech faults run
the real service in-process; the rest run `python -m kiosk` under Xvfb, watched from outside.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content import Library
from kiosk.speech import CommandPlayer, ProcessEngine, SpeechService, State, narrate_card
from tests.helpers import procs
from tests.helpers.cli import leaflet_copy
from tests.helpers.real_kiosk import (
    REAL_KIOSK_MARKS,
    Display,
    RealKiosk,
    RecordingPlayer,
    private_tmp,
    wait_until,
    write_settings,
    xdotool,
)
from tests.helpers.small_disk import (
    can_mount,
    covered_read_only,
    fill,
    remount_read_only,
    tmpfs,
)

pytestmark = REAL_KIOSK_MARKS
DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"


# ------------------------------------------------------------------ speech, in-process


@pytest.fixture
def recorder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> RecordingPlayer:
    player = RecordingPlayer(tmp_path / "player")
    for key, value in player.env().items():
        monkeypatch.setenv(key, value)
    return player


@pytest.fixture
def service(qtbot: QtBot, tmp_path: Path, recorder: RecordingPlayer) -> Iterator[SpeechService]:
    made = SpeechService(
        ProcessEngine(),
        CommandPlayer([str(recorder.bin / "aplay"), "-q", "{file}"]),
        tmp_path / "speech",
        watchdog_ms=1500,
        player_margin_ms=500,
    )
    yield made
    made.shutdown()


def _engine_pid(service: SpeechService) -> int:
    pid = service._engine.pid()  # type: ignore[attr-defined]
    assert pid is not None
    return int(pid)


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGSTOP])
def test_a_killed_or_stopped_engine_is_replaced_and_the_card_read_to_its_end(
    qtbot: QtBot, service: SpeechService, library: Library, recorder: RecordingPlayer, how: int
) -> None:
    script = narrate_card(library.find_card("mediation-1")[1], None)
    with qtbot.waitSignal(service.utteranceStarted, timeout=15_000):
        service.speak(script)
    old = _engine_pid(service)
    os.kill(old, how)
    with qtbot.waitSignal(service.finished, timeout=60_000):
        pass
    assert procs.wait_gone([old]) == [], "the old engine was left behind"
    assert _engine_pid(service) != old
    assert recorder.played() >= len(script)


@pytest.mark.parametrize("mode", ["fail", "hang"])
def test_a_failing_or_hanging_player_is_an_error_not_silence(
    qtbot: QtBot, service: SpeechService, library: Library, recorder: RecordingPlayer, mode: str
) -> None:
    recorder.set_mode(mode)
    with qtbot.waitSignal(service.errorOccurred, timeout=30_000) as blocker:
        service.speak(narrate_card(library.find_card("about-1")[1], None))
    expected = "audio open error" if mode == "fail" else "stopped responding"
    assert expected in blocker.args[0]
    assert service.state() is State.Error
    player = service._player  # type: ignore[attr-defined]
    assert not player.is_playing()


# ------------------------------------------------------------------ the real kiosk process


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    yield from private_tmp()


@pytest.fixture
def display() -> Iterator[Display]:
    made = Display("1366x768")
    yield made
    made.close()


@pytest.fixture
def player(tmp_path: Path) -> RecordingPlayer:
    return RecordingPlayer(tmp_path / "player")


def _dbus_processes() -> set[int]:
    return {p for p, name in procs.process_names().items() if name.startswith("dbus-")}


def _check_clean_stop(kiosk: RealKiosk) -> None:
    code = kiosk.stop()
    output = kiosk.text()
    assert code == 0, output
    assert "Traceback" not in output, output


def _speak_something(display: Display, kiosk: RealKiosk, player: RecordingPlayer) -> None:
    """Any key turns audio mode on, and the kiosk says how to use it."""
    before = player.played()
    xdotool(display, "mousemove", "683", "384", "key", "h")
    assert wait_until(lambda: player.played() > before, 60), (
        f"nothing played; output:\n{kiosk.text()}\nchildren: "
        f"{[procs.cmdline(p) for p in procs.descendants(kiosk.pid)]}\n"
        f"player folder: {sorted(os.listdir(player.records))}\nlog:\n{kiosk.log()[-3000:]}"
    )


def test_sigkill_takes_the_engine_and_the_player_with_it(
    display: Display, tmp_path: Path, player: RecordingPlayer
) -> None:
    home = tmp_path / "home"
    write_settings(home)
    player.set_mode("hang")
    dbus_before = _dbus_processes()
    kiosk = RealKiosk(tmp_path, display, home, player, "--windowed")
    try:
        kiosk.wait_ready()
        _speak_something(display, kiosk, player)
        family = procs.descendants(kiosk.pid)
        names = sorted(procs.cmdline(p).split()[0].rsplit("/", 1)[-1] for p in family)
        # The engine (this Python), the player (the aplay stand-in, here a shell that became
        # `sleep`) and nothing else: no uname, no dbus-launch.
        assert len(family) == 2, names
        assert _dbus_processes() == dbus_before, "a D-Bus session was autolaunched"
        assert player.uname_calls() == []
        os.kill(kiosk.pid, signal.SIGKILL)
        assert procs.wait_gone(family) == [], names
    finally:
        kiosk.kill()


@pytest.mark.skipif(not can_mount(), reason="needs root to mount a tmpfs")
@pytest.mark.parametrize("trouble", ["full", "read-only"])
@pytest.mark.parametrize("when", ["at start", "while running"])
def test_data_disk_trouble_never_stops_the_kiosk(
    display: Display, tmp_path: Path, player: RecordingPlayer, trouble: str, when: str
) -> None:
    with tmpfs(tmp_path / "disk") as disk:
        home = disk / "home"
        write_settings(home)
        for name in ("logs", "data", "state"):
            (home / name).mkdir(parents=True)

        covers = contextlib.ExitStack()

        def break_disk() -> None:
            if trouble == "full":
                fill(disk)
            elif when == "at start":
                remount_read_only(disk)
            else:
                # A tmpfs with files open for writing cannot be remounted read-only, so the
                # kiosk's folders are covered by read-only ones instead: every new file fails.
                folders = [home / name for name in ("logs", "data", "state")]
                covers.enter_context(covered_read_only(folders))

        kiosk = RealKiosk(tmp_path, display, home, player, "--windowed")
        try:
            kiosk.wait_ready()
            if when == "while running":
                break_disk()
            _speak_something(display, kiosk, player)
            xdotool(display, "mousemove", "300", "300", "click", "1", "key", "Tab", "key", "space")
            assert kiosk.answers(), kiosk.text()
            _check_clean_stop(kiosk)
        finally:
            kiosk.kill()
            covers.close()


@pytest.mark.parametrize("what", ["cache", "settings", "content"])
def test_corrupt_files_are_named_and_the_kiosk_starts(
    display: Display, tmp_path: Path, player: RecordingPlayer, what: str
) -> None:
    home = tmp_path / "home"
    args = ["--windowed"]
    if what == "settings":
        write_settings(home, "[display]\n" + DEEP)
        culprit = str(home / "config" / "kiosk.toml")
    else:
        write_settings(home)
    if what == "content":
        folder = leaflet_copy(tmp_path / "content")
        (folder / "leaflet.toml").write_bytes(b"\xff\xfe" + os.urandom(200))
        args += ["--content", str(folder)]
        culprit = str(folder / "leaflet.toml")
    if what == "cache":
        first = RealKiosk(tmp_path, display, home, player, "--windowed")
        first.wait_ready()
        _check_clean_stop(first)
        cached = [p for p in (home / "data").rglob("*") if p.is_file() and "cache" in str(p)]
        assert cached, "no content cache was written"
        for n, path in enumerate(cached):
            path.write_bytes([b"", b"\0" * 100, DEEP.encode(), os.urandom(300)][n % 4])
        culprit = ""
    kiosk = RealKiosk(tmp_path, display, home, player, *args)
    try:
        kiosk.wait_ready()
        assert kiosk.answers()
        if culprit:
            assert culprit in kiosk.log(), kiosk.log()
        _check_clean_stop(kiosk)
    finally:
        kiosk.kill()


def test_a_second_copy_with_another_home_leaves_the_first_alone(
    display: Display, tmp_path: Path, player: RecordingPlayer
) -> None:
    homes = [tmp_path / "one", tmp_path / "two"]
    for home in homes:
        write_settings(home)
    first = RealKiosk(tmp_path / "k1", display, homes[0], player, "--windowed")
    (tmp_path / "k2").mkdir()
    second = RealKiosk(tmp_path / "k2", display, homes[1], player, "--windowed")
    try:
        first.wait_ready()
        second.wait_ready()
        _speak_something(display, first, player)
        scratch = [p for p in (homes[0] / "state" / "speech").iterdir() if p.is_dir()]
        assert scratch, "the first kiosk has no scratch folder"
        engines = procs.descendants(first.pid)
        _check_clean_stop(second)
        assert all(p.exists() for p in scratch), "the second copy removed the first one's files"
        assert all(procs.alive(p) for p in engines if procs.state(p))
        assert first.answers()
        _speak_something(display, first, player)  # speech still works in the first
        _check_clean_stop(first)
    finally:
        first.kill()
        second.kill()


def test_no_session_bus_is_autolaunched_by_the_real_kiosk(
    display: Display, tmp_path: Path, player: RecordingPlayer
) -> None:
    if not shutil.which("dbus-launch"):
        pytest.skip("dbus-launch is not installed: nothing could be autolaunched")
    home = tmp_path / "home"
    write_settings(home)
    before = _dbus_processes()  # RealKiosk starts it with no DBUS_SESSION_BUS_ADDRESS
    kiosk = RealKiosk(tmp_path, display, home, player, "--windowed")
    try:
        kiosk.wait_ready()
        _check_clean_stop(kiosk)
    finally:
        kiosk.kill()
    assert _dbus_processes() == before
