"""The operations options, run in-process through `kiosk.cli.main`."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import paths
from kiosk._compat import tomllib
from kiosk.cli import main
from kiosk.config import load_settings
from kiosk.session.pin import verify_pin
from kiosk.stats import Stats

WriteConfig = Callable[..., Path]


def test_check_config_ok(write_config: WriteConfig, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_config("[session]\nidle_timeout = 60\n")
    assert main(["--check-config", str(path)]) == 0
    assert "OK" in capsys.readouterr().out


def test_check_config_reports_every_problem(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("[session]\nidle_timeout = 5\n[display]\nthem = 'dark'\n")
    assert main(["--check-config", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:2: session.idle_timeout" in err
    assert f"{path}:4: display.them" in err
    assert "did you mean 'display.theme'" in err
    assert "2 problem(s)" in err


def test_check_config_missing_file(kiosk_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check-config", str(kiosk_home / "nope.toml")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_print_config_shows_values_and_sources(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config('[display]\ntheme = "dark"\n')
    assert main(["--config", str(path), "--print-config"]) == 0
    out = capsys.readouterr().out
    assert f'theme = "dark"  # {path}:2' in out
    assert "idle_timeout = 90  # default" in out
    # What is printed is TOML that reads back to the same values.
    parsed = tomllib.loads(out)
    assert parsed["display"]["theme"] == "dark"
    assert parsed["session"]["idle_timeout"] == 90


def test_print_config_uses_default_file_and_hides_pin_hash(
    kiosk_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("97531\n"))
    assert main(["--set-pin"]) == 0
    stored = load_settings(paths.default_config_file())[0].admin_pin_hash
    assert verify_pin("97531", stored)
    capsys.readouterr()
    assert main(["--print-config"]) == 0
    out = capsys.readouterr().out
    assert stored not in out
    assert "pin_hash = <set; hidden>" in out


def test_print_config_with_problems_exits_non_zero(
    write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_config("[display]\ntext_size = 10\n")
    assert main(["--config", str(path), "--print-config"]) == 1
    captured = capsys.readouterr()
    assert "text_size = 100  # default" in captured.out
    assert "out of range" in captured.err


def test_set_pin_with_config_option(
    write_config: WriteConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config("# keep me\n[session]\nidle_timeout = 60\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert main(["--config", str(path), "--set-pin"]) == 0
    assert "# keep me" in path.read_text("utf-8")
    assert verify_pin("1234", load_settings(path)[0].admin_pin_hash)


def test_set_pin_refuses_bad_pin(kiosk_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["--set-pin"]) == 1
    assert not paths.default_config_file().exists()


def test_export_stats(kiosk_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stats = Stats(today=lambda: dt.date(2026, 3, 2))
    stats.bump("visits")
    stats.bump("visits")
    stats.bump("card_views")
    out = kiosk_home / "usage.csv"
    assert main(["--export-stats", str(out)]) == 0
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {
            "day": "2026-03-02",
            "visits": "2",
            "card_views": "1",
            "read_aloud": "0",
            "audio_mode": "0",
            "settings_used": "0",
            "idle_resets": "0",
        }
    ]
    assert "1 day(s)" in capsys.readouterr().out


def test_export_stats_with_no_counts_yet(kiosk_home: Path) -> None:
    out = kiosk_home / "usage.csv"
    kiosk_home.mkdir()
    assert main(["--export-stats", str(out)]) == 0
    assert out.read_text("utf-8").splitlines() == [
        "day,visits,card_views,read_aloud,audio_mode,settings_used,idle_resets"
    ]
    assert not paths.stats_db_file().exists()


def test_export_stats_to_missing_folder(
    kiosk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--export-stats", str(kiosk_home / "no" / "such" / "usage.csv")]) == 1
    assert "cannot write" in capsys.readouterr().err
