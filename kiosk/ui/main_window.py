"""The kiosk window: a stack of screens, keyboard navigation, and size-driven styling."""

from __future__ import annotations

import functools
import itertools
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QLayout,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..content.model import Leaflet, Library
from ..i18n import SOURCE_LANGUAGE, Catalogues, on_language_change, tr, translation_folders
from .accessibility import install_roles
from .attract import AttractScreen
from .attract import stylesheet_rules as attract_rules
from .focus_ring import FocusRing
from .help_style import stylesheet_rules as help_rules
from .language import direction
from .screen_stack import ScreenStack
from .style import stylesheet
from .theme import Fonts, Look, Metrics, Theme
from .top_bar import TopBar
from .widgets import big_button, display_button, display_button_words, speaker_icon
from .work_ahead import WorkAhead

if TYPE_CHECKING:
    from ..content.help import HelpLoad
    from ..session.pin import PinGate
    from .admin import AdminInfo, AdminScreen, PinPad
    from .card_screen import CardScreen
    from .card_view import CardView
    from .chooser import ChooserScreen
    from .display_settings import DisplaySettingsPanel
    from .home import HomeScreen
    from .homes import Homes
    from .idle_warning import IdleWarning
    from .kiosk_help import KioskHelp


_P = ParamSpec("_P")
_R = TypeVar("_R")


