"""Whole visits by a visitor who cannot see the screen, heard through the real engine."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import RESET_SPOKEN, STILL_HERE_SPOKEN, TEN_SECONDS_SPOKEN, Kiosk
from kiosk.audio_mode import HOW_TO, AudioMode, describe
from kiosk.speech.service import State

from .conftest import Recorder

pytestmark = pytest.mark.slow

# Faster than a visitor's default so the suite stays short; JOURNEY_RATE=1 measures the walk
# at the kiosk's own pace.
RATE = os.environ.get("JOURNEY_RATE", "1.5")
SHORT_TIMEOUTS = f"[session]\nidle_timeout = 20\nwarning_seconds = 20\n[speech]\nrate = {RATE}\n"
PHONE = "0 7 9 7 7"  # how the narration says 07977 015 674


def audio(kiosk: Kiosk) -> AudioMode:
    assert kiosk.audio is not None
    return kiosk.audio


def quiet(kiosk: Kiosk) -> bool:
    """Nothing is being said or waiting to be said."""
    assert kiosk.speech is not None
    return kiosk.speech.state() != State.Speaking and not audio(kiosk).announcer.speaking()


def key(which: Qt.Key) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert isinstance(target, QWidget)
    QTest.keyClick(target, which)


def key_and_listen(qtbot, kiosk: Kiosk, which: Qt.Key, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Press a key, then listen to everything it set off, as a visitor would."""
    key(which)
    keys.append(which.name)
    qtbot.wait(100)
    qtbot.waitUntil(lambda: quiet(kiosk), timeout=240_000)


@pytest.mark.parametrize("settings_toml", [SHORT_TIMEOUTS])
def test_keyboard_only_from_attract_to_appeals_and_the_phone_number(
    qtbot, journey: tuple[Kiosk, Recorder]
) -> None:  # type: ignore[no-untyped-def]
    kiosk, recorder = journey
    window = kiosk.window
    assert window.current_screen() == "attract"
    warnings: list[int] = []
    assert kiosk.visit is not None
    kiosk.visit.warningStarted.connect(warnings.append)
    keys: list[str] = []
    key_and_listen(qtbot, kiosk, Qt.Key.Key_Space, keys)  # any key: audio mode
    assert audio(kiosk).active
    heard = recorder.transcript()
    assert heard[0].text.startswith("Start screen.")
    how_to = next(h for h in heard if h.text == HOW_TO)
    assert how_to.heard >= how_to.seconds - 0.2, "the how-to is heard in full"
    # Appeals is near the end of the list: End, then up.
    key_and_listen(qtbot, kiosk, Qt.Key.Key_End, keys)
    while (QApplication.focusWidget() or window).objectName() != "tile-appeals":
        key_and_listen(qtbot, kiosk, Qt.Key.Key_Up, keys)
        assert len(keys) < 20, (keys, recorder.said()[-6:])
    key_and_listen(qtbot, kiosk, Qt.Key.Key_Return, keys)  # Appeals: its first card is read
    assert window.leaflet.cards[window.cards.index].id == "appeals-1"
    said = " ".join(recorder.said())
    assert "paragraph 11.45" in said, "the Appeals card was read to its end"
    while PHONE not in " ".join(recorder.said()):
        if len(keys) >= 30:
            print("KEYS", keys, "SAID", *recorder.said()[-14:], sep="\n")
        assert len(keys) < 30
        if window.current_screen() == "card":
            key_and_listen(qtbot, kiosk, Qt.Key.Key_Backspace, keys)
        elif (QApplication.focusWidget() or window).objectName() != "tile-contacts":
            key_and_listen(qtbot, kiosk, Qt.Key.Key_End, keys)  # Contacts is the last topic
        else:
            key_and_listen(qtbot, kiosk, Qt.Key.Key_Return, keys)
    heard = recorder.transcript()
    upto = next(i for i, h in enumerate(heard) if PHONE in h.text)
    seconds = sum(h.heard for h in heard[: upto + 1])
    print(f"\nkeyboard walk: {len(keys)} keys, {seconds:.0f} s of speech at rate {RATE}: {keys}")
    for h in heard[: upto + 1]:
        print(f"  {h.t:7.1f}s {h.heard:5.1f}/{h.seconds:5.1f}s {h.text[:90]}")
    assert not warnings

    # Then a key every 10 s for two minutes with 20 s + 20 s timeouts: never a warning.
    for _ in range(12):
        key(Qt.Key.Key_Down)
        qtbot.wait(10_000)
        assert not warnings, "the idle warning came while keys kept coming"
    assert audio(kiosk).active and window.current_screen() != "attract"


