"""The content rule only a screen can check: every card fits its screen at 100% text.

Used by `--check-content`, which lays each card out offscreen in the kiosk's own card screen
at the two shapes kiosks are installed in (landscape and portrait 1080p), exactly as a visitor
would first see it. A card that would scroll at the normal text size is a problem naming its
file, line and card, like any other content problem.

Each verdict is kept (kiosk/fit_cache.py), so a second check measures only what changed. A
measurement shows the card in one offscreen window, as the kiosk does, but lays it out without
painting it or running the event loop; a card already too tall for the first screen is not
measured again for the second (one problem a card, naming the first screen it overflows).
Every card, of every leaflet, is laid out in one card view, the first card's (CardView.set_card):
a view made for each card took three quarters of a check's time. From PARALLEL_FROM cards on, a
second process, forked before this one has a Qt application (kiosk/forked.py), measures the
second screen's cards meanwhile and hands its verdicts back; if it fails, this one measures them
itself.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Final

from . import __version__
from .content import ContentProblem, Library
from .fit_cache import FILE_NAME, Verdict, VerdictCache, card_key, leaflet_context, library_context
from .forked import PARALLEL_FROM, Forked
from .source_digest import code_digest, digest, file_digest, tree_files

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .ui.card_view import CardView
    from .ui.main_window import KioskWindow
    from .ui.theme import Fonts

SCREENS: Final = ((1920, 1080), (1080, 1920))
# From PARALLEL_FROM cards on, a first check measures the second screen in a second process
# while this one measures the first: 3.0 s to 2.0 s at fifty leaflets (1,600 cards) on two
# cores.
log = logging.getLogger("kiosk.fit")
# Qt's own settings that change the size of text or of the screen it is laid out on.
QT_LAYOUT_VARIABLES: Final = (
    "QT_QPA_PLATFORM",
    "QT_SCALE_FACTOR",
    "QT_SCREEN_SCALE_FACTORS",
    "QT_ENABLE_HIGHDPI_SCALING",
    "QT_SCALE_FACTOR_ROUNDING_POLICY",
    "QT_FONT_DPI",
    "QT_USE_PHYSICAL_DPI",
    "QT_QPA_FONTDIR",
    "FONTCONFIG_FILE",
    "FONTCONFIG_PATH",
)


@dataclass
class FitReport:
    """What a check found, and what it had to measure to find it (the rest was cached)."""

    problems: list[ContentProblem] = field(default_factory=list)
    measured: int = 0
    cached: int = 0
    processes: int = 1  # 2: a second process measured some of them


def fit_problems(library: Library, cache_dir: Path | None = None) -> list[ContentProblem]:
    return check_fit(library, cache_dir).problems


def check_fit(
    library: Library, cache_dir: Path | None = None, *, parallel: bool | None = None
) -> FitReport:
    """`parallel` (by default, from PARALLEL_FROM cards, when this process has no Qt
    application yet): the second screen is measured by a second process meanwhile."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if parallel is None:
        parallel = sum(len(lf.cards) for lf in library.leaflets) >= PARALLEL_FROM
    # Forked before this process makes its QApplication: a process with one is not safe
    # to fork.
    helper = (
        Forked.start("screen fit", partial(_measure_rows, library, cache_dir, SCREENS[1]), log)
        if parallel
        else None
    )
    cache, measurer = _prepare(library, cache_dir)
    report = FitReport()
    too_tall: set[tuple[int, int]] = set()  # (leaflet, card): one problem a card
    try:
        for screen in SCREENS:
            helped = {}
            if helper is not None and screen == SCREENS[1]:
                helped = helped_verdicts(helper)
            for li, ci, key in _keys(library, cache.environment, screen):
                if (li, ci) in too_tall:
                    continue
                verdict = cache.get(key)
                if verdict is None:
                    verdict = helped.get(key)
                    if verdict is None:
                        verdict = measurer.measure(screen, li, ci)
                    else:
                        report.processes = 2
                    cache.put(key, verdict)
                    report.measured += 1
                else:
                    report.cached += 1
                if verdict.fits:
                    continue
                too_tall.add((li, ci))
                card = library.leaflets[li].cards[ci]
                width, height = screen
                report.problems.append(
                    ContentProblem(
                        card.source,
                        card.line,
                        f"card '{card.id}' does not fit a {width}x{height} screen at 100% "
                        f"text (it needs {verdict.needs:.0f} px, the screen has "
                        f"{verdict.room} px); shorten it or split it with a '---' line",
                    )
                )
    finally:
        if helper is not None:
            helper.result()  # not left running, whatever happened here
        measurer.close()
    cache.save()
    return report


