"""For the caches that `--check-content` keeps: digests of values, of files' bytes and of the
kiosk's own source (any change to the program makes what it learnt before stale), and the
atomic write that means a reader never finds half a file."""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path


# hashlib is imported in the functions that hash: it loads OpenSSL (about 3.5 MB), and a
# running kiosk imports this module only for write_atomically (the content cache).
def digest(*parts: object) -> str:
    import hashlib

    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def file_digest(files: Iterable[Path]) -> str:
    """The names and bytes of `files` (a missing one counts as missing, not as an error)."""
    import hashlib

    h = hashlib.sha256()
    for path in sorted(files):
        h.update(str(path).encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError as exc:
            h.update(f"unreadable: {exc.errno}".encode())
        h.update(b"\0")
    return h.hexdigest()


def tree_files(folder: Path, suffixes: tuple[str, ...] = ()) -> Iterator[Path]:
    if not folder.is_dir():
        return
    for parent, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if not suffixes or name.endswith(suffixes):
                yield Path(parent) / name


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """The kiosk's own source: any change to how content is read or checked, or to how a
    card or the screen around it is laid out, makes all that was learnt before stale. A
    frozen build has no source files to read; its executable stands for them."""
    package = Path(__file__).resolve().parent
    sources = list(tree_files(package, (".py",)))
    if sources:
        return file_digest(sources)
    stat = Path(sys.executable).stat()
    return digest(sys.executable, stat.st_size, stat.st_mtime_ns)


def write_atomically(target: Path, data: bytes) -> None:
    """`data` in `target` by a rename: a reader finds the old file or the new, whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=target.stem + "-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
