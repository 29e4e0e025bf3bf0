"""Content problems, each naming the file, the line where known, and what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class ContentProblem(NamedTuple):
    """One fault in the content, named by its file and (where known) line."""

    file: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when a content folder cannot be used; carries every problem found."""

    def __init__(self, problems: list[ContentProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
