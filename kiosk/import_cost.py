"""What importing PySide6, and each module after it, costs, and the parts the kiosk skips.

PySide6 hooks every later import for its `__feature__` switches (snake_case names, true
properties), and to decide whether a newly imported module "uses PySide" it reads the
module's whole source with `inspect.getsource`, which keeps every line of it in `linecache`
for the life of the process. For the kiosk that was about 190 modules read before it was
ready: some 45 ms of start-up and 5-6 MB of source text held in memory, for an answer that
only matters to code using `from __feature__ import ...`, which the kiosk never does.

`skip_source_scan()` answers "yes, it uses PySide" for every module without reading it:
that module's feature selection is then "none", which is exactly what a module that never
imports `__feature__` has anyway. Run it before anything else imports Qt (kiosk/__main__.py);
with another PySide6 that has no such hook it does nothing.

`import_shiboken(cache_dir)`, which `skip_source_scan` calls first, keeps the bytecode of
PySide's own bootstrap, which it would otherwise compile from source at every start.
"""

from __future__ import annotations

import builtins
import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any


def _uses_pyside(_module: object) -> bool:
    return True


def skip_source_scan(cache_dir: Path | None = None) -> bool:
    """Replace PySide6's per-import source scan; True if there was one to replace. Imports
    shiboken6 first, its bootstrap's bytecode kept in `cache_dir` (see `import_shiboken`)."""
    import_shiboken(cache_dir)
    try:
        import shiboken6  # noqa: F401  (loads PySide's import hook)
    except ImportError:
        return False
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True


# --- PySide6's bootstrap, compiled once ------------------------------------------------------
# `import shiboken6` runs PySide's signature bootstrap: about fourteen modules embedded in the
# binary as source, which it hands to the builtin `compile` at every start (17 ms of a 58 ms
# import under Python 3.13, 9 of 39 under 3.11). Python keeps bytecode for every other module
# in __pycache__; this keeps it for these, in the kiosk's cache folder, and gives it back only
# for a byte-identical source (so a PySide6 upgrade simply compiles again).

_COMPILE = builtins.compile
BOOTSTRAP_FILE_PREFIX = "pyside-bootstrap-"
MAX_BOOTSTRAP_CACHE_BYTES = 8 * 1024 * 1024  # about 0.3 MB in practice; a bigger file is not ours


def bootstrap_cache_file(cache_dir: Path) -> Path:
    # Bytecode is only valid for the interpreter that wrote it.
    return cache_dir / f"{BOOTSTRAP_FILE_PREFIX}{sys.implementation.cache_tag}-{sys.hexversion:x}"


def _is_bootstrap(filename: object) -> bool:
    return isinstance(filename, str) and (
        filename == "signature_bootstrap.py" or filename.startswith("shibokensupport/")
    )


class CompiledOnce:
    """Stands in for the builtin `compile` while shiboken6 is imported: PySide's bootstrap
    modules come from `known` when their source is unchanged; everything else is compiled as
    usual."""

    def __init__(self, known: dict[str, tuple[object, bytes]]) -> None:
        self.known = known
        self.used: dict[str, tuple[object, bytes]] = {}
        self.reused = 0

    def __call__(self, source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or mode != "exec" or not _is_bootstrap(filename):
            return _COMPILE(source, filename, mode, *args, **kwargs)
        entry = self.known.get(filename)
        if entry is not None and type(entry[0]) is type(source) and entry[0] == source:
            with contextlib.suppress(ValueError, EOFError, TypeError):
                code = marshal.loads(entry[1])
                self.used[filename] = entry
                self.reused += 1
                return code
        # Flags as PySide's own call has them: nothing inherited from this module's
        # `from __future__ import annotations`.
        code = _COMPILE(source, filename, mode, 0, True)
        self.used[filename] = (source, marshal.dumps(code))
        return code


def _read_known(path: Path) -> dict[str, tuple[object, bytes]]:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BOOTSTRAP_CACHE_BYTES + 1)
        if len(data) > MAX_BOOTSTRAP_CACHE_BYTES:
            return {}
        known = marshal.loads(data)
    except (OSError, ValueError, EOFError, TypeError):
        return {}  # none yet, unreadable or damaged: compile, and write it afresh
    if not isinstance(known, dict):
        return {}
    return {
        name: entry
        for name, entry in known.items()
        if isinstance(name, str)
        and isinstance(entry, tuple)
        and len(entry) == 2
        and isinstance(entry[1], bytes)
    }


def _write_known(path: Path, used: dict[str, tuple[object, bytes]]) -> None:
    # A unique temporary name, then an atomic rename: two kiosks starting at once each write
    # a whole file, and a reader never sees half of one.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as stream:
            stream.write(marshal.dumps(used))
        os.replace(temporary, path)
        for other in path.parent.glob(f"{BOOTSTRAP_FILE_PREFIX}*"):
            if other != path:  # another interpreter's, after an upgrade
                other.unlink(missing_ok=True)
    except OSError:
        # A read-only or full disk only costs the next start its 10-17 ms.
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def import_shiboken(cache_dir: Path | None) -> CompiledOnce | None:
    """Import shiboken6 with its bootstrap's bytecode kept in `cache_dir` (None: kept
    nowhere). Returns what was reused and compiled; None without PySide6, or when shiboken6
    was imported already."""
    if "shiboken6" in sys.modules:
        return None
    path = None if cache_dir is None else bootstrap_cache_file(cache_dir)
    known = {} if path is None else _read_known(path)
    compiled = CompiledOnce(known)
    builtins.compile = compiled
    try:
        import shiboken6  # noqa: F401
    except ImportError:
        return None
    finally:
        builtins.compile = _COMPILE
    if path is not None and compiled.used and compiled.used != known:
        _write_known(path, compiled.used)
    return compiled
