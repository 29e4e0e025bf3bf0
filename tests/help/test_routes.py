""" "What is happening?" routes: data checked against the leaflet, and validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import Library
from kiosk.content.help import HelpLoad
from kiosk.content.routes import load_routes, local_card_id
from kiosk.content.text import card_plain_text
from tests.helpers.content_factory import card, make_leaflet


def routes_of(help_load: HelpLoad, library: Library):  # type: ignore[no-untyped-def]
    routes = help_load.for_leaflet(library.leaflets[0]).routes
    assert routes is not None
    return routes


def test_every_route_leads_to_existing_cards_in_leaflet_order(
    help_load: HelpLoad, library: Library
) -> None:
    leaflet = library.leaflets[0]
    routes = routes_of(help_load, library)
    assert 4 <= len(routes.answers) <= 6
    for answer in routes.answers:
        assert answer.cards, answer.text
        assert list(answer.cards) == sorted(set(answer.cards)), answer.text
        assert all(0 <= i < len(leaflet.cards) for i in answer.cards)


# What the leaflet itself says on each route's cards: a route never points at a card that
# does not say what the route is about. (answer words, card, words on that card)
CHECKS = [
    ("school is not giving", "first-steps", "the first step is to talk to their teacher"),
    ("school is not giving", "complaints-1", "All schools, colleges and the local authority"),
    ("school is not giving", "disagreement-resolution-4", "best endeavours"),
    ("school is not giving", "disagreement-resolution-5", "special educational provision"),
    ("council said no", "mediation-1", "not to carry out an EHC needs assessment"),
    ("council said no", "mediation-2", "you first have to consider mediation"),
    ("council said no", "appeals-1", "not to carry out an EHC needs assessment"),
    ("council said no", "appeals-1", "not necessary to issue an EHC plan"),
    ("disagree with what the EHC plan", "mediation-2", "only about the name of the school"),
    ("disagree with what the EHC plan", "appeals-2", "the school or other institution"),
    ("disagree with what the EHC plan", "appeals-2", "an amendment to these elements"),
    ("complain", "complaints-1", "complaints procedure"),
    ("complain", "choosing-a-route", "you can still make a complaint"),
    ("not sure", "about-1", "07977 015 674"),
    ("not sure", "more-help-2", "We can give you"),
]


@pytest.mark.parametrize(("answer_words", "card_id", "says"), CHECKS)
def test_each_route_is_what_the_leaflet_says(
    help_load: HelpLoad, library: Library, answer_words: str, card_id: str, says: str
) -> None:
    leaflet = library.leaflets[0]
    routes = routes_of(help_load, library)
    answer = next(a for a in routes.answers if answer_words in a.text)
    ids = [local_card_id(leaflet.cards[i]) for i in answer.cards]
    assert card_id in ids, (answer.text, ids)
    assert says in card_plain_text(leaflet.cards[leaflet.card_index(card_id)])


def test_card_ids_are_the_leaflets_own(library: Library) -> None:
    ids = [local_card_id(c) for c in library.leaflets[0].cards]
    assert ids[:4] == ["about-1", "about-2", "about-3", "first-steps"]
    assert len(set(ids)) == len(ids)


def leaflet_with_routes(tmp_path: Path, routes: str) -> Path:
    folder = make_leaflet(
        tmp_path / "lf",
        {
            "01-a.md": card("a", "A", 1, "One.\n\n---\n\nTwo."),
            "02-b.md": card("b", "B", 2, "Three."),
        },
    )
    (folder / "routes.toml").write_text(routes, encoding="utf-8")
    return folder


ANSWERS = """question = "What is happening?"

[[answer]]
text = "First"
cards = ["a-1", "b"]
"""


@pytest.mark.parametrize(
    ("extra", "line", "message"),
    [
        (
            '\n[[answer]]\ntext = "Second"\ncards = ["a-3"]\n',
            9,
            "card 'a-3' is not in the leaflet",
        ),
        ('\n[[answer]]\ntext = "Second"\ncards = ["b", "a-2"]\n', 9, "in the leaflet's order"),
        ('\n[[answer]]\ntext = "Second"\ncards = ["b", "b"]\n', 9, "lists a card twice"),
        ('\n[[answer]]\ncards = ["b"]\n', 7, "missing 'text'"),
        ("", 3, "needs 2 to 6 [[answer]] entries"),
    ],
)
def test_bad_routes_name_file_and_line(
    tmp_path: Path, library: Library, extra: str, line: int, message: str
) -> None:
    from kiosk.content import load_library

    folder = leaflet_with_routes(tmp_path, ANSWERS + extra)
    leaflet = load_library(folder).leaflets[0]
    routes, problems = load_routes(leaflet)
    assert routes is None
    assert any(p.line == line and message in p.message for p in problems), [
        str(p) for p in problems
    ]


def test_good_routes_load(tmp_path: Path) -> None:
    from kiosk.content import load_library

    folder = leaflet_with_routes(
        tmp_path, ANSWERS + '\n[[answer]]\ntext = "Second"\ncards = ["a-2"]\n'
    )
    leaflet = load_library(folder).leaflets[0]
    routes, problems = load_routes(leaflet)
    assert not problems and routes is not None
    assert [a.cards for a in routes.answers] == [(0, 2), (1,)]


def test_broken_routes_leave_the_leaflet_and_glossary(tmp_path: Path) -> None:
    from kiosk.app import choose_content

    folder = leaflet_with_routes(tmp_path, ANSWERS + '\n[[answer]]\ntext = "x"\ncards = ["zz"]\n')
    choice = choose_content([folder])
    assert choice.source == str(folder)
    assert choice.help.for_leaflet(choice.library.leaflets[0]).routes is None
    assert any("routes.toml:9" in line for line in choice.problems), choice.problems
