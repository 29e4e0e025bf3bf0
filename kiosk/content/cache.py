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
import json
import logging
import os
import sys
import types
import typing
import zlib
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from .. import __version__
from ..source_digest import write_atomically
from . import model
from .model import Leaflet, Library

log = logging.getLogger("kiosk.content")
CACHE_FORMAT = 4  # 1 was a pickle: never read again; 2 decoded every card before the first
# paint; 3 had no key for each leaflet folder, so one edit meant parsing every leaflet
MAX_CACHE_BYTES = 64 * 1024 * 1024  # far above 50 leaflets; a bigger file is not ours

# The only types a cache may name: the model's own dataclasses (new ones are picked up),
# those of a leaflet (model.py) and of what its cards are made of (blocks.py, loaded only
# once a leaflet's cards are decoded).
_MODEL_MODULES = (model.__name__, model.__name__.rpartition(".")[0] + ".blocks")


def _model_class(cls: type) -> bool:
    module = sys.modules.get(cls.__module__)
    return (
        cls.__module__ in _MODEL_MODULES
        and dataclasses.is_dataclass(cls)
        and getattr(module, cls.__name__, None) is cls
    )


class CacheDamagedError(ValueError):
    """The cache file does not hold a library this program wrote."""


class Fingerprints(typing.NamedTuple):
    """The key of the whole library, and of each leaflet folder directly under its root."""

    library: str
    folders: dict[str, str]


def fingerprint(root: Path) -> str:
    return fingerprints(root).library


def fingerprints(root: Path) -> Fingerprints:
    # os.walk and DirEntry rather than Path.rglob: a 50-leaflet library has 600 files, and
    # this runs before the first paint.
    found: list[str] = []
    for folder, dirs, _files in os.walk(root):
        dirs.sort()
        # Paths made once a folder, not once a file: relpath and Path were half of this.
        inside = os.path.relpath(folder, root)
        prefix = "" if inside == os.curdir else inside + os.sep
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith((".md", ".toml")) and entry.is_file():
                    stat = entry.stat()
                    found.append(f"{prefix}{entry.name}:{stat.st_size}:{stat.st_mtime_ns}")
    found.sort()
    by_folder: dict[str, list[str]] = {}
    names: dict[str, str] = {}  # a top folder's name: the leaflet folder as load_library names it
    for line in found:
        top, sep, _rest = line.partition(os.sep)
        if sep:
            if top not in names:
                names[top] = str(root / top)
            by_folder.setdefault(names[top], []).append(line)
    library = _checksum([__version__, str(CACHE_FORMAT), str(root.resolve()), *found])
    folders = {folder: _checksum(lines) for folder, lines in by_folder.items()}
    folders[str(root)] = library  # a root that is itself one leaflet
    return Fingerprints(library, folders)


def _checksum(parts: list[str]) -> str:
    # Two independent 32-bit checksums rather than hashlib, which loads OpenSSL (about 3.5 MB
    # of the kiosk's memory) for this one call. A key only has to tell one listing of names,
    # sizes and times from the next; nothing here needs to resist a forger, who could as
    # easily edit the content itself.
    listing = "\n".join(parts).encode()
    return f"{zlib.crc32(listing):08x}{zlib.adler32(listing):08x}"


