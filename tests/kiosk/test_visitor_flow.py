"""The whole visitor and staff flow on the real window: attract screen, idle warning and
reset, display settings, the hidden staff gesture's PIN pad and the admin screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk import paths
from kiosk.app import EXIT_TO_DESKTOP, TEST_SENTENCE, ContentChoice, Kiosk, Startup
from kiosk.config import Settings
from kiosk.content import ContentError, ContentProblem, Library
from kiosk.session.pin import PinGate, hash_pin
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import THEMES, Fonts, Look
from tests.kiosk.conftest import make_kiosk, shown_kiosk, spoken

PIN = "4826"


@pytest.fixture
def kiosk(qtbot, library: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts, with_attract=True)
    made = shown_kiosk(qtbot, window, tmp_path, warning_ms=60_000)
    made.startup = Startup(tmp_path / "kiosk.toml", ["settings: a problem"], "bundled")
    window.install_admin(PinGate(hash_pin(PIN)))
    yield made
    made.shutdown()


def test_starts_on_a_silent_attract_screen(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert window.current_screen() == "attract"
    assert window.listen.isVisible()  # the attract screen says where it is
    assert spoken(kiosk) == []
    assert window.attract is not None
    QTest.mouseClick(window.attract, Qt.MouseButton.LeftButton)
    assert window.current_screen() == "home"
    assert kiosk.visit is not None and kiosk.visit.active


def test_a_key_on_the_attract_screen_starts_audio_mode(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    assert kiosk.window.attract is not None
    QTest.keyClick(kiosk.window.attract, Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)
    assert kiosk.audio is not None and kiosk.audio.active
    assert kiosk.window.current_screen() == "home"
    qtbot.waitUntil(lambda: any(t.startswith("Audio mode is on") for t in spoken(kiosk)))


def test_idle_warning_then_reset_to_attract(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window, visit = kiosk.window, kiosk.visit
    assert visit is not None
    window.leave_attract()
    window.show_card(4)
    visit.idle.set_timeouts(30, 200)
    visit.idle.poke()
    with qtbot.waitSignal(visit.warningStarted, timeout=2000):
        pass
    assert window.idle_warning.isVisible()
    assert "The screen will reset in" in window.idle_warning.message()
    with qtbot.waitSignal(visit.warningCancelled, timeout=2000):
        window.idle_warning.stillHere.emit()
    assert not window.idle_warning.isVisible()
    assert window.current_screen() == "card"
    with qtbot.waitSignal(visit.resetRequested, timeout=3000):
        pass
    assert window.current_screen() == "attract"
    assert not window.idle_warning.isVisible()


def test_display_settings_apply_at_once_and_count_once(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window, visit = kiosk.window, kiosk.visit
    assert visit is not None
    window.leave_attract()
    window.display_button.click()
    assert window.display_panel.isVisible()
    dark = Look(theme=THEMES["dark"])
    window.display_panel.lookChanged.emit(dark)
    assert window.look == dark
    window.display_panel.lookChanged.emit(Look(theme=THEMES["cream"], text_scale=2.0))
    assert visit.counts["settings_used"] == 1
    kiosk.reset()
    assert window.look == kiosk.default_look
    assert not window.display_panel.isVisible()


def test_staff_pin_pad_then_admin_screen(
    qtbot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    window.show_pin_pad()
    assert window.current_screen() == "pin"
    assert window.pin_pad is not None and window.admin is not None
    for digit in PIN:
        window.pin_pad.type_digit(digit)
    window.pin_pad.submit()
    assert window.current_screen() == "admin"
    text = " ".join(label.text() for label in window.admin.findChildren(type(window.home.title)))
    assert "settings: a problem" in text
    window.admin.testSpeechRequested.emit()
    qtbot.waitUntil(lambda: TEST_SENTENCE in spoken(kiosk))
    exits: list[int] = []
    monkeypatch.setattr(kiosk.app, "exit", exits.append)
    window.admin.exitRequested.emit()
    assert exits == [EXIT_TO_DESKTOP]
    assert window.allow_close


def test_wrong_pin_never_opens_admin(kiosk: Kiosk) -> None:
    window = kiosk.window
    window.show_pin_pad()
    assert window.pin_pad is not None
    for digit in "0000":
        window.pin_pad.type_digit(digit)
    window.pin_pad.submit()
    assert window.current_screen() == "pin"
    assert "Wrong PIN" in window.pin_pad.message()


def test_reload_content_swaps_the_leaflet_or_reports_problems(
    kiosk: Kiosk, library: Library
) -> None:
    window = kiosk.window

    def broken() -> ContentChoice:
        raise ContentError([ContentProblem(Path("x.md"), 3, "broken")])

    kiosk.reload_content = broken
    kiosk.reload()
    assert window.current_screen() == "admin"
    assert kiosk.startup is not None
    assert any("x.md:3: broken" in p for p in kiosk.startup.problems)
    assert "settings: a problem" in kiosk.startup.problems  # kept: it is still true
    assert window.library is library

    kiosk.reload_content = lambda: ContentChoice(library, str(paths.bundled_content()))
    kiosk.reload()
    assert window.library is library
    window.reset_to_start()
    window.leave_attract()
    window.show_card(2)
    assert window.cards.current_view is not None


def test_an_unknown_voice_is_reported_on_the_admin_screen(
    qtbot, library: Library, fonts: Fonts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts)
    qtbot.addWidget(window)
    made = make_kiosk(window, tmp_path, settings=Settings(speech_voice="klingon"), idle_ms=None)
    made.startup = Startup(tmp_path / "kiosk.toml", [], "bundled")
    made.start_speech()
    assert any("klingon" in p and "gmw/en" in p for p in made.startup.problems)
    made.shutdown()


def test_services_started_after_the_first_paint_keep_watching_input(
    qtbot, library: Library, fonts: Fonts, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Taps on buttons must count as activity, or a reading visitor gets reset."""
    import gc

    window = KioskWindow(library, fonts)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    window.show()
    made = make_kiosk(window, tmp_path, idle_ms=None)
    made.start_services()
    gc.collect()  # whatever the wiring does not own is gone now
    assert made.visit is not None
    window.show_card(3)  # changing screen starts the visit (and pokes by itself)
    pokes: list[int] = []
    monkeypatch.setattr(made.visit.idle, "poke", lambda: pokes.append(1))
    QTest.mouseClick(window.cards.next, Qt.MouseButton.LeftButton)
    assert window.cards.index == 4
    assert pokes, "a tap on Next did not reach the idle watch"
    made.shutdown()
