"""Build small content folders in tmp_path for loader tests."""

from __future__ import annotations

from pathlib import Path

LEAFLET = """id = "test"
title = "Test leaflet"
edition = "Version 1"

[contacts.office]
organisation = "Office"
phone = "01234 567 890"
"""

CARD = """+++
id = "{id}"
title = "{title}"
order = {order}
+++

{body}
"""


def make_leaflet(root: Path, cards: dict[str, str] | None = None, leaflet: str = LEAFLET) -> Path:
    """Write a leaflet folder; `cards` maps file names to whole file texts."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "leaflet.toml").write_text(leaflet, encoding="utf-8")
    if cards is None:
        cards = {"01-a.md": card("a", "A", 1, "Hello **world**.")}
    for name, text in cards.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def card(id: str, title: str, order: int, body: str) -> str:
    return CARD.format(id=id, title=title, order=order, body=body)
