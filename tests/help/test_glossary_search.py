"""Finding glossary terms looks only for the spellings whose first word a text has (fast for a
library of fifty leaflets); it must find exactly what trying every spelling's pattern finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import Library
from kiosk.content.glossary import (
    MARKED_KINDS,
    Glossary,
    Term,
    TermHit,
    _candidates,
    _pattern,
    load_glossary,
)
from kiosk.content.model import Span
from kiosk.content.text import TextUnit, card_units

EXTRA_TERMS = (
    Term("(SEND) tribunal", (), "A court.", "x", 1),  # first word is not a plain word
    Term("Café plan", ("CAFÉ",), "A plan.", "x", 2),  # not ASCII
    Term("co-production", ("Co-Production work",), "Working together.", "x", 3),
    Term("SEN", ("S.E.N.",), "Needs.", "x", 4),
)
TRICKY = (
    "SENDIASS and SEN-related, (SEN) sen SEN. S.E.N. helps",
    "Education,\nHealth  and Care plan and EHC   plans",
    "ſpecial educational needs and Special Educational Needs",  # long s: Unicode case folding
    "ſpecial educational needs",  # ...with no ASCII spelling of the word beside it
    "The (SEND) tribunal, the (send) Tribunal; a café plan, a CAFÉ, a Café Plan",
    "co-production, Co-Production work, co-productions, pre-co-production",
    "",
)


def _every_pattern(units: list[TextUnit], glossary: Glossary) -> list[TermHit]:
    """The search as it was: every spelling's pattern on every unit."""
    hits: list[TermHit] = []
    for index, unit in enumerate(units):
        if unit.kind not in MARKED_KINDS:
            continue
        for term in glossary.terms:
            for spelling in term.spellings():
                for match in _pattern(spelling).finditer(unit.text):
                    hits.append(TermHit(term, index, match.start(), match.end()))
    return hits


@pytest.fixture(scope="module")
def glossary(library: Library) -> Glossary:
    found, problems = load_glossary(library.leaflets[0].folder)
    assert found is not None and not problems
    return Glossary(found.terms + EXTRA_TERMS, Path("glossary.toml"))


def test_every_card_finds_what_every_pattern_finds(library: Library, glossary: Glossary) -> None:
    found = 0
    for card in library.leaflets[0].cards:
        units = card_units(card)
        expected = _every_pattern(units, glossary)
        assert _candidates(units, glossary) == expected, card.id
        found += len(expected)
    assert found > 50  # the bundled leaflet uses its glossary's words throughout


@pytest.mark.parametrize("text", TRICKY)
def test_awkward_text_finds_what_every_pattern_finds(text: str, glossary: Glossary) -> None:
    units = [TextUnit("paragraph", (Span(text),), 0), TextUnit("item", (Span(text.upper()),), 1)]
    assert _candidates(units, glossary) == _every_pattern(units, glossary)
