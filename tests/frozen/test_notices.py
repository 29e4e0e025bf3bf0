"""Licences in the build: every bundled file has a notice, the LGPL and GPL terms for binary
distribution are met in the text, and every artifact has its checksum."""

from __future__ import annotations

import os
import subprocess
import tarfile
from pathlib import Path

import pytest

import kiosk

from .test_frozen import DIST, TARBALL, bundle  # noqa: F401  (the fixture that builds dist/)

pytestmark = [pytest.mark.slow, pytest.mark.frozen]

OWN = {"LICENSE", "THIRD-PARTY-NOTICES.txt"}


def _listed(folder: Path) -> dict[str, str]:
    rows = (folder / "licenses" / "files.tsv").read_text("utf-8").splitlines()[1:]
    return {row.split("\t")[0]: row.split("\t")[1] for row in rows}


def test_every_bundled_file_has_a_notice(bundle: Path) -> None:  # noqa: F811
    listed = _listed(bundle)
    missing = []
    for path in sorted(bundle.rglob("*")):
        rel = path.relative_to(bundle).as_posix()
        if path.is_dir() or rel in OWN or rel.startswith("licenses/"):
            continue
        if path.is_symlink():
            rel = os.path.relpath(path.resolve(), bundle)  # a link is covered by its target
        if rel not in listed:
            missing.append(rel)
    assert not missing, f"bundled with no notice: {missing}"


def test_the_licences_that_oblige_something_say_how(bundle: Path) -> None:  # noqa: F811
    notices = (bundle / "THIRD-PARTY-NOTICES.txt").read_text("utf-8")
    listed = set(_listed(bundle).values())
    for component in (
        "pyside6-essentials",
        "shiboken6",
        "cpython",
        "icu",
        "debian-libespeak-ng1",
        "debian-espeak-ng-data",
        "debian-libssl3",
        "debian-libsqlite3-0",
        "font-atkinson",
        "font-opendyslexic",
        "pyttsx3",
        "segno",
        "markdown-it-py",
        "sen-kiosk",
        "leaflet",
    ):
        assert component in listed, component
    # LGPL-3.0: how to replace Qt, and where its source is.
    assert "Replacing Qt (LGPL-3.0 section 4)" in notices
    assert "_internal/PySide6/Qt/lib/libQt6*.so.6" in notices
    # GPL-3.0: eSpeak NG's source, by a written offer and where to get it.
    espeak = notices[notices.index("libespeak-ng1 (Debian 12 package") :]
    assert "Written offer" in espeak[:3000] and "snapshot.debian.org/package/espeak-ng" in espeak
    texts = sorted((bundle / "licenses").glob("*.txt"))
    assert all(t.stat().st_size > 100 for t in texts), "an empty licence text"
    assert (bundle / "LICENSE").read_text().startswith("MIT License")


def test_the_tarball_carries_the_licences_and_has_a_checksum(bundle: Path) -> None:  # noqa: F811
    with tarfile.open(TARBALL) as tar:
        names = tar.getnames()
    top = f"sen-kiosk-{kiosk.__version__}-linux-x86_64"
    for name in ("LICENSE", "THIRD-PARTY-NOTICES.txt", "sen-kiosk/licenses/files.tsv"):
        assert f"{top}/{name}" in names, name
    check = subprocess.run(
        ["sha256sum", "-c", "SHA256SUMS"], cwd=DIST, capture_output=True, text=True, check=False
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert f"{TARBALL.name}: OK" in check.stdout
