"""What `--check-content` found in each leaflet folder, kept so that a second check reads again
only the folders that changed (staff edit one leaflet of fifty, then check again).

A folder is known by a digest of the kiosk's source and of the name and bytes of every file in
it (the leaflet's own files, its glossary and routes: all that its checks read). For each
known folder the file holds the leaflet as loaded (only a leaflet without problems is kept)
and its help's problems and readability advice. Checks across leaflets (one id each) and the
screen-fit rule (kiosk/fit_cache.py) run every time.

The file is JSON decoded against the content model (kiosk/content/cache.py), written
atomically; whatever is wrong with it costs one log line and a full check.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Final

from ..source_digest import code_digest, digest, write_atomically
from .cache import CacheDamagedError, decode, encode, read_document
from .errors import ContentProblem
from .model import Leaflet

log = logging.getLogger("kiosk.content")

FORMAT: Final = 1
FILE_NAME: Final = "check-leaflets.json"
MAX_FOLDERS: Final = 500


class KnownFolders:
    """Leaflets and help findings by folder digest (load_library's `known`)."""

    def __init__(self, cache_dir: Path | None):
        self.path = cache_dir / FILE_NAME if cache_dir is not None else None
        self.code = code_digest()
        self._keys: dict[Path, str | None] = {}
        self._old: dict[str, dict[str, Any]] = {}
        self._new: dict[str, dict[str, Any]] = {}
        self.reused = 0
        if self.path is not None:
            self._old = self._read(self.path)

    def _read(self, path: Path) -> dict[str, dict[str, Any]]:
        try:
            document = read_document(path)
            if document.get("format") != FORMAT:
                raise CacheDamagedError("not a check cache of this format")
            folders = document.get("folders")
            if not isinstance(folders, dict) or not all(
                isinstance(v, dict) for v in folders.values()
            ):
                raise CacheDamagedError("no folders")
            return folders if document.get("code") == self.code else {}
        except FileNotFoundError:
            return {}
        except Exception as exc:  # only a shortcut: see VerdictCache._read
            log.warning("check cache %s unusable (%s); checking every leaflet again", path, exc)
            return {}

    def key(self, folder: Path) -> str | None:
        if folder not in self._keys:
            try:
                files = sorted(p for p in folder.iterdir() if p.is_file())
                # The folder as named too: the leaflet's paths are kept as they were given.
                contents = [(p.name, p.read_bytes()) for p in files]
                self._keys[folder] = digest(self.code, str(folder), str(folder.resolve()), contents)
            except OSError:
                self._keys[folder] = None  # checked afresh, reporting what cannot be read
        return self._keys[folder]

    def _entry(self, folder: Path) -> dict[str, Any] | None:
        key = self.key(folder)
        if key is None:
            return None
        entry = self._new.get(key) or self._old.get(key)
        if entry is not None:
            self._new[key] = entry
        return entry

    def get(self, folder: Path) -> Leaflet | None:
        entry = self._entry(folder)
        if entry is None or "leaflet" not in entry:
            return None
        try:
            leaflet = decode(entry["leaflet"], Leaflet)
        except Exception as exc:
            log.warning("check cache: %s unusable (%s); reading it again", folder, exc)
            return None
        self.reused += 1
        assert isinstance(leaflet, Leaflet)
        return leaflet

    def put(self, folder: Path, leaflet: Leaflet) -> None:
        key = self.key(folder)
        if key is not None:
            self._new[key] = {"leaflet": encode(leaflet)}

    def help_of(self, leaflet: Leaflet) -> tuple[list[ContentProblem], list[str]] | None:
        entry = self._entry(leaflet.folder)
        found = entry.get("help") if entry is not None else None
        return read_help(found, f"check cache: help of {leaflet.folder}")

    def put_help(self, leaflet: Leaflet, problems: list[ContentProblem], advice: list[str]) -> None:
        entry = self._entry(leaflet.folder)
        if entry is not None:
            entry["help"] = encode_help(problems, advice)

    def save(self) -> None:
        if self.path is None:
            return
        kept = dict(self._new)
        for key, entry in self._old.items():
            if len(kept) >= MAX_FOLDERS:
                break
            kept.setdefault(key, entry)
        document = {"format": FORMAT, "code": self.code, "folders": kept}
        try:
            data = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
            write_atomically(self.path, data)
        except (OSError, TypeError, ValueError) as exc:
            log.info("check cache not written (%s); every check reads every leaflet", exc)


def encode_help(problems: list[ContentProblem], advice: list[str]) -> dict[str, Any]:
    """A leaflet's help findings as JSON: kept in the file, or handed from a forked check."""
    return {"problems": [[str(p.file), p.line, p.message] for p in problems], "advice": advice}


def _decode_help(found: object) -> tuple[list[ContentProblem], list[str]]:
    """What encode_help made; CacheDamagedError if it is anything else."""
    problems = found.get("problems") if isinstance(found, dict) else None
    advice = found.get("advice") if isinstance(found, dict) else None
    if not isinstance(problems, list) or not isinstance(advice, list):
        raise CacheDamagedError("help is not two lists")
    if not all(isinstance(line, str) for line in advice):
        raise CacheDamagedError("advice is not lines")
    return [_problem(p) for p in problems], advice


def read_help(found: object, what: str) -> tuple[list[ContentProblem], list[str]] | None:
    """What encode_help made, decoded; None when there is none, and None with a log line
    naming `what` when it is anything else (the caller then checks the help itself)."""
    if found is None:
        return None
    try:
        return _decode_help(found)
    except CacheDamagedError as exc:
        log.warning("%s unusable (%s)", what, exc)
        return None


def _problem(raw: object) -> ContentProblem:
    if (
        isinstance(raw, list)
        and len(raw) == 3
        and isinstance(raw[0], str)
        and (raw[1] is None or type(raw[1]) is int)
        and isinstance(raw[2], str)
    ):
        return ContentProblem(Path(raw[0]), raw[1], raw[2])
    raise CacheDamagedError(f"{str(raw)[:60]!r} is not a problem")
