from __future__ import annotations

import csv
import datetime as dt
import logging
import sqlite3
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.stats import COUNTERS, Stats, export_stats_main


class Today:
    def __init__(self) -> None:
        self.day = dt.date(2026, 5, 10)

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture
def today() -> Today:
    return Today()


def test_counts_per_day(kiosk_home: Path, today: Today) -> None:
    stats = Stats(today=today)
    assert stats.db_path == paths.stats_db_file()
    stats.bump("visits")
    stats.bump("card_views", 3)
    today.day += dt.timedelta(days=1)
    stats.bump("visits")
    stats.bump("idle_resets")
    days = stats.last_days(30)
    assert len(days) == 30
    assert days[-1].day == dt.date(2026, 5, 11)
    assert days[0].day == dt.date(2026, 4, 12)
    assert days[-2].counts == {**dict.fromkeys(COUNTERS, 0), "visits": 1, "card_views": 3}
    assert days[-1].total("visits") == 1 and days[-1].total("idle_resets") == 1
    assert all(sum(d.counts.values()) == 0 for d in days[:-2])


def test_counts_survive_a_new_stats_object(kiosk_home: Path, today: Today) -> None:
    Stats(today=today).bump("read_aloud")
    Stats(today=today).bump("read_aloud")
    assert Stats(today=today).last_days(1)[0].total("read_aloud") == 2


def test_wal_mode(kiosk_home: Path, today: Today) -> None:
    stats = Stats(today=today)
    stats.bump("audio_mode")
    conn = sqlite3.connect(stats.db_path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()


def test_unknown_counter_is_a_programming_error(kiosk_home: Path) -> None:
    with pytest.raises(ValueError, match="unknown counter"):
        Stats().bump("card_text")


def test_disabled_writes_nothing(kiosk_home: Path, today: Today) -> None:
    stats = Stats(enabled=False, today=today)
    for name in COUNTERS:
        stats.bump(name)
    assert not stats.enabled
    assert not kiosk_home.exists()
    assert all(sum(d.counts.values()) == 0 for d in stats.last_days(7))


def test_export_csv(kiosk_home: Path, today: Today) -> None:
    stats = Stats(today=today)
    stats.bump("settings_used")
    today.day += dt.timedelta(days=2)
    stats.bump("visits", 5)
    out = kiosk_home / "out.csv"
    assert stats.export_csv(out) == 2
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["day", *COUNTERS]
    assert rows[1][:1] == ["2026-05-10"] and rows[1][COUNTERS.index("settings_used") + 1] == "1"
    assert rows[2][:2] == ["2026-05-12", "5"]


def test_corrupt_database_is_moved_aside(
    kiosk_home: Path, today: Today, caplog: pytest.LogCaptureFixture
) -> None:
    db = paths.stats_db_file()
    db.parent.mkdir(parents=True)
    db.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    stats = Stats(today=today)
    with caplog.at_level(logging.WARNING, logger="kiosk.stats"):
        stats.bump("visits")
    assert stats.enabled
    aside = [p for p in db.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1
    assert aside[0].read_bytes().startswith(b"this is not a database")
    assert "damaged" in caplog.text
    assert stats.last_days(1)[0].total("visits") == 1


def test_unwritable_folder_disables_counting_without_raising(
    kiosk_home: Path, today: Today, caplog: pytest.LogCaptureFixture
) -> None:
    # A file where the data folder should be: fails for root too, unlike chmod.
    kiosk_home.mkdir()
    (kiosk_home / "data").write_text("not a folder", encoding="utf-8")
    stats = Stats(today=today)
    with caplog.at_level(logging.ERROR, logger="kiosk.stats"):
        stats.bump("visits")
        stats.bump("visits")
    assert not stats.enabled
    assert caplog.text.count("usage counting stopped") == 1  # logged once, not per bump
    assert stats.last_days(3) == []


def test_database_path_that_cannot_open(kiosk_home: Path, today: Today) -> None:
    paths.stats_db_file().mkdir(parents=True)  # a folder where the file should be
    stats = Stats(today=today)
    stats.bump("visits")
    assert not stats.enabled


class FullDiskStats(Stats):
    """SQLite reports the same error for a full disk as for a page-count cap."""

    def _connect(self) -> sqlite3.Connection:
        conn = super()._connect()
        conn.execute("PRAGMA max_page_count = 1")
        return conn


def test_full_disk_disables_counting_without_raising(
    kiosk_home: Path, today: Today, caplog: pytest.LogCaptureFixture
) -> None:
    stats = FullDiskStats(today=today)
    with caplog.at_level(logging.ERROR, logger="kiosk.stats"):
        for name in COUNTERS:
            stats.bump(name)
    assert not stats.enabled
    assert "full" in caplog.text


def test_export_stats_main_when_counts_unreadable(
    kiosk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = paths.stats_db_file()
    db.mkdir(parents=True)
    assert export_stats_main(kiosk_home / "out.csv") == 1
    assert "cannot read usage counts" in capsys.readouterr().err
