"""SpeechService state machine on a fake engine and player (fast: no processes, no audio)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.speech.narration import Utterance, WordSpan
from kiosk.speech.service import SpeechService, State
from tests.helpers.fake_speech import FakeEngine, FakePlayer

Make = Callable[..., SpeechService]


def _script(*texts: str) -> list[Utterance]:
    return [Utterance(t, i, 0, len(t)) for i, t in enumerate(texts)]


def _finish_reading(qtbot: QtBot, service: SpeechService) -> None:
    with qtbot.waitSignal(service.finished, timeout=2000):
        pass


def test_speaks_each_utterance_in_order_then_ready(
    qtbot: QtBot, make_service: Make, engine: FakeEngine, player: FakePlayer
) -> None:
    service = make_service()
    states: list[State] = []
    started: list[int] = []
    service.stateChanged.connect(states.append)
    service.utteranceStarted.connect(started.append)
    with qtbot.waitSignal(service.finished, timeout=2000):
        service.speak(_script("One.", "Two.", "Three."))
    assert engine.texts() == ["One.", "Two.", "Three."]
    assert started == [0, 1, 2]
    assert len(player.played) == 3
    assert states == [State.Speaking, State.Ready]
    assert service.state() == State.Ready


def test_next_utterance_is_synthesised_while_one_plays(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("One.", "Two.", "Three."))
    qtbot.waitUntil(lambda: len(engine.requests) == 2 and not engine.queue, timeout=2000)
    assert engine.texts() == ["One.", "Two."]
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000) as blocker:
        player.finish()
    assert blocker.args == [1]
    assert engine.texts()[-1] == "Three."


def test_new_speak_replaces_old_speech_at_once(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("Old one.", "Old two.", "Old three."))
    first_wav = player.played[0]
    stops = player.stops
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("New one.", "New two."))
    assert player.stops == stops + 1  # the old voice was cut off, not queued behind
    assert not Path(first_wav).exists()
    qtbot.waitUntil(lambda: not engine.queue, timeout=2000)
    player.finish()
    qtbot.waitUntil(lambda: player.current is not None, timeout=2000)
    player.finish()
    qtbot.waitUntil(lambda: service.state() == State.Ready, timeout=2000)
    played_texts = [
        engine.requests[int(Path(p).stem.rsplit("-", 1)[1]) - 1].text for p in player.played
    ]
    assert played_texts == ["Old one.", "New one.", "New two."]


def test_stale_results_after_replace_are_discarded(
    qtbot: QtBot, make_service: Make, engine: FakeEngine, player: FakePlayer
) -> None:
    engine.hang = True  # hold results back so they arrive after the second speak()
    service = make_service()
    service.speak(_script("Old."))
    service.speak(_script("New."))
    with qtbot.waitSignal(service.finished, timeout=2000):
        engine.release()
    assert engine.texts() == ["Old.", "New."]
    assert len(player.played) == 1
    assert list(service.temp_dir().glob("*.wav")) == []


def test_stop_silences_and_ignores_late_results(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("One.", "Two."))
    with qtbot.waitSignal(service.stateChanged, timeout=1000) as blocker:
        service.stop()
    assert blocker.args == [State.Ready]
    assert player.current is None
    qtbot.waitUntil(lambda: not engine.queue, timeout=2000)
    assert len(player.played) == 1


def test_pause_and_resume_in_the_player(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("One.", "Two."))
    service.pause()
    assert service.state() == State.Paused and player.paused
    service.resume()
    assert service.state() == State.Speaking and player.resumes == 1
    assert len(player.played) == 1


def test_pause_without_player_support_replays_the_sentence(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    player.can_pause = False
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("One.", "Two."))
    service.pause()
    assert service.state() == State.Paused and player.current is None
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000) as blocker:
        service.resume()
    assert blocker.args == [0]
    assert player.played[0] == player.played[1]


def test_repeat_sentence_plays_the_same_audio_again(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("One.", "Two."))
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000) as blocker:
        service.repeat_sentence()
    assert blocker.args == [0]
    assert player.played == [player.played[0]] * 2
    assert engine.texts().count("One.") == 1  # no new synthesis needed


def test_rate_steps_and_validation(qtbot: QtBot, make_service: Make, engine: FakeEngine) -> None:
    service = make_service()
    for bad in (0.25, 2.5, 1.1):
        with pytest.raises(ValueError, match=r"speech rate must be one of 0\.5, 0\.75, 1"):
            service.set_rate(bad)
    service.set_rate(2.0)
    with qtbot.waitSignal(service.finished, timeout=2000):
        service.speak(_script("Fast."))
    service.set_rate(0.5)
    with qtbot.waitSignal(service.finished, timeout=2000):
        service.speak(_script("Slow."))
    assert [r.rate for r in engine.requests] == [350, 88]


def test_rate_change_while_speaking_applies_to_the_next_sentence(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        service.speak(_script("One.", "Two."))
    qtbot.waitUntil(lambda: not engine.queue, timeout=2000)
    service.set_rate(1.5)
    qtbot.waitUntil(lambda: not engine.queue, timeout=2000)
    with qtbot.waitSignal(service.utteranceStarted, timeout=2000):
        player.finish()
    assert engine.requests[-1].text == "Two." and engine.requests[-1].rate == 262


def test_volume_levels_cover_18_db_with_a_12_db_step(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    service = make_service()
    levels = service.volume_levels_db()
    assert max(levels) - min(levels) >= 18 and -12.0 in levels
    service.set_volume_step(2)
    assert service.volume_db() == -12.0
    with pytest.raises(ValueError, match="volume"):
        service.set_volume_db(-3.0)
    with pytest.raises(ValueError, match="volume step"):
        service.set_volume_step(4)
    with qtbot.waitSignal(service.finished, timeout=2000):
        service.speak(_script("Quiet."))
    assert engine.requests[0].volume == pytest.approx(0.2512, abs=1e-3)


def test_unknown_voice_names_the_setting_and_lists_voices(make_service: Make) -> None:
    service = make_service()
    with pytest.raises(ValueError) as info:
        service.set_voice("klingon")
    message = str(info.value)
    assert "speech voice setting" in message and "'klingon'" in message
    assert "gmw/en-gb-x-rp" in message
    service.set_voice("gmw/en-gb-x-rp")
    assert service.voice() == "gmw/en-gb-x-rp"


def test_word_progress_is_reported_in_display_coordinates(
    qtbot: QtBot, make_service: Make, engine: FakeEngine
) -> None:
    player = FakePlayer(auto_finish=False)
    service = make_service(player=player)
    # Spoken "Hello big world." shown as "Hello world" at unit 3 (a made-up mapping).
    words = (WordSpan(0, 5, 10, 15), WordSpan(6, 9, 16, 21), WordSpan(10, 16, 16, 21))
    script = [Utterance("Hello big world.", 3, 10, 21, words)]
    seen: list[tuple[int, int, int]] = []
    service.wordStarted.connect(lambda *a: seen.append(tuple(a)))
    with qtbot.waitSignal(service.wordStarted, timeout=2000):
        service.speak(script)
    player.position_s = 0.15  # the fake engine puts a word every 0.1 s
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=2000)
    assert seen == [(3, 10, 5), (3, 16, 5)]
    player.position_s = 0.25  # same screen word as the one before: no new signal
    player.finish()
    qtbot.waitUntil(lambda: service.state() == State.Ready, timeout=2000)
    assert len(seen) == 2


def test_watchdog_restarts_a_hung_engine_transparently(
    qtbot: QtBot,
    make_service: Make,
    engine: FakeEngine,
    player: FakePlayer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    engine.hang = True
    service = make_service(watchdog_ms=50)
    with (
        caplog.at_level(logging.WARNING, logger="kiosk.speech"),
        qtbot.waitSignal(service.finished, timeout=3000),
    ):
        service.speak(_script("One.", "Two."))
    assert engine.restarts == 1
    assert service.is_available() and service.state() == State.Ready
    assert "restarting the speech engine" in caplog.text
    assert len(player.played) == 2


def test_engine_that_keeps_hanging_makes_speech_unavailable(
    qtbot: QtBot, make_service: Make, engine: FakeEngine, caplog: pytest.LogCaptureFixture
) -> None:
    engine.hang = True
    engine.hang_after_restart = True
    service = make_service(watchdog_ms=20, max_restarts=2)
    with (
        caplog.at_level(logging.ERROR, logger="kiosk.speech"),
        qtbot.waitSignals([service.availableChanged, service.errorOccurred], timeout=3000),
    ):
        service.speak(_script("One."))
    assert engine.restarts == 2
    assert not service.is_available()
    assert "did not answer" in service.unavailable_reason()
    assert service.state() == State.Error
    assert "speech unavailable" in caplog.text


def test_engine_crash_is_restarted(
    qtbot: QtBot, make_service: Make, engine: FakeEngine, player: FakePlayer
) -> None:
    engine.hang = True
    service = make_service()
    service.speak(_script("One."))
    with qtbot.waitSignal(service.finished, timeout=2000):
        engine.crashed.emit("speech engine process ended")
    assert engine.restarts == 1


def test_missing_player_makes_speech_unavailable(
    qtbot: QtBot, tmp_path: Path, engine: FakeEngine, caplog: pytest.LogCaptureFixture
) -> None:
    player = FakePlayer()
    player.reason = "audio player 'aplay' is not installed"
    with caplog.at_level(logging.ERROR, logger="kiosk.speech"):
        service = SpeechService(engine, player, tmp_path)
    try:
        assert not service.is_available()
        assert "aplay" in service.unavailable_reason()
        assert "aplay" in caplog.text
        with qtbot.waitSignal(service.errorOccurred, timeout=1000) as blocker:
            service.speak(_script("One."))
        assert "unavailable" in blocker.args[0]
        assert engine.requests == [] and service.state() == State.Error
    finally:
        service.shutdown()


def test_engine_that_cannot_start_makes_speech_unavailable(
    tmp_path: Path, engine: FakeEngine, player: FakePlayer, caplog: pytest.LogCaptureFixture
) -> None:
    engine.start_error = "OSError: libespeak-ng.so.1: cannot open shared object file"
    with caplog.at_level(logging.ERROR, logger="kiosk.speech"):
        service = SpeechService(engine, player, tmp_path)
    assert "libespeak" in service.unavailable_reason()
    service.shutdown()


def test_player_failure_is_an_error_not_a_hang(
    qtbot: QtBot, make_service: Make, player: FakePlayer, caplog: pytest.LogCaptureFixture
) -> None:
    player.fail_message = "audio player 'aplay' failed: audio open error"
    service = make_service()
    with (
        caplog.at_level(logging.ERROR, logger="kiosk.speech"),
        qtbot.waitSignal(service.errorOccurred, timeout=2000) as blocker,
    ):
        service.speak(_script("One."))
    assert "audio open error" in blocker.args[0]
    assert service.state() == State.Error
    player.fail_message = ""
    with qtbot.waitSignal(service.finished, timeout=2000):
        service.speak(_script("Again."))


def test_synthesis_error_is_reported(
    qtbot: QtBot, make_service: Make, engine: FakeEngine, caplog: pytest.LogCaptureFixture
) -> None:
    engine.fail_text = "Bad"
    service = make_service()
    with (
        caplog.at_level(logging.ERROR, logger="kiosk.speech"),
        qtbot.waitSignal(service.errorOccurred, timeout=2000) as blocker,
    ):
        service.speak(_script("Bad sentence."))
    assert "fake failure" in blocker.args[0]


def test_empty_script_finishes_at_once(qtbot: QtBot, make_service: Make) -> None:
    service = make_service()
    with qtbot.waitSignal(service.finished, timeout=1000):
        service.speak([])
    assert service.state() == State.Ready


def test_temp_folder_is_cleaned_at_start_and_removed_at_shutdown(
    qtbot: QtBot, tmp_path: Path, engine: FakeEngine, player: FakePlayer
) -> None:
    folder = tmp_path / "speech"
    folder.mkdir()
    (folder / "left-from-a-crash.wav").write_bytes(b"x")
    service = SpeechService(engine, player, folder)
    assert list(folder.iterdir()) == []
    with qtbot.waitSignal(service.finished, timeout=2000):
        service.speak(_script("One.", "Two."))
    service.shutdown()
    assert not folder.exists()
    assert engine.shutdowns == 1


def test_engine_failing_to_start_later_makes_speech_unavailable(
    qtbot: QtBot, make_service: Make, engine: FakeEngine, caplog: pytest.LogCaptureFixture
) -> None:
    engine.hang = True
    service = make_service()
    service.speak(_script("One."))
    engine.start_error = "ModuleNotFoundError: No module named 'pyttsx3'"
    with (
        caplog.at_level(logging.ERROR, logger="kiosk.speech"),
        qtbot.waitSignals([service.availableChanged, service.errorOccurred], timeout=1000),
    ):
        engine.readyChanged.emit(False)
    assert "pyttsx3" in service.unavailable_reason() and service.state() == State.Error
    assert engine.restarts == 0


def test_the_log_never_holds_what_was_read(
    qtbot, make_service, engine, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.speech.narration import Utterance

    caplog.set_level("DEBUG", logger="kiosk")
    engine.fail_text = "private words"
    service = make_service()
    with qtbot.waitSignal(service.errorOccurred):
        service.speak([Utterance("Some private words from a card.", 0, 0, 10)])
    assert "speech engine failed on sentence 1" in caplog.text
    assert "private words" not in caplog.text
