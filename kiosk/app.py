"""Wiring: reads settings, builds the services, then the window, then connects them."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QPixmapCache
from PySide6.QtWidgets import QApplication

from . import APP_ID, APP_NAME, __version__, memory, paths
from .config import Settings
from .content import ContentError, ContentProblem, Library
from .fit_memory import FILE_NAME as FIT_FILE
from .fit_memory import FitMemory
from .fonts import load_fonts
from .guarded import FileProblem, guard
from .i18n import QT_TR_NOOP, tr
from .input_gateway import InputGateway, Stage, is_act
from .ui.theme import STANDARD, THEMES, Look
from .ui.touch import flick_input

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

    from .audio_mode import AudioMode
    from .content.help import HelpLoad
    from .reading import ReadingController
    from .session.visit import VisitSession
    from .speech.service import SpeechService
    from .ui.main_window import KioskWindow

log = logging.getLogger("kiosk.app")

PIXMAP_CACHE_KIB = 2048
RELEASE_COLLECTION_MS = 15_000  # kiosk/memory.py: if the cards are not made by then
ALREADY_RUNNING_EXIT = 3
EXIT_TO_DESKTOP = 4  # staff chose "Exit to desktop": the supervisor must not restart it
TEST_SENTENCE = QT_TR_NOOP(
    "This is a test of the kiosk's speech. If you can hear this, reading aloud works."
)
RESET_SPOKEN = QT_TR_NOOP("The kiosk has been reset for the next visitor.")
STILL_HERE_SPOKEN = QT_TR_NOOP("Welcome back. Nothing was cleared.")
# A catalogue keeps the "10": the count is put in its place.
TEN_SECONDS_SPOKEN = QT_TR_NOOP("10 seconds left. Press any key or touch the screen to stay.")
COUNTDOWN_SPOKEN_AT = 10
HELP_PROBLEMS = "the kiosk's help has problems; it runs without that part:"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    # Qt's shared pixmap cache may grow to 10 MB as styled widgets are painted in new states
    # and sizes; a kiosk that runs for months keeps it small (the soak measures the growth).
    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
    return app


@dataclass
class ContentChoice:
    """The library the kiosk shows, where it came from, and what was wrong on the way."""

    library: Library
    source: str
    problems: list[str] = field(default_factory=list)
    # The kiosk's own help beside the leaflet: None until read (see help_after_paint).
    help: HelpLoad | None = None
    help_pending: bool = False  # not loaded yet: see help_after_paint
    # The parsed-content cache after an edit, left for after the first paint (save_cache).
    cache_writes: list[Callable[[], None]] = field(default_factory=list)

    def save_cache(self) -> None:
        """Write what loading left to write, once. After staff edit one leaflet of fifty,
        writing the new cache was 34 ms of the first start's way to its first screen."""
        while self.cache_writes:
            self.cache_writes.pop()()


def with_help(choice: ContentChoice) -> ContentChoice:
    """Load the glossary and routes beside the chosen leaflets. Their problems are listed
    like any content problem, but only cost that part of the help, never the leaflet."""
    from .content.help import load_help  # the glossaries and routes: not before the first paint

    choice.help = help_ = load_help(choice.library)
    if help_.problems:
        choice.problems.append(HELP_PROBLEMS)
        choice.problems.extend(f"  {problem}" for problem in help_.problems)
    return choice


def content_candidates(args: argparse.Namespace, settings: Settings) -> list[Path]:
    """Where content may come from, most specific first; the bundled leaflet is always last."""
    found: list[Path] = []
    if args.content is not None:
        found.append(args.content)
    elif (configured := settings.content_path()) is not None:
        found.append(configured)
    elif paths.is_frozen():
        # Staff can drop an edited content folder next to the installed program.
        beside = Path(sys.executable).resolve().parent / "content"
        if beside.is_dir():
            found.append(beside)
    found.append(paths.bundled_content())
    return found


