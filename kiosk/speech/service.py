"""SpeechService: read a narration script aloud, sentence by sentence, and say where we are.

Shaped like QTextToSpeech (Ready/Speaking/Paused/Error, word progress) so the card screen can
treat it like Qt's own class. The engine synthesises utterance N+1 while the player plays N;
a new speak() throws away everything of the old one at once, so there is never a second voice
or a stale queue; a watchdog replaces an engine that stops answering, and another kills a
player that has not finished a sentence by its length plus a margin (a hung sound device
would otherwise leave Pause/Stop showing over silence for ever).
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import re
import shutil
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ..scratch import ensure_private, make_scratch, temp_scratch
from .engine import BASE_RATE_WPM, DEFAULT_VOICE, SpeechEngine, SynthRequest, SynthResult
from .narration import Script, Utterance
from .player import AudioPlayer

log = logging.getLogger("kiosk.speech")

# Full, read-only, forbidden, over quota, or the folder vanished (a clean-up tool, a remount).
_DISK_ERROR = re.compile(r"\[Errno (2|13|28|30|122)\]|No space left|Read-only file system")
RATE_STEPS: tuple[float, ...] = (0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
VOLUME_STEPS_DB: tuple[float, ...] = (0.0, -6.0, -12.0, -18.0)


class State(enum.Enum):
    Ready = 0
    Speaking = 1
    Paused = 2
    Error = 3


@dataclass(frozen=True, slots=True)
class _Params:
    voice: str
    rate: int
    volume: float


@dataclass(frozen=True, slots=True)
class _InFlight:
    generation: int
    index: int
    params: _Params
    text: str
    path: str


@dataclass(frozen=True, slots=True)
class _Word:
    sample: int
    unit: int
    start: int
    length: int


class SpeechService(QObject):
    """Speaks a Script through an injected engine and player.

    Signals:
        stateChanged(State)
        utteranceStarted(int): index into the script; its audio was handed to the player.
        wordStarted(int unit, int start, int length): display coordinates of the word heard.
        finished(): the script was read to its end.
        errorOccurred(str): something failed; the text is fit for the log and the screen.
        availableChanged(bool)
    """

    stateChanged = Signal(object)
    utteranceStarted = Signal(int)
    wordStarted = Signal(int, int, int)
    finished = Signal()
    errorOccurred = Signal(str)
    availableChanged = Signal(bool)

    HIGHLIGHT_MS = 20

    def __init__(
        self,
        engine: SpeechEngine,
        player: AudioPlayer,
        temp_dir: Path | None = None,
        parent: QObject | None = None,
        *,
        watchdog_ms: int = 3000,
        startup_ms: int = 10000,
        max_restarts: int = 3,
        player_margin_ms: int = 2000,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._player = player
        # Private to this service: nothing another kiosk does can touch these WAVs.
        self._dir = temp_dir if temp_dir is not None else make_scratch("speech")
        self._max_restarts = max_restarts
        self._watchdog_ms = watchdog_ms
        self._startup_ms = startup_ms
        self._state = State.Ready
        self._reason = ""
        self._voice = DEFAULT_VOICE
        self._script_voice: str | None = None  # the voice of the script being read, if not ours
        self._rate = 1.0
        self._volume_db = 0.0
        self._script: Script = []
        self._index = 0
        self._generation = 0
        self._next_id = 0
        self._in_flight: dict[int, _InFlight] = {}
        self._results: dict[int, tuple[_Params, SynthResult]] = {}
        self._playing: int | None = None  # script index the player holds
        self._paused_in_player = False
        self._restarts = 0
        self._moved_scratch = False
        self._words: list[_Word] = []
        self._word_samples: list[int] = []
        self._last_word = -1

        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setInterval(watchdog_ms)
        self._watchdog.timeout.connect(self._on_watchdog)
        self._player_margin_ms = player_margin_ms
        self._player_watch = QTimer(self)
        self._player_watch.setSingleShot(True)
        self._player_watch.timeout.connect(self._on_player_hung)
        self._player_watch_left = 0  # ms, kept while paused
        self._highlight = QTimer(self)
        self._highlight.setInterval(self.HIGHLIGHT_MS)
        self._highlight.timeout.connect(self._update_word)

        engine.resultReady.connect(self._on_result)
        engine.crashed.connect(self._on_engine_crashed)
        engine.readyChanged.connect(self._on_engine_ready)
        player.started.connect(self._on_player_started)
        player.finished.connect(self._on_player_finished)
        player.failed.connect(self._on_player_failed)

        self._clean_dir()
        reason = player.unavailable_reason()
        if reason:
            self._set_unavailable(reason)
        else:
            engine.start()
            if engine.error():
                self._set_unavailable(engine.error())

    # ------------------------------------------------------------ public API

    def state(self) -> State:
        return self._state

    def is_available(self) -> bool:
        return not self._reason

    def unavailable_reason(self) -> str:
        return self._reason

    def script(self) -> Script:
        return list(self._script)

    def current_index(self) -> int:
        return self._index

    def rate(self) -> float:
        return self._rate

    def volume_db(self) -> float:
        return self._volume_db

    def voice(self) -> str:
        return self._voice

    def temp_dir(self) -> Path:
        return self._dir

    @staticmethod
    def rate_steps() -> tuple[float, ...]:
        return RATE_STEPS

    @staticmethod
    def volume_levels_db() -> tuple[float, ...]:
        return VOLUME_STEPS_DB

    def speak(self, script: Script, voice: str | None = None) -> None:
        """Read `script` from the start, replacing whatever was being read; in `voice` (a
        leaflet in another language), else in the kiosk's own voice."""
        self._halt()
        self._script_voice = voice
        if not self.is_available():
            self._set_state(State.Error)
            self.errorOccurred.emit(f"speech is unavailable: {self._reason}")
            return
        self._script = list(script)
        self._index = 0
        if not self._script:
            self._set_state(State.Ready)
            self.finished.emit()
            return
        self._set_state(State.Speaking)
        self._advance_to_current()

    def stop(self) -> None:
        self._halt()
        self._script = []
        if self._state != State.Error or self.is_available():
            self._set_state(State.Ready)

    def pause(self) -> None:
        if self._state != State.Speaking:
            return
        self._highlight.stop()
        if self._playing is not None:
            self._paused_in_player = self._player.pause()
            if self._paused_in_player:
                self._player_watch_left = max(0, self._player_watch.remainingTime())
                self._player_watch.stop()
            else:
                # No SIGSTOP here: stop now and say the sentence again on resume.
                self._stop_player()
        self._set_state(State.Paused)

    def resume(self) -> None:
        if self._state != State.Paused:
            return
        self._set_state(State.Speaking)
        if self._paused_in_player and self._playing is not None:
            self._paused_in_player = False
            self._player.resume()
            self._player_watch.start(self._player_watch_left)
            self._highlight.start()
        else:
            self._advance_to_current()

    def repeat_sentence(self) -> None:
        """Say the current utterance again from its start (and keep going after it)."""
        if not self._script or self._state not in (State.Speaking, State.Paused):
            return
        self._stop_player()
        self._set_state(State.Speaking)
        self._advance_to_current()

    def set_rate(self, multiplier: float) -> None:
        if not any(abs(multiplier - step) < 1e-9 for step in RATE_STEPS):
            steps = ", ".join(f"{s:g}" for s in RATE_STEPS)
            raise ValueError(f"speech rate must be one of {steps} (got {multiplier!r})")
        self._rate = min(RATE_STEPS, key=lambda s: abs(s - multiplier))
        self._refresh_prefetch()

    def set_volume_db(self, db: float) -> None:
        if not any(abs(db - step) < 1e-9 for step in VOLUME_STEPS_DB):
            steps = ", ".join(f"{s:g}" for s in VOLUME_STEPS_DB)
            raise ValueError(f"speech volume must be one of {steps} dB (got {db!r})")
        self._volume_db = float(db)
        self._refresh_prefetch()

    def set_volume_step(self, step: int) -> None:
        """0 is loudest; each step is 6 dB quieter, so two steps are the 12 dB drop."""
        if not 0 <= step < len(VOLUME_STEPS_DB):
            raise ValueError(f"speech volume step must be 0..{len(VOLUME_STEPS_DB) - 1}")
        self.set_volume_db(VOLUME_STEPS_DB[step])

    def set_voice(self, name: str) -> None:
        voices = self._engine.voices()
        if name not in voices:
            listed = ", ".join(sorted(voices)) or "(none: the speech engine is not working)"
            raise ValueError(
                f"speech voice setting: unknown voice {name!r}. Available voices: {listed}"
            )
        self._voice = name
        self._refresh_prefetch()

    def available_voices(self) -> list[str]:
        return self._engine.voices()

    def shutdown(self) -> None:
        """Kill the player and the engine and remove every temporary WAV. Call at exit."""
        self._halt()
        self._watchdog.stop()
        self._player.stop()
        self._engine.shutdown()
        self._clean_dir(remove=True)

    # ------------------------------------------------------------ internals

    def _params(self) -> _Params:
        volume = round(10 ** (self._volume_db / 20.0), 4)
        voice = self._script_voice or self._voice
        return _Params(voice, round(BASE_RATE_WPM * self._rate), volume)

    def _set_state(self, state: State) -> None:
        if state != self._state:
            self._state = state
            self.stateChanged.emit(state)

    def _set_unavailable(self, reason: str) -> None:
        was = self.is_available()
        self._reason = reason
        log.error("speech unavailable: %s", reason)
        if was:
            self.availableChanged.emit(False)

    def _stop_player(self) -> None:
        self._highlight.stop()
        self._player_watch.stop()
        self._player.stop()
        self._playing = None
        self._paused_in_player = False

    def _halt(self) -> None:
        """Silence now and forget the old script: results still on their way become stale."""
        self._stop_player()
        self._generation += 1
        if self._in_flight:
            # The engine may still have them queued: let it skip to what comes next. Their
            # answers, if any come, are stale and dropped; none is awaited any more.
            self._engine.cancel(self._next_id + 1)
            self._in_flight.clear()
            self._watchdog.stop()
        for _params, result in self._results.values():
            _remove(result.wav_path)
        self._results.clear()
        self._words = []

    def _advance_to_current(self) -> None:
        if self._state != State.Speaking:
            return
        cached = self._results.get(self._index)
        if cached is not None and cached[0] == self._params():
            self._start_playback(self._index, cached[1])
        else:
            self._request(self._index)
        self._request(self._index + 1)

    def _request(self, index: int) -> None:
        if index >= len(self._script):
            return
        params = self._params()
        cached = self._results.get(index)
        if cached is not None and cached[0] == params:
            return
        for item in self._in_flight.values():
            if (item.generation, item.index, item.params) == (self._generation, index, params):
                return
        self._next_id += 1
        path = str(self._dir / f"utt-{os.getpid()}-{self._next_id}.wav")
        item = _InFlight(self._generation, index, params, self._script[index].text, path)
        self._submit(self._next_id, item)

    def _submit(self, request_id: int, item: _InFlight) -> None:
        self._in_flight[request_id] = item
        p = item.params
        self._engine.submit(
            SynthRequest(request_id, item.text, p.voice, p.rate, p.volume, item.path)
        )
        if not self._watchdog.isActive():
            self._arm_watchdog()

    def _arm_watchdog(self) -> None:
        # A (re)started engine needs a moment to load before its first answer can be due.
        ready = self._engine.is_ready()
        self._watchdog.start(self._watchdog_ms if ready else self._startup_ms)

    def _refresh_prefetch(self) -> None:
        """After a rate/volume/voice change, let the next sentence use the new setting."""
        if self._state in (State.Speaking, State.Paused):
            self._request(self._index + 1)

    def _start_playback(self, index: int, result: SynthResult) -> None:
        self._stop_player()
        self._playing = index
        self._words = self._word_timings(self._script[index], result)
        self._word_samples = [w.sample for w in self._words]  # once, not on every tick
        self._last_word = -1
        self._player.play(result.wav_path)
        # The WAV was made at the chosen rate, so its length is the playing time.
        length_ms = round(result.duration * 1000)
        self._player_watch.start(length_ms + max(self._player_margin_ms, length_ms // 4))
        self.utteranceStarted.emit(index)

    @staticmethod
    def _word_timings(utterance: Utterance, result: SynthResult) -> list[_Word]:
        words: list[_Word] = []
        for offset, sample in result.words:
            span = utterance.word_at(offset)
            if span is None or utterance.unit < 0:
                continue
            word = _Word(
                sample, utterance.unit, span.display_start, span.display_end - span.display_start
            )
            # Digits read one by one map to one display character each; keep the first event.
            if words and (words[-1].start, words[-1].length) == (word.start, word.length):
                continue
            words.append(word)
        return words

    # ------------------------------------------------------------ slots

    @Slot(object)
    def _on_result(self, result: SynthResult) -> None:
        item = self._in_flight.pop(result.id, None)
        self._restarts = 0
        if self._in_flight:
            self._arm_watchdog()
        else:
            self._watchdog.stop()
        if item is None or item.generation != self._generation:
            _remove(result.wav_path)
            return
        if result.error and self._move_off_failing_disk(result.error):
            self._request(item.index)  # the same sentence again, into the new folder
            return
        if result.error:
            # Sentence number, not its text: the log never holds what a visitor read.
            log.error("speech engine failed on sentence %d: %s", item.index + 1, result.error)
            self._halt()
            self._set_state(State.Error)
            self.errorOccurred.emit(f"speech engine failed: {result.error}")
            return
        old = self._results.get(item.index)
        if old is not None and old[1].wav_path != result.wav_path and item.index != self._playing:
            _remove(old[1].wav_path)
        self._results[item.index] = (item.params, result)
        if (
            item.index == self._index
            and self._playing is None
            and self._state == State.Speaking
            and item.params == self._params()
        ):
            self._start_playback(item.index, result)

    def _move_off_failing_disk(self, error: str) -> bool:
        """The scratch folder's disk filled up or turned read-only while the kiosk ran: go on
        in a private folder in the system's temp folder (once). True if it moved."""
        if self._moved_scratch or not _DISK_ERROR.search(error):
            return False
        self._moved_scratch = True
        try:
            new = temp_scratch("speech")
        except OSError as exc:
            log.error(
                "speech scratch folder unusable (%s) and no other could be made: %s", error, exc
            )
            return False
        log.warning("speech scratch folder %s unusable (%s); using %s", self._dir, error, new)
        shutil.rmtree(self._dir, ignore_errors=True)
        self._dir = new
        return True

    @Slot()
    def _on_watchdog(self) -> None:
        self._recover("speech engine did not answer in time")

    @Slot(str)
    def _on_engine_crashed(self, reason: str) -> None:
        self._recover(reason)

    @Slot(bool)
    def _on_engine_ready(self, ready: bool) -> None:
        if ready and self._in_flight:
            self._arm_watchdog()
        elif not ready and self._engine.error() and self.is_available():
            self._watchdog.stop()
            self._in_flight.clear()
            self._halt()
            self._set_unavailable(self._engine.error())
            if self._state != State.Ready:
                self._set_state(State.Error)
                self.errorOccurred.emit(f"speech is unavailable: {self._reason}")

    def _recover(self, why: str) -> None:
        self._restarts += 1
        if self._restarts > self._max_restarts:
            self._watchdog.stop()
            self._in_flight.clear()
            self._halt()
            self._set_unavailable(f"{why} ({self._max_restarts} restarts did not help)")
            self._set_state(State.Error)
            self.errorOccurred.emit(f"speech is unavailable: {self._reason}")
            return
        log.warning("%s; restarting the speech engine (attempt %d)", why, self._restarts)
        pending = [item for item in self._in_flight.values() if item.generation == self._generation]
        self._in_flight.clear()
        self._engine.restart()
        for item in pending:
            self._next_id += 1
            self._submit(self._next_id, item)
        if not pending:
            self._watchdog.stop()

    @Slot()
    def _on_player_started(self) -> None:
        if self._state == State.Speaking:
            self._highlight.start()
            self._update_word()

    @Slot()
    def _on_player_finished(self) -> None:
        done = self._playing
        self._stop_player()
        if done is None:
            return
        cached = self._results.pop(done, None)
        if cached is not None:
            _remove(cached[1].wav_path)
        self._index = done + 1
        if self._index >= len(self._script):
            self._script = []
            self._set_state(State.Ready)
            self.finished.emit()
            return
        self._advance_to_current()

    @Slot()
    def _on_player_hung(self) -> None:
        if self._playing is None:
            return
        sentence = self._playing + 1
        self._stop_player()  # kills it (and anything it started)
        message = "the audio player stopped responding"
        log.error("%s: sentence %d was not done in time; stopped it", message, sentence)
        self._halt()
        self._set_state(State.Error)
        self.errorOccurred.emit(message)

    @Slot(str)
    def _on_player_failed(self, message: str) -> None:
        log.error("%s", message)
        self._halt()
        self._set_state(State.Error)
        self.errorOccurred.emit(message)

    @Slot()
    def _update_word(self) -> None:
        if not self._words or self._playing is None:
            return
        sample = self._player.position() * _sample_rate(self._results.get(self._playing))
        i = bisect_right(self._word_samples, sample) - 1
        if i >= 0 and i != self._last_word:
            self._last_word = i
            word = self._words[i]
            self.wordStarted.emit(word.unit, word.start, word.length)

    def _clean_dir(self, remove: bool = False) -> None:
        if remove:
            shutil.rmtree(self._dir, ignore_errors=True)
            return
        try:
            ensure_private(self._dir)
        except OSError as exc:
            # The engine will fail to write there and say so; the kiosk itself carries on.
            log.error("speech scratch folder unusable: %s", exc)
            return
        for old in self._dir.glob("*.wav"):
            _remove(str(old))


def _sample_rate(cached: tuple[_Params, SynthResult] | None) -> int:
    return cached[1].sample_rate if cached is not None else 22050


def _remove(path: str) -> None:
    if path:
        with contextlib.suppress(OSError):
            os.remove(path)
