"""A parsed-content cache, so a kiosk restart does not parse Markdown before its first paint.

The cache is JSON: plain data that no reader can be tricked into running (a pickle in the data
folder would let anyone who can write there run code in the kiosk). It is written to the
kiosk's own data folder and keyed by the program version and the path, size and modification
time of every content file: any edit by staff makes a new key, so stale content is never shown.

The cache is only a shortcut. Whatever is wrong with it (unreadable, truncated, not JSON, a
class or field the model does not have, a value of the wrong type, another format or program
version) costs one log line and a parse of the content, which then rewrites it; never a crash.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sys
import tempfile
import types
import typing
from pathlib import Path
from typing import Any

from .. import __version__
from . import model
from .model import Library

log = logging.getLogger("kiosk.content")
CACHE_FORMAT = 2  # 1 was a pickle: never read again
MAX_CACHE_BYTES = 64 * 1024 * 1024  # far above 50 leaflets; a bigger file is not ours

# The only types a cache may name: the model's own dataclasses (new ones are picked up).
_CLASSES: dict[str, type] = {
    name: cls
    for name, cls in vars(model).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == model.__name__
}


class CacheDamagedError(ValueError):
    """The cache file does not hold a library this program wrote."""


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
    cached = cache_dir / f"content-{key}.json"
    if key and cached.is_file():
        try:
            return read_cache(cached, key)
        # The cache is only a shortcut: no fault in it may stop the kiosk, whatever its kind
        # (a damaged file can raise from deep inside the decoder, e.g. RecursionError).
        except Exception as exc:
            log.warning("content cache %s unusable (%s); rebuilding it from %s", cached, exc, root)
    from .loader import load_library

    library = load_library(root)
    if key:
        _write(cache_dir, cached, key, library)
    return library


def read_cache(path: Path, key: str) -> Library:
    """The library in `path`, checked against the model's types; raises on anything else."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_CACHE_BYTES + 1)
    if len(raw) > MAX_CACHE_BYTES:
        raise CacheDamagedError(f"larger than {MAX_CACHE_BYTES} bytes")
    document = json.loads(raw.decode("utf-8"))
    if not isinstance(document, dict):
        raise CacheDamagedError("not a cache document")
    stamp = (document.get("format"), document.get("version"), document.get("key"))
    if stamp != (CACHE_FORMAT, __version__, key):
        raise CacheDamagedError(f"written as format/version/key {stamp}, expected {CACHE_FORMAT}")
    library = _decode(document.get("library"), Library)
    assert isinstance(library, Library)
    return library


def encode(value: Any) -> Any:
    """JSON-ready form of a model value: dataclasses tagged by class name, paths tagged."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init
        }
        return {"@type": type(value).__name__, **fields}
    if isinstance(value, Path):
        return {"@path": str(value)}
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {"@map": [[k, encode(v)] for k, v in value.items()]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot cache a {type(value).__name__}")


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    return _HINTS[cls]


def _decode(raw: Any, expected: Any) -> Any:
    """Rebuild a value of type `expected` from `raw`, refusing anything that does not fit."""
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(expected):
            try:
                return _decode(raw, option)
            except CacheDamagedError:
                continue
        raise CacheDamagedError(f"{_show(raw)} is none of {expected}")
    if origin is tuple:
        args = typing.get_args(expected)
        if not isinstance(raw, list):
            raise CacheDamagedError(f"{_show(raw)} is not a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(item, args[0]) for item in raw)
        if len(args) != len(raw):
            raise CacheDamagedError(f"{_show(raw)} has the wrong length")
        return tuple(_decode(item, arg) for item, arg in zip(raw, args, strict=True))
    if origin is dict:
        key_type, value_type = typing.get_args(expected)
        if not (isinstance(raw, dict) and isinstance(raw.get("@map"), list)):
            raise CacheDamagedError(f"{_show(raw)} is not a map")
        pairs = raw["@map"]
        if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
            raise CacheDamagedError("a map entry is not a pair")
        return {_decode(k, key_type): _decode(v, value_type) for k, v in pairs}
    if expected is Path:
        if isinstance(raw, dict) and isinstance(raw.get("@path"), str) and len(raw) == 1:
            return Path(raw["@path"])
        raise CacheDamagedError(f"{_show(raw)} is not a path")
    if expected is bool or expected is str:
        if type(raw) is not expected:
            raise CacheDamagedError(f"{_show(raw)} is not a {expected.__name__}")
        return raw
    if expected is int:
        if type(raw) is not int:
            raise CacheDamagedError(f"{_show(raw)} is not a whole number")
        return raw
    if expected is float:
        if type(raw) not in (int, float):
            raise CacheDamagedError(f"{_show(raw)} is not a number")
        return float(raw)
    if expected is type(None):
        if raw is not None:
            raise CacheDamagedError(f"{_show(raw)} is not null")
        return None
    if isinstance(expected, type) and dataclasses.is_dataclass(expected):
        if not isinstance(raw, dict) or _CLASSES.get(raw.get("@type", "")) is not expected:
            raise CacheDamagedError(f"{_show(raw)} is not a {expected.__name__}")
        init_fields = [f for f in dataclasses.fields(expected) if f.init]
        names = {f.name for f in init_fields}
        if set(raw) - {"@type"} != names:
            raise CacheDamagedError(
                f"{expected.__name__} fields differ: {sorted(set(raw) ^ names)}"
            )
        hints = _hints(expected)
        values = {f.name: _decode(raw[f.name], hints[f.name]) for f in init_fields}
        return expected(**values)
    raise CacheDamagedError(f"the model has a field of type {expected} the cache cannot hold")


def _show(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _write(cache_dir: Path, target: Path, key: str, library: Library) -> None:
    try:
        document = {
            "format": CACHE_FORMAT,
            "version": __version__,
            "key": key,
            "library": encode(library),
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError) as exc:  # a model field JSON cannot hold: parse each time
        log.warning("content cache not written (%s)", exc)
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in [*cache_dir.glob("content-*.json"), *cache_dir.glob("content-*.pickle")]:
            old.unlink(missing_ok=True)
        fd, temp = tempfile.mkstemp(dir=cache_dir, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        log.info("content cache not written (%s); start-up parses the content each time", exc)
