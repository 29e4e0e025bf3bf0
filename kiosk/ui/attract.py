"""The attract screen: what an unattended kiosk shows between visitors.

It has to be readable from across a room and say how to begin, by touch or by key for audio.
It stays silent. The text block drifts a little now and then so that a screen left on all
day does not burn in the same bright shapes.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from ..i18n import QT_TR_NOOP, tr
from .fit import Remembered, height_for, refit, restyle, words_fit
from .theme import Metrics, Theme
from .widgets import MODIFIER_KEYS

if TYPE_CHECKING:
    from PySide6.QtCore import QPropertyAnimation

DEFAULT_AUDIO_HINT = QT_TR_NOOP("For audio, press any key or touch Listen in the top-left corner")
DEFAULT_CALL = QT_TR_NOOP("Touch the screen to start")
# Often enough against burn-in (an image held for hours), rare enough that the drift costs
# next to nothing on an idle kiosk (each step is a 6 s animation).
DRIFT_INTERVAL_MS = 90_000
DRIFT_ANIMATION_MS = 6_000
# How far the block may wander from the centre, as a share of the screen on each axis.
DRIFT_FRACTION = 0.04

# A fixed walk round the centre rather than random jumps: every spot is visited equally often,
# and tests can predict where the block goes.
_DRIFT_PATH: tuple[tuple[float, float], ...] = (
    (0.0, 0.0),
    (-1.0, -0.6),
    (0.8, -1.0),
    (1.0, 0.4),
    (-0.2, 1.0),
    (-1.0, 0.3),
    (0.4, -0.2),
    (0.9, 1.0),
    (-0.7, -1.0),
)


class _DriftBlock(QFrame):
    """The text block, opaque so that drifting it is a copy of pixels, not a repaint.

    Qt moves an opaque child by scrolling its pixels in the backing store and repaints only
    the strip of background it uncovers; a see-through child (the rounded corners) makes it
    repaint the block's text and the screen behind it on every frame of the animation, which
    kept a core about 2% busy on an idle kiosk. So the block paints its own corners in the
    screen's background first, then itself, and says it covers every pixel.

    Its first paint is an ordinary styled frame's, by Qt alone: the same pixels, and the
    kiosk's first screen then never names QStyle (PySide makes that class and its enums when
    Python first names it, about 7 ms of the kiosk's start). It is opaque from then on: the
    screen behind it repaints once just after it is first shown (its focus), and a block
    still see-through then repainted its title too, a shade different, 200 ms after the
    first screen was up.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._opaque = False

    def make_opaque(self) -> None:
        """From now on paint every pixel."""
        self._opaque = True
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        # Style sheets clear the attribute whenever they polish the widget: set it again.
        if self._opaque and event.type() in (QEvent.Type.Polish, QEvent.Type.StyleChange):
            self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        return handled

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._opaque:
            from PySide6.QtWidgets import QStyle, QStyleOption  # see the class docstring

            painter = QPainter(self)
            option = QStyleOption()
            screen = self.parentWidget() or self
            element = QStyle.PrimitiveElement.PE_Widget
            for owner in (screen, self):  # the screen's background, then the block's own
                option.initFrom(owner)
                option.rect = self.rect()
                self.style().drawPrimitive(element, option, painter, owner)
            painter.end()
        super().paintEvent(event)
        if not self._opaque:
            self.make_opaque()  # for every later paint (see the class docstring)


