"""Encoded QR symbols kept between runs, so a start-up does not need segno.

The contacts cards and the home screen's help box show QR codes, and both are built just
after the first paint. Encoding is quick, but importing segno is not cheap: it imports
xml.sax.saxutils and through it urllib.request, http.client, email and ssl with OpenSSL,
about 6 MB of the kiosk's memory for as long as it runs, for the same few phone numbers and
addresses every day. The module matrices of those symbols are stored here (JSON, in the
kiosk's cache folder) the first time they are encoded; later starts read them back.

Like the content cache it is only a shortcut: a missing, unreadable or damaged file, or an
entry that is not a well-formed symbol, costs one encoding, never a wrong picture or a crash.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from pathlib import Path

log = logging.getLogger("kiosk.qr")

FORMAT = 1
MAX_CODES = 256  # content edited over the years adds payloads; the oldest are dropped first
Matrix = tuple[tuple[int, ...], ...]


class QrStore:
    def __init__(self, path: Path, border: int, error: str) -> None:
        self.path = path
        # The settings the symbols were made with: a store written with others is ignored.
        self.stamp = {"format": FORMAT, "border": border, "error": error}
        self.border = border
        self._codes: dict[str, Matrix] | None = None

    def get(self, data: str) -> Matrix | None:
        return self._read().get(data)

    def put(self, data: str, matrix: Matrix) -> None:
        codes = self._read()
        codes.pop(data, None)
        codes[data] = matrix
        while len(codes) > MAX_CODES:
            codes.pop(next(iter(codes)))
        document = {
            **self.stamp,
            "codes": {k: ["".join(map(str, row)) for row in v] for k, v in codes.items()},
        }
        temp: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".qr-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(document, handle)
            os.replace(temp, self.path)
        except OSError as exc:
            log.warning("could not keep QR codes in %s: %s", self.path, exc)
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)

    def _read(self) -> dict[str, Matrix]:
        if self._codes is None:
            self._codes = {}
            try:
                document = json.loads(self.path.read_text("utf-8"))
            except FileNotFoundError:
                return self._codes
            except (OSError, ValueError) as exc:
                log.warning("QR code store %s unusable (%s); encoding afresh", self.path, exc)
                return self._codes
            if isinstance(document, dict) and all(
                document.get(k) == v for k, v in self.stamp.items()
            ):
                codes = document.get("codes")
                for data, rows in codes.items() if isinstance(codes, dict) else []:
                    matrix = self._matrix(rows)
                    if isinstance(data, str) and matrix is not None:
                        self._codes[data] = matrix
        return self._codes

    def _matrix(self, rows: object) -> Matrix | None:
        """The rows as a matrix, if they are a square symbol of a real QR version (21 to 177
        modules a side, in steps of 4) inside its quiet zone; anything else is not ours."""
        if not isinstance(rows, list) or not all(isinstance(r, str) for r in rows):
            return None
        side = len(rows) - 2 * self.border
        if not (21 <= side <= 177 and (side - 21) % 4 == 0):
            return None
        if any(len(r) != len(rows) or r.strip("01") for r in rows):
            return None
        matrix = tuple(tuple(int(c) for c in row) for row in rows)
        blank = (0,) * len(rows)
        quiet = matrix[: self.border] + matrix[len(rows) - self.border :]
        if any(row != blank for row in quiet) or any(
            any(row[: self.border]) or any(row[len(rows) - self.border :]) for row in matrix
        ):
            return None
        return matrix
