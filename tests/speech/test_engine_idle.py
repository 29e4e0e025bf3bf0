"""The real engine process, left idle, costs the kiosk nothing: no look at its pipe ten times a
second (0.3% of a core, more than half of the attract screen's idle cost), yet a reply and
the engine's death are still noticed at once, because the pipe itself wakes the event loop."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.speech import ProcessEngine, SynthRequest

IDLE_MS = 1000


@pytest.mark.skipif(os.name != "posix", reason="a thread reads the pipe on Windows")
def test_an_idle_engine_is_never_polled_yet_replies_and_its_end_are_noticed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    looks: list[int] = []
    poll = ProcessEngine._poll

    def counted(self: ProcessEngine) -> None:
        looks.append(1)
        poll(self)

    monkeypatch.setattr(ProcessEngine, "_poll", counted)
    engine = ProcessEngine()
    try:
        with qtbot.waitSignal(engine.readyChanged, timeout=20_000):
            engine.start()
        for turn in range(2):  # at start, and again after a reply
            qtbot.wait(300)  # the last reply's looks end
            looks.clear()
            qtbot.wait(IDLE_MS)
            assert not looks, f"looked at an idle engine {len(looks)} times in {IDLE_MS} ms"
            if turn == 0:
                out = tmp_path / "after-a-quiet-spell.wav"
                request = SynthRequest(1, "Still here.", "gmw/en", 175, 1.0, str(out))
                with qtbot.waitSignal(engine.resultReady, timeout=20_000) as replied:
                    engine.submit(request)
                assert not replied.args[0].error and out.stat().st_size > 0
        pid = engine.pid()
        assert pid is not None
        with qtbot.waitSignal(engine.crashed, timeout=2_000):
            os.kill(pid, signal.SIGKILL)
    finally:
        engine.shutdown()
