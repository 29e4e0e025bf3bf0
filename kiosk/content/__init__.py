"""Leaflet content: loading, validation and the read-only model. No Qt in here."""

from .errors import ContentError, ContentProblem
from .loader import load_library
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
