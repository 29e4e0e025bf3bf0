"""Reading aloud on the card screen: turns bar requests into speech and speech progress into
highlighting. The bar and the card view only show; the speech service only speaks; this
decides what is read and when it must stop.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QAbstractButton

from .i18n import QT_TR_NOOP, tr
from .input_gateway import InputGateway, Stage
from .speech.narration import Script, narrate_card
from .speech.service import VOLUME_STEPS_DB, SpeechService, State
from .speech.voices import LeafletVoices
from .ui.card_screen import CardScreen
from .ui.read_aloud import ReadAloudBar

log = logging.getLogger("kiosk.reading")


# Failures in a row (no audio heard in between) before reading aloud is shown as unavailable:
# one glitch must not switch speech off for every visitor after.
FAILURES_BEFORE_UNAVAILABLE = 3
TRY_AGAIN = QT_TR_NOOP("Sorry, the sound did not play. Touch Read aloud to try again.")


class ReadingController(QObject):
    """Signals: readingStarted() each time a visitor asks for a card to be read."""

    readingStarted = Signal()

    def __init__(
        self,
        speech: SpeechService,
        bar: ReadAloudBar,
        cards: CardScreen,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.speech = speech
        self.bar = bar
        self.cards = cards
        self._script: Script = []
        self._sentence: tuple[int, int, int] | None = None  # unit, start, length
        self._failures = 0
        self._voices = LeafletVoices()
        bar.readRequested.connect(self.read_current_card)
        bar.pauseRequested.connect(speech.pause)
        bar.resumeRequested.connect(speech.resume)
        bar.stopRequested.connect(self.stop)
        bar.repeatRequested.connect(speech.repeat_sentence)
        bar.speedChanged.connect(self._set_speed)
        bar.volumeStepRequested.connect(self.step_volume)
        speech.stateChanged.connect(self._on_state)
        speech.utteranceStarted.connect(self._on_utterance)
        speech.wordStarted.connect(self._on_word)
        speech.finished.connect(self._clear)
        speech.errorOccurred.connect(self._on_error)
        speech.availableChanged.connect(self._on_available)
        cards.cardShown.connect(self.stop)
        bar.set_speed(speech.rate())
        self._on_available(speech.is_available())

    def install(self, gateway: InputGateway) -> None:
        """Stop reading when the visitor presses any control other than the reading ones."""
        gateway.add(Stage.READING, self.handle_event)

    def remove(self, gateway: InputGateway) -> None:
        gateway.discard(Stage.READING)

    def handle_event(self, watched: QObject, event: QEvent) -> bool:
        if not shiboken6.isValid(self.bar):
            return False  # the window (and its bar) is gone; never get in anyone's way
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and isinstance(watched, QAbstractButton)
            and not self.bar.isAncestorOf(watched)
            and not self.bar.volume.isAncestorOf(watched)
            and self.speech.state() in (State.Speaking, State.Paused)
        ):
            self.stop()
        return False

    @Slot()
    def read_current_card(self) -> None:
        index = self.cards.index
        cards = self.cards.leaflet.cards
        if index < 0:
            return
        following = cards[index + 1].title if index + 1 < len(cards) else None
        self._script = narrate_card(cards[index], following)
        self.speech.speak(self._script, self.leaflet_voice())
        self.readingStarted.emit()

    def leaflet_voice(self) -> str | None:
        """The voice for the open leaflet's language (see speech/voices.py)."""
        if not self.speech.is_available():
            return None
        leaflet = self.cards.leaflet
        voices = self.speech.available_voices()
        return self._voices.voice_for(leaflet.id, leaflet.language, voices, self.speech.voice())

    def yield_voice(self) -> None:
        """An announcement takes the voice: forget the card being read without stopping the
        speech in between (a stop would flash the bar's controls away under a finger)."""
        self._script = []
        self._clear()

    @Slot()
    def stop(self) -> None:
        if self.speech.state() in (State.Speaking, State.Paused):
            self.speech.stop()
        self._clear()

    def volume_level(self) -> tuple[int, int]:
        """(level, levels): level 1 is the quietest, `levels` the loudest."""
        steps = len(VOLUME_STEPS_DB)
        return steps - VOLUME_STEPS_DB.index(self.speech.volume_db()), steps

    @Slot(bool)
    def step_volume(self, louder: bool) -> tuple[int, int]:
        """One 6 dB step, the same for the bar's buttons and audio mode's + and - keys."""
        steps = len(VOLUME_STEPS_DB)
        current = VOLUME_STEPS_DB.index(self.speech.volume_db())
        self.speech.set_volume_step(max(0, min(steps - 1, current + (-1 if louder else 1))))
        # The buttons stay enabled at the ends: a disabled button would throw the focus of
        # a visitor who cannot see it; pressing again just says the level.
        return self.volume_level()

    @Slot(float)
    def _set_speed(self, multiplier: float) -> None:
        self.speech.set_rate(multiplier)

    @Slot(object)
    def _on_state(self, _state: State) -> None:
        # The state now: a slot that started new speech from "Ready" has already moved on.
        self.bar.set_state(self.speech.state())

    @Slot(int)
    def _on_utterance(self, index: int) -> None:
        view = self.cards.current_view
        if view is None or not 0 <= index < len(self._script):
            return
        utterance = self._script[index]
        if utterance.unit < 0:
            self._sentence = None
            view.clear_highlight()
            return
        self._sentence = (utterance.unit, utterance.start, utterance.end - utterance.start)
        view.highlight(*self._sentence)

    @Slot(int, int, int)
    def _on_word(self, unit: int, start: int, length: int) -> None:
        self._failures = 0  # words follow the audio: sound is really playing
        view = self.cards.current_view
        if view is None or self._sentence is None or self._sentence[0] != unit:
            return
        view.highlight(*self._sentence, word_start=start, word_length=length)

    @Slot()
    def _clear(self) -> None:
        self._sentence = None
        for view in self.cards.views.values():
            view.clear_highlight()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        # The speech service has logged the failure itself; once is enough.
        self._failures += 1
        self._clear()
        if self._failures >= FAILURES_BEFORE_UNAVAILABLE:
            log.warning(
                "reading aloud failed %d times in a row; shown as unavailable", self._failures
            )
            self.bar.set_unavailable(message)
        else:
            self.bar.set_state(State.Ready)
            self.bar.show_message(tr(TRY_AGAIN))

    def retry(self) -> None:
        """Give speech a fresh chance (for the next visitor), if the engine is there."""
        self._failures = 0
        if self.speech.is_available():
            self.bar.set_available()

    @Slot(bool)
    def _on_available(self, available: bool) -> None:
        if available:
            self.bar.set_available()
        else:
            reason = self.speech.unavailable_reason() or "the speech engine is not working"
            log.warning("speech unavailable: %s", reason)
            self.bar.set_unavailable(reason)
