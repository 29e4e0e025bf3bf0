"""Touch on a card's text: a flick scrolls it, a quick sideways swipe turns the card.

Both listen to mouse events (Qt turns a finger into those) and let them through, so a tap on
a marked word (term_marks.TermTaps) or a button still arrives; only a drag that began on a
button ends without clicking it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QScroller, QScrollerProperties, QWidget
from shiboken6 import isValid

from .tree import descendants

_INPUTS = {
    QEvent.Type.MouseButtonPress: QScroller.Input.InputPress,
    QEvent.Type.MouseMove: QScroller.Input.InputMove,
    QEvent.Type.MouseButtonRelease: QScroller.Input.InputRelease,
}
_MOVING = (QScroller.State.Dragging, QScroller.State.Scrolling)
_CAPTION = Qt.WidgetAttribute.WA_TransparentForMouseEvents


class FlickScroll(QObject):
    """Kinetic scrolling of a scroll area's viewport by dragging, as on a phone, whether the
    finger lands on the background or on a button inside it.

    Why not `QScroller.grabGesture`: every call registers a new gesture recognizer type, and
    PySide turns each new type id into a new enum class that is never freed (about 6 KB a call,
    measured). Card views are rebuilt on every change of text size, font or colours, and a
    leaflet's home on every visit to a library, so a kiosk left running grew without end.
    Handing the scroller the mouse events ourselves gives the same flick and registers nothing.

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
        # Children made later (tiles rebuilt in another language, the chooser's tiles made in
        # idle turns) announce themselves, and are watched at once; those that turn out to let
        # touches through are let go on the next turn of the event loop, once their makers
        # have said so.
        self._added: list[QWidget] = []
        self._look_again = QTimer(self)
        self._look_again.setSingleShot(True)
        self._look_again.setInterval(0)
        self._look_again.timeout.connect(self._let_go_of_captions)
        self._watch(viewport)

    def _watch(self, widget: QWidget) -> None:
        for member in (widget, *descendants(widget)):
            # A caption that lets touches through to its tile never receives one. Watching it
            # sent each of its shows, moves and paints through Python as well: in a chooser of
            # fifty leaflets, 410 of 757 widgets, a sixth of the tap that shows it.
            if not member.testAttribute(_CAPTION):
                member.installEventFilter(self)

    def _let_go_of_captions(self) -> None:
        added, self._added = self._added, []
        for child in added:
            if isValid(child):
                for member in (child, *descendants(child)):
                    if member.testAttribute(_CAPTION):
                        member.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildAdded:
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                self._watch(child)
                self._added.append(child)
                self._look_again.start()
            return False
        step = _INPUTS.get(kind)
        if step is None or not isinstance(event, QMouseEvent):
            return False
        left = Qt.MouseButton.LeftButton
        if step == QScroller.Input.InputMove:
            if not event.buttons() & left:
                return False
        elif event.button() != left:
            return False
        # A child that ignores an event passes it to its parent, which we also watch.
        at = event.globalPosition()
        seen = (kind, event.timestamp(), at.x(), at.y())
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

    def _button_at(self, watched: QObject) -> QAbstractButton | None:
        """The button a press went to: the widget itself or the tile a caption is in."""
        widget = watched if isinstance(watched, QWidget) else None
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
