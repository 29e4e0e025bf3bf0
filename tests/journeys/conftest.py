"""Visitor journeys on the kiosk as `python -m kiosk` wires it: settings from a TOML file,
the bundled leaflet, real windows and event loop, the real espeak-ng engine process and the
real player code. Only the sound device is replaced: `aplay` on PATH is a stand-in that
takes as long as each WAV lasts and notes it. The transcript pairs each WAV with the text
the kiosk asked the engine to say."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

from kiosk import paths
from kiosk.app import Kiosk, Startup, assemble, choose_content, show
from kiosk.config import load_settings
from kiosk.speech import CommandPlayer, ProcessEngine
from kiosk.speech.service import SpeechService

STAND_IN = Path(__file__).with_name("stand_in_aplay.py")


@dataclass
class Heard:
    t: float  # seconds since the journey started
    text: str
    seconds: float  # the WAV's length
    heard: float  # how much of it played before the next sound or a stop


class Recorder:
    """What the kiosk said, and when: texts from the engine requests, times from the player."""

    def __init__(self, plays: Path) -> None:
        self.plays = plays
        self.t0 = time.time()
        self.texts: dict[str, str] = {}
        self.stops: list[float] = []

    def wrap(self, speech: SpeechService) -> SpeechService:
        engine = speech._engine  # type: ignore[attr-defined]
        player = speech._player  # type: ignore[attr-defined]
        submit, stop = engine.submit, player.stop

        def recording_submit(request: object) -> None:
            self.texts[request.out_path] = request.text  # type: ignore[attr-defined]
            submit(request)

        def recording_stop() -> None:
            self.stops.append(time.time())
            stop()

        engine.submit = recording_submit
        player.stop = recording_stop
        return speech

    def transcript(self) -> list[Heard]:
        if not self.plays.exists():
            return []
        rows = [json.loads(line) for line in self.plays.read_text().splitlines() if line]
        heard: list[Heard] = []
        for i, row in enumerate(rows):
            later = [r["t"] for r in rows[i + 1 :]] + [s for s in self.stops if s > row["t"]]
            end = min([row["t"] + row["seconds"], *later])
            heard.append(
                Heard(
                    row["t"] - self.t0,
                    self.texts.get(row["path"], "?"),
                    row["seconds"],
                    max(0.0, end - row["t"]),
                )
            )
        return heard

    def said(self) -> list[str]:
        return [h.text for h in self.transcript()]


@pytest.fixture
def stand_in_aplay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    aplay = bin_dir / "aplay"
    aplay.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{STAND_IN}" "$@"\n')
    aplay.chmod(aplay.stat().st_mode | stat.S_IXUSR)
    plays = tmp_path / "plays.jsonl"
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("JOURNEY_PLAYS", str(plays))
    return plays


@pytest.fixture
def settings_toml() -> str:
    return ""


@pytest.fixture
def journey(
    qtbot, tmp_path: Path, stand_in_aplay: Path, settings_toml: str
) -> Iterator[tuple[Kiosk, Recorder]]:  # type: ignore[no-untyped-def]
    settings_file = tmp_path / "kiosk.toml"
    settings_file.write_text(settings_toml, encoding="utf-8")
    settings, problems = load_settings(settings_file)
    assert not problems, problems
    choice = choose_content([paths.bundled_content()])
    recorder = Recorder(stand_in_aplay)

    def factory(parent: QObject) -> SpeechService:
        # The kiosk's own engine and player; a scratch folder of this test's own, so that
        # other kiosks on the machine cannot clear it under us.
        return recorder.wrap(
            SpeechService(ProcessEngine(), CommandPlayer(), tmp_path / "speech", parent)
        )

    args = argparse.Namespace(windowed=False, quit_after_paint=False, content=None)
    cleanups: list[Callable[[], None]] = []
    startup = Startup(settings_file, [], choice.source)
    kiosk = assemble(args, settings, choice, startup, cleanups, speech_factory=factory)
    qtbot.addWidget(kiosk.window)
    show(kiosk.window, windowed=False)
    qtbot.waitUntil(lambda: kiosk.speech is not None, timeout=20_000)
    assert kiosk.speech is not None
    qtbot.waitUntil(lambda: kiosk.speech.is_available(), timeout=20_000)  # type: ignore[union-attr]
    try:
        yield kiosk, recorder
    finally:
        kiosk.shutdown()
        kiosk.window.allow_close = True
