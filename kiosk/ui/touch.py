"""Touch on a card's text: a flick scrolls it, a quick sideways swipe turns the card.

Both listen to the viewport's mouse events (Qt turns a finger into those) and never consume
them, so a tap on a marked word (term_marks.TermTaps) still arrives.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QScroller, QScrollerProperties, QWidget

_INPUTS = {
    QEvent.Type.MouseButtonPress: QScroller.Input.InputPress,
    QEvent.Type.MouseMove: QScroller.Input.InputMove,
    QEvent.Type.MouseButtonRelease: QScroller.Input.InputRelease,
}


class FlickScroll(QObject):
    """Kinetic scrolling of a scroll area's viewport by dragging, as on a phone.

    Why not `QScroller.grabGesture`: every call registers a new gesture recognizer type, and
    PySide turns each new type id into a new enum class that is never freed (about 6 KB a call,
    measured). Card views are rebuilt on every change of text size, font or colours, so a kiosk
    left in a library grew by megabytes a day. Handing the same scroller the mouse events
    ourselves gives the same flick and registers nothing. It suits a viewport with no child
    widgets, such as a text view; screens of buttons keep the gesture, made once.
    """

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.scroller = QScroller.scroller(viewport)
        props = self.scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        self.scroller.setScrollerProperties(props)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = _INPUTS.get(event.type())
        if kind is None or not isinstance(event, QMouseEvent):
            return False
        left = Qt.MouseButton.LeftButton
        if kind == QScroller.Input.InputMove:
            if not event.buttons() & left:
                return False
        elif event.button() != left:
            return False
        self.scroller.handleInput(kind, event.position(), event.timestamp())
        return False


class SwipeDetector(QObject):
    """Turns a quick horizontal drag (touch or mouse) into swipedLeft/swipedRight.

    Signals: swiped(int) with +1 for "next" (finger moved left) and -1 for "back".
    """

    swiped = Signal(int)

    def __init__(self, target: QWidget, threshold: int) -> None:
        super().__init__(target)
        self.threshold = threshold
        self._start: QPointF | None = None
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._start = event.position()  # type: ignore[attr-defined]
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            delta = event.position() - self._start  # type: ignore[attr-defined]
            self._start = None
            if abs(delta.x()) >= self.threshold and abs(delta.x()) > 2 * abs(delta.y()):
                self.swiped.emit(1 if delta.x() < 0 else -1)
        return False
