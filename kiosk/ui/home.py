"""Home: the leaflet title, a clear "Start reading" entry and a grid of topic tiles."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..content.model import Leaflet
from ..i18n import on_language_change, tr
from .language import is_right_to_left
from .mirror import mirrored
from .theme import Metrics
from .tile import TileButton
from .tree import layout_members
from .widgets import big_button, page_scroll

# What may change whether the title's row fits the page.
_REFIT = (QEvent.Type.LayoutRequest, QEvent.Type.Resize)


class HomeScreen(QWidget):
    """Signals: startRequested(), sectionRequested(str section_id)."""

    startRequested = Signal()
    sectionRequested = Signal(str)

    def __init__(self, leaflet: Leaflet, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homeScreen")
        self.leaflet = leaflet
        # At large text sizes the topics do not fit one screen: the page scrolls by finger.
        self.page_scroll, page = page_scroll(self)
        page.installEventFilter(self)  # to fit the title's row to the page (_fit_header)
        layout = QVBoxLayout(page)
        self.layout_ = layout
        self.title = QLabel(leaflet.title)
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        self.title.setAccessibleName(leaflet.title)
        details = " · ".join(x for x in (leaflet.publisher, leaflet.edition) if x)
        self.subtitle = QLabel(details)
        self.subtitle.setAccessibleName(
            ", ".join(x for x in (leaflet.publisher, leaflet.edition) if x)
        )
        self.subtitle.setObjectName("subtitle")
        self.subtitle.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.start = big_button("▶", "startReading", "", role="primary")
        self.start.clicked.connect(self.startRequested)
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top = top
        heading = QVBoxLayout()
        self.heading = heading
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        heading.addWidget(self.hint)
        top.addLayout(heading, 1)
        # Start reading sits with any other way in (the kiosk's help adds one) on a row, and
        # in landscape the help box goes under them, beside the title.
        self.start_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.start_row.addWidget(self.start)
        self.right_column = QVBoxLayout()
        self.right_column.addLayout(self.start_row)
        top.addLayout(self.right_column)
        layout.addLayout(top)

        self.grid = QGridLayout()
        self.tiles: list[TileButton] = []
        for section in leaflet.sections:
            tile = TileButton(section.tile, "", "")
            tile.setObjectName(f"tile-{section.id}")
            tile.clicked.connect(lambda _=False, sid=section.id: self.sectionRequested.emit(sid))
            self.tiles.append(tile)
        self.help_box: QWidget | None = None
        self.help_actions: list[QPushButton] = []
        self.help_tiles: list[TileButton] = []
        self._words()
        on_language_change(self, self._words)
        if is_right_to_left(leaflet.language):
            # Qt aligns a label by its own words: the kiosk's words, English where there is
            # no catalogue, would otherwise start at the left of a page read from the right.
            reading_side = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
            self.hint.setAlignment(reading_side | Qt.AlignmentFlag.AlignVCenter)
            for tile in self.tiles:
                tile.meta.set_alignment(reading_side | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.apply_metrics(metrics)
        # Tab order follows reading order: start button, then the tiles row by row.
        previous: QWidget = self.start
        for tile in self.tiles:
            QWidget.setTabOrder(previous, tile)
            previous = tile

    def _words(self) -> None:
        """The kiosk's words here, in its current language (again when it changes)."""
        leaflet = self.leaflet
        self.page_scroll.setAccessibleName(tr("Topics"))
        self.page_scroll.setAccessibleDescription(
            tr("The leaflet's topics. Swipe up or down to scroll.")
        )
        self.hint.setText(tr("Choose a topic, or start at the beginning."))
        self.start.setText(mirrored(tr("Start reading") + "  ▶", self.start.isRightToLeft()))
        self.start.setAccessibleName(tr("Start reading"))
        self.start.setAccessibleDescription(
            tr("Read the leaflet from the first card, {count} cards in all.").format(
                count=len(leaflet.cards)
            )
        )
        for number, (section, tile) in enumerate(
            zip(leaflet.sections, self.tiles[: len(leaflet.sections)], strict=True), 1
        ):
            count = len(section.cards)
            cards = tr("1 card") if count == 1 else tr("{count} cards").format(count=count)
            tile.meta.set_text(f"{number}  ·  {cards}")
            # Heard, not seen: no "middle dot", and the section's own title is not said twice.
            heard = tr("Topic {number} of {total}, {cards}.").format(
                number=number, total=len(leaflet.sections), cards=cards
            )
            tile.setAccessibleDescription(heard)

    def add_help(self, box: QWidget, actions: list[QPushButton], tiles: list[TileButton]) -> None:
        """The kiosk's help: `box` (who to talk to) above the tiles, `actions` before Start
        reading, `tiles` after the topics."""
        self.help_box = box
        self.help_actions = actions
        self.help_tiles = tiles
        for position, action in enumerate(actions):
            self.start_row.insertWidget(position, action)
        self.tiles.extend(tiles)
        self.apply_metrics(self.metrics)  # lays the new tiles out in the grid
        order: list[QWidget] = [*actions, self.start, *self.tiles]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _place_help(self, metrics: Metrics) -> None:
        """Landscape at ordinary sizes: the help box beside the title, under Start reading,
        so every topic still fits below. Otherwise a band above the tiles, or at large
        text the very first thing, where the title alone would fill the screen."""
        box = self.help_box
        if box is None:
            return
        self.layout_.removeWidget(box)
        self.right_column.removeWidget(box)
        self.heading.removeItem(self.start_row)
        self.right_column.removeItem(self.start_row)
        beside = not metrics.portrait and metrics.text_scale < 1.25
        if beside:
            # The buttons take the hint's place under the title: they say the same thing.
            self.heading.addLayout(self.start_row)
            self.right_column.addWidget(box)
        else:
            self.right_column.addLayout(self.start_row)
            self.layout_.insertWidget(0 if metrics.text_scale >= 1.5 else 1, box)
        self.hint.setVisible(not beside)
        # Beside the title the box needs half the width, so the number is on one line.
        self.top.setStretchFactor(self.right_column, 1 if beside else 0)

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self.layout_.setContentsMargins(
            metrics.margin, metrics.margin, metrics.margin, metrics.margin
        )
        self.layout_.setSpacing(metrics.gap)
        self.grid.setSpacing(metrics.gap)
        # Fewer, wider tiles as the text grows, so titles wrap less and never clip.
        scale = metrics.text_scale
        if metrics.portrait:
            columns = 2 if scale < 1.5 else 1
        else:
            columns = 4 if scale < 1.25 else 3 if scale < 1.5 else 2 if scale < 2 else 1
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
            tile.setMinimumHeight(metrics.target + metrics.px(40))
            tile.apply_metrics(metrics)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.start.setMinimumWidth(metrics.px(380))
        self._place_help(metrics)
        self._fit_header()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The page's width, or what its buttons need (new words, a new look), has changed.
        if watched is self.page_scroll.widget() and event.type() in _REFIT:
            self._fit_header()
        return False

    def _fit_header(self) -> None:
        """Start reading (and any other way in) beside the title in landscape, and the buttons
        side by side, each where it fits the page's width: at 250% on a 1366 px screen the
        help's question and Start reading did not fit beside the title, and the page grew
        wider than the screen, cut off at its right edge. Upright, the title takes the full
        width; at large text upright, the buttons go one above the other.

        Worked out from the parts' smallest widths, not by trying each way: a change of
        direction asks for another layout, which would come back here."""
        metrics = self.metrics
        stack_buttons = metrics.portrait and metrics.text_scale >= 1.5
        stack_top = metrics.portrait
        # Upright the title has the width to itself. Until the screen's layout gives the home
        # its size it has Qt's stand-in, 640x480: fitted to that, the buttons went one above
        # the other.
        if not metrics.portrait and self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            margins = self.layout_.contentsMargins()
            # The page's width once the scroll bar (style.py) takes its place, whether it
            # shows yet or not.
            room = self.width() - metrics.px(16) - margins.left() - margins.right()
            widths = [
                max(b.minimumSizeHint().width(), b.minimumWidth())
                for b in layout_members(self.start_row)
                if isinstance(b, QWidget) and not b.isHidden()
            ]
            in_a_row = sum(widths) + max(self.start_row.spacing(), 0) * (len(widths) - 1)
            stack_buttons = stack_buttons or in_a_row > room
            _direct(self.start_row, stack_buttons)
            # Neither column depends on the title row's direction: what each needs is its own.
            beside = (
                self.heading.minimumSize().width()
                + max(self.top.spacing(), 0)
                + self.right_column.minimumSize().width()
            )
            stack_top = stack_top or beside > room
        _direct(self.start_row, stack_buttons)
        _direct(self.top, stack_top)


def _direct(row: QBoxLayout, stacked: bool) -> None:
    row.setDirection(
        QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
    )
