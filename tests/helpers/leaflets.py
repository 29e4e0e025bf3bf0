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


TEST_CATALOGUES = Path(__file__).resolve().parent.parent / "i18n"


def lrelease() -> Path:
    """Qt's catalogue compiler, as PySide6-Essentials ships it beside its modules."""
    import PySide6

    return Path(PySide6.__file__).parent / "lrelease"


def lupdate() -> Path:
    import PySide6

    return Path(PySide6.__file__).parent / "lupdate"


def add_catalogues(root: Path, *languages: str) -> Path:
    """Compile the test catalogues tests/i18n/kiosk_<language>.ts into `root`/translations,
    where the kiosk looks for a council's catalogues beside its leaflets."""
    import subprocess

    folder = root / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    for language in languages:
        source = TEST_CATALOGUES / f"kiosk_{language}.ts"
        target = folder / f"kiosk_{language}.qm"
        subprocess.run(
            [str(lrelease()), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
        )
    return folder
