"""Audio mode: the kiosk speaks for itself, so a visitor who cannot see the screen can use it
alone (EN 301 549 5.1.3; Trace Center's EZ Access is the model).

- Turned on by any key on an attached keyboard or keypad, or by the Listen button in the
  top-left corner; turned off by the Listen button or by the idle reset.
- Touch to hear: the first tap on a control speaks it; a second tap on the same control
  presses it. Nothing needs two fingers or two simultaneous actions.
- Keys: Up/Down or Tab/Shift+Tab move and speak; Enter/Space press; Left/Right turn cards;
  Backspace/Escape go back; H or F1 help; + and - volume; R repeat; P pause and resume.
  A USB numeric keypad works too (see KEYPAD_HELP and docs/ACCESSIBILITY.md).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from .reading import ReadingController
from .speech.narration import Utterance
from .speech.service import VOLUME_STEPS_DB, SpeechService, State
from .ui.card_view import CardView
from .ui.main_window import KioskWindow
from .ui.widgets import MODIFIER_KEYS

log = logging.getLogger("kiosk.audio")

HOW_TO = (
    "Audio mode is on. Everything on the screen will be read to you. "
    "Use the up and down arrow keys, or on a number pad 8 and 2, to move between items; "
    "Enter to choose. Left and right arrows, or 4 and 6, go to the previous or next card. "
    "Backspace goes back. Press H at any time for help, plus and minus for the volume, "
    "R to repeat and P to pause. G, or 9, gets help: who to talk to and how. "
    "W, or 7, says the words explained on a card. "
    "On the touch screen, touch once to hear a button and touch it again to press it. "
    "To leave audio mode, press the Listen button in the "
    "top left corner."
)

KEYPAD_HELP = {
    "8 or Up": "previous item",
    "2 or Down": "next item",
    "4 or Left": "previous card",
    "6 or Right": "next card",
    "5 or Enter": "press the item",
    "+ and -": "volume up and down",
    "0": "repeat",
    ". (Del)": "pause and resume",
    "* or H": "help",
    "/ or Backspace": "back",
    "9 or G": "get help: who to talk to",
    "7 or W": "words explained on this card",
}

# Keys that, with the keypad's Num Lock off, arrive as navigation keys.
_UP = {Qt.Key.Key_Up, Qt.Key.Key_8}
_DOWN = {Qt.Key.Key_Down, Qt.Key.Key_2}
_ACTIVATE = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_5, Qt.Key.Key_Clear}
_HELP = {Qt.Key.Key_H, Qt.Key.Key_F1, Qt.Key.Key_Asterisk}
_LOUDER = {Qt.Key.Key_Plus, Qt.Key.Key_Equal}
_QUIETER = {Qt.Key.Key_Minus, Qt.Key.Key_Underscore}
_REPEAT = {Qt.Key.Key_R, Qt.Key.Key_0, Qt.Key.Key_Insert}
_PAUSE = {Qt.Key.Key_P, Qt.Key.Key_Period, Qt.Key.Key_Delete}
_BACK = {Qt.Key.Key_Backspace, Qt.Key.Key_Escape, Qt.Key.Key_Slash}
_NEXT_CARD = {Qt.Key.Key_Right, Qt.Key.Key_6}
_PREVIOUS_CARD = {Qt.Key.Key_Left, Qt.Key.Key_4}
_GET_HELP = {Qt.Key.Key_G, Qt.Key.Key_9}
_WORDS = {Qt.Key.Key_W, Qt.Key.Key_7}


def describe(widget: QWidget) -> str:
    """What a screen reader would say for a widget: name, role, state, then its description."""
    name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    if isinstance(widget, CardView):
        return f"{name}. Card text. Press Enter to hear it."
    role = "button"
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        role = f"switch, {'on' if widget.isChecked() else 'off'}"
    state = "" if widget.isEnabled() else ", unavailable"
    description = widget.accessibleDescription()
    return f"{name}, {role}{state}." + (f" {description}" if description else "")


class AudioMode(QObject):
    """Signals: toggled(bool)."""

    toggled = Signal(bool)

    def __init__(
        self,
        window: KioskWindow,
        speech: SpeechService,
        reading: ReadingController,
        parent: QObject | None = None,
        double_tap_ms: int = 8000,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.speech = speech
        self.reading = reading
        self.active = False
        self.double_tap_ms = double_tap_ms
        self._armed: QWidget | None = None  # the control a first tap has spoken
        self._swallow_release: QWidget | None = None
        self._quiet_focus = False  # navigation moves focus itself; it is announced otherwise
        self._last_text = ""
        self._disarm = QTimer(self)
        self._disarm.setSingleShot(True)
        self._disarm.timeout.connect(self._forget_armed)
        window.listen.toggled.connect(self._listen_toggled)
        reading.readingStarted.connect(self._forget_last_text)
        window.cards.cardShown.connect(self._card_shown)
        window.lookChanged.connect(self._look_changed)
        window.screenChanged.connect(self._screen_changed)

    # --- switching ------------------------------------------------------------------------
    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)
        app.focusChanged.connect(self._focus_changed)

    def remove(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        app.focusChanged.disconnect(self._focus_changed)

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        self._forget_armed()
        self.window.listen.blockSignals(True)
        self.window.listen.setChecked(on)
        self.window.listen.blockSignals(False)
        self.window.listen.setText("Audio on" if on else "Listen")
        self.window.listen.setAccessibleName(
            "Audio mode on. Press to turn it off" if on else "Listen"
        )
        log.info("audio mode %s", "on" if on else "off")
        if on:
            self.window.leave_attract()
            self.say(HOW_TO)
        else:
            self.reading.stop()
        self.toggled.emit(on)

    @Slot(bool)
    def _listen_toggled(self, checked: bool) -> None:
        self.set_active(checked)

    # --- speaking -------------------------------------------------------------------------
    def say(self, text: str) -> None:
        """Speak UI text at once, replacing anything being said."""
        self._last_text = text
        self.reading.stop()
        self.speech.speak([Utterance(text, -1, 0, 0)])

    def help_text(self) -> str:
        screen = self.window.current_screen()
        if screen == "card":
            cards = self.window.cards
            total = len(cards.leaflet.cards)
            card = cards.leaflet.cards[cards.index]
            return (
                f"You are on card {cards.index + 1} of {total}: {card.title}. "
                "Press Enter on the card text, or on Read aloud, to hear it. Right arrow or 6 "
                "for the next card, left arrow or 4 for the previous one, Backspace for the "
                "list of topics. Up and down arrows move between the buttons. "
                "G for help: who to talk to. W for the words explained on this card. "
                "Plus and minus change the volume."
            )
        if screen == "help" and self.window.kiosk_help is not None:
            return self.window.kiosk_help.help_text()
        tiles = len(self.window.home.tiles)
        return (
            f"This is the start screen for the leaflet: {self.window.leaflet.title}. "
            f"There is a Start reading button and {tiles} topic buttons. Use the up and down "
            "arrow keys to move between them and Enter to choose. "
            "G for help: who to talk to. Plus and minus change the volume."
        )

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.active and new is not None and not self._quiet_focus:
            self.say(describe(new))

    @Slot(object)
    def _look_changed(self, _look: object) -> None:
        # Settings changes are spoken: the control's name carries its new state.
        focus = QApplication.focusWidget()
        if self.active and focus is not None:
            self.say(describe(focus))

    @Slot(int)
    def _card_shown(self, index: int) -> None:
        if not self.active:
            return
        self._quiet_focus = True
        # After the screen has settled (focus moved, view shown), read the new card.
        QTimer.singleShot(0, self._read_card)

    @Slot(str)
    def _screen_changed(self, screen: str) -> None:
        if self.active and screen == "home":
            self._quiet_focus = True
            QTimer.singleShot(0, self._announce_home)

    @Slot()
    def _read_card(self) -> None:
        self._quiet_focus = False
        if self.active and self.window.current_screen() == "card":
            self.read_card()

    @Slot()
    def _announce_home(self) -> None:
        self._quiet_focus = False
        if self.active:
            self.say(
                f"Start screen. {self.window.leaflet.title}. "
                + describe(self.window.focusWidget() or self.window.home.start)
            )

    def change_volume(self, louder: bool) -> None:
        steps = len(VOLUME_STEPS_DB)
        current = VOLUME_STEPS_DB.index(self.speech.volume_db())
        step = max(0, min(steps - 1, current + (-1 if louder else 1)))
        self.speech.set_volume_step(step)
        self.say(f"Volume {steps - step} of {steps}.")

    def read_card(self) -> None:
        self.reading.read_current_card()

    def repeat(self) -> None:
        """Repeat the sentence being read, or the last thing the kiosk said."""
        if self._last_text:
            self.say(self._last_text)
        elif self.speech.state() in (State.Speaking, State.Paused):
            self.speech.repeat_sentence()
        elif self.window.current_screen() == "card":
            self.read_card()

    def toggle_pause(self) -> None:
        if self.speech.state() == State.Paused:
            self.speech.resume()
        elif self.speech.state() == State.Speaking:
            self.speech.pause()

    # --- input --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if not self.active or not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.MouseButtonPress:
            return self._press(watched)
        if kind == QEvent.Type.MouseButtonRelease and watched is self._swallow_release:
            self._swallow_release = None
            return True
        return False

    def _press(self, widget: QWidget) -> bool:
        target: QWidget | None = widget
        while target is not None and not isinstance(target, QAbstractButton | CardView):
            target = target.parentWidget()
        if target is None or target.window() is not self.window:
            return False
        if target is self.window.listen:
            return False  # leaving audio mode is always one touch
        if isinstance(target, CardView):
            self.read_card()
            return False
        if target is self._armed:
            self._forget_armed()
            return False  # the second tap presses it
        self._armed = target
        self._disarm.start(self.double_tap_ms)
        self._swallow_release = widget
        self._quiet_focus = True
        target.setFocus(Qt.FocusReason.MouseFocusReason)
        self._quiet_focus = False
        self.say(describe(target) + " Touch again to press it.")
        return True

    @Slot()
    def _forget_last_text(self) -> None:
        self._last_text = ""

    @Slot()
    def _forget_armed(self) -> None:
        self._armed = None

    def _key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key in MODIFIER_KEYS or self.window.current_screen() in ("pin", "admin"):
            return False  # staff type PINs and use the admin screen without audio mode
        if not self.active:
            # Any key is how a visitor without sight finds audio mode.
            if self.window.isActiveWindow() or QApplication.activeWindow() is None:
                self.set_active(True)
                return True
            return False
        focus = QApplication.focusWidget()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in _UP or (key == Qt.Key.Key_Backtab) or (key == Qt.Key.Key_Tab and shift):
            self._move_focus(forward=False)
        elif key in _DOWN or key == Qt.Key.Key_Tab:
            self._move_focus(forward=True)
        elif key in _ACTIVATE:
            if isinstance(focus, CardView):
                self.read_card()
            elif isinstance(focus, QAbstractButton) and focus.isEnabled():
                focus.click()
            else:
                return False
        elif key in _HELP:
            self.say(self.help_text())
        elif key in _LOUDER:
            self.change_volume(louder=True)
        elif key in _QUIETER:
            self.change_volume(louder=False)
        elif key in _REPEAT:
            self.repeat()
        elif key in _PAUSE:
            self.toggle_pause()
        elif key in _BACK:
            if self.window.display_panel_open():
                self.window.display_panel.close_panel()
            elif self.window.current_screen() == "card":
                self.window.show_home()
            elif self.window.current_screen() == "help" and self.window.kiosk_help is not None:
                self.window.kiosk_help.back()
        elif key in _GET_HELP and self.window.kiosk_help is not None:
            self.window.kiosk_help.get_help_key()
        elif key in _WORDS and self.window.kiosk_help is not None:
            self.say(self.window.kiosk_help.speak_card_words())
        elif key in _NEXT_CARD:
            if self.window.current_screen() == "card":
                self.window.cards.go_next()
        elif key in _PREVIOUS_CARD:
            if self.window.current_screen() == "card":
                self.window.cards.go_back()
        else:
            self.say(f"That key does nothing here. {self.help_text()}")
        return True

    def _move_focus(self, forward: bool) -> None:
        current = QApplication.focusWidget() or self.window
        target = current.nextInFocusChain() if forward else current.previousInFocusChain()
        seen = 0
        while target is not None and seen < 500:
            seen += 1
            if (
                target.isVisible()
                and target.isEnabled()
                and target.focusPolicy() & Qt.FocusPolicy.TabFocus
                and target.window() is self.window
            ):
                target.setFocus(
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                return
            target = target.nextInFocusChain() if forward else target.previousInFocusChain()
