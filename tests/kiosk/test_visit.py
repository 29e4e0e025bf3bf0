"""A visit from first touch to idle reset: counts once per visit, resets everything."""

from __future__ import annotations

from pathlib import Path

from kiosk.session.idle import IdleMonitor
from kiosk.session.visit import VisitSession
from kiosk.stats import Stats


def make_visit(tmp_path: Path) -> tuple[VisitSession, Stats]:
    stats = Stats(tmp_path / "stats.sqlite3")
    idle = IdleMonitor(idle_ms=40, warning_ms=60, tick_ms=10)
    return VisitSession(idle, stats), stats


def test_counts_are_written_once_the_visit_ends(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit, stats = make_visit(tmp_path)
    visit.count("card_views")  # before a visit starts: nothing counted
    visit.begin()
    visit.begin()  # a second screen change is the same visit
    visit.count("card_views")
    visit.count("card_views")
    assert stats.last_days(1)[0].total("visits") == 0  # nothing on disk yet: navigation never waits
    with qtbot.waitSignal(visit.resetRequested, timeout=2000):
        pass
    today = stats.last_days(1)[0]
    assert [today.total(n) for n in ("visits", "card_views", "idle_resets")] == [1, 2, 1]
    assert not visit.active


def test_warning_comes_first_and_still_here_cancels_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit, _ = make_visit(tmp_path)
    visit.begin()
    with qtbot.waitSignal(visit.warningStarted, timeout=2000):
        pass
    with qtbot.waitSignal(visit.warningCancelled, timeout=2000):
        visit.still_here()
    assert visit.active
    visit.end()
