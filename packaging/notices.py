"""Third-party notices for a PyInstaller build, generated from what the bundle really holds.

    python packaging/notices.py build/bundle-manifest.json dist/sen-kiosk

build.spec writes the manifest: every bundled file with the file it was copied from, and every
Python module in the archive. Each source is traced to where it came from:

- this repository (the kiosk's code: MIT; the fonts: OFL; the leaflet text: SENDIASS Rutland);
- the Python that built it (CPython: PSF licence);
- a Python distribution in the build's environment (its licence files from its metadata);
- a Debian package (`dpkg -S`; its /usr/share/doc/PKG/copyright, and the common licence texts
  that file refers to).

It writes, into the bundle: LICENSE (the kiosk's), THIRD-PARTY-NOTICES.txt (every component,
its version, licence and what binary distribution obliges: how to replace Qt under the LGPL,
the written offer for the GPL parts), licenses/ (every licence text), and licenses/files.tsv
(every bundled file and its component; tests/frozen checks that no file is left out).
A file whose origin cannot be found fails the build: nothing is shipped without a notice.

Only the standard library: it runs with the build's Python before anything else is set up.
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata as md
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMON = Path("/usr/share/common-licenses")
NOTICES = "THIRD-PARTY-NOTICES.txt"
ARCHIVED = "(Python modules in the program's archive)"
LICENSES = "licenses"
OFFER_CONTACT_ENV = "SEN_KIOSK_SOURCE_CONTACT"
DEFAULT_CONTACT = (
    "the organisation that gave you this build (your council's IT service), or the kiosk's "
    "maintainers through the project's issue tracker"
)


class NoNoticeError(Exception):
    """A bundled file whose origin, and so whose licence, is unknown."""


@dataclass
class Component:
    key: str  # file-name safe
    name: str
    version: str
    licence: str  # SPDX expression where known
    texts: list[Path]
    origin: str
    terms: str = ""  # what distributing it in binary form obliges, beyond shipping the texts
    files: list[str] = field(default_factory=list)


# --- terms ----------------------------------------------------------------------------------

QT_TERMS = """\
Qt and Qt for Python (PySide6, shiboken6) are used under the GNU Lesser General Public
License version 3 (LGPL-3.0); its text and the GPL-3.0 text it builds on are in licenses/.
They are unmodified, as published by The Qt Company in the PySide6-Essentials {version} wheel.

