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

from PySide6.QtWidgets import QLayout, QWidget


def descendants(widget: QWidget) -> Iterator[QWidget]:
    """Every widget inside `widget`, each parent before its children (findChildren's order)."""
    for child in widget.children():
        if isinstance(child, QWidget):
            yield child
            yield from descendants(child)


def layout_members(layout: QLayout) -> list[QWidget | QLayout]:
    """What `layout` holds directly, in its order: its widgets and the layouts inside it.

    Not through `itemAt`: PySide keeps the wrapper of every QWidgetItem that returns, even
    after the layout deletes the item (a widget moved to another row deletes one), about 500
    for 400 taps of a random visitor.
    """
    owner = layout.parentWidget()
    widgets = [] if owner is None else [c for c in owner.children() if isinstance(c, QWidget)]
    members: list[QWidget | QLayout] = [w for w in widgets if layout.indexOf(w) >= 0]
    members += [c for c in layout.children() if isinstance(c, QLayout)]
    return sorted(members, key=layout.indexOf)
