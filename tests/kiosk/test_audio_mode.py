"""Audio mode: found without sight, everything spoken, touch to hear, EZ Access keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.audio_mode import AudioMode
from kiosk.speech.service import State
from tests.kiosk.conftest import spoken


def audio(kiosk: Kiosk) -> AudioMode:
    assert kiosk.audio is not None
    return kiosk.audio


def key(
    kiosk: Kiosk, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    target = QApplication.focusWidget() or kiosk.window
    QTest.keyClick(target, which, modifier)


def last_said(qtbot, kiosk: Kiosk) -> str:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(spoken(kiosk)))
    return spoken(kiosk)[-1]


def test_silent_until_asked(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk.window.show_card(0)
    assert spoken(kiosk) == []
    assert not audio(kiosk).active


@pytest.mark.parametrize("auto_finish", [True])
def test_any_key_turns_audio_mode_on_and_explains_it(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    key(kiosk, Qt.Key.Key_A)
    assert audio(kiosk).active
    assert kiosk.window.listen.isChecked()
    qtbot.waitUntil(lambda: any(t.startswith("Audio mode is on") for t in spoken(kiosk)))
    said = spoken(kiosk)
    # The screen's name first, then the how-to in full: neither replaced the other.
    assert said[0].startswith("Start screen.") and said[1].startswith("Audio mode is on")
    assert kiosk.window.current_screen() == "home"  # the key did nothing else


def test_listen_button_turns_it_on_and_off_in_one_touch(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    kiosk.window.listen.click()
    assert audio(kiosk).active
    QTest.mouseClick(kiosk.window.listen, Qt.MouseButton.LeftButton)
    assert not audio(kiosk).active
    assert kiosk.window.listen.text() == "Listen"


def test_touch_to_hear_then_touch_again_to_press(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    audio(kiosk).set_active(True)
    window.show_card(2)
    QTest.mouseClick(window.cards.next, Qt.MouseButton.LeftButton)
    assert window.cards.index == 2, "the first touch only speaks"
    qtbot.waitUntil(lambda: "Next, button" in " ".join(spoken(kiosk)))
    QTest.mouseClick(window.cards.next, Qt.MouseButton.LeftButton)
    assert window.cards.index == 3


def test_arrow_keys_move_and_speak(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    audio(kiosk).set_active(True)
    window.home.start.setFocus()
    key(kiosk, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.home.tiles[0]
    qtbot.waitUntil(lambda: window.home.tiles[0].accessibleName() in " ".join(spoken(kiosk)))
    key(kiosk, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is window.home.start


def test_help_volume_and_keypad(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.speech is not None
    audio(kiosk).set_active(True)
    key(kiosk, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: "This is the start screen" in " ".join(spoken(kiosk)))
    key(kiosk, Qt.Key.Key_Minus)
    key(kiosk, Qt.Key.Key_Minus)
    assert kiosk.speech.volume_db() == -12.0
    qtbot.waitUntil(lambda: "Volume 2 of 4." in spoken(kiosk))
    key(kiosk, Qt.Key.Key_Plus, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.speech.volume_db() == -6.0
    kiosk.window.show_card(0)
    key(kiosk, Qt.Key.Key_6, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.window.cards.index == 1
    key(kiosk, Qt.Key.Key_4, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.window.cards.index == 0


def test_a_card_is_read_when_shown_and_pause_works(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.speech is not None
    audio(kiosk).set_active(True)
    kiosk.window.show_card(kiosk.window.leaflet.card_index("first-steps"))
    qtbot.waitUntil(lambda: "First Steps." in spoken(kiosk), timeout=2000)
    qtbot.waitUntil(lambda: kiosk.speech.state() == State.Speaking)  # type: ignore[union-attr]
    key(kiosk, Qt.Key.Key_P)
    assert kiosk.speech.state() == State.Paused
    key(kiosk, Qt.Key.Key_P)
    assert kiosk.speech.state() == State.Speaking


@pytest.mark.parametrize(("idle_ms", "auto_finish"), [(50, True)])
def test_idle_reset_turns_audio_off_and_restores_volume(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.speech is not None and kiosk.visit is not None
    key(kiosk, Qt.Key.Key_Space)
    key(kiosk, Qt.Key.Key_Minus)
    assert kiosk.speech.volume_db() == -6.0
    with qtbot.waitSignal(kiosk.visit.resetRequested, timeout=3000):
        pass
    assert not audio(kiosk).active
    assert kiosk.speech.volume_db() == 0.0
    assert not kiosk.window.listen.isChecked()


@pytest.mark.parametrize("auto_finish", [True])
def test_eyes_closed_walkthrough_to_appeals_and_the_phone_number(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """The issue's "done when": keyboard only, from the start to the appeals card, hear it,
    then find the SENDIASS phone number."""
    window = kiosk.window
    key(kiosk, Qt.Key.Key_Return)  # any key: audio mode on
    assert audio(kiosk).active
    for _ in range(20):
        if (
            QApplication.focusWidget() is not None
            and QApplication.focusWidget().objectName() == "tile-appeals"
        ):  # type: ignore[union-attr]
            break
        key(kiosk, Qt.Key.Key_Down)
    assert QApplication.focusWidget().objectName() == "tile-appeals"  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "Appeals, button." in " ".join(spoken(kiosk)))
    key(kiosk, Qt.Key.Key_Return)
    assert window.leaflet.cards[window.cards.index].id == "appeals-1"
    qtbot.waitUntil(lambda: "re-assessment" in " ".join(spoken(kiosk)), timeout=3000)
    qtbot.waitUntil(lambda: "paragraph 11.45" in " ".join(spoken(kiosk)), timeout=3000)
    key(kiosk, Qt.Key.Key_Backspace)
    assert window.current_screen() == "home"
    for _ in range(20):
        if QApplication.focusWidget().objectName() == "tile-contacts":  # type: ignore[union-attr]
            break
        key(kiosk, Qt.Key.Key_Down)
    key(kiosk, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "0 7 9 7 7" in " ".join(spoken(kiosk)), timeout=3000)


def test_settings_changes_are_spoken(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.theme import Look

    audio(kiosk).set_active(True)
    kiosk.window.open_display_settings()
    toggle = next(
        b for b in kiosk.window.display_panel.controls() if "spacing" in b.accessibleName()
    )
    toggle.setFocus()
    toggle.click()
    assert kiosk.window.look.wide_spacing
    qtbot.waitUntil(lambda: "Wider spacing: on" in " ".join(spoken(kiosk)))
    kiosk.window.set_look(Look())