def swaps_screen(
    method: Callable[Concatenate[KioskWindow, _P], _R],
) -> Callable[Concatenate[KioskWindow, _P], _R]:
    """A method that changes the screen in one synchronous call runs inside `window.quiet()`
    (the application's input filter stands aside: see InputGateway.paused)."""

    @functools.wraps(method)
    def quietly(window: KioskWindow, /, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        if window.swapping:  # within another change of screen, which paints at its end
            return method(window, *args, **kwargs)
        window.swapping = True
        try:
            with window.quiet():
                result = method(window, *args, **kwargs)
                window.paint_now()
        finally:
            window.swapping = False
        return result

    return quietly


# What a change of screen leaves for the event loop, in the order Qt would deliver it.
_LAY_OUT_AND_PAINT = (
    QEvent.Type.LayoutRequest,  # the shown widgets' layouts
    QEvent.Type.UpdateLater,  # each shown widget's region, marked to paint
    QEvent.Type.UpdateRequest,  # the window: its marked regions painted and put on screen
)


class KioskWindow(QMainWindow):
    """Signals: firstPaint() once the first screen has been painted; screenChanged(str)."""

    firstPaint = Signal()
    cardsBuilt = Signal()  # every card view of the leaflet is made (after start or a new look)
    screenChanged = Signal(str)
    lookChanged = Signal(object)  # a visitor changed the display settings
    stillHere = Signal()  # the visitor answered the idle warning
    # From the staff screens, which are built only when first needed:
    pinAccepted = Signal()
    pinMessage = Signal(str)
    adminExitRequested = Signal()
    adminReloadRequested = Signal()
    adminTestSpeechRequested = Signal()

    def __init__(
        self,
        library: Library,
        fonts: Fonts,
        look: Look | None = None,
        *,
        with_attract: bool = False,
        help: HelpLoad | Callable[[], HelpLoad] | None = None,
    ):
        super().__init__()
        install_roles()
        # Around each change of screen (swaps_screen); the kiosk makes its input filter stand
        # aside, which nothing here needs to know about.
        self.quiet: Callable[[], AbstractContextManager[object]] = nullcontext
        self.swapping = False  # in a change of screen (swaps_screen)
        self.library = library
        self.fonts = fonts
        self.look = look or Look()
        self.metrics = Metrics.for_size(1920, 1080, self.look.text_scale)
        self._painted = False
        self.first_paint_ns = 0  # time.time_ns() of the first paint, for the start-up benchmark
        # The kiosk's words take the open leaflet's language where a catalogue has it.
        self.catalogues = Catalogues(translation_folders(library.root), self)
        self.setWindowTitle(
            library.leaflets[0].title if len(library.leaflets) == 1 else tr("SEN help")
        )
        self.setAccessibleName(self.windowTitle())
        # The window is always screen-sized; layout-driven minimum sizes only make platform
        # plugins complain (offscreen: "does not support propagateSizeHints").
        own_layout = self.layout()
        if own_layout is not None:
            own_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        root = QWidget()
        root.setObjectName("kioskRoot")
        # The root paints the theme's background over the whole window (style.py), so the
        # window's own fill beneath it was a second full-size fill on every repaint: about
        # 0.7 ms of each tap's frame.
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setCentralWidget(root)
        self.stack = ScreenStack()
        self.top_bar = TopBar(library_brand(library), self.metrics)
        # Audio mode's switch lives in the top-left corner on every screen, so staff can put a
        # tactile marker beside it and the attract screen can say where it is.
        self.listen = big_button("", "listenButton", "")
        self.listen.setCheckable(True)
        self.top_bar.left.addWidget(self.listen)
        # Several leaflets: a way back to the choice, always in the same place.
        self.all_leaflets = big_button("", "allLeaflets", "")
        self.all_leaflets.clicked.connect(self.show_library)
        self.top_bar.settings.addWidget(self.all_leaflets)
        self.display_button = display_button()
        self.top_bar.settings.addWidget(self.display_button)
        self._top_bar_words()
        on_language_change(self.top_bar, self._top_bar_words)
        on_language_change(self, self._drop_hidden_overlays)
        layout = QVBoxLayout(root)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.stack, 1)
        # The chooser, home, cards and help are made by build_screens: at once, or, behind
        # the attract screen, just after the first paint (see the properties below).
        self._library_screen: ChooserScreen | None = None
        self._home: HomeScreen | None = None
        self._homes: Homes | None = None  # every leaflet's home, once made (see homes.py)
        self._cards: CardScreen | None = None
        self._kiosk_help: KioskHelp | None = None
        self._help_load = help
        self._screens_built = False
        self.work_ahead = WorkAhead(self)
        self.attract: AttractScreen | None = None
        if with_attract:
            first = library.leaflets[0]
            self.attract = AttractScreen(
                first.title if len(library.leaflets) == 1 else tr("Help with SEN decisions"),
                first.publisher,
                self.metrics,
            )
            self.attract.started.connect(self.leave_attract)
            self.stack.addWidget(self.attract)
        # Screens a visitor may never see are built on first use, to keep start-up short.
        self.start_look = self.look
        self._rules: list[Callable[[Theme, Metrics], str]] = [attract_rules]
        self._gate: PinGate | None = None
        self.pin_pad: PinPad | None = None
        self.admin: AdminScreen | None = None
        self._display_panel: DisplaySettingsPanel | None = None
        self._idle_warning: IdleWarning | None = None
        self._covered: QWidget | None = None  # the page the settings panel covers
        self._rules.append(help_rules)
        if not with_attract:
            self._make_screens()  # styled with the rest of the window below
        self.display_button.clicked.connect(self.open_display_settings)
        self.stack.currentChanged.connect(self._close_panel_over_old_screen)
        self._card_tools: list[QWidget] = []
        self._right_tools: list[QWidget] = [self.all_leaflets, self.display_button]
        self.allow_close = False  # only the admin screen's "Exit to desktop" sets this
        self.screenChanged.connect(self._show_card_tools)
        self.screenChanged.connect(self._follow_language)
        if self.attract is not None:
            self.stack.setCurrentWidget(self.attract)
        self.focus_ring = FocusRing(self, self.look.theme, self.metrics)
        self._restyle()
        self._install_keys()
        self.stack.installEventFilter(self)

    def _top_bar_words(self) -> None:
        """The top bar's words in the kiosk's current language (again when it changes)."""
        listen = [tr("Listen"), tr("Audio on")]
        self.listen.setText(listen[self.listen.isChecked()])
        self.listen.setAccessibleName(self.listen.text())
        if not self.listen.isChecked():
            self.listen.setAccessibleDescription(
                tr(
                    "Turns on audio mode: everything on the screen is spoken. Touch once to "
                    "hear a button, touch again to press it. Keyboard: arrows to move, Enter "
                    "to press."
                )
            )
        self.top_bar.keep_whole(self.listen, listen)
        self.all_leaflets.setText(tr("All leaflets"))
        self.all_leaflets.setAccessibleName(tr("All leaflets"))
        self.all_leaflets.setAccessibleDescription(
            tr("Go back to the list of leaflets to choose another.")
        )
        self.top_bar.keep_whole(self.all_leaflets, [self.all_leaflets.text()])
        display_button_words(self.display_button)
        self.top_bar.keep_whole(self.display_button, [self.display_button.text()])
        self.top_bar.fit_controls(force=True)

    def _drop_hidden_overlays(self) -> None:
        """Overlays built on first use took the words of that moment's language: when it
        changes, hidden ones are built again when next needed, in the new language."""
        if self._idle_warning is not None and self._idle_warning.isHidden():
            self._idle_warning.deleteLater()
            self._idle_warning = None
        if self._display_panel is not None and self._display_panel.isHidden():
            self._display_panel.removeEventFilter(self)
            self._display_panel.deleteLater()
            self._display_panel = None

    # --- screens -------------------------------------------------------------------------
    def build_screens(self) -> None:
        """Make the chooser, the first leaflet's home and cards, and the help. Behind the
        attract screen this waits until just after the first paint (a visitor sees the kiosk
        sooner); anything that needs a screen earlier builds them on the spot."""
        if self._screens_built:
            return
        self._make_screens()
        # Made after the window took its look: they take theirs now.
        if self._library_screen is not None:
            self._library_screen.apply_metrics(self.metrics)
        if self._kiosk_help is not None:
            self._kiosk_help.apply_metrics()
        self._fit_labels()
        self.home.apply_metrics(self.metrics)

    def _make_screens(self) -> None:
        self._screens_built = True
        from .chooser import ChooserScreen
        from .kiosk_help import KioskHelp

        library = self.library
        if len(library.leaflets) > 1:
            self._library_screen = self._make_chooser(ChooserScreen)
        self.open_leaflet(0, show=len(library.leaflets) == 1 and self.attract is None)
        # The wiring may hand the help over as a loader: it is read only now, when it is needed.
        load = self._help_load
        self._kiosk_help = KioskHelp(self, load() if callable(load) else load)

    def _make_chooser(self, kind: type[ChooserScreen]) -> ChooserScreen:
        chooser = kind(self.library, self.metrics)
        chooser.leafletChosen.connect(self.open_leaflet)
        self.stack.addWidget(chooser)
        # The homes made ahead are those in view: once a scroll settles, those now in view.
        settled = QTimer(chooser)
        settled.setSingleShot(True)
        settled.setInterval(400)
        settled.timeout.connect(self.work_ahead.start)
        chooser.scroll_area.verticalScrollBar().valueChanged.connect(settled.start)
        return chooser

    @property
    def home(self) -> HomeScreen:
        self.build_screens()
        assert self._home is not None
        return self._home

    @property
    def cards(self) -> CardScreen:
        self.build_screens()
        assert self._cards is not None
        return self._cards

    @property
    def kiosk_help(self) -> KioskHelp | None:
        self.build_screens()
        return self._kiosk_help

    @property
    def library_screen(self) -> ChooserScreen | None:
        self.build_screens()
        return self._library_screen

    @property
    def leaflet(self) -> Leaflet:
        return self.home.leaflet

    def _make_view(self, index: int) -> CardView:
        from .card_view import CardView

        view = CardView(
            self.leaflet.cards[index],
            self.look.theme,
            self.metrics,
            self.family,
            wide_spacing=self.look.wide_spacing,
        )
        if self.kiosk_help is not None:
            self.kiosk_help.view_built(view)
        return view

    @property
    def family(self) -> str:
        return self.look.family(self.fonts)

    @Slot(int)
    @swaps_screen
    def open_leaflet(self, index: int, show: bool = True) -> None:
        """Open a leaflet: its cards on the card screen, and (`show`) its home on screen."""
        from .card_screen import CardScreen

        leaflet = self.library.leaflets[index]
        if show:
            self.catalogues.use(leaflet.language)  # before the new screen takes its words
        homes = self.made_homes()
        self._home = homes.current = homes.get(index, self.catalogues.language)
        if self._cards is None:
            # One card screen for the window's life: controllers hold on to it.
            self._cards = CardScreen(leaflet, self.metrics, self._make_view)
            self._cards.homeRequested.connect(self.show_home)
            self._cards.cardShown.connect(self._order_card_focus)
            self.stack.addWidget(self._cards)
        elif self._cards.leaflet is not leaflet:
            # Deleted in idle turns: taking thirty views out of the widget tree at once was
            # half of the chooser tap.
            self.work_ahead.retire(self._cards.take_views())
            self._cards.set_leaflet(leaflet)
        if self._kiosk_help is not None:
            self._kiosk_help.leaflet_opened()
        if show:
            self.show_home()
            if self._painted:
                self.work_ahead.first_card_after_paint()
                self.work_ahead.start()  # the other cards, in idle turns

    def made_homes(self) -> Homes:
        if self._homes is None:
            from .homes import Homes

            self._homes = Homes(self._make_home)
        return self._homes

    def _make_home(self, index: int) -> HomeScreen:
        from .home import HomeScreen

        home = HomeScreen(self.library.leaflets[index], self.metrics)
        home.startRequested.connect(lambda: self.show_card(0))
        home.sectionRequested.connect(self.show_section)
        self.stack.addWidget(home)
        if self._kiosk_help is not None:
            self._kiosk_help.dress(home)
        return home

    def set_library(self, library: Library, help: HelpLoad | None = None) -> None:
        """Show new content (after staff reloaded it), starting again from the first screen."""
        self.build_screens()
        self.library = library
        self.catalogues.folders = translation_folders(library.root)
        if self.kiosk_help is not None:
            from ..content.help import HelpLoad

            self.kiosk_help.load = help or HelpLoad()
        if self._library_screen is not None:
            self.stack.removeWidget(self._library_screen)
            self._library_screen.deleteLater()
            self._library_screen = None
        if len(library.leaflets) > 1:
            from .chooser import ChooserScreen

            self._library_screen = self._make_chooser(ChooserScreen)
            self.work_ahead.forget_layouts()
        self.made_homes().drop()  # the old content's homes
        self.open_leaflet(0, show=False)
        self._show_card_tools(self.current_screen())
        self.home.apply_metrics(self.metrics)
        if self._painted:
            self.work_ahead.start()

    @Slot()
    @swaps_screen
    def show_home(self) -> None:
        # Coming back from a card, focus lands on that card's topic, so a keyboard or audio
        # user carries on from where they were instead of starting the list again.
        focus: QWidget = self.home.start
        if self.current_screen() == "card" and self.cards.index >= 0:
            section = self.leaflet.cards[self.cards.index].section_id
            focus = next((t for t in self.home.tiles if t.objectName() == f"tile-{section}"), focus)
        self.stack.setCurrentWidget(self.home)
        focus.setFocus()
        self.screenChanged.emit("home")

    @Slot()
    @swaps_screen
    def show_library(self) -> None:
        if self.library_screen is not None:
            self.stack.setCurrentWidget(self.library_screen)
            self.library_screen.tiles[0].setFocus()
            self.screenChanged.emit("library")

    @Slot(str)
    def show_section(self, section_id: str) -> None:
        for i, card in enumerate(self.leaflet.cards):
            if card.section_id == section_id:
                self.show_card(i)
                return

    @swaps_screen
    def show_card(self, index: int) -> None:
        self.cards.show_card(index)
        if self.stack.currentWidget() is not self.cards:
            self.stack.setCurrentWidget(self.cards)
            self.screenChanged.emit("card")
        self.cards.next.setFocus()

    @Slot()
    def _order_card_focus(self) -> None:
        """Tab follows the screen: top bar left to right, the card text, then the nav bar.
        Views are built after the buttons, so Qt's creation order would put them last."""
        view = self.cards.current_view
        if view is None:
            return
        chain: list[QWidget] = [self.listen]
        for tool in self._card_tools:
            chain.extend(
                b
                for b in tool.findChildren(QPushButton)
                if b.focusPolicy() != Qt.FocusPolicy.NoFocus
            )
        chain.extend(self._right_tools)
        nav = [self.cards.back, self.cards.home, self.cards.next]
        chain.extend([view, *(self.kiosk_help.tab_chain(nav) if self.kiosk_help else nav)])
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def current_screen(self) -> str:
        widget = self.stack.currentWidget()
        names: dict[QWidget | None, str] = {
            self._cards: "card",
            self._home: "home",
            self.attract: "attract",
            self.pin_pad: "pin",
            self.admin: "admin",
        }
        if self._kiosk_help is not None:
            names[self._kiosk_help.screen] = "help"
        return names.get(widget, "library")

    @Slot()
    @swaps_screen
    def leave_attract(self) -> None:
        """A visitor arrived: show the first real screen."""
        if self.current_screen() == "attract":
            if self.library_screen is not None:
                self.show_library()
            else:
                self.show_home()

    def _add_rules(self, rules: Callable[[Theme, Metrics], str]) -> None:
        if rules not in self._rules:
            self._rules.append(rules)
            # A screen built on first use sized itself before these rules styled it.
            self._restyle()

    @property
    def display_panel(self) -> DisplaySettingsPanel:
        if self._display_panel is None:
            from .display_settings import DisplaySettingsPanel
            from .display_style import stylesheet_rules as display_rules

            panel = DisplaySettingsPanel(self.look, self.metrics, reset_to=self.start_look)
            panel.setParent(self.stack)
            panel.hide()
            panel.lookChanged.connect(self._visitor_look)
            panel.closed.connect(self.display_button.setFocus)
            panel.installEventFilter(self)
            self._display_panel = panel
            self._add_rules(display_rules)
        return self._display_panel

    def display_panel_open(self) -> bool:
        return self._display_panel is not None and self._display_panel.isVisible()

    @Slot()
    def open_display_settings(self) -> None:
        panel = self.display_panel
        panel.set_look(self.look)
        # Over the screens, under the top bar: Listen stays in its corner for audio users.
        panel.show_over(self.stack)
        # The page under the (opaque) panel leaves the screen readers' tree while it is open.
        self._covered = self.stack.currentWidget()
        if self._covered is not None:
            self._covered.hide()

    @Slot(int)
    def _close_panel_over_old_screen(self, _index: int) -> None:
        # The panel covers the screen it was opened on. When another takes its place under
        # it (a key on the attract screen turns on audio mode and shows the first screen),
        # that screen was drawn over the panel's lower half, and the panel still took Tab.
        if self.display_panel_open():
            assert self._display_panel is not None
            self._display_panel.close_panel()

    @property
    def idle_warning(self) -> IdleWarning:
        if self._idle_warning is None:
            from .idle_warning import IdleWarning
            from .idle_warning import stylesheet_rules as warning_rules

            self._idle_warning = IdleWarning(self.metrics, self.centralWidget())
            self._idle_warning.hide()
            self._idle_warning.stillHere.connect(self.stillHere)
            self._add_rules(warning_rules)
        return self._idle_warning

    @Slot(int)
    def show_idle_warning(self, seconds: int) -> None:
        self.idle_warning.show_warning(seconds)

    @Slot(int)
    def set_idle_seconds(self, seconds: int) -> None:
        if self._idle_warning is not None:
            self._idle_warning.set_seconds(seconds)

    def idle_warning_shown(self) -> bool:
        return self._idle_warning is not None and self._idle_warning.isVisible()

    @Slot()
    def hide_idle_warning(self) -> None:
        if self._idle_warning is not None:
            self._idle_warning.hide_warning()

    @Slot(object)
    def _visitor_look(self, look: Look) -> None:
        self.set_look(look)
        self.lookChanged.emit(look)

    # --- staff ---------------------------------------------------------------------------
    def install_admin(self, gate: PinGate) -> None:
        """Enable the PIN pad and the admin screen (staff only; reached by a hidden gesture)."""
        self._gate = gate

    def _build_admin(self, gate: PinGate) -> tuple[PinPad, AdminScreen]:
        if self.pin_pad is None or self.admin is None:
            from .admin import AdminScreen, PinPad
            from .admin import stylesheet_rules as admin_rules

            self.pin_pad = PinPad(gate, self.metrics)
            self.admin = AdminScreen(gate, self.metrics)
            self.stack.addWidget(self.pin_pad)
            self.stack.addWidget(self.admin)
            self.pin_pad.cancelled.connect(self.reset_to_start)
            self.pin_pad.accepted.connect(self.pinAccepted)
            self.pin_pad.messageChanged.connect(self.pinMessage)
            self.admin.closeRequested.connect(self.reset_to_start)
            self.admin.exitRequested.connect(self.adminExitRequested)
            self.admin.reloadRequested.connect(self.adminReloadRequested)
            self.admin.testSpeechRequested.connect(self.adminTestSpeechRequested)
            self._add_rules(admin_rules)
        return self.pin_pad, self.admin

    @Slot()
    def show_pin_pad(self) -> None:
        if self._gate is None or self.current_screen() in ("pin", "admin"):
            return
        pin_pad, _ = self._build_admin(self._gate)
        if self._display_panel is not None:
            self._display_panel.hide()
        self.hide_idle_warning()
        self.stack.setCurrentWidget(pin_pad)
        self.screenChanged.emit("pin")
        pin_pad.begin()

    def show_admin(self, info: AdminInfo) -> None:
        """Only after the PIN pad accepted (or staff were already on the admin screen)."""
        if self._gate is None:
            return
        _, admin = self._build_admin(self._gate)
        admin.set_info(info)
        self.stack.setCurrentWidget(admin)
        self.screenChanged.emit("admin")

    def add_card_tools(self, widget: QWidget, beside_settings: bool = False) -> None:
        """Put a card-only control (the read-aloud bar) in the top bar, shown on cards only;
        `beside_settings` puts it at the right, before Text and colours."""
        if beside_settings:
            self.top_bar.right.insertWidget(0, widget)
        else:
            self.top_bar.middle.insertWidget(0, widget)
        self._card_tools.append(widget)
        widget.setVisible(self.current_screen() == "card")

    @Slot(str)
    def _show_card_tools(self, screen: str) -> None:
        # Staff screens are not for visitors: no Listen, no Text and colours, more room.
        self.top_bar.setVisible(screen not in ("pin", "admin"))
        # The kiosk's help pages (Keep this card, Words...) are still inside the leaflet.
        in_leaflet = screen in ("home", "card", "help") and self._library_screen is not None
        self.all_leaflets.setVisible(in_leaflet)
        self.top_bar.brand.setText(
            self.leaflet.publisher if in_leaflet else library_brand(self.library)
        )
        on_card = screen == "card" and bool(self._card_tools)
        for widget in self._card_tools:
            widget.setVisible(screen == "card")
        self.top_bar.show_tools(on_card)  # and fits the bar's labels to what is now shown
        # In one row the reading tools take the brand's place; in two rows both fit.
        self.top_bar.want_brand(not on_card or self.top_bar.two_rows)

    @Slot(str)
    def _follow_language(self, screen: str) -> None:
        """A leaflet's screens read in its language's direction (Arabic: right to left, Next
        on the left) and the kiosk's words there are in its language, if there is a catalogue
        for it; the chooser, the attract and staff screens are the kiosk's own: English, left to
        right. The top bar stays as it is: Listen keeps its corner and its tactile marker."""
        in_leaflet = screen in ("home", "card", "help")
        self.catalogues.use(self.leaflet.language if in_leaflet else SOURCE_LANGUAGE)
        way = direction(self.leaflet.language) if in_leaflet else Qt.LayoutDirection.LeftToRight
        if self.stack.layoutDirection() != way:
            self.stack.setLayoutDirection(way)

    @Slot()
    @swaps_screen
    def reset_to_start(self) -> None:
        """Back to the first screen with nothing of the last visitor left in view."""
        if self._display_panel is not None:
            self._display_panel.hide()
        self.hide_idle_warning()
        if self.kiosk_help is not None:
            self.kiosk_help.reset()
        self.cards.index = -1
        for view in self.cards.views.values():
            view.verticalScrollBar().setValue(0)
            view.clear_highlight()
        if self.attract is not None:
            self.stack.setCurrentWidget(self.attract)
            self.screenChanged.emit("attract")
        elif self.library_screen is not None:
            self.show_library()
        else:
            self.show_home()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Alt+F4, the window manager's close button or a stray close() must not end the kiosk.
        if self.allow_close:
            event.accept()
        else:
            event.ignore()

    # --- look ----------------------------------------------------------------------------
    def set_look(self, look: Look) -> None:
        if look == self.look:
            return
        self.look = look
        self.metrics = Metrics(self.metrics.scale, look.text_scale, self.metrics.portrait)
        if self._display_panel is not None:
            self._display_panel.set_look(look)
        self._restyle(rebuild=True)

    def _restyle(self, rebuild: bool = False) -> None:
        m = self.metrics
        self.work_ahead.forget_layouts()
        if self._homes is not None and len(self._homes) > 1:
            # Homes not on screen would each be styled again now, and at a new size laid out
            # again: cheaper to make them again in idle turns.
            self._homes.drop(keep=self._home)
            if self._painted:
                self.work_ahead.start()
        self._apply_stylesheet()
        for screen in (
            self.attract,
            self.pin_pad,
            self.admin,
            self._idle_warning,
            self._display_panel,
        ):
            if screen is not None:
                screen.apply_metrics(m)
        if self.attract is not None:
            self.attract.set_reduced_motion(self.look.reduced_motion)
        self.top_bar.apply_metrics(self.metrics)
        self._show_card_tools(self.current_screen())
        icon_px = self.metrics.button_text + self.metrics.px(8)
        self.listen.setIcon(speaker_icon(icon_px * 2, self.look.theme.button_text))
        self.listen.setIconSize(QSize(icon_px, icon_px))
        self._fit_labels()
        if not self._screens_built:
            return  # they take the look when they are made
        self.home.apply_metrics(self.metrics)
        self.cards.apply_metrics(self.metrics)
        if self.library_screen is not None:
            self.library_screen.apply_metrics(self.metrics)
        if self.kiosk_help is not None:
            self.kiosk_help.apply_metrics()
        if rebuild:
            shown = self.cards.index
            self.cards.drop_views()
            if shown >= 0:
                self.cards.show_card(shown)
            if self._painted:
                self.work_ahead.start()

    def _apply_stylesheet(self) -> None:
        theme, m = self.look.theme, self.metrics
        extra = "".join(rules(theme, m) for rules in self._rules)
        # The settings panel keeps the reading font: switching to the dyslexia font must not
        # move the panel's buttons from under the visitor's finger.
        panel = "QWidget#displaySettings"
        steady = f'{panel}, {panel} * {{ font-family: "{self.fonts.reading}"; }}'
        self.setStyleSheet(stylesheet(theme, m, self.family) + extra + steady)
        self.focus_ring.set_look(theme, m)
        self._fit_labels()

    def _fit_labels(self) -> None:
        # A style sheet's min-width replaces any minimum set before: fit again after each.
        self.top_bar.fit_controls(force=True)
        if self._cards is not None:
            self._cards.apply_metrics(self.metrics)

    def resizeEvent(self, event: QResizeEvent) -> None:
        size = event.size()
        metrics = Metrics.for_size(size.width(), size.height(), self.look.text_scale)
        if metrics != self.metrics:
            self.metrics = metrics
            self._restyle(rebuild=True)
        super().resizeEvent(event)

    def paint_now(self) -> None:
        """The new screen laid out, painted and put on screen at the end of the change.

        Left to the event loop, each of these events (about 80 a switch: an update for
        each widget shown, a paint for each widget painted) first crossed the kiosk's input
        filter, in Python, which was half a millisecond of a chooser tap. Here, still inside
        the change, that filter stands aside; no input can arrive meanwhile.
        """
        if not self.isVisible():
            return
        for kind in _LAY_OUT_AND_PAINT:
            QCoreApplication.sendPostedEvents(None, kind.value)

    # --- events --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._display_panel
            and event.type() == QEvent.Type.Hide
            and self._covered is not None
        ):
            covered, self._covered = self._covered, None
            if covered is self.stack.currentWidget():
                covered.show()
        if watched is self.stack and event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_paint_ns = time.time_ns()
            QTimer.singleShot(0, self._after_first_paint)
        return False

    @Slot()
    def _after_first_paint(self) -> None:
        self.build_screens()
        self.firstPaint.emit()
        # Then build the remaining cards, one per event-loop turn, so input stays responsive.
        self.work_ahead.start()

    def prebuilding(self) -> bool:
        """Whether cards or homes are still being made ahead in idle turns (or will be, once
        the first paint is over)."""
        return self.work_ahead.busy()

    def _install_keys(self) -> None:
        # Shortcuts, not keyPressEvent: focused buttons would otherwise eat the arrow keys.
        keys = {
            Qt.Key.Key_Right: self._key_right,
            Qt.Key.Key_PageDown: self._key_next,
            Qt.Key.Key_Left: self._key_left,
            Qt.Key.Key_PageUp: self._key_back,
            Qt.Key.Key_Home: self.show_home,
            Qt.Key.Key_Escape: self._key_escape,
            Qt.Key.Key_Backspace: self._key_escape,
        }
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

    @Slot()
    def _key_next(self) -> None:
        if self.current_screen() == "card":
            self.cards.go_next()

    @Slot()
    def _key_back(self) -> None:
        if self.current_screen() == "card":
            self.cards.go_back()

    @Slot()
    def _key_right(self) -> None:
        # The arrow keys move the way the page reads: on an Arabic card, Left is Next.
        (self._key_back if self.cards.isRightToLeft() else self._key_next)()

    @Slot()
    def _key_left(self) -> None:
        (self._key_next if self.cards.isRightToLeft() else self._key_back)()

    @Slot()
    def _key_escape(self) -> None:
        # Escape never leaves the kiosk; on a card it goes back to the topics.
        if self.current_screen() == "card":
            self.show_home()
        elif self.current_screen() == "help" and self.kiosk_help is not None:
            self.kiosk_help.back()


def library_brand(library: Library) -> str:
    """The name in the top bar outside a leaflet: the publisher, if one published them all."""
    publishers = {leaflet.publisher for leaflet in library.leaflets}
    return publishers.pop() if len(publishers) == 1 else tr("SEN help")
