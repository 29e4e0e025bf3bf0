"""Command line: `python -m kiosk [options]`. Parses arguments and dispatches; no logic here."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, paths

if TYPE_CHECKING:
    from .content import ContentProblem


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="sen-kiosk" if paths.is_frozen() else "python -m kiosk",
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
    p.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"settings file (default: {paths.default_config_file()})",
    )
    p.add_argument(
        "--check-config", type=Path, metavar="FILE", help="validate a settings file and exit"
    )
    p.add_argument(
        "--print-config",
        action="store_true",
        help="print the effective settings, with where each value came from, and exit",
    )
    p.add_argument(
        "--set-pin",
        action="store_true",
        help="set the staff PIN (asked twice on a terminal, or one line on standard input)",
    )
    p.add_argument(
        "--export-stats",
        type=Path,
        metavar="FILE.csv",
        help="write the anonymous daily usage counts as CSV and exit",
    )
    # --- end operations options ---
    # --- speech options ---
    p.add_argument("--list-voices", action="store_true", help="list speech voices and exit")
    p.add_argument("--speak-card", metavar="CARD_ID", help="read a card into FILE.wav (see --out)")
    p.add_argument("--out", type=Path, metavar="FILE.wav", help="output file for --speak-card")
    p.add_argument(
        "--voice",
        help="speech voice id (see --list-voices); default: the card's leaflet's language",
    )
    p.add_argument("--rate", type=float, default=1.0, help="speech speed multiplier, 0.5 to 2")
    # --- end speech options ---
    return p


def _check_content(folder: Path) -> int:
    from .content import ContentError, load_library
    from .content.check_cache import KnownFolders
    from .content.help_check import HelpCheck
    from .fit import check_fit

    # What was found before is kept beside the content cache: a second check reads again
    # only the leaflets whose files changed, and lays out only the cards that changed
    # (kiosk/content/check_cache.py and kiosk/fit_cache.py say what else makes it stale).
    cache = paths.cache_dir()
    known = KnownFolders(cache)
    try:
        library = load_library(folder, known)
        help_check = HelpCheck(library, known)  # before the screen fit makes a Qt application
        try:
            fit = check_fit(library, cache)
        finally:
            help_check.wait()
        line = f"screen fit: {fit.measured} card layout(s) measured, {fit.cached} from the cache"
        print(line + (f" ({fit.processes} processes)" if fit.processes > 1 else ""))
        if fit.problems:
            raise ContentError(fit.problems)
    except ContentError as exc:
        known.save()
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {folder}", file=sys.stderr)
        return 1
    help_problems: list[ContentProblem] = []
    for problems, advice in help_check.findings():
        help_problems.extend(problems)
        for line in advice:
            print(line)
    known.save()
    for problem in help_problems:
        print(problem, file=sys.stderr)
    if help_problems:
        print(f"{len(help_problems)} problem(s) in the kiosk's help in {folder}", file=sys.stderr)
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
    from .content.help import help_plain_text, load_help

    scoped = len(library.leaflets) > 1
    sys.stdout.write("\n".join(leaflet_plain_text(lf, scoped) for lf in library.leaflets))
    # The kiosk's own help follows the leaflet, apart and labelled, never mixed into it.
    helps = load_help(library)
    for leaflet in library.leaflets:
        sys.stdout.write("\n" + help_plain_text(leaflet, helps.for_leaflet(leaflet)))
    return 0


# What build_parser() gives for no arguments (a test holds the two together).
DEFAULTS: dict[str, object] = {
    "windowed": False,
    "content": None,
    "check_content": None,
    "export_text": False,
    "self_test": False,
    "quit_after_paint": False,
    "config": None,
    "check_config": None,
    "print_config": False,
    "set_pin": False,
    "export_stats": None,
    "list_voices": False,
    "speak_card": None,
    "out": None,
    "voice": None,
    "rate": 1.0,
}


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    """The arguments, or the defaults when there are none: the kiosk's unattended start (its
    service, its desktop entry) has none, and building the parser was 4 ms of its launch."""
    arguments = sys.argv[1:] if argv is None else argv
    if not arguments:
        return argparse.Namespace(**DEFAULTS)
    return build_parser().parse_args(arguments)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        return _dispatch(args)
    except ImportError as exc:
        # A system library the program loads is missing: name the package, not a traceback.
        from .syslibs import explain

        message = explain(exc)
        if message is None:
            raise
        print(f"sen-kiosk: {message}", file=sys.stderr)
        return 1
    except OSError as exc:
        # Every file the CLI writes or reads: one line naming the file.
        if exc.filename is None:
            raise
        print(f"sen-kiosk: {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _content_folder(args: argparse.Namespace) -> Path:
    """The folder the kiosk itself would show, so the CLI and the kiosk never disagree."""
    from .app import choose_content, content_candidates
    from .settings_layers import load_layered

    layered = load_layered(args.config or paths.default_config_file())
    choice = choose_content(content_candidates(args, layered.settings))
    for line in choice.problems:
        print(line, file=sys.stderr)
    return Path(choice.source)


def _dispatch(args: argparse.Namespace) -> int:
    command = _command(args)
    if command is None:
        from .app import run

        return run(args)
    # Only the kiosk's window starts with the garbage collector held off (kiosk/memory.py): a
    # command such as --check-content on a library may run for minutes.
    gc.enable()
    return command()


def _command(args: argparse.Namespace) -> Callable[[], int] | None:
    """The command line asked for, or None to run the kiosk."""
    if args.check_content is not None:
        return partial(_check_content, args.check_content)
    if args.export_text:
        return lambda: _export_text(_content_folder(args))
    # --- operations commands ---
    config_file = args.config or paths.default_config_file()
    if args.check_config is not None:
        from .config import check_config_main

        return partial(check_config_main, args.check_config)
    if args.print_config:
        from .settings_layers import print_layered_main

        return partial(print_layered_main, config_file)
    if args.set_pin:
        return partial(_set_pin, config_file, explicit=args.config is not None)
    if args.export_stats is not None:
        from .stats import export_stats_main

        return partial(export_stats_main, args.export_stats)
    # --- end operations commands ---
    # --- speech commands ---
    if args.list_voices or args.speak_card:
        from .speech.commands import run as run_speech_command

        return lambda: run_speech_command(args, _content_folder(args))
    # --- end speech commands ---
    return None


def _set_pin(config_file: Path, *, explicit: bool) -> int:
    from .session.pin import set_pin_main
    from .settings_layers import pin_target

    target = pin_target(config_file, explicit)
    if isinstance(target, str):
        print(target, file=sys.stderr)
        return 1
    system = target == paths.system_config_file() and not explicit
    if system and not target.exists():
        # Readable by the kiosk user (it checks the PIN), writable by root alone.
        target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
        target.touch(mode=0o644)
        target.chmod(0o644)
    code = set_pin_main(target)
    if code == 0 and system:
        print(
            f"Written as root to the system-wide file {target}: the kiosk user cannot change "
            "it. Restart the kiosk to use the new PIN."
        )
    return code
