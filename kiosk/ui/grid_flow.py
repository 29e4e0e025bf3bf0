"""A layout of equal-width cells that reflows as its width changes (the display panel's
rows of choices: six text sizes in one row on a wide screen, two rows of three on a narrow
one, one column at the largest text)."""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class GridFlow(QLayout):
    """Equal-width cells in as many columns as fit, rows balanced (6 items: 6, 3+3, 2+2+2 or
    one column), each row as tall as its tallest item at that width. Reflows on resize."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = 20

    def set_gap(self, gap: int) -> None:
        self._gap = gap
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in self._items) + self._gap * (self.count() - 1)
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        # Only a lower bound: the real height comes from heightForWidth. The height at the
        # narrowest width would make a scroll area scroll even when everything fits.
        margins = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._items), default=0)
        height = max((i.minimumSize().height() for i in self._items), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def columns(self, width: int) -> int:
        if not self._items:
            return 1
        natural = max(i.sizeHint().width() for i in self._items)
        fit = (width + self._gap) // max(1, natural + self._gap)
        columns = max(1, min(len(self._items), fit))
        rows = math.ceil(len(self._items) / columns)
        return math.ceil(len(self._items) / rows)

    def _arrange(self, rect: QRect, apply: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        columns = self.columns(inner.width())
        spare = inner.width() - (columns - 1) * self._gap
        y = inner.y()
        for start in range(0, len(self._items), columns):
            row = self._items[start : start + columns]
            widths = [spare // columns + (1 if c < spare % columns else 0) for c in range(columns)]
            height = max(
                i.heightForWidth(w) if i.hasHeightForWidth() else i.sizeHint().height()
                for i, w in zip(row, widths, strict=False)
            )
            x = inner.x()
            for item, w in zip(row, widths, strict=False):
                if apply:
                    item.setGeometry(QRect(x, y, w, height))
                x += w + self._gap
            y += height + self._gap
        used = y - inner.y() - (self._gap if self._items else 0)
        return used + margins.top() + margins.bottom()
