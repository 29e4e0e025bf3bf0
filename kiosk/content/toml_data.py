"""Shared reading for the kiosk's own help files (glossary.toml, routes.toml): read through
the guarded file path, and find the line of each `[[table]]` entry and of its keys, because
the TOML parser reports none.

Problems are collected as ContentProblems naming file and line, like the leaflet's own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..guarded import FileProblem, load_toml
from .errors import ContentProblem


@dataclass
class TomlFile:
    path: Path
    text: str
    data: dict[str, Any]

    def entry_lines(self, table: str) -> list[int]:
        """Line number of each `[[table]]` header, in order (entry i starts at lines[i])."""
        pattern = re.compile(rf"^\s*\[\[\s*{re.escape(table)}\s*\]\]")
        return [n for n, line in enumerate(self.lines, 1) if pattern.match(line)]

    @functools.cached_property
    def lines(self) -> list[str]:
        # Split once: every entry asks for the lines of its keys (a glossary: 50 entries).
        return self.text.splitlines()

    def key_line(self, key: str, start: int, default: int | None = None) -> int | None:
        """The line of `key = ...` at or after `start`, before the next table header."""
        lines = self.lines
        assignment = _assignment(key)
        for number in range(max(start, 1), len(lines) + 1):
            line = lines[number - 1]
            if number > start and line.lstrip().startswith("["):
                break
            if assignment.match(line):
                return number
        return default


@functools.lru_cache(maxsize=256)
def _assignment(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(key)}\s*=")


def read_toml(path: Path, problems: list[ContentProblem]) -> TomlFile | None:
    """Through the kiosk's one guarded file path: any failure is a named problem."""
    try:
        data, text = load_toml(path)
    except FileProblem as exc:
        problems.append(ContentProblem(exc.file, exc.line, exc.message))
        return None
    return TomlFile(path, text, data)


def check_entry(
    entry: object,
    schema: dict[str, type],
    required: tuple[str, ...],
    where: str,
    source: TomlFile,
    line: int,
    problems: list[ContentProblem],
) -> bool:
    """Keys known, required keys present and non-empty, values of the right type."""
    if not isinstance(entry, dict):
        problems.append(ContentProblem(source.path, line, f"{where} must be a table"))
        return False
    ok = True
    for key, value in entry.items():
        at = source.key_line(key, line, line)
        want = schema.get(key)
        if want is None:
            known = ", ".join(sorted(schema))
            problems.append(
                ContentProblem(source.path, at, f"unknown key '{key}' in {where} (known: {known})")
            )
            ok = False
        elif want is list:
            if not isinstance(value, list) or not all(
                isinstance(v, str) and v.strip() for v in value
            ):
                problems.append(
                    ContentProblem(source.path, at, f"'{key}' in {where} must be a list of text")
                )
                ok = False
        elif not isinstance(value, want):
            problems.append(
                ContentProblem(source.path, at, f"'{key}' in {where} must be {want.__name__}")
            )
            ok = False
    for key in required:
        value = entry.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            problems.append(ContentProblem(source.path, line, f"missing '{key}' in {where}"))
            ok = False
    return ok
