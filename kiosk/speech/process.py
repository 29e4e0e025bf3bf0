"""The kiosk's handle on the speech engine process (`child.py`): start, talk, stop.

A plain child process speaking JSON lines over its standard input and output, started from
the same Python (or the frozen executable), tied to the kiosk so it dies with it
(`lifeline.py`). Reading never blocks the caller longer than the timeout it gives.
"""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
import queue
import select
import subprocess
import sys
import threading
from collections import deque
from pathlib import Path

from .. import paths
from ..frozen import ENGINE_FLAG
from . import lifeline
from .protocol import (
    DEFAULT_VOICE,
    Cancel,
    ProtocolError,
    SynthRequest,
    SynthResult,
    _Ready,
    decode,
    encode,
)

log = logging.getLogger("kiosk.speech")

_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])
# -I: the engine must not pick up modules from the current folder or PYTHON* variables.
# -S: it is handed the two folders it imports from (the kiosk's and pyttsx3's) rather than
# running site, which processes every .pth file (an editable install's finder alone brings
# pathlib and glob): about 0.6 MB of the engine's memory.
_BOOT = (
    "import os, sys; sys.path[:0] = sys.argv[1].split(os.pathsep); "
    "from kiosk.speech.child import main; raise SystemExit(main(sys.argv[2:]))"
)
MAX_LINE = 1 << 20  # a reply longer than this is not one the engine wrote
MAX_UNSENT = 1 << 20  # requests the engine has not read: far past this, it is not reading


def engine_command(parent_pid: int | None = None) -> list[str]:
    """How to start the engine: the frozen executable runs it when given ENGINE_FLAG."""
    parent = str(os.getpid() if parent_pid is None else parent_pid)
    if paths.is_frozen():
        return [sys.executable, ENGINE_FLAG, parent]
    tts = importlib.util.find_spec("pyttsx3")
    if tts is None or not tts.submodule_search_locations:
        # Not installed where this Python looks: site may still find it, or the engine says
        # why speech is unavailable.
        return [sys.executable, "-I", "-c", _BOOT, _PACKAGE_PARENT, parent]
    folders = [_PACKAGE_PARENT, str(Path(next(iter(tts.submodule_search_locations))).parent)]
    return [sys.executable, "-I", "-S", "-c", _BOOT, os.pathsep.join(folders), parent]


