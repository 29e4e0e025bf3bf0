"""A visitor's journey through the real wiring (window, controllers, the kiosk's speech with a
fake engine): attract -> home -> What is happening? -> a route -> its cards -> Get help ->
back where they were; and the same help by keys in audio mode."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from kiosk.app import Kiosk
from kiosk.audio_mode import HOW_TO, KEYMAP, KEYPAD_HELP, AudioMode
from kiosk.content import Library
from kiosk.content.help import HelpLoad
from kiosk.content.routes import local_card_id
from kiosk.ui.kiosk_help import KioskHelp
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.kiosk.conftest import shown_kiosk, spoken


@pytest.fixture
def visit(
    qtbot, library: Library, fonts: Fonts, help_load: HelpLoad, tmp_path: Path
) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts, with_attract=True, help=help_load)
    made = shown_kiosk(qtbot, window, tmp_path)
    yield made
    made.shutdown()


SPEECH_MS = 30_000  # the fake engine answers through timers: generous on a busy machine


def helper(window: KioskWindow) -> KioskHelp:
    assert window.kiosk_help is not None
    return window.kiosk_help


def phone_on_screen(window: KioskWindow) -> bool:
    box = helper(window).box
    if box is None or not box.isVisible():
        return False
    for label in box.findChildren(QLabel):
        if label.text() == "Telephone: 07977 015 674" and label.isVisible():
            top = label.mapTo(window, QPoint(0, 0)).y()
            return top >= 0 and top + label.height() <= window.height()
    return False


def test_one_touch_from_the_attract_screen_to_the_phone_number(visit: Kiosk) -> None:
    window = visit.window
    assert window.current_screen() == "attract"
    assert window.attract is not None
    taps = 0
    QTest.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    taps += 1
    assert window.current_screen() == "home"
    assert phone_on_screen(window)
    assert taps == 1


def test_route_cards_get_help_and_back(qtbot, visit: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = visit.window
    kiosk_help = helper(window)
    assert window.attract is not None
    QTest.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    button = kiosk_help.routes_button
    assert button is not None and button.isVisible()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "help"
    question = kiosk_help.screen.page
    assert question is not None and question.title == "What is happening?"
    answers = kiosk_help.screen.controls
    qtbot.waitUntil(lambda: answers[2].isVisible() and answers[2].height() > 0)
    # Every answer is on the screen at once: no scrolling to find yours.
    assert kiosk_help.screen.scroll_area.verticalScrollBar().maximum() == 0
    QTest.mouseClick(answers[2], Qt.MouseButton.LeftButton)  # disagree with the EHC plan
    route = kiosk_help.screen.page
    assert route is not None and route.name == "route"
    assert "EHC plan" in route.title
    assert "They come from the leaflet \u201cWhat If I Do Not Agree" in route.paragraphs[0]
    assert kiosk_help.screen.scroll_area.verticalScrollBar().maximum() == 0
    cards = [i.key for i in route.items]
    leaflet = window.leaflet
    ids = [local_card_id(leaflet.cards[int(k.split(":")[1])]) for k in cards]
    assert ids == [
        "mediation-1",
        "mediation-2",
        "mediation-4",
        "appeals-1",
        "appeals-2",
        "appeals-3",
    ]
    chosen = kiosk_help.screen.controls[2]  # after "Read the first card": mediation-2
    qtbot.waitUntil(lambda: chosen.isVisible() and chosen.height() > 0)
    QTest.mouseClick(chosen, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "card"
    reading = window.cards.index
    assert local_card_id(leaflet.cards[reading]) == "mediation-2"
    assert kiosk_help.to_route.isVisible()
    QTest.mouseClick(kiosk_help.get_help, Qt.MouseButton.LeftButton)
    assert local_card_id(leaflet.cards[window.cards.index]) == "contacts-1"
    QTest.mouseClick(kiosk_help.get_help, Qt.MouseButton.LeftButton)  # Return
    assert window.cards.index == reading
    QTest.mouseClick(kiosk_help.to_route, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "help" and kiosk_help.screen.page == route
    QTest.mouseClick(kiosk_help.screen.back, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "card" and window.cards.index == reading
    # The visit counts as one: the help screens are a visitor's screens.
    assert visit.visit is not None


def audio(kiosk: Kiosk) -> AudioMode:
    assert kiosk.audio is not None
    return kiosk.audio


def key(window: KioskWindow, k: Qt.Key) -> None:
    QTest.keyClick(window.focusWidget() or window, k)


def test_audio_mode_get_help_key_and_words_key(qtbot, visit: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = visit.window
    audio(visit).set_active(True)
    assert "G, or 9, for who to talk to" in HOW_TO
    assert KEYPAD_HELP["9 or G"].startswith("get help")
    assert KEYPAD_HELP["3 or W"].startswith("words")
    taken = [k for keys in KEYMAP.values() for k in keys]
    assert len(taken) == len(set(taken)), "each key does one thing"
    window.show_card(window.leaflet.card_index("mediation-2"))
    reading = window.cards.index
    key(window, Qt.Key.Key_W)
    qtbot.waitUntil(
        lambda: any("words explained on this card" in t for t in spoken(visit)), timeout=SPEECH_MS
    )
    said = next(t for t in spoken(visit) if "words explained on this card" in t)
    assert "mediation advice" in said and "First-tier Tribunal (SEND)" in said
    key(window, Qt.Key.Key_G)
    assert local_card_id(window.leaflet.cards[window.cards.index]) == "contacts-1"
    key(window, Qt.Key.Key_9)  # the keypad's key for it: back where the visitor was
    assert window.cards.index == reading
    key(window, Qt.Key.Key_H)
    qtbot.waitUntil(
        lambda: any("G for who to talk to" in t for t in spoken(visit)), timeout=SPEECH_MS
    )


def test_audio_mode_speaks_each_help_page(qtbot, visit: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = visit.window
    audio(visit).set_active(True)
    window.leave_attract()
    helper(window).open_question()
    qtbot.waitUntil(
        lambda: any(t.startswith("Kiosk help. What is happening?") for t in spoken(visit)),
        timeout=SPEECH_MS,
    )
    key(window, Qt.Key.Key_H)
    qtbot.waitUntil(
        lambda: any("Backspace goes back" in t for t in spoken(visit)), timeout=SPEECH_MS
    )
    key(window, Qt.Key.Key_Backspace)
    assert window.current_screen() == "home"


def test_audio_mode_says_who_to_talk_to_on_the_start_screen(qtbot, visit: Kiosk) -> None:  # type: ignore[no-untyped-def]
    audio(visit).set_active(True)
    qtbot.waitUntil(
        lambda: any("to talk to someone, SENDIASS Rutland" in t for t in spoken(visit)),
        timeout=SPEECH_MS,
    )
    key(visit.window, Qt.Key.Key_H)
    qtbot.waitUntil(
        lambda: sum("to talk to someone, SENDIASS Rutland" in t for t in spoken(visit)) >= 2,
        timeout=SPEECH_MS,
    )


def test_read_aloud_on_an_explanation_speaks_it(qtbot, visit: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = visit.window
    window.leave_attract()
    kiosk_help = helper(window)
    glossary = kiosk_help.data.glossary
    assert glossary is not None
    kiosk_help.open_term(glossary.by_id("best-endeavours"))
    kiosk_help.screen.read.click()
    qtbot.waitUntil(
        lambda: any("Schools must do everything they can" in t for t in spoken(visit)),
        timeout=SPEECH_MS,
    )
