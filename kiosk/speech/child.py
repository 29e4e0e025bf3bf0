"""The engine process itself: pyttsx3 writing one utterance at a time to a WAV file.

Started by `kiosk.speech.process.EngineProcess` as a plain child (the same Python, or the
frozen executable with `--speech-engine`), it reads requests from standard input and writes
replies to standard output, one JSON line each (`protocol.py`). No `multiprocessing`: that
would start a resource-tracker process beside it that outlives a killed kiosk.

pyttsx3 2.99 cannot be interrupted while it plays and misbehaves when reused for playback
(see docs in shared/design/speech.md), so it lives in its own process and is only ever asked
to `save_to_file` one utterance. The GUI plays the WAV itself and can kill the player.

Word timing must follow the audio, not synthesis (espeak fires every word event long before
the audio is heard), so the child wraps the espeak synth callback and records each word
event's `sample` field: the exact sample offset of that word in the WAV being written.

Kept free of Qt and of the rest of the kiosk so a restarted engine is ready long before the
watchdog would give up on it.
"""

from __future__ import annotations

import contextlib
import os
import select
import sys
import time
from collections import deque
from typing import IO, Any

from .lifeline import die_with_parent
from .protocol import (
    BASE_RATE_WPM,
    DEFAULT_VOICE,
    SAMPLE_RATE,
    Cancel,
    ProtocolError,
    SynthRequest,
    SynthResult,
    _Ready,
    decode,
    encode,
)

__all__ = [
    "BASE_RATE_WPM",
    "DEFAULT_VOICE",
    "SAMPLE_RATE",
    "SynthRequest",
    "SynthResult",
    "main",
]


def main(argv: list[str] | None = None) -> int:
    """Entry point of the engine process: `argv` holds the kiosk's process id."""
    args = sys.argv[1:] if argv is None else argv
    parent = int(args[0]) if args and args[0].isdigit() else None
    die_with_parent(parent)
    # The protocol gets its own copy of standard output; fd 1 itself goes to /dev/null, as
    # the espeak driver prints "Audio saved to ..." for every file (from Python and from C).
    replies = os.fdopen(os.dup(1), "wb", buffering=0)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.close(devnull)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    # A failed WAV write leaves pyttsx3's half-made wave writer behind, whose destructor
    # raises; that is already reported with the result, not printed on the kiosk's stderr.
    sys.unraisablehook = lambda unraisable: write_errors.append(str(unraisable.exc_value))
    return _serve(sys.stdin.fileno(), replies)


def _serve(requests: int, replies: IO[bytes]) -> int:
    try:
        import pyttsx3  # type: ignore[import-untyped,unused-ignore]

        synchronous = _start_espeak_synchronously()
        engine = pyttsx3.init()
        voices = [v.id for v in engine.getProperty("voices")]
        words: list[tuple[int, int]] = []
        hook = _install_word_hook(engine, words, synchronous)
    except Exception as exc:  # any failure here means "speech unavailable", with the reason
        _reply(replies, _Ready([], "", f"{type(exc).__name__}: {exc}"))
        return 1
    finished: list[bool] = []
    engine.connect("finished-utterance", lambda name, completed: finished.append(completed))
    current: dict[str, Any] = {}
    _reply(replies, _Ready(voices, DEFAULT_VOICE, "", {"hook": hook, "synchronous": synchronous}))
    inbox = _Inbox(requests, replies)
    while True:
        request = inbox.next_request()
        if request is None:
            return 0  # standard input closed: the kiosk asked us to go, or went
        if not _reply(replies, _synthesise(engine, request, current, words, finished)):
            return 0


def _start_espeak_synchronously() -> bool:
    """Start eSpeak NG in synchronous mode before pyttsx3 starts it in its threaded one.

    pyttsx3 2.99 starts espeak with AUDIO_OUTPUT_RETRIEVAL, where synthesis and every
    parameter change run on espeak's own thread while the driver keeps its buffer on ours.
    Measured here (first-steps card, 37 new engines at half speed): two engines spoke the
    whole card at pyttsx3's default rate of 200 words a minute instead of 88, and one wrote an
    empty WAV for a 17 s sentence without an error; the volume went astray the same way. In
    synchronous mode each setting is applied before `setProperty` returns and each sentence
    is synthesised inside `runAndWait`, so there is no second thread to race.

    Returns whether it did: the word hook must then end each utterance itself.
    """
    if sys.platform in ("win32", "darwin"):
        return False  # pyttsx3 uses SAPI5 or NSSpeechSynthesizer there, not espeak
    from pyttsx3.drivers import _espeak  # type: ignore[import-untyped,unused-ignore]
    from pyttsx3.drivers.espeak import EspeakDriver  # type: ignore[import-untyped,unused-ignore]

    if EspeakDriver._moduleInitialized:
        return False
    if _espeak.Initialize(_espeak.AUDIO_OUTPUT_SYNCHRONOUS, 1000) == -1:
        raise RuntimeError("could not initialise espeak")
    # What the driver would have done after its own Initialize (it never runs it twice).
    current = _espeak.GetCurrentVoice()
    name = current.contents.name if current else None
    EspeakDriver._defaultVoice = name.decode("utf-8") if name else DEFAULT_VOICE
    EspeakDriver._moduleInitialized = True
    return True


