"""Words explained: the glossary data, where its terms occur, and its validation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kiosk.content import Library
from kiosk.content.glossary import (
    MARKED_KINDS,
    MAX_SENTENCES,
    find_terms,
    load_glossary,
    terms_in_leaflet,
    terms_on_card,
)
from kiosk.content.help import HelpLoad
from kiosk.content.text import card_units
from tests.helpers.content_factory import make_leaflet

REQUIRED_TERMS = {
    "EHC needs assessment",
    "EHC plan",
    "SEN",
    "SEND",
    "SENDIASS",
    "SENCO",
    "local authority",
    "CCG",
    "First-tier Tribunal (SEND)",
    "mediation",
    "mediation advice",
    "disagreement resolution",
    "SEND Code of Practice",
    "provision",
    "Local Offer",
    "cease to maintain",
    "best endeavours",
}


def test_the_glossary_explains_every_term_the_issue_names(
    help_load: HelpLoad, library: Library
) -> None:
    glossary = help_load.for_leaflet(library.leaflets[0]).glossary
    assert glossary is not None
    assert {t.term for t in glossary.terms} == REQUIRED_TERMS
    for term in glossary.terms:
        sentences = len(re.findall(r"[.!?](?=\s|$)", term.explanation))
        assert 1 <= sentences <= MAX_SENTENCES, term.term
        assert re.search(
            r"SEND Code of Practice 0-25 \(2015\)|Children and Families Act 2014, sections? \d+",
            term.source,
        ), term.source


def test_ccg_says_integrated_care_boards_replaced_them(
    help_load: HelpLoad, library: Library
) -> None:
    glossary = help_load.for_leaflet(library.leaflets[0]).glossary
    assert glossary is not None
    ccg = glossary.by_id("ccg")
    assert "Integrated Care Boards" in ccg.explanation and "2022" in ccg.explanation


def test_every_term_is_found_where_it_occurs_in_the_leaflet(
    help_load: HelpLoad, library: Library
) -> None:
    """Each term occurs somewhere; on every card whose text has one of its spellings, the
    card lists it, and the first spelling not inside a longer term is the one marked."""
    leaflet = library.leaflets[0]
    glossary = help_load.for_leaflet(leaflet).glossary
    assert glossary is not None
    found = terms_in_leaflet(leaflet, glossary)
    assert all(found.values()), [t for t, cards in found.items() if not cards]
    for card in leaflet.cards:
        units = card_units(card)
        body = "\n".join(u.text for u in units if u.kind in MARKED_KINDS)
        listed = {t.id for t in terms_on_card(card, glossary)}
        for term in glossary.terms:
            spelled = any(
                re.search(
                    rf"(?<![\w-]){re.escape(s)}(?![\w-])",
                    body,
                    0 if s.isupper() else re.IGNORECASE,
                )
                for s in term.spellings()
            )
            assert spelled == (term.id in listed), (card.id, term.term)
        hits = find_terms(card, glossary)
        assert len({h.term.id for h in hits}) == len(hits), "one mark per term per card"
        for hit in hits:
            marked = units[hit.unit].text[hit.start : hit.end]
            assert marked.lower() in {s.lower() for s in hit.term.spellings()}
            # the first occurrence: no earlier unmarked spelling of the term on this card
            for earlier in find_terms(card, glossary):
                if earlier.term.id == hit.term.id:
                    assert earlier == hit


def test_the_longer_term_wins_and_acronyms_match_capitals_only(
    help_load: HelpLoad, library: Library
) -> None:
    leaflet = library.leaflets[0]
    glossary = help_load.for_leaflet(leaflet).glossary
    assert glossary is not None
    about_3 = leaflet.cards[leaflet.card_index("about-3")]
    marked = [h.term.term for h in find_terms(about_3, glossary)]
    assert "SEND Code of Practice" in marked and "SEND" not in marked
    # SEND is still offered on the card: it is inside "SEND Code of Practice".
    assert "SEND" in [t.term for t in terms_on_card(about_3, glossary)]
    first_steps = leaflet.cards[leaflet.card_index("first-steps")]
    assert [h.term.term for h in find_terms(first_steps, glossary)] == ["SENCO", "EHC plan"]


GOOD_TERM = """[[term]]
term = "thing"
explanation = "A thing."
source = "Children and Families Act 2014, section 1"
"""


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (GOOD_TERM + '\n[[term]]\nterm = "other"\nexplanation = "x"\n', 6, "missing 'source'"),
        (
            GOOD_TERM
            + '\n[[term]]\nterm = "other"\ncolour = "red"\nexplanation = "x."\nsource = "y"\n',
            8,
            "unknown key 'colour'",
        ),
        (
            GOOD_TERM + '\n[[term]]\nterm = "Thing"\nexplanation = "x."\nsource = "y"\n',
            6,
            "already a term",
        ),
        (
            GOOD_TERM
            + '\n[[term]]\nterm = "b"\nvariants = "c"\nexplanation = "x."\nsource = "y"\n',
            8,
            "list of text",
        ),
        (
            GOOD_TERM
            + '\n[[term]]\nterm = "b"\nexplanation = "One. Two. Three. Four."\nsource = "y"\n',
            8,
            "3 short sentences",
        ),
        (GOOD_TERM + "\n[[term\n", 6, "not valid TOML"),
    ],
)
def test_bad_glossary_data_names_file_and_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    folder = make_leaflet(tmp_path / "lf")
    (folder / "glossary.toml").write_text(text, encoding="utf-8")
    glossary, problems = load_glossary(folder)
    assert glossary is None
    assert any(p.line == line and message in p.message for p in problems), [
        str(p) for p in problems
    ]
    assert all(str(p).startswith(f"{folder / 'glossary.toml'}:") for p in problems)


def test_a_broken_glossary_costs_only_the_glossary(tmp_path: Path) -> None:
    """The kiosk keeps its leaflet (and routes) and lists the glossary's problem."""
    from kiosk.app import choose_content

    folder = make_leaflet(tmp_path / "lf")
    (folder / "glossary.toml").write_text("[[term]]\nterm = 3\n", encoding="utf-8")
    choice = choose_content([folder])
    assert choice.source == str(folder)
    assert len(choice.library.leaflets[0].cards) == 1
    assert choice.help.for_leaflet(choice.library.leaflets[0]).glossary is None
    assert any("glossary.toml:2" in line for line in choice.problems), choice.problems
