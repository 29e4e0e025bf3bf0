"""A leaflet from the content cache whose cards are decoded when first needed.

Why: before its first paint the kiosk needs only each leaflet's title, publisher, edition,
language and description (the attract screen and the chooser's tiles). Decoding every card
of a 50-leaflet library from the cache took 0.1-0.2 s there, and grew with the library. The
cache keeps each leaflet's cards and contacts as one JSON text (with a checksum, checked as
the cache is read), decoded the first time anything asks for them: a leaflet opened, its
help loaded, an export.

To every reader it is a `Leaflet` (a subclass: same fields, equal to the parsed one).
"""

from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .model import Leaflet

if TYPE_CHECKING:
    from .blocks import Card, Contact, Section

log = logging.getLogger("kiosk.content")

# The slots of the fields decoded late, written past the frozen dataclass's guard.
_CONTACTS = Leaflet.__dict__["contacts"]
_SECTIONS = Leaflet.__dict__["sections"]
_CARDS = Leaflet.__dict__["cards"]

# (contacts, sections) from a leaflet's JSON body; raises on anything the model refuses.
BodyDecoder = Callable[[Any], "tuple[dict[str, Contact], tuple[Section, ...]]"]
# The whole leaflet parsed from its files: the way out if a body cannot be decoded.
Reparse = Callable[[Leaflet], Leaflet]


def body_checksum(body: str) -> int:
    return zlib.crc32(body.encode("utf-8"))


class DeferredLeaflet(Leaflet):
    """Metadata now; contacts, sections and cards on first use."""

    __slots__ = ("_body", "_decode", "_reparse")
    _body: str | None
    _decode: BodyDecoder
    _reparse: Reparse

    def __init__(
        self,
        meta: dict[str, Any],
        body: str,
        decode: BodyDecoder,
        reparse: Reparse,
    ) -> None:
        for name in ("id", "title", "edition", "publisher", "language", "description"):
            object.__setattr__(self, name, meta[name])
        object.__setattr__(self, "folder", Path(meta["folder"]))
        object.__setattr__(self, "_body", body)
        object.__setattr__(self, "_decode", decode)
        object.__setattr__(self, "_reparse", reparse)

    @property
    def decoded(self) -> bool:
        return self._body is None

    def _load(self) -> None:
        body: str | None = self._body
        if body is None:
            return
        try:
            contacts, sections = self._decode(json.loads(body))
        # The checksum was right, so this is a body the model no longer fits: parse the
        # leaflet's files rather than show nothing (the cache is only a shortcut).
        except Exception as exc:
            log.warning("content cache: leaflet %s unusable (%s); parsing it", self.id, exc)
            parsed = self._reparse(self)
            contacts, sections = parsed.contacts, parsed.sections
        _CONTACTS.__set__(self, contacts)
        _SECTIONS.__set__(self, sections)
        _CARDS.__set__(self, tuple(c for s in sections for c in s.cards))
        object.__setattr__(self, "_body", None)

    @property
    def contacts(self) -> dict[str, Contact]:
        self._load()
        value: dict[str, Contact] = _CONTACTS.__get__(self)
        return value

    @property
    def sections(self) -> tuple[Section, ...]:
        self._load()
        value: tuple[Section, ...] = _SECTIONS.__get__(self)
        return value

    @property
    def cards(self) -> tuple[Card, ...]:
        self._load()
        value: tuple[Card, ...] = _CARDS.__get__(self)
        return value

    def _fields(self) -> tuple[Any, ...]:
        return (
            self.id,
            self.title,
            self.edition,
            self.publisher,
            self.language,
            self.contacts,
            self.sections,
            self.folder,
            self.description,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Leaflet):
            return NotImplemented
        theirs = other._fields() if isinstance(other, DeferredLeaflet) else _fields_of(other)
        return self._fields() == theirs

    def __repr__(self) -> str:
        state = "decoded" if self.decoded else "not decoded yet"
        return f"DeferredLeaflet(id={self.id!r}, title={self.title!r}, {state})"


def _fields_of(leaflet: Leaflet) -> tuple[Any, ...]:
    return (
        leaflet.id,
        leaflet.title,
        leaflet.edition,
        leaflet.publisher,
        leaflet.language,
        leaflet.contacts,
        leaflet.sections,
        leaflet.folder,
        leaflet.description,
    )


def body_of(leaflet: Leaflet, encode: Callable[[Any], Any]) -> str:
    """The JSON text the cache keeps for `leaflet`'s contacts and sections."""
    document = {
        "contacts": encode(leaflet.contacts),
        "sections": encode(leaflet.sections),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def meta_of(leaflet: Leaflet) -> dict[str, str]:
    return {
        "id": leaflet.id,
        "title": leaflet.title,
        "edition": leaflet.edition,
        "publisher": leaflet.publisher,
        "language": leaflet.language,
        "description": leaflet.description,
        "folder": str(leaflet.folder),
    }
