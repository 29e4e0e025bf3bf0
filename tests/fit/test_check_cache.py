"""`--check-content` keeps what it found in each leaflet folder: a second check reads again
only the folders whose files changed, says exactly what the first said, still fails on a
problem it found before, and rebuilds a damaged cache with a log line."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import ContentError, load_library
from kiosk.content.check_cache import FILE_NAME, KnownFolders
from tests.helpers.cli import leaflet_copy


def _library(tmp_path: Path, count: int) -> Path:
    root = tmp_path / "library"
    for number in range(count):
        folder = leaflet_copy(root / f"leaflet-{number}")
        toml = folder / "leaflet.toml"
        text = toml.read_text("utf-8")
        toml.write_text(text.replace('id = "', f'id = "n{number}-', 1), "utf-8")
    return root


def test_unchanged_folders_are_not_read_again(tmp_path: Path) -> None:
    root = _library(tmp_path, 3)
    cache = tmp_path / "cache"
    first = KnownFolders(cache)
    library = load_library(root, first)
    first.save()
    assert first.reused == 0
    again = KnownFolders(cache)
    assert load_library(root, again) == library and again.reused == 3
    card = root / "leaflet-1" / "07-mediation.md"
    card.write_text(card.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    edited = KnownFolders(cache)
    reloaded = load_library(root, edited)
    assert edited.reused == 2
    assert reloaded.leaflets[1] != library.leaflets[1]
    assert reloaded.leaflets[1] == load_library(root / "leaflet-1").leaflets[0]


def test_a_broken_leaflet_is_never_kept(tmp_path: Path) -> None:
    root = _library(tmp_path, 2)
    broken = root / "leaflet-0" / "50-broken.md"
    broken.write_text('+++\nid = "Broken Id"\ntitle = "B"\norder = 50\n+++\n\nText.\n')
    cache = tmp_path / "cache"
    for _ in range(2):
        known = KnownFolders(cache)
        with pytest.raises(ContentError) as caught:
            load_library(root, known)
        known.save()
        assert f"{broken}:2: id 'Broken Id' must be" in str(caught.value)
    assert known.reused == 1  # the good leaflet only


def test_a_second_check_says_the_same_help_problems_and_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SEN_KIOSK_HOME", str(tmp_path / "home"))
    root = _library(tmp_path, 2)
    glossary = root / "leaflet-1" / "glossary.toml"
    glossary.write_text(glossary.read_text("utf-8") + "\n[[term]]\nterm = 5\n", "utf-8")
    said = []
    for _ in range(2):
        assert main(["--check-content", str(root)]) == 1
        out, err = capsys.readouterr()
        said.append((out.splitlines()[1:], err))  # all but the screen-fit line
    assert said[0] == said[1]
    assert f"{glossary}:" in said[0][1] and "Readability advice for" in "\n".join(said[0][0])
    document = json.loads((tmp_path / "home" / "data" / "cache" / FILE_NAME).read_text("utf-8"))
    assert len(document["folders"]) == 2


def test_a_damaged_cache_is_rebuilt_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = _library(tmp_path, 1)
    cache = tmp_path / "cache"
    known = KnownFolders(cache)
    library = load_library(root, known)
    known.save()
    file = cache / FILE_NAME
    document = json.loads(file.read_text("utf-8"))
    (entry,) = document["folders"].values()
    entry["leaflet"]["sections"] = "not sections"
    for damage in (b"{{{", json.dumps(document).encode()):
        file.write_bytes(damage)
        with caplog.at_level(logging.WARNING, "kiosk.content"):
            caplog.clear()
            again = KnownFolders(cache)
            assert load_library(root, again) == library
            again.save()
        assert "unusable" in caplog.text and again.reused == 0
        assert KnownFolders(cache).get(root / "leaflet-0") == library.leaflets[0]


def test_a_moved_library_is_read_again(tmp_path: Path) -> None:
    """The leaflet keeps the paths it was loaded from: problems must name the new ones."""
    root = _library(tmp_path, 1)
    cache = tmp_path / "cache"
    known = KnownFolders(cache)
    load_library(root, known)
    known.save()
    moved = tmp_path / "moved"
    shutil.move(root, moved)
    again = KnownFolders(cache)
    library = load_library(moved, again)
    assert again.reused == 0
    assert library.leaflets[0].folder == moved / "leaflet-0"
