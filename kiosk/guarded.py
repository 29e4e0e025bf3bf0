"""The one way the kiosk reads a file: any failure becomes a named problem, never a crash.

Settings, leaflet content, and any data file added later come in through `load_file` (or its
TOML form `load_toml`). Whatever goes wrong (a missing or unreadable file, permissions, a disk
error, a file too big, text that is not UTF-8, TOML that is invalid or nested deep enough to
exhaust Python's recursion, a parser that raises something unexpected, a value of the wrong
type) comes out as one `FileProblem` naming the file and, where known, the line and key. The
caller chooses the fallback (defaults, the bundled leaflet, no glossary) and reports the
problem; the kiosk carries on.

No Qt here: the command-line checks use it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

if TYPE_CHECKING:
    from ._compat import tomllib

T = TypeVar("T")

MAX_FILE_BYTES: Final = 1_000_000  # no leaflet file, settings or glossary comes near this
MAX_TOML_NESTING: Final = 32  # tables and arrays inside each other; real files use 3


class FileProblem(Exception):  # noqa: N818 - a problem to report, not a program error
    """Why a file could not be used. `str()` is the message for staff: `file:line: key: what`."""

    def __init__(
        self,
        file: Path,
        message: str,
        *,
        line: int | None = None,
        key: str = "",
        missing: bool = False,
    ) -> None:
        self.file = Path(file)
        self.message = message
        self.line = line
        self.key = key
        self.missing = missing
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        what = f"{self.key}: {self.message}" if self.key else self.message
        return f"{where}: {what}"


def read_bytes(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise FileProblem(path, "no such file", missing=True) from None
    except IsADirectoryError:
        raise FileProblem(path, "cannot read file: it is a folder") from None
    except PermissionError:
        raise FileProblem(path, "cannot read file: permission denied") from None
    except OSError as exc:  # disk errors, a file that vanished, a broken network share
        raise FileProblem(path, f"cannot read file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise FileProblem(
            path,
            f"file is larger than the limit of {max_bytes:,} bytes; split it into smaller files",
        )
    return data


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    data = read_bytes(path, max_bytes=max_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileProblem(
            path, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8", line=line
        ) from None


def parse_toml(text: str, path: Path, *, first_line: int = 1) -> dict[str, Any]:
    """Parse TOML found in `path`, starting at `first_line` of it (front matter inside a
    Markdown file starts further down)."""
    deep = _too_deep(text, MAX_TOML_NESTING)
    if deep is not None:
        raise FileProblem(
            path,
            f"not valid TOML: nested more than {MAX_TOML_NESTING} levels deep",
            line=deep + first_line - 1,
        )
    # Imported here: a kiosk with no settings file, starting from its content cache, parses
    # no TOML before its first screen (the parser's import was about 2 ms of the launch).
    from ._compat import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_line(exc, text)
        raise FileProblem(
            path, f"not valid TOML ({exc})", line=line + first_line - 1 if line else None
        ) from None
    except (RecursionError, MemoryError) as exc:
        why = f"not valid TOML: too complex to read ({type(exc).__name__})"
        raise FileProblem(path, why) from None


# TypeVar rather than PEP 695 syntax: the kiosk still runs on Python 3.11.
def load_file(path: Path, parse: Callable[[str], T], *, max_bytes: int = MAX_FILE_BYTES) -> T:
    """Read `path` as UTF-8 text and parse it; any failure raises FileProblem."""
    text = read_text(path, max_bytes=max_bytes)
    return guard(path, lambda: parse(text))


def load_toml(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[dict[str, Any], str]:
    """A TOML file's table and its text (callers look up line numbers in the text)."""
    text = read_text(path, max_bytes=max_bytes)
    return parse_toml(text, path), text


def guard(
    path: Path,
    action: Callable[[], T],
    *,
    expect: type | None = None,
    keep: tuple[type[Exception], ...] = (),
) -> T:
    """Run `action` (work on `path`'s contents); turn whatever it raises into FileProblem.

    The last line of defence for parsers that fail in ways nobody listed: a kiosk that hits
    one reports the file instead of stopping. Exceptions in `keep` (already a full report,
    such as ContentError) pass through; `expect` checks the type of the result.
    """
    try:
        result = action()
    except FileProblem:
        raise
    except Exception as exc:  # that is the point: no failure of one file stops the kiosk
        if isinstance(exc, keep):
            raise
        raise FileProblem(path, f"could not be read ({type(exc).__name__}: {exc})") from exc
    if expect is not None and not isinstance(result, expect):
        raise FileProblem(
            path, f"holds {type(result).__name__} where {expect.__name__} was expected"
        )
    return result


def _toml_line(err: tomllib.TOMLDecodeError, text: str) -> int | None:
    found = re.search(r"line (\d+)", str(err))
    if found:
        return int(found.group(1))
    if "end of document" in str(err):
        return max(1, len(text.splitlines()))
    return None


def _too_deep(text: str, limit: int) -> int | None:
    """The line where brackets and braces first nest deeper than `limit`, else None.

    A linear scan that skips strings and comments, so the TOML parser (which recurses once
    per level) is never handed a file that would exhaust the stack.
    """
    depth, line, i, n = 0, 1, 0, len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
        elif c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif text.startswith(('"""', "'''"), i):
            end = text.find(text[i : i + 3], i + 3)
            end = n if end < 0 else end + 3
            line += text.count("\n", i, end)
            i = end
            continue
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if c == '"' and text[j] == "\\" else 1
            i = j + 1 if j < n and text[j] == c else j
            continue
        elif c in "[{":
            depth += 1
            if depth > limit:
                return line
        elif c in "]}":
            depth = max(0, depth - 1)
        i += 1
    return None
