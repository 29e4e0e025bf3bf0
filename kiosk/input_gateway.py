"""The one way visitor input enters the kiosk's own logic.

Qt runs application event filters newest first, and any of them may consume an event, so
several filters each deciding for themselves is how key presses in audio mode once never
reached the idle watch. Here there is exactly one application event filter (the shape of
qutebrowser's keyinput/eventfilter.py): it first records that the visitor did something,
then offers the event to the handlers in a fixed order, and the first handler that takes
the event ends its journey. Nothing a handler does can hide input from the activity record.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QInputEvent, QKeyEvent, QShortcutEvent

from .ui.widgets import MODIFIER_KEYS

# Anything a person does with a key, a finger, a mouse or a pen.
ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
# The subset that is an intended act (a mouse that drifts is activity, not a choice).
ACTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


# Every kind of event a handler may be offered. Everything else (paints, layouts, timers: about
# ninety events for each tap on Next) leaves the filter at once: each one otherwise went
# through every handler in Python, about a millisecond of every tap.
OFFERED = ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.TouchEnd,
    QEvent.Type.TouchCancel,
    QEvent.Type.TabletMove,
    QEvent.Type.TabletRelease,
    QEvent.Type.ContextMenu,
}

# Every event of an OFFERED type is one of these classes (keys, pointers, touches, tablets,
# wheels and context menus are input events; a shortcut is not). Asking an event its type()
# makes a Python enum member each time, about a quarter of what this filter costs; a
# screen switch sends 300-600 shows, hides, moves and paints through it, and isinstance
# turns them away for a fraction of that.
OFFERED_CLASSES = (QInputEvent, QShortcutEvent)


class Stage(enum.IntEnum):
    """Who is offered an event, in this order. A new handler gets a new stage here.

    Stages before RECORD look at the event as it arrived (e.g. "was the idle warning up?"),
    but their verdict is applied only after the activity is recorded: they can never hide
    input from the idle watch.
    """

    IDLE_WARNING = 5  # while the warning shows, any act answers it and goes no further
    RECORD = 9  # not a handler: where the activity is recorded
    LOCKDOWN = 10  # escape chords and context menus never reach anything else
    STAFF_GESTURE = 20  # watches the corners; never consumes
    CLOSED = 30  # outside opening hours the closed screen takes every input
    AUDIO_MODE = 40  # keys and touch-to-hear for visitors who cannot see
    READING = 50  # a press elsewhere stops reading aloud; never consumes
    FLICK = 60  # a drag scrolls the page under it; takes only the release of a dragged button


Handler = Callable[[QObject, QEvent], bool]


def is_act(event: QEvent) -> bool:
    """A deliberate input: a press, a touch, a key that is not a lone modifier."""
    if event.type() not in ACTS:
        return False
    if isinstance(event, QKeyEvent):
        return event.key() not in MODIFIER_KEYS
    return True


class InputGateway(QObject):
    """The application's only event filter. Handlers are offered input events only (OFFERED).

    Signals:
        acted(): a deliberate input (a press, a touch or a key), before the handlers.
        activity(): any visitor input, after acted() and before any handler could consume it.
    """

    activity = Signal()
    acted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handlers: dict[Stage, Handler] = {}
        self._before: list[Handler] = []
        self._after: list[Handler] = []
        self._app: QCoreApplication | None = None
        self._dispatching = False  # offering an event to the handlers (see paused)
        self._paused = False

    def install(self, app: QCoreApplication) -> None:
        if self._app is None:
            self._app = app
            if not self._paused:
                app.installEventFilter(self)

    def remove(self) -> None:
        if self._app is not None:
            if not self._paused:
                self._app.removeEventFilter(self)
            self._app = None

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Stand aside while the kiosk changes screens in one synchronous call.

        Input cannot arrive meanwhile: it waits in the window system's queue until the event
        loop turns. What does arrive is Qt's own traffic, the shows, hides, moves and layouts
        of two screens' widgets, and each of those crossing into Python only to be turned away
        here was a quarter of a leaflet's home tap (1,520 events, 8.5 of 32 ms, when the home
        was made on the tap). Inside a handler (an audio-mode key that opens a card) the
        filter stays: removing and adding an application filter while Qt walks the list of
        them could offer another filter the same event twice.
        """
        app = self._app
        if app is None or self._paused or self._dispatching:
            yield
            return
        self._paused = True
        app.removeEventFilter(self)
        try:
            yield
        finally:
            self._paused = False
            if self._app is not None:  # not removed for good meanwhile
                self._app.installEventFilter(self)

    def add(self, stage: Stage, handler: Handler) -> None:
        """Give `stage` to `handler` (replacing any earlier one of that stage)."""
        if stage == Stage.RECORD:
            raise ValueError("RECORD is where activity is recorded, not a handler's stage")
        self._handlers[stage] = handler
        self._reorder()

    def discard(self, stage: Stage) -> None:
        self._handlers.pop(stage, None)
        self._reorder()

    def stages(self) -> list[Stage]:
        return sorted(self._handlers)

    def _reorder(self) -> None:
        stages = sorted(self._handlers)
        self._before = [self._handlers[s] for s in stages if s < Stage.RECORD]
        self._after = [self._handlers[s] for s in stages if s > Stage.RECORD]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, OFFERED_CLASSES):
            return False
        kind = event.type()
        if kind not in OFFERED:
            return False
        outer, self._dispatching = self._dispatching, True
        try:
            claimed = any(handler(watched, event) for handler in self._before)
            if kind in ACTIVITY:
                # "Acted" first: it lifts announcement protection before the idle watch (whose
                # warning may answer) or any handler speaks.
                if is_act(event):
                    self.acted.emit()
                self.activity.emit()
            if claimed:
                return True
            return any(handler(watched, event) for handler in self._after)
        finally:
            self._dispatching = outer
