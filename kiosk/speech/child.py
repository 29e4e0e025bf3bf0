"""The engine process itself: pyttsx3 writing one utterance at a time to a WAV file.

Kept free of Qt and of the rest of the kiosk so the spawned process starts in a fraction of
a second (a restarted engine must be ready long before the watchdog would give up on it).

pyttsx3 2.99 cannot be interrupted while it plays and misbehaves when reused for playback
(see docs in shared/design/speech.md), so it lives in its own "spawn" process and is only ever
asked to `save_to_file` one utterance. The GUI plays the WAV itself and can kill the player.

Word timing must follow the audio, not synthesis (espeak fires every word event long before
the audio is heard), so the child wraps the espeak synth callback and records each word
event's `sample` field: the exact sample offset of that word in the WAV being written.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import sys
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

log = logging.getLogger("kiosk.speech")

DEFAULT_VOICE = "gmw/en"
BASE_RATE_WPM = 175  # espeak's own default; 1x on the speed control
SAMPLE_RATE = 22050  # what pyttsx3's espeak driver writes


@dataclass(frozen=True, slots=True)
class SynthRequest:
    id: int
    text: str
    voice: str
    rate: int  # words per minute
    volume: float  # 0.0 .. 1.0
    out_path: str


@dataclass(frozen=True, slots=True)
class SynthResult:
    """`words` holds (character offset in the request text, sample offset in the WAV)."""

    id: int
    wav_path: str
    words: tuple[tuple[int, int], ...] = ()
    sample_rate: int = SAMPLE_RATE
    frames: int = 0
    error: str = ""

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


@dataclass(slots=True)
class _Ready:
    voices: list[str]
    default_voice: str
    error: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- child process side


def _engine_main(conn: Connection) -> None:
    """Entry point of the engine process. Runs until it receives None or the pipe closes."""
    # The espeak driver prints "Audio saved to ..." for every file.
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    try:
        import pyttsx3  # type: ignore[import-untyped,unused-ignore]

        engine = pyttsx3.init()
        voices = [v.id for v in engine.getProperty("voices")]
    except Exception as exc:  # any failure here means "speech unavailable", with the reason
        conn.send(_Ready([], "", f"{type(exc).__name__}: {exc}"))
        return
    words: list[tuple[int, int]] = []
    finished: list[bool] = []
    hook = _install_word_hook(engine, words)
    engine.connect("finished-utterance", lambda name, completed: finished.append(completed))
    current: dict[str, Any] = {}
    conn.send(_Ready(voices, DEFAULT_VOICE, "", {"hook": hook}))
    while True:
        try:
            request = conn.recv()
        except EOFError:
            return
        if request is None:
            return
        conn.send(_synthesise(engine, request, current, words, finished))


def _install_word_hook(engine: Any, words: list[tuple[int, int]]) -> bool:
    """Record (text offset, sample offset) of every espeak word event before pyttsx3 sees it."""
    try:
        from pyttsx3.drivers import _espeak  # type: ignore[import-untyped,unused-ignore]

        driver = engine.proxy._driver
        on_synth = driver._onSynth
    except (ImportError, AttributeError):
        return False  # sapi5/nsss: sentence timing only

    def callback(wav: Any, numsamples: int, events: Any) -> int:
        i = 0
        while events[i].type != _espeak.EVENT_LIST_TERMINATED:
            event = events[i]
            if event.type == _espeak.EVENT_WORD and event.text_position > 0:
                # espeak positions are 1-based characters (correct for accents and dashes).
                words.append((event.text_position - 1, event.sample))
            i += 1
        result: int = on_synth(wav, numsamples, events)
        return result

    _espeak.SetSynthCallback(callback)
    return True


def _synthesise(
    engine: Any,
    request: SynthRequest,
    current: dict[str, Any],
    words: list[tuple[int, int]],
    finished: list[bool],
) -> SynthResult:
    import wave

    try:
        # getProperty can be stale in 2.99, so compare with what we last set ourselves.
        for name, value in (("voice", request.voice), ("rate", request.rate)):
            if current.get(name) != value:
                engine.setProperty(name, value)
                current[name] = value
        if current.get("volume") != request.volume:
            engine.setProperty("volume", request.volume)
            current["volume"] = request.volume
        words.clear()
        finished.clear()
        with contextlib.suppress(FileNotFoundError):
            os.remove(request.out_path)
        engine.save_to_file(request.text, request.out_path)
        engine.runAndWait()
        # runAndWait returning does not mean the WAV is written: wait for the event too.
        deadline = time.monotonic() + 5.0
        while not finished and time.monotonic() < deadline:
            time.sleep(0.002)
        if not finished or not os.path.exists(request.out_path):
            return SynthResult(request.id, "", error="engine wrote no audio")
        with wave.open(request.out_path, "rb") as wav:
            frames, rate = wav.getnframes(), wav.getframerate()
        return SynthResult(request.id, request.out_path, _audio_order(words), rate, frames)
    except Exception as exc:
        return SynthResult(request.id, "", error=f"{type(exc).__name__}: {exc}")


def _audio_order(words: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Word starts in audio order, dropping events whose text position runs backwards.

    espeak occasionally reports a stray position (seen: a hyphenated word after a dash was
    reported at an earlier comma as well); highlighting must never jump back.
    """
    timings: list[tuple[int, int]] = []
    for offset, sample in sorted(set(words), key=lambda w: (w[1], w[0])):
        if timings and offset <= timings[-1][0]:
            continue
        timings.append((offset, sample))
    return tuple(timings)


