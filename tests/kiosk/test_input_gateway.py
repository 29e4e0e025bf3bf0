"""One input gateway: every visitor input is activity, whoever consumes it after."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.app import Kiosk
from kiosk.config import Settings
from kiosk.input_gateway import InputGateway, Stage
from kiosk.speech.service import SpeechService
from kiosk.ui.main_window import KioskWindow
from tests.helpers.fake_speech import FakeEngine, FakePlayer

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
APP_NAMES = {"app", "qapp", "application"}


def _receiver(call: ast.Call) -> str:
    func = call.func
    assert isinstance(func, ast.Attribute)
    return ast.unparse(func.value)


def test_no_other_module_installs_an_application_event_filter() -> None:
    """Read the source: only the gateway may call installEventFilter on the application."""
    offenders = []
    for path in KIOSK.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "installEventFilter"
            ):
                receiver = _receiver(node)
                last = receiver.split(".")[-1].lower()
                if ("instance()" in receiver or last in APP_NAMES) and path.name != (
                    "input_gateway.py"
                ):
                    offenders.append(f"{path.relative_to(KIOSK)}:{node.lineno} {receiver}")
    assert offenders == [], "application event filters outside the gateway: " + ", ".join(offenders)


def test_the_running_kiosk_has_exactly_one_application_event_filter(
    qtbot, window: KioskWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Start every service as `python -m kiosk` does (lockdown included) and watch what is
    installed on the application: a new filter anywhere would show up here."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed: list[QObject] = []
    real = QObject.installEventFilter

    def watching(self: QObject, watcher: QObject) -> None:
        if self is app:
            installed.append(watcher)
        real(self, watcher)

    monkeypatch.setattr(QObject, "installEventFilter", watching)

    def fake_speech(parent: QObject) -> SpeechService:
        return SpeechService(FakeEngine(), FakePlayer(), tmp_path / "speech", parent)

    kiosk = Kiosk(app, window, Settings(), windowed=False, speech_factory=fake_speech)
    try:
        kiosk.start_services()
        assert installed == [kiosk.gateway]
        assert kiosk.gateway.stages() == [
            Stage.IDLE_WARNING,
            Stage.LOCKDOWN,
            Stage.STAFF_GESTURE,
            Stage.AUDIO_MODE,
            Stage.READING,
            Stage.FLICK,
        ]
    finally:
        kiosk.shutdown()


def test_a_consuming_handler_cannot_hide_activity(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    gateway = InputGateway()
    app = QApplication.instance()
    assert app is not None
    gateway.install(app)
    seen: list[str] = []
    gateway.activity.connect(lambda: seen.append("activity"))
    presses = QEvent.Type.KeyPress
    gateway.add(Stage.LOCKDOWN, lambda _w, e: e.type() == presses and not seen.append("lockdown"))
    gateway.add(Stage.READING, lambda _w, e: e.type() == presses and seen.append("reading"))
    try:
        QTest.keyClick(window.home.start, Qt.Key.Key_X)
    finally:
        gateway.remove()
    assert seen[:2] == ["activity", "lockdown"]
    assert "reading" not in seen  # consumed, so later stages never saw it
    with pytest.raises(ValueError, match="RECORD"):
        gateway.add(Stage.RECORD, lambda _w, _e: False)


def _audio_visit_under_way(qtbot, kiosk: Kiosk) -> QTimer:  # type: ignore[no-untyped-def]
    """A visit in audio mode whose quiet spell has begun to run down; its idle timer."""
    assert kiosk.audio is not None and kiosk.visit is not None
    # Only input may restart the quiet spell here (speech holding it is tested elsewhere).
    kiosk.speech.stateChanged.disconnect(kiosk._speech_state)  # type: ignore[union-attr]
    kiosk.visit.begin()
    kiosk.audio.set_active(True)
    timer: QTimer = kiosk.visit.idle._idle_timer  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: timer.remainingTime() < 60_000 - 100)
    return timer


def test_keys_consumed_by_audio_mode_keep_the_visit(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    """The first round's bug: audio mode ate key presses before the idle watch saw them."""
    timer = _audio_visit_under_way(qtbot, kiosk)
    before = timer.remainingTime()
    QTest.keyClick(QApplication.focusWidget() or kiosk.window, Qt.Key.Key_Down)
    assert timer.remainingTime() > before


