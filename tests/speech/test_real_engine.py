"""The real engine (pyttsx3 + espeak-ng in its own process), measured with sox.

There is no sound card on the build machines, so where a player must run, a stand-in command
is injected: `sleep` for as long as the WAV lasts (via `soxi -D`), which behaves like aplay
(a long-running child that must be killed) without needing an audio device.
"""

from __future__ import annotations

import os
import re
import subprocess
import time
import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content import Library
from kiosk.content.model import Card, Paragraph, Span
from kiosk.content.text import card_units
from kiosk.speech import (
    CommandPlayer,
    EngineProcess,
    ProcessEngine,
    SpeechService,
    State,
    SynthRequest,
    narrate_card,
    render_card_to_wav,
)

pytestmark = pytest.mark.slow

REAL_TIME_PLAYER = ["sh", "-c", 'exec sleep "$(soxi -D "$1")"', "player", "{file}"]


def _sox_stat(path: Path, *effects: str) -> dict[str, float]:
    out = subprocess.run(
        ["sox", str(path), "-n", *effects, "stat"], capture_output=True, text=True, check=True
    ).stderr
    stats = {}
    for line in out.splitlines():
        name, _, value = line.partition(":")
        try:
            stats[name.strip()] = float(value)
        except ValueError:
            continue
    return stats


