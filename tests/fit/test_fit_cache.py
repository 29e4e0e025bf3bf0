"""`--check-content`'s screen-fit rule (issue 14) with its verdict cache (issue 13): a second
check reuses what it measured, anything that changed is measured again, a damaged cache is
rebuilt with a log line, and a card that does not fit fails with the same message from the
cache as when measured. The cache is JSON: a pickle planted in its place runs nothing."""

from __future__ import annotations

import json
import logging
import pickle
from pathlib import Path

import pytest

from kiosk.content import load_library
from kiosk.fit import check_fit
from kiosk.fit_cache import FILE_NAME
from tests.helpers.cli import leaflet_copy, run_kiosk

TALL_ITEMS = "\n".join(f"- Item {n}" for n in range(60))


def _tall_topic(folder: Path) -> Path:
    path = folder / "50-tall.md"
    path.write_text(f'+++\nid = "tall"\ntitle = "Tall"\norder = 50\n+++\n\n{TALL_ITEMS}\n')
    return path


def _fit_line(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("screen fit:"))


def test_a_second_check_reuses_every_verdict_and_says_the_same(tmp_path: Path) -> None:
    folder = leaflet_copy(tmp_path / "leaflet")
    tall = _tall_topic(folder)
    home = tmp_path / "home"
    first = run_kiosk("--check-content", str(folder), home=home)
    second = run_kiosk("--check-content", str(folder), home=home)
    cards = len(load_library(folder).leaflets[0].cards)
    # Both screens for every card but the tall one, which fails on the first.
    assert _fit_line(first.stdout) == (
        f"screen fit: {2 * cards - 1} card layout(s) measured, 0 from the cache"
    )
    assert _fit_line(second.stdout) == (
        f"screen fit: 0 card layout(s) measured, {2 * cards - 1} from the cache"
    )
    assert first.returncode == second.returncode == 1
    message = f"{tall}:7: card 'tall' does not fit a 1920x1080 screen at 100% text (it needs "
    assert message in first.stderr
    assert first.stderr == second.stderr
    document = json.loads((home / "data" / "cache" / FILE_NAME).read_text("utf-8"))
    assert set(document) == {"format", "environment", "verdicts"}
    assert len(document["verdicts"]) == 2 * cards - 1


def test_a_changed_card_is_measured_again_and_its_new_verdict_holds(
    tmp_path: Path, qapp: object
) -> None:
    folder = leaflet_copy(tmp_path / "leaflet")
    short = folder / "50-short.md"
    short.write_text('+++\nid = "short"\ntitle = "Short"\norder = 50\n+++\n\nA short card.\n')
    cache = tmp_path / "cache"
    cold = check_fit(load_library(folder), cache)
    assert cold.problems == [] and cold.cached == 0
    # Same file, same lines, same id: only the text changed, and now it is far too tall.
    short.write_text(f'+++\nid = "short"\ntitle = "Short"\norder = 50\n+++\n\n{TALL_ITEMS}\n')
    changed = check_fit(load_library(folder), cache)
    assert (changed.measured, changed.cached) == (1, cold.measured - 2)
    assert [p.message.split(" (")[0] for p in changed.problems] == [
        "card 'short' does not fit a 1920x1080 screen at 100% text"
    ]
    assert changed.problems[0].file == short and changed.problems[0].line == 7


def test_what_the_screen_shows_around_a_card_is_in_its_key(tmp_path: Path, qapp: object) -> None:
    """The leaflet's title and card count are on the card screen: changing them re-measures
    the leaflet's cards; a cache for other content or another leaflet is never used."""
    folder = leaflet_copy(tmp_path / "leaflet")
    cache = tmp_path / "cache"
    cold = check_fit(load_library(folder), cache)
    toml = folder / "leaflet.toml"
    toml.write_text(toml.read_text("utf-8").replace('title = "', 'title = "New: ', 1), "utf-8")
    retitled = check_fit(load_library(folder), cache)
    assert (retitled.measured, retitled.cached) == (cold.measured, 0)
    (folder / "50-extra.md").write_text(
        '+++\nid = "extra"\ntitle = "Extra"\norder = 50\n+++\n\nOne more card.\n'
    )
    grown = check_fit(load_library(folder), cache)
    assert grown.cached == 0  # "Card 3 of 30" now, not "of 29"


def test_a_damaged_cache_is_rebuilt_with_a_log_line(
    tmp_path: Path, qapp: object, caplog: pytest.LogCaptureFixture
) -> None:
    folder = leaflet_copy(tmp_path / "leaflet")
    cache = tmp_path / "cache"
    cold = check_fit(load_library(folder), cache)
    file = cache / FILE_NAME
    document = json.loads(file.read_text("utf-8"))
    for damage in (
        b"\x00\xff not json",
        b"[" * 100_000,
        json.dumps({**document, "verdicts": dict.fromkeys(document["verdicts"], "yes")}).encode(),
    ):
        file.write_bytes(damage)
        with caplog.at_level(logging.WARNING, "kiosk.fit"):
            caplog.clear()
            again = check_fit(load_library(folder), cache)
        assert f"fit cache {file} unusable" in caplog.text
        assert (again.measured, again.problems) == (cold.measured, [])
        assert json.loads(file.read_text("utf-8"))["verdicts"] == document["verdicts"]


def test_a_pickle_in_the_cache_runs_nothing(tmp_path: Path, qapp: object) -> None:
    folder = leaflet_copy(tmp_path / "leaflet")
    cache = tmp_path / "cache"
    cache.mkdir()
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (exec, (f"open({str(marker)!r}, 'w').close()",))

    (cache / FILE_NAME).write_bytes(pickle.dumps(Payload()))
    report = check_fit(load_library(folder), cache)
    assert not marker.exists()
    assert report.cached == 0 and report.problems == []


def test_another_environment_s_verdicts_are_not_used(tmp_path: Path, qapp: object) -> None:
    """Verdicts written under other fonts, Qt or program are stale as a whole."""
    folder = leaflet_copy(tmp_path / "leaflet")
    cache = tmp_path / "cache"
    check_fit(load_library(folder), cache)
    file = cache / FILE_NAME
    document = json.loads(file.read_text("utf-8"))
    file.write_text(json.dumps({**document, "environment": "0" * 64}), "utf-8")
    assert check_fit(load_library(folder), cache).cached == 0


def test_text_scaling_by_qt_changes_the_environment(
    qapp: object, library: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from kiosk.fit import environment

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = environment(app, library)  # type: ignore[arg-type]
    monkeypatch.setenv("QT_FONT_DPI", "144")
    assert environment(app, library) != before  # type: ignore[arg-type]


def test_an_unwritable_cache_folder_only_costs_the_cache(tmp_path: Path, qapp: object) -> None:
    folder = leaflet_copy(tmp_path / "leaflet")
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    report = check_fit(load_library(folder), blocked / "cache")
    assert report.problems == [] and report.measured > 0
