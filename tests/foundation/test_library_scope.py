"""Leaflets in a library are independent: each may have a topic called "contacts", and the
commands name a card `leaflet/card` when there is more than one leaflet."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import ContentError, load_library
from tests.helpers.content_factory import LEAFLET, card, make_leaflet
from tests.helpers.leaflets import library_folder


def test_two_leaflets_may_share_topic_ids(tmp_path: Path) -> None:
    library = load_library(library_folder(tmp_path / "content"))
    assert [lf.id for lf in library.leaflets] == ["sen-disagreements", "help-ar", "help-cy"]
    for leaflet in library.leaflets:
        assert "contacts" in {s.id for s in leaflet.sections}, leaflet.id
    welsh = library.leaflets[2]
    assert welsh.description == "Taflen brawf fer yn Gymraeg."
    assert welsh.language == "cy"


def test_ids_stay_unique_within_a_leaflet(tmp_path: Path) -> None:
    make_leaflet(
        tmp_path / "one",
        {"01-a.md": card("a", "A", 1, "One."), "02-a.md": card("a", "A again", 2, "Two.")},
    )
    with pytest.raises(ContentError, match="duplicate id 'a'"):
        load_library(tmp_path)


def test_leaflet_ids_must_differ_and_be_plain(tmp_path: Path) -> None:
    make_leaflet(tmp_path / "one")
    make_leaflet(tmp_path / "two")
    make_leaflet(tmp_path / "three", leaflet=LEAFLET.replace('id = "test"', 'id = "a/b"'))
    with pytest.raises(ContentError) as caught:
        load_library(tmp_path)
    text = str(caught.value)
    assert "duplicate leaflet id 'test'" in text
    assert "three/leaflet.toml:1: id 'a/b' must be lower-case letters, digits and dashes" in text


def test_find_card_by_scoped_or_unique_name(tmp_path: Path) -> None:
    library = load_library(library_folder(tmp_path / "content"))
    leaflet, found = library.find_card("help-cy/contacts")
    assert (leaflet.id, found.section_title) == ("help-cy", "Cysylltu â ni")
    # A bare id is fine while only one leaflet has it...
    assert library.find_card("mediation-1")[0].id == "sen-disagreements"
    # ...and names the choices when several do.
    with pytest.raises(KeyError, match="help-ar/contacts, help-cy/contacts"):
        library.find_card("contacts")
    assert library.card_ref(leaflet, found) == "help-cy/contacts"


def test_one_leaflet_keeps_plain_card_names(library) -> None:  # type: ignore[no-untyped-def]
    leaflet = library.leaflets[0]
    assert library.card_ref(leaflet, leaflet.cards[0]) == leaflet.cards[0].id


def test_export_text_names_cards_by_leaflet(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = library_folder(tmp_path / "content")
    assert main(["--export-text", "--content", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "[Card 2 of 2: help-cy/contacts]" in out
    assert "[Card 2 of 2: help-ar/contacts]" in out
    assert "[Card 1 of " in out and ": sen-disagreements/about-1]" in out


def test_export_text_of_one_leaflet_is_unchanged(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["--export-text"]) == 0
    out = capsys.readouterr().out
    assert ": about-1]" in out and "/about-1]" not in out


def test_speak_card_asks_which_leaflet(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = library_folder(tmp_path / "content")
    wav = tmp_path / "out.wav"
    code = main(["--speak-card", "contacts", "--out", str(wav), "--content", str(folder)])
    assert code == 2
    err = capsys.readouterr().err
    assert "use one of help-ar/contacts, help-cy/contacts" in err
    code = main(["--speak-card", "nope", "--out", str(wav), "--content", str(folder)])
    assert code == 2
    assert "help-cy/contacts" in capsys.readouterr().err
    assert not wav.exists()
