"""A parsed-content cache, so a kiosk restart does not parse Markdown before its first paint.

The cache is a pickle of the validated Library, written to the kiosk's own data folder and
keyed by the program version and the path, size and modification time of every content
file: any edit by staff makes a new key, so stale content is never shown. A cache that cannot
be read or written is simply ignored.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

from .. import __version__
from .model import Library

log = logging.getLogger("kiosk.content")
CACHE_FORMAT = 1


def fingerprint(root: Path) -> str:
    parts: list[str] = [__version__, str(CACHE_FORMAT), str(root.resolve())]
    for path in sorted(root.rglob("*")):
        if path.suffix in (".md", ".toml") and path.is_file():
            stat = path.stat()
            parts.append(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def load_library_cached(root: Path, cache_dir: Path) -> Library:
    """Like load_library, from the cache when the content is unchanged since it was written.
    Raises ContentError exactly as load_library does; broken content is never cached."""
    try:
        key = fingerprint(root)
    except OSError:
        key = ""
    cached = cache_dir / f"content-{key}.pickle"
    if key and cached.is_file():
        try:
            with cached.open("rb") as handle:
                library = pickle.load(handle)
            if isinstance(library, Library):
                return library
        except (OSError, pickle.PickleError, EOFError, AttributeError, TypeError) as exc:
            log.warning("content cache %s unreadable (%s); parsing the content", cached, exc)
    from .loader import load_library

    library = load_library(root)
    if key:
        _write(cache_dir, cached, library)
    return library


def _write(cache_dir: Path, target: Path, library: Library) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("content-*.pickle"):
            old.unlink(missing_ok=True)
        fd, temp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(library, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, target)
    except OSError as exc:
        log.info("content cache not written (%s); start-up parses the content each time", exc)
