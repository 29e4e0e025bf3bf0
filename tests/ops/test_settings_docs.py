"""The settings tables in the docs are generated from the schema; these fail when they drift.

Fix with: .venv/bin/python -m kiosk.config --write-docs
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import config
from kiosk.config import SCHEMA, settings_table_markdown, table_between_markers

ROOT = Path(__file__).resolve().parents[2]
FIX = "run `.venv/bin/python -m kiosk.config --write-docs`"


@pytest.mark.parametrize("doc", ["README.md", "docs/settings.md"])
def test_doc_table_matches_schema(doc: str) -> None:
    path = ROOT / doc
    assert path.exists(), f"{doc} is missing; {FIX}"
    table = table_between_markers(path.read_text("utf-8"))
    assert table is not None, f"{doc} has no settings-table markers; {FIX}"
    assert table == settings_table_markdown(), f"{doc} settings table is out of date; {FIX}"


def test_table_has_a_row_per_setting() -> None:
    rows = settings_table_markdown().splitlines()[2:]
    assert [row.split("`")[1] for row in rows] == list(SCHEMA)


def test_replace_between_markers_touches_only_the_table() -> None:
    text = (
        "# Kiosk\n\nIntro.\n\n<!-- settings-table:start -->\nold\n"
        "<!-- settings-table:end -->\n\nMore.\n"
    )
    new = config.replace_between_markers(text, "| new |\n")
    assert new == text.replace("old\n", "| new |\n")


def test_replace_appends_a_section_when_markers_are_absent() -> None:
    new = config.replace_between_markers("# Kiosk\n", "| t |\n")
    assert new.startswith("# Kiosk\n\n## Settings\n\n<!-- settings-table:start -->\n| t |\n")
    assert table_between_markers(new) == "| t |\n"


def test_sync_settings_table(tmp_path: Path) -> None:
    doc = tmp_path / "README.md"
    doc.write_text("# Kiosk\n", encoding="utf-8")
    assert config.sync_settings_table(doc)
    assert not config.sync_settings_table(doc)
    assert table_between_markers(doc.read_text("utf-8")) == settings_table_markdown()
