"""The speech engine as the GUI sees it: a QObject that never blocks on the engine process.

The process itself (pyttsx3, one utterance per WAV, word timings in audio samples) is in
`child.py`, which imports no Qt so that it starts quickly; `process.py` starts and talks to it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

from .child import _audio_order
from .process import EngineProcess
from .protocol import (
    BASE_RATE_WPM,
    DEFAULT_VOICE,
    SAMPLE_RATE,
    Cancel,
    SynthRequest,
    SynthResult,
    _Ready,
)

__all__ = [
    "BASE_RATE_WPM",
    "DEFAULT_VOICE",
    "SAMPLE_RATE",
    "EngineProcess",
    "ProcessEngine",
    "SpeechEngine",
    "SynthRequest",
    "SynthResult",
    "_audio_order",
]


class SpeechEngine(QObject):
    """What the speech service needs from an engine; ProcessEngine and the test fake fill it.

    Signals:
        resultReady(SynthResult): a request finished (check `error`).
        readyChanged(bool): the engine started (True) or failed to start (False).
        crashed(str): the engine went away; the service restarts it.
    """

    resultReady = Signal(object)
    readyChanged = Signal(bool)
    crashed = Signal(str)

    def start(self) -> None:
        raise NotImplementedError

    def submit(self, request: SynthRequest) -> None:
        raise NotImplementedError

    def restart(self) -> None:
        raise NotImplementedError

    def cancel(self, before: int) -> None:
        """Queued requests with ids below `before` are no longer wanted (optional)."""

    def shutdown(self) -> None:
        raise NotImplementedError

    def voices(self) -> list[str]:
        raise NotImplementedError

    def is_ready(self) -> bool:
        raise NotImplementedError

    def error(self) -> str:
        raise NotImplementedError


class ProcessEngine(SpeechEngine):
    """Runs EngineProcess and turns its replies into signals without ever blocking the GUI."""

    POLL_MS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: EngineProcess | None = None
        self._pending = 0
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)
        # Wakes the GUI when a reply arrives or the engine's pipe ends (it died), so an idle
        # kiosk is not woken ten times a second to look: that was 0.3% of a core, more than
        # half of what the attract screen cost.
        self._replies: QSocketNotifier | None = None

    def start(self) -> None:
        if self._process is None:
            self._process = EngineProcess()
            self._pending = 0
            self._timer.start()
            fd = self._process.reply_fd()
            if fd is not None:
                self._replies = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
                self._replies.activated.connect(self._readable)

    def submit(self, request: SynthRequest) -> None:
        if self._process is None:
            self.start()
        assert self._process is not None
        try:
            self._process.send(request)
        except (OSError, ValueError) as exc:
            self.crashed.emit(f"could not reach the speech engine: {exc}")
            return
        self._pending += 1
        self._timer.start(self.POLL_MS)

    def restart(self) -> None:
        self._kill()
        self.start()

    def cancel(self, before: int) -> None:
        if self._process is None:
            return
        try:
            self._process.send(Cancel(before))
        except OSError as exc:
            self.crashed.emit(f"could not reach the speech engine: {exc}")
            return
        self._timer.start(self.POLL_MS)  # what the pipe did not take now goes at the next look

    def shutdown(self) -> None:
        self._timer.stop()
        self._stop_watching()
        if self._process is not None:
            self._process.close()
            self._process = None

    def voices(self) -> list[str]:
        """Blocks (once, at start-up) until the engine has listed its voices."""
        if self._process is None:
            self.start()
        assert self._process is not None
        if not self._process.ready and not self._process.error:
            self._process.wait_ready()
            self.readyChanged.emit(self._process.ready)
        return list(self._process.voices)

    def is_ready(self) -> bool:
        return self._process is not None and self._process.ready

    def error(self) -> str:
        return self._process.error if self._process is not None else ""

    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def _kill(self) -> None:
        self._timer.stop()
        self._stop_watching()
        if self._process is not None:
            self._process.kill()
            self._process = None

    @Slot()
    def _poll(self) -> None:
        process = self._process
        if process is None:
            return
        while True:
            message = process.poll()
            if message is None:
                break
            if isinstance(message, _Ready):
                self.readyChanged.emit(process.ready)
                continue
            self._pending = max(0, self._pending - 1)
            self.resultReady.emit(message)
        if not process.ready and process.error:
            # It never started (no espeak, broken install): restarting will not help.
            self._timer.stop()
            self._stop_watching()
            self.readyChanged.emit(False)
        elif not process.is_alive():
            self._timer.stop()
            self._stop_watching()
            self.crashed.emit("speech engine process ended")
        elif self._pending == 0 and process.ready and not process.has_unsent():
            if self._replies is not None and process.reply_fd() is not None:
                # Idle: the pipe wakes us for the next reply or the engine's end.
                self._timer.stop()
            else:
                # A thread reads the pipe (Windows), or it has ended and the engine is
                # still exiting: look now and then, not every 5 ms.
                self._stop_watching()
                self._timer.start(100)
        else:
            self._timer.start(self.POLL_MS)
        if process.reply_fd() is None:
            self._stop_watching()

    def _readable(self, *_activation: object) -> None:
        self._poll()

    def _stop_watching(self) -> None:
        """A pipe at its end reads as ready for ever: stop watching it before that spins."""
        if self._replies is not None:
            self._replies.setEnabled(False)
            self._replies.deleteLater()
            self._replies = None
