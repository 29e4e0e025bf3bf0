"""Shrink-to-fit results kept between runs, so that the first screen is not searched for.

The attract screen's words are as large as the screen allows (ui/fit.py). At 1920x1080,
1366x768 and upright 1080x1920 the bundled leaflet's words fit at full size at the first try;
at 1280x720 and 1024x768 they do not, and the search for the size that does took nine style
sheets and layouts: 13-14 ms of every start under Xvfb, for the same words on the same
screen. What the search found is kept here (JSON, in the kiosk's cache folder), and the next
start checks it in two tries (`fit.refit`): 3.5-3.9 ms.

Like the content cache it is only a shortcut: a missing, unreadable or damaged file, or an
entry that no longer fits, costs one search, never a wrong size or a crash.
"""

from __future__ import annotations

import json
import logging
import math
from pathlib import Path

from .source_digest import write_atomically

# (factor, the nearest larger factor tried that did not fit): ui/fit.py's Fit, kept free of Qt.
Fit = tuple[float, float | None]

log = logging.getLogger("kiosk.fit")

FORMAT = 1
FILE_NAME = "screen-fits.json"
MAX_FITS = 64  # each size, text size, language and look the kiosk has started in


class FitMemory:
    """Fits by key, read from `path` when first asked and written by `save`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fits: dict[str, Fit] | None = None
        self._changed = False

    def get(self, key: str) -> Fit | None:
        return self._read().get(key)

    def put(self, key: str, fit: Fit) -> None:
        fits = self._read()
        fit = (fit[0], fit[1])  # a plain pair, as read back
        if fits.get(key) == fit:
            return
        fits.pop(key, None)
        fits[key] = fit
        while len(fits) > MAX_FITS:
            fits.pop(next(iter(fits)))
        self._changed = True

    def save(self) -> None:
        """Write what changed since the last save; a failure is logged, never raised."""
        if not self._changed or self._fits is None:
            return
        self._changed = False
        document = {"format": FORMAT, "fits": {k: list(v) for k, v in self._fits.items()}}
        try:
            write_atomically(self.path, json.dumps(document).encode("utf-8"))
        except OSError as exc:
            log.warning("could not keep screen fits in %s: %s", self.path, exc)

    def _read(self) -> dict[str, Fit]:
        if self._fits is None:
            self._fits = {}
            try:
                document = json.loads(self.path.read_bytes())
            except FileNotFoundError:
                return self._fits
            except (OSError, ValueError) as exc:
                log.warning("screen fits %s unusable (%s); fitting afresh", self.path, exc)
                return self._fits
            ours = isinstance(document, dict) and document.get("format") == FORMAT
            fits = document.get("fits") if ours else None
            if isinstance(fits, dict):
                for key, value in fits.items():
                    fit = _fit(value)
                    if isinstance(key, str) and fit is not None:
                        self._fits[key] = fit
        return self._fits


def _fit(value: object) -> Fit | None:
    """[factor, too_big] as this module writes it; anything else is not ours."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    factor, too_big = value
    if not _number(factor) or not (too_big is None or _number(too_big)):
        return None
    return float(factor), None if too_big is None else float(too_big)


def _number(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and value > 0
    )
