"""Touch on a card's text: a flick scrolls it, a quick sideways swipe turns the card.

Both listen to mouse events (Qt turns a finger into those) and let them through, so a tap on
a marked word (term_marks.TermTaps) or a button still arrives; only a drag that began on a
button ends without clicking it. A flick's events come from the input gateway (FLICK).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QScroller, QScrollerProperties, QWidget

_INPUTS = {
    QEvent.Type.MouseButtonPress: QScroller.Input.InputPress,
    QEvent.Type.MouseMove: QScroller.Input.InputMove,
    QEvent.Type.MouseButtonRelease: QScroller.Input.InputRelease,
}
_MOVING = (QScroller.State.Dragging, QScroller.State.Scrolling)


# The viewport's property that holds its FlickScroll: found from any widget inside it.
FLICK = "kioskFlick"


class FlickScroll(QObject):
    """Kinetic scrolling of a scroll area's viewport by dragging, as on a phone, whether the
    finger lands on the background or on a button inside it.

    Why not `QScroller.grabGesture`: every call registers a new gesture recognizer type, and
    PySide turns each new type id into a new enum class that is never freed (about 6 KB a call,
    measured). Card views are rebuilt on every change of text size, font or colours, and a
    leaflet's home on every visit to a library, so a kiosk left running grew without end.
    Handing the scroller the mouse events ourselves gives the same flick and registers nothing.

    It watches no widget: the kiosk's input gateway hands it the presses, moves and releases
    made anywhere in its viewport (`flick_input`, the gateway's FLICK stage). Watching the
    viewport and each widget in it sent all their shows, hides, moves and paints through
    Python too: 139 calls on every switch to a chooser of fifty leaflets, 0.3-0.45 ms of it.

    A press on a button inside shows at once; if the finger then drags, the button lets go and
    the release is not a click (the gesture instead held every press back for 250 ms).
    """

    def __init__(self, viewport: QWidget) -> None:
        super().__init__(viewport)
        self.viewport = viewport
        self.scroller = QScroller.scroller(viewport)
        props = self.scroller.scrollerProperties()
        props.setScrollMetric(
            QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
            QScrollerProperties.OvershootPolicy.OvershootAlwaysOff,
        )
        self.scroller.setScrollerProperties(props)
        self._pressed: QAbstractButton | None = None
        self._dragged = False
        self._last: tuple[QEvent.Type, int, float, float] | None = None
        # Kept by the viewport, and let go with it.
        viewport.setProperty(FLICK, self)

    def offer(self, step: QScroller.Input, watched: QWidget, event: QMouseEvent) -> bool:
        """Hand the scroller a left-button press, drag or release made in the viewport;
        whether the event is taken (the release of a drag that began on a button)."""
        # An event a child ignores goes on to its parent, and is offered again.
        at = event.globalPosition()
        seen = (event.type(), event.timestamp(), at.x(), at.y())
        if self._last == seen:
            return self._swallow(step, watched)
        self._last = seen
        if step == QScroller.Input.InputPress:
            self._pressed = self._button_at(watched)
            self._dragged = False
        # Screen coordinates: the viewport stays put while its content moves, and the event
        # may come while the page around it is being taken down.
        self.scroller.handleInput(step, at, event.timestamp())
        if not self._dragged and self.scroller.state() in _MOVING:
            self._dragged = True
            if self._pressed is not None:
                self._pressed.setDown(False)  # it was a drag, not a press on the button
        return self._swallow(step, watched)

    def _button_at(self, watched: QWidget) -> QAbstractButton | None:
        """The button a press went to: the widget itself or the tile a caption is in."""
        widget: QWidget | None = watched
        while widget is not None and widget is not self.viewport:
            if isinstance(widget, QAbstractButton):
                return widget
            widget = widget.parentWidget()
        return None

    def _swallow(self, step: QScroller.Input, watched: QObject) -> bool:
        """A drag that began on a button ends without clicking it."""
        if step != QScroller.Input.InputRelease or not self._dragged:
            return False
        return watched is not self.viewport


def flick_input(watched: QObject, event: QEvent) -> bool:
    """The input gateway's FLICK stage: a left-button press, drag or release on a widget in
    a flickable viewport goes to that viewport's FlickScroll; whether it took the event."""
    if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
        return False
    step = _INPUTS.get(event.type())
    if step is None:
        return False
    left = Qt.MouseButton.LeftButton
    if step == QScroller.Input.InputMove:
        if not event.buttons() & left:
            return False  # a mouse passing over, not a drag
    elif event.button() != left:
        return False
    widget: QWidget | None = watched
    while widget is not None:
        flick = widget.property(FLICK)
        if isinstance(flick, FlickScroll):
            return flick.offer(step, watched, event)
        widget = widget.parentWidget()
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
