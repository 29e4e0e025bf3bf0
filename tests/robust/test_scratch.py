"""Private scratch space per kiosk (issue 14, item 3): under its own state folder, 0700,
checked to be ours, unique per process; another copy of the kiosk never touches it."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.scratch import ensure_private, make_scratch
from kiosk.speech.narration import Utterance
from kiosk.speech.service import SpeechService
from tests.helpers.fake_speech import FakeEngine, FakePlayer


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_second_copy_with_another_home_never_touches_the_first(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEN_KIOSK_HOME", str(tmp_path / "one"))
    first_player = FakePlayer(auto_finish=False)
    first = SpeechService(FakeEngine(), first_player)
    first.speak([Utterance("First kiosk speaking.", -1, 0, 0)])
    qtbot.waitUntil(lambda: bool(first_player.current), timeout=3000)
    playing = Path(first_player.current or "")
    assert playing.is_file()
    assert first.temp_dir().parent == tmp_path / "one" / "state" / "speech"
    assert _mode(first.temp_dir()) == 0o700

    monkeypatch.setenv("SEN_KIOSK_HOME", str(tmp_path / "two"))
    second = SpeechService(FakeEngine(), FakePlayer())
    assert second.temp_dir().parent == tmp_path / "two" / "state" / "speech"
    second.shutdown()  # the old bug: this removed the shared folder and the first one's audio

    assert playing.is_file()
    first_player.finish()
    first.shutdown()
    assert not first.temp_dir().exists()


def test_two_services_in_one_home_get_their_own_folders_and_names(
    qtbot: QtBot, tmp_path: Path
) -> None:
    made = [SpeechService(FakeEngine(), FakePlayer(), None) for _ in range(2)]
    try:
        dirs = {service.temp_dir() for service in made}
        assert len(dirs) == 2
        assert all(d.name.startswith(f"{os.getpid()}-") for d in dirs)
    finally:
        for service in made:
            service.shutdown()


def test_folders_of_dead_kiosks_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    base = tmp_path / "speech"
    base.mkdir()
    dead = base / "999999999-old"  # no such process id
    dead.mkdir()
    (dead / "utt-1.wav").write_bytes(b"RIFF")
    live = base / "1-init"  # process 1 always exists
    live.mkdir()
    made = make_scratch("speech", tmp_path)
    assert made.parent == base and not dead.exists() and live.exists()


def test_loose_permissions_are_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "speech"
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)
    ensure_private(folder)
    assert _mode(folder) == 0o700


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a folder away")
def test_a_folder_owned_by_someone_else_is_never_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    base = tmp_path / "speech"
    base.mkdir()
    os.chown(base, 65534, 65534)
    made = make_scratch("speech", tmp_path)
    assert not made.is_relative_to(base)
    assert made.is_relative_to(tempfile.gettempdir()) and _mode(made) == 0o700
    assert "belongs to user 65534" in caplog.text
    made.rmdir()


def test_a_read_only_state_folder_falls_back_to_a_private_temp_folder(tmp_path: Path) -> None:
    state = tmp_path / "state"
    state.mkdir()
    os.chmod(state, 0o500)
    try:
        if os.access(state, os.W_OK) and os.geteuid() == 0:
            # root ignores permission bits; a symlink in the way is refused the same way.
            os.chmod(state, 0o700)
            (state / "speech").symlink_to(tmp_path)
        made = make_scratch("speech", state)
        assert not made.is_relative_to(state) and _mode(made) == 0o700
        made.rmdir()
    finally:
        os.chmod(state, 0o700)
