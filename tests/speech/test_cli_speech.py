"""The speech command-line options that need no engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_unknown_card_lists_valid_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["--content", str(CONTENT), "--speak-card", "nope", "--out", str(tmp_path / "x.wav")]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert "unknown card id 'nope'" in err and "mediation-1" in err


def test_speak_card_needs_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--content", str(CONTENT), "--speak-card", "about-1"]) == 2
    assert "--out" in capsys.readouterr().err


def test_rate_out_of_range_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--speak-card", "about-1", "--out", str(tmp_path / "x.wav"), "--rate", "3"]
    assert main(["--content", str(CONTENT), *args]) == 2
    assert "--rate must be between 0.5 and 2" in capsys.readouterr().err
