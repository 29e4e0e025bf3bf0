"""The wiring: where content comes from, the reset between visitors, and no network."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

import pytest

from kiosk import paths
from kiosk.app import Kiosk, choose_content, content_candidates, look_from
from kiosk.config import Settings
from kiosk.speech.service import State
from kiosk.ui.theme import THEMES, Look
from tests.helpers.content_factory import make_leaflet


def args(**values: object) -> argparse.Namespace:
    return argparse.Namespace(content=values.get("content"))


def test_content_comes_from_the_command_line_then_settings_then_the_bundle(tmp_path: Path) -> None:
    bundled = paths.bundled_content()
    assert content_candidates(args(), Settings()) == [bundled]
    assert content_candidates(args(content=tmp_path), Settings()) == [tmp_path, bundled]
    configured = Settings(content_folder=str(tmp_path))
    assert content_candidates(args(), configured) == [tmp_path, bundled]


def test_content_beside_a_frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content").mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "sen-kiosk"))
    assert content_candidates(args(), Settings())[0] == tmp_path / "content"


def test_broken_override_falls_back_with_its_problems(tmp_path: Path) -> None:
    make_leaflet(tmp_path, {"a.md": "no settings\n"})
    choice = choose_content([tmp_path, paths.bundled_content()])
    assert choice.source == str(paths.bundled_content())
    assert "using the bundled leaflet instead" in choice.problems[0]
    assert any("a.md:1" in line for line in choice.problems)


def test_good_override_is_used(tmp_path: Path) -> None:
    make_leaflet(tmp_path)
    choice = choose_content([tmp_path, paths.bundled_content()])
    assert choice.source == str(tmp_path) and not choice.problems


def test_look_from_settings() -> None:
    look = look_from(Settings(display_theme="standard", display_text_size=150))
    assert look == Look(theme=THEMES["standard"], text_scale=1.5)


@pytest.mark.parametrize("idle_ms", [50])
def test_idle_reset_leaves_nothing_of_the_last_visitor(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    window = kiosk.window
    assert kiosk.reading is not None and kiosk.speech is not None and kiosk.visit is not None
    window.show_card(5)
    window.set_look(Look(theme=THEMES["standard"], text_scale=2.0, wide_spacing=True))
    kiosk.reading.bar.faster_button.click()
    with qtbot.waitSignal(kiosk.speech.utteranceStarted):
        kiosk.reading.bar.read_button.click()
    view = window.cards.current_view
    assert view is not None
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    # Reading aloud is activity: while it goes on, no warning comes.
    qtbot.wait(200)
    assert not kiosk.visit.idle.is_warning and window.cards.index == 5
    kiosk.reading.bar.pause_button.click()  # paused reading is not: the visitor may have gone
    with qtbot.waitSignal(kiosk.visit.resetRequested, timeout=3000):
        pass
    assert window.current_screen() == "home"
    assert window.look == kiosk.default_look
    assert kiosk.speech.state() == State.Ready
    assert kiosk.speech.rate() == 1.0 and kiosk.reading.bar.speed() == 1.0
    assert window.cards.index == -1
    assert all(v.verticalScrollBar().value() == 0 for v in window.cards.views.values())
    assert all(not v.extraSelections() for v in window.cards.views.values())


@pytest.mark.parametrize(("idle_ms", "auto_finish"), [(50, True)])
def test_a_whole_visit_opens_no_network_socket(
    qtbot, kiosk: Kiosk, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[int] = []
    real_init = socket.socket.__init__

    def watching_init(self: socket.socket, family: int = -1, *rest: object, **kw: object) -> None:
        opened.append(family)
        real_init(self, family, *rest, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "__init__", watching_init)
    window = kiosk.window
    assert kiosk.reading is not None and kiosk.visit is not None
    window.home.start.click()
    for _ in range(len(window.leaflet.cards) - 1):
        window.cards.next.click()
    with qtbot.waitSignal(kiosk.speech.utteranceStarted):  # type: ignore[union-attr]
        kiosk.reading.bar.read_button.click()
    window.cards.home.click()
    with qtbot.waitSignal(kiosk.visit.resetRequested, timeout=3000):
        pass
    assert not [f for f in opened if f in (socket.AF_INET, socket.AF_INET6)]
    assert "PySide6.QtNetwork" not in sys.modules


def test_a_crash_stops_speech_before_exiting(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import crash_exit
    from tests.helpers.fake_speech import FakePlayer

    assert kiosk.speech is not None
    player = kiosk.speech._player  # type: ignore[attr-defined]
    assert isinstance(player, FakePlayer)
    kiosk.window.show_card(3)
    assert kiosk.reading is not None
    with qtbot.waitSignal(kiosk.speech.utteranceStarted):
        kiosk.reading.bar.read_button.click()
    assert player.current is not None  # speaking
    exits: list[int] = []

    def broken_cleanup() -> None:
        raise RuntimeError("a cleanup that fails must not stop the exit")

    leave = crash_exit([broken_cleanup, kiosk.stop_speech], exits.append)
    leave(70)
    assert exits == [70]
    assert player.current is None, "the player was left speaking"