class EngineProcess:
    """Blocking handle on one engine process; the Qt adapter and the CLI both use it."""

    def __init__(self) -> None:
        self.voices: list[str] = []
        self.details: dict[str, object] = {}  # what the engine said of itself when ready
        self.default_voice = DEFAULT_VOICE
        self.ready = False
        self.error = ""
        self._messages: deque[SynthResult | _Ready] = deque()
        self._buffer = bytearray()
        self._eof = False
        self._process: subprocess.Popen[bytes] | None = None
        self._unsent = bytearray()  # the message the pipe has taken part of
        # Not yet given to the pipe, so a Cancel can still drop them: a visitor leafing fast
        # through cards must not pile up requests for cards already left behind.
        self._queued: deque[tuple[SynthRequest | Cancel, bytes]] = deque()
        try:
            self._process = lifeline.spawn(
                engine_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=None
            )
        except OSError as exc:
            self.error = f"speech engine could not start: {exc}"
            return
        assert self._process.stdout is not None
        self._out = self._process.stdout.fileno()
        self._reader: _ThreadReader | None = None
        if os.name == "posix":
            os.set_blocking(self._out, False)
            # Never block the GUI on a full pipe: a busy or stuck engine stops reading, and a
            # blocked writer stops reading its replies: both would wait for ever.
            assert self._process.stdin is not None
            os.set_blocking(self._process.stdin.fileno(), False)
        else:  # no select() on pipes: a thread waits on them instead
            self._reader = _ThreadReader(self._process.stdout)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def is_alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def wait_ready(self, timeout: float = 10.0) -> bool:
        while not self.ready and not self.error:
            if self.poll(timeout) is None:
                if not self.ready and not self.error:
                    self.error = "speech engine did not start"
                break
        return self.ready

    def send(self, request: SynthRequest | Cancel) -> None:
        """Queue a message for the engine; never blocks. Raises OSError if the engine is gone
        or has stopped reading."""
        if self._process is None or self._process.stdin is None:
            raise OSError(self.error or "speech engine is not running")
        if isinstance(request, Cancel):
            self._drop_queued_before(request.before)
        self._queued.append((request, encode(request)))
        self.flush()

    def _drop_queued_before(self, before: int) -> None:
        kept: deque[tuple[SynthRequest | Cancel, bytes]] = deque()
        for message, data in self._queued:
            if isinstance(message, SynthRequest) and message.id < before:
                # Answered as the engine would, so every request in flight gets its answer.
                self._messages.append(SynthResult(message.id, "", error="cancelled"))
            elif isinstance(message, Cancel) and message.before <= before:
                pass  # the new Cancel says all it said: one per card would pile up unsent
            else:
                kept.append((message, data))
        self._queued = kept

    def flush(self) -> None:
        """Write what the pipe takes now; the rest waits for the next poll."""
        if self._process is None or self._process.stdin is None:
            return
        stdin = self._process.stdin
        while self._unsent or self._queued:
            if not self._unsent:
                self._unsent.extend(self._queued.popleft()[1])
            try:
                if os.name == "posix":
                    written = os.write(stdin.fileno(), self._unsent)
                else:
                    stdin.write(self._unsent)
                    stdin.flush()
                    written = len(self._unsent)
            except BlockingIOError:
                written = 0
            del self._unsent[:written]
            if self._unsent:
                break  # the pipe is full: the rest waits for the next poll
        if len(self._unsent) + sum(len(data) for _message, data in self._queued) > MAX_UNSENT:
            raise OSError("the speech engine has stopped reading its requests")

    def has_unsent(self) -> bool:
        return bool(self._unsent or self._queued)

    def reply_fd(self) -> int | None:
        """The pipe the replies come on, for an event loop to watch, while it is open; None
        where a thread reads it (Windows) or once it has ended."""
        if self._process is None or self._reader is not None or self._eof:
            return None
        return self._out

    def waiting(self) -> int:
        """How many messages wait whole for the pipe (not counting one it has taken part of)."""
        return len(self._queued)

    def poll(self, timeout: float = 0.0) -> SynthResult | _Ready | None:
        """The next message, or None. Start-up messages are absorbed into `voices`/`error`."""
        if self.has_unsent():
            with contextlib.suppress(OSError):
                self.flush()
        if not self._messages and self._process is not None and not self._eof:
            self._read(timeout)
        if not self._messages:
            if self._eof and not self.error:
                self.error = "speech engine process ended"
            return None
        message = self._messages.popleft()
        if isinstance(message, _Ready):
            self.voices, self.default_voice = message.voices, message.default_voice
            self.details = dict(message.extra or {})
            self.error = message.error
            self.ready = not message.error
            if message.error:
                log.error("speech engine could not start: %s", message.error)
        return message

    def synthesise(self, request: SynthRequest, timeout: float = 10.0) -> SynthResult:
        """Synchronous round trip, for the CLI and tests without an event loop."""
        if not self.wait_ready(timeout):
            return SynthResult(request.id, "", error=self.error)
        try:
            self.send(request)
        except OSError as exc:
            return SynthResult(request.id, "", error=f"speech engine is gone: {exc}")
        reply = self.poll(timeout)
        if not isinstance(reply, SynthResult):
            return SynthResult(request.id, "", error=self.error or "speech engine timed out")
        return reply

    def close(self) -> None:
        """Ask politely (end of input), then kill: this must never leave a process behind."""
        process = self._process
        if process is None:
            return
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(0.2)
        self.kill()

    def kill(self) -> None:
        process, self._process = self._process, None
        if process is None:
            return
        lifeline.kill(process)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
        self._eof = True

    # ------------------------------------------------------------ reading

    def _read(self, timeout: float) -> None:
        if self._reader is not None:
            chunk = self._reader.get(timeout)
            self._take(chunk)
            return
        try:
            readable, _, _ = select.select([self._out], [], [], max(0.0, timeout))
        except (OSError, ValueError):
            self._eof = True
            return
        while readable:
            try:
                chunk = os.read(self._out, 65536)
            except BlockingIOError:
                return
            except OSError:
                chunk = b""
            self._take(chunk)
            if not chunk:
                return

    def _take(self, chunk: bytes | None) -> None:
        if chunk is None:
            return
        if not chunk:
            self._eof = True
            return
        self._buffer.extend(chunk)
        while (end := self._buffer.find(b"\n")) >= 0:
            line = bytes(self._buffer[:end])
            del self._buffer[: end + 1]
            try:
                message = decode(line)
            except ProtocolError as exc:
                log.warning("%s", exc)
                continue
            if isinstance(message, SynthResult | _Ready):
                self._messages.append(message)
        if len(self._buffer) > MAX_LINE:
            log.warning("speech engine sent an over-long line; dropped")
            self._buffer.clear()


class _ThreadReader:
    """Where select() cannot wait on a pipe (Windows), a thread reads it instead."""

    def __init__(self, stream: object) -> None:
        self._queue: queue.Queue[bytes] = queue.Queue()
        self._stream = stream
        threading.Thread(target=self._run, name="speech-engine-reader", daemon=True).start()

    def _run(self) -> None:
        read = getattr(self._stream, "read1", None) or self._stream.read  # type: ignore[attr-defined]
        while True:
            try:
                chunk: bytes = read(65536)
            except (OSError, ValueError):
                chunk = b""
            self._queue.put(chunk)
            if not chunk:
                return

    def get(self, timeout: float) -> bytes | None:
        try:
            return self._queue.get(timeout=max(timeout, 0.001))
        except queue.Empty:
            return None