class _Inbox:
    """Requests from the kiosk. Everything waiting is read before each utterance, so a Cancel
    sent after a visitor tapped on drops the stale requests queued before it (a fast tapper
    would otherwise build a backlog of sentences nobody will hear)."""

    def __init__(self, fd: int, replies: IO[bytes]) -> None:
        self.fd = fd
        self.replies = replies
        self.queue: deque[SynthRequest] = deque()
        self.buffer = bytearray()
        self.closed = False

    def next_request(self) -> SynthRequest | None:
        while True:
            self._read(block=not self.queue)
            if self.queue:
                return self.queue.popleft()
            if self.closed:
                return None

    def _read(self, block: bool) -> None:
        if self.closed:
            return
        if os.name == "posix" and not block:
            ready, _, _ = select.select([self.fd], [], [], 0)
            if not ready:
                return
        chunk = os.read(self.fd, 65536)
        if not chunk:
            self.closed = True
            return
        self.buffer.extend(chunk)
        while (end := self.buffer.find(b"\n")) >= 0:
            line = bytes(self.buffer[:end])
            del self.buffer[: end + 1]
            try:
                message = decode(line)
            except ProtocolError:
                continue  # never from the kiosk; nothing sensible to answer
            if isinstance(message, SynthRequest):
                self.queue.append(message)
            elif isinstance(message, Cancel):
                for request in self.queue:
                    if request.id < message.before:
                        # Answered, so the kiosk's count of requests in flight stays right.
                        _reply(self.replies, SynthResult(request.id, "", error="cancelled"))
                self.queue = deque(r for r in self.queue if r.id >= message.before)


def _reply(replies: IO[bytes], message: SynthResult | _Ready) -> bool:
    try:
        replies.write(encode(message))
    except OSError:  # the kiosk closed its end
        return False
    return True


write_errors: list[str] = []  # what the synth callback could not write, per utterance


def _install_word_hook(engine: Any, words: list[tuple[int, int]], synchronous: bool) -> bool:
    """Record (text offset, sample offset) of every espeak word event before pyttsx3 sees it.

    In synchronous mode espeak ends an utterance with an empty buffer (a NULL pointer) and
    sends no "message terminated" event, which is what makes pyttsx3 write the WAV and end
    its loop; the hook passes one on.
    """
    if sys.platform in ("win32", "darwin"):
        return False  # SAPI5/NSSpeechSynthesizer: sentence timing only
    try:
        from pyttsx3.drivers import _espeak  # type: ignore[import-untyped,unused-ignore]

        driver = engine.proxy._driver
        on_synth = driver._onSynth
    except (ImportError, AttributeError):
        if synchronous:  # without the hook no utterance would ever end
            raise RuntimeError("this pyttsx3 has no espeak synth callback to wrap") from None
        return False  # sapi5/nsss: sentence timing only
    terminated = (_espeak.EVENT * 2)()
    terminated[0].type = _espeak.EVENT_MSG_TERMINATED
    terminated[1].type = _espeak.EVENT_LIST_TERMINATED

    def callback(wav: Any, numsamples: int, events: Any) -> int:
        i = 0
        while events[i].type != _espeak.EVENT_LIST_TERMINATED:
            event = events[i]
            if event.type == _espeak.EVENT_WORD and event.text_position > 0:
                # espeak positions are 1-based characters (correct for accents and dashes).
                words.append((event.text_position - 1, event.sample))
            i += 1
        try:
            result: int = on_synth(wav, numsamples, events)
            if synchronous and not wav:
                on_synth(None, 0, terminated)  # writes the WAV
        except Exception as exc:  # e.g. the disk is full: reported with the result, not raised
            # into espeak's C callback, where it would only print a traceback.
            write_errors.append(str(exc))
            return 1  # tells espeak to stop this utterance
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
        write_errors.clear()
        with contextlib.suppress(FileNotFoundError):
            os.remove(request.out_path)
        engine.save_to_file(request.text, request.out_path)
        engine.runAndWait()
        # runAndWait returning does not mean the WAV is written: wait for the event too.
        deadline = time.monotonic() + 5.0
        while not finished and not write_errors and time.monotonic() < deadline:
            time.sleep(0.002)
        if write_errors:
            return SynthResult(request.id, "", error=f"could not write audio: {write_errors[0]}")
        if not finished or not os.path.exists(request.out_path):
            return SynthResult(request.id, "", error="engine wrote no audio")
        with wave.open(request.out_path, "rb") as wav:
            frames, rate = wav.getnframes(), wav.getframerate()
        return SynthResult(
            request.id, request.out_path, _audio_order(words), rate, frames, voice=_spoken_in()
        )
    except Exception as exc:
        return SynthResult(request.id, "", error=f"{type(exc).__name__}: {exc}")


def _spoken_in() -> str:
    """The voice eSpeak NG has selected, asked of espeak itself: pyttsx3 2.99 keeps its own
    copy of properties, which can be stale, and ignores an unknown voice without a word."""
    try:
        from pyttsx3.drivers import _espeak  # type: ignore[import-untyped,unused-ignore]

        identifier = _espeak.GetCurrentVoice().contents.identifier
    except (ImportError, AttributeError, ValueError):
        return ""  # sapi5/nsss, or no voice selected yet
    return identifier.decode("utf-8", "replace") if identifier else ""


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


if __name__ == "__main__":
    raise SystemExit(main())
