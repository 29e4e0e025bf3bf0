"""Loading and validating content folders: the bundled one, good ones and broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths
from kiosk.cli import main
from kiosk.content import ContentError, load_library
from kiosk.content.model import BulletList, CodeReference, ContactBlock, Paragraph, Quote
from tests.helpers.content_factory import LEAFLET, card, make_leaflet


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_library(folder)
    return [str(p) for p in info.value.problems]


def test_bundled_content_loads_with_typed_blocks() -> None:
    library = load_library(paths.bundled_content())
    assert len(library.leaflets) == 1
    leaflet = library.leaflets[0]
    assert leaflet.title == "What If I Do Not Agree With Decisions About SEN Provision?"
    blocks = [b for c in leaflet.cards for b in c.blocks]
    quotes = [b.paragraph for b in blocks if isinstance(b, Quote)]
    assert quotes == ["6.1", "11.3", "11.6", "11.3", "11.45", "11.45"]
    refs = [b.sections for b in blocks if isinstance(b, CodeReference)]
    assert ("11.2", "11.67-11.111") in refs
    contacts = {b.contact.id for b in blocks if isinstance(b, ContactBlock)}
    assert contacts == {"sendiass", "together-trust", "global-mediation"}
    assert leaflet.contacts["sendiass"].phone == "07977 015 674"
    # Long sections are split into numbered parts; ids are unique.
    mediation = [c for c in leaflet.cards if c.section_id == "mediation"]
    assert mediation[0].title == f"Mediation, 1 of {len(mediation)}"
    assert len({c.id for c in leaflet.cards}) == len(leaflet.cards)
    # The contacts have a card of their own.
    assert any(c.section_id == "contacts" for c in leaflet.cards)


def test_good_folder_with_several_leaflets(tmp_path: Path) -> None:
    make_leaflet(tmp_path / "one")
    make_leaflet(
        tmp_path / "two",
        {"01-b.md": card("b", "B", 1, "- x\n- y")},
        LEAFLET.replace('id = "test"', 'id = "test2"'),
    )
    library = load_library(tmp_path)
    assert [lf.id for lf in library.leaflets] == ["test", "test2"]
    first = library.leaflets[0].cards[0]
    assert first.blocks == (Paragraph(first.blocks[0].spans),)  # type: ignore[union-attr]
    assert [s.bold for s in first.blocks[0].spans] == [False, True, False]  # type: ignore[union-attr]
    assert isinstance(library.leaflets[1].cards[0].blocks[0], BulletList)


def test_order_comes_from_settings_not_file_names(tmp_path: Path) -> None:
    make_leaflet(
        tmp_path, {"a.md": card("late", "Late", 2, "L."), "b.md": card("early", "E", 1, "E.")}
    )
    assert [c.id for c in load_library(tmp_path).leaflets[0].cards] == ["early", "late"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("[a link](http://x)", "a-a.md:7: unsupported Markdown: a link"),
        ("# Heading", "a-a.md:7: unsupported Markdown: a heading"),
        ("> quoted", "a-a.md:7: unsupported Markdown: a '>' quotation"),
        ("1. one\n2. two", "a-a.md:7: unsupported Markdown: a numbered list"),
        ("<b>x</b>", "a-a.md:7: unsupported Markdown: HTML"),
        ("Text\n\n::: contact nobody\n:::", "a-a.md:9: broken reference: contact 'nobody'"),
        ("::: quote\nWords\n:::", "a-a.md:7: '::: quote' needs the Code paragraph number"),
        ("::: code-ref 11.2\nNo number here.\n:::", "a-a.md:7: broken reference: section 11.2"),
        ("::: warning\nx\n:::", "a-a.md:7: unknown block '::: warning"),
        ("One.\n\n---\n\n---\n\nTwo.", "a-a.md:11: '---' starts a card but the card before it"),
    ],
)
def test_broken_markdown_is_named_with_file_and_line(
    tmp_path: Path, body: str, expected: str
) -> None:
    make_leaflet(tmp_path, {"a-a.md": card("a", "A", 1, body)})
    found = problems_of(tmp_path)
    assert any(p.endswith(expected) or expected in p for p in found), found
    assert all(p.startswith(str(tmp_path)) for p in found)


def test_settings_problems(tmp_path: Path) -> None:
    make_leaflet(
        tmp_path,
        {
            "1.md": '+++\nid = "a"\norder = 1\ncolour = "red"\n+++\nText.\n',
            "2.md": card("a", "Dup", 2, "Text."),
            "3.md": card("b", "B", 2, "Text."),
            "4.md": '+++\nid = "c"\ntitle = "C"\norder = "first"\n+++\nText.\n',
            "5.md": '+++\nid = = "d"\n+++\nText.\n',
            "6.md": "No settings at all.\n",
        },
    )
    found = "\n".join(problems_of(tmp_path))
    assert "1.md:4: unknown key 'colour' in card settings" in found
    assert "1.md:2: missing 'title' in card settings" in found
    assert "order 2 is also used by" in found
    assert "4.md:4: 'order' in card settings must be int" in found
    assert "5.md:2: card settings are not valid TOML" in found
    assert "6.md:1: must start with a '+++' line" in found


def test_duplicate_card_ids_across_files(tmp_path: Path) -> None:
    make_leaflet(tmp_path, {"1.md": card("a", "A", 1, "x"), "2.md": card("a", "A again", 2, "y")})
    assert any("duplicate id 'a'" in p for p in problems_of(tmp_path))


def test_leaflet_toml_problems(tmp_path: Path) -> None:
    bad = (
        LEAFLET.replace('title = "Test leaflet"', 'titel = "Test leaflet"')
        + "\n[contacts.x]\nnote = 1\n"
    )
    make_leaflet(tmp_path, leaflet=bad)
    found = "\n".join(problems_of(tmp_path))
    assert "leaflet.toml:2: unknown key 'titel' in leaflet.toml" in found
    assert "missing 'title' in leaflet.toml" in found
    assert "unknown key 'note' in contacts.x" in found


def test_unreadable_files(tmp_path: Path) -> None:
    make_leaflet(tmp_path)
    (tmp_path / "02-b.md").write_bytes(b"+++\nid = 'b'\n\xff\xfe")
    assert any("02-b.md:3: not UTF-8 text" in p for p in problems_of(tmp_path))
    (tmp_path / "leaflet.toml").write_text("id = [", encoding="utf-8")
    assert any("leaflet.toml:1: not valid TOML" in p for p in problems_of(tmp_path))


def test_empty_or_missing_folder(tmp_path: Path) -> None:
    assert any("no leaflet here" in p for p in problems_of(tmp_path))
    assert any("does not exist" in p for p in problems_of(tmp_path / "nope"))


def test_check_content_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check-content", str(paths.bundled_content())]) == 0
    assert "OK" in capsys.readouterr().out
    make_leaflet(tmp_path, {"a.md": card("a", "A", 1, "[x](y)")})
    assert main(["--check-content", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "a.md:7: unsupported Markdown: a link" in err
    assert "1 problem(s)" in err
