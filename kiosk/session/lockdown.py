"""Public-place lockdown: no context menus, no long-press menus, no way out by the keyboard.

The window itself refuses to close (see KioskWindow.closeEvent); this filter swallows the
events that could open menus or other programs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from ..input_gateway import InputGateway, Stage

# Key chords that ask a desktop app to quit, close or leave fullscreen.
BLOCKED_CHORDS = {
    (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_F4),
    (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_W),
    (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Q),
    (Qt.KeyboardModifier.NoModifier, Qt.Key.Key_F11),
}


class Lockdown(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked = 0  # how many escape attempts were swallowed (for tests and the log)

    def install(self, gateway: InputGateway) -> None:
        gateway.add(Stage.LOCKDOWN, self.handle_event)

    def remove(self, gateway: InputGateway) -> None:
        gateway.discard(Stage.LOCKDOWN)

    def handle_event(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            self.blocked += 1
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(
            event, QKeyEvent
        ):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if (modifiers, Qt.Key(event.key())) in BLOCKED_CHORDS:
                self.blocked += 1
                return True
        return False
