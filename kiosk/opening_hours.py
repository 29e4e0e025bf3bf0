"""Opening hours: when the kiosk shows the leaflet, and when it shows a still "closed" screen.

Written in the settings as text staff can edit (kiosk.config checks it with the functions here):

    [hours]
    monday = "09:00-17:00"              # one or more ranges, comma-separated
    saturday = "09:30-12:30, 13:30-16:00"
    sunday = "closed"
    closed_dates = "2026-12-24..2027-01-01, 2027-04-18"   # days and inclusive ranges

A day left empty is open all day, so a kiosk with no [hours] never closes. Qt-free.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RANGE_RE = re.compile(r"^([0-2]?\d):([0-5]\d)\s*-\s*([0-2]?\d):([0-5]\d)$")
# How far ahead to look for the next opening: a closure longer than this is "not known".
_HORIZON_DAYS: Final = 400

Range = tuple[dt.time, dt.time]


class HoursError(ValueError):
    """An opening-hours value that cannot be read; the message says what is wrong."""


def _time(hour: str, minute: str) -> dt.time:
    h, m = int(hour), int(minute)
    if h == 24 and m == 0:
        return dt.time.max
    if h > 23:
        raise HoursError(f"{hour}:{minute} is not a time of day")
    return dt.time(h, m)


def parse_day(text: str) -> list[Range] | None:
    """Ranges for one weekday: None means open all day, [] closed all day."""
    text = text.strip()
    if not text:
        return None
    if text.lower() == "closed":
        return []
    ranges = []
    for part in text.split(","):
        found = _RANGE_RE.match(part.strip())
        if not found:
            raise HoursError(f"{part.strip()!r} is not a range like 09:00-17:00")
        start, end = _time(*found.group(1, 2)), _time(*found.group(3, 4))
        if end <= start:
            raise HoursError(f"{part.strip()!r} ends before it starts")
        ranges.append((start, end))
    ranges.sort()
    for (_, end), (start, _) in itertools.pairwise(ranges):
        if start < end:
            raise HoursError(f"ranges overlap in {text!r}")
    return ranges


def parse_closures(text: str) -> list[tuple[dt.date, dt.date]]:
    """Closed dates: "2026-12-25" or "2026-12-24..2027-01-01" (inclusive), comma-separated."""
    closures = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        first, _, last = part.partition("..")
        try:
            start = dt.date.fromisoformat(first.strip())
            end = dt.date.fromisoformat(last.strip()) if last else start
        except ValueError:
            raise HoursError(
                f"{part!r} is not a date like 2026-12-25 or a range like 2026-12-24..2027-01-01"
            ) from None
        if end < start:
            raise HoursError(f"{part!r} ends before it starts")
        closures.append((start, end))
    return closures


def check_day(value: str) -> str | None:
    """For kiosk.config: what is wrong with one weekday's value, or None."""
    try:
        parse_day(value)
    except HoursError as exc:
        return str(exc)
    return None


def check_closures(value: str) -> str | None:
    try:
        parse_closures(value)
    except HoursError as exc:
        return str(exc)
    return None


@dataclass(frozen=True)
class OpeningHours:
    week: Sequence[list[Range] | None]  # Monday first
    closures: Sequence[tuple[dt.date, dt.date]] = ()

    @classmethod
    def parse(cls, days: Mapping[str, str], closed_dates: str = "") -> OpeningHours:
        return cls([parse_day(days.get(d, "")) for d in DAYS], parse_closures(closed_dates))

    @property
    def always_open(self) -> bool:
        return all(day is None for day in self.week) and not self.closures

    def _ranges(self, day: dt.date) -> list[Range]:
        if any(start <= day <= end for start, end in self.closures):
            return []
        ranges = self.week[day.weekday()]
        return [(dt.time.min, dt.time.max)] if ranges is None else ranges

    def is_open(self, now: dt.datetime) -> bool:
        moment = now.time()
        return any(start <= moment < end for start, end in self._ranges(now.date()))

    def next_opening(self, now: dt.datetime) -> dt.datetime | None:
        """When the kiosk next opens after `now` (None if open now or not within a year)."""
        if self.is_open(now):
            return None
        for offset in range(_HORIZON_DAYS):
            day = now.date() + dt.timedelta(days=offset)
            for start, _end in self._ranges(day):
                opening = dt.datetime.combine(day, start, tzinfo=now.tzinfo)
                if opening > now:
                    return opening
        return None


def describe_opening(opening: dt.datetime | None, now: dt.datetime) -> str:
    """ "Opens again today at 09:00" and so on, for the closed screen."""
    if opening is None:
        return "Please ask a member of staff when it opens."
    at = f"{opening:%H:%M}"
    if opening.date() == now.date():
        return f"Opens again today at {at}."
    if opening.date() == now.date() + dt.timedelta(days=1):
        return f"Opens again tomorrow at {at}."
    if opening.date() < now.date() + dt.timedelta(days=7):
        return f"Opens again on {opening:%A} at {at}."
    return f"Opens again on {opening:%A} {opening.day} {opening:%B} at {at}."
