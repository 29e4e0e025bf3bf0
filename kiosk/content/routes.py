""" "What is happening?" routes (routes.toml): plain answers, each leading to some of the
leaflet's own cards in the leaflet's order. The kiosk's help, never new advice: a route only
points at cards, and a wrong routes file costs only the routes, never the leaflet.

Cards are named by their id within the leaflet: the topic id, with "-1", "-2" ... when the
topic has several cards. That name is worked out here from the topic and the card's place in
it, so it stays the same however the kiosk names cards across several leaflets.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import ContentProblem
from .model import Card, Leaflet
from .toml_data import check_entry, read_toml

ROUTES_FILE = "routes.toml"
TOP_KEYS = {"question", "answer"}
ANSWER_KEYS: dict[str, type] = {"text": str, "cards": list}
MIN_ANSWERS, MAX_ANSWERS = 2, 6
MAX_CARDS = 8  # a route is a short list; more than this is the leaflet again


def local_card_id(card: Card) -> str:
    return card.section_id if card.parts == 1 else f"{card.section_id}-{card.part}"


@dataclass(frozen=True, slots=True)
class Answer:
    text: str
    cards: tuple[int, ...]  # indexes into leaflet.cards, ascending
    line: int


@dataclass(frozen=True, slots=True)
class Routes:
    question: str
    answers: tuple[Answer, ...]
    source: Path


def load_routes(leaflet: Leaflet) -> tuple[Routes | None, list[ContentProblem]]:
    """The routes beside `leaflet`, or None with every problem. No file is no problem."""
    path = leaflet.folder / ROUTES_FILE
    problems: list[ContentProblem] = []
    if not path.is_file():
        return None, problems
    source = read_toml(path, problems)
    if source is None:
        return None, problems
    data = source.data
    for key in data:
        if key not in TOP_KEYS:
            problems.append(
                ContentProblem(
                    path,
                    source.key_line(key, 1, 1),
                    f"unknown key '{key}' (known: question, and [[answer]] entries)",
                )
            )
    question = data.get("question")
    if not isinstance(question, str) or not question.strip():
        problems.append(
            ContentProblem(path, source.key_line("question", 1, 1), "missing 'question' (text)")
        )
        question = ""
    entries = data.get("answer", [])
    lines = source.entry_lines("answer")
    if not isinstance(entries, list) or not MIN_ANSWERS <= len(entries) <= MAX_ANSWERS:
        count = len(entries) if isinstance(entries, list) else 0
        problems.append(
            ContentProblem(
                path,
                lines[0] if lines else 1,
                f"needs {MIN_ANSWERS} to {MAX_ANSWERS} [[answer]] entries (found {count})",
            )
        )
        entries = entries if isinstance(entries, list) else []
    index = {local_card_id(card): i for i, card in enumerate(leaflet.cards)}
    answers: list[Answer] = []
    for number, entry in enumerate(entries, 1):
        line = lines[number - 1] if number - 1 < len(lines) else 1
        where = f"answer {number}"
        if not check_entry(entry, ANSWER_KEYS, ("text", "cards"), where, source, line, problems):
            continue
        at = source.key_line("cards", line, line)
        refs: list[str] = entry["cards"]
        positions: list[int] = []
        for ref in refs:
            if ref not in index:
                near = ", ".join(k for k in index if k.split("-")[0] == ref.split("-")[0])
                hint = f" (cards of that topic: {near})" if near else ""
                problems.append(
                    ContentProblem(
                        path, at, f"broken reference: card '{ref}' is not in the leaflet{hint}"
                    )
                )
            else:
                positions.append(index[ref])
        if len(positions) != len(refs):
            continue
        if not positions or len(positions) > MAX_CARDS:
            problems.append(ContentProblem(path, at, f"{where} needs 1 to {MAX_CARDS} cards"))
            continue
        if len(set(positions)) != len(positions):
            problems.append(ContentProblem(path, at, f"{where} lists a card twice"))
            continue
        if positions != sorted(positions):
            order = ", ".join(local_card_id(leaflet.cards[p]) for p in sorted(positions))
            problems.append(
                ContentProblem(path, at, f"{where}: cards must be in the leaflet's order ({order})")
            )
            continue
        answers.append(Answer(" ".join(entry["text"].split()), tuple(positions), line))
    if problems:
        return None, problems
    return Routes(question.strip(), tuple(answers), path), problems
