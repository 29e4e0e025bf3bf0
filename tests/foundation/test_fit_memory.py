"""The attract screen's fit, searched for once and then remembered between runs
(kiosk/fit_memory.py): a later start checks it in two tries, and gets the same sizes."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kiosk.fit_memory import FILE_NAME, MAX_FITS, FitMemory
from kiosk.ui.fit import FLOOR, Fit, refit, search_fit
from tests.helpers.entry_point import run_entry


class Block:
    """Words that fit at `limit` and below: what `apply` set is what `fits` looks at."""

    def __init__(self, limit: float) -> None:
        self.limit = limit
        self.size = 0.0
        self.tries: list[float] = []

    def apply(self, factor: float) -> None:
        self.size = factor
        self.tries.append(factor)

    def fits(self) -> bool:
        return self.size <= self.limit


def searched(limit: float) -> Fit:
    block = Block(limit)
    return search_fit(block.apply, block.fits, 1.0)


def test_a_remembered_fit_is_checked_in_two_tries_and_gives_what_the_search_gives() -> None:
    searched = Block(0.61)
    found = search_fit(searched.apply, searched.fits, 1.0)
    assert len(searched.tries) == 9 and found.too_big is not None
    assert found.factor <= 0.61 < found.too_big

    again = Block(0.61)
    assert refit(again.apply, again.fits, 1.0, tuple(found)) == found
    assert again.tries == [found.too_big, found.factor]
    assert again.size == found.factor  # left applied


@pytest.mark.parametrize(
    "limit", [0.9, 0.3, 0.615], ids=["now-fits-larger", "now-fits-smaller", "moved-a-little"]
)
def test_a_fit_that_no_longer_holds_is_searched_for_again(limit: float) -> None:
    old = searched(0.61)
    block = Block(limit)
    fresh = searched(limit)
    got = refit(block.apply, block.fits, 1.0, tuple(old))
    if got != old:
        assert got == fresh
        assert block.size == fresh.factor
    else:  # the threshold moved within the search's own step: the old pair still tells it
        assert got.factor <= limit < (got.too_big or 0)


@pytest.mark.parametrize(
    "known",
    [None, (1.0, None), (0.5, 0.4), (0.2, 0.25), (0.5, 1.5), (0.5, 0.5)],
    ids=["none", "top", "upside-down", "below-the-floor", "above-the-top", "no-gap"],
)
def test_a_remembered_fit_that_cannot_be_right_is_not_tried(
    known: tuple[float, float | None] | None,
) -> None:
    block = Block(0.61)
    got = refit(block.apply, block.fits, 1.0, known)
    assert got == searched(0.61)
    assert len(block.tries) == 9
    assert FLOOR <= got.factor <= 1.0


def test_the_fits_are_kept_in_the_file_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cache" / FILE_NAME
    memory = FitMemory(path)
    assert memory.get("a") is None
    memory.put("a", Fit(0.5, 0.51))
    memory.put("b", Fit(1.0))
    memory.save()
    again = FitMemory(path)
    assert again.get("a") == (0.5, 0.51) and again.get("b") == (1.0, None)


def test_the_file_is_written_only_when_a_fit_changed(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    memory = FitMemory(path)
    memory.put("a", Fit(0.5, 0.51))
    memory.save()
    written = path.stat().st_mtime_ns
    again = FitMemory(path)
    again.put("a", Fit(0.5, 0.51))
    again.save()
    assert path.stat().st_mtime_ns == written


def test_the_oldest_fits_go_first(tmp_path: Path) -> None:
    memory = FitMemory(tmp_path / FILE_NAME)
    for n in range(MAX_FITS + 5):
        memory.put(f"k{n}", Fit(0.5, 0.6))
    memory.save()
    again = FitMemory(tmp_path / FILE_NAME)
    assert again.get("k0") is None and again.get("k4") is None
    assert again.get("k5") == (0.5, 0.6) and again.get(f"k{MAX_FITS + 4}") == (0.5, 0.6)


@pytest.mark.parametrize(
    "text",
    [
        "not json {",
        "[1, 2]",
        '{"format": 99, "fits": {"a": [0.5, 0.6]}}',
        '{"format": 1, "fits": []}',
    ],
    ids=["damaged", "a-list", "another-format", "fits-not-a-table"],
)
def test_a_file_that_is_not_ours_costs_a_search_never_a_crash(
    tmp_path: Path, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / FILE_NAME
    path.write_text(text, "utf-8")
    with caplog.at_level(logging.WARNING, "kiosk.fit"):
        memory = FitMemory(path)
        assert memory.get("a") is None
    if text.startswith("not json"):
        assert str(path) in caplog.text
    memory.put("a", Fit(0.5, 0.6))
    memory.save()
    assert FitMemory(path).get("a") == (0.5, 0.6)  # and the next save mends it


def test_entries_that_are_not_fits_are_left_out(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    entries = {
        "good": [0.5, 0.6],
        "top": [1.0, None],
        "text": ["0.5", 0.6],
        "negative": [-1, 0.6],
        "nan": [float("nan"), 0.6],
        "bool": [True, None],
        "three": [0.5, 0.6, 0.7],
        "table": {"factor": 0.5},
    }
    path.write_text(json.dumps({"format": 1, "fits": entries}), "utf-8")
    memory = FitMemory(path)
    assert memory.get("good") == (0.5, 0.6) and memory.get("top") == (1.0, None)
    assert [k for k in entries if memory.get(k) is not None] == ["good", "top"]


def test_a_fit_that_cannot_be_written_is_logged_not_raised(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", "utf-8")
    memory = FitMemory(blocked / FILE_NAME)
    memory.put("a", Fit(0.5, 0.6))
    with caplog.at_level(logging.WARNING, "kiosk.fit"):
        memory.save()
    assert "could not keep screen fits" in caplog.text


# `python -m kiosk --quit-after-paint`, twice in one home: what the attract screen tried,
# and the sizes it ended with, at its first paint.
START = """
import runpy, sys
import kiosk.hermetic
kiosk.hermetic.prepare()
import kiosk.ui.attract as attract
import kiosk.ui.main_window as main_window