@pytest.mark.parametrize("idle_ms", [60_000])
def test_touch_to_hear_taps_keep_the_visit(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    timer = _audio_visit_under_way(qtbot, kiosk)
    before = timer.remainingTime()
    QTest.mouseClick(kiosk.window.home.tiles[0], Qt.MouseButton.LeftButton)
    assert kiosk.window.current_screen() == "home", "the first touch only speaks"
    assert timer.remainingTime() > before


def _field(qtbot) -> QLineEdit:  # type: ignore[no-untyped-def]
    """A widget that takes every key: a key press is offered to the filter once, not once
    for each parent it would otherwise climb through."""
    field = QLineEdit()
    qtbot.addWidget(field)
    return field


def _installed(gateway: InputGateway) -> tuple[QApplication, list[str]]:
    """`gateway` on the application; the list of its acts so far."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    gateway.install(app)
    acts: list[str] = []
    gateway.acted.connect(lambda: acts.append("acted"))
    return app, acts


class _Counting(InputGateway):
    """The gateway, counting every event Qt offers it."""

    def __init__(self) -> None:
        super().__init__()
        self.offered = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.offered += 1
        return super().eventFilter(watched, event)


def test_paused_keeps_qt_traffic_out_and_lets_input_in_after(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    gateway = _Counting()
    _app, acts = _installed(gateway)
    try:
        with gateway.paused():
            window.home.hide()
            window.home.show()
        assert gateway.offered == 0, "the screen's shows and hides crossed into Python"
        QTest.keyClick(_field(qtbot), Qt.Key.Key_X)
        assert gateway.offered > 0 and acts == ["acted"], "the filter is back after the pause"
    finally:
        gateway.remove()
    offered = gateway.offered
    QTest.keyClick(_field(qtbot), Qt.Key.Key_X)
    assert gateway.offered == offered and acts == ["acted"], "removed means removed"


def test_a_pause_inside_a_handler_keeps_the_filter(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    """An audio-mode key that opens a card changes the screen from inside the filter: Qt is
    walking its list of application filters then, and the gateway stays on it."""
    gateway = InputGateway()
    _app, acts = _installed(gateway)

    def opens_a_card(_watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and len(acts) == 1:
            with gateway.paused():
                # A key press sent from inside a handler is input the gateway still sees.
                QTest.keyClick(_field(qtbot), Qt.Key.Key_Y)
        return False

    gateway.add(Stage.AUDIO_MODE, opens_a_card)
    try:
        QTest.keyClick(_field(qtbot), Qt.Key.Key_X)
        assert acts == ["acted", "acted"]
        QTest.keyClick(_field(qtbot), Qt.Key.Key_Z)
        assert acts == ["acted", "acted", "acted"]
    finally:
        gateway.remove()


def test_removed_while_paused_stays_removed(qtbot, window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    gateway = InputGateway()
    app, acts = _installed(gateway)
    with gateway.paused():
        gateway.remove()
    QTest.keyClick(_field(qtbot), Qt.Key.Key_X)
    assert acts == []
    gateway.install(app)
    try:
        QTest.keyClick(_field(qtbot), Qt.Key.Key_X)
        assert acts == ["acted"]
    finally:
        gateway.remove()


def test_a_visitors_taps_change_screens_unseen_by_the_filter_and_every_tap_is_seen(
    qtbot, kiosk: Kiosk
) -> None:  # type: ignore[no-untyped-def]
    """Through the kiosk's own wiring: each tap is activity, the screen change it makes is
    not offered to the gateway, and the next tap is seen again."""
    window = kiosk.window
    calls: list[QEvent.Type] = []
    real = kiosk.gateway.eventFilter

    def counting(watched: QObject, event: QEvent) -> bool:
        calls.append(event.type())
        return real(watched, event)

    kiosk.gateway.eventFilter = counting  # type: ignore[method-assign]
    acts: list[str] = []
    kiosk.gateway.acted.connect(lambda: acts.append(window.current_screen()))
    during: list[int] = []
    window.screenChanged.connect(lambda _screen: during.append(len(calls)))
    window.show_home()
    taps = [
        lambda: window.home.start,  # Start reading
        lambda: window.cards.home,  # back home
    ]
    for tap in taps:
        before = len(calls)
        QTest.mouseClick(tap(), Qt.MouseButton.LeftButton)
        assert len(calls) > before, "the tap went through the gateway"
    assert acts == ["home", "card"], "every press was an act, on the screen it landed"
    assert window.current_screen() == "home"
    # The taps' presses and releases, none of the two screens' shows, hides and layouts.
    assert len(during) == 3 and len(calls) < 20, sorted({c.name for c in calls})
