"""Usage figures on the staff screen: a bar chart of visits per day and a table of every count.

Both take plain rows (`Usage`), built by the app from the stats store: the screen does not
know where the figures come from or what the counters are called inside the kiosk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import Property, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ..i18n import tr
from .admin_pin import no_menu
from .theme import STANDARD


@dataclass(frozen=True)
class UsageDay:
    """One day's figures, one value per `Usage.columns` entry."""

    day: dt.date
    values: Sequence[int]


@dataclass(frozen=True)
class Usage:
    """Figures per day, oldest first. The chart draws the first column."""

    columns: Sequence[str] = field(default_factory=tuple)
    days: Sequence[UsageDay] = field(default_factory=tuple)
    note: str = ""  # said under the totals, e.g. that today includes the visit in progress

    def totals(self) -> list[int]:
        return [sum(d.values[i] for d in self.days) for i in range(len(self.columns))]


def day_label(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


class UsageChart(QWidget):
    """The first usage column (visits) per day as bars, oldest at the left. Colours come from
    the style sheet through the `barColor`, `axisColor` and `labelColor` properties
    (`qproperty-barColor: ...`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usageChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._days: list[UsageDay] = []
        self._bar = QColor(STANDARD.accent)
        self._axis = QColor(STANDARD.muted)
        self._label = QColor(STANDARD.text)
        self.setAccessibleName(tr("Visits per day"))

    def _get_bar(self) -> QColor:
        return self._bar

    def _set_bar(self, colour: QColor) -> None:
        self._bar = QColor(colour)
        self.update()

    def _get_axis(self) -> QColor:
        return self._axis

    def _set_axis(self, colour: QColor) -> None:
        self._axis = QColor(colour)
        self.update()

    def _get_label(self) -> QColor:
        return self._label

    def _set_label(self, colour: QColor) -> None:
        self._label = QColor(colour)
        self.update()

    barColor = Property(QColor, _get_bar, _set_bar)
    axisColor = Property(QColor, _get_axis, _set_axis)
    labelColor = Property(QColor, _get_label, _set_label)

    def set_usage(self, usage: Usage) -> None:
        self._days = list(usage.days)
        what = usage.columns[0].lower() if usage.columns else ""
        self.setAccessibleName(
            tr("{what} per day").format(what=usage.columns[0])
            if usage.columns
            else tr("Usage per day")
        )
        visits = self.bar_values()
        if visits:
            busiest = max(range(len(visits)), key=lambda i: visits[i])
            self.setAccessibleDescription(
                tr("{days} days, {total} {what} in all; busiest day {day} with {most}.").format(
                    days=len(visits),
                    total=sum(visits),
                    what=what,
                    day=day_label(self._days[busiest].day),
                    most=visits[busiest],
                )
            )
        else:
            self.setAccessibleDescription(tr("No usage figures."))
        self.update()

    def bar_values(self) -> list[int]:
        """One value per bar (the first column: visits), oldest first."""
        return [d.values[0] if d.values else 0 for d in self._days]

    def bar_rects(self) -> list[QRectF]:
        """Where each bar is painted, in widget coordinates (also used by the tests)."""
        values = self.bar_values()
        if not values:
            return []
        plot = self._plot_rect()
        top = max(1, max(values))
        step = plot.width() / len(values)
        width = max(1.0, step * 0.7)
        rects = []
        for i, value in enumerate(values):
            height = plot.height() * value / top
            x = plot.left() + i * step + (step - width) / 2
            rects.append(QRectF(x, plot.bottom() - height, width, height))
        return rects

    def _plot_rect(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(
            line * 0.5, line * 1.4, self.width() - line, self.height() - line * 1.4 - line * 1.6
        )

    def sizeHint(self) -> QSize:
        return QSize(800, self.fontMetrics().height() * 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        plot = self._plot_rect()
        painter.setPen(self._axis)
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        values = self.bar_values()
        if not values:
            painter.setPen(self._label)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No figures yet")
            return
        rects = self.bar_rects()
        line = self.fontMetrics().height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._bar)
        radius = min(6.0, rects[0].width() / 4)
        for rect in rects:
            if rect.height() > 0:
                painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(self._label)
        small = QFont(self.font())
        small.setPixelSize(max(10, round(self.font().pixelSize() * 0.85)))
        painter.setFont(small)
        room = self.fontMetrics().horizontalAdvance("000") <= rects[0].width() * 1.6
        for i, (rect, value) in enumerate(zip(rects, values, strict=True)):
            if room and value:
                above = QRectF(rect.center().x() - line, rect.top() - line * 1.2, 2 * line, line)
                painter.drawText(above, Qt.AlignmentFlag.AlignCenter, str(value))
            # Label every 7th day counting back from today, so today is always labelled.
            if (len(values) - 1 - i) % 7 == 0:
                day = self._days[i].day
                below = QRectF(
                    rect.center().x() - 3 * line, plot.bottom() + line * 0.3, 6 * line, line * 1.2
                )
                painter.drawText(below, Qt.AlignmentFlag.AlignCenter, f"{day.day} {day:%b}")
        painter.end()


class UsageTable(QTableWidget):
    """Totals first, then one row per day, newest first: what staff look for comes first.

    As tall as its rows, so the screen's scroll area, not the table, scrolls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 1, parent)
        self.setObjectName("usageTable")
        self.setAccessibleName(tr("Usage figures per day"))
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        no_menu(self)

    def set_usage(self, usage: Usage) -> None:
        self.setColumnCount(1 + len(usage.columns))
        # Two-line headings, so seven columns fit an upright screen.
        self.setHorizontalHeaderLabels(["Date", *(c.replace(" ", "\n") for c in usage.columns)])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        days = usage.days
        rows = [("Total", usage.totals(), True)]
        rows += [(day_label(d.day), list(d.values), False) for d in reversed(days)]
        self.setRowCount(len(rows) if days else 0)
        if days:
            for r, (label, values, bold) in enumerate(rows):
                for c, text in enumerate([label, *(f"{v:,}" for v in values)]):
                    item = QTableWidgetItem(text)
                    if c:
                        item.setTextAlignment(
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                        )
                    if bold:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                    self.setItem(r, c, item)
        self.setVisible(bool(days))
        self.fit()

    def fit(self) -> None:
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        frame = 2 * self.frameWidth()
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() + rows + frame)
