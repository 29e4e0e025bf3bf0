"""What importing a module costs once PySide6 is loaded, and the part of it the kiosk skips.

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
"""

from __future__ import annotations

import sys


def _uses_pyside(_module: object) -> bool:
    return True


def skip_source_scan() -> bool:
    """Replace PySide6's per-import source scan; True if there was one to replace."""
    try:
        import shiboken6  # noqa: F401  (loads PySide's import hook)
    except ImportError:
        return False
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = _uses_pyside  # type: ignore[attr-defined]
    return True
