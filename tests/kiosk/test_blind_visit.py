"""A visit without sight, on the wired kiosk with fake speech: the idle warning answered by
any key, announcements that are not lost, touch to hear, a screen reader's room, and a
PIN pad that never speaks a digit."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.announcer import Announcer, Priority
from kiosk.app import RESET_SPOKEN, STILL_HERE_SPOKEN, TEN_SECONDS_SPOKEN, Kiosk
from kiosk.audio_mode import OFF, AudioMode, describe
from kiosk.content import Library
from kiosk.session.pin import PinGate, hash_pin
from kiosk.speech.service import SpeechService
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.fake_speech import FakeEngine, FakePlayer
from tests.kiosk.conftest import shown_kiosk, spoken

PIN = "7391"


def audio(kiosk: Kiosk) -> AudioMode:
    assert kiosk.audio is not None
    return kiosk.audio


def player(kiosk: Kiosk) -> FakePlayer:
    assert kiosk.speech is not None
    made = kiosk.speech._player  # type: ignore[attr-defined]
    assert isinstance(made, FakePlayer)
    return made


def press(which: Qt.Key, target: object = None) -> None:
    QTest.keyClick(target or QApplication.focusWidget(), which)  # type: ignore[arg-type]


@pytest.fixture
def warned(qtbot, library: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    """A kiosk from its attract screen, whose idle warning comes after 200 ms and lasts 12 s."""
    window = KioskWindow(library, fonts, with_attract=True)
    made = shown_kiosk(qtbot, window, tmp_path, idle_ms=200, warning_ms=12_000, auto_finish=True)
    window.install_admin(PinGate(hash_pin(PIN)))
    yield made
    made.shutdown()


def test_announcer_keeps_a_notice_and_lets_the_visitor_cut_in(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    engine, fake = FakeEngine(), FakePlayer(auto_finish=False)
    speech = SpeechService(engine, fake, tmp_path / "speech")
    announcer = Announcer(speech)
    ended: list[int] = []
    announcer.ended.connect(ended.append)
    first = announcer.say("Start screen.", Priority.FOCUS)
    how_to = announcer.queue("How to use it.", Priority.NOTICE)
    qtbot.waitUntil(lambda: fake.current is not None)
    fake.finish()  # the screen name played to its end
    qtbot.waitUntil(lambda: announcer.current_text() == "How to use it.")
    assert ended == [first]
    focus = announcer.say("Topic, button.", Priority.FOCUS)  # the kiosk's own: it waits
    assert announcer.current_text() == "How to use it."
    announcer.visitor_acted()  # ...but a key press cuts in
    answer = announcer.say("Volume 3 of 4.")
    assert announcer.current_text() == "Volume 3 of 4."
    assert ended == [first, focus, how_to]
    announcer.stop()
    assert ended[-1] == answer
    speech.shutdown()


@pytest.mark.parametrize("auto_finish", [True])
def test_turning_audio_off_is_said_before_the_silence(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk.window.listen.click()
    assert audio(kiosk).active
    kiosk.window.listen.click()
    assert not audio(kiosk).active
    qtbot.waitUntil(lambda: OFF in spoken(kiosk))
    assert spoken(kiosk)[-1] == OFF
    # ...and a key no longer forces it back on: the visitor chose.
    press(Qt.Key.Key_Down, kiosk.window.home.start)
    assert not audio(kiosk).active


def test_idle_warning_any_key_keeps_the_visit_and_moves_nothing(qtbot, warned: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = warned.window
    assert warned.visit is not None
    press(Qt.Key.Key_A, window)  # a key on the attract screen: audio mode, home screen
    assert audio(warned).active and window.current_screen() == "home"
    with qtbot.waitSignal(warned.visit.warningStarted, timeout=20_000):
        pass
    assert window.idle_warning_shown()
    qtbot.waitUntil(lambda: any(t.startswith("Are you still there?") for t in spoken(warned)))
    assert QApplication.focusWidget() is window.idle_warning.button
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Tab):
        QTest.keyClick(window.idle_warning.button, key)
        assert not window.idle_warning_shown()
        assert audio(warned).active, "the key only said 'I'm still here'"
        qtbot.waitUntil(lambda: STILL_HERE_SPOKEN in spoken(warned))
        with qtbot.waitSignal(warned.visit.warningStarted, timeout=20_000):
            pass
        assert QApplication.focusWidget() is window.idle_warning.button
    # Enter answers too, and presses nothing under the veil (Listen stays on).
    QTest.keyClick(window.idle_warning.button, Qt.Key.Key_Return)
    assert audio(warned).active and not window.idle_warning_shown()


def test_idle_warning_counts_down_aloud_and_the_reset_is_said(qtbot, warned: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = warned.window
    assert warned.visit is not None
    press(Qt.Key.Key_A, window)
    warned.visit.idle.set_timeouts(200, 2_000)
    warned.countdown_spoken_at = 1  # the kiosk says it at 10 s; a short test at 1 s
    window.show_card(3)
    with qtbot.waitSignal(warned.visit.resetRequested, timeout=30_000):
        pass
    said = spoken(warned)
    assert TEN_SECONDS_SPOKEN.replace("10", "1") in said
    assert said.index(TEN_SECONDS_SPOKEN.replace("10", "1")) > max(
        i for i, t in enumerate(said) if t.startswith("Are you still there?")
    )
    qtbot.waitUntil(lambda: spoken(warned)[-1] == RESET_SPOKEN)
    assert window.current_screen() == "attract"
    assert not audio(warned).active and not audio(warned).turned_off
    assert window.cards.index == -1


@pytest.mark.parametrize("auto_finish", [False])
def test_touch_again_window_opens_when_the_name_has_been_heard(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    mode = audio(kiosk)
    mode.double_tap_ms = 50  # short, so a window that started at the first tap would be over
    mode.set_active(True)
    qtbot.waitUntil(lambda: bool(spoken(kiosk)))
    tile = window.home.tiles[1]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Touch again to press it." in spoken(kiosk)[-1])
    qtbot.wait(200)  # still speaking after the 50 ms: the window has not started
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "card", "pressed by the second touch after listening"
    spoken_name = next(t for t in spoken(kiosk) if "Touch again" in t)
    assert spoken_name == f"{tile.accessibleName()}, button. Touch again to press it."


@pytest.mark.parametrize("auto_finish", [True])
def test_touch_again_window_closes_after_the_name_ends(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    mode = audio(kiosk)
    mode.double_tap_ms = 50
    mode.set_active(True)
    tile = window.home.tiles[1]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: mode._armed is None, timeout=3000)  # type: ignore[attr-defined]
    QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "home", "a late touch is a first touch again"


def test_descriptions_are_short(kiosk: Kiosk) -> None:
    window = kiosk.window
    audio(kiosk).set_active(True)
    said = describe(window.listen)
    assert said == "Listen, switch, on. Turns audio mode off."
    for tile in window.home.tiles:
        assert len(describe(tile)) < 110, describe(tile)
        assert "·" not in describe(tile)


@pytest.mark.parametrize("auto_finish", [True])
def test_with_a_screen_reader_the_kiosk_names_no_controls(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    mode = audio(kiosk)
    mode.screen_reader = lambda: True
    window = kiosk.window
    press(Qt.Key.Key_Down, window.home.start)
    assert not mode.active, "the screen reader is the visitor's voice: a key does not start ours"
    window.listen.click()
    assert mode.active
    qtbot.waitUntil(lambda: any(t.startswith("Audio mode is on") for t in spoken(kiosk)))
    before = len(spoken(kiosk))
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    QTest.mouseClick(window.home.tiles[2], Qt.MouseButton.LeftButton)
    assert window.current_screen() == "card", "a touch presses at once: no touch to hear"
    qtbot.waitUntil(lambda: len(spoken(kiosk)) > before)
    new = spoken(kiosk)[before:]
    assert not any(", button" in t or ", switch" in t for t in new), new
    assert window.cards.current_view is not None
    assert any(t in window.cards.current_view.toPlainText() for t in new), "the card is read"


@pytest.mark.parametrize("auto_finish", [True])
def test_no_pin_digit_is_ever_spoken_or_logged(
    qtbot, kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG)
    window = kiosk.window
    window.install_admin(PinGate(hash_pin(PIN)))
    audio(kiosk).set_active(True)
    qtbot.waitUntil(lambda: bool(spoken(kiosk)))
    window.show_pin_pad()
    pad = window.pin_pad
    assert pad is not None
    before = len(spoken(kiosk))
    shown: list[str] = [pad.message()]
    pad.messageChanged.connect(shown.append)
    wrong = "8642"
    for digit in wrong:
        button = pad.digit_buttons[int(digit)]
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)  # touch: pressed, never spoken
    QTest.keyClick(pad.ok, Qt.Key.Key_Return)
    for digit in PIN:
        QTest.keyClick(pad.digit_buttons[1], getattr(Qt.Key, f"Key_{digit}"))
    QTest.keyClick(pad.digit_buttons[1], Qt.Key.Key_Return)
    assert window.current_screen() == "admin"
    qtbot.wait(50)
    said = spoken(kiosk)[before:]
    assert said and all(t in shown for t in said), said  # only the pad's own messages
    for secret in (wrong, PIN, *[f"{d}, button" for d in "0123456789"], "Type the digit"):
        assert not any(secret in t for t in spoken(kiosk))
        assert not any(secret in r.getMessage() for r in caplog.records)


def test_every_key_action_has_a_handler() -> None:
    from kiosk.audio_mode import KEYMAP

    for action in KEYMAP:
        assert callable(getattr(AudioMode, f"_on_{action}", None)), action


@pytest.mark.parametrize("auto_finish", [False])
def test_volume_by_touch_on_the_reading_bar_same_steps_as_the_keys(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.speech is not None and kiosk.reading is not None
    bar = kiosk.reading.bar
    window = kiosk.window
    window.show_card(0)
    bar.read_button.click()  # while a card is read, the bar shows its controls
    assert bar.louder_button.isVisible()
    bar.quieter_button.click()
    assert kiosk.speech.volume_db() == -6.0
    audio(kiosk).set_active(True)
    press(Qt.Key.Key_Minus, window)
    assert kiosk.speech.volume_db() == -12.0, "the key and the button take the same step"
    bar.louder_button.click()
    assert kiosk.speech.volume_db() == -6.0
    # Audio mode's touch flow: the first touch names it, the second presses it, the level said.
    QTest.mouseClick(bar.louder_button, Qt.MouseButton.LeftButton)
    assert kiosk.speech.volume_db() == -6.0
    qtbot.waitUntil(lambda: "Louder, button. Touch again to press it." in spoken(kiosk))
    QTest.mouseClick(bar.louder_button, Qt.MouseButton.LeftButton)
    assert kiosk.speech.volume_db() == 0.0
    qtbot.waitUntil(lambda: "Volume 4 of 4." in spoken(kiosk), timeout=1000)
    assert bar.louder_button.hasFocus(), "the focus stays where the finger is"


@pytest.mark.parametrize(("idle_ms", "auto_finish"), [(150, True)])
def test_announcements_one_after_another_hold_the_idle_watch(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """The how-to starts from the screen name's own "Ready": the idle watch must still see
    speech going on, or it warns in the middle of the instructions."""
    assert kiosk.visit is not None
    fake = player(kiosk)
    fake.auto_finish = False
    kiosk.visit.begin()
    audio(kiosk).set_active(True)
    qtbot.waitUntil(lambda: fake.current is not None)
    fake.finish()  # the screen name ends; the how-to follows at once
    qtbot.waitUntil(lambda: audio(kiosk).announcer.current_text().startswith("Audio mode is on"))
    qtbot.wait(400)
    assert kiosk.visit.idle.is_held and not kiosk.visit.idle.is_warning


def test_end_goes_to_the_last_topic(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    audio(kiosk).set_active(True)
    window.home.start.setFocus()
    press(Qt.Key.Key_End)
    assert QApplication.focusWidget().objectName() == "tile-contacts"  # type: ignore[union-attr]
    press(Qt.Key.Key_Up)
    assert QApplication.focusWidget().objectName() == "tile-more-help"  # type: ignore[union-attr]
    for tile in window.home.tiles:  # the kiosk's help tiles too
        assert "\u00b7" not in tile.accessibleDescription(), tile.accessibleDescription()


def test_admin_screen_says_how_it_behaves_with_screen_readers(kiosk: Kiosk) -> None:
    from kiosk.ui.accessibility import SCREEN_READER_NOTE

    window = kiosk.window
    window.install_admin(PinGate(hash_pin(PIN)))
    window.show_pin_pad()
    assert window.admin is not None
    assert window.admin.reader_note.text() == SCREEN_READER_NOTE
    assert "Orca" in SCREEN_READER_NOTE and "NVDA" in SCREEN_READER_NOTE


@pytest.mark.parametrize("auto_finish", [False])
@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080), (1080, 1920)])
def test_reading_controls_with_volume_fit_the_top_bar(
    qtbot, kiosk: Kiosk, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    assert kiosk.reading is not None
    window = kiosk.window
    window.resize(*size)
    window.show_card(0)
    kiosk.reading.bar.read_button.click()
    qtbot.waitUntil(
        lambda: kiosk.reading is not None and kiosk.reading.bar.louder_button.isVisible()
    )
    qtbot.wait(50)
    for button in window.top_bar.findChildren(QPushButton):
        if button.isVisible():
            right = button.mapTo(window, button.rect().topRight()).x()
            assert button.width() >= button.sizeHint().width(), button.objectName()
            assert right <= window.width(), button.objectName()


def test_a_key_in_the_text_panel_on_the_attract_screen_closes_it(qtbot, warned: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """Text and colours opened from the attract screen, then a key: audio mode turns on and
    shows the first screen, which used to come up under the panel, the two drawn over
    each other (found by driving the real kiosk with xdotool)."""
    window = warned.window
    window.display_button.click()
    assert window.display_panel_open()
    press(Qt.Key.Key_Tab)
    assert audio(warned).active and window.current_screen() == "home"
    assert not window.display_panel_open()
    assert window.home.isVisible()
    assert not window.display_panel.isVisible()
    qtbot.waitUntil(lambda: any(t.startswith("Start screen") for t in spoken(warned)))
