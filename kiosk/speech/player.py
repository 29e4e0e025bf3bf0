"""Plays one WAV at a time in a child process that can be killed at once and dies with us.

pyttsx3's own playback cannot be stopped (stop() blocks until the audio ends), so the GUI
plays each sentence itself with the platform's command-line player. Killing it is the stop
button; SIGSTOP/SIGCONT is pause/resume where the platform has them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal, Slot

from kiosk import paths

from . import lifeline

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
    """Runs `command` (with `{file}` replaced) as a child process per file.

    The child is tied to the kiosk (`lifeline.py`): it dies with it even on SIGKILL, and
    stopping it stops its whole process group. Its end is noticed by a light poll while it
    runs; nothing here ever waits on it.
    """

    POLL_MS = 20
    STDERR_KEEP = 4096

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
        self._process: subprocess.Popen[bytes] | None = None
        self._errors = bytearray()
        self._clock = QElapsedTimer()
        self._played_ms = 0  # audio time before the latest pause
        self._paused = False
        self._watch = QTimer(self)
        self._watch.setInterval(self.POLL_MS)
        self._watch.timeout.connect(self._poll)

    def unavailable_reason(self) -> str:
        if not self._command:
            return f"no audio player is known for this platform ({sys.platform})"
        if shutil.which(self._command[0]) is None:
            return f"audio player '{self._command[0]}' is not installed"
        return ""

    def command(self) -> list[str]:
        return list(self._command)

    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def play(self, path: str) -> None:
        self.stop()
        if not self._command:
            self.failed.emit(self.unavailable_reason())
            return
        args = [path if a == FILE else a for a in self._command]
        try:
            process = lifeline.spawn(args, child_environment(os.environ, self._frozen))
        except OSError:
            # Queued, as a started player would report later: callers never re-enter.
            QTimer.singleShot(0, self, self._report_no_start)
            return
        if process.stderr is not None and os.name == "posix":
            os.set_blocking(process.stderr.fileno(), False)
        self._process = process
        self._errors.clear()
        self._played_ms = 0
        self._paused = False
        self._clock.start()
        self._watch.start()
        QTimer.singleShot(0, self, self._report_started)

    def stop(self) -> None:
        process, self._process = self._process, None
        self._watch.stop()
        self._paused = False
        if process is None:
            return
        if os.name == "posix":
            # A stopped process still dies from SIGKILL, but let it be reaped promptly.
            lifeline.signal_group(process, signal.SIGCONT)
        lifeline.kill(process, wait=1.0)
        _close(process)

    def pause(self) -> bool:
        process = self._process
        if process is None or self._paused or not hasattr(signal, "SIGSTOP"):
            return False
        if not lifeline.signal_group(process, signal.SIGSTOP):
            return False
        self._played_ms += self._clock.elapsed() if self._clock.isValid() else 0
        self._paused = True
        return True

    def resume(self) -> None:
        if self._process is None or not self._paused:
            return
        lifeline.signal_group(self._process, signal.SIGCONT)
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
    def _report_started(self) -> None:
        if self._process is not None:
            self.started.emit()

    @Slot()
    def _report_no_start(self) -> None:
        self.failed.emit(f"audio player '{self._command[0]}' could not start")

    @Slot()
    def _poll(self) -> None:
        process = self._process
        if process is None:
            self._watch.stop()
            return
        self._drain(process)
        code = process.poll()
        if code is None:
            return
        self._drain(process)
        self._process = None
        self._watch.stop()
        _close(process)
        errors = bytes(self._errors).decode(errors="replace").strip()
        if code == 0:
            self.finished.emit()
            return
        last = errors.splitlines()[-1] if errors else f"exit code {code}"
        self.failed.emit(f"audio player '{self._command[0]}' failed: {last}")

    def _drain(self, process: subprocess.Popen[bytes]) -> None:
        """Keep the tail of what the player says on standard error, without ever blocking."""
        if process.stderr is None or os.name != "posix":
            return
        while True:
            try:
                chunk = os.read(process.stderr.fileno(), 65536)
            except (BlockingIOError, OSError, ValueError):
                return
            if not chunk:
                return
            self._errors.extend(chunk)
            del self._errors[: -self.STDERR_KEEP]


def _close(process: subprocess.Popen[bytes]) -> None:
    if process.stderr is not None:
        with contextlib.suppress(OSError):
            process.stderr.close()