def test_card_renders_to_a_wav_of_real_speech(library: Library, tmp_path: Path) -> None:
    _, card = library.find_card("mediation-1")
    out = tmp_path / "card.wav"
    seconds = render_card_to_wav(card, "Mediation, 2 of 5", out)
    with wave.open(str(out)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
    stats = _sox_stat(out)
    assert stats["Length (seconds)"] == pytest.approx(seconds, abs=0.01)
    assert 15 < seconds < 90
    assert stats["RMS     amplitude"] > 0.03  # speech, not silence (silence is < 0.001)
    assert list(tmp_path.iterdir()) == [out]  # the per-sentence parts were cleaned up


def test_faster_rate_gives_shorter_audio(library: Library, tmp_path: Path) -> None:
    _, card = library.find_card("first-steps")
    normal = render_card_to_wav(card, None, tmp_path / "normal.wav")
    fast = render_card_to_wav(card, None, tmp_path / "fast.wav", rate=2.0)
    slow = render_card_to_wav(card, None, tmp_path / "slow.wav", rate=0.5)
    assert fast < normal * 0.7
    assert slow > normal * 1.4


def _check_words(card: Card, process: EngineProcess, tmp_path: Path) -> int:
    units = card_units(card)
    matched = 0
    for n, utterance in enumerate(narrate_card(card, None)):
        out = tmp_path / f"u{n}.wav"
        result = process.synthesise(SynthRequest(n, utterance.text, "gmw/en", 175, 1.0, str(out)))
        assert not result.error
        samples = [s for _, s in result.words]
        assert samples == sorted(samples) and samples[-1] <= result.frames
        for offset, sample in result.words:
            word = utterance.word_at(offset)
            if word is None or utterance.unit < 0:
                continue
            spoken = utterance.text[word.spoken_start : word.spoken_end]
            shown = units[utterance.unit].text[word.display_start : word.display_end]
            core = re.sub(r"^\W+|\W+$", "", spoken)
            if core.lower() == shown.lower():
                matched += 1
            # Audio follows: the 60 ms after a word's start is not silence.
            if sample + 1323 < result.frames and len(core) > 3:
                rms = _sox_stat(out, "trim", f"{sample}s", "1323s")["RMS     amplitude"]
                assert rms > 0.005, (spoken, sample)
    return matched


def test_word_offsets_map_back_to_the_card_text(library: Library, tmp_path: Path) -> None:
    accents = Card(
        "t-1",
        "t",
        "Café test",
        1,
        1,
        (Paragraph((Span("The café’s “best endeavours” – naïve role-play, 11.3."),)),),
        Path("t.md"),
        1,
    )
    process = EngineProcess()
    try:
        matched = _check_words(accents, process, tmp_path)
        assert matched >= 7
        for card_id in ("disagreement-resolution-2", "disagreement-resolution-4", "about-1"):
            assert _check_words(library.find_card(card_id)[1], process, tmp_path) > 20
    finally:
        process.close()


def test_service_reads_with_word_progress_and_stops_within_50_ms(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    engine = ProcessEngine()
    player = CommandPlayer(REAL_TIME_PLAYER)
    service = SpeechService(engine, player, tmp_path / "speech")
    try:
        _, card = library.find_card("mediation-1")
        units = card_units(card)
        script = narrate_card(card, None)
        words: list[str] = []
        service.wordStarted.connect(
            lambda unit, start, length: words.append(units[unit].text[start : start + length])
        )
        with qtbot.waitSignal(service.utteranceStarted, timeout=5000):
            service.speak(script)
        # Highlights arrive in real time, word by word, across the sentence boundary.
        title_words = re.findall(r"\w+", units[0].text)
        first_words = re.findall(r"\w+", units[1].text)[:3]
        expected = title_words + first_words
        qtbot.waitUntil(lambda: len(words) >= len(expected), timeout=10_000)
        assert words[: len(expected)] == expected
        pid = player.pid()
        assert pid is not None and os.path.exists(f"/proc/{pid}")
        t0 = time.perf_counter()
        service.stop()
        qtbot.waitUntil(lambda: not os.path.exists(f"/proc/{pid}"), timeout=1000)
        assert time.perf_counter() - t0 <= 0.05
        assert service.state() == State.Ready
    finally:
        engine_pid = engine.pid()
        service.shutdown()
    assert engine_pid is not None and not os.path.exists(f"/proc/{engine_pid}")
    assert not (tmp_path / "speech").exists()


def test_real_engine_lists_british_voices() -> None:
    from kiosk.speech import list_voices

    voices = list_voices()
    assert "gmw/en" in voices and "gmw/en-gb-x-rp" in voices


@pytest.mark.parametrize("how", ["killed", "hung"])
def test_service_replaces_a_dead_or_hung_engine(
    qtbot: QtBot, library: Library, tmp_path: Path, how: str
) -> None:
    import signal

    from tests.helpers.fake_speech import FakePlayer

    engine = ProcessEngine()
    service = SpeechService(engine, FakePlayer(), tmp_path / "speech", watchdog_ms=500)
    try:
        engine.voices()
        old_pid = engine.pid()
        assert old_pid is not None
        os.kill(old_pid, signal.SIGKILL if how == "killed" else signal.SIGSTOP)
        _, card = library.find_card("first-steps")
        with qtbot.waitSignal(service.finished, timeout=10_000):
            service.speak(narrate_card(card, None)[:2])
        assert engine.pid() != old_pid
        assert not os.path.exists(f"/proc/{old_pid}")
        assert service.is_available()
    finally:
        service.shutdown()


def test_cli_speaks_a_card_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from kiosk.cli import main

    content = Path(__file__).resolve().parents[2] / "content"
    out = tmp_path / "about.wav"
    assert main(["--content", str(content), "--speak-card", "about-1", "--out", str(out)]) == 0
    assert "about-1" in capsys.readouterr().out
    assert _sox_stat(out)["RMS     amplitude"] > 0.03


def test_volume_step_of_12_db_quarters_the_amplitude(library: Library, tmp_path: Path) -> None:
    from kiosk.speech.render import render_script_to_wav

    script = narrate_card(library.find_card("first-steps")[1], None)[:2]

    def level(volume: float) -> float:
        out = tmp_path / f"{volume}.wav"
        render_script_to_wav(script, out, volume=volume)
        return _sox_stat(out)["RMS     amplitude"]

    ratio = level(10 ** (-12 / 20)) / level(1.0)
    assert 0.2 < ratio < 0.32  # -12 dB is 0.25


def test_the_engine_synthesises_in_its_own_thread(tmp_path: Path) -> None:
    """pyttsx3 starts espeak with a thread of its own for synthesis and settings, which
    raced with the driver: whole engines at the wrong rate or volume, an empty WAV."""
    process = EngineProcess()
    try:
        assert process.wait_ready()
        assert process.details == {"hook": True, "synchronous": True}
        out = tmp_path / "one.wav"
        result = process.synthesise(SynthRequest(1, "One thread.", "gmw/en", 175, 1.0, str(out)))
        assert not result.error and result.frames > 0 and result.words
    finally:
        process.close()


def test_every_new_engine_speaks_at_the_rate_and_volume_asked(
    library: Library, tmp_path: Path
) -> None:
    """Before synchronous espeak, 3 of 37 new engines got it wrong (issue found by CI)."""
    text = narrate_card(library.find_card("first-steps")[1], None)[1].text

    def render(rate: int, volume: float, name: str) -> tuple[int, float]:
        process = EngineProcess()
        try:
            assert process.wait_ready()
            out = tmp_path / f"{name}.wav"
            result = process.synthesise(SynthRequest(1, text, "gmw/en", rate, volume, str(out)))
            assert not result.error
            return result.frames, round(_sox_stat(out)["RMS     amplitude"], 4)
        finally:
            process.close()

    normal_frames, normal_level = render(175, 1.0, "normal")
    slow_quiet = {render(88, 0.25, f"slow-{n}") for n in range(10)}
    assert len(slow_quiet) == 1, slow_quiet
    ((frames, level),) = slow_quiet
    assert frames > normal_frames * 1.8
    assert 0.2 < level / normal_level < 0.32
