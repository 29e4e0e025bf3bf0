"""Arrows on buttons point the way the page reads.

Qt mirrors a right-to-left page by itself (rows run from the right, so Next sits on the
left), but a "▶" is just a character: in an Arabic leaflet "Next  ▶" would point back at
Back. A button made with an arrow keeps its arrows pointing the reading way whenever its
layout direction changes; code that sets such a label later uses `mirrored`.

Qt lays an English label out left to right even on a right-to-left page, so the arrow also
moves to the other end of the label ("◀  Next": the arrow at the outer edge, pointing on).
The label starts with a LEFT-TO-RIGHT MARK so it is shown in exactly that order whatever
its words' script (a translated Arabic label too), and so it can be told apart.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QApplication

ARROWS = "◀▶"
_SWAP = str.maketrans("◀▶", "▶◀")
LRM = "\u200e"
GAP = "  "


def _flip(text: str) -> str:
    """Arrow to the other end, pointing the other way: "Next  ▶" <-> "◀  Next"."""
    if text[:1] in ARROWS:
        return text[1:].strip() + GAP + text[0].translate(_SWAP)
    if text[-1:] in ARROWS:
        return text[-1].translate(_SWAP) + GAP + text[:-1].strip()
    return text.translate(_SWAP)


def mirrored(text: str, right_to_left: bool) -> str:
    """`text` written for a left-to-right page, as it should read on this one."""
    if not right_to_left or not any(arrow in text for arrow in ARROWS):
        return text
    return LRM + _flip(text)


def unmirrored(text: str) -> str:
    """The left-to-right label `mirrored` made `text` from."""
    return _flip(text[1:]) if text.startswith(LRM) else text


class _ArrowMirror(QObject):
    """Turns the arrows of each watched button when its layout direction changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutDirectionChange and isinstance(
            watched, QAbstractButton
        ):
            watched.setText(mirrored(unmirrored(watched.text()), watched.isRightToLeft()))
        return False


_mirror: _ArrowMirror | None = None


def follow_reading_way(button: QAbstractButton) -> None:
    """Keep `button`'s arrows pointing the reading way (its label is written left to right)."""
    global _mirror
    if not any(arrow in button.text() for arrow in ARROWS):
        return
    if _mirror is None:
        # One for the application: it must outlive every window that uses it.
        _mirror = _ArrowMirror(QApplication.instance())
    button.setText(mirrored(unmirrored(button.text()), button.isRightToLeft()))
    button.installEventFilter(_mirror)
