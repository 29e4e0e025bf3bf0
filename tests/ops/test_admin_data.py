"""The rows the staff screen is given: stored days plus the visit not yet written."""

from __future__ import annotations

import datetime as dt

from kiosk.admin_data import COUNTER_LABELS, IN_PROGRESS_NOTE, usage_rows
from kiosk.stats import COUNTERS, DayCounts

TODAY = dt.date(2026, 11, 28)


def _days() -> list[DayCounts]:
    return [
        DayCounts(TODAY - dt.timedelta(days=1), dict.fromkeys(COUNTERS, 1)),
        DayCounts(TODAY, dict.fromkeys(COUNTERS, 2)),
    ]


def test_every_counter_has_a_heading_in_order() -> None:
    assert list(COUNTER_LABELS) == list(COUNTERS)
    usage = usage_rows(_days())
    assert usage.columns[0] == "Visits"
    assert [d.values for d in usage.days] == [(1,) * 6, (2,) * 6]
    assert usage.note == ""


def test_the_visit_in_progress_is_added_to_today() -> None:
    usage = usage_rows(_days(), {"visits": 1, "card_views": 4})
    today = dict(zip(COUNTERS, usage.days[-1].values, strict=True))
    assert today["visits"] == 3 and today["card_views"] == 6 and today["read_aloud"] == 2
    assert usage.days[0].values == (1,) * 6
    assert usage.totals()[0] == 4
    assert usage.note == IN_PROGRESS_NOTE


def test_no_days_means_no_rows_even_with_a_visit() -> None:
    # Counting off (or unreadable): nothing to add the visit to, and nothing is made up.
    assert usage_rows([], {"visits": 1}).days == ()
