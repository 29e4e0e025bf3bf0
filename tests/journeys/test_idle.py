"""A kiosk nobody touches does no work: it stands in a library all day, and every event it
makes for itself costs a core, heat and the next visitor's tap.

The top bar used to measure its boxes by invalidating their layouts, which posted it a new
layout request, which it answered by measuring again: about 3,000 events a second and a
whole core, from the first screen on, in every screen.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent

from kiosk.app import Kiosk
from kiosk.session.pin import hash_pin
from kiosk.speech import narrate_card
from kiosk.speech.service import State
from tests.helpers.event_counts import left_alone

from .conftest import Recorder

LEFT_ALONE_MS = 1000


@pytest.fixture
def settings_toml() -> str:
    # A staff PIN, so that the PIN pad is there to be left alone too.
    return f'[admin]\npin_hash = "{hash_pin("2468", n=2**4, r=1)}"\n'


@pytest.mark.parametrize(
    "screen",
    ["attract", "home", "card", "card read aloud", "text and colours", "idle warning", "pin pad"],
)
def test_a_kiosk_left_alone_lays_nothing_out_and_paints_only_its_motion(
    qtbot, journey: tuple[Kiosk, Recorder], screen: str
) -> None:  # type: ignore[no-untyped-def]
    kiosk, _ = journey
    window = kiosk.window
    if screen != "attract":
        window.show_home()
        qtbot.waitUntil(lambda: window.current_screen() == "home")
    if screen.startswith("card"):
        # The longest card: read aloud, it is still being read when the watch ends.
        cards = window.leaflet.cards
        window.show_card(max(range(len(cards)), key=lambda i: len(narrate_card(cards[i], None))))
        qtbot.waitUntil(lambda: window.current_screen() == "card")
    if screen == "text and colours":
        window.open_display_settings()
        qtbot.waitUntil(window.display_panel_open)
    if screen == "idle warning":
        window.show_idle_warning(60)
        qtbot.waitUntil(window.idle_warning_shown)
    if screen == "pin pad":
        window.show_pin_pad()
        qtbot.waitUntil(lambda: window.current_screen() == "pin")
    if screen == "card read aloud":
        assert kiosk.reading is not None
        assert kiosk.speech is not None
        kiosk.reading.read_current_card()
        qtbot.waitUntil(lambda: kiosk.speech is not None and kiosk.speech.state() == State.Speaking)
    seen = left_alone(qtbot, window, LEFT_ALONE_MS).seen
    layouts = seen[QEvent.Type.LayoutRequest]
    # Reading aloud, the controls change as a sentence starts or the card ends: a few
    # layouts, not thousands.
    # The idle warning counts down once a second.
    allowed = {"card read aloud": 100, "idle warning": 10}.get(screen, 0)
    assert layouts <= allowed, f"{layouts} layout requests in {LEFT_ALONE_MS} ms on {screen}"
    if screen in ("home", "card", "text and colours", "pin pad"):
        # Nothing moves there: the attract screen drifts, a card read aloud shows its place.
        assert seen[QEvent.Type.Paint] == 0, f"painted {seen[QEvent.Type.Paint]} times on {screen}"
    # Timers (the watchdog ping, the idle watch, the drift) are the only steady work.
    busy = sum(n for kind, n in seen.items() if kind != QEvent.Type.Timer)
    assert busy < 200, f"{busy} events in {LEFT_ALONE_MS} ms on {screen}: {seen.most_common(5)}"
