"""What `--check-content` learnt about each card's fit, kept so that it is measured only once.

Laying a card out in the kiosk's own card screen is the only faithful test that it fits, and
it costs several milliseconds a card and screen: half a minute for a library of fifty leaflets.
The verdict is a pure function of what goes into that layout, so it is kept under a key that
hashes all of it: the card itself; what the card screen shows around it (its leaflet's titles,
card count, contacts and help card; the library's publishers, which name the top bar); the
screen size; and the environment (program version and source, Qt and PySide6, the bundled font
files, the fonts the system offers, the platform, its DPI, Qt's scaling variables and the
translations). A stale entry can only ever cost a measurement, never say that a card fits when
it does not. If the card screen starts to show something new about the content, it belongs in
`leaflet_context` or `library_context` (any change to the source already empties the cache).

The file is JSON (plain data: a pickle could be made to run code), written atomically, and
whatever is wrong with it costs one log line and a fresh measurement of every card.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from .content.help import basic_help
from .content.model import Card, Leaflet, Library
from .source_digest import digest, write_atomically

log = logging.getLogger("kiosk.fit")

CACHE_FORMAT: Final = 1
FILE_NAME: Final = "fit-verdicts.json"
MAX_CACHE_BYTES: Final = 16 * 1024 * 1024
# Enough for several large libraries checked in turn; the oldest entries go first.
MAX_ENTRIES: Final = 50_000
_KEY = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A card fits (`needs` is None), or needs `needs` px where the screen gives it `room`."""

    needs: float | None = None
    room: int = 0

    @property
    def fits(self) -> bool:
        return self.needs is None


FITS: Final = Verdict()


class CacheDamagedError(ValueError):
    """The file does not hold verdicts this program wrote."""


def library_context(library: Library) -> str:
    """What every card screen shows whichever leaflet is open: the top bar names the one
    publisher of them all (else the kiosk), and a library has a button back to its chooser."""
    count = len(library.leaflets)
    return digest(
        count,
        sorted({lf.publisher for lf in library.leaflets}),
        library.leaflets[0].title if count == 1 else None,
    )


def leaflet_context(leaflet: Leaflet) -> str:
    """What the card screen shows around each of this leaflet's cards: everything about the
    leaflet but the other cards' text (progress, titles, its contacts, its help card)."""
    help_ = basic_help(leaflet)
    return digest(
        leaflet.id,
        leaflet.title,
        leaflet.edition,
        leaflet.publisher,
        leaflet.language,
        leaflet.description,
        sorted((k, repr(v)) for k, v in leaflet.contacts.items()),
        [(s.id, s.title, s.tile, s.order, len(s.cards), str(s.source)) for s in leaflet.sections],
        [
            (c.id, c.section_id, c.section_title, c.part, c.parts, str(c.source), c.line)
            for c in leaflet.cards
        ],
        repr(help_.contact),
        help_.help_card,
    )


def card_key(
    environment: str, screen: tuple[int, int], context: str, index: int, card: Card
) -> str:
    # The model's reprs are plain data (frozen dataclasses of text, numbers and paths).
    return digest(environment, screen, context, index, repr(card))


class VerdictCache:
    """Verdicts by key, read from and written back to one JSON file."""

    def __init__(self, path: Path | None, environment: str):
        self.path = path
        self.environment = environment
        self._old: dict[str, Verdict] = {}
        self._used: dict[str, Verdict] = {}
        self.hits = 0
        self.misses = 0
        if path is not None:
            self._old = self._read(path)

    def _read(self, path: Path) -> dict[str, Verdict]:
        try:
            return read_verdicts(path, self.environment)
        except FileNotFoundError:
            return {}
        # Only a shortcut: whatever is wrong with it (even a RecursionError from a damaged
        # file deep inside the decoder) is measured again, never a failed check.
        except Exception as exc:
            log.warning("fit cache %s unusable (%s); measuring every card again", path, exc)
            return {}

    def get(self, key: str) -> Verdict | None:
        found = self._used.get(key) or self._old.get(key)
        if found is None:
            self.misses += 1
        else:
            self.hits += 1
            self._used[key] = found
        return found

    def put(self, key: str, verdict: Verdict) -> None:
        self._used[key] = verdict

    def save(self) -> None:
        if self.path is None:
            return
        kept = dict(self._used)
        for key, verdict in self._old.items():
            if len(kept) >= MAX_ENTRIES:
                break
            kept.setdefault(key, verdict)
        document = {
            "format": CACHE_FORMAT,
            "environment": self.environment,
            "verdicts": {k: (True if v.fits else [v.needs, v.room]) for k, v in kept.items()},
        }
        data = json.dumps(document, separators=(",", ":")).encode("utf-8")
        try:
            write_atomically(self.path, data)
        except OSError as exc:
            log.info("fit cache not written (%s); every check measures every card", exc)


def read_verdicts(path: Path, environment: str) -> dict[str, Verdict]:
    """The verdicts in `path` if it was written for `environment`; raises on anything else."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_CACHE_BYTES + 1)
    if len(raw) > MAX_CACHE_BYTES:
        raise CacheDamagedError(f"larger than {MAX_CACHE_BYTES} bytes")
    document = json.loads(raw.decode("utf-8"))
    if not isinstance(document, dict) or document.get("format") != CACHE_FORMAT:
        raise CacheDamagedError("not a fit cache of this format")
    if document.get("environment") != environment:
        return {}  # written by another program, Qt or set of fonts: all of it is stale
    entries = document.get("verdicts")
    if not isinstance(entries, dict):
        raise CacheDamagedError("no verdicts")
    verdicts: dict[str, Verdict] = {}
    for key, value in entries.items():
        if not _KEY.fullmatch(key):
            raise CacheDamagedError(f"{key[:70]!r} is not a key")
        verdicts[key] = _verdict(value)
    return verdicts


def _verdict(value: object) -> Verdict:
    if value is True:
        return FITS
    if (
        isinstance(value, list)
        and len(value) == 2
        and type(value[0]) in (int, float)
        and type(value[1]) is int
    ):
        return Verdict(float(value[0]), value[1])
    raise CacheDamagedError(f"{str(value)[:60]!r} is not a verdict")
