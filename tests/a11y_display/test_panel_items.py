"""The panel's grids keep their layout items to themselves (issue 14's random soak).

GridFlow holds its QLayoutItems in a Python list. Had PySide made them children of the panel
body's wrapper, anything that invalidates that parent tree (with PySide6 6.11.3 on Python
3.11 a long run corrupts it, and destroying an unrelated widget then cascades) would leave the
list holding dead items: minimumSize() raised "Internal C++ object already deleted" and that
shiboken crashed reporting it. These tests pin the ownership, not the PySide bug.
"""

from __future__ import annotations

from shiboken6 import Shiboken

from .conftest import MakePanel


def test_grid_items_have_no_wrapper_parent(make_panel: MakePanel) -> None:
    panel = make_panel()
    items = [item for grid in panel.grids for item in grid._items]
    assert len(items) == sum(grid.count() for grid in panel.grids) > 0
    parented = [i for i, item in enumerate(items) if "parent..." in Shiboken.dump(item)]
    assert parented == [], f"grid items {parented} are children of another wrapper"


def test_grid_items_survive_their_body_being_invalidated(make_panel: MakePanel) -> None:
    panel = make_panel()
    Shiboken.invalidate(panel.body)  # what a cascade from a destroyed ancestor does
    items = [item for grid in panel.grids for item in grid._items]
    assert all(Shiboken.isValid(item) for item in items)
    panel.apply_metrics(panel.metrics)  # walks every item: would raise on a dead one
    assert panel.content.minimumSizeHint().isValid()
