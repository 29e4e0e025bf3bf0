"""Opening hours as staff write them: weekday ranges, closed days and closure dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.config import load_settings
from kiosk.opening import hours_from
from kiosk.opening_hours import HoursError, OpeningHours, describe_opening, parse_day

# Monday 30 November 2026.
MONDAY = dt.date(2026, 11, 30)


def at(day_offset: int, hhmm: str) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(MONDAY + dt.timedelta(days=day_offset), dt.time(hour, minute))


HOURS = OpeningHours.parse(
    {
        "monday": "09:00-17:00",
        "tuesday": "09:00-12:30, 13:30-17:00",
        "saturday": "closed",
        "sunday": "closed",
    },
    "2026-12-24..2026-12-28, 2027-01-01",
)


def test_open_inside_the_ranges_only() -> None:
    assert not HOURS.is_open(at(0, "08:59"))
    assert HOURS.is_open(at(0, "09:00"))
    assert HOURS.is_open(at(0, "16:59"))
    assert not HOURS.is_open(at(0, "17:00"))
    assert not HOURS.is_open(at(1, "13:00"))  # Tuesday lunch
    assert HOURS.is_open(at(2, "03:00"))  # Wednesday not given: open all day
    assert not HOURS.is_open(at(5, "12:00"))  # Saturday closed


def test_closure_dates_override_the_week() -> None:
    assert not HOURS.is_open(dt.datetime(2026, 12, 24, 12, 0))  # a Thursday, open all day else
    assert not HOURS.is_open(dt.datetime(2026, 12, 28, 12, 0))  # the range is inclusive
    assert HOURS.is_open(dt.datetime(2026, 12, 29, 12, 0))


def test_next_opening() -> None:
    assert HOURS.next_opening(at(0, "12:00")) is None  # open now
    assert HOURS.next_opening(at(0, "07:00")) == at(0, "09:00")
    assert HOURS.next_opening(at(1, "12:45")) == at(1, "13:30")
    assert HOURS.next_opening(at(0, "18:00")) == at(1, "09:00")
    # Saturday evening: Sunday closed, so Monday morning.
    assert HOURS.next_opening(at(5, "18:00")) == at(7, "09:00")
    # Christmas: after the closure, Tuesday 29th (Tuesday's hours).
    assert HOURS.next_opening(dt.datetime(2026, 12, 24, 8, 0)) == dt.datetime(2026, 12, 29, 9, 0)


def test_describe_the_next_opening() -> None:
    now = at(0, "18:00")
    assert describe_opening(at(1, "09:00"), now) == "Opens again tomorrow at 09:00."
    assert describe_opening(at(0, "19:00"), now) == "Opens again today at 19:00."
    assert describe_opening(at(3, "09:00"), now) == "Opens again on Thursday at 09:00."
    assert describe_opening(at(14, "09:00"), now) == "Opens again on Monday 14 December at 09:00."


@pytest.mark.parametrize("bad", ["9-5", "17:00-09:00", "09:00-12:00, 11:00-13:00", "25:00-26:00"])
def test_bad_ranges_say_what_is_wrong(bad: str) -> None:
    with pytest.raises(HoursError):
        parse_day(bad)


def test_no_hours_means_always_open() -> None:
    assert OpeningHours.parse({}).always_open
    assert not HOURS.always_open


def test_settings_report_bad_hours_with_file_line_and_key(
    write_config: Callable[..., Path],
) -> None:
    path = write_config(
        "[hours]\nmonday = '09:00-17:00'\ntuesday = 'nine to five'\nclosed_dates = '2026-13-01'\n"
    )
    settings, problems = load_settings(path)
    text = [str(p) for p in problems]
    assert text[0].startswith(f"{path}:3: hours.tuesday: 'nine to five' is not opening hours")
    assert text[1].startswith(f"{path}:4: hours.closed_dates:")
    assert settings.hours_monday == "09:00-17:00" and settings.hours_tuesday == ""
    assert hours_from(settings).is_open(at(0, "10:00"))
