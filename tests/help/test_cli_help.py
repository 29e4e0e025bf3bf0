"""--export-text keeps the leaflet and lists the kiosk's help apart; --check-content checks
the help like the rest and gives readability advice that is never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths
from kiosk.cli import main
from kiosk.content import Library, load_library
from kiosk.content.readability import card_readability, grade, leaflet_report, syllables
from kiosk.content.text import leaflet_plain_text
from tests.helpers.content_factory import card, make_leaflet


def test_export_text_is_the_leaflet_then_the_help_apart(
    capsys: pytest.CaptureFixture[str], library: Library
) -> None:
    assert main(["--export-text", "--content", str(paths.bundled_content())]) == 0
    out = capsys.readouterr().out
    leaflet = library.leaflets[0]
    leaflet_text = leaflet_plain_text(leaflet)
    assert out.startswith(leaflet_text), "the leaflet comes first, word for word"
    help_text = out[len(leaflet_text) :]
    assert help_text.lstrip().startswith(f"[Kiosk help for: {leaflet.title}]")
    assert "This is the kiosk's help, not part of the leaflet." in help_text
    assert "Telephone: 07977 015 674" in help_text
    assert "What is happening?" in help_text
    assert "- CCG: A Clinical Commissioning Group" in help_text
    assert "Integrated Care Boards" not in leaflet_text


def test_check_content_gives_advice_and_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--check-content", str(paths.bundled_content())]) == 0
    out = capsys.readouterr().out
    assert "Readability advice" in out and "(not errors" in out
    assert "  appeals-1: grade " in out
    assert "longest sentence:" in out
    assert out.rstrip().endswith("OK (1 leaflet(s), 31 cards)")


def test_check_content_fails_on_bad_help_data_naming_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_leaflet(tmp_path / "lf")
    (folder / "glossary.toml").write_text(
        '[[term]]\nterm = "x"\nexplanation = "Fine."\n', encoding="utf-8"
    )
    assert main(["--check-content", str(folder)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'glossary.toml'}:1: missing 'source' in term 1" in err


def test_readability_reports_short_forms_the_glossary_does_not_explain(tmp_path: Path) -> None:
    folder = make_leaflet(
        tmp_path / "lf",
        {"01-a.md": card("a", "A", 1, "Ask the SENCO about SEN support. The CCG pays.")},
    )
    leaflet = load_library(folder).leaflets[0]
    result = card_readability(leaflet.cards[0], None)
    assert result.unexplained == ("SENCO", "SEN", "CCG")
    report = leaflet_report(leaflet, None)
    assert "not in the glossary: SENCO, SEN, CCG" in "\n".join(report)
    assert "no glossary.toml" in report[-1]


def test_flesch_kincaid_and_syllables() -> None:
    assert [syllables(w) for w in ("cat", "table", "make", "education", "tribunal")] == [
        1,
        2,
        1,
        4,
        3,
    ]
    simple, words = grade(["The cat sat on the mat."])
    assert words == 6 and simple < 1
    hard, _ = grade(
        [
            "Local authorities must make disagreement resolution services available to "
            "parents and young people, independently commissioned and voluntary."
        ]
    )
    assert hard > 14


def test_the_issue_measure_of_the_bundled_leaflet(library: Library) -> None:
    """The hardest cards really are the Code quotations the issue pointed at."""
    leaflet = library.leaflets[0]
    results = {c.id: card_readability(c, None) for c in leaflet.cards}
    assert results["appeals-2"].grade > 12  # the long item of quotation 11.45
    assert results["mediation-1"].longest_words >= 50
    assert results["contacts-1"].words == 0
