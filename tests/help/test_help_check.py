"""A first check of a large library checks the help in a forked process while the cards are
laid out (issue 13: fifty leaflets in under 3 s). What it reports must be exactly what one
process finds, in the same order, kept for the next check; if the forked process fails or
answers with something unreadable, the check does that leaflet's help itself."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from kiosk.content import load_library
from kiosk.content.check_cache import KnownFolders
from kiosk.content.help import check_leaflet_help
from kiosk.content.help_check import HelpCheck
from kiosk.forked import PARALLEL_FROM, Forked
from tests.helpers.cli import run_kiosk
from tests.helpers.forked import stand_in

BAD_TERM = '[[term]]\nterm = "x"\nexplanation = "Fine."\n'


def _library(folder: Path) -> Path:
    """Enough generated leaflets to fork, the second with a glossary term that has no source."""
    from benchmarks.scale import generate

    root = generate(folder, 7)
    second = sorted(p for p in root.iterdir() if p.is_dir())[1]
    with (second / "glossary.toml").open("a", encoding="utf-8") as glossary:
        glossary.write("\n" + BAD_TERM)
    return root


def test_a_forked_help_check_reports_what_one_process_finds(tmp_path: Path) -> None:
    root = _library(tmp_path / "content")
    library = load_library(root)
    assert sum(len(lf.cards) for lf in library.leaflets) >= PARALLEL_FROM
    found = [check_leaflet_help(lf) for lf in library.leaflets]
    advice = [line for _, lines in found for line in lines]
    problems = [str(p) for leaflet_problems, _ in found for p in leaflet_problems]
    assert len(problems) == 1 and "missing 'source'" in problems[0]

    home = tmp_path / "home"
    first = run_kiosk("--check-content", str(root), home=home)
    assert first.returncode == 1, first.stderr
    out = first.stdout.splitlines()
    assert out[0].startswith("screen fit: ") and out[0].endswith("(2 processes)")
    assert out[1:] == advice
    assert first.stderr.splitlines()[:-1] == problems
    # Kept: the next check prints the same without checking again.
    again = run_kiosk("--check-content", str(root), home=home)
    assert again.stdout.splitlines()[1:] == advice
    assert again.stderr == first.stderr


@pytest.fixture
def no_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process never forks (it may have a Qt application and threads): the tests below
    give the check a stand-in instead."""
    import kiosk.forked

    monkeypatch.setattr(kiosk.forked, "can_fork", lambda: False)


def _answer(check: HelpCheck, answer: object) -> None:
    """`check` as if its forked process had printed `answer`."""
    script = f"print({json.dumps(json.dumps(answer))})"
    check._forked = stand_in(script, "help check", logging.getLogger("kiosk.content"))


def test_the_forked_answer_is_used_and_kept(tmp_path: Path, no_fork: None) -> None:
    known = KnownFolders(tmp_path / "cache")
    library = load_library(_library(tmp_path / "content"), known)
    check = HelpCheck(library, known)
    first = library.leaflets[0]
    _answer(check, {first.id: {"problems": [], "advice": ["from the forked check"]}})
    findings = check.findings()
    assert findings[0] == ([], ["from the forked check"])
    assert findings[1:] == [check_leaflet_help(lf) for lf in library.leaflets[1:]]
    assert known.help_of(first) == ([], ["from the forked check"])


@pytest.mark.parametrize(
    ("answer", "said"),
    [
        (None, ""),
        ("not a dict", ""),
        ({"<first>": {"problems": "none", "advice": []}}, "forked answer for"),
        ({"<first>": {"problems": [], "advice": [3]}}, "forked answer for"),
    ],
)
def test_a_leaflet_the_forked_check_did_not_answer_for_is_checked_here(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, no_fork: None, answer: object, said: str
) -> None:
    library = load_library(_library(tmp_path / "content"))
    check = HelpCheck(library, KnownFolders(None))
    if isinstance(answer, dict):
        answer = {library.leaflets[0].id: answer["<first>"]}
    _answer(check, answer)
    with caplog.at_level(logging.WARNING, logger="kiosk.content"):
        findings = check.findings()
    assert findings == [check_leaflet_help(lf) for lf in library.leaflets]
    assert said in caplog.text


def test_a_failed_forked_check_leaves_the_help_to_this_process(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, no_fork: None
) -> None:
    library = load_library(_library(tmp_path / "content"))
    check = HelpCheck(library, KnownFolders(None))
    check._forked = stand_in("import sys; sys.exit(3)", "help check", logging.getLogger("x"))
    with caplog.at_level(logging.WARNING, logger="x"):
        assert check.findings() == [check_leaflet_help(lf) for lf in library.leaflets]
    assert "help check: the forked process ended with 3" in caplog.text


@pytest.mark.parametrize(("leaflets", "forks"), [(1, []), (7, ["help check"])])
def test_a_large_library_forks_and_a_small_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, leaflets: int, forks: list[str]
) -> None:
    from benchmarks.scale import generate

    started: list[str] = []
    monkeypatch.setattr(
        Forked, "start", classmethod(lambda cls, what, work, log: started.append(what))
    )
    library = load_library(generate(tmp_path / "content", leaflets))
    check = HelpCheck(library, KnownFolders(None))
    assert started == forks
    assert check.findings() == [check_leaflet_help(lf) for lf in library.leaflets]
