"""WCAG 2.4.13 Focus Appearance on every kind of control in every theme, from rendered pixels.

One wired kiosk per theme (a library of two leaflets, the help, fake speech under the real
read-aloud bar), walked through every screen by its own methods. For each control the window
is grabbed around it unfocused and focused by Tab; tests/helpers/focus_pixels.py compares the
same pixels in the two grabs. Set FOCUS_REPORT to a file path to get the table as JSON.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from kiosk.app import Kiosk
from kiosk.content import Library, load_library
from kiosk.content.help import HelpLoad, load_help
from kiosk.session.pin import PinGate, hash_pin
from kiosk.speech.service import State
from kiosk.ui.admin import AdminInfo
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import THEMES, Fonts, Look, Theme
from tests.helpers.focus_pixels import FocusMeasure, measure
from tests.helpers.leaflets import library_folder
from tests.helpers.screen_tour import settle
from tests.kiosk.conftest import make_kiosk

SIZE = (1920, 1080)
RESULTS: list[FocusMeasure] = []


@pytest.fixture(scope="module")
def two_leaflets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, HelpLoad]:
    library = load_library(library_folder(tmp_path_factory.mktemp("focus") / "c", "welsh"))
    assert len(library.leaflets) == 2
    return library, load_help(library)


@pytest.fixture
def kiosk(
    qtbot, two_leaflets: tuple[Library, HelpLoad], fonts: Fonts, theme: Theme, tmp_path: Path
) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    library, help_load = two_leaflets
    window = KioskWindow(library, fonts, Look(theme=theme), with_attract=True, help=help_load)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    made = make_kiosk(window, tmp_path)
    window.install_admin(PinGate(hash_pin("1234", n=2**10)))
    # Offscreen there is no window manager: focus only shows in the active window.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    yield made
    made.shutdown()
    window.allow_close = True


def bring_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            parent.ensureWidgetVisible(widget, 0, 0)
        parent = parent.parentWidget()
    settle()


def controls(window: KioskWindow) -> Iterator[tuple[str, QWidget]]:
    """(control type, an example) on each screen, the screen shown while it is yielded."""
    window.leave_attract()
    settle()
    assert window.library_screen is not None
    assert window.current_screen() == "library"
    yield "chooser leaflet button", window.library_screen.tiles[0]
    yield "chooser leaflet button (2nd)", window.library_screen.tiles[1]
    yield "top bar: Listen (audio)", window.listen
    yield "top bar: Text and colours", window.display_button

    window.open_leaflet(0)
    settle()
    home = window.home
    yield "primary: Start reading", home.start
    yield "home topic tile", home.tiles[0]
    yield "top bar: All leaflets", window.all_leaflets
    help_ = window.kiosk_help
    assert help_ is not None
    if help_.routes_button is not None:
        yield "help box button", help_.routes_button
    if help_.words_tile is not None:
        yield "help tile: Words explained", help_.words_tile

    window.show_card(1)  # not the first: its Back is disabled
    settle()
    cards = window.cards
    yield "nav: Next (primary)", cards.next
    yield "nav: Back", cards.back
    yield "nav: Home", cards.home
    if help_.get_help.isVisible():
        yield "nav: Get help", help_.get_help
    yield "Keep this card", help_.keep
    if help_.card_words.isVisible():
        yield "Words on this card", help_.card_words
    view = cards.current_view
    assert view is not None
    yield "card text", view
    kiosk_bar = window._card_tools[0]
    read = kiosk_bar.findChild(QWidget, "readAloudButton")
    assert read is not None
    yield "top bar: Read aloud", read
    bar = read.parentWidget()
    bar.set_state(State.Speaking)  # type: ignore[attr-defined]
    settle()
    for name in ("readAloudPause", "readAloudSlower", "readAloudQuieter"):
        button = window.findChild(QWidget, name)
        assert button is not None, name
        yield f"read-aloud bar: {button.accessibleName()}", button
    bar.set_state(State.Ready)  # type: ignore[attr-defined]

    help_.open_question()
    settle()
    assert window.current_screen() == "help"
    yield "help page choice", help_.screen.controls[0]
    yield "help page: Back", help_.screen.back

    window.show_card(0)
    window.open_display_settings()
    settle()
    panel = window.display_panel
    seen: set[str] = set()
    for control in panel.controls():
        role = str(control.property("role"))
        kind = "theme swatch" if control.objectName().startswith("theme-") else role
        if kind not in seen and control.isVisible():
            seen.add(kind)
            yield f"display settings: {kind}", control
    panel.close_panel()
    settle()

    window.show_idle_warning(26)
    settle()
    yield "idle warning: I'm still here", window.idle_warning.button
    window.hide_idle_warning()

    window.show_pin_pad()
    settle()
    pin = window.pin_pad
    assert pin is not None
    yield "PIN pad digit", pin.digit_buttons[0]
    for digit in "9999":  # OK is enabled once there is a whole PIN to check
        pin.type_digit(digit)
    settle()
    yield "PIN pad: OK (primary)", pin.ok
    yield "PIN pad: Cancel", pin.cancel
    window.show_admin(AdminInfo(version="1.0", problems=["settings.toml:3: unknown key 'x'"]))
    settle()
    admin = window.admin
    assert admin is not None
    for button in admin.buttons():
        if button.isVisible():
            yield f"admin: {button.text()}", button


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))
def test_every_control_shows_focus_by_3_to_1_over_a_2px_perimeter(
    kiosk: Kiosk, theme: Theme
) -> None:
    window = kiosk.window
    css_px = window.metrics.scale  # design px are CSS px at 1920x1080
    measured: list[FocusMeasure] = []
    for name, widget in controls(window):
        bring_into_view(widget)
        assert widget.isVisible(), name
        assert widget.isEnabled(), name
        measured.append(measure(widget, name, theme.name, css_px, margin=window.metrics.px(8)))
    RESULTS.extend(measured)
    report = os.environ.get("FOCUS_REPORT")
    if report:
        Path(report).write_text(json.dumps([m.row() for m in RESULTS], indent=1) + "\n")
    for m in measured:
        print(
            f"{m.theme:14} {m.control:42} contrast {m.contrast:5.2f}  "
            f"changed {m.changed_px:6} / required {m.required_px:5}  clipped {m.clipped_px}"
        )
    failing = [m for m in measured if not m.passes or m.clipped_px]
    assert not failing, "\n".join(str(m) for m in failing)