def choose_content(
    candidates: list[Path],
    cache_dir: Path | None = None,
    *,
    help_now: bool = True,
    cache_later: bool = False,
) -> ContentChoice:
    """Load the first usable folder. Problems in an override are kept, never fatal.
    With `cache_dir`, unchanged content comes from the parsed-content cache. Without
    `help_now` the help is left for later (its problems never change the folder chosen).
    With `cache_later` a new cache is left to the choice's save_cache."""
    problems: list[str] = []
    for position, folder in enumerate(candidates):
        try:
            later: list[Callable[[], None]] | None = [] if cache_later else None
            choice = ContentChoice(_load(folder, cache_dir, later), str(folder), problems)
            choice.cache_writes = later or []
            if not help_now:
                choice.help_pending = True
                return choice
            return with_help(choice)
        except ContentError as exc:
            if position == len(candidates) - 1:
                raise
            following = candidates[position + 1]
            instead = (
                "the bundled leaflet" if following == paths.bundled_content() else str(following)
            )
            problems.append(f"content folder {folder} has problems; using {instead} instead:")
            problems.extend(f"  {problem}" for problem in exc.problems)
    raise AssertionError("unreachable: the last candidate either loads or raises")


def _load(
    folder: Path, cache_dir: Path | None, later: list[Callable[[], None]] | None = None
) -> Library:
    """Any failure, however unexpected (a damaged cache, a parser bug), is a ContentError
    naming the folder, so the next candidate is tried and the kiosk still starts."""
    try:
        load = partial(_load_unguarded, folder, cache_dir, later)
        return guard(folder, load, keep=(ContentError,))
    except FileProblem as problem:
        raise ContentError([ContentProblem(problem.file, problem.line, problem.message)]) from None


def _load_unguarded(
    folder: Path, cache_dir: Path | None, later: list[Callable[[], None]] | None
) -> Library:
    if cache_dir is not None:
        from .content.cache import load_library_cached

        return load_library_cached(folder, cache_dir, later)
    from .content.loader import load_library  # imports the Markdown parser: not at start-up

    return load_library(folder)


def look_from(settings: Settings) -> Look:
    theme = THEMES.get(settings.display_theme, STANDARD)
    return Look(theme=theme, text_scale=settings.display_text_size / 100)


def run(args: argparse.Namespace) -> int:
    if args.self_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings_file = args.config or paths.default_config_file()
    from .settings_layers import describe_files, load_layered

    layered = load_layered(settings_file)
    settings, setting_problems = layered.settings, layered.problems
    try:
        choice = choose_content(
            content_candidates(args, settings),
            paths.cache_dir(),
            help_now=args.self_test,
            # Only the kiosk that gets the lock writes it, and after its first paint.
            cache_later=not args.self_test,
        )
    except ContentError as exc:
        print(f"the bundled content has problems:\n{exc}", file=sys.stderr)
        return 1
    from .ui.qr import keep_codes_in

    keep_codes_in(paths.cache_dir() / "qr-codes.json")
    for line in choice.problems:
        print(line, file=sys.stderr)
    if args.self_test:
        return _self_test(choice, settings)

    from .logs import install_excepthook, setup_logging
    from .session.single_instance import SingleInstance

    lock = SingleInstance(paths.lock_file())
    if not lock.acquire():
        print(lock.message(), file=sys.stderr)
        return ALREADY_RUNNING_EXIT
    setup_logging(settings_file, choice.source, __version__)
    if lock.warning:
        log.warning("%s", lock.warning)
    cleanups: list[Callable[[], None]] = []
    install_excepthook(exit_fn=crash_exit(cleanups))
    for problem in setting_problems:
        log.warning("settings: %s", problem)
    for line in choice.problems:
        log.warning("%s", line)
    startup = Startup(
        settings_file=settings_file,
        settings_files=describe_files(layered),
        settings_problems=[str(p) for p in setting_problems],
        content_source=choice.source,
        content_problems=list(choice.problems),
    )
    try:
        return _run_kiosk(args, settings, choice, startup, cleanups)
    finally:
        lock.release()


def _self_test(choice: ContentChoice, settings: Settings) -> int:
    app = make_application(sys.argv[:1])
    from .selftest import self_test
    from .ui.main_window import KioskWindow

    fonts = load_fonts()
    window = KioskWindow(choice.library, fonts, look_from(settings), help=choice.help)
    return self_test(app, window, fonts)


@dataclass
class Startup:
    """What the admin screen shows about how this kiosk started."""

    settings_file: Path
    settings_problems: list[str]
    content_source: str
    content_problems: list[str] = field(default_factory=list)
    settings_files: str = ""  # the system file too, when there is one

    @property
    def problems(self) -> list[str]:
        return self.settings_problems + self.content_problems


