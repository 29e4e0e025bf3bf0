"""The "Choose a leaflet" screen, shown when the content folder holds several leaflets.

Each leaflet is one large tile: its title, its publisher and edition, its one-line
description and its language, each in the leaflet's own language and direction, so a
visitor who reads Welsh or Arabic finds theirs at a glance.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..content.model import Leaflet, Library
from ..i18n import QT_TR_NOOP, tr
from .language import direction, native_name
from .theme import Metrics
from .touch import FlickScroll
from .widgets import TileButton

TITLE = QT_TR_NOOP("Choose a leaflet")
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
        self.description = QLabel(leaflet.description, self)
        self.description.setObjectName("tileDescription")
        self.description.setWordWrap(True)
        self.description.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.description.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.description.setVisible(bool(leaflet.description))
        self._layout.insertWidget(1, self.description)
        self.language = language
        # The tile speaks its leaflet's language, so it reads in that language's direction.
        self.setLayoutDirection(direction(leaflet.language))
        for label in (self.title_label, self.meta_label, self.description):
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
        said = ". ".join(x for x in (leaflet.description, meta) if x)
        self.setAccessibleDescription(said + ". " + tr("Opens this leaflet."))


class ChooserScreen(QWidget):
    """Signals: leafletChosen(int index into library.leaflets)."""

    leafletChosen = Signal(int)

    def __init__(self, library: Library, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chooserScreen")
        self.library = library
        scroll = QScrollArea(self)
        scroll.setObjectName("homeScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName(tr("Leaflets"))
        page = QWidget()
        page.setObjectName("homePage")
        scroll.setWidget(page)
        FlickScroll(scroll.viewport())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
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
        for i, leaflet in enumerate(library.leaflets):
            tile = LeafletTile(leaflet)
            tile.clicked.connect(lambda _=False, n=i: self.leafletChosen.emit(n))
            self.tiles.append(tile)
        self.apply_metrics(metrics)
        for first, second in zip(self.tiles, self.tiles[1:], strict=False):
            QWidget.setTabOrder(first, second)

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
        columns = 2 if not metrics.portrait and metrics.text_scale < 1.5 else 1
        for i, tile in enumerate(self.tiles):
            self.grid.addWidget(tile, i // columns, i % columns)
            tile.setMinimumHeight(metrics.target + metrics.px(60))
            tile.apply_metrics(metrics)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
