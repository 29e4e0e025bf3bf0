"""Plays one WAV at a time in a child process that can be killed at once.

pyttsx3's own playback cannot be stopped (stop() blocks until the audio ends), so the GUI
plays each sentence itself with the platform's command-line player. Killing it is the stop
button; SIGSTOP/SIGCONT is pause/resume where the platform has them.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import sys
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QElapsedTimer, QObject, QProcess, QProcessEnvironment, Signal, Slot

from kiosk import paths

log = logging.getLogger("kiosk.speech")

FILE = "{file}"


def default_player_command(platform: str = sys.platform) -> list[str] | None:
    """The player for this platform, `{file}` standing for the WAV; None if there is none.

    Windows has no command-line WAV player in the base system; a `winsound`-based player
    with the same signals would slot in beside CommandPlayer there.
    """
    if platform.startswith("linux"):
        return ["aplay", "-q", FILE]
    if platform == "darwin":
        return ["afplay", FILE]
    return None


def child_environment(env: Mapping[str, str], frozen: bool) -> dict[str, str]:
    """The environment for a player process.

    A PyInstaller build points LD_LIBRARY_PATH at its bundled libraries and keeps the user's
    value in LD_LIBRARY_PATH_ORIG; system players must get the original back or they may load
    the bundle's incompatible copies of libasound and friends.
    """
    out = dict(env)
    if frozen:
        original = out.pop("LD_LIBRARY_PATH_ORIG", None)
        if original is not None:
            out["LD_LIBRARY_PATH"] = original
        else:
            out.pop("LD_LIBRARY_PATH", None)
    return out


class AudioPlayer(QObject):
    """What the speech service needs from a player.

    Signals:
        started(): audio began (the position clock starts here).
        finished(): the file played to the end.
        failed(str): the player could not play it; the text says why.
    """

    started = Signal()
    finished = Signal()
    failed = Signal(str)

    def play(self, path: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError

    def pause(self) -> bool:
        """Pause in place; False if this player cannot (the service then replays instead)."""
        raise NotImplementedError

    def resume(self) -> None:
        raise NotImplementedError

    def position(self) -> float:
        """Seconds of audio played so far in the current file."""
        raise NotImplementedError

    def is_playing(self) -> bool:
        raise NotImplementedError

    def unavailable_reason(self) -> str:
        """Empty when the player can work; otherwise why not, for the log and the screen."""
        raise NotImplementedError


class CommandPlayer(AudioPlayer):
    """Runs `command` (with `{file}` replaced) in a QProcess per file."""

    def __init__(
        self,
        command: Sequence[str] | None = None,
        parent: QObject | None = None,
        *,
        frozen: bool | None = None,
    ) -> None:
        super().__init__(parent)
        chosen = list(command) if command is not None else default_player_command()
        self._command = chosen or []
        self._frozen = paths.is_frozen() if frozen is None else frozen
        self._process: QProcess | None = None
        self._clock = QElapsedTimer()
        self._played_ms = 0  # audio time before the latest pause
        self._paused = False

    def unavailable_reason(self) -> str:
        if not self._command:
            return f"no audio player is known for this platform ({sys.platform})"
        if shutil.which(self._command[0]) is None:
            return f"audio player '{self._command[0]}' is not installed"
        return ""

    def command(self) -> list[str]:
        return list(self._command)

    def pid(self) -> int | None:
        if self._process is None:
            return None
        pid = self._process.processId()
        return int(pid) if pid else None

    def play(self, path: str) -> None:
        self.stop()
        if not self._command:
            self.failed.emit(self.unavailable_reason())
            return
        process = QProcess(self)
        env = QProcessEnvironment()
        for key, value in child_environment(os.environ, self._frozen).items():
            env.insert(key, value)
        process.setProcessEnvironment(env)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.started.connect(self._on_started)
        process.finished.connect(self._on_finished)
        process.errorOccurred.connect(self._on_error)
        self._process = process
        self._played_ms = 0
        self._paused = False
        args = [path if a == FILE else a for a in self._command]
        process.start(args[0], args[1:])

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        # Disconnect first: a killed player must not look like a sentence that finished.
        process.started.disconnect(self._on_started)
        process.finished.disconnect(self._on_finished)
        process.errorOccurred.disconnect(self._on_error)
        if process.state() != QProcess.ProcessState.NotRunning:
            if self._paused and hasattr(signal, "SIGCONT"):
                # A stopped process still dies from SIGKILL, but let it be reaped promptly.
                _signal(process, signal.SIGCONT)
            process.kill()
            process.waitForFinished(1000)
        process.deleteLater()
        self._paused = False

    def pause(self) -> bool:
        if self._process is None or self._paused or not hasattr(signal, "SIGSTOP"):
            return False
        if not _signal(self._process, signal.SIGSTOP):
            return False
        self._played_ms += self._clock.elapsed() if self._clock.isValid() else 0
        self._paused = True
        return True

    def resume(self) -> None:
        if self._process is None or not self._paused:
            return
        _signal(self._process, signal.SIGCONT)
        self._paused = False
        self._clock.start()

    def position(self) -> float:
        if self._process is None:
            return 0.0
        running = 0 if self._paused or not self._clock.isValid() else self._clock.elapsed()
        return (self._played_ms + running) / 1000.0

    def is_playing(self) -> bool:
        return self._process is not None

    @Slot()
    def _on_started(self) -> None:
        self._clock.start()
        self.started.emit()

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        errors = bytes(process.readAllStandardError().data()).decode(errors="replace").strip()
        process.deleteLater()
        if code == 0 and status == QProcess.ExitStatus.NormalExit:
            self.finished.emit()
            return
        last = errors.splitlines()[-1] if errors else f"exit code {code}"
        self.failed.emit(f"audio player '{self._command[0]}' failed: {last}")

    @Slot(QProcess.ProcessError)
    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error != QProcess.ProcessError.FailedToStart:
            return  # crashes arrive through finished() too
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        self.failed.emit(f"audio player '{self._command[0]}' could not start")


def _signal(process: QProcess, sig: int) -> bool:
    pid = int(process.processId())
    if not pid:
        return False
    try:
        os.kill(pid, sig)
    except OSError:
        return False
    return True
