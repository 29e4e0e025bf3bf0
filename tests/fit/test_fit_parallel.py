"""A first check of a large library measures the second screen in a second process, forked
before the first has a Qt application (issue 13: 50 leaflets in under 3 s). What it finds must
be exactly what one process finds, kept alike, and if the second process fails or says
nothing readable, the first measures those cards itself."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.content import load_library
from kiosk.fit import PARALLEL_FROM, check_fit, helped_verdicts
from kiosk.forked import Forked
from tests.helpers.cli import run_kiosk
from tests.helpers.forked import stand_in


def _library(folder: Path) -> Path:
    """Enough generated leaflets to go parallel, one of them with cards either side of the
    landscape limit (9 and 10 items) and of the portrait one (19 and 20)."""
    from benchmarks.scale import generate

    root = generate(folder, 7)
    third = sorted(p for p in root.iterdir() if p.is_dir())[2]
    for count in (9, 10, 19, 20):
        items = "\n".join(f"- Item number {k} of a list that a parent reads." for k in range(count))
        (third / f"{50 + count}-i{count}.md").write_text(
            f'+++\nid = "i{count}"\ntitle = "Items {count}"\norder = {50 + count}\n+++\n\n{items}\n'
        )
    return root


def _fit_line(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("screen fit:"))


def test_two_processes_find_what_one_finds_and_keep_it(tmp_path: Path, qapp: object) -> None:
    root = _library(tmp_path / "content")
    library = load_library(root)
    assert sum(len(lf.cards) for lf in library.leaflets) >= PARALLEL_FROM
    one = check_fit(library, parallel=False)  # this process has a Qt application: one process
    assert one.processes == 1
    expected = [str(p) for p in one.problems]
    assert [p.split("card ")[1].split(" does")[0] for p in expected] == ["'i10'", "'i19'", "'i20'"]

    home = tmp_path / "home"
    first = run_kiosk("--check-content", str(root), home=home)
    assert first.returncode == 1
    assert _fit_line(first.stdout) == (
        f"screen fit: {one.measured} card layout(s) measured, 0 from the cache (2 processes)"
    )
    assert [line for line in first.stderr.splitlines() if "does not fit" in line] == expected
    # The second process's verdicts were kept like the first's: nothing is measured again.
    again = run_kiosk("--check-content", str(root), home=home)
    assert _fit_line(again.stdout) == (
        f"screen fit: 0 card layout(s) measured, {one.measured} from the cache"
    )
    assert again.stderr == first.stderr


@pytest.mark.parametrize(
    ("script", "said"),
    [
        ("import sys; sys.exit(3)", "screen fit: the forked process ended with 3"),
        ("print('not JSON')", "screen fit: the forked process's answer is unreadable"),
        ("print('[[1, 2]]')", "the second process's verdicts are unreadable"),
        ("print('{}')", "the second process's verdicts are unreadable"),
    ],
)
def test_a_failed_second_process_leaves_its_cards_to_the_first(
    caplog: pytest.LogCaptureFixture, script: str, said: str
) -> None:
    helper = stand_in(script, "screen fit", logging.getLogger("kiosk.fit"))
    with caplog.at_level(logging.WARNING, logger="kiosk.fit"):
        assert helped_verdicts(helper) == {}
    assert said in caplog.text
    assert helped_verdicts(helper) == {}  # asked again (as the check does when it ends): same


@pytest.mark.parametrize(
    "script", ["import sys; sys.exit(3)", "print('[[\"0\" , null, 0]]')"], ids=["fails", "keys"]
)
def test_the_check_measures_what_the_second_process_did_not(
    tmp_path: Path,
    qapp: object,
    monkeypatch: pytest.MonkeyPatch,
    script: str,
) -> None:
    """It failed, or gave verdicts for keys the check does not ask for (another environment):
    the check measures every card itself, and finds the same."""
    root = _library(tmp_path / "content")
    one = check_fit(load_library(root), parallel=False)
    monkeypatch.setattr(
        Forked, "start", classmethod(lambda cls, what, work, log: stand_in(script, what, log))
    )
    helped = check_fit(load_library(root), parallel=True)
    assert helped.processes == 1
    assert helped.measured == one.measured
    assert [str(p) for p in helped.problems] == [str(p) for p in one.problems]
