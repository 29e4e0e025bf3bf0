"""A stacked widget that takes new pages without repainting the page on show.

QStackedWidget puts every page added while another is current behind it with
`QWidget::lower()`, and Qt then marks the stack dirty over the new page's geometry even
though the page is hidden. A page made before it was ever shown has Qt's default geometry,
640x480 at the top left, so that rectangle of the page on show was painted again. The kiosk
makes its other screens just after the first paint and its next cards while one is shown: a
repaint of part of the attract screen half a second after it was up (its title's glyphs came
out a shade different, so the first screen visibly "finished" only then), and of part of the
card being read after each Next.

A hidden page's geometry is only a placeholder until the stack shows it (the stack's layout
sets it then), so the page is moved past the stack's far corner while the stack takes it, and
put back at once.

Its size hints are the current page's. QStackedWidget's are the largest over every page, and
showing a page makes Qt activate each layout above it at once, so every switch asked each
hidden page for its hints again: with a leaflet's 31 card views made ahead, about a third of
a Next tap's time went on the hidden cards' scroll-area hints. A kiosk's stacks fill a
fullscreen window and their pages scroll, so the hidden pages have nothing to say about its
layout.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QStackedWidget, QWidget


class ScreenStack(QStackedWidget):
    def addWidget(self, widget: QWidget) -> int:
        return self.insertWidget(self.count(), widget)

    def insertWidget(self, index: int, widget: QWidget) -> int:
        if self.currentWidget() is None or not self.isVisible():
            # The first page becomes the current one; nothing is on show to repaint.
            return super().insertWidget(index, widget)
        kept = widget.geometry()
        # Outside the stack, whatever minimum size the page has: nothing to mark dirty.
        widget.setGeometry(QRect(self.width(), self.height(), 0, 0))
        try:
            return super().insertWidget(index, widget)
        finally:
            # Hidden now: setting its geometry marks nothing dirty.
            widget.setGeometry(kept)

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().sizeHint()
        return page.sizeHint().expandedTo(page.minimumSize())

    def minimumSizeHint(self) -> QSize:
        page = self.currentWidget()
        if page is None:
            return super().minimumSizeHint()
        return page.minimumSizeHint().expandedTo(page.minimumSize())
