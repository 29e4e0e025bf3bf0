"""Stdlib differences between the Pythons the kiosk supports (3.10 to 3.13).

Debian 12 ships 3.11 and Ubuntu 22.04 ships 3.10, whose standard library has no `tomllib`;
`tomli` is the same parser under another name (it became `tomllib`), installed only there by a
marker in pyproject.toml. Import TOML parsing from here, never `tomllib` directly.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised by the 3.10 run in .ci/run
    import tomli as tomllib

__all__ = ["tomllib"]
