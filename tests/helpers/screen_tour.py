"""Walk a kiosk window through every screen and overlay a visitor or staff member can see,
through the window's own methods, so a test can check or photograph each one."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QApplication, QWidget

from kiosk.content import Library
from kiosk.session.pin import PinGate, hash_pin
from kiosk.speech.service import State
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.read_aloud import ReadAloudBar
from kiosk.ui.theme import Fonts, Look

RESOLUTIONS = [(1920, 1080), (1080, 1920), (1366, 768)]
TEXT_SIZES = [1.0, 1.5, 2.0, 2.5]


def make_window(library: Library, fonts: Fonts, look: Look, size: tuple[int, int]) -> KioskWindow:
    """A window as `python -m kiosk` builds it (attract screen, read-aloud bar with its
    volume buttons beside the settings), shown."""
    window = KioskWindow(library, fonts, look, with_attract=True)
    bar = ReadAloudBar()
    window.add_card_tools(bar)
    window.add_card_tools(bar.volume, beside_settings=True)
    window.resize(*size)
    window.show()
    settle()
    return window


def settle() -> None:
    # Layouts, style sheets and deferred resizes each take an event-loop turn or two.
    for _ in range(3):
        QApplication.processEvents()


def card_ids(window: KioskWindow) -> list[str]:
    """The cards worth looking at: the first, one with a quotation, and the contacts."""
    cards = window.leaflet.cards
    wanted = [cards[0].id]
    for card in cards:
        if card.section_id == "contacts" and card.id not in wanted:
            wanted.append(card.id)
            break
    for card in cards:
        if card.section_id == "mediation":
            wanted.append(card.id)
            break
    return wanted


def floating(window: KioskWindow) -> tuple[QWidget, ...]:
    """Widgets meant to lie over others."""
    out: list[QWidget] = [window.cards.more_below]
    if window._idle_warning is not None:
        out.append(window._idle_warning)
    if window._display_panel is not None:
        out.append(window._display_panel)
    return tuple(out)


def tour(window: KioskWindow) -> Iterator[str]:
    """Show each screen in turn; yields its name once it is laid out."""
    if window.attract is not None:
        window.reset_to_start()
        settle()
        yield "attract"
        window.leave_attract()
    if window.library_screen is not None:
        window.show_library()
        settle()
        yield "chooser"
        window.open_leaflet(0)
    window.show_home()
    settle()
    yield "home"
    for card_id in card_ids(window):
        window.show_card(window.leaflet.card_index(card_id))
        settle()
        yield f"card-{card_id}"
    bar = window.findChild(ReadAloudBar)
    if bar is not None:
        # Reading aloud: its controls (and the volume beside the settings) take the bar.
        bar.set_state(State.Speaking)
        settle()
        yield "reading"
        bar.set_state(State.Ready)
        settle()
    window.open_display_settings()
    settle()
    yield "settings"
    window.display_panel.close_panel()
    window.show_card(0)
    window.show_idle_warning(26)
    settle()
    yield "idle-warning"
    window.hide_idle_warning()
    window.install_admin(PinGate(hash_pin("1234", n=2**10)))
    window.show_pin_pad()
    settle()
    yield "pin"
    from kiosk.ui.admin import AdminInfo

    window.show_admin(
        AdminInfo(
            version="1.0",
            config_file="/etc/sen-kiosk/settings.toml",
            content_source="(bundled)",
            problems=["settings.toml:3: unknown key 'colour'"],
            recent_log_lines=["2026-11-30 10:00:00 INFO kiosk started"],
        )
    )
    settle()
    yield "admin"
    window.reset_to_start()
    settle()
