"""ReadAloudBar: the big "Read aloud" button and, while reading, the controls for it.

A view only: it emits requests and shows the state it is given. The speech service decides.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.speech.service import RATE_STEPS, State

from ..i18n import QT_TR_NOOP, on_language_change, tr
from .widgets import big_button

MIN_TOUCH = 88  # px: the kiosk's smallest touch target
# Label, accessible name, description of the buttons whose words never change.
BUTTON_WORDS = {
    "stop": (
        QT_TR_NOOP("Stop"),
        QT_TR_NOOP("Stop reading"),
        QT_TR_NOOP("Stops reading this card."),
    ),
    "repeat": (
        QT_TR_NOOP("Repeat"),
        QT_TR_NOOP("Repeat sentence"),
        QT_TR_NOOP("Reads the current sentence again."),
    ),
    "slower": ("\u2212", QT_TR_NOOP("Slower"), QT_TR_NOOP("Makes the reading voice slower.")),
    "faster": ("+", QT_TR_NOOP("Faster"), QT_TR_NOOP("Makes the reading voice faster.")),
    "quieter": (
        QT_TR_NOOP("Vol \u2212"),
        QT_TR_NOOP("Quieter"),
        QT_TR_NOOP("Makes the voice quieter."),
    ),
    "louder": (QT_TR_NOOP("Vol +"), QT_TR_NOOP("Louder"), QT_TR_NOOP("Makes the voice louder.")),
}


class ReadAloudBar(QWidget):
    """Signals:
    readRequested(), pauseRequested(), resumeRequested(), stopRequested(),
    repeatRequested(), speedChanged(float), unavailableExplained(str),
    volumeStepRequested(bool louder)
    """

    readRequested = Signal()
    pauseRequested = Signal()
    resumeRequested = Signal()
    stopRequested = Signal()
    repeatRequested = Signal()
    speedChanged = Signal(float)
    unavailableExplained = Signal(str)
    volumeStepRequested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readAloudBar")
        self._state = State.Ready
        self._reason = ""
        self._speed_index = RATE_STEPS.index(1.0)

        self.read_button = self._button("readAloudButton")
        self.pause_button = self._button("readAloudPause")
        self.stop_button = self._button("readAloudStop")
        self.repeat_button = self._button("readAloudRepeat")
        self.slower_button = self._button("readAloudSlower")
        self.faster_button = self._button("readAloudFaster")
        # Volume by touch as well as by the + and - keys (EN 301 549 5.1.3.11-13). In a box of
        # its own, which the window puts beside Text and colours: the reading row is full.
        self.volume = QWidget()
        self.volume.setObjectName("readAloudVolume")
        volume_row = QHBoxLayout(self.volume)
        volume_row.setContentsMargins(0, 0, 0, 0)
        self.quieter_button = self._button("readAloudQuieter")
        self.louder_button = self._button("readAloudLouder")
        for button in (self.quieter_button, self.louder_button):
            button.setParent(self.volume)
            volume_row.addWidget(button)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("readAloudSpeed")
        self.speed_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.speed_label.setMinimumHeight(MIN_TOUCH)
        self.message = QLabel(self)
        self.message.setObjectName("readAloudMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        # Shown only while reading; the Read aloud button shows otherwise.
        self._reading_controls: tuple[QWidget, ...] = (
            self.pause_button,
            self.stop_button,
            self.repeat_button,
            self.slower_button,
            self.speed_label,
            self.faster_button,
            self.quieter_button,
            self.louder_button,
        )
        layout = QHBoxLayout(self)
        # The top bar owns the margins; the controls sit at the left of the space they get.
        layout.setContentsMargins(0, 0, 0, 0)
        in_volume = (self.quieter_button, self.louder_button)
        for widget in (self.read_button, *self._reading_controls, self.message):
            if widget not in in_volume:
                layout.addWidget(widget)
        layout.addStretch(1)

        self.read_button.clicked.connect(self._on_read)
        self.pause_button.clicked.connect(self._on_pause)
        self.stop_button.clicked.connect(self.stopRequested)
        self.repeat_button.clicked.connect(self.repeatRequested)
        self.slower_button.clicked.connect(self._on_slower)
        self.faster_button.clicked.connect(self._on_faster)
        self.quieter_button.clicked.connect(lambda: self.volumeStepRequested.emit(False))
        self.louder_button.clicked.connect(lambda: self.volumeStepRequested.emit(True))
        self._words()
        self.set_state(State.Ready)
        on_language_change(self, self._words)

    def _button(self, name: str) -> QPushButton:
        role = "primary" if name == "readAloudButton" else "secondary"
        button = big_button("", name, "", role=role, parent=self)
        button.setMinimumSize(MIN_TOUCH, MIN_TOUCH)
        button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        return button

    def _words(self) -> None:
        """Every label, name and description, in the kiosk's current language."""
        words = {
            self.stop_button: BUTTON_WORDS["stop"],
            self.repeat_button: BUTTON_WORDS["repeat"],
            self.slower_button: BUTTON_WORDS["slower"],
            self.faster_button: BUTTON_WORDS["faster"],
            self.quieter_button: BUTTON_WORDS["quieter"],
            self.louder_button: BUTTON_WORDS["louder"],
        }
        for button, (text, name, description) in words.items():
            button.setText(tr(text))
            button.setAccessibleName(tr(name))
            button.setAccessibleDescription(tr(description))
        self.pause_button.setAccessibleDescription(tr("Pauses reading; press again to carry on."))
        self.speed_label.setAccessibleName(tr("Reading speed"))
        self.speed_label.setAccessibleDescription(tr("The speed of the reading voice."))
        self.message.setAccessibleName(tr("Read aloud message"))
        self.message.setAccessibleDescription(tr("Explains why reading aloud is not available."))
        self._show_speed()
        self._show_pause()
        if self._reason:
            self._show_unavailable()
        else:
            self._show_read()

    def speed(self) -> float:
        return RATE_STEPS[self._speed_index]

    def set_speed(self, multiplier: float) -> None:
        """Show a speed chosen elsewhere (e.g. restored from settings); emits nothing."""
        self._speed_index = min(
            range(len(RATE_STEPS)), key=lambda i: abs(RATE_STEPS[i] - multiplier)
        )
        self._show_speed()

    def state(self) -> State:
        return self._state

    def set_state(self, state: State) -> None:
        self._state = state
        reading = state in (State.Speaking, State.Paused) and not self._reason
        self.read_button.setVisible(not reading)
        for widget in self._reading_controls:
            widget.setVisible(reading)
        self._show_pause()

    def _show_pause(self) -> None:
        paused = self._state == State.Paused
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        self.pause_button.setAccessibleName(tr("Resume reading") if paused else tr("Pause reading"))

    def set_unavailable(self, reason: str) -> None:
        """Keep the button but make it explain, so a press never silently does nothing."""
        self._reason = reason
        self._show_unavailable()
        self.set_state(State.Error)

    def _show_unavailable(self) -> None:
        self.read_button.setText(tr("Speech unavailable"))
        self.read_button.setAccessibleName(tr("Speech unavailable"))
        self.read_button.setAccessibleDescription(
            tr("Reading aloud is not working: {reason}").format(reason=self._reason)
        )

    def show_message(self, text: str) -> None:
        """A passing problem worth telling the visitor about; the next read hides it."""
        self.message.setText(text)
        self.message.show()

    def set_available(self) -> None:
        self._reason = ""
        self.message.hide()
        self._show_read()
        self.set_state(State.Ready)

    def _show_read(self) -> None:
        self.read_button.setText(tr("Read aloud"))
        self.read_button.setAccessibleName(tr("Read aloud"))
        self.read_button.setAccessibleDescription(tr("Reads this card out loud."))

    def _show_speed(self) -> None:
        self.speed_label.setText(tr("Speed {speed}x").format(speed=f"{self.speed():g}"))
        self.slower_button.setEnabled(self._speed_index > 0)
        self.faster_button.setEnabled(self._speed_index < len(RATE_STEPS) - 1)

    @Slot()
    def _on_read(self) -> None:
        if self._reason:
            text = tr("Sorry, reading aloud is not working on this kiosk. ({reason})").format(
                reason=self._reason
            )
            self.message.setText(text)
            self.message.show()
            self.unavailableExplained.emit(text)
            return
        self.message.hide()
        self.readRequested.emit()

    @Slot()
    def _on_pause(self) -> None:
        if self._state == State.Paused:
            self.resumeRequested.emit()
        else:
            self.pauseRequested.emit()

    @Slot()
    def _on_slower(self) -> None:
        self._step_speed(-1)

    @Slot()
    def _on_faster(self) -> None:
        self._step_speed(1)

    def _step_speed(self, delta: int) -> None:
        index = max(0, min(len(RATE_STEPS) - 1, self._speed_index + delta))
        if index != self._speed_index:
            self._speed_index = index
            self._show_speed()
            self.speedChanged.emit(self.speed())