def crash_exit(
    cleanups: list[Callable[[], None]], exit_fn: Callable[[int], object] = os._exit
) -> Callable[[int], None]:
    """The exit a crash takes: first stop what would outlive us (a player still speaking,
    the speech engine), then leave at once for the supervisor to restart a clean kiosk."""

    def leave(code: int) -> None:
        for cleanup in cleanups:
            try:
                cleanup()
            except Exception:  # a crash exit must always reach exit_fn
                log.exception("cleanup during a crash failed")
        exit_fn(code)

    return leave


def assemble(
    args: argparse.Namespace,
    settings: Settings,
    choice: ContentChoice,
    startup: Startup,
    cleanups: list[Callable[[], None]],
    speech_factory: Callable[[QObject], SpeechService] | None = None,
) -> Kiosk:
    """The window and the kiosk around it, wired as `python -m kiosk` runs them (the journey
    tests build the kiosk here too, with only the sound device replaced)."""
    app = make_application(sys.argv[:1])
    # Imported here so that --version, --check-content and --export-text start fast.
    from .ui.main_window import KioskWindow

    help: HelpLoad | Callable[[], HelpLoad] | None = choice.help
    if choice.help_pending:
        help = partial(help_after_paint, choice, startup)
    window = KioskWindow(
        choice.library, load_fonts(), look_from(settings), with_attract=True, help=help
    )
    kiosk = Kiosk(app, window, settings, windowed=args.windowed, speech_factory=speech_factory)
    kiosk.startup = startup
    cleanups.append(kiosk.stop_speech)
    # Staff reload after editing: parse afresh (the cache would notice the edit anyway).
    kiosk.reload_content = lambda: choose_content(content_candidates(args, settings))
    if not args.quit_after_paint:
        # Everything but the first screen starts once it is up: start-up never waits on it.
        window.firstPaint.connect(kiosk.start_services)
    return kiosk


def help_after_paint(choice: ContentChoice, startup: Startup) -> HelpLoad:
    """The help (glossaries, routes), read as its screens are made just after the first
    paint, a leaflet at a time (content/help.py): with 50 leaflets all at once it was half a
    second of TOML. Its problems are reported as the content's are at start-up, as each
    leaflet's help is read: printed, logged, on the admin screen."""
    from .content.help import load_help_later

    def found(problems: list[ContentProblem]) -> None:
        lines = [f"  {problem}" for problem in problems]
        if not any(HELP_PROBLEMS in line for line in choice.problems):
            lines.insert(0, HELP_PROBLEMS)
        choice.problems.extend(lines)
        startup.content_problems.extend(lines)
        for line in lines:
            print(line, file=sys.stderr)
            log.warning("%s", line)

    choice.help = load_help_later(choice.library, found)
    choice.help_pending = False
    return choice.help


def _run_kiosk(
    args: argparse.Namespace,
    settings: Settings,
    choice: ContentChoice,
    startup: Startup,
    cleanups: list[Callable[[], None]],
) -> int:
    kiosk = assemble(args, settings, choice, startup, cleanups)
    app, window = kiosk.app, kiosk.window
    if args.quit_after_paint:
        start_ns = int(os.environ.get("KIOSK_T0_NS", "0"))

        def report() -> None:
            if start_ns:
                took = (window.first_paint_ns - start_ns) / 1e6
                print(f"first_paint_ms={took:.1f}", flush=True)
            window.allow_close = True
            app.quit()

        window.firstPaint.connect(report)
    from .sd_notify import Notifier
    from .unix_signals import SignalBridge

    notifier = Notifier(parent=kiosk)
    window.firstPaint.connect(notifier.ready)
    # On the turn after the first paint: no visitor has had the time to touch it yet.
    window.firstPaint.connect(lambda: QTimer.singleShot(0, choice.save_cache))
    window.firstPaint.connect(lambda: QTimer.singleShot(0, kiosk.fits.save))
    signals = SignalBridge(parent=kiosk)
    signals.received.connect(kiosk.stop_on_signal)
    signals.install()
    cleanups.append(kiosk.flush_counts)
    show(window, windowed=args.windowed, hide_cursor=settings.display_hide_cursor)
    try:
        return app.exec()
    finally:
        notifier.stopping()
        signals.remove()
        kiosk.shutdown()
        notifier.close()
        choice.save_cache()  # stopped before its first paint was over
        kiosk.fits.save()  # and any fit found since (a turned screen)