def load_library_cached(
    root: Path, cache_dir: Path, later: list[Callable[[], None]] | None = None
) -> Library:
    """Like load_library, from the cache when the content is unchanged since it was written.
    After an edit only the leaflet folders that changed are parsed: staff who edit one
    leaflet of fifty should not make the next start parse all fifty. The new cache is
    written at once, or, given `later`, put there for the caller to write when it suits.
    Raises ContentError exactly as load_library does; broken content is never cached."""
    try:
        keys: Fingerprints | None = fingerprints(root)
    except OSError:
        keys = None
    key = keys.library if keys is not None else ""
    cached = cache_dir / f"content-{key}.json"
    unchanged: _Unchanged | None = None
    if keys is not None and cached.is_file():
        try:
            return read_cache(cached, key)
        # The cache is only a shortcut: no fault in it may stop the kiosk, whatever its kind
        # (a damaged file can raise from deep inside the decoder, e.g. RecursionError).
        except Exception as exc:
            log.warning("content cache %s unusable (%s); rebuilding it from %s", cached, exc, root)
    elif keys is not None:
        unchanged = _Unchanged(_unchanged_entries(cache_dir, root, keys))
    from .loader import load_library

    library = load_library(root, unchanged)
    if keys is not None:
        write = partial(_write, cache_dir, cached, keys, library, unchanged)
        if later is None:
            write()
        else:
            later.append(write)
    return library


class _Unchanged:
    """The leaflets of an earlier cache whose folders are as they were (load_library's
    `known`): their cards stay undecoded JSON, and are written back as they were read."""

    def __init__(self, entries: dict[str, tuple[Leaflet, dict[str, Any]]]) -> None:
        self.entries = entries
        self.used: dict[int, dict[str, Any]] = {}

    def get(self, folder: Path) -> Leaflet | None:
        found = self.entries.get(str(folder))
        if found is None:
            return None
        leaflet, entry = found
        self.used[id(leaflet)] = entry
        return leaflet

    def put(self, folder: Path, leaflet: Leaflet) -> None:
        """Nothing to keep: every leaflet is written to the new cache by _write."""


def _unchanged_entries(
    cache_dir: Path, root: Path, keys: Fingerprints
) -> dict[str, tuple[Leaflet, dict[str, Any]]]:
    """Entries of the last cache written for `root`, by folder, where the folder's files are
    unchanged. Anything odd about that cache means none: a full parse, as without a cache."""
    entries: dict[str, tuple[Leaflet, dict[str, Any]]] = {}
    for path in sorted(cache_dir.glob("content-*.json")):
        try:
            document = read_document(path)
            stamp = (document.get("format"), document.get("version"))
            library = document.get("library")
            if stamp != (CACHE_FORMAT, __version__) or type(library) is not dict:
                continue  # another program's: nothing in it can be trusted to match
            if library.get("root") != encode(root) or type(library.get("leaflets")) is not list:
                continue
            for entry in library["leaflets"]:
                folder = entry.get("meta", {}).get("folder") if type(entry) is dict else None
                if type(folder) is str and entry.get("files") == keys.folders.get(folder):
                    entries[folder] = (_leaflet_entry(entry, root), entry)
        except Exception as exc:
            log.info("content cache %s not reused (%s); parsing every leaflet", path, exc)
            return {}
    return entries


def read_document(path: Path) -> dict[str, Any]:
    """A cache file's JSON object; raises on anything else, or on a file too big to be ours."""
    with path.open("rb") as handle:
        raw = handle.read(MAX_CACHE_BYTES + 1)
    if len(raw) > MAX_CACHE_BYTES:
        raise CacheDamagedError(f"larger than {MAX_CACHE_BYTES} bytes")
    document = json.loads(raw.decode("utf-8"))
    if not isinstance(document, dict):
        raise CacheDamagedError("not a cache document")
    return document


def read_cache(path: Path, key: str) -> Library:
    """The library in `path`, checked against the model's types; raises on anything else."""
    document = read_document(path)
    stamp = (document.get("format"), document.get("version"), document.get("key"))
    if stamp != (CACHE_FORMAT, __version__, key):
        raise CacheDamagedError(f"written as format/version/key {stamp}, expected {CACHE_FORMAT}")
    return _library(document.get("library"))


def _library(raw: Any) -> Library:
    """Each leaflet's metadata now, its cards when first used (see deferred.py). Every
    leaflet's text is checked against its checksum here, so damage is found now, not later."""
    if type(raw) is not dict or raw.keys() != {"root", "leaflets"}:
        raise _damaged(raw, "a library")
    root = _decoder(Path)(raw["root"])
    entries = raw["leaflets"]
    if type(entries) is not list:
        raise _damaged(entries, "a list of leaflets")
    return Library(tuple(_leaflet_entry(entry, root) for entry in entries), root)


