"""Fake speech engine and player: record what they were asked, answer through owned timers.

Both reply asynchronously (through a QTimer the object owns) like the real ones do, so the
service's code paths are the same; tests wait with qtbot.waitSignal/waitUntil, never sleep.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.speech.engine import SpeechEngine, SynthRequest, SynthResult
from kiosk.speech.player import AudioPlayer

SAMPLES_PER_WORD = 2205  # 0.1 s at 22,050 Hz


class FakeEngine(SpeechEngine):
    """Answers each request after `delay_ms`, writing a small placeholder file.

    Set `hang = True` to make it stop answering (the watchdog test); `hang_after_restart`
    decides whether a restarted engine hangs too. `start_error` makes it fail to start.
    """

    def __init__(self, parent: QObject | None = None, *, delay_ms: int = 0) -> None:
        super().__init__(parent)
        self.requests: list[SynthRequest] = []
        self.queue: list[SynthRequest] = []
        self.restarts = 0
        self.starts = 0
        self.shutdowns = 0
        self.hang = False
        self.hang_after_restart = False
        self.fail_text = ""  # requests containing this text get an error reply
        self.start_error = ""
        self.voice_list = ["gmw/en", "gmw/en-gb-x-rp", "gmw/en-gb-scotland"]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._answer)

    def start(self) -> None:
        self.starts += 1

    def submit(self, request: SynthRequest) -> None:
        self.requests.append(request)
        self.queue.append(request)
        if not self.hang:
            self._timer.start()

    def restart(self) -> None:
        self.restarts += 1
        self.queue.clear()
        self.hang = self.hang_after_restart

    def shutdown(self) -> None:
        self.shutdowns += 1
        self._timer.stop()
        self.queue.clear()

    def voices(self) -> list[str]:
        return list(self.voice_list)

    def is_ready(self) -> bool:
        return not self.start_error

    def error(self) -> str:
        return self.start_error

    def release(self) -> None:
        """Stop hanging and answer everything queued, oldest first."""
        self.hang = False
        self._timer.start()

    def texts(self) -> list[str]:
        return [r.text for r in self.requests]

    @Slot()
    def _answer(self) -> None:
        if self.hang or not self.queue:
            return
        request = self.queue.pop(0)
        if self.fail_text and self.fail_text in request.text:
            self.resultReady.emit(SynthResult(request.id, "", error="fake failure"))
        else:
            Path(request.out_path).write_bytes(b"RIFF fake")
            words = tuple(
                (m.start(), i * SAMPLES_PER_WORD)
                for i, m in enumerate(re.finditer(r"\S+", request.text))
            )
            frames = max(1, len(words)) * SAMPLES_PER_WORD
            self.resultReady.emit(SynthResult(request.id, request.out_path, words, 22050, frames))
        if self.queue:
            self._timer.start()


class FakePlayer(AudioPlayer):
    """Records plays and stops. Finishes after `duration_ms` when `auto_finish`, else on
    `finish()`. `position_s` is what position() reports; `can_pause` toggles SIGSTOP support."""

    def __init__(self, parent: QObject | None = None, *, auto_finish: bool = True) -> None:
        super().__init__(parent)
        self.played: list[str] = []
        self.stops = 0
        self.pauses = 0
        self.resumes = 0
        self.auto_finish = auto_finish
        self.can_pause = True
        self.reason = ""
        self.fail_message = ""
        self.position_s = 0.0
        self.current: str | None = None
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self.finish)

    def play(self, path: str) -> None:
        self.stop()
        self.played.append(path)
        self.current = path
        self.position_s = 0.0
        if self.fail_message:
            message = self.fail_message
            self.current = None
            self.failed.emit(message)
            return
        self.started.emit()
        if self.auto_finish:
            self._timer.start()

    def stop(self) -> None:
        if self.current is not None:
            self.stops += 1
        self.current = None
        self.paused = False
        self._timer.stop()

    def pause(self) -> bool:
        if not self.can_pause or self.current is None:
            return False
        self.pauses += 1
        self.paused = True
        self._timer.stop()
        return True

    def resume(self) -> None:
        self.resumes += 1
        self.paused = False
        if self.auto_finish:
            self._timer.start()

    def position(self) -> float:
        return self.position_s

    def is_playing(self) -> bool:
        return self.current is not None

    def unavailable_reason(self) -> str:
        return self.reason

    @Slot()
    def finish(self) -> None:
        if self.current is None:
            return
        self.current = None
        self.finished.emit()
