"""Speech without the GUI: list voices, and render narration to one WAV (CLI, samples, tests)."""

from __future__ import annotations

import wave
from pathlib import Path

from kiosk.content.model import Card

from .narration import Script, narrate_card
from .process import EngineProcess
from .protocol import BASE_RATE_WPM, DEFAULT_VOICE, SynthRequest


def list_voices() -> list[str]:
    """Voice ids the engine offers (e.g. "gmw/en"); raises RuntimeError if it cannot start."""
    process = EngineProcess()
    try:
        if not process.wait_ready():
            raise RuntimeError(f"speech engine unavailable: {process.error}")
        return list(process.voices)
    finally:
        process.close()


def render_script_to_wav(
    script: Script,
    out_path: Path,
    voice: str = DEFAULT_VOICE,
    rate: float = 1.0,
    volume: float = 1.0,
) -> float:
    """Synthesise every utterance and join them into one WAV. Returns its length in seconds.

    `rate` is the speed multiplier (1.0 = BASE_RATE_WPM); `volume` is 0.0 .. 1.0.
    """
    out_path = Path(out_path)
    work = out_path.parent / f".{out_path.stem}-parts"
    work.mkdir(parents=True, exist_ok=True)
    process = EngineProcess()
    frames = 0
    params: tuple[int, int, int] | None = None
    try:
        if not process.wait_ready():
            raise RuntimeError(f"speech engine unavailable: {process.error}")
        if voice not in process.voices:
            raise ValueError(f"speech voice setting: unknown voice {voice!r}")
        with wave.open(str(out_path), "wb") as out:
            for i, utterance in enumerate(script):
                part = work / f"{i}.wav"
                request = SynthRequest(
                    i, utterance.text, voice, round(BASE_RATE_WPM * rate), volume, str(part)
                )
                result = process.synthesise(request)
                if result.error:
                    raise RuntimeError(f"could not synthesise {utterance.text!r}: {result.error}")
                with wave.open(result.wav_path, "rb") as w:
                    if params is None:
                        params = (w.getnchannels(), w.getsampwidth(), w.getframerate())
                        out.setnchannels(params[0])
                        out.setsampwidth(params[1])
                        out.setframerate(params[2])
                    out.writeframes(w.readframes(w.getnframes()))
                    frames += w.getnframes()
                part.unlink()
    finally:
        process.close()
        for leftover in work.glob("*.wav"):
            leftover.unlink()
        work.rmdir()
    return frames / params[2] if params else 0.0


def render_card_to_wav(
    card: Card,
    next_title: str | None,
    out_path: Path,
    voice: str = DEFAULT_VOICE,
    rate: float = 1.0,
    volume: float = 1.0,
) -> float:
    """The card's narration as one WAV file (for `--speak-card` and for checking by ear)."""
    return render_script_to_wav(narrate_card(card, next_title), out_path, voice, rate, volume)
