"""Showing a page of a stack asks the page on show for its size, not every hidden page.

Qt activates each layout above a page as it is shown, and a QStackedWidget's size hints are
the largest over all its pages: each Next asked all of a leaflet's card views made ahead for
their hints, about a third of the tap's own time with 31 cards (`ui/screen_stack.py`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from kiosk.ui.screen_stack import ScreenStack


class CountingPage(QWidget):
    """A page that counts how often it is asked for its size."""

    def __init__(self, hint: QSize) -> None:
        super().__init__()
        self.hint = hint
        self.asked = 0

    def sizeHint(self) -> QSize:
        self.asked += 1
        return self.hint

    def minimumSizeHint(self) -> QSize:
        self.asked += 1
        return QSize(10, 10)


def test_showing_a_page_asks_only_the_page_on_show_for_its_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    top = QWidget()
    qtbot.addWidget(top)
    column = QVBoxLayout(top)
    column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    column.addWidget(QLabel("above"))
    stack = ScreenStack()
    column.addWidget(stack, 1)
    pages = [CountingPage(QSize(300 + i, 200)) for i in range(30)]
    for page in pages:
        stack.addWidget(page)
    top.resize(1200, 900)
    top.show()
    qtbot.waitExposed(top)
    for index in (1, 2, 3, 17):
        for page in pages:
            page.asked = 0
        stack.setCurrentIndex(index)
        qtbot.wait(1)  # the layout requests the switch posted
        asked = {i for i, page in enumerate(pages) if page.asked}
        assert asked <= {index}, f"showing page {index} asked pages {sorted(asked)}"
        assert pages[index].asked
        assert stack.sizeHint() == QSize(300 + index, 200)
    assert stack.geometry().height() > 800  # the stack still fills what the page leaves
