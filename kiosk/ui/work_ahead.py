"""What the kiosk window makes ahead of the visitor, in idle turns of the event loop.

After the first paint, and again after a new leaflet, look or library, the screens a visitor
may tap to next are made and laid out while nobody is waiting for them: the chooser's tiles,
the open leaflet's home and card views, the homes of the leaflets in view on the chooser, the
help. One small step a turn, held while a visitor presses or types (idle_turns.py), so a tap
never waits behind it; the card a new leaflet's Start reading shows is made just after that
leaflet's home is on screen, whatever the visitor does meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Slot
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from .idle_turns import AfterPaint, IdleTurns
from .tree import descendants

if TYPE_CHECKING:
    from .chooser import ChooserScreen
    from .home import HomeScreen
    from .main_window import KioskWindow

TILES_A_TURN = 4  # the chooser's tiles made in one idle turn: a few milliseconds

# A page settles in two passes (see lay_out_hidden); more would mean a layout that never does.
SETTLE_PASSES = 4


class WorkAhead(QObject):
    """The window's work ahead: start() after anything that leaves some to do, hold() on
    every input event, busy() until the first round after the first paint is over."""

    def __init__(self, window: KioskWindow) -> None:
        super().__init__(window)
        self._window = window
        self._turns = IdleTurns(self._step, parent=self)
        self._after_paint = AfterPaint(self)
        self._cards_reported = False  # cardsBuilt was sent for this round
        self._cards_sized = False  # the card screen was laid out ahead in this round
        self._done_once = False  # the first round after the first paint is over
        self._chooser_laid_out = False  # styled and laid out ahead, at the current look
        self._home_laid_out: HomeScreen | None = None  # the open leaflet's home, likewise
        self._retired: list[QWidget] = []  # the last leaflet's card views, to delete when idle
        # Pages laid out ahead, painted ahead on a turn of their own: laying out and painting
        # a page in one step was 15-20 ms that a tap coming meanwhile waited for.
        self._to_paint: list[QWidget] = []

    def busy(self) -> bool:
        """Whether cards or homes are still being made (or will be, once the first paint is
        over)."""
        return not self._done_once or self._turns.active()

    @Slot()
    def start(self) -> None:
        self._cards_reported = False
        self._cards_sized = False
        self._turns.start()

    @Slot()
    def hold(self) -> None:
        """A visitor is doing something: the work waits until they pause."""
        self._turns.hold()

    def retire(self, views: list[QWidget]) -> None:
        """Card views taken off the card screen, to be deleted in idle turns: taking thirty
        out of the widget tree at once was half of the chooser tap."""
        self._retired.extend(views)

    def forget_layouts(self) -> None:
        """A new look (or a new chooser): what was laid out ahead is to be laid out again."""
        self._chooser_laid_out = False
        self._home_laid_out = None
        self._to_paint.clear()  # painted at the old look: they will be laid out again

    def first_card_after_paint(self) -> None:
        """Start reading is the likeliest tap on a leaflet's home, and may come before the
        visitor pauses: its card is made as soon as the home is on screen."""
        self._after_paint.call(self._first_card)

    def _step(self) -> bool:
        """One piece of work a turn, False when none is left: the chooser's other tiles, the
        open leaflet's home laid out, its next card (and, once all are made, the card screen
        laid out and fitted for the first), then the chooser laid out, the homes of the
        leaflets in view on it and the other leaflets' help, with the last leaflet's card
        views deleted one a turn first."""
        window = self._window
        if self._to_paint:
            page = self._to_paint.pop(0)
            if isValid(page) and not page.isVisible():
                paint_ahead(page)
            return True
        if self._retired:
            view = self._retired.pop()
            view.setParent(None)  # out of the widget tree now (see CardScreen.drop_views)
            view.deleteLater()
            return True
        chooser = window.library_screen
        if chooser is not None and chooser.add_tiles(TILES_A_TURN):
            self._chooser_laid_out = False
            return True
        home = window.home
        if self._home_laid_out is not home:
            # The first leaflet's home is made with the window, not ahead: the attract
            # screen's tap (one leaflet) or the chooser's first tile laid it all out.
            self._home_laid_out = home
            if not home.isVisible():
                lay_out_hidden(home, window.stack.size())
                self._to_paint.append(home)
            return True
        cards = window.cards
        for index in range(len(window.leaflet.cards)):
            if index not in cards.views:
                self._make_view(index)
                return True
        if not self._cards_reported:
            self._cards_reported = True
            if not cards.isVisible():
                # Each view added undid the card stack's layout, and with it the screen's.
                lay_out_hidden(cards, window.stack.size())
                if window.kiosk_help is not None and window.leaflet.cards:
                    # Start reading opens the first card: its help buttons count in the fit.
                    window.kiosk_help.dress_card(0)
                cards.fit_ahead()
                self._to_paint.append(cards)
            window.cardsBuilt.emit()
            return True
        if chooser is not None and not self._chooser_laid_out:
            # Styling and laying out fifty tiles was most of the tap that first shows it.
            self._chooser_laid_out = True
            if not chooser.isVisible():
                lay_out_hidden(chooser, window.stack.size())
                self._to_paint.append(chooser)
            return True
        if chooser is not None and self._home_ahead(chooser):
            return True
        # Last, the other leaflets' help, so its problems are reported soon after start-up.
        if window.kiosk_help is not None and window.kiosk_help.load.read_next():
            return True
        self._done_once = True
        return False

    def _first_card(self) -> None:
        window = self._window
        if window.leaflet.cards and 0 not in window.cards.views and not window.cards.isVisible():
            paint_ahead(self._make_view(0))

    def _make_view(self, index: int) -> QWidget:
        cards = self._window.cards
        size = self._window.stack.size()
        if not cards.isVisible() and (not self._cards_sized or cards.size() != size):
            # Not shown yet: its page area has only Qt's default size until it is. Once a
            # round: the views added after it leave that area as it is, and walking the
            # whole screen again for each (every view made so far) was a third of a step, up
            # to 8 ms of a tap that came meanwhile. The round's last step lays it all out.
            lay_out_hidden(cards, size)
            self._cards_sized = True
        view = cards.view(index)
        lay_out_hidden(view, cards.stack.contentsRect().size())
        return view

    def _home_ahead(self, chooser: ChooserScreen) -> bool:
        """Make the home of the next leaflet in view on the chooser; False if none is left."""
        from .homes import wanted

        window = self._window
        homes = window.made_homes()
        shown = chooser.shown_indexes()
        index = homes.next_missing(wanted(len(window.library.leaflets), shown, homes.kept))
        if index is None:
            return False
        home = homes.get(index, window.catalogues.language)
        lay_out_hidden(home, window.stack.size())
        self._to_paint.append(home)
        return True


def paint_ahead(widget: QWidget) -> None:
    """Paint a page laid out ahead once, into an image nobody sees. Its first paint on
    screen would otherwise work out each widget's style-sheet look for its state, shape and
    rasterise its words at their sizes and scale its icons; Qt keeps all of that for the next
    paint, so the tap that first shows the page finds it done. Painted with the window's own
    pixel format (the X backing store's), so the same glyph caches serve both.

    The image's pixels are a mapping of their own, unmapped when it is done: a full-screen
    image from malloc (8 MB) raises glibc's mmap threshold once freed, and the next ones then
    came from the heap, which kept them (12 MiB more RSS with ten leaflets)."""
    import mmap  # after the first paint: nothing before it needs it

    width, height = widget.width(), widget.height()
    if width <= 0 or height <= 0:
        return
    with mmap.mmap(-1, width * height * 4) as pixels, memoryview(pixels) as view:
        image = QImage(view, width, height, width * 4, QImage.Format.Format_RGB32)
        widget.render(image)
        del image  # before the mapping closes: it must not outlive its pixels


def lay_out_hidden(widget: QWidget, size: QSize) -> None:
    """Give a hidden page of a stack its size now, and its children theirs. Qt holds a hidden
    widget's resize until it is shown, so a prebuilt card would wrap its whole document on
    the tap that shows it (a third of that tap's work); done here, the tap finds it ready.
    Polished first (Qt styles a widget as it is first shown, and the style sets the fonts
    that the sizes depend on): a prebuilt home shown unstyled took 13 ms to style on the tap."""
    widget.ensurePolished()
    widget.resize(size)
    pending = Qt.WidgetAttribute.WA_PendingResizeEvent
    for _ in range(SETTLE_PASSES):
        redone = False
        # Parents first: each one's resize places its children (a scroll area its viewport).
        for member in [widget, *descendants(widget)]:
            # What Qt queued for it: a scroll area shows or hides its scroll bar in a queued
            # call, and the new width wraps the page's words again.
            QCoreApplication.sendPostedEvents(member, 0)
            if member.testAttribute(pending):
                member.setAttribute(pending, False)
                QCoreApplication.sendEvent(member, QResizeEvent(member.size(), QSize(-1, -1)))
                redone = True
            layout = member.layout()
            if layout is not None and layout.activate():
                redone = True
        # A resize reaches a tile after its parent's layout is done, and its wrapped words
        # then ask for their height at the new width, which undoes that layout: one pass left
        # the chooser's grid to be laid out again on the tap that showed it (fifty tiles'
        # captions measured again, a quarter of that tap).
        if not redone:
            return
