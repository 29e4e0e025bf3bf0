"""Shrink-to-fit for the few screens that must show everything at once, with no scrolling:
the attract screen and the idle warning. Their words are as large as the visitor's text size
asks, unless the screen is too small for that; then as large as the screen allows.

Sizes are set with a style sheet on the block itself: it wins over the window's style sheet,
and Qt polishes the labels at once, so their size hints are right as soon as it is set.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple, Protocol

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

# The smallest share of the wanted size a fit may go down to: below this the text would be
# smaller than the body text at 100%, and then scrolling would be the better evil.
FLOOR = 0.3


def widest_word(widget: QLabel | QAbstractButton) -> int:
    metrics = QFontMetrics(widget.font())
    words = widget.text().replace("\u200b", " ").split()  # zero-width spaces may break
    return max((metrics.horizontalAdvance(w) for w in words), default=0)


def words_fit(labels: Iterable[QLabel], width: int) -> bool:
    """No word is wider than the line it must sit on (a wrapped label cannot break it)."""
    for label in labels:
        margins = label.contentsMargins()
        room = width - margins.left() - margins.right() - 2 * label.margin() - label.indent()
        if label.isVisibleTo(label.window()) and widest_word(label) > room:
            return False
    return True


class Fit(NamedTuple):
    """A factor that fits, and the nearest larger one tried that did not (None: the factor is
    the top, and fits)."""

    factor: float
    too_big: float | None = None


class Remembered(Protocol):
    """Fits found in earlier runs, by a key that names what was fitted (see fit_memory.py)."""

    def get(self, key: str) -> tuple[float, float | None] | None: ...

    def put(self, key: str, fit: tuple[float, float | None]) -> None: ...


def fit_factor(
    apply: Callable[[float], None], fits: Callable[[], bool], top: float, steps: int = 7
) -> float:
    """The largest factor in [FLOOR * top, top] for which `fits()` holds once `apply(factor)`
    has set the sizes; found by bisection, and left applied."""
    return search_fit(apply, fits, top, steps).factor


def search_fit(
    apply: Callable[[float], None], fits: Callable[[], bool], top: float, steps: int = 7
) -> Fit:
    """`fit_factor`, with the bound the search ended on."""
    apply(top)
    if fits():
        return Fit(top)
    low, high = FLOOR * top, top
    for _ in range(steps):
        middle = (low + high) / 2
        apply(middle)
        if fits():
            low = middle
        else:
            high = middle
    apply(low)
    return Fit(low, high)


def refit(
    apply: Callable[[float], None],
    fits: Callable[[], bool],
    top: float,
    known: tuple[float, float | None] | None,
    steps: int = 7,
) -> Fit:
    """`search_fit`, but a fit found before for the same words, sizes and style is checked in
    two tries instead of searched for in nine: the bound it ended on still does not fit, and
    the factor still does. The search is what tells them apart, so the result is the same,
    and a fit that no longer holds (other fonts, another Qt) is searched for again."""
    factor, too_big = known if known is not None else (top, None)
    if too_big is not None and FLOOR * top <= factor < too_big <= top:
        apply(too_big)
        if not fits():
            apply(factor)
            if fits():
                return Fit(factor, too_big)
    return search_fit(apply, fits, top, steps)


def restyle(container: QWidget, sheet: str, widgets: Iterable[QWidget]) -> None:
    """Set `container`'s own style sheet and make `widgets` take it up now: a hidden
    widget that was polished before keeps its old font until polished again."""
    container.setStyleSheet(sheet)
    for widget in widgets:
        # What style().polish(widget) does, without naming QStyle in Python: PySide makes
        # that class when it is first named, about 7 ms of the kiosk's start.
        QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.Polish))


def height_for(widget: QWidget, width: int) -> int:
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()
        layout.activate()
    height = widget.heightForWidth(width)
    return height if height >= 0 else widget.sizeHint().height()
