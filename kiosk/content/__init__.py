"""Leaflet content: loading, validation and the read-only model. No Qt in here.

The loader (and the Markdown parser behind it) is imported on first use: a kiosk starting
from its content cache never needs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ContentError, ContentProblem
from .model import (
    Block,
    BulletList,
    Card,
    CodeReference,
    Contact,
    ContactBlock,
    Leaflet,
    Library,
    Paragraph,
    Quote,
    Section,
    Span,
)

if TYPE_CHECKING:
    from .loader import load_library

__all__ = [
    "Block",
    "BulletList",
    "Card",
    "CodeReference",
    "Contact",
    "ContactBlock",
    "ContentError",
    "ContentProblem",
    "Leaflet",
    "Library",
    "Paragraph",
    "Quote",
    "Section",
    "Span",
    "load_library",
]


def __getattr__(name: str) -> Any:
    if name == "load_library":
        from .loader import load_library

        return load_library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
