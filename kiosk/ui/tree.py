"""Walking a widget's tree without `findChildren`.

PySide's `findChildren(QWidget)` keeps every wrapper it hands out for as long as the kiosk
runs, even after Qt has deleted the widget under it. Card views are remade on every change of
text size, font or colours, and prebuilding walked each one: the wrappers of 31 viewports,
scroll bars and their containers stayed behind each time (about 90 KB a change, 4.5 MB over
the 48 looks; found by cycling the looks under Xvfb and counting dead wrappers). Wrappers
reached through `children()` are let go like any other Python object.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget


def descendants(widget: QWidget) -> Iterator[QWidget]:
    """Every widget inside `widget`, each parent before its children (findChildren's order)."""
    for child in widget.children():
        if isinstance(child, QWidget):
            yield child
            yield from descendants(child)