tries = []
real_restyle = attract.restyle

def restyle(container, sheet, widgets):
    tries.append(sheet)
    real_restyle(container, sheet, widgets)

attract.restyle = restyle
real_after_paint = main_window.KioskWindow._after_first_paint

def after_first_paint(self):
    screen = self.attract
    print("TRIES", len(tries), flush=True)
    print("BLOCK", *screen.block.geometry().getRect(), flush=True)
    print("TITLE", screen.title.font().pixelSize(), screen.title.height(), flush=True)
    real_after_paint(self)

main_window.KioskWindow._after_first_paint = after_first_paint
sys.argv = ["kiosk", "--quit-after-paint"]
runpy.run_module("kiosk", run_name="__main__")
"""


def _lines(home: Path) -> dict[str, list[str]]:
    out = run_entry(home, START).stdout.splitlines()
    return {line.split()[0]: line.split()[1:] for line in out if line.split()}


def test_the_second_start_checks_the_first_starts_fit_and_shows_the_same_sizes(
    tmp_path: Path,
) -> None:
    first = _lines(tmp_path)
    # The bundled leaflet's words do not fit at full size on the test's screen: a search.
    assert int(first["TRIES"][0]) >= 8
    assert (tmp_path / "data" / "cache" / FILE_NAME).is_file()
    second = _lines(tmp_path)
    assert int(second["TRIES"][0]) == 2
    assert second["BLOCK"] == first["BLOCK"] and second["TITLE"] == first["TITLE"]

    # Damaged between starts: one search again, the same sizes, and the file mended.
    (tmp_path / "data" / "cache" / FILE_NAME).write_text("{", "utf-8")
    third = _lines(tmp_path)
    assert int(third["TRIES"][0]) == int(first["TRIES"][0])
    assert third["BLOCK"] == first["BLOCK"] and third["TITLE"] == first["TITLE"]
    assert int(_lines(tmp_path)["TRIES"][0]) == 2