def _leaflet_entry(entry: Any, root: Path) -> Leaflet:
    from .deferred import DeferredLeaflet, body_checksum

    if type(entry) is not dict or entry.keys() != {"meta", "body", "checksum", "files"}:
        raise _damaged(entry, "a leaflet")
    meta, body = entry["meta"], entry["body"]
    if (
        type(meta) is not dict
        or meta.keys() != _META_KEYS
        or not all(type(v) is str for v in meta.values())
    ):
        raise _damaged(meta, "a leaflet's title, publisher and the like")
    if type(body) is not str or entry["checksum"] != body_checksum(body):
        raise CacheDamagedError(f"leaflet {meta['id']!r}: its cards fail their checksum")
    return DeferredLeaflet(meta, body, _leaflet_body, partial(_reparse, root))


_META_KEYS = {"id", "title", "edition", "publisher", "language", "description", "folder"}


def _leaflet_body(raw: Any) -> tuple[dict[str, model.Contact], tuple[model.Section, ...]]:
    if type(raw) is not dict or raw.keys() != {"contacts", "sections"}:
        raise _damaged(raw, "a leaflet's contacts and sections")
    model.load_blocks()
    hints = typing.get_type_hints(Leaflet, vars(model))
    contacts = _decoder(hints["contacts"])(raw["contacts"])
    sections = _decoder(hints["sections"])(raw["sections"])
    return contacts, sections


def _reparse(root: Path, leaflet: Leaflet) -> Leaflet:
    from .loader import load_library

    return next(lf for lf in load_library(root).leaflets if lf.id == leaflet.id)


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


Decoder = Callable[[Any], Any]
# One decoder per type, built once from the model's annotations: checking each value through
# typing's introspection made reading 50 leaflets take most of a second.
_DECODERS: dict[Any, Decoder] = {}


def decode(raw: Any, expected: Any) -> Any:
    """Rebuild a value of type `expected` from `raw`, refusing anything that does not fit."""
    return _decoder(expected)(raw)


_decode = decode


def _decoder(expected: Any) -> Decoder:
    found = _DECODERS.get(expected)
    if found is None:
        found = _make_decoder(expected)
        _DECODERS[expected] = found
    return found


def _damaged(raw: Any, what: str) -> CacheDamagedError:
    return CacheDamagedError(f"{_show(raw)} is not {what}")


def _make_decoder(expected: Any) -> Decoder:
    origin = typing.get_origin(expected)
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(expected)
    if origin is tuple:
        return _tuple_decoder(expected)
    if origin is dict:
        return _map_decoder(expected)
    if expected is Path:

        def path(raw: Any) -> Path:
            if type(raw) is dict and len(raw) == 1 and type(raw.get("@path")) is str:
                return Path(raw["@path"])
            raise _damaged(raw, "a path")

        return path
    if expected in (str, bool, int, type(None)):
        name = {str: "text", bool: "true/false", int: "a whole number"}.get(expected, "null")

        def plain(raw: Any) -> Any:
            # type(), not isinstance: True is an int, and must not pass for a card number.
            if type(raw) is not expected:
                raise _damaged(raw, name)
            return raw

        return plain
    if expected is float:

        def number(raw: Any) -> float:
            if type(raw) not in (int, float):
                raise _damaged(raw, "a number")
            return float(raw)

        return number
    if isinstance(expected, type) and dataclasses.is_dataclass(expected):
        return _dataclass_decoder(expected)
    raise CacheDamagedError(f"the model has a field of type {expected} the cache cannot hold")


