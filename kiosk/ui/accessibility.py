"""What screen readers are told about widgets whose Qt defaults say the wrong thing.

Qt picks an accessible role by class: the idle warning (a plain QWidget) came out as a
"filler", and each QStackedWidget as a "layered pane", which Orca reads aloud, nested twice
on card screens. A factory gives those widgets the roles a blind visitor needs to hear.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QStackedWidget, QWidget

_installed = False


class Alert(QWidget):
    """A widget screen readers announce as an alert (role AlertMessage)."""


def _factory(_key: str, obj: QObject) -> QAccessibleInterface | None:
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
