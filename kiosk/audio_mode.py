"""Audio mode: the kiosk speaks for itself, so a visitor who cannot see the screen can use it
alone (EN 301 549 5.1.3; Trace Center's EZ Access is the model).

- Turned on by any key on an attached keyboard or keypad, or by the Listen button in the
  top-left corner; turned off by the Listen button or by the idle reset. A visitor who turned
  it off is not turned back on by the next key, and with a screen reader running (Qt says so:
  `QAccessible.isActive()`) keys never turn it on: the screen reader is their voice.
- Touch to hear: the first tap on a control speaks it; a second tap on the same control
  presses it, within a few seconds of the end of what was said. Nothing needs two fingers or
  two simultaneous actions.
- With a screen reader running, the kiosk's own voice never says focus changes or control
  names (the screen reader does); reading a card aloud on request still works.
- The PIN pad and the admin screen are for staff: audio mode falls silent there, apart from
  their own messages, so no PIN digit is ever spoken.
- Keys: Up/Down or Tab/Shift+Tab move and speak; Enter/Space press; Left/Right turn cards;
  Backspace/Escape go back; H or F1 help; + and - volume; R repeat; P pause and resume.
  A USB numeric keypad works too (see KEYPAD_HELP and docs/ACCESSIBILITY.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAccessible, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from .announcer import Announcer, Priority
from .i18n import QT_TR_NOOP, tr
from .input_gateway import InputGateway, Stage
from .reading import ReadingController
from .speech.service import SpeechService, State
from .ui.card_view import CardView
from .ui.main_window import KioskWindow
from .ui.widgets import MODIFIER_KEYS

log = logging.getLogger("kiosk.audio")

HOW_TO = (
    "Audio mode is on. Up and down arrows, or 8 and 2, move between items; Enter chooses. "
    "Left and right arrows, or 4 and 6, turn the cards. Backspace goes back. "
    "End, or 1, goes to the last topic, Contacts. "
    "H for help, plus and minus for volume, R to repeat, P to pause. "
    "G, or 9, for who to talk to; W, or 3, for the words explained on a card. "
    "On the screen, touch once to hear a button, and again to press it. "
    "The Listen button, top left, turns audio mode off."
)
OFF = QT_TR_NOOP("Audio mode off.")
STAFF_SCREENS = ("pin", "admin")

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
    "1 or End": "last topic (Contacts)",
    "9 or G": "get help: who to talk to",
    "3 or W": "words explained on this card",
}

# What each key does in audio mode. Data, so a new key is one line here and one method
# (`_on_<action>`). Keypad digits arrive like this with Num Lock on; with it off they arrive
# as the navigation keys listed beside them.
KEYMAP: dict[str, frozenset[Qt.Key]] = {
    "previous": frozenset({Qt.Key.Key_Up, Qt.Key.Key_8, Qt.Key.Key_Backtab}),
    "next": frozenset({Qt.Key.Key_Down, Qt.Key.Key_2, Qt.Key.Key_Tab}),
    "activate": frozenset(
        {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_5, Qt.Key.Key_Clear}
    ),
    "help": frozenset({Qt.Key.Key_H, Qt.Key.Key_F1, Qt.Key.Key_Asterisk}),
    "louder": frozenset({Qt.Key.Key_Plus, Qt.Key.Key_Equal}),
    "quieter": frozenset({Qt.Key.Key_Minus, Qt.Key.Key_Underscore}),
    "repeat": frozenset({Qt.Key.Key_R, Qt.Key.Key_0, Qt.Key.Key_Insert}),
    "pause": frozenset({Qt.Key.Key_P, Qt.Key.Key_Period, Qt.Key.Key_Delete}),
    "back": frozenset({Qt.Key.Key_Backspace, Qt.Key.Key_Escape, Qt.Key.Key_Slash}),
    "next_card": frozenset({Qt.Key.Key_Right, Qt.Key.Key_6}),
    # Home (the window's own shortcut) goes back to the start of the list; End to its end,
    # where Contacts is: a list of eleven topics is walked from both ends.
    "last": frozenset({Qt.Key.Key_End, Qt.Key.Key_1}),
    "previous_card": frozenset({Qt.Key.Key_Left, Qt.Key.Key_4}),
    "get_help": frozenset({Qt.Key.Key_G, Qt.Key.Key_9}),
    "words": frozenset({Qt.Key.Key_W, Qt.Key.Key_3}),
}


def action_for(key: Qt.Key, shift: bool = False) -> str | None:
    if key == Qt.Key.Key_Tab and shift:
        return "previous"
    return next((name for name, keys in KEYMAP.items() if key in keys), None)


def first_sentence(text: str) -> str:
    """One hint is enough to hear: the first sentence of a longer description."""
    text = text.strip()
    for end in (". ", "? ", "! ", ": "):
        cut = text.find(end)
        if cut > 0:
            text = text[: cut + 1]
    return text if not text or text[-1] in ".?!" else f"{text.rstrip(':')}."


def describe(widget: QWidget, hint: bool = True) -> str:
    """Short, as a screen reader says it: name, role and state, then one hint."""
    name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
    if isinstance(widget, CardView):
        return f"{name}. Card text." + (" Press Enter to hear it." if hint else "")
    role = "button"
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        role = f"switch, {'on' if widget.isChecked() else 'off'}"
    state = "" if widget.isEnabled() else ", unavailable"
    said = f"{name}, {role}{state}."
    description = first_sentence(widget.accessibleDescription()) if hint else ""
    return f"{said} {description}" if description else said


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
        screen_reader: Callable[[], bool] = QAccessible.isActive,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.speech = speech
        self.reading = reading
        self.announcer = Announcer(speech, before_speaking=reading.yield_voice, parent=self)
        self.screen_reader = screen_reader
        self.active = False
        self.turned_off = False  # by the visitor, this visit: keys leave it off
        self.double_tap_ms = double_tap_ms
        self._armed: QWidget | None = None  # the control a first tap has spoken
        self._armed_id = 0  # ...and the announcement that spoke it
        self._swallow_release: QWidget | None = None
        self._quiet_focus = False  # navigation moves focus itself; it is announced otherwise
        self._starting = False  # audio mode is starting: the screen is announced once, then how-to
        self._last_text = ""
        self._disarm = QTimer(self)
        self._disarm.setSingleShot(True)
        self._disarm.timeout.connect(self._forget_armed)
        self.announcer.ended.connect(self._announcement_ended)
        window.listen.toggled.connect(self._listen_toggled)
        reading.readingStarted.connect(self._forget_last_text)
        reading.readingStarted.connect(self.announcer.give_way)
        reading.bar.volumeStepRequested.connect(self._bar_volume)
        window.cards.cardShown.connect(self._card_shown)
        window.lookChanged.connect(self._look_changed)
        window.screenChanged.connect(self._screen_changed)

    # --- switching ------------------------------------------------------------------------
    def install(self, gateway: InputGateway, app: QApplication) -> None:
        gateway.add(Stage.AUDIO_MODE, self.handle_event)
        gateway.acted.connect(self.announcer.visitor_acted)
        app.focusChanged.connect(self._focus_changed)

    def remove(self, gateway: InputGateway, app: QApplication) -> None:
        gateway.discard(Stage.AUDIO_MODE)
        gateway.acted.disconnect(self.announcer.visitor_acted)
        app.focusChanged.disconnect(self._focus_changed)

    def set_active(self, on: bool) -> None:
        if on == self.active:
            return
        self.active = on
        self._forget_armed()
        self.window.listen.blockSignals(True)
        self.window.listen.setChecked(on)
        self.window.listen.blockSignals(False)
        self.window.listen.setText(tr("Audio on") if on else tr("Listen"))
        # The name stays the visible word; the switch state says on or off.
        self.window.listen.setAccessibleDescription(
            tr("Turns audio mode off.")
            if on
            else tr("Turns on audio mode: everything on the screen is spoken.")
        )
        # Not logged: the time a blind visitor came or left is theirs (only counted, in stats).
        if on:
            self.turned_off = False
            self._starting = True
            self._quiet_focus = True
            self.window.leave_attract()
            # After the screen has settled: its name first, then how to use audio mode.
            QTimer.singleShot(0, self._announce_start)
        else:
            self.reading.stop()
            self._starting = False
        self.toggled.emit(on)

    def new_visit(self) -> None:
        """The idle reset: audio mode off, and the next key may turn it on again."""
        self.set_active(False)
        self.turned_off = False

    @Slot(bool)
    def _listen_toggled(self, checked: bool) -> None:
        self.set_active(checked)
        if not checked:
            self.turned_off = True
            # Said before the silence, so the visitor knows the key did what they meant.
            self.announcer.say(tr(OFF), Priority.NOTICE)

    # --- speaking -------------------------------------------------------------------------
    def say(self, text: str, priority: Priority = Priority.ANSWER) -> int:
        """Speak UI text (by priority: see Announcer); returns the announcement's id."""
        self._last_text = text
        return self.announcer.say(text, priority)

    def speaks_controls(self) -> bool:
        """Whether the kiosk's own voice names controls and focus: not for staff screens,
        and not when a screen reader does it already."""
        return (
            self.active
            and not self.screen_reader()
            and self.window.current_screen() not in STAFF_SCREENS
        )

    @Slot()
    def _announce_start(self) -> None:
        where = self.where_text()
        self._starting = False
        self._quiet_focus = False
        if not self.active:
            return
        self.say(where, Priority.FOCUS)
        self.announcer.queue(HOW_TO, Priority.NOTICE)

    def where_text(self) -> str:
        screen = self.window.current_screen()
        if screen == "card":
            cards = self.window.cards
            total = len(cards.leaflet.cards)
            return f"Card {cards.index + 1} of {total}: {cards.leaflet.cards[cards.index].title}."
        focus = self.window.focusWidget()
        # The leaflet's title once, when audio mode starts; back on the start screen after a
        # card, "Start screen" and where the focus is are enough.
        said = f"Start screen. {self.window.leaflet.title}." if self._starting else "Start screen."
        if self._starting and self.window.kiosk_help is not None:
            said += " " + self.window.kiosk_help.home_summary()
        if focus is not None and self.speaks_controls():
            said += " " + describe(focus, hint=False)
        return said

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
                "G for who to talk to, W for the words explained on this card. "
                "Plus and minus change the volume."
            )
        if screen == "help" and self.window.kiosk_help is not None:
            return self.window.kiosk_help.help_text()
        tiles = len(self.window.home.tiles)
        return (
            f"This is the start screen for the leaflet: {self.window.leaflet.title}. "
            f"There is a Start reading button and {tiles} topic buttons. Use the up and down "
            "arrow keys to move between them and Enter to choose. "
            "G for who to talk to. Plus and minus change the volume."
        ) + (" " + self.window.kiosk_help.home_summary() if self.window.kiosk_help else "")

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and not self._quiet_focus and self.speaks_controls():
            self.say(describe(new), Priority.FOCUS)

    @Slot(object)
    def _look_changed(self, _look: object) -> None:
        # Settings changes are spoken: the control's name carries its new state.
        focus = QApplication.focusWidget()
        if focus is not None and self.speaks_controls():
            self.say(describe(focus, hint=False))

    @Slot(int)
    def _card_shown(self, index: int) -> None:
        if not self.active:
            return
        self._quiet_focus = True
        # After the screen has settled (focus moved, view shown), read the new card.
        QTimer.singleShot(0, self._read_card)

    @Slot(str)
    def _screen_changed(self, screen: str) -> None:
        if screen in STAFF_SCREENS:
            # Staff screens: silence now; a PIN digit must never be spoken.
            self._forget_armed()
            self.announcer.stop()
            self.reading.stop()
            return
        if self.active and screen == "home" and not self._starting:
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
            self.say(self.where_text(), Priority.FOCUS)

    def change_volume(self, louder: bool) -> None:
        self.reading.step_volume(louder)
        self._say_volume()

    @Slot(bool)
    def _bar_volume(self, _louder: bool) -> None:
        if self.active:
            self._say_volume()  # the bar changed it (connected before us); say where it is

    def _say_volume(self) -> None:
        if self.speech.state() in (State.Speaking, State.Paused) and not self.announcer.speaking():
            return  # a card is being read: the visitor hears the change; do not cut it off
        level, levels = self.reading.volume_level()
        self.say(tr("Volume {level} of {levels}.").format(level=level, levels=levels))

    def read_card(self) -> None:
        self.reading.read_current_card()

    def repeat(self) -> None:
        """Repeat the sentence being read, or the last thing the kiosk said."""
        if self._last_text:
            self.say(self._last_text, Priority.NOTICE)
        elif self.speech.state() in (State.Speaking, State.Paused):
            self.speech.repeat_sentence()
        elif self.window.current_screen() == "card":
            self.read_card()

    def toggle_pause(self) -> None:
        if self.speech.state() == State.Paused:
            self.speech.resume()
        elif self.speech.state() == State.Speaking:
            self.speech.pause()

    # --- input (a stage of the input gateway) ---------------------------------------------
    def handle_event(self, watched: QObject, event: QEvent) -> bool:
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
        if not self.speaks_controls():
            return False  # staff screens, or a screen reader names the controls itself
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
        self._swallow_release = widget
        self._quiet_focus = True
        target.setFocus(Qt.FocusReason.MouseFocusReason)
        self._quiet_focus = False
        # The window for the second touch opens when the name has been heard (or cut off),
        # so a long name can still be pressed by a visitor who listens to the end.
        self._disarm.stop()
        self._armed = target
        self._armed_id = -1
        self._armed_id = self.say(
            describe(target, hint=False) + " " + tr("Touch again to press it.")
        )
        return True

    @Slot(int)
    def _announcement_ended(self, ident: int) -> None:
        if self._armed is not None and ident == self._armed_id:
            self._disarm.start(self.double_tap_ms)

    @Slot()
    def _forget_last_text(self) -> None:
        self._last_text = ""

    @Slot()
    def _forget_armed(self) -> None:
        self._armed = None
        self._armed_id = 0
        self._disarm.stop()

    def _key(self, event: QKeyEvent) -> bool:
        key = Qt.Key(event.key())
        if key in MODIFIER_KEYS or self.window.current_screen() in STAFF_SCREENS:
            return False  # staff type PINs and use the admin screen without audio mode
        if not self.active:
            # Any key is how a visitor without sight finds audio mode; not one who turned it
            # off, and not one whose screen reader already speaks.
            if self.turned_off or self.screen_reader():
                return False
            if self.window.isActiveWindow() or QApplication.activeWindow() is None:
                self.set_active(True)
                return True
            return False
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        action = action_for(key, shift)
        if action is None:
            self.say(tr("That key does nothing here. Press H for help."))
            return True
        handled: bool | None = getattr(self, f"_on_{action}")()
        return handled is not False

    # --- what the keys do (see KEYMAP); False means "not mine: let the widget have it" ---
    def _on_previous(self) -> None:
        self._move_focus(forward=False)

    def _on_next(self) -> None:
        self._move_focus(forward=True)

    def _on_activate(self) -> bool:
        focus = QApplication.focusWidget()
        if isinstance(focus, CardView):
            self.read_card()
        elif isinstance(focus, QAbstractButton) and focus.isEnabled():
            focus.click()
        else:
            return False
        return True

    def _on_help(self) -> None:
        self.say(self.help_text())

    def _on_louder(self) -> None:
        self.change_volume(louder=True)

    def _on_quieter(self) -> None:
        self.change_volume(louder=False)

    def _on_repeat(self) -> None:
        self.repeat()

    def _on_pause(self) -> None:
        self.toggle_pause()

    def _on_back(self) -> None:
        if self.window.display_panel_open():
            self.window.display_panel.close_panel()
        elif self.window.current_screen() == "card":
            self.window.show_home()
        elif self.window.current_screen() == "help" and self.window.kiosk_help is not None:
            self.window.kiosk_help.back()

    def _on_get_help(self) -> None:
        if self.window.kiosk_help is not None:
            self.window.kiosk_help.get_help_pressed()

    def _on_words(self) -> None:
        if self.window.kiosk_help is not None:
            self.say(self.window.kiosk_help.speak_card_words())

    def _on_next_card(self) -> None:
        if self.window.current_screen() == "card":
            self.window.cards.go_next()

    def _on_last(self) -> None:
        topics = len(self.window.leaflet.sections)  # the kiosk's own help tiles come after
        if self.window.current_screen() == "home" and 0 < topics <= len(self.window.home.tiles):
            self.window.home.tiles[topics - 1].setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.say(tr("End goes to the last topic on the start screen."))

    def _on_previous_card(self) -> None:
        if self.window.current_screen() == "card":
            self.window.cards.go_back()

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