@pytest.mark.parametrize("settings_toml", [SHORT_TIMEOUTS])
def test_idle_warning_in_audio_mode_any_key_keeps_no_key_resets(
    qtbot, journey: tuple[Kiosk, Recorder]
) -> None:  # type: ignore[no-untyped-def]
    kiosk, recorder = journey
    window = kiosk.window
    assert kiosk.visit is not None
    keys: list[str] = []
    key_and_listen(qtbot, kiosk, Qt.Key.Key_Space, keys)
    key_and_listen(qtbot, kiosk, Qt.Key.Key_Down, keys)
    key_and_listen(qtbot, kiosk, Qt.Key.Key_Return, keys)  # a card, read to its end
    visited = window.cards.index
    assert visited >= 0
    with qtbot.waitSignal(kiosk.visit.warningStarted, timeout=60_000):
        pass
    qtbot.waitUntil(
        lambda: any(t.startswith("Are you still there?") for t in recorder.said()), timeout=10_000
    )
    key(Qt.Key.Key_Down)  # any key: "I'm still here"
    assert not window.idle_warning_shown()
    assert window.cards.index == visited and audio(kiosk).active
    qtbot.waitUntil(lambda: STILL_HERE_SPOKEN in recorder.said(), timeout=10_000)
    with qtbot.waitSignal(kiosk.visit.resetRequested, timeout=90_000):
        pass
    qtbot.waitUntil(lambda: quiet(kiosk), timeout=30_000)
    said = recorder.said()
    last_warning = max(i for i, t in enumerate(said) if t.startswith("Are you still there?"))
    assert said[last_warning + 1 :] == [TEN_SECONDS_SPOKEN, RESET_SPOKEN]
    last = recorder.transcript()[-1]
    assert last.heard >= last.seconds - 0.2, "the reset is heard in full"
    # Nothing of the visit remains.
    assert window.current_screen() == "attract"
    assert window.cards.index == -1
    assert not audio(kiosk).active and not window.listen.isChecked()
    assert window.look == kiosk.default_look
    assert kiosk.speech is not None and kiosk.speech.volume_db() == 0.0


def test_touch_to_hear_the_longest_control_then_press_it(
    qtbot, journey: tuple[Kiosk, Recorder]
) -> None:  # type: ignore[no-untyped-def]
    kiosk, recorder = journey
    window = kiosk.window
    mode = audio(kiosk)
    window.listen.click()
    assert mode.active
    qtbot.wait(100)
    qtbot.waitUntil(lambda: quiet(kiosk), timeout=120_000)
    controls = [window.home.start, *window.home.tiles]
    longest = max(controls, key=lambda c: len(describe(c, hint=False)))
    # Shorter than the name takes to say: a window that began at the first touch would close.
    mode.double_tap_ms = 1500
    window.home.page_scroll.ensureWidgetVisible(longest)  # a finger touches what it sees
    QTest.mouseClick(longest, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "home"
    qtbot.wait(100)
    qtbot.waitUntil(lambda: quiet(kiosk), timeout=30_000)
    heard = recorder.transcript()[-1]
    assert heard.text.endswith("Touch again to press it."), (recorder.said(), mode._armed)
    assert heard.heard >= heard.seconds - 0.2 and heard.seconds > 1.5
    QTest.mouseClick(longest, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "card", "the second touch pressed it"
