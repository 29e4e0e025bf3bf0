"""Counting the events Qt delivers: what a test reads to know whether a widget was painted or
laid out, or whether a kiosk left alone keeps itself busy."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import KioskWindow


class EventCounts(QObject):
    """Counts, by type, the events delivered to each object in `watched`, and keeps the
    objects that were painted. With a `parent` it lives as long as that object; without one,
    keep a reference."""

    def __init__(self, *watched: QObject, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seen: Counter[QEvent.Type] = Counter()
        self.painted: set[QObject] = set()
        for target in watched:
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        self.seen[kind] += 1
        if kind == QEvent.Type.Paint:
            self.painted.add(watched)
        return False

    @property
    def paints(self) -> int:
        return self.seen[QEvent.Type.Paint]

    @property
    def layouts(self) -> int:
        return self.seen[QEvent.Type.LayoutRequest]


@contextlib.contextmanager
def application_events() -> Iterator[EventCounts]:
    """Every event the application delivers, to any object, while the block runs."""
    app = QApplication.instance()
    assert app is not None
    counts = EventCounts()
    app.installEventFilter(counts)
    try:
        yield counts
    finally:
        app.removeEventFilter(counts)


def left_alone(qtbot: QtBot, window: KioskWindow, watch_ms: int = 1000) -> EventCounts:
    """The events of `watch_ms` in which nobody touches the kiosk, once the work set off
    before has settled: the card views made ahead after the first paint (one an idle turn,
    slow on a busy machine), then whatever the last step started (fits, a sentence)."""
    qtbot.waitUntil(lambda: not window.prebuilding(), timeout=30_000)
    qtbot.wait(500)
    with application_events() as counts:
        qtbot.wait(watch_ms)
    return counts
