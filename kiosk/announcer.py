"""Announcements: what the kiosk says about itself, one at a time, by priority.

"Last request wins" loses what a visitor must hear: the how-to spoken when audio mode starts
was replaced 26 ms later by the name of the screen it opened. Here a NOTICE (instructions,
the idle warning, the reset, "audio mode off") is never replaced by a FOCUS or ANSWER
announcement made by the kiosk itself; those wait behind it (only the newest waits). What
the visitor does next (a key, a touch) lifts that protection, so they are answered at once.

Reading a card aloud is not an announcement: when it starts, announcements give way.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from .speech.narration import Utterance
from .speech.service import SpeechService, State


class Priority(enum.IntEnum):
    FOCUS = 0  # where focus went; the newest one wins
    ANSWER = 1  # the answer to what the visitor just did (volume, help, a control's name)
    NOTICE = 2  # must be heard: instructions, idle warning, reset, audio off


@dataclass
class _Item:
    id: int
    text: str
    priority: Priority
    protected: bool


class Announcer(QObject):
    """Speaks announcements through `speech`, one at a time.

    `before_speaking` runs before each announcement takes the voice (e.g. stop reading).

    Signals:
        ended(int id): that announcement finished, was cut off or was dropped.
    """

    ended = Signal(int)

    def __init__(
        self,
        speech: SpeechService,
        before_speaking: Callable[[], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.speech = speech
        self._before = before_speaking
        self._current: _Item | None = None
        self._waiting: list[_Item] = []
        self._next_id = 0
        self._starting = False
        self.last_text = ""  # what last took the voice, for the repeat key
        speech.stateChanged.connect(self._on_state)

    # --- public ---------------------------------------------------------------------------
    def say(self, text: str, priority: Priority = Priority.ANSWER) -> int:
        """Speak now, unless a protected notice is playing: then right after it."""
        item = self._item(text, priority)
        current = self._current
        if current is not None and current.protected and priority < Priority.NOTICE:
            # Only the newest of the lesser announcements is still worth saying.
            for dropped in [w for w in self._waiting if w.priority < Priority.NOTICE]:
                self._waiting.remove(dropped)
                self.ended.emit(dropped.id)
            self._waiting.append(item)
            return item.id
        self._drop_waiting(keep_notices=priority < Priority.NOTICE)
        self._start(item)
        return item.id

    def queue(self, text: str, priority: Priority = Priority.NOTICE) -> int:
        """Speak after whatever is playing or waiting."""
        item = self._item(text, priority)
        if self._current is None:
            self._start(item)
        else:
            self._waiting.append(item)
        return item.id

    @Slot()
    def visitor_acted(self) -> None:
        """A key or touch: nothing the kiosk was saying is protected from the answer now."""
        if self._current is not None:
            self._current.protected = False
        self._drop_waiting(keep_notices=False)

    @Slot()
    def stop(self) -> None:
        """Silence announcements now (the voice is needed elsewhere or not at all)."""
        self._drop_waiting(keep_notices=False)
        current, self._current = self._current, None
        if current is not None:
            if self.speech.state() in (State.Speaking, State.Paused):
                self.speech.stop()
            self.ended.emit(current.id)

    @Slot()
    def give_way(self) -> None:
        """Reading aloud took the voice: forget what was being said and what waited."""
        self._drop_waiting(keep_notices=False)
        current, self._current = self._current, None
        if current is not None:
            self.ended.emit(current.id)

    def speaking(self) -> bool:
        return self._current is not None

    def current_text(self) -> str:
        return self._current.text if self._current is not None else ""

    # --- internals ------------------------------------------------------------------------
    def _item(self, text: str, priority: Priority) -> _Item:
        self._next_id += 1
        return _Item(self._next_id, text, priority, priority >= Priority.NOTICE)

    def _drop_waiting(self, keep_notices: bool) -> None:
        kept = [w for w in self._waiting if keep_notices and w.priority >= Priority.NOTICE]
        dropped = [w for w in self._waiting if w not in kept]
        self._waiting = kept
        for item in dropped:
            self.ended.emit(item.id)

    def _start(self, item: _Item) -> None:
        replaced, self._current = self._current, item
        self._starting = True
        try:
            if self._before is not None:
                self._before()
            self.speech.speak([Utterance(item.text, -1, 0, 0)])
        finally:
            self._starting = False
        self.last_text = item.text
        if replaced is not None:
            self.ended.emit(replaced.id)
        if self.speech.state() != State.Speaking:
            # Speech is unavailable: the announcement is over before it began.
            self._finish()

    def _finish(self) -> None:
        done, self._current = self._current, None
        if done is not None:
            self.ended.emit(done.id)
        if self._waiting and self.speech.is_available():
            self._start(self._waiting.pop(0))
        else:
            self._drop_waiting(keep_notices=False)

    @Slot(object)
    def _on_state(self, state: State) -> None:
        if self._starting or self._current is None:
            return
        if state in (State.Ready, State.Error):
            self._finish()