def _union_decoder(expected: Any) -> Decoder:
    options = typing.get_args(expected)
    if all(isinstance(o, type) and dataclasses.is_dataclass(o) for o in options):
        by_tag = {o.__name__: o for o in options}

        def tagged(raw: Any) -> Any:
            cls = by_tag.get(raw.get("@type", "")) if type(raw) is dict else None
            if cls is None:
                raise _damaged(raw, f"any of {sorted(by_tag)}")
            return _decoder(cls)(raw)

        return tagged

    def first_fit(raw: Any) -> Any:
        for option in options:
            try:
                return _decoder(option)(raw)
            except CacheDamagedError:
                continue
        raise _damaged(raw, f"any of {expected}")

    return first_fit


def _tuple_decoder(expected: Any) -> Decoder:
    args = typing.get_args(expected)
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def sequence(raw: Any) -> tuple[Any, ...]:
            if type(raw) is not list:
                raise _damaged(raw, "a list")
            return tuple(item(x) for x in raw)

        return sequence
    items = [_decoder(a) for a in args]

    def fixed(raw: Any) -> tuple[Any, ...]:
        if type(raw) is not list or len(raw) != len(items):
            raise _damaged(raw, f"a list of {len(items)}")
        return tuple(d(x) for d, x in zip(items, raw, strict=True))

    return fixed


def _map_decoder(expected: Any) -> Decoder:
    key_type, value_type = typing.get_args(expected)
    key, value = _decoder(key_type), _decoder(value_type)

    def mapping(raw: Any) -> dict[Any, Any]:
        pairs = raw.get("@map") if type(raw) is dict else None
        if type(pairs) is not list or not all(type(p) is list and len(p) == 2 for p in pairs):
            raise _damaged(raw, "a map")
        return {key(k): value(v) for k, v in pairs}

    return mapping


def _dataclass_decoder(cls: type) -> Decoder:
    tag = cls.__name__
    if not _model_class(cls):
        raise CacheDamagedError(f"{tag} is not a class of the content model")
    fields: list[tuple[str, Decoder]] = []
    keys: set[str] = {"@type"}

    def instance(raw: Any) -> Any:
        if type(raw) is not dict or raw.get("@type") != tag:
            raise _damaged(raw, f"a {tag}")
        if raw.keys() != keys:
            raise CacheDamagedError(f"{tag} fields differ: {sorted(set(raw) ^ keys)}")
        return cls(**{name: decode(raw[name]) for name, decode in fields})

    # Registered before its fields are built, so a class may refer to itself.
    _DECODERS[cls] = instance
    if cls.__module__ == model.__name__:
        model.load_blocks()  # a leaflet's annotations name the card classes
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    fields.extend((f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init)
    keys.update(name for name, _ in fields)
    return instance


def _show(raw: Any) -> str:
    text = repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _write(
    cache_dir: Path,
    target: Path,
    keys: Fingerprints,
    library: Library,
    unchanged: _Unchanged | None,
) -> None:
    from .deferred import body_checksum, body_of, meta_of

    try:
        leaflets = []
        for leaflet in library.leaflets:
            kept = unchanged.used.get(id(leaflet)) if unchanged is not None else None
            if kept is None:
                body = body_of(leaflet, encode)
                kept = {
                    "meta": meta_of(leaflet),
                    "body": body,
                    "checksum": body_checksum(body),
                    "files": keys.folders.get(str(leaflet.folder), ""),
                }
            leaflets.append(kept)
        document = {
            "format": CACHE_FORMAT,
            "version": __version__,
            "key": keys.library,
            "library": {"root": encode(library.root), "leaflets": leaflets},
        }
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError) as exc:  # a model field JSON cannot hold: parse each time
        log.warning("content cache not written (%s)", exc)
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in [*cache_dir.glob("content-*.json"), *cache_dir.glob("content-*.pickle")]:
            old.unlink(missing_ok=True)
        write_atomically(target, data)
    except OSError as exc:
        log.info("content cache not written (%s); start-up parses the content each time", exc)
