"""Leaflet content: loading, validation and the read-only model. No Qt in here.

The loader (and the Markdown parser behind it) is imported on first use: a kiosk starting
from its content cache never needs it. The classes a leaflet's cards are made of are in
`kiosk.content.model` (loaded when first asked for there): the first screen needs only a
`Leaflet` and its `Library`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import ContentError, ContentProblem
from .model import Leaflet, Library

if TYPE_CHECKING:
    from .loader import load_library

__all__ = [
    "ContentError",
    "ContentProblem",
    "Leaflet",
    "Library",
    "load_library",
]


def __getattr__(name: str) -> Any:
    if name == "load_library":
        from .loader import load_library

        return load_library
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
