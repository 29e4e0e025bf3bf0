"""Changing the look while the settings panel is open leaves no old card views behind.

Found by a random soak: a text-size or colour tap behind the open panel could keep all 31 old
card views alive (about 2 MB), when the card screen's children were walked (prebuilding does)
while the old views still waited for deletion among them: PySide then never let them go.
"""

from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLayoutItem, QWidget

from kiosk.ui.card_view import CardView
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.work_ahead import lay_out_hidden


def live_views() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, CardView))


def test_looks_chosen_behind_the_open_panel_free_the_old_views(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    window.show_card(3)
    window.open_display_settings()
    assert window.display_panel_open()
    cards = len(window.leaflet.cards)
    qtbot.waitUntil(lambda: len(window.cards.views) == cards)
    before = live_views()  # this window's views, and any other test's not yet collected
    for scale in (1.5, 2.0, 1.25, 1.0):
        window.set_look(window.look._replace(text_scale=scale))
        # What prebuilding behind the panel does before the loop comes round again.
        lay_out_hidden(window.cards, window.stack.size())
        qtbot.waitUntil(lambda: len(window.cards.views) == cards)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert live_views() <= before


def dead_wrappers() -> int:
    """Python wrappers still alive whose widget or layout item Qt has deleted."""
    gc.collect()
    # A style Qt replaces as style sheets change leaves one wrapper too, but only one.
    return sum(
        1
        for o in gc.get_objects()
        if isinstance(o, QWidget | QLayoutItem) and not shiboken6.isValid(o)
    )


def test_a_change_of_look_keeps_no_wrapper_of_a_deleted_widget(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    """Prebuilding walks each new card view. Walked with PySide's findChildren, the wrappers
    of every view's viewport, scroll bars and their containers outlived the view: 85 a change
    of look, 4.5 MB over the 48 looks (kiosk/ui/tree.py)."""
    cards = len(window.leaflet.cards)
    qtbot.waitUntil(lambda: len(window.cards.views) == cards and not window.prebuilding())
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    before = dead_wrappers()  # any other test's, not yet collected
    for scale in (1.5, 2.0, 1.0):
        window.set_look(window.look._replace(text_scale=scale))
        qtbot.waitUntil(lambda: len(window.cards.views) == cards and not window.prebuilding())
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dead_wrappers() - before == 0


def test_moving_the_controls_keeps_no_wrapper_of_a_deleted_layout_item(  # type: ignore[no-untyped-def]
    qtbot, window: KioskWindow
) -> None:
    """The card screen moves its progress line between rows as its shape changes, and the
    rows were measured through layout.itemAt: PySide kept the wrapper of every QWidgetItem
    the move deleted (kiosk/ui/tree.py layout_members)."""
    window.show_card(2)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    before = dead_wrappers()
    for size in ((1080, 1920), (1920, 1080), (1366, 768), (1920, 1080)):
        window.resize(*size)
        for index in (3, 4):
            window.show_card(index)
            qtbot.wait(1)  # one turn of the loop: the controls are fitted to the new size
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert dead_wrappers() - before == 0
