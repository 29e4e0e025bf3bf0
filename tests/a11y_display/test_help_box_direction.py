"""The kiosk-help box on home ("Kiosk help · Talk to ...", the phone number and its QR code)
reads the leaflet's way: on an Arabic leaflet's home its words start at the right and its code
stands at the left, the mirror of an English or Welsh leaflet's box. Checked on the kiosk
window built as `python -m kiosk` builds it, from the pixels drawn, not from flags alone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import Library, load_library
from kiosk.content.help import load_help
from kiosk.ui.help_box import HelpBox
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from tests.helpers.leaflets import library_folder


@pytest.fixture(scope="module")
def three_leaflets(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(library_folder(tmp_path_factory.mktemp("content") / "content"))


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def _ink(label: QLabel) -> tuple[int, int]:
    """The leftmost and rightmost columns of `label` where its words are drawn."""
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    paper = image.pixel(0, 0)
    columns = [
        x
        for x in range(image.width())
        if any(image.pixel(x, y) != paper for y in range(0, image.height(), 2))
    ]
    assert columns, f"nothing drawn in {label.text()!r}"
    return columns[0], columns[-1]


def _left(window: QWidget, widget: QWidget) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


@pytest.fixture(params=[(1920, 1080), (1080, 1920)], ids=["1920x1080", "1080x1920"])
def window(
    request: pytest.FixtureRequest, qtbot: QtBot, three_leaflets: Library, fonts: Fonts
) -> Iterator[KioskWindow]:
    made = KioskWindow(
        three_leaflets, fonts, Look(), with_attract=True, help=load_help(three_leaflets)
    )
    qtbot.addWidget(made)
    made.resize(*request.param)
    made.show()
    qtbot.waitExposed(made)
    made.leave_attract()
    _settle()
    yield made
    made.allow_close = True


def _open(window: KioskWindow, language: str) -> HelpBox:
    screen = window.library_screen
    assert screen is not None
    index = [lf.language for lf in window.library.leaflets].index(language)
    screen.tiles[index].click()
    _settle()
    assert window.current_screen() == "home"
    help_ = window.kiosk_help
    assert help_ is not None and help_.box is not None and help_.box.isVisible()
    return help_.box


def _check(window: KioskWindow, box: HelpBox, right_to_left: bool) -> None:
    way = Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    assert box.layoutDirection() == way
    assert box.details and box.qr_labels
    for label in (box.heading, *box.details):
        first, last = _ink(label)
        # Words start at the page's reading edge: the gap there is the smaller one.
        before, after = first, label.width() - 1 - last
        if right_to_left:
            assert after < before, (label.text(), before, after)
        else:
            assert before < after, (label.text(), before, after)
    code, number = box.qr_labels[0], box.details[0]
    assert (_left(window, code) < _left(window, number)) == right_to_left


def test_the_help_box_reads_right_to_left_on_an_arabic_leaflet(window: KioskWindow) -> None:
    box = _open(window, "ar")
    _check(window, box, right_to_left=True)
    # And back: the Welsh leaflet's box, made afresh, reads from the left again.
    window.show_library()
    _settle()
    _check(window, _open(window, "cy"), right_to_left=False)


def test_the_same_box_turns_when_the_page_does(window: KioskWindow) -> None:
    """A box that was shown left to right follows a later change of direction (the home
    screen's widgets are kept while the stack's direction changes)."""
    box = _open(window, "cy")
    _check(window, box, right_to_left=False)
    window.stack.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    _settle()
    _check(window, box, right_to_left=True)
    window.stack.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    _settle()
    _check(window, box, right_to_left=False)
