"""QR codes for contact details, so a visitor can take a number or address away on a phone.

segno does the encoding; this module only paints its module matrix into a QImage.
"""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter

from ..qr_store import QrStore

QUIET_ZONE = 4  # modules of white border the QR standard requires around the symbol
ERROR = "m"
_store: QrStore | None = None


def keep_codes_in(path: Path | None) -> None:
    """Keep encoded symbols in `path` between runs (see qr_store.py); None: never."""
    global _store
    _store = QrStore(path, QUIET_ZONE, ERROR) if path is not None else None
    _modules.cache_clear()
    qr_image.cache_clear()


def payload(field: str, value: str) -> str | None:
    """What a phone should receive for a contact detail, or None if it gets no QR code."""
    if field == "phone":
        digits = "".join(ch for ch in value if ch.isdigit() or ch == "+")
        return f"tel:{digits}"
    if field == "email":
        return f"mailto:{value}"
    if field == "website":
        return value if "://" in value else f"https://{value}"
    return None


@functools.lru_cache(maxsize=64)
def _modules(data: str) -> tuple[tuple[int, ...], ...]:
    """The symbol's modules, quiet zone included. Encoding is the slow part (choosing the
    best of eight masks: ~20 ms), and the same few contact details come back on every leaflet
    opened and every change of text size: encoded once each, and kept between runs."""
    store = _store
    if store is not None and (kept := store.get(data)) is not None:
        return kept
    import segno  # only for a symbol not kept yet: it pulls in urllib, http and ssl

    code = segno.make(data, error=ERROR, micro=False)
    matrix = tuple(tuple(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE))
    if store is not None:
        store.put(data, matrix)
    return matrix


@functools.lru_cache(maxsize=32)
def qr_image(data: str, size_px: int) -> QImage:
    """Render `data` as a crisp QR code no larger than `size_px` square (dark on white).

    One image per code and size, shared (QImage is implicitly shared; nobody paints into
    it): the same phone number and address come back on many cards, and every card view
    is made ahead. In grey, a byte a pixel: 24 colour copies were 1.5 MB of the kiosk."""
    matrix = _modules(data)
    count = len(matrix)
    module = max(1, size_px // count)  # whole pixels per module keep the edges sharp
    side = module * count
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#000000"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(x * module, y * module, module, module)
    painter.end()
    return image
