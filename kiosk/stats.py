"""Anonymous usage counts: how many visits, card views, read-alouds... per day, nothing more.

No card text, no times of day, no sequence of actions: only daily totals, so nothing recorded
can describe a visitor. Counting must never get in a visitor's way: every storage failure
(corrupt file, full disk, read-only folder) is logged once and counting stops; nothing raises
to the caller. A corrupt database is moved aside and a fresh one started.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from . import paths

if TYPE_CHECKING:
    import sqlite3

# sqlite3 (about 1 MB with its library) is imported by the methods that touch the file: the
# kiosk makes its Stats at start-up, but nothing is counted until a visitor arrives.

log = logging.getLogger(__name__)

COUNTERS: Final = (
    "visits",
    "card_views",
    "read_aloud",
    "audio_mode",
    "settings_used",
    "idle_resets",
)

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS daily (
    day TEXT NOT NULL,
    counter TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, counter)
)
"""


@dataclass(frozen=True, slots=True)
class DayCounts:
    day: dt.date
    counts: Mapping[str, int]

    def total(self, name: str) -> int:
        return self.counts.get(name, 0)


class Stats:
    """Daily counters in a small SQLite file (WAL mode, so a crash mid-write loses nothing).

    A connection is opened per operation: counts are rare (a few per minute at most), and it
    means no handle is left open for a crash or a test to leak.
    """

    def __init__(
        self,
        db_path: Path | None = None,
        *,
        enabled: bool = True,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.db_path = Path(db_path) if db_path is not None else paths.stats_db_file()
        self._enabled = enabled
        self._today = today
        self._ready = False
        self._failed = False

    @property
    def enabled(self) -> bool:
        """False when switched off in settings or after a storage failure."""
        return self._enabled and not self._failed

    def _connect(self) -> sqlite3.Connection:
        import sqlite3

        conn = sqlite3.connect(self.db_path, timeout=2.0)
        try:
            # With WAL, NORMAL still survives an application crash; it only skips the fsync
            # per count, which on an SD card would stall the touch that caused it.
            conn.execute("PRAGMA synchronous=NORMAL")
        except BaseException:
            conn.close()  # a damaged file fails here: no handle may be left open
            raise
        return conn

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        conn = self._connect()
        try:
            with conn:
                yield conn
        finally:
            conn.close()

    def _prepare(self) -> bool:
        import sqlite3

        if self._ready:
            return True
        if self._failed:
            return False
        try:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            if self.db_path.exists() and not self._looks_healthy():
                self._move_aside()
            with self._db() as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            self._fail(exc)
            return False
        self._ready = True
        return True

    def _looks_healthy(self) -> bool:
        import sqlite3

        try:
            with self._db() as conn:
                row = conn.execute("PRAGMA quick_check").fetchone()
        except sqlite3.OperationalError:
            # Locked, unreadable, disk trouble: not proof of corruption, so leave the file.
            raise
        except sqlite3.DatabaseError:
            return False
        return row is not None and row[0] == "ok"

    def _move_aside(self) -> None:
        stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.db_path.with_name(f"{self.db_path.name}.corrupt-{stamp}")
        os.replace(self.db_path, target)
        for suffix in ("-wal", "-shm"):
            extra = self.db_path.with_name(self.db_path.name + suffix)
            if extra.exists():
                os.replace(extra, target.with_name(target.name + suffix))
        log.warning("usage counts file was damaged; moved to %s and started afresh", target)

    def _fail(self, exc: BaseException) -> None:
        self._failed = True
        log.error("usage counting stopped: cannot use %s: %s", self.db_path, exc)

    def bump(self, name: str, by: int = 1) -> None:
        """Add to today's count of `name` (one of `COUNTERS`). Never raises on storage errors."""
        self.add({name: by})

    def add(self, counts: Mapping[str, int]) -> None:
        """Add several counts to today's in one transaction: all of them are kept, or none."""
        unknown = sorted(set(counts) - set(COUNTERS))
        if unknown:
            raise ValueError(f"unknown counter {unknown[0]!r}; known: {', '.join(COUNTERS)}")
        rows = [(self._today().isoformat(), name, by) for name, by in counts.items() if by]
        if not rows or not self._enabled or not self._prepare():
            return
        import sqlite3

        try:
            with self._db() as conn:
                conn.executemany(
                    "INSERT INTO daily (day, counter, count) VALUES (?, ?, ?) "
                    "ON CONFLICT (day, counter) DO UPDATE SET count = count + excluded.count",
                    rows,
                )
        except sqlite3.Error as exc:
            self._fail(exc)

    def _rows(self, since: dt.date | None) -> dict[dt.date, dict[str, int]] | None:
        if self._failed:
            return None
        if not self.db_path.exists():
            return {}
        if not self._prepare():
            return None
        query = "SELECT day, counter, count FROM daily"
        args: tuple[str, ...] = ()
        if since is not None:
            query += " WHERE day >= ?"
            args = (since.isoformat(),)
        import sqlite3

        try:
            with self._db() as conn:
                rows = conn.execute(query, args).fetchall()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        days: dict[dt.date, dict[str, int]] = {}
        for day, counter, count in rows:
            try:
                when = dt.date.fromisoformat(day)
            except (TypeError, ValueError):
                continue
            if counter in COUNTERS:
                days.setdefault(when, dict.fromkeys(COUNTERS, 0))[counter] = int(count)
        return days

    def last_days(self, days: int = 30) -> list[DayCounts]:
        """One entry per day for the last `days` days up to today, oldest first, zero-filled.

        Empty when the counts cannot be read.
        """
        end = self._today()
        start = end - dt.timedelta(days=days - 1)
        stored = self._rows(start)
        if stored is None:
            return []
        out = []
        for offset in range(days):
            day = start + dt.timedelta(days=offset)
            out.append(DayCounts(day, stored.get(day, dict.fromkeys(COUNTERS, 0))))
        return out

    def export_csv(self, path: Path) -> int:
        """Write every recorded day as CSV (`day` then one column per counter); rows written.

        Raises OSError if the CSV cannot be written, or `StatsUnavailableError` when the
        counts cannot be read.
        """
        stored = self._rows(None)
        if stored is None:
            raise StatsUnavailableError(f"cannot read usage counts from {self.db_path}")
        import csv

        path = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["day", *COUNTERS])
                for day in sorted(stored):
                    writer.writerow([day.isoformat(), *(stored[day][c] for c in COUNTERS)])
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        return len(stored)


class StatsUnavailableError(Exception):
    """The usage counts file exists but cannot be read."""


def export_stats_main(path: Path, *, db_path: Path | None = None) -> int:
    """`--export-stats FILE.csv`: 0 on success, 1 if the counts or the CSV file fail."""
    stats = Stats(db_path)
    try:
        rows = stats.export_csv(path)
    except StatsUnavailableError as exc:
        print(f"{exc}; see the kiosk log", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{path}: {rows} day(s) of usage counts")
    return 0
