"""A visitor leafing through cards faster than the engine reads must not cost the kiosk its
speech: requests for cards already left behind are dropped before they reach the pipe, and
each still gets its answer ("cancelled"), as the engine itself would give it.

Found by the navigation soak: at 1,700 cards a second the unread requests passed 1 MiB, the
kiosk took the engine for stuck, restarted it three times and showed speech as unavailable.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from kiosk.speech import EngineProcess, SynthRequest
from kiosk.speech.process import MAX_UNSENT
from kiosk.speech.protocol import Cancel, SynthResult

pytestmark = pytest.mark.slow  # the real engine process

SENTENCE = "Mediation is a way to settle a disagreement without going to a tribunal. " * 12


def test_a_flood_of_superseded_requests_never_looks_like_a_stuck_engine(tmp_path: Path) -> None:
    process = EngineProcess()
    try:
        assert process.wait_ready(30), process.error
        assert process.pid is not None
        os.kill(process.pid, signal.SIGSTOP)  # reads nothing: the pipe fills, then the queue
        _wait_until_stopped(process.pid)
        requests = 2 * MAX_UNSENT // len(SENTENCE)  # twice what the kiosk lets wait unread
        for request_id in range(1, requests + 1):
            # As the speech service does on every new card: cancel what came before, ask anew.
            process.send(Cancel(request_id))
            process.send(
                SynthRequest(request_id, SENTENCE, "", 175, 1.0, str(tmp_path / "last.wav"))
            )
        # What waits is the newest Cancel and request, not one Cancel per card turned.
        assert process.waiting() <= 2
        os.kill(process.pid, signal.SIGCONT)
        answers: dict[int, SynthResult] = {}
        deadline = time.monotonic() + 60
        while requests not in answers and time.monotonic() < deadline:
            message = process.poll(0.5)
            if isinstance(message, SynthResult):
                answers[message.id] = message
        assert set(answers) == set(range(1, requests + 1)), "every request gets one answer"
        assert answers[requests].error == "", answers[requests]
        assert Path(answers[requests].wav_path).stat().st_size > 0
        spoken = [i for i in range(1, requests) if answers[i].error != "cancelled"]
        assert not spoken, (requests, spoken, [answers[i].error for i in spoken])
    finally:
        if process.pid is not None:
            os.kill(process.pid, signal.SIGCONT)
        process.close()


def _wait_until_stopped(pid: int) -> None:
    """A signal is delivered when the engine next leaves the kernel: sent at once, the first
    requests could still be read, and one taken up before the stop is then rightly spoken."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
        if state == "T":
            return
        time.sleep(0.001)
    raise AssertionError(f"engine {pid} did not stop")
