"""Libraries of several leaflets for tests: the bundled one plus the small test leaflets in
tests/leaflets (Welsh, left to right; Arabic, right to left)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk import paths

TEST_LEAFLETS = Path(__file__).resolve().parent.parent / "leaflets"


def library_folder(root: Path, *names: str, bundled: bool = True) -> Path:
    """Copy leaflets into `root` (a folder of leaflet folders) and return it. `names` are
    folders under tests/leaflets; all of them when none are given."""
    root.mkdir(parents=True, exist_ok=True)
    if bundled:
        source = paths.bundled_content()
        for folder in [source] if (source / "leaflet.toml").is_file() else source.iterdir():
            if (folder / "leaflet.toml").is_file():
                shutil.copytree(folder, root / f"0-{folder.name}")
    chosen = names or tuple(p.name for p in sorted(TEST_LEAFLETS.iterdir()) if p.is_dir())
    for name in chosen:
        shutil.copytree(TEST_LEAFLETS / name, root / name)
    return root
