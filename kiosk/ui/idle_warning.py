"""The "Are you still there?" overlay shown before an idle reset (WCAG 2.2 SC 2.2.1).

It covers the whole window so that a stray touch cannot set off whatever is underneath, and
it offers one large action. It only shows what it is told: the idle monitor owns the time.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from ..i18n import QT_TR_NOOP, tr
from .accessibility import Alert
from .fit import fit_factor, height_for, restyle, words_fit
from .theme import Metrics, Theme, luminance
from .widgets import big_button, centre_panel

HEADING = QT_TR_NOOP("Are you still there?")
EXPLANATION = QT_TR_NOOP(
    "To keep your reading private, the screen will be cleared for the next visitor."
)
BUTTON = QT_TR_NOOP("I'm still here")


def countdown_text(seconds: int) -> str:
    if seconds == 1:
        return tr("The screen will reset in 1 second")
    return tr("The screen will reset in {seconds} seconds").format(seconds=seconds)


class IdleWarning(Alert):
    """A full-window overlay. Make it a child of the window's central widget.

    Signals:
        stillHere(): the visitor pressed "I'm still here" (or touched the overlay, or pressed
            a key): keep the session.
    """

    stillHere = Signal()

    def __init__(self, metrics: Metrics, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleWarning")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAccessibleName(tr(HEADING))  # announced as an alert (see ui/accessibility.py)
        self._seconds = 0
        self._previous_focus: QWidget | None = None
        self.metrics = metrics
        self._fitted_for: tuple[int, int, Metrics, str] | None = None

        self.panel = QFrame(self)
        self.panel.setObjectName("idlePanel")
        self.heading = QLabel(tr(HEADING))
        self.heading.setObjectName("idleHeading")
        self.countdown = QLabel()
        self.countdown.setObjectName("idleCountdown")
        self.explanation = QLabel(tr(EXPLANATION))
        self.explanation.setObjectName("idleExplanation")
        for label in (self.heading, self.countdown, self.explanation):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = big_button(
            tr(BUTTON),
            "stillHere",
            tr("Keep reading. The screen will not be cleared."),
            role="primary",
        )
        self.button.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.button.clicked.connect(self.stillHere)
        column = QVBoxLayout(self.panel)
        self._column = column
        column.addWidget(self.heading)
        column.addWidget(self.countdown)
        column.addWidget(self.explanation)
        column.addSpacing(metrics.gap)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self._outer = centre_panel(self, self.panel)
        self.set_seconds(0)
        self.apply_metrics(metrics)
        self.hide()
        if parent is not None:
            parent.installEventFilter(self)
            self.setGeometry(parent.rect())

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        pad = metrics.px(56)
        self._column.setContentsMargins(pad, pad, pad, pad)
        self._column.setSpacing(metrics.px(28))
        m = metrics.margin
        self._outer.setContentsMargins(m, m, m, m)
        self._fitted_for = None
        self._fit()

    def _fit(self) -> None:
        """The panel is as wide as the design asks or the window allows, and its words as
        large as the text size asks or the window allows: a visitor about to lose their
        place must see the whole message and the button at once, in any font."""
        m = self.metrics
        margin = m.margin
        room_w = max(1, self.width() - 2 * margin)
        room_h = max(1, self.height() - 2 * margin)
        width = min(room_w, m.px(1000 if m.portrait else 1150))
        key = (width, room_h, m, self.heading.font().family())
        if key == self._fitted_for or not self.isVisible():
            return
        self._fitted_for = key
        # A fixed width lets the layout work out the wrapped text's height exactly.
        self.panel.setFixedWidth(width)
        margins = self._column.contentsMargins()
        line = width - margins.left() - margins.right()
        labels = [self.heading, self.countdown, self.explanation]

        def apply(factor: float) -> None:
            restyle(self.panel, label_sizes(m, factor), [*labels, self.button])

        def fits() -> bool:
            # The countdown's longest text, so the panel never jumps as seconds tick down.
            shown = self.countdown.text()
            self.countdown.setText(countdown_text(88))
            ok = (
                height_for(self.panel, width) <= room_h
                and words_fit(labels, line)
                and self.button.sizeHint().width() <= line
            )
            self.countdown.setText(shown)
            return ok

        fit_factor(apply, fits, m.text_scale)

    # --- public ---------------------------------------------------------------------------
    def show_warning(self, seconds: int) -> None:
        """Cover the window, show `seconds` left and put focus on the one button."""
        self.set_seconds(seconds)
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        focused = QApplication.focusWidget()
        self.show()
        self._fit()
        if focused is not None and not self.isAncestorOf(focused):
            self._previous_focus = focused
        self.raise_()
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def hide_warning(self) -> None:
        """Take the overlay away; focus goes back where it was if that widget still exists."""
        current = QApplication.focusWidget()
        had_focus = current is not None and self.isAncestorOf(current)
        self.hide()
        previous, self._previous_focus = self._previous_focus, None
        if (
            had_focus
            and previous is not None
            and shiboken6.isValid(previous)
            and previous.isVisible()
            and previous.isEnabled()
        ):
            previous.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(int)
    def set_seconds(self, seconds: int) -> None:
        self._seconds = max(0, seconds)
        text = countdown_text(self._seconds)
        self.countdown.setText(text)
        # An explicit accessible name does not follow the label text by itself.
        self.countdown.setAccessibleName(text)
        self.setAccessibleDescription(f"{text}. {tr(EXPLANATION)}")

    @property
    def seconds(self) -> int:
        return self._seconds

    def message(self) -> str:
        """Everything on the overlay as one sentence run, for the audio mode to speak."""
        return (
            f"{tr(HEADING)} {countdown_text(self._seconds)}. {tr(EXPLANATION)} "
            f"To keep reading, press {BUTTON}."
        )

    # --- events ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        parent = self.parentWidget()
        if parent is not None and watched is parent and event.type() == QEvent.Type.Resize:
            self.setGeometry(parent.rect())
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # A new font (the dyslexia font is wider) means new sizes.
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._fit()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            # Window shortcuts (Escape goes home, arrows turn cards) must not act on the screen
            # hidden underneath; every key comes here instead.
            event.accept()
            return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A touch anywhere means someone is there; it must not fall through to the screen.
        event.accept()
        self.stillHere.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter and Space reach the focused button first; any other key also means "here".
        event.accept()
        self.stillHere.emit()

    def focusNextPrevChild(self, next: bool) -> bool:
        # One control only: Tab must not wander to the hidden screen underneath.
        self.button.setFocus(Qt.FocusReason.TabFocusReason)
        return True


def _translucent(colour: str, alpha: int) -> str:
    hexa = colour.lstrip("#")
    r, g, b = (int(hexa[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


def _dimmer(t: Theme) -> str:
    """The veil over the page: the theme's heading colour where that is dark, else black
    (a light veil would wash out a dark theme instead of dimming it)."""
    return t.heading if luminance(t.heading) < 0.2 else "#000000"


def stylesheet_rules(t: Theme, m: Metrics) -> str:
    """Rules to append to the kiosk style sheet for the idle warning."""
    return f"""
QWidget#idleWarning {{ background: {_translucent(_dimmer(t), 215)}; }}
QFrame#idlePanel {{
    background: {t.surface}; border: {max(3, m.px(4))}px solid {t.accent};
    border-radius: {m.px(24)}px;
}}
QLabel#idleHeading {{ font-weight: 700; color: {t.heading}; }}
QLabel#idleCountdown {{ font-weight: 700; color: {t.text}; }}
QLabel#idleExplanation {{ color: {t.muted}; }}
"""


def label_sizes(m: Metrics, factor: float) -> str:
    """The panel's own rules: sizes at `factor` times the design (the text scale, or less
    where the window is too small for it)."""

    def px(design: float) -> int:
        return max(1, round(design * m.scale * factor))

    button = max(m.target + m.px(24), round(px(44) * 1.6))
    pad = m.px(60)
    return f"""
QLabel#idleHeading {{ font-size: {px(72)}px; }}
QLabel#idleCountdown {{ font-size: {px(48)}px; }}
QLabel#idleExplanation {{ font-size: {px(36)}px; }}
QPushButton#stillHere {{
    font-size: {px(44)}px; min-height: {button}px; padding: 0 {pad}px;
}}
"""
