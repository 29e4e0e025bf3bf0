"""The log holds no trace of visitors and repeated errors are summarised (issue 14, item 7)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.log_guard import RepeatFilter
from kiosk.logs import setup_logging, shutdown_logging
from kiosk.stats import Stats
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Look
from tests.kiosk.conftest import make_kiosk


def test_a_whole_visit_leaves_nothing_in_the_log(
    qtbot: QtBot, window: KioskWindow, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="kiosk")
    kiosk = make_kiosk(window, tmp_path, auto_finish=True, idle_ms=1000, warning_ms=50)
    try:
        assert kiosk.visit is not None and kiosk.reading is not None and kiosk.audio is not None
        window.show_card(2)
        with qtbot.waitSignal(kiosk.reading.speech.utteranceStarted, timeout=10_000):
            kiosk.reading.bar.read_button.click()
        kiosk.audio.set_active(True)
        kiosk.audio.set_active(False)
        kiosk.audio.set_active(True)
        window.set_look(Look(text_scale=1.5))
        with qtbot.waitSignal(kiosk.visit.resetRequested, timeout=10_000):
            pass  # the visitor walks away
        qtbot.waitUntil(lambda: window.current_screen() != "card", timeout=5000)
    finally:
        kiosk.shutdown()
    visitor_trace = [r.getMessage() for r in caplog.records if r.name.startswith("kiosk")]
    assert visitor_trace == []
    # What happened is counted, anonymously, per day instead.
    days = Stats(tmp_path / "stats.sqlite3").last_days(1)
    text = repr(days)
    assert "audio_mode" in text and "idle_resets" in text


def test_repeats_are_let_through_once_then_summarised() -> None:
    now = [0.0]
    repeat = RepeatFilter(window=600, clock=lambda: now[0])

    def record(message: str, *args: object, level: int = logging.ERROR) -> logging.LogRecord:
        return logging.LogRecord("kiosk.speech", level, "", 0, message, args, None)

    passed = [repeat.filter(record("player failed: exit code %d", n)) for n in range(300)]
    assert passed == [True] + [False] * 299
    assert repeat.filter(record("another problem"))  # a different kind is not held back
    assert repeat.filter(record("just information", level=logging.INFO))
    now[0] = 601
    later = record("player failed: exit code %d", 7)
    assert repeat.filter(later)
    assert later.getMessage() == (
        "player failed: exit code 7 (repeated 299 more times in the last 10 min)"
    )


def test_the_log_file_gets_the_first_line_and_a_summary_at_exit(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    setup_logging(None, "bundled", "test", folder=logs)
    failing = logging.getLogger("kiosk.speech")
    for n in range(458):  # what two minutes of a failing player once wrote, two per sentence
        failing.error("audio player 'aplay' failed: device %d busy", n % 3)
    shutdown_logging()
    lines = (logs / "kiosk.log").read_text().splitlines()
    errors = [line for line in lines if "failed" in line]
    assert len(errors) == 2, lines
    assert "device 0 busy" in errors[0]
    assert "(repeated 457 more times)" in errors[1]
