"""Small building blocks shared by the screens: big accessible buttons and topic tiles."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


def big_button(
    text: str, name: str, description: str, role: str = "secondary", parent: QWidget | None = None
) -> QPushButton:
    """A large touch button that also answers Enter (plain QPushButtons only take Space)."""
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setProperty("role", role)
    button.setAccessibleName(text)
    button.setAccessibleDescription(description)
    button.setAutoDefault(True)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    return button


class TileButton(QPushButton):
    """A topic tile: a wrapped title and a line of detail, the whole tile one touch target."""

    def __init__(self, title: str, meta: str, description: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setAutoDefault(True)
        self.setAccessibleName(title)
        self.setAccessibleDescription(f"{meta}. {description}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = QVBoxLayout(self)
        self._layout = layout
        self.title_label = QLabel(title)
        self.title_label.setObjectName("tileTitle")
        self.meta_label = QLabel(meta)
        self.meta_label.setObjectName("tileMeta")
        for label in (self.title_label, self.meta_label):
            label.setWordWrap(True)
            # The tile, not its labels, takes touches and focus.
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.title_label, 1)
        layout.addWidget(self.meta_label)

    def sizeHint(self) -> QSize:
        hint = self._layout.sizeHint()
        return hint.expandedTo(super().sizeHint())
