"""Builds what the staff screen shows from the running kiosk: the screen itself takes only
plain text and rows, so it never reaches into the stats store or the settings."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .stats import COUNTERS, DayCounts
from .ui.admin_usage import Usage, UsageDay

# Column headings on the staff screen, in the order of kiosk.stats.COUNTERS.
COUNTER_LABELS: Mapping[str, str] = {
    "visits": "Visits",
    "card_views": "Card views",
    "read_aloud": "Read aloud",
    "audio_mode": "Audio mode",
    "settings_used": "Settings used",
    "idle_resets": "Idle resets",
}
IN_PROGRESS_NOTE = "Today's figures include the visit in progress."


def usage_rows(days: Sequence[DayCounts], in_progress: Mapping[str, int] | None = None) -> Usage:
    """Stored days (oldest first) as rows; counts not yet written are added to the last day,
    so staff see the visit in progress too."""
    rows = [UsageDay(d.day, tuple(d.total(c) for c in COUNTERS)) for d in days]
    pending = {c: n for c, n in (in_progress or {}).items() if n and c in COUNTERS}
    note = ""
    if rows and pending:
        last = rows[-1]
        added = tuple(v + pending.get(c, 0) for c, v in zip(COUNTERS, last.values, strict=True))
        rows[-1] = dataclasses.replace(last, values=added)
        note = IN_PROGRESS_NOTE
    return Usage(columns=tuple(COUNTER_LABELS[c] for c in COUNTERS), days=tuple(rows), note=note)