# ---------------------------------------------------------------- parent side


class EngineProcess:
    """Blocking handle on one engine process; the Qt adapter and the CLI both use it."""

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe(duplex=True)
        self._process = ctx.Process(
            target=_engine_main, args=(child,), name="kiosk-speech-engine", daemon=True
        )
        self._process.start()
        child.close()
        self.voices: list[str] = []
        self.default_voice = DEFAULT_VOICE
        self.ready = False
        self.error = ""

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def is_alive(self) -> bool:
        return self._process.is_alive()

    def wait_ready(self, timeout: float = 10.0) -> bool:
        while not self.ready and not self.error:
            if self.poll(timeout) is None:
                if not self.ready and not self.error:
                    self.error = "speech engine did not start"
                break
        return self.ready

    def send(self, request: SynthRequest) -> None:
        self._conn.send(request)

    def poll(self, timeout: float = 0.0) -> SynthResult | _Ready | None:
        """The next message, or None. Start-up messages are absorbed into `voices`/`error`."""
        try:
            if not self._conn.poll(timeout):
                return None
            message = self._conn.recv()
        except (EOFError, OSError):
            if not self.error:
                self.error = "speech engine process ended"
            return None
        if isinstance(message, _Ready):
            self.voices, self.default_voice = message.voices, message.default_voice
            self.error = message.error
            self.ready = not message.error
            if message.error:
                log.error("speech engine could not start: %s", message.error)
        result: SynthResult | _Ready = message
        return result

    def synthesise(self, request: SynthRequest, timeout: float = 10.0) -> SynthResult:
        """Synchronous round trip, for the CLI and tests without an event loop."""
        if not self.wait_ready(timeout):
            return SynthResult(request.id, "", error=self.error)
        self.send(request)
        reply = self.poll(timeout)
        if not isinstance(reply, SynthResult):
            return SynthResult(request.id, "", error=self.error or "speech engine timed out")
        return reply

    def close(self) -> None:
        """Ask politely, then kill: this must never leave a process behind."""
        with contextlib.suppress(OSError, ValueError):
            if self._process.is_alive():
                self._conn.send(None)
        self._process.join(0.2)
        self.kill()

    def kill(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join(2.0)
        self._conn.close()
        with contextlib.suppress(ValueError):
            self._process.close()