Replacing Qt (LGPL-3.0 section 4): this build is a folder, not one file. Qt is in separate
shared libraries that the program loads at start-up:
  _internal/PySide6/Qt/lib/libQt6*.so.6      the Qt libraries
  _internal/PySide6/Qt/plugins/              the Qt plug-ins
  _internal/PySide6/*.abi3.so, _internal/shiboken6/*.abi3.so, _internal/*pyside6*, *shiboken6*
                                             the Python bindings
To use a modified Qt, build Qt {version} (or a binary-compatible version) and PySide6 {version}
with your changes and put your libraries in place of these files, keeping their names. Or
rebuild the whole program from its source (MIT licence; `scripts/dist` in the repository).
Source: https://download.qt.io/official_releases/qt/ and
https://download.qt.io/official_releases/QtForPython/pyside6/ (PySide6 {version} sources).
Written offer: for at least three years from the date of this build, {contact} will give
anyone who asks the source code of Qt and PySide6 {version} as used here, for no more than the
cost of physically performing the distribution.
Qt itself includes third-party code; its list is at
https://doc.qt.io/qt-6/licenses-used-in-qt.html. ICU, which Qt uses, is listed separately.
"""

GPL_OFFER = """\
This part is licensed under the GNU General Public License (text in licenses/). You may
have its complete corresponding source code: the Debian source package {package} version
{version}, from which the bundled files were built, is at
https://snapshot.debian.org/package/{package}/{version_url}/ (also `apt-get source
{package}={version}` on Debian 12), and the upstream source at {upstream}.
Written offer: for at least three years from the date of this build, and for as long as this
build is offered, {contact} will give anyone who asks a copy of that source code, on a
medium customarily used for software interchange, for no more than the cost of physically
performing the distribution. Those who serve this build from an apt repository should serve
the source package beside it (`apt-get source`), which meets GPL-3.0 section 6(d) directly.
"""

# The licence that governs the library itself, by Debian package. A Debian copyright file
# lists every licence in the source package (build scripts, tests, docs): this is the one a
# recipient of the binary needs to know. A package missing here shows its copyright file's
# whole list, and still ships that file in full.
PRIMARY = {
    "espeak-ng-data": "GPL-3.0-or-later",
    "libespeak-ng1": "GPL-3.0-or-later",
    "libpcaudio0": "GPL-3.0-or-later",
    "libsonic0": "Apache-2.0",
    "libssl3": "Apache-2.0",
    "libsqlite3-0": "blessing (public domain)",
    "libglib2.0-0": "LGPL-2.1-or-later",
    "libpcre2-8-0": "BSD-3-Clause WITH PCRE2-exception",
    "libffi8": "MIT",
    "libbz2-1.0": "bzip2-1.0.6",
    "liblzma5": "0BSD (public domain)",
    "zlib1g": "Zlib",
    "libzstd1": "BSD-3-Clause OR GPL-2.0-only",
    "libuuid1": "BSD-3-Clause",
    "libx11-6": "X11",
    "libx11-xcb1": "X11",
    "libxkbcommon0": "MIT",
    "libxkbcommon-x11-0": "MIT",
}
PRIMARY.update(
    {
        f"libxcb-{name}": "X11"
        for name in (
            "cursor0 icccm4 image0 keysyms1 randr0 render-util0 render0 shape0 shm0 sync1 "
            "util1 xfixes0 xkb1"
        ).split()
    }
)

CLASSIFIERS = {
    "MIT License": "MIT",
    "BSD License": "BSD-3-Clause",
    "Python Software Foundation License": "PSF-2.0",
    "Apache Software License": "Apache-2.0",
}

UPSTREAM = {
    "espeak-ng": "https://github.com/espeak-ng/espeak-ng",
    "pcaudiolib": "https://github.com/espeak-ng/pcaudiolib",
}


# --- where a file came from ------------------------------------------------------------------


def _run(*cmd: str) -> str:
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return result.stdout if result.returncode == 0 else ""


@functools.cache
def _dpkg_owner(path: str) -> str | None:
    real = os.path.realpath(path)
    # Merged /usr: dpkg knows a file by the path its package installed (/lib or /usr/lib).
    candidates = [real, path]
    for prefix in ("/lib/", "/bin/", "/sbin/"):
        if real.startswith(prefix):
            candidates.append("/usr" + real)
        if real.startswith("/usr" + prefix):
            candidates.append(real[len("/usr") :])
    for candidate in candidates:
        out = _run("dpkg-query", "-S", candidate)
        if out:
            package = out.split(":", 1)[0].strip()
            return package.split(":")[0]  # drop the architecture
    return None


@functools.cache
def _dpkg_field(package: str, name: str) -> str:
    return _run("dpkg-query", "-W", f"-f=${{{name}}}", package).strip()


@functools.cache
def _distributions() -> dict[str, md.Distribution]:
    """Installed file (resolved) -> the distribution that installed it."""
    owners: dict[str, md.Distribution] = {}
    for dist in md.distributions():
        for item in dist.files or []:
            try:
                owners[str(Path(str(dist.locate_file(item))).resolve())] = dist
            except (OSError, ValueError):
                continue
    return owners


def _licence_files(dist: md.Distribution) -> list[Path]:
    found = []
    for item in dist.files or []:
        name = str(item)
        if ".dist-info/" in name and re.search(r"LICEN[CS]E|COPYING|NOTICE", name, re.I):
            found.append(Path(str(dist.locate_file(item))))
    return found


# Distributions that ship no licence file in their wheel: the texts their metadata names.
_WHEEL_TEXTS = {
    "pyside6-essentials": ["LGPL-3", "GPL-3"],
    "shiboken6": ["LGPL-3", "GPL-3"],
}


def _common(*names: str) -> list[Path]:
    paths = [COMMON / n for n in names]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise NoNoticeError(f"licence text not found on the build machine: {', '.join(missing)}")
    return paths


def _referenced_common(copyright_file: Path) -> list[Path]:
    text = copyright_file.read_text("utf-8", errors="replace")
    names = sorted(set(re.findall(r"/usr/share/common-licenses/([A-Za-z0-9.+-]+)", text)))
    return [COMMON / n for n in names if (COMMON / n).is_file()]


class Tracer:
    def __init__(self, python_prefix: str, contact: str) -> None:
        self.python_prefix = Path(python_prefix).resolve()
        self.contact = contact
        self.components: dict[str, Component] = {}

    def _get(self, key: str, make: Callable[[], Component]) -> Component:
        if key not in self.components:
            self.components[key] = make()
        return self.components[key]

    # -- the kinds of origin ----------------------------------------------------------
    def ours(self) -> Component:
        sys.path.insert(0, str(ROOT))
        from kiosk import __version__

        return self._get(
            "sen-kiosk",
            lambda: Component(
                "sen-kiosk",
                "SEN help kiosk (this program)",
                __version__,
                "MIT",
                [ROOT / "LICENSE"],
                "this repository",
            ),
        )

    def cpython(self) -> Component:
        version = ".".join(map(str, sys.version_info[:3]))
        stdlib = Path(os.__file__).resolve().parent

        return self._get(
            "cpython",
            lambda: Component(
                "cpython",
                "Python (CPython interpreter and standard library)",
                version,
                "PSF-2.0",
                [stdlib / "LICENSE.txt"],
                str(self.python_prefix),
            ),
        )

    def pyinstaller(self) -> Component:
        dist = md.distribution("pyinstaller")
        return self._get(
            "pyinstaller",
            lambda: Component(
                "pyinstaller",
                "PyInstaller bootloader and run-time modules",
                dist.version,
                "GPL-2.0-or-later WITH Bootloader-exception",
                _licence_files(dist),
                "PyInstaller",
                "The bootloader exception lets the bundled program be distributed under its "
                "own licence; the bootloader itself is unmodified PyInstaller.",
            ),
        )

    def wheel(self, dist: md.Distribution) -> Component:
        name = dist.metadata["Name"]
        key = re.sub(r"[^a-z0-9]+", "-", name.lower())
        classifiers = [
            c.split("::")[-1].strip()
            for c in dist.metadata.get_all("Classifier") or []
            if c.startswith("License ::")
        ]
        short_licence = (dist.metadata.get("License") or "").strip()
        licence = (
            dist.metadata.get("License-Expression")
            or (short_licence if short_licence and "\n" not in short_licence else "")
            or " OR ".join(CLASSIFIERS.get(c, c) for c in classifiers)
        )
        if key in ("pyside6-essentials", "shiboken6"):
            licence = f"LGPL-3.0-only (this build's choice of: {licence})"
        texts = _licence_files(dist) or _common(*_WHEEL_TEXTS.get(key, []))
        if not texts:
            raise NoNoticeError(f"the Python distribution {name} ships no licence text")
        terms = (
            QT_TERMS.format(version=dist.version, contact=self.contact)
            if key == "pyside6-essentials"
            else ""
        )
        return self._get(
            key,
            lambda: Component(key, name, dist.version, licence or "see text", texts, "PyPI", terms),
        )

    def icu(self) -> Component:
        texts = sorted(Path("/usr/share/doc").glob("libicu[0-9]*/copyright"))
        if not texts:
            raise NoNoticeError("no ICU licence text (/usr/share/doc/libicuNN/copyright)")
        return self._get(
            "icu",
            lambda: Component(
                "icu",
                "ICU (International Components for Unicode), as shipped with Qt",
                "73",
                "Unicode-3.0 AND ICU",
                texts[:1],
                "the PySide6-Essentials wheel",
            ),
        )

    def debian(self, package: str) -> Component:
        def make() -> Component:
            version = _dpkg_field(package, "Version")
            source = _dpkg_field(package, "source:Package") or package
            source_version = _dpkg_field(package, "source:Version") or version
            copyright_file = Path("/usr/share/doc") / package / "copyright"
            if not copyright_file.is_file():
                raise NoNoticeError(f"Debian package {package} has no {copyright_file}")
            texts = [copyright_file, *_referenced_common(copyright_file)]
            text = copyright_file.read_text("utf-8", errors="replace")
            listed = sorted(set(re.findall(r"^License:\s*(\S+)", text, re.M)))
            licence = PRIMARY.get(package) or " AND ".join(listed) or "see copyright file"
            terms = ""
            if re.match(r"L?GPL", licence):
                terms = GPL_OFFER.format(
                    package=source,
                    version=source_version,
                    version_url=source_version.replace(":", "%3A"),
                    upstream=UPSTREAM.get(source, f"https://tracker.debian.org/pkg/{source}"),
                    contact=self.contact,
                )
            return Component(
                f"debian-{package}",
                f"{package} (Debian 12 package, source {source})",
                version,
                licence,
                texts,
                f"Debian package {package} {version}",
                terms,
            )

        return self._get(f"debian-{package}", make)

    def repo(self, rel: str) -> Component:
        if rel.startswith("assets/fonts/AtkinsonHyperlegible"):
            return self._get(
                "font-atkinson",
                lambda: Component(
                    "font-atkinson",
                    "Atkinson Hyperlegible font (Braille Institute of America)",
                    "",
                    "OFL-1.1",
                    [ROOT / "assets/fonts/AtkinsonHyperlegible-OFL.txt"],
                    "this repository",
                ),
            )
        if rel.startswith("assets/fonts/OpenDyslexic"):
            return self._get(
                "font-opendyslexic",
                lambda: Component(
                    "font-opendyslexic",
                    "OpenDyslexic font (Abbie Gonzalez)",
                    "",
                    "OFL-1.1",
                    [ROOT / "assets/fonts/OpenDyslexic-LICENSE.txt"],
                    "this repository",
                ),
            )
        if rel.startswith("assets/fonts/KioskSymbols"):
            return self._get(
                "font-kiosk-symbols",
                lambda: Component(
                    "font-kiosk-symbols",
                    "Kiosk Symbols font (nine glyphs cut from DejaVu Sans)",
                    "2.37",
                    "Bitstream-Vera",
                    [ROOT / "assets/fonts/KioskSymbols-LICENSE.txt"],
                    "this repository",
                ),
            )
        if rel.startswith("content/"):
            return self._get(
                "leaflet",
                lambda: Component(
                    "leaflet",
                    "Leaflet text: 'What If I Do Not Agree With Decisions About SEN Provision?'",
                    "",
                    "LicenseRef-SENDIASS-Rutland",
                    [],
                    "SENDIASS Rutland",
                    "The leaflet's words are SENDIASS Rutland's, shown as they published them. "
                    "They are not covered by the kiosk's MIT licence; ask SENDIASS Rutland "
                    "before reusing them elsewhere. It quotes the SEND Code of Practice "
                    "(Crown copyright, Open Government Licence v3.0).",
                ),
            )
        if rel.startswith(("kiosk/", "LICENSE")):
            return self.ours()
        raise NoNoticeError(f"{rel}: a file from this repository with no known licence")

    # -- one file ---------------------------------------------------------------------------
    def trace(self, dest: str, src: str) -> Component:
        source = Path(src).resolve()
        name = Path(dest).name
        if name == "base_library.zip":
            return self.cpython()
        try:
            rel = source.relative_to(ROOT).as_posix()
        except ValueError:
            rel = None
        # The build's virtual environments (.venv, .venv-dist...) live inside the repository.
        ours = rel is not None and not rel.startswith((".venv", "build/"))
        if ours and rel is not None and "site-packages" not in rel:
            return self.repo(rel)
        if re.match(r"libicu(data|uc|i18n)\.so", name) and "PySide6" in src:
            return self.icu()
        dist = _distributions().get(str(source))
        if dist is not None:
            if dist.metadata["Name"].lower() == "pyinstaller":
                return self.pyinstaller()
            return self.wheel(dist)
        if source.is_relative_to(self.python_prefix):
            return self.cpython()
        package = _dpkg_owner(src)
        if package is not None:
            return self.debian(package)
        raise NoNoticeError(f"{dest}: cannot tell where {src} came from, so it has no notice")