class Kiosk(QObject):
    """Holds the running pieces together and carries out the reset between visitors."""

    def __init__(
        self,
        app: QApplication,
        window: KioskWindow,
        settings: Settings,
        windowed: bool,
        speech_factory: Callable[[QObject], SpeechService] | None = None,
    ) -> None:
        super().__init__()
        self.speech_factory = speech_factory or _real_speech
        self.app = app
        self.window = window
        self.settings = settings
        self.default_look = window.look
        self.windowed = windowed
        # The first screen's fit, found once and kept (fit_memory.py); written after its paint.
        self.fits = FitMemory(paths.cache_dir() / FIT_FILE)
        if window.attract is not None:
            window.attract.remember_fits(self.fits)
        self.visit: VisitSession | None = None
        self.speech: SpeechService | None = None
        self.reading: ReadingController | None = None
        self.audio: AudioMode | None = None
        self.startup: Startup | None = None
        self.reload_content: Callable[[], ContentChoice] | None = None
        # The application's one event filter: every visitor input passes it (see its module).
        self.gateway = InputGateway(self)
        self._warned_ten = False
        self.countdown_spoken_at = COUNTDOWN_SPOKEN_AT

    @Slot()
    def start_services(self) -> None:
        """Idle watch, usage counts, lockdown, the staff gesture and speech."""
        from .session.idle import IdleMonitor
        from .session.lockdown import Lockdown
        from .session.lockout import LockoutStore
        from .session.pin import PinGate
        from .session.visit import VisitSession
        from .stats import Stats
        from .ui.corner_gesture import CornerGesture

        settings, window = self.settings, self.window
        if not self.windowed:
            Lockdown(self).install(self.gateway)
        idle = IdleMonitor.from_seconds(
            settings.session_idle_timeout, settings.session_warning_seconds, parent=self
        )
        self.visit = VisitSession(idle, Stats(enabled=settings.stats_enabled), parent=self)
        lockout = LockoutStore(paths.state_dir() / "pin-lockout.json")
        window.install_admin(PinGate(settings.admin_pin_hash, store=lockout))
        self.wire()
        gesture = CornerGesture(window, parent=window)
        gesture.triggered.connect(window.show_pin_pad)
        gesture.install(self.gateway)
        self.start_speech()
        from .opening import install_opening_hours

        install_opening_hours(self, show_fullscreen=not self.windowed)

    def wire(self) -> None:
        assert self.visit is not None
        window, visit = self.window, self.visit
        window.cards.cardShown.connect(lambda _index: self._count("card_views"))
        window.screenChanged.connect(self._on_screen)
        window.lookChanged.connect(lambda _look: self._count("settings_used"))
        # The old views' pages, and a visit's, go back to the system (kiosk/memory.py).
        # The start's objects are set aside once the cards are made, or after a while anyway.
        window.cardsBuilt.connect(memory.release_collection)
        QTimer.singleShot(RELEASE_COLLECTION_MS, memory.release_collection)
        window.cardsBuilt.connect(memory.give_back)
        visit.resetRequested.connect(memory.give_back)
        visit.resetRequested.connect(self.reset)
        visit.warningStarted.connect(self._warn)
        visit.countdown.connect(self._countdown)
        visit.warningCancelled.connect(self._warning_answered)
        window.stillHere.connect(visit.still_here)
        window.pinAccepted.connect(self.open_admin)
        window.pinMessage.connect(self._speak_if_audio)
        window.adminExitRequested.connect(self.exit_to_desktop)
        window.adminReloadRequested.connect(self.reload)
        window.adminTestSpeechRequested.connect(self.test_speech)
        if window.kiosk_help is not None:
            window.kiosk_help.announce.connect(self._speak_if_audio)
            window.kiosk_help.speak.connect(self.speak_help)
        self.gateway.activity.connect(visit.idle.poke)
        self.gateway.activity.connect(memory.QuietTrim(parent=self).poke)
        self.gateway.activity.connect(window.work_ahead.hold)
        self.gateway.add(Stage.IDLE_WARNING, self._answers_warning)
        self.gateway.add(Stage.FLICK, flick_input)
        self.gateway.install(self.app)
        window.quiet = self.gateway.paused

    def _answers_warning(self, _watched: object, event: QEvent) -> bool:
        """While the warning shows, any key or touch means "I'm still here" and nothing else:
        it must not move focus or press what lies under the veil."""
        return self.window.idle_warning_shown() and is_act(event)

    def _count(self, name: str) -> None:
        if self.visit is not None:
            self.visit.count(name)

    @Slot(bool)
    def _audio_toggled(self, on: bool) -> None:
        if on and self.visit is not None:
            self.visit.begin()  # a visitor who cannot see starts a visit with a key
            self.visit.count("audio_mode")

    @Slot(str)
    def _on_screen(self, screen: str) -> None:
        if self.visit is None:
            return
        if screen in ("home", "card", "library", "help"):
            self.visit.begin()
        elif screen in ("pin", "admin"):
            # Staff are not visitors, but an admin screen left open must still time out.
            self.visit.keep_alive()

    @Slot(int)
    def _warn(self, seconds: int) -> None:
        from .announcer import Priority

        self._warned_ten = seconds <= self.countdown_spoken_at
        self.window.show_idle_warning(seconds)
        if self.audio is not None and self.audio.active:
            self.audio.say(self.window.idle_warning.message(), Priority.NOTICE)

    @Slot(int)
    def _countdown(self, seconds: int) -> None:
        from .announcer import Priority

        self.window.set_idle_seconds(seconds)
        at = self.countdown_spoken_at
        if seconds <= at and not self._warned_ten:
            self._warned_ten = True
            if self.audio is not None and self.audio.active:
                self.audio.say(tr(TEN_SECONDS_SPOKEN).replace("10", str(at)), Priority.NOTICE)

    @Slot()
    def _warning_answered(self) -> None:
        self.window.hide_idle_warning()
        if self.audio is not None and self.audio.active:
            self.audio.say(tr(STILL_HERE_SPOKEN))

    @Slot(str)
    def _speak_if_audio(self, text: str) -> None:
        if self.audio is not None and self.audio.active and text:
            self.audio.say(text)

    # --- staff ---------------------------------------------------------------------------
    @Slot()
    def open_admin(self) -> None:
        from .admin_data import usage_rows
        from .logs import recent_lines
        from .ui.admin import AdminInfo

        assert self.visit is not None
        startup = self.startup
        info = AdminInfo(
            version=__version__,
            config_file=(startup.settings_files or str(startup.settings_file))
            if startup
            else "(none)",
            content_source=startup.content_source if startup else "(bundled)",
            problems=list(startup.problems) if startup else [],
            recent_log_lines=recent_lines(40),
            usage=usage_rows(self.visit.stats.last_days(30), self.visit.pending),
            exit_allowed=self.settings.admin_exit_to_desktop,
        )
        self.window.show_admin(info)

    @Slot()
    def exit_to_desktop(self) -> None:
        if not self.settings.admin_exit_to_desktop:
            log.warning("exit to desktop refused: admin.exit_to_desktop is false")
            return
        log.info("staff exit to desktop")
        self.window.allow_close = True
        self.app.exit(EXIT_TO_DESKTOP)

    @Slot()
    def reload(self) -> None:
        if self.reload_content is None:
            return
        try:
            choice = self.reload_content()
        except ContentError as exc:
            log.error("content reload failed: %s", exc)
            if self.startup is not None:
                # The kiosk keeps showing what it showed; staff see why the new copy was refused.
                self.startup.content_problems = [f"reload failed: {p}" for p in exc.problems]
            self.open_admin()
            return
        if self.reading is not None:
            self.reading.stop()
        self.window.set_library(choice.library, choice.help)
        if self.startup is not None:
            self.startup.content_source = choice.source
            self.startup.content_problems = list(choice.problems)
        for line in choice.problems:
            log.warning("%s", line)
        log.info("content reloaded from %s", choice.source)
        self.open_admin()

    @Slot(str)
    def speak_help(self, text: str) -> None:
        """The help's "Read aloud": an explanation is read like a card, stopping what was."""
        from .speech.narration import Utterance

        if self.speech is not None:
            if self.reading is not None:
                self.reading.stop()
            if self.audio is not None:
                self.audio.announcer.give_way()  # announcements do not resume over it
            self.speech.speak([Utterance(text, -1, 0, 0)])

    @Slot()
    def test_speech(self) -> None:
        from .speech.narration import Utterance

        if self.speech is not None:
            self.speech.speak([Utterance(tr(TEST_SENTENCE), -1, 0, 0)])

    @Slot()
    def start_speech(self) -> None:
        from .audio_mode import AudioMode
        from .reading import ReadingController
        from .ui.read_aloud import ReadAloudBar

        speech = self.speech_factory(self)
        try:
            speech.set_voice(self.settings.speech_voice)
        except ValueError as exc:
            # Only the engine knows its voices, so this is checked here, not with the settings.
            log.warning("%s", exc)
            if self.startup is not None:
                self.startup.settings_problems.append(str(exc))
        speech.set_rate(self.settings.speech_rate)
        speech.set_volume_db(self.settings.speech_volume)
        bar = ReadAloudBar()
        self.window.add_card_tools(bar)
        self.window.add_card_tools(bar.volume, beside_settings=True)
        self.reading = ReadingController(speech, bar, self.window.cards, parent=self)
        self.reading.readingStarted.connect(lambda: self._count("read_aloud"))
        self.reading.install(self.gateway)
        self.speech = speech
        self.audio = AudioMode(self.window, speech, self.reading, parent=self)
        self.audio.toggled.connect(self._audio_toggled)
        self.audio.install(self.gateway, self.app)
        speech.stateChanged.connect(self._speech_state)
        self.gateway.install(self.app)

    @Slot(object)
    def _speech_state(self, _state: object) -> None:
        """Speech the visitor asked for is activity: a card read aloud for minutes is not a
        visitor who left. The warning's own announcements do not count."""
        from .speech.service import State

        if self.visit is not None and self.speech is not None:
            idle = self.visit.idle
            # The service's state now, not the signal's: an announcement that starts the next
            # one from its own "Ready" slot delivers "Speaking" before this "Ready" arrives.
            idle.hold(self.speech.state() == State.Speaking and not idle.is_warning)

    @Slot()
    def reset(self) -> None:
        """Make the kiosk as the next visitor should find it: nothing left of the last one.
        Not logged: when visitors leave is theirs; the daily stats count the resets."""
        from .announcer import Priority

        was_audio = self.audio is not None and self.audio.active
        if self.audio is not None:
            self.audio.new_visit()
        if self.reading is not None:
            self.reading.stop()
            self.reading.retry()
        if self.speech is not None:
            self.speech.set_rate(self.settings.speech_rate)
            self.speech.set_volume_db(self.settings.speech_volume)
            if self.reading is not None:
                self.reading.bar.set_speed(self.settings.speech_rate)
        self.window.set_look(self.default_look)
        self.window.reset_to_start()
        if was_audio and self.audio is not None:
            # The visitor who cannot see the screen hears that their visit is over.
            self.audio.say(tr(RESET_SPOKEN), Priority.NOTICE)

    @Slot(int)
    def stop_on_signal(self, number: int) -> None:
        """SIGTERM (systemctl stop/restart, shutdown), SIGINT (Ctrl+C), SIGHUP: quit the
        event loop; `shutdown` then writes the counts and stops the speech."""
        from .unix_signals import signal_name

        log.info("stopping on %s", signal_name(number))
        self.window.allow_close = True
        self.app.exit(0)

    def flush_counts(self) -> None:
        if self.visit is not None:
            self.visit.flush()

    def stop_speech(self) -> None:
        """Kill the player and the engine now, so no voice outlives the kiosk."""
        if self.speech is not None:
            self.speech.shutdown()

    def shutdown(self) -> None:
        self.window.allow_close = True
        if self.audio is not None:
            self.audio.remove(self.gateway, self.app)
        if self.reading is not None:
            self.reading.remove(self.gateway)
        self.gateway.remove()
        if self.visit is not None:
            self.visit.end()
        if self.speech is not None:
            self.speech.shutdown()


def _real_speech(parent: QObject) -> SpeechService:
    from .speech import CommandPlayer, ProcessEngine, SpeechService

    return SpeechService(ProcessEngine(), CommandPlayer(), parent=parent)


def show(window: KioskWindow, windowed: bool, hide_cursor: bool = False) -> None:
    screen = QGuiApplication.primaryScreen()
    if windowed or screen is None:
        window.resize(1600, 900)
        window.show()
        return
    window.setWindowFlags(
        window.windowFlags()
        | Qt.WindowType.FramelessWindowHint
        | Qt.WindowType.WindowStaysOnTopHint
    )
    if hide_cursor:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
    # Without a window manager (Xvfb, some kiosk sessions) fullscreen alone keeps the old size.
    window.setGeometry(screen.geometry())
    window.showFullScreen()
    QTimer.singleShot(0, window.activateWindow)