def _prepare(library: Library, cache_dir: Path | None) -> tuple[VerdictCache, _Measurer]:
    """The Qt application, the kept verdicts, and what measures the others."""
    from .app import make_application
    from .fonts import load_fonts

    app = make_application(["sen-kiosk"])
    fonts = load_fonts()  # before the environment, which names the fonts there are
    cache = VerdictCache(
        cache_dir / FILE_NAME if cache_dir is not None else None, environment(app, library)
    )
    return cache, _Measurer(app, library, fonts)


def _keys(
    library: Library, environment: str, screen: tuple[int, int]
) -> Iterator[tuple[int, int, str]]:
    """(leaflet, card, the key its verdict on `screen` is kept under), in reading order."""
    shared = library_context(library)
    for li, leaflet in enumerate(library.leaflets):
        context = digest(shared, leaflet_context(leaflet))
        for ci, card in enumerate(leaflet.cards):
            yield li, ci, card_key(environment, screen, context, ci, card)


def environment(app: QApplication, library: Library) -> str:
    """Everything outside the content that a card's layout depends on."""
    import PySide6
    from PySide6.QtCore import qVersion
    from PySide6.QtGui import QFontDatabase

    from . import paths
    from .i18n import translation_folders

    screen = app.primaryScreen()
    shown = (
        (screen.logicalDotsPerInchX(), screen.logicalDotsPerInchY(), screen.devicePixelRatio())
        if screen is not None
        else None
    )
    translations = [f for folder in translation_folders(library.root) for f in tree_files(folder)]
    return digest(
        __version__,
        code_digest(),
        qVersion(),
        PySide6.__version__,
        app.platformName(),
        shown,
        [(name, os.environ.get(name)) for name in QT_LAYOUT_VARIABLES],
        file_digest(tree_files(paths.asset("fonts"))),
        # A glyph missing from the bundled fonts comes from a system font: another set of
        # system fonts may draw it wider.
        sorted(QFontDatabase.families()),
        file_digest(translations),
        SCREENS,
    )


class _Measurer:
    """One offscreen kiosk window, made on the first card that is not in the cache."""

    def __init__(self, app: QApplication, library: Library, fonts: Fonts):
        self.app = app
        self.library = library
        self.fonts = fonts
        self._window: KioskWindow | None = None
        self._screen: tuple[int, int] | None = None
        self._screen_view: CardView | None = None

    def _open(self, screen: tuple[int, int]) -> KioskWindow:
        window = self._window
        if window is None:
            from .ui.main_window import KioskWindow

            window = self._window = KioskWindow(self.library, self.fonts)
            # Sized before it is shown: shown first, it would take its style for Qt's
            # default size, then again for the screen's (a fifth of a second each).
            window.resize(*screen)
            window.show()
        if screen != self._screen:
            window.resize(*screen)
            # Once a screen size: the window takes its size, style and metrics from events.
            self.app.processEvents()
            self._screen = screen
        return window

    def measure(self, screen: tuple[int, int], leaflet: int, card: int) -> Verdict:
        window = self._open(screen)
        if self._screen_view is None:
            # The card screen and its one view, for every card of every leaflet.
            window.show_card(0)
            _settle()
        view = self._screen_view = window.cards.lay_out(self.library.leaflets[leaflet].cards[card])
        # Only the layout requests the card made: no painting, no timers (prebuilding the
        # next cards), which cost more than the layout itself.
        _settle()
        if not view.overflows():
            return Verdict()
        return Verdict(view.content_height(), view.viewport().height())

    def close(self) -> None:
        window = self._window
        if window is None:
            return
        # What the first paint queued (building the rest of the screens) runs while the
        # window is still there, not after it is gone.
        self.app.processEvents()
        window.allow_close = True
        window.close()
        window.deleteLater()
        _settle()


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    # A layout run may ask for another (a scroll bar appearing narrows the text).
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def helped_verdicts(helper: Forked) -> dict[str, Verdict]:
    """The second process's verdicts by key; none if it failed (this process then measures
    those cards itself)."""
    rows = helper.result()
    if rows is None:
        return {}
    try:
        if not isinstance(rows, list):
            raise TypeError(f"{type(rows).__name__}, not a list")
        return {
            str(key): Verdict(None if needs is None else float(needs), int(room))
            for key, needs, room in rows
        }
    except (ValueError, TypeError) as exc:
        log.warning("screen fit: the second process's verdicts are unreadable: %s", exc)
        return {}


def _measure_rows(
    library: Library, cache_dir: Path | None, screen: tuple[int, int]
) -> list[list[object]]:
    """In the second process: [key, needs, room] for each card on `screen` not yet kept. The
    kept verdicts are only read here: the parent keeps what this one measures."""
    cache, measurer = _prepare(library, cache_dir)
    rows: list[list[object]] = []
    for li, ci, key in _keys(library, cache.environment, screen):
        if cache.get(key) is None:
            verdict = measurer.measure(screen, li, ci)
            rows.append([key, verdict.needs, verdict.room])
    return rows
