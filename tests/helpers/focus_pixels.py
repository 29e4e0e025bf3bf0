"""WCAG 2.4.13 (Focus Appearance) measured from rendered pixels: grab a control's area with
and without focus and compare the same pixels in the two grabs.

The indicator passes when the pixels that change by a contrast of at least 3:1 cover at least
the area of a 2 CSS px thick perimeter of the unfocused control, and they are on screen (inside
the part of the control that its parents and the window leave visible)."""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

MIN_CONTRAST = 3.0

_levels = np.arange(256) / 255
# WCAG 2.2 relative luminance, one entry per 8-bit channel value.
_LINEAR = np.where(_levels <= 0.04045, _levels / 12.92, ((_levels + 0.055) / 1.055) ** 2.4)


@dataclass(frozen=True)
class FocusMeasure:
    control: str
    look: str  # theme, window size and text size
    changed_px: int  # pixels changing by at least 3:1 on the visible control or just round it
    required_px: int  # a 2 CSS px perimeter of the control
    contrast: float  # the contrast reached by the `required_px` most-changed pixels
    clipped_px: int  # pixels of the control its parents or the window cut off

    @property
    def passes(self) -> bool:
        return self.changed_px >= self.required_px and self.contrast >= MIN_CONTRAST

    def row(self) -> dict[str, object]:
        return {**asdict(self), "passes": self.passes}


def luminance(image: QImage) -> NDArray[np.float64]:
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = rgb.width(), rgb.height()
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=rgb.sizeInBytes())
    pixels = data.reshape(height, rgb.bytesPerLine() // 4, 4)[:, :width]
    b, g, r = pixels[..., 0], pixels[..., 1], pixels[..., 2]
    out: NDArray[np.float64] = 0.2126 * _LINEAR[r] + 0.7152 * _LINEAR[g] + 0.0722 * _LINEAR[b]
    return out


def contrast(a: NDArray[np.float64], b: NDArray[np.float64]) -> NDArray[np.float64]:
    out: NDArray[np.float64] = (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)
    return out


def visible_rect(widget: QWidget) -> QRect:
    """The part of `widget` its ancestors leave on screen, in window coordinates."""
    window = widget.window()
    shown = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        shown = shown.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return shown.intersected(window.rect())


def perimeter_area(width: int, height: int, thickness: float) -> int:
    """Pixels in a `thickness` thick band around the inside of a width x height box."""
    t = round(thickness)
    inner = max(0, width - 2 * t) * max(0, height - 2 * t)
    return width * height - inner


def park_focus(widget: QWidget) -> None:
    """Take focus off `widget` without giving it to another control: onto the window."""
    window = widget.window()
    window.setFocus(Qt.FocusReason.OtherFocusReason)
    QApplication.processEvents()
    assert not widget.hasFocus()


def measure(widget: QWidget, control: str, look: str, css_px: float, margin: int) -> FocusMeasure:
    """Grab the window around `widget` unfocused, then focused by Tab; compare the grabs.
    `css_px` is device pixels per CSS pixel; `margin` px around the control are grabbed too,
    so an indicator drawn just outside the control counts. The grabs are of the window, as
    it is on screen: whatever a parent clips or an overlay covers cannot count."""
    window = widget.window()
    shown = visible_rect(widget)
    area = shown.adjusted(-margin, -margin, margin, margin).intersected(window.rect())
    park_focus(widget)
    unfocused = window.grab(area).toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert widget.hasFocus() and QApplication.focusWidget() is widget, control
    focused = window.grab(area).toImage()
    shots = os.environ.get("FOCUS_SHOTS")
    if shots:
        stem = re.sub(r"[^a-z0-9]+", "-", f"{look} {control}".lower()).strip("-")
        unfocused.save(os.path.join(shots, f"{stem}-0.png"))
        focused.save(os.path.join(shots, f"{stem}-1.png"))
    before, after = luminance(unfocused), luminance(focused)
    assert before.shape == after.shape
    ratio = contrast(before, after)
    full = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    required = perimeter_area(full.width(), full.height(), 2 * css_px)
    ranked = np.sort(ratio, axis=None)[::-1]
    reached = float(ranked[required - 1]) if ranked.size >= required else 1.0
    return FocusMeasure(
        control=control,
        look=look,
        changed_px=int(np.count_nonzero(ratio >= MIN_CONTRAST)),
        required_px=required,
        contrast=round(reached, 2),
        clipped_px=full.width() * full.height() - shown.width() * shown.height(),
    )