# --- writing -------------------------------------------------------------------------------


def generate(manifest_path: Path, bundle: Path, contact: str) -> list[Component]:
    manifest = json.loads(manifest_path.read_text("utf-8"))
    tracer = Tracer(manifest["python_prefix"], contact)
    tracer.ours()
    problems: list[str] = []
    contents = Path("_internal")
    for dest, src, kind in manifest["files"]:
        if kind == "SYMLINK":
            continue  # points at a file that is listed in its own right
        try:
            tracer.trace(dest, src).files.append((contents / dest).as_posix())
        except NoNoticeError as exc:
            problems.append(str(exc))
    for src in manifest["modules"]:
        try:
            component = tracer.trace(Path(src).name, src)
        except NoNoticeError as exc:
            problems.append(str(exc))
            continue
        if ARCHIVED not in component.files:
            component.files.append(ARCHIVED)
    if problems:
        raise NoNoticeError("\n".join(sorted(set(problems))))
    tracer.pyinstaller().files.append(manifest["app"])
    tracer.cpython().files.append("_internal/base_library.zip")

    components = sorted(tracer.components.values(), key=lambda c: c.key)
    out_dir = bundle / LICENSES
    shutil.rmtree(out_dir, ignore_errors=True)
    out_dir.mkdir(parents=True)
    shutil.copyfile(ROOT / "LICENSE", bundle / "LICENSE")
    lines = [
        "Third-party notices for the SEN help kiosk",
        "=" * 42,
        "",
        "This build contains the software below. Each licence's full text is in licenses/;",
        "licenses/files.tsv lists every file of this build and the component it belongs to.",
        "The kiosk's own code is under the MIT licence (LICENSE). Generated by",
        "packaging/notices.py from the files actually bundled.",
        "",
        "Licences in this build: " + ", ".join(sorted({c.licence for c in components})),
        "",
    ]
    tsv = ["file\tcomponent\tlicence"]
    for component in components:
        names = []
        for index, text in enumerate(component.texts):
            target = f"{component.key}{'' if index == 0 else '-' + text.name}.txt"
            shutil.copyfile(text, out_dir / target)
            names.append(f"{LICENSES}/{target}")
        lines += [
            "-" * 78,
            f"{component.name}" + (f" {component.version}" if component.version else ""),
            f"Licence: {component.licence}",
            f"From: {component.origin}",
            "Licence texts: " + (", ".join(names) or "none (see below)"),
            "Files: "
            + ", ".join(
                [f"{len([f for f in component.files if not f.startswith('(')])} bundled"]
                + (["Python modules in the program's archive"] if ARCHIVED in component.files else [])
            ),
        ]
        if component.terms:
            lines += ["", component.terms.rstrip()]
        lines.append("")
        tsv += [f"{f}\t{component.key}\t{component.licence}" for f in sorted(set(component.files))]
    (bundle / NOTICES).write_text("\n".join(lines) + "\n", "utf-8")
    (out_dir / "files.tsv").write_text("\n".join(tsv) + "\n", "utf-8")
    return components


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", type=Path)
    parser.add_argument("bundle", type=Path)
    args = parser.parse_args(argv)
    contact = os.environ.get(OFFER_CONTACT_ENV, "").strip() or DEFAULT_CONTACT
    try:
        components = generate(args.manifest, args.bundle, contact)
    except NoNoticeError as exc:
        print(f"packaging/notices.py: no notice for:\n{exc}", file=sys.stderr)
        return 1
    licences = sorted({c.licence for c in components})
    print(f"[notices] {len(components)} components; licences: {', '.join(licences)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
