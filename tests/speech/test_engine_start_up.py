"""The speech engine process starts light: it runs without `site` and without `dataclasses`
(which brings inspect, ast, dis and tokenize), about 2 MB of the 22 it took, and still speaks.

Its imports are read with -X importtime from the very command the kiosk runs it with.
"""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import pytest

from kiosk.speech.process import EngineProcess, engine_command
from kiosk.speech.protocol import BASE_RATE_WPM, DEFAULT_VOICE, SynthRequest

pytestmark = pytest.mark.slow

HEAVY = ("site", "dataclasses", "inspect", "ast", "multiprocessing")


def _imported_by_engine() -> set[str]:
    command = engine_command()
    assert command[0] == sys.executable and "-S" in command
    process = subprocess.Popen(
        [command[0], "-X", "importtime", *command[1:]],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdin is not None
    assert process.stderr is not None
    ready = process.stdout.readline()
    process.stdin.close()  # the engine leaves when its input ends
    err = process.stderr.read()
    process.wait(30)
    process.stdout.close()
    process.stderr.close()
    assert b'"kind": "ready"' in ready, err[-2000:]
    return {
        line.split("|")[2].strip()
        for line in err.decode().splitlines()
        if line.startswith("import time:") and "imported package" not in line
    }


def test_the_engine_imports_neither_site_nor_dataclasses() -> None:
    modules = _imported_by_engine()
    assert {"pyttsx3", "pyttsx3.drivers._espeak", "kiosk.speech.child"} <= modules
    assert not modules & set(HEAVY), sorted(modules & set(HEAVY))


def test_the_engine_started_so_still_writes_speech(tmp_path: Path) -> None:
    process = EngineProcess()
    try:
        assert process.wait_ready(), process.error
        assert DEFAULT_VOICE in process.voices
        out = tmp_path / "hello.wav"
        request = SynthRequest(
            1, "Hello there, parents.", DEFAULT_VOICE, BASE_RATE_WPM, 1.0, str(out)
        )
        result = process.synthesise(request)
        assert result.error == "" and result.wav_path == str(out)
        assert len(result.words) == 3  # word timings come through the protocol
        with wave.open(str(out), "rb") as wav:
            assert wav.getnframes() == result.frames > result.sample_rate // 2
    finally:
        process.close()
