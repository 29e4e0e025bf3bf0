"""What screen readers are told about widgets whose Qt defaults say the wrong thing.

Qt picks an accessible role by class: the idle warning (a plain QWidget) came out as a
"filler", and each QStackedWidget as a "layered pane", which Orca reads aloud, nested twice
on card screens. A factory gives those widgets the roles a blind visitor needs to hear.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLabel, QStackedWidget, QWidget

_installed = False
DOT = "\u00b7"
# For staff (admin screen) and docs/ACCESSIBILITY.md: how the kiosk shares the voice.
SCREEN_READER_NOTE = (
    "With Orca (Linux) or NVDA (Windows) running, the kiosk's own voice does not name "
    "controls or focus, and keys do not start audio mode: the screen reader speaks. "
    "Read aloud and the Listen button still work."
)


class Alert(QWidget):
    """A widget screen readers announce as an alert (role AlertMessage)."""


class _Spoken(QAccessibleWidget):
    """A label whose visible separators ("Visits: 1  ·  Card views: 7") are read as commas,
    not as "middle dot"."""

    def text(self, kind: QAccessible.Text) -> str:
        widget = self.widget()
        if kind == QAccessible.Text.Name and isinstance(widget, QLabel):
            name = widget.accessibleName() or widget.text()
            return ", ".join(part.strip() for part in name.split(DOT))
        return super().text(kind)


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
    if isinstance(obj, QLabel):
        if obj.pixmap().isNull():
            # Any label's text may later hold a separator: the interface is made only once.
            return _Spoken(obj, QAccessible.Role.StaticText)
        return None
    if isinstance(obj, Alert):
        return QAccessibleWidget(obj, QAccessible.Role.AlertMessage)
    if isinstance(obj, QStackedWidget):
        # A plain grouping: screen readers pass over it silently, and its pages are listed.
        return QAccessibleWidget(obj, QAccessible.Role.Grouping)
    return None


def install_roles() -> None:
    """Once per process, before the first widget is asked about."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True
