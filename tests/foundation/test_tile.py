"""A tile draws its own words (kiosk/ui/tile.py). They must look, wrap and size exactly as the
word-wrapped labels it held before did, in either reading direction, at any text size, in
any look and font: the reference here is that tile, labels and all, under the same style
sheet."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Property, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.style import stylesheet
from kiosk.ui.theme import HIGH_CONTRAST, STANDARD, Fonts, Metrics, Theme
from kiosk.ui.tile import TileButton

ENGLISH = (
    "What If I Do Not Agree With Decisions About SEN Provision?",
    "English · SENDIASS Rutland · Version 1.0, Aug 2020",
    "A leaflet about your choices when you disagree with the local authority.",
)
ARABIC = (
    "مساعدة في الاحتياجات التعليمية الخاصة",
    "العربية · SENDIASS · 1",
    "نشرة قصيرة للاختبار.",
)


def _label_rules(t: Theme, m: Metrics) -> str:
    """The style sheet's rules for the labels a tile held."""
    return f"""
QLabel#tileTitle {{ font-size: {m.button_text}px; font-weight: 700; color: {t.heading}; }}
QLabel#tileMeta {{ font-size: {m.small}px; color: {t.muted}; }}
QLabel#tileDescription {{ font-size: {m.small}px; color: {t.text}; }}
"""


def _kept(kind: type) -> Property:
    """A property the style sheet sets for every tile (qproperty-*), kept and unused here."""
    name = f"_kept_{id(kind)}_{len(_KEPT)}"
    _KEPT.append(name)
    return Property(
        kind, lambda self: getattr(self, name, kind()), lambda self, v: setattr(self, name, v)
    )


_KEPT: list[str] = []


class LabelTile(QPushButton):
    """A tile as it was: its title, description and detail in three word-wrapped labels."""

    titleColour = _kept(QColor)
    detailColour = _kept(QColor)
    descriptionColour = _kept(QColor)
    titleSize = _kept(int)
    detailSize = _kept(int)

    def __init__(self, title: str, meta: str, description: str, m: Metrics) -> None:
        super().__init__()
        self.setProperty("role", "tile")
        layout = QVBoxLayout(self)
        self._layout = layout
        parts = ((title, "tileTitle"), (description, "tileDescription"), (meta, "tileMeta"))
        for text, name in parts:
            label = QLabel(text, self)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
            label.setVisible(bool(text))
            layout.addWidget(label, 1 if name == "tileTitle" else 0)
        inset = m.px(20)
        layout.setContentsMargins(inset, inset, inset, inset)
        layout.setSpacing(m.px(8))


def _shot(tile: QWidget, width: int) -> tuple[int, QImage]:
    tile.ensurePolished()
    height = tile.heightForWidth(width)
    tile.resize(width, height)
    tile.show()
    QApplication.processEvents()
    return height, tile.grab().toImage()


# Anti-aliasing may round a glyph's edge one level apart (bold Arabic at 250% here): no eye
# sees that, and anything else drawn differently is far more than this.
SHADE = 2


def _unlike(drawn: QImage, wanted: QImage) -> list[tuple[int, int]]:
    """Pixels (x, y) whose colours differ by more than SHADE in any channel."""
    a, b = bytes(drawn.constBits()), bytes(wanted.constBits())
    if a == b:
        return []
    line = drawn.bytesPerLine()
    return sorted(
        {
            (i % line // 4, i // line)
            for i, (x, y) in enumerate(zip(a, b, strict=True))
            if abs(x - y) > SHADE
        }
    )


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    before = qapp.styleSheet()
    yield
    qapp.setStyleSheet(before)


@pytest.mark.parametrize("words", [ENGLISH, ARABIC], ids=["english", "arabic"])
@pytest.mark.parametrize(
    ("theme", "text_scale", "dyslexic"),
    [(STANDARD, 1.0, False), (HIGH_CONTRAST, 2.5, False), (STANDARD, 1.5, True)],
    ids=["standard-100", "high-contrast-250", "dyslexia-font-150"],
)
@pytest.mark.parametrize("width", [320, 900])
def test_a_tile_draws_its_words_as_its_labels_did(
    qtbot,  # type: ignore[no-untyped-def]
    styled: None,
    fonts: Fonts,
    words: tuple[str, str, str],
    theme: Theme,
    text_scale: float,
    dyslexic: bool,
    width: int,
) -> None:
    m = Metrics.for_size(1920, 1080, text_scale)
    family = fonts.dyslexic if dyslexic else fonts.reading
    QApplication.instance().setStyleSheet(stylesheet(theme, m, family) + _label_rules(theme, m))
    title, meta, description = words
    rtl = words is ARABIC
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    tile = TileButton(title, meta, "")
    tile.description.set_text(description)
    tile.set_words_alignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter)
    tile.apply_metrics(m)
    reference = LabelTile(title, meta, description, m)
    for widget in (tile, reference):
        widget.setLayoutDirection(direction)
        qtbot.addWidget(widget)
    height, drawn = _shot(tile, width)
    wanted_height, wanted = _shot(reference, width)
    assert height == wanted_height
    assert drawn.size() == wanted.size()
    assert _unlike(drawn, wanted) == [], "the tile's words are not drawn as its labels drew them"


def test_a_tile_grows_with_new_words_and_a_new_text_size(qtbot, styled: None, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    """The detail a home fills in after the tile is made (its card count), and a larger text
    size, each make the tile as tall as its words then need."""
    m = Metrics.for_size(1920, 1080)
    QApplication.instance().setStyleSheet(stylesheet(STANDARD, m, fonts.reading))
    tile = TileButton("Appeals", "", "")
    tile.apply_metrics(m)
    qtbot.addWidget(tile)
    tile.ensurePolished()
    bare = tile.heightForWidth(400)
    tile.meta.set_text("3  ·  12 cards")
    with_detail = tile.heightForWidth(400)
    assert with_detail > bare
    larger = Metrics.for_size(1920, 1080, 2.5)
    QApplication.instance().setStyleSheet(stylesheet(STANDARD, larger, fonts.reading))
    tile.ensurePolished()
    assert tile.title.font.pixelSize() == larger.button_text
    assert tile.meta.font.pixelSize() == larger.small
    assert tile.heightForWidth(400) > with_detail
