"""The kiosk's help screen: one frame for every page of help the kiosk adds to the leaflet
(what is happening?, a route's cards, words explained, one word, keep this card).

Everything here is marked as the kiosk's help, never styled as the leaflet: a "Kiosk help"
badge on every page, its own dashed frame and colours, the `kioskHelp` property on each
widget, and accessible names that start with "Kiosk help". Pages are plain data; the screen
only shows them and reports what the visitor chose.

Signals: itemChosen(str key), backRequested(), homeRequested(), speakRequested(str text).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..content.help import HELP_LABEL
from ..i18n import on_language_change, tr
from .mirror import mirrored
from .takeaway import QrWidget
from .theme import Metrics
from .tile import TileButton
from .touch import FlickScroll
from .tree import descendants
from .widgets import big_button, fit_label

HELP_PROPERTY = "kioskHelp"


@dataclass(frozen=True, slots=True)
class PageItem:
    label: str
    detail: str
    key: str  # what the controller gets back when the item is chosen
    description: str = ""


@dataclass(frozen=True, slots=True)
class HelpPage:
    """One page of help. `spoken` is what audio mode says when the page opens."""

    name: str  # "question", "route", "words", "term", "card-words", "keep"
    title: str
    paragraphs: tuple[str, ...] = ()
    items: tuple[PageItem, ...] = ()
    primary: PageItem | None = None  # one big action under the text (e.g. read the cards)
    read_aloud: str = ""  # text the "Read aloud" button speaks; no button when empty
    qr_text: str = ""  # a take-away QR code holding this text
    note: str = ""  # small print under everything (sources, where the cards come from)
    spoken: str = ""


def mark_help(widget: QWidget) -> None:
    """Mark a widget, and what it is made of, as the kiosk's help (tests and tools find
    help by this property; the style sheet and badge make it visible)."""
    for part in (widget, *descendants(widget)):
        part.setProperty(HELP_PROPERTY, True)


class HelpScreen(QWidget):
    itemChosen = Signal(str)
    backRequested = Signal()
    homeRequested = Signal()
    speakRequested = Signal(str)

    def __init__(self, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        mark_help(self)
        self.metrics = metrics
        self.page: HelpPage | None = None
        self.controls: list[QWidget] = []
        self.qr: QrWidget | None = None
        self.badge = QLabel(tr("{help}: not part of the leaflet").format(help=tr(HELP_LABEL)))
        self.badge.setObjectName("helpBadge")
        self.badge.setWordWrap(True)
        mark_help(self.badge)
        self.title = QLabel()
        self.title.setObjectName("helpTitle")
        self.title.setWordWrap(True)
        mark_help(self.title)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("helpScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        FlickScroll(self.scroll_area.viewport())
        self.scroll_area.viewport().installEventFilter(self)
        self.back = big_button("◀  " + tr("Back"), "helpBack", tr("Go back to where you were."))
        self.home = big_button("⌂  " + tr("Home"), "helpHome", tr("Go to the list of topics."))
        self.read = big_button(
            tr("Read aloud"),
            "helpReadAloud",
            tr("Hear this explanation read aloud."),
            role="primary",
        )
        for button in (self.back, self.home, self.read):
            mark_help(button)
        on_language_change(self, self._words)
        self.back.clicked.connect(self.backRequested)
        self.home.clicked.connect(self.homeRequested)
        self.read.clicked.connect(self._read_aloud)
        nav = QHBoxLayout()
        self.nav = nav
        nav.addWidget(self.back, 1)
        nav.addWidget(self.home, 1)
        nav.addStretch(1)
        nav.addWidget(self.read, 1)
        layout = QVBoxLayout(self)
        self.layout_ = layout
        layout.addWidget(self.badge)
        layout.addWidget(self.title)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(nav)
        self.apply_metrics(metrics)

    def _words(self) -> None:
        """The buttons' words again, when the kiosk's language changes."""
        rtl = self.back.isRightToLeft()
        self.back.setText(mirrored("◀  " + tr("Back"), rtl))
        self.back.setAccessibleName(tr("Back"))
        self.back.setAccessibleDescription(tr("Go back to where you were."))
        self.home.setText("⌂  " + tr("Home"))
        self.home.setAccessibleName(tr("Home"))
        self.home.setAccessibleDescription(tr("Go to the list of topics."))
        self.read.setText(tr("Read aloud"))
        self.read.setAccessibleName(tr("Read aloud"))
        self.read.setAccessibleDescription(tr("Hear this explanation read aloud."))
        self.apply_metrics(self.metrics)

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        m = metrics.margin
        self.layout_.setContentsMargins(m, m // 2, m, m // 2)
        self.layout_.setSpacing(metrics.gap)
        self.nav.setSpacing(metrics.gap)
        fit_label(self.back, ["◀  " + tr("Back")])
        fit_label(self.home, ["⌂  " + tr("Home")])
        fit_label(self.read, [tr("Read aloud")])
        if self.page is not None:
            self.show_page(self.page)

    # --- pages ---------------------------------------------------------------------------
    def show_page(self, page: HelpPage) -> None:
        self.page = page
        self.title.setText(page.title)
        self.title.setAccessibleName(f"{tr(HELP_LABEL)}. {page.title}")
        self.setAccessibleName(f"{tr(HELP_LABEL)}: {page.title}")
        body = QWidget()
        body.setObjectName("helpBody")
        mark_help(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(self.metrics.gap)
        self.controls = []
        self.qr = None
        texts = column
        if page.qr_text:
            # The code as large as the screen allows, its instructions beside it (below it in
            # portrait), so it is read at once without scrolling.
            self.qr = QrWidget(page.qr_text, self.metrics)
            mark_help(self.qr)
            row = QBoxLayout(
                QBoxLayout.Direction.TopToBottom
                if self.metrics.portrait
                else QBoxLayout.Direction.LeftToRight
            )
            row.setSpacing(self.metrics.gap)
            row.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
            texts = QVBoxLayout()
            row.addLayout(texts, 1)
            column.addLayout(row)
        for text in page.paragraphs:
            texts.addWidget(self._label(text, "helpText"))
        if texts is not column:
            texts.addStretch(1)
        if page.primary is not None:
            button = big_button(
                page.primary.label,
                "helpPrimary",
                page.primary.description or page.primary.detail,
                role="primary",
            )
            mark_help(button)
            key = page.primary.key
            button.clicked.connect(lambda _=False, k=key: self.itemChosen.emit(k))
            column.addWidget(button)
            self.controls.append(button)
        grid = QGridLayout()
        grid.setSpacing(self.metrics.gap)
        columns = self.columns(page)
        for number, item in enumerate(page.items):
            tile = TileButton(item.label, item.detail, item.description or item.detail)
            tile.setObjectName(f"helpItem-{item.key}")
            tile.setMinimumHeight(self.metrics.target)
            tile.meta.set_visible(bool(item.detail))
            # As tall as their words need: the page's spare room stays below the choices.
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            tile.apply_metrics(self.metrics)
            mark_help(tile)
            tile.clicked.connect(lambda _=False, k=item.key: self.itemChosen.emit(k))
            grid.addWidget(tile, number // columns, number % columns)
            self.controls.append(tile)
        column.addLayout(grid)
        if page.note:
            column.addWidget(self._label(page.note, "helpNote"))
        column.addStretch(1)
        old = self.scroll_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll_area.setWidget(body)
        self._fit_qr()
        self.read.setVisible(bool(page.read_aloud))
        previous: QWidget = self.back
        for control in [*self.controls, self.read, self.home]:
            QWidget.setTabOrder(previous, control)
            previous = control

    def columns(self, page: HelpPage) -> int:
        """Side by side where the screen is wide, so a page of choices fits without
        scrolling; one column where the text is large. Words are short: more columns."""
        m = self.metrics
        if page.name in ("words", "card-words"):
            if m.portrait:
                return 2 if m.text_scale < 1.5 else 1
            return 4 if m.text_scale < 1.25 else 3 if m.text_scale < 1.5 else 2
        if m.portrait:
            return 1
        if page.name == "route":  # card titles are short
            return 3 if m.text_scale < 1.25 else 2 if m.text_scale < 1.5 else 1
        return 2 if m.text_scale < 1.5 else 1

    def _fit_qr(self) -> None:
        """Size the code to the room the page has: the whole height beside its text in
        landscape, the whole width above it in portrait, whole pixels per module."""
        if self.qr is None:
            return
        room = self.scroll_area.viewport().size()
        if self.metrics.portrait:
            side = min(room.width(), room.height() * 2 // 3)
        else:
            side = min(room.height(), room.width() * 3 // 5)
        self.qr.fit(side)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The room for the code is only known once the scroll area has its final size.
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_qr()
        return False

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAccessibleName(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        mark_help(label)
        return label

    def first_control(self) -> QWidget:
        if self.controls:
            return self.controls[0]
        return self.read if self.read.isVisible() else self.back

    def _read_aloud(self) -> None:
        if self.page is not None and self.page.read_aloud:
            self.speakRequested.emit(self.page.read_aloud)