class AttractScreen(QWidget):
    """Shown while nobody is using the kiosk.

    Signals:
        started(): any touch, click or key press; the visitor wants to begin.
        startedByKey(): emitted just before `started` when a key did it (the hint offers
            audio to anyone who presses a key).
    """

    started = Signal()
    startedByKey = Signal()

    def __init__(
        self,
        title: str,
        publisher: str,
        metrics: Metrics,
        *,
        audio_hint: str = DEFAULT_AUDIO_HINT,
        call_to_action: str = DEFAULT_CALL,
        drift_interval_ms: int = DRIFT_INTERVAL_MS,
        drift_animation_ms: int = DRIFT_ANIMATION_MS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # The kiosk's words by default (from the catalogue); words staff set stay as set.
        audio_hint, call_to_action = tr(audio_hint), tr(call_to_action)
        self.setObjectName("attractScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAccessibleName(f"{title}. {call_to_action}.")
        self.setAccessibleDescription(f"{audio_hint}.")
        self.metrics = metrics
        self._reduced_motion = False
        self._ticks = 0  # drift timer firings
        self._spot = 0  # index into _DRIFT_PATH
        self._animation_ms = drift_animation_ms
        self._fitted_for: tuple[int, int, Metrics, str] | None = None
        self._remembered: Remembered | None = None

        # The block is placed by hand (no layout on the screen) so it can drift.
        self.block = _DriftBlock(self)
        self.block.setObjectName("attractBlock")
        self.block.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.publisher = self._label(publisher, "attractPublisher")
        self.title = self._label(title, "attractTitle")
        self.rule = QFrame()
        self.rule.setObjectName("attractRule")
        self.rule.setFrameShape(QFrame.Shape.NoFrame)
        self.call = self._label(call_to_action, "attractCall")
        self.audio_hint = self._label(audio_hint, "attractHint")
        column = QVBoxLayout(self.block)
        self._column = column
        column.addWidget(self.publisher)
        column.addWidget(self.title)
        column.addWidget(self.rule)
        column.addWidget(self.call)
        column.addWidget(self.audio_hint)
        # Only after it has a parent: showing a parentless label would open a window.
        self.publisher.setVisible(bool(publisher))

        self.drift_timer = QTimer(self)
        self.drift_timer.setInterval(drift_interval_ms)
        self.drift_timer.timeout.connect(self.drift)
        self._animation: QPropertyAnimation | None = None  # made for the first drift
        self.apply_metrics(metrics)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    # --- public ---------------------------------------------------------------------------
    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        pad = metrics.px(48)
        self._column.setContentsMargins(pad, pad, pad, pad)
        self._column.setSpacing(metrics.px(28))
        self.rule.setFixedHeight(max(2, metrics.px(4)))
        self._place(animate=False)

    def remember_fits(self, remembered: Remembered) -> None:
        """Keep the words' fit between runs: where they do not fit at full size (1280x720),
        the search for the size that does was 13-14 ms of every start."""
        self._remembered = remembered

    def set_reduced_motion(self, reduced: bool) -> None:
        """With reduced motion the block still moves (burn-in) but jumps, rarely, unanimated."""
        self._reduced_motion = reduced
        if reduced and self._animating():
            self._stop_animation()
            self.block.move(self.target_position())

    @property
    def animation(self) -> QPropertyAnimation:
        """The block's glide to its next spot. Made on first use: like QStyle, the classes
        it needs cost the first screen a millisecond or two when first named."""
        if self._animation is None:
            from PySide6.QtCore import QEasingCurve, QPropertyAnimation

            self._animation = QPropertyAnimation(self.block, b"pos", self)
            self._animation.setDuration(self._animation_ms)
            # Sine in and out: no sudden start or stop that would catch the eye.
            self._animation.setEasingCurve(QEasingCurve.Type.InOutSine)
        return self._animation

    def _stop_animation(self) -> None:
        if self._animation is not None:
            self._animation.stop()

    def _animating(self) -> bool:
        return self._animation is not None and self._animation.state() == (
            self._animation.State.Running
        )

    @property
    def reduced_motion(self) -> bool:
        return self._reduced_motion

    @Slot()
    def drift(self) -> None:
        """Move the block to the next spot on its path (the drift timer calls this)."""
        self._ticks += 1
        # Reduced motion: the block moves half as often, so any jump is rarer.
        if self._reduced_motion and self._ticks % 2:
            return
        self._spot = (self._spot + 1) % len(_DRIFT_PATH)
        self._place(animate=not self._reduced_motion)

    def target_position(self) -> QPoint:
        """Where the block is, or is heading, for the current step, always fully on screen."""
        size = self.block.size()
        free_x = max(0, self.width() - size.width())
        free_y = max(0, self.height() - size.height())
        fx, fy = _DRIFT_PATH[self._spot]
        # The swing is a few % of the screen, but never more than the room the block has.
        reach_x = min(self.width() * DRIFT_FRACTION, free_x / 2)
        reach_y = min(self.height() * DRIFT_FRACTION, free_y / 2)
        x = round(free_x / 2 + fx * reach_x)
        y = round(free_y / 2 + fy * reach_y)
        return QPoint(max(0, min(x, free_x)), max(0, min(y, free_y)))

    # --- placement ------------------------------------------------------------------------
    def _block_width(self) -> int:
        share = 0.9 if self.metrics.portrait else 0.8
        return max(1, min(round(self.width() * share), self.metrics.px(1500)))

    def _fit_text(self, width: int) -> int:
        """Words as large as the text size asks, or as the screen allows: the whole block
        must show at once (a visitor cannot scroll a screen they have not started)."""
        # The family matters too: the dyslexia font is wider.
        key = (width, self.height(), self.metrics, self.title.font().family())
        if key == self._fitted_for:
            return height_for(self.block, width)
        self._fitted_for = key
        labels = [self.publisher, self.title, self.call, self.audio_hint]
        margins = self._column.contentsMargins()
        line = width - margins.left() - margins.right()
        room = max(1, self.height())

        def apply(factor: float) -> None:
            restyle(self.block, label_sizes(self.metrics, factor), labels)

        def fits() -> bool:
            return height_for(self.block, width) <= room and words_fit(labels, line)

        top = self.metrics.text_scale
        if self._remembered is None:
            refit(apply, fits, top, None)
        else:
            known = self._fit_key(labels, line, room)
            self._remembered.put(known, refit(apply, fits, top, self._remembered.get(known)))
        return height_for(self.block, width)

    def _fit_key(self, labels: list[QLabel], line: int, room: int) -> str:
        """What sizes the words: they, the window's style sheet (faces, spacing), the sizes
        and the room. A checksum stands for the long parts: a clash costs one search."""
        said = "\x1f".join([self.window().styleSheet(), *(label.text() for label in labels)])
        shown = "".join("1" if label.isVisibleTo(self) else "0" for label in labels)
        scales = f"{self.metrics.scale:g} {self.metrics.text_scale:g}"
        return f"attract {line}x{room} {scales} {shown} {zlib.crc32(said.encode()):08x}"

    def _place(self, *, animate: bool) -> None:
        if not self.window().isVisible():
            return  # placed as it shows, at its real size (fitting costs style sheets)
        width = self._block_width()
        height = self._fit_text(width)
        self.block.resize(width, min(height, max(1, self.height())))
        target = self.target_position()
        if animate and self.isVisible() and self._animation_ms > 0:
            self.animation.stop()
            self.animation.setStartValue(self.block.pos())
            self.animation.setEndValue(target)
            self.animation.start()
        else:
            self._stop_animation()
            self.block.move(target)

    def block_geometry(self) -> QRect:
        return self.block.geometry()

    # --- events ---------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(animate=False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place(animate=False)
        self.drift_timer.start()
        # Keys must reach this screen at once: the hint promises "press any key".
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        # A hidden attract screen must cost nothing and leave no timer behind.
        self.drift_timer.stop()
        self._stop_animation()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Font sizes come from the style sheet, so the block's height changes with it.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._place(animate=False)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.started.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Modifier keys alone arrive when someone leans on the keyboard, or as part of a
        # staff shortcut: they are not a visitor asking to start.
        if event.key() in MODIFIER_KEYS or event.isAutoRepeat():
            super().keyPressEvent(event)
            return
        event.accept()
        self.startedByKey.emit()
        self.started.emit()


def stylesheet_rules(t: Theme, m: Metrics) -> str:
    """Rules to append to the kiosk style sheet for the attract screen."""
    return f"""
QWidget#attractScreen {{ background: {t.background}; }}
QFrame#attractBlock {{
    background: {t.surface}; border: {max(2, m.px(3))}px solid {t.button_border};
    border-radius: {m.px(28)}px;
}}
QLabel#attractPublisher {{ font-weight: 700; color: {t.muted}; }}
QLabel#attractTitle {{ font-weight: 700; color: {t.heading}; }}
QFrame#attractRule {{ background: {t.button_border}; border: none; }}
QLabel#attractCall {{
    font-weight: 700; color: {t.accent_text};
    background: {t.accent}; border-radius: {m.radius}px; padding: {m.px(24)}px {m.px(40)}px;
}}
QLabel#attractHint {{ color: {t.text}; }}
"""


def label_sizes(m: Metrics, factor: float) -> str:
    """The block's own rules: font sizes at `factor` times the design size (the text scale,
    or less where the screen is too small for it)."""
    sizes = {"attractPublisher": 40, "attractTitle": 80, "attractCall": 64, "attractHint": 40}
    return "".join(
        f"QLabel#{name} {{ font-size: {max(1, round(px * m.scale * factor))}px; }}\n"
        for name, px in sizes.items()
    )
