"""The kiosk shows the leaflet faithfully: every sentence in order, its lists and its bold
emphasis, and no words of its own dressed up as leaflet text."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk import paths
from kiosk.content import load_library
from kiosk.content.text import card_units, leaflet_plain_text

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent / "leaflet_source.txt"
SEED = HERE.parents[2] / "shared" / "seed" / "leaflet.txt"
# Units the kiosk adds around the leaflet's own words (card titles, contact cards, references).
CHROME_KINDS = {"title", "quote-ref", "contact-name", "contact-tagline", "contact-detail"}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def source_lines() -> list[str]:
    lines = []
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = norm(raw.removeprefix("- "))
        if line:
            lines.append(line)
    return lines


def leaflet():  # type: ignore[no-untyped-def]
    return load_library(paths.bundled_content()).leaflets[0]


def test_copy_matches_the_shared_seed() -> None:
    if SEED.exists():
        assert SOURCE.read_bytes() == SEED.read_bytes(), "tests/leaflet_source.txt is out of date"


def test_every_line_of_the_leaflet_appears_in_order() -> None:
    exported = norm(leaflet_plain_text(leaflet()))
    position = 0
    for line in source_lines():
        found = exported.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_no_invented_leaflet_text() -> None:
    source = norm(SOURCE.read_text(encoding="utf-8"))
    for card in leaflet().cards:
        for unit in card_units(card):
            if unit.kind not in CHROME_KINDS:
                assert norm(unit.text) in source, f"{card.id}: not in the leaflet: {unit.text!r}"


def test_bold_emphasis_is_kept_in_order() -> None:
    wanted = re.findall(r"\*\*(.+?)\*\*", SOURCE.read_text(encoding="utf-8"))
    shown = [
        span.text
        for card in leaflet().cards
        for unit in card_units(card)
        for span in unit.spans
        if span.bold and unit.kind not in CHROME_KINDS
    ]
    assert shown == wanted
    assert len(wanted) == 11  # guards the regex: the leaflet has eleven bold runs


def test_lists_are_kept_as_lists() -> None:
    wanted = [
        norm(line[2:])
        for line in SOURCE.read_text(encoding="utf-8").splitlines()
        if line.startswith("- ")
    ]
    shown = [
        norm(unit.text)
        for card in leaflet().cards
        for unit in card_units(card)
        if unit.kind.endswith("item")
    ]
    assert shown == wanted


def test_quotations_keep_their_paragraph_numbers() -> None:
    text = leaflet_plain_text(leaflet())
    for number in ("6.1", "11.3", "11.6", "11.45"):
        assert f"SEND Code of Practice, paragraph {number}" in text
    assert "Rutland City Council" in text  # kept as written, not "corrected"
