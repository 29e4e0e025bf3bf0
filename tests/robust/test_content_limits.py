"""Content limits (issue 14, items 8 and 9): duplicate topic ids fail whatever their card
counts; a file and a card have absolute size limits; every card must fit its screen at 100%
text; narration of a large card takes time in proportion to its size."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from kiosk.content import ContentError, load_library
from kiosk.content.loader import MAX_CARD_CHARACTERS, MAX_CONTENT_FILE_BYTES
from kiosk.content.model import Card, Paragraph, Span
from kiosk.speech.narration import narrate_card, split_sentences
from tests.helpers.cli import leaflet_copy, run_kiosk

ROOT = Path(__file__).resolve().parents[2]


def _leaflet_copy(tmp_path: Path) -> Path:
    return leaflet_copy(tmp_path / "leaflet")


def _check(folder: Path) -> subprocess.CompletedProcess[str]:
    return run_kiosk("--check-content", str(folder))


def _topic(folder: Path, name: str, topic_id: str, order: int, cards: int) -> Path:
    body = "\n\n---\n\n".join(f"Part {n} of the topic." for n in range(1, cards + 1))
    path = folder / name
    path.write_text(f'+++\nid = "{topic_id}"\ntitle = "Topic"\norder = {order}\n+++\n\n{body}\n')
    return path


@pytest.mark.parametrize("counts", [(1, 3), (2, 3), (1, 1)])
def test_two_topics_with_one_id_fail_whatever_their_card_counts(
    tmp_path: Path, counts: tuple[int, int]
) -> None:
    folder = _leaflet_copy(tmp_path)
    _topic(folder, "50-twin-a.md", "twin", 50, counts[0])
    second = _topic(folder, "51-twin-b.md", "twin", 51, counts[1])
    with pytest.raises(ContentError) as caught:
        load_library(folder)
    assert any(
        p.file == second and "topic id 'twin' is also used by 50-twin-a.md" in p.message
        for p in caught.value.problems
    ), caught.value


def test_a_huge_file_is_refused_with_the_limit_named(tmp_path: Path) -> None:
    folder = _leaflet_copy(tmp_path)
    path = folder / "50-huge.md"
    path.write_text('+++\nid = "huge"\ntitle = "Huge"\norder = 50\n+++\n\n' + "Words. " * 400_000)
    with pytest.raises(ContentError) as caught:
        load_library(folder)
    assert f"{path}: file is larger than the limit of {MAX_CONTENT_FILE_BYTES:,} bytes" in str(
        caught.value
    )


def test_a_card_over_the_size_limit_is_named_by_file_and_line(tmp_path: Path) -> None:
    folder = _leaflet_copy(tmp_path)
    path = folder / "50-long.md"
    text = "This sentence is part of a card that is far too long. " * 120
    path.write_text(
        f'+++\nid = "long"\ntitle = "Long"\norder = 50\n+++\n\nShort first card.\n\n---\n\n{text}\n'
    )
    started = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        load_library(folder)
    assert time.perf_counter() - started < 30  # the old loader took minutes on a 5 MB card
    message = str(caught.value)
    assert f"{path}:11: card 2 of this file has" in message
    assert f"the limit is {MAX_CARD_CHARACTERS:,}" in message


def test_a_card_that_does_not_fit_its_screen_fails_check_content(tmp_path: Path) -> None:
    folder = _leaflet_copy(tmp_path)
    path = folder / "50-tall.md"
    # Under the character limit, but far taller than one screen at 100% text.
    items = "\n".join(f"- Item {n}" for n in range(60))
    path.write_text(f'+++\nid = "tall"\ntitle = "Tall"\norder = 50\n+++\n\n{items}\n')
    result = _check(folder)
    assert result.returncode == 1
    assert f"{path}:7: card 'tall' does not fit a 1920x1080 screen at 100% text" in result.stderr
    assert "Traceback" not in result.stderr
    assert _check(_leaflet_copy(tmp_path / "ok")).returncode == 0


def _card(text: str) -> Card:
    return Card("big", "big", "Big", 1, 1, (Paragraph((Span(text),)),), Path("x.md"), 1)


def _best_time(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        narrate_card(_card(text), None)
        best = min(best, time.perf_counter() - started)
    return best


@pytest.mark.parametrize(
    "piece",
    [
        "A sentence with info@sendiassrutland.org.uk and 01572 758 301 in it. ",
        "word ",  # one endless sentence
        "x" * 50 + " ",  # long words, no full stops, no addresses
    ],
)
def test_narration_time_grows_in_proportion_to_the_card(piece: str) -> None:
    small = piece * (4_000 // len(piece) + 1)
    large = small * 8
    ratio = _best_time(large) / _best_time(small)
    # Linear is about 8; the old quadratic narration was 40-64 here.
    assert ratio < 24, f"8x the text took {ratio:.1f}x the time"


def test_sentence_split_is_unchanged_by_the_linear_rewrite() -> None:
    text = 'Call us, e.g. on Monday. Then "wait". (SEN) is fine. 3.5 hours later. end'
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Call us, e.g. on Monday.",
        'Then "wait".',
        "(SEN) is fine.",
        "3.5 hours later. end",
    ]
