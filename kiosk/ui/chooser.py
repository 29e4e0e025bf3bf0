"""The "Choose a leaflet" screen, shown when the content folder holds several leaflets.

Each leaflet is one large tile: its title, its publisher and edition, its one-line
description and its language, each in the leaflet's own language and direction, so a
visitor who reads Welsh or Arabic finds theirs at a glance.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ..content.model import Leaflet, Library
from ..i18n import QT_TR_NOOP, tr
from .language import direction, native_name
from .theme import Metrics
from .tile import TileButton
from .widgets import page_scroll

TITLE = QT_TR_NOOP("Choose a leaflet")
# More than a screen holds at any size: two columns of six at 1920x1080.
FIRST_TILES = 12
HINT = QT_TR_NOOP("Touch a leaflet to read it. You can come back here with All leaflets.")


class LeafletTile(TileButton):
    """One leaflet: title, details, description and language; the whole tile one target."""

    def __init__(self, leaflet: Leaflet, parent: QWidget | None = None):
        details = " · ".join(x for x in (leaflet.publisher, leaflet.edition) if x)
        language = native_name(leaflet.language)
        meta = " · ".join(x for x in (language, details) if x)
        super().__init__(
            leaflet.title, meta, tr("Opens {title}").format(title=leaflet.title), parent
        )
        self.setObjectName(f"leaflet-{leaflet.id}")
        self.description.set_text(leaflet.description)
        self.language = language
        # The tile speaks its leaflet's language, so it reads in that language's direction.
        self.setLayoutDirection(direction(leaflet.language))
        self.set_words_alignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        said = ". ".join(x for x in (leaflet.description, meta) if x)
        self.setAccessibleDescription(said + ". " + tr("Opens this leaflet."))


class ChooserScreen(QWidget):
    """Signals: leafletChosen(int index into library.leaflets)."""

    leafletChosen = Signal(int)

    def __init__(self, library: Library, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chooserScreen")
        self.library = library
        scroll, page = page_scroll(self)
        scroll.setAccessibleName(tr("Leaflets"))
        self.scroll_area = scroll
        self.layout_ = QVBoxLayout(page)
        self.title = QLabel(tr(TITLE))
        self.title.setObjectName("screenTitle")
        self.title.setWordWrap(True)
        self.hint = QLabel(tr(HINT))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.hint)
        self.grid = QGridLayout()
        self.layout_.addLayout(self.grid)
        self.layout_.addStretch(1)
        self.tiles: list[LeafletTile] = []
        self.apply_metrics(metrics)
        # A screen's worth now; the rest a few at a time in idle turns (add_tiles): fifty
        # tiles made, styled and laid out at once held the kiosk for a fifth of a second.
        self.add_tiles(FIRST_TILES)

    def add_tiles(self, count: int) -> bool:
        """Make up to `count` more tiles; False once every leaflet has its tile."""
        start = len(self.tiles)
        leaflets = self.library.leaflets[start : start + count]
        for i, leaflet in enumerate(leaflets, start):
            tile = LeafletTile(leaflet)
            tile.clicked.connect(lambda _=False, n=i: self.leafletChosen.emit(n))
            self.tiles.append(tile)
            self._place(i, tile)
            if i:
                QWidget.setTabOrder(self.tiles[i - 1], tile)
        return bool(leaflets)

    def complete(self) -> bool:
        return len(self.tiles) == len(self.library.leaflets)

    def shown_indexes(self) -> list[int]:
        """The leaflets whose tiles are in view now (none before the chooser is laid out)."""
        view = self.scroll_area.viewport()
        return [
            i
            for i, tile in enumerate(self.tiles)
            if tile.isVisibleTo(self)
            and view.rect().intersects(QRect(tile.mapTo(view, QPoint(0, 0)), tile.size()))
        ]

    def apply_metrics(self, metrics: Metrics) -> None:
        # Wide margins: the tiles are read, not scanned, so lines stay a comfortable length.
        side = metrics.px(120) if not metrics.portrait else metrics.margin
        self.layout_.setContentsMargins(side, metrics.margin, side, metrics.margin)
        self.layout_.setSpacing(metrics.gap)
        self.grid.setSpacing(metrics.gap)
        self.metrics = metrics
        for i, tile in enumerate(self.tiles):
            self._place(i, tile)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < self._columns() else 0)

    def _columns(self) -> int:
        metrics = self.metrics
        return 2 if not metrics.portrait and metrics.text_scale < 1.5 else 1

    def _place(self, index: int, tile: LeafletTile) -> None:
        columns = self._columns()
        self.grid.addWidget(tile, index // columns, index % columns)
        tile.setMinimumHeight(self.metrics.target + self.metrics.px(60))
        tile.apply_metrics(self.metrics)
