"""The parsed-content cache holds plain JSON, and any damage to it means a rebuild, not a crash."""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.content import cache, load_library
from kiosk.content.cache import fingerprint, load_library_cached
from kiosk.content.deferred import DeferredLeaflet, body_checksum
from tests.helpers.leaflets import library_folder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def content() -> Path:
    return paths.bundled_content()


def cache_file(cache_dir: Path, content: Path) -> Path:
    return cache_dir / f"content-{fingerprint(content)}.json"


def test_second_load_comes_from_the_cache_and_equals_a_fresh_parse(
    tmp_path: Path, content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load_library_cached(content, tmp_path)
    written = cache_file(tmp_path, content)
    assert json.loads(written.read_text("utf-8"))["format"] == cache.CACHE_FORMAT

    def no_parse(_root: Path) -> None:
        raise AssertionError("parsed although the cache was good")

    monkeypatch.setattr("kiosk.content.loader.load_library", no_parse)
    again = load_library_cached(content, tmp_path)
    assert again == first == load_library(content)


def _damage(path: Path, how: str) -> None:
    text = path.read_text("utf-8")
    document = json.loads(text)
    # A leaflet's cards are kept as one JSON text with a checksum (content/deferred.py).
    entry = document["library"]["leaflets"][0]
    body = json.loads(entry["body"])
    card = body["sections"][0]["cards"][0]

    def write_card() -> None:
        entry["body"] = json.dumps(body)  # its checksum is left as it was
        path.write_text(json.dumps(document), "utf-8")

    if how == "truncated":
        path.write_text(text[: len(text) // 2], "utf-8")
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "not utf-8":
        path.write_bytes(b"\xff\xfe" + text.encode()[:100])
    elif how == "not an object":
        path.write_text("[1, 2, 3]", "utf-8")
    elif how == "deep nesting":
        path.write_text("[" * 200_000 + "]" * 200_000, "utf-8")
    elif how == "wrong type":
        card["part"] = "one"
        write_card()
    elif how == "bool for int":
        card["part"] = True
        write_card()
    elif how == "missing field":
        del card["section_title"]
        write_card()
    elif how == "foreign class":
        card["blocks"][0] = {"@type": "system", "command": "touch /tmp/x"}
        write_card()
    elif how == "other version":
        document["version"] = "0.0.0-other"
        path.write_text(json.dumps(document), "utf-8")
    elif how == "other format":
        document["format"] = 1
        path.write_text(json.dumps(document), "utf-8")
    else:
        raise AssertionError(how)


DAMAGE = [
    "truncated",
    "empty",
    "not utf-8",
    "not an object",
    "deep nesting",
    "wrong type",
    "bool for int",
    "missing field",
    "foreign class",
    "other version",
    "other format",
]


@pytest.mark.parametrize("how", DAMAGE)
def test_a_damaged_cache_is_rebuilt_with_one_log_line(
    tmp_path: Path, content: Path, how: str, caplog: pytest.LogCaptureFixture
) -> None:
    load_library_cached(content, tmp_path)
    cached = cache_file(tmp_path, content)
    _damage(cached, how)
    with caplog.at_level(logging.INFO, logger="kiosk.content"):
        library = load_library_cached(content, tmp_path)
    assert library == load_library(content)
    lines = [r for r in caplog.records if r.name == "kiosk.content"]
    assert len(lines) == 1, [r.getMessage() for r in lines]
    assert lines[0].levelno == logging.WARNING
    assert str(cached) in lines[0].getMessage() and "rebuilding" in lines[0].getMessage()
    # Rebuilt: the next start reads it again without a word.
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="kiosk.content"):
        assert load_library_cached(content, tmp_path) == library
    assert not [r for r in caplog.records if r.name == "kiosk.content"]


def test_the_cache_gives_titles_at_once_and_a_leaflets_cards_when_first_used(
    tmp_path: Path, content: Path
) -> None:
    """What the kiosk needs before its first paint is each leaflet's title and the like:
    reading the cache decodes no card, and using one leaflet decodes that one only."""
    root = library_folder(tmp_path / "content")
    first = load_library_cached(root, tmp_path / "cache")
    library = load_library_cached(root, tmp_path / "cache")
    leaflets = library.leaflets
    assert len(leaflets) == 3
    assert all(isinstance(lf, DeferredLeaflet) and not lf.decoded for lf in leaflets)
    assert [lf.title for lf in leaflets] == [lf.title for lf in first.leaflets]
    assert leaflets[1].cards and leaflets[1].decoded
    assert [lf.decoded for lf in leaflets] == [False, True, False]
    assert library == first == load_library(root)


def test_a_leaflet_whose_cards_no_longer_decode_is_parsed_instead(
    tmp_path: Path, content: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A body that passes its checksum but not the model (a foreign class, written with a
    right checksum) is refused when first used: that leaflet is parsed, with one log line."""
    load_library_cached(content, tmp_path)
    cached = cache_file(tmp_path, content)
    document = json.loads(cached.read_text("utf-8"))
    entry = document["library"]["leaflets"][0]
    body = json.loads(entry["body"])
    body["sections"][0]["cards"][0]["blocks"][0] = {"@type": "system", "command": "x"}
    entry["body"] = json.dumps(body)
    entry["checksum"] = body_checksum(entry["body"])
    cached.write_text(json.dumps(document), "utf-8")
    library = load_library_cached(content, tmp_path)
    with caplog.at_level(logging.INFO, logger="kiosk.content"):
        assert library.leaflets[0].cards == load_library(content).leaflets[0].cards
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.content"]
    assert len(lines) == 1 and "parsing it" in lines[0], lines


class _RunsCode:
    """What an attacker who can write the data folder would leave: unpickling runs a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_a_pickle_payload_never_runs(tmp_path: Path, content: Path) -> None:
    marker = tmp_path / "payload-ran"
    payload = pickle.dumps(_RunsCode(marker))
    # Proof the payload is live: unpickling it would run the command.
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    key = fingerprint(content)
    # Where the pickle cache used to live, and where the JSON cache lives now.
    (cache_dir / f"content-{key}.pickle").write_bytes(payload)
    (cache_dir / f"content-{key}.json").write_bytes(payload)
    library = load_library_cached(content, cache_dir)
    assert library == load_library(content)
    assert not marker.exists(), "the cache ran code"
    assert sorted(p.name for p in cache_dir.iterdir()) == [f"content-{key}.json"]
    pickle.loads(payload)  # the control: the same bytes do run code when unpickled
    assert marker.exists()


def test_the_cache_module_cannot_unpickle() -> None:
    source = Path(cache.__file__).read_text("utf-8")
    assert "import pickle" not in source and "marshal" not in source


def test_a_kiosk_with_a_damaged_cache_starts_and_says_so_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real start path (`python -m kiosk`, here its self-test) over a damaged cache."""
    monkeypatch.setenv(paths.HOME_ENV, str(tmp_path))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "kiosk", "--self-test"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr
    [cached] = (paths.data_dir() / "cache").glob("content-*.json")
    cached.write_bytes(cached.read_bytes()[:-10])
    damaged = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert damaged.returncode == 0, damaged.stderr
    said = [line for line in damaged.stderr.splitlines() if "cache" in line]
    assert len(said) == 1 and str(cached) in said[0], damaged.stderr
    json.loads(cached.read_text("utf-8"))  # rewritten whole


def test_an_edit_by_staff_is_seen_at_once(tmp_path: Path, content: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(content, copy)
    cache_dir = tmp_path / "cache"
    before = load_library_cached(copy, cache_dir)
    topic = sorted(copy.rglob("02-*.md"))[0]
    topic.write_text(topic.read_text("utf-8").replace("first step", "very first step"), "utf-8")
    after = load_library_cached(copy, cache_dir)
    assert after != before
    assert after == load_library(copy)


def _count_parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the leaflet folders load_library parses from their files, in order."""
    from kiosk.content import loader

    parsed: list[str] = []
    real = loader._load_leaflet

    def counting(folder: Path, *args: object) -> object:
        parsed.append(folder.name)
        return real(folder, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "_load_leaflet", counting)
    return parsed


def test_after_an_edit_to_one_leaflet_only_that_leaflet_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Staff edit one leaflet of a library: the next start parses that leaflet and takes the
    others' cards from the cache as they were (a 50-leaflet library started in 1.4 s instead
    of 0.6 s after any edit, when one change meant parsing every leaflet)."""
    root = library_folder(tmp_path / "content")
    cache_dir = tmp_path / "cache"
    load_library_cached(root, cache_dir)
    folders = sorted(p.name for p in root.iterdir())
    edited = root / folders[1]
    topic = sorted(edited.glob("*.md"))[0]
    topic.write_text(topic.read_text("utf-8") + "\nA sentence staff added.\n", "utf-8")
    parsed = _count_parsed(monkeypatch)
    with caplog.at_level(logging.INFO, logger="kiosk.content"):
        library = load_library_cached(root, cache_dir)
    assert parsed == [edited.name]
    assert not [r for r in caplog.records if r.name == "kiosk.content"]
    others = [lf for lf in library.leaflets if lf.folder != edited]
    assert all(isinstance(lf, DeferredLeaflet) and not lf.decoded for lf in others)
    assert library == load_library(root)
    assert "A sentence staff added." in json.dumps(cache.encode(library.leaflets[1].sections))
    # The new cache holds every leaflet, the unchanged ones as they were read.
    parsed.clear()
    assert load_library_cached(root, cache_dir) == library
    assert parsed == []
    assert [p.name for p in cache_dir.iterdir()] == [cache_file(cache_dir, root).name]


def test_a_leaflet_added_or_taken_away_parses_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = library_folder(tmp_path / "content")
    cache_dir = tmp_path / "cache"
    load_library_cached(root, cache_dir)
    first, *_rest = sorted(root.iterdir())
    added = root / "zz-added"
    shutil.copytree(first, added)
    manifest = added / "leaflet.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('id = "', 'id = "added-', 1), "utf-8")
    parsed = _count_parsed(monkeypatch)
    library = load_library_cached(root, cache_dir)
    assert parsed == ["zz-added"]
    assert library == load_library(root)
    shutil.rmtree(first)
    parsed.clear()
    library = load_library_cached(root, cache_dir)
    assert parsed == []
    assert library == load_library(root)
    assert first not in [lf.folder for lf in library.leaflets]


@pytest.mark.parametrize("how", ["a leaflet's checksum", "truncated", "other format"])
def test_an_earlier_cache_that_is_damaged_is_not_reused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    how: str,
) -> None:
    """After an edit the earlier cache is only read for the leaflets it can give back; if it is
    damaged, every leaflet is parsed, as if there were no cache, and the start goes on."""
    root = library_folder(tmp_path / "content")
    cache_dir = tmp_path / "cache"
    load_library_cached(root, cache_dir)
    [written] = cache_dir.glob("content-*.json")
    document = json.loads(written.read_text("utf-8"))
    if how == "a leaflet's checksum":
        document["library"]["leaflets"][0]["checksum"] += 1
        written.write_text(json.dumps(document), "utf-8")
    elif how == "truncated":
        written.write_text(written.read_text("utf-8")[:5000], "utf-8")
    else:
        document["format"] = cache.CACHE_FORMAT - 1
        written.write_text(json.dumps(document), "utf-8")
    edited = sorted(root.iterdir())[-1] / "leaflet.toml"
    edited.write_text(edited.read_text("utf-8") + "\n", "utf-8")
    parsed = _count_parsed(monkeypatch)
    with caplog.at_level(logging.INFO, logger="kiosk.content"):
        library = load_library_cached(root, cache_dir)
    assert sorted(parsed) == sorted(p.name for p in root.iterdir())
    assert library == load_library(root)
    said = [r.getMessage() for r in caplog.records if r.name == "kiosk.content"]
    if how == "other format":  # an older program's cache: nothing to say
        assert said == []
    else:
        assert len(said) == 1 and "not reused" in said[0] and str(written) in said[0], said


def test_only_the_content_models_own_classes_are_decoded() -> None:
    """The cache names classes by name: a dataclass called `Card` from anywhere else is not
    the model's, even though the model's card classes live in a module loaded late."""
    from dataclasses import dataclass

    from kiosk.content.model import Card, Span

    @dataclass(frozen=True)
    class Span2:
        text: str

    Span2.__name__ = Span2.__qualname__ = "Span"
    with pytest.raises(cache.CacheDamagedError, match="not a class of the content model"):
        cache.decode({"@type": "Span", "text": "x"}, Span2)
    assert cache.decode(cache.encode(Span("x", bold=True)), Span) == Span("x", bold=True)
    card = load_library(paths.bundled_content()).leaflets[0].cards[0]
    assert cache.decode(cache.encode(card), Card) == card
