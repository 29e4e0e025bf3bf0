"""Command line: `python -m kiosk [options]`. Parses arguments and dispatches; no logic here."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__, paths


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m kiosk",
        description="Touchscreen kiosk: what you can do if you disagree with SEN decisions.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--windowed", action="store_true", help="run in a normal window, not fullscreen")
    p.add_argument("--content", type=Path, metavar="DIR", help="use this content folder")
    p.add_argument(
        "--check-content", type=Path, metavar="DIR", help="validate a content folder and exit"
    )
    p.add_argument(
        "--export-text", action="store_true", help="print every card's text in reading order"
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="build every screen offscreen and exit 0 if all is well",
    )
    p.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    # --- operations options (settings, PIN, stats) ---
    # --- end operations options ---
    # --- speech options ---
    # --- end speech options ---
    return p


def _check_content(folder: Path) -> int:
    from .content import ContentError, load_library

    try:
        library = load_library(folder)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    cards = sum(len(lf.cards) for lf in library.leaflets)
    print(f"{folder}: OK ({len(library.leaflets)} leaflet(s), {cards} cards)")
    return 0


def _export_text(folder: Path) -> int:
    from .content import ContentError, load_library
    from .content.text import leaflet_plain_text

    try:
        library = load_library(folder)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    sys.stdout.write("\n".join(leaflet_plain_text(lf) for lf in library.leaflets))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    content = args.content or paths.bundled_content()
    if args.check_content is not None:
        return _check_content(args.check_content)
    if args.export_text:
        return _export_text(content)
    # --- operations commands ---
    # --- end operations commands ---
    # --- speech commands ---
    # --- end speech commands ---
    from .app import run

    return run(args)
