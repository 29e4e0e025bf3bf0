"""Home: the leaflet title, a clear "Start reading" entry and a grid of topic tiles."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from ..content.model import Leaflet
from .theme import Metrics
from .widgets import TileButton, big_button


class HomeScreen(QWidget):
    """Signals: startRequested(), sectionRequested(str section_id)."""

    startRequested = Signal()
    sectionRequested = Signal(str)

    def __init__(self, leaflet: Leaflet, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("homeScreen")
        self.leaflet = leaflet
        # At large text sizes the topics do not fit one screen: the page scrolls by finger.
        self.page_scroll = QScrollArea(self)
        self.page_scroll.setObjectName("homeScroll")
        self.page_scroll.setAccessibleName("Topics")
        self.page_scroll.setAccessibleDescription(
            "The leaflet's topics. Swipe up or down to scroll."
        )
        # The tiles take focus; the scroll area follows it rather than being a Tab stop.
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.page_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        page = QWidget()
        page.setObjectName("homePage")
        self.page_scroll.setWidget(page)
        QScroller.grabGesture(
            self.page_scroll.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.page_scroll)
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
        self.hint = QLabel("Choose a topic, or start at the beginning.")
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.start = big_button(
            "Start reading  ▶",
            "startReading",
            f"Read the leaflet from the first card, {len(leaflet.cards)} cards in all.",
            role="primary",
        )
        self.start.clicked.connect(self.startRequested)
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.top = top
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        heading.addWidget(self.hint)
        top.addLayout(heading, 1)
        top.addWidget(self.start)
        layout.addLayout(top)

        self.grid = QGridLayout()
        self.tiles: list[TileButton] = []
        for number, section in enumerate(leaflet.sections, 1):
            count = len(section.cards)
            meta = f"{number}  ·  {count} card{'s' if count != 1 else ''}"
            tile = TileButton(section.tile, meta, f"Opens {section.title}")
            tile.setObjectName(f"tile-{section.id}")
            # Heard, not seen: no "middle dot", and the section's own title is not said twice.
            cards = f"{count} card{'s' if count != 1 else ''}"
            heard = f"Topic {number} of {len(leaflet.sections)}, {cards}."
            tile.setAccessibleDescription(heard)
            tile.clicked.connect(lambda _=False, sid=section.id: self.sectionRequested.emit(sid))
            self.tiles.append(tile)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        self.apply_metrics(metrics)
        # Tab order follows reading order: start button, then the tiles row by row.
        previous: QWidget = self.start
        for tile in self.tiles:
            QWidget.setTabOrder(previous, tile)
            previous = tile

    def apply_metrics(self, metrics: Metrics) -> None:
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
        # Portrait: the title gets the full width and Start reading sits under it.
        self.top.setDirection(
            QBoxLayout.Direction.TopToBottom
            if metrics.portrait
            else QBoxLayout.Direction.LeftToRight
        )
