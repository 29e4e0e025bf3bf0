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
from kiosk.ui.read_aloud import ReadAloudBar
from kiosk.ui.theme import THEMES, Fonts, Look
from tests.helpers.focus_pixels import FocusMeasure, measure
from tests.helpers.leaflets import library_folder
from tests.helpers.screen_tour import settle
from tests.kiosk.conftest import make_kiosk

RESULTS: list[FocusMeasure] = []
THEME_IDS = list(THEMES)
# The quick suite: every theme at the design size; the slow run adds the other screens and
# the largest text, where buttons are tightest around their labels.
LOOKS = [pytest.param(theme, (1920, 1080), 1.0, id=theme) for theme in THEME_IDS] + [
    pytest.param(
        theme,
        size,
        scale,
        id=f"{theme}-{size[0]}x{size[1]}-{round(scale * 100)}",
        marks=pytest.mark.slow,
    )
    for theme in THEME_IDS
    for size, scale in (((1080, 1920), 1.0), ((1366, 768), 1.0), ((1920, 1080), 2.5))
]


@pytest.fixture(scope="module")
def two_leaflets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Library, HelpLoad]:
    library = load_library(library_folder(tmp_path_factory.mktemp("focus") / "c", "welsh"))
    assert len(library.leaflets) == 2
    return library, load_help(library)


@pytest.fixture
def kiosk(
    qtbot,
    two_leaflets: tuple[Library, HelpLoad],
    fonts: Fonts,
    theme: str,
    size: tuple[int, int],
    text_scale: float,
    tmp_path: Path,
) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    library, help_load = two_leaflets
    look = Look(theme=THEMES[theme], text_scale=text_scale)
    window = KioskWindow(library, fonts, look, with_attract=True, help=help_load)
    qtbot.addWidget(window)
    window.resize(*size)
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


def controls(kiosk: Kiosk) -> Iterator[tuple[str, QWidget]]:
    """(control type, an example) on each screen, the screen shown while it is yielded."""
    window = kiosk.window
    window.leave_attract()
    settle()
    assert window.library_screen is not None
    assert window.current_screen() == "library"
    yield "chooser leaflet button", window.library_screen.tiles[0]
    yield "chooser leaflet button (2nd)", window.library_screen.tiles[1]
    yield "top bar: Listen (audio)", window.listen
    assert kiosk.audio is not None
    kiosk.audio.set_active(True)
    settle()
    yield "top bar: Audio on (checked)", window.listen
    kiosk.audio.set_active(False)
    yield "top bar: Text and colours", window.display_button

    window.open_leaflet(0)
    settle()
    home = window.home
    yield "primary: Start reading", home.start
    yield "home topic tile", home.tiles[0]
    yield "top bar: All leaflets", window.all_leaflets
    help_ = window.kiosk_help
    # The bundled leaflet has routes and a glossary, so the help box has both.
    assert help_ is not None and help_.routes_button and help_.words_tile
    yield "help box button", help_.routes_button
    yield "help tile: Words explained", help_.words_tile

    window.show_card(1)  # not the first: its Back is disabled
    settle()
    cards = window.cards
    yield "nav: Next (primary)", cards.next
    yield "nav: Back", cards.back
    yield "nav: Home", cards.home
    yield "nav: Get help", help_.get_help
    yield "Keep this card", help_.keep
    yield "Words on this card", help_.card_words
    view = cards.current_view
    assert view is not None
    yield "card text", view
    bar = window.findChild(ReadAloudBar)
    assert bar is not None
    yield "top bar: Read aloud", bar.read_button
    bar.set_state(State.Speaking)  # the reading controls show while it reads
    settle()
    for button in (bar.pause_button, bar.slower_button, bar.quieter_button):
        yield f"read-aloud bar: {button.accessibleName()}", button
    bar.set_state(State.Ready)

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
        if control.isCheckable():
            kind += " (chosen)" if control.isChecked() else " (not chosen)"
        if kind not in seen and control.isVisible():
            seen.add(kind)
            yield f"display settings: {kind}", control
    assert seen == {
        "choice (chosen)",
        "choice (not chosen)",
        "theme swatch (chosen)",
        "theme swatch (not chosen)",
        "toggle (not chosen)",
        "reset",
        "primary",
    }, seen
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
        yield f"admin: {button.text()}", button
    yield "admin: details (scroll area)", admin.details


@pytest.mark.parametrize(("theme", "size", "text_scale"), LOOKS)
def test_every_control_shows_focus_by_3_to_1_over_a_2px_perimeter(kiosk: Kiosk) -> None:
    window = kiosk.window
    theme = window.look.theme.name
    css_px = window.metrics.scale  # the design's px are CSS px; scale is device px per one
    where = f"{theme} {window.width()}x{window.height()} {round(window.look.text_scale * 100)}%"
    measured: list[FocusMeasure] = []
    for name, widget in controls(kiosk):
        bring_into_view(widget)
        assert widget.isVisible(), name
        assert widget.isEnabled(), name
        measured.append(measure(widget, name, where, css_px, margin=window.metrics.px(8)))
    RESULTS.extend(measured)
    report = os.environ.get("FOCUS_REPORT")
    if report:
        Path(report).write_text(json.dumps([m.row() for m in RESULTS], indent=1) + "\n")
    for m in measured:
        print(
            f"{m.look:24} {m.control:42} contrast {m.contrast:5.2f}  "
            f"changed {m.changed_px:6} / required {m.required_px:5}  clipped {m.clipped_px}"
        )
    failing = [m for m in measured if not m.passes or m.clipped_px]
    assert not failing, "\n".join(str(m) for m in failing)
