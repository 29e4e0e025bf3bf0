"""The staff screen: PIN banner, kiosk details, 30 days of usage, log lines, four actions."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.admin_data import usage_rows
from kiosk.session.pin import PinGate, hash_pin
from kiosk.stats import COUNTERS, DayCounts
from kiosk.ui.admin import DAMAGED_BANNER, NO_PIN_BANNER, AdminInfo, AdminScreen
from kiosk.ui.theme import Metrics

from .conftest import check_controls

TODAY = dt.date(2026, 11, 28)


def make_days(n: int = 30) -> list[DayCounts]:
    """Visits go 0, 1, 2... so the newest day is the busiest; other counters are fixed."""
    days = []
    for i in range(n):
        counts = dict.fromkeys(COUNTERS, 2)
        counts["visits"] = i
        days.append(DayCounts(TODAY - dt.timedelta(days=n - 1 - i), counts))
    return days


INFO = AdminInfo(
    version="0.1.0",
    config_file="/home/kiosk/.config/sen-kiosk/kiosk.toml",
    content_source="bundled leaflet",
    problems=["kiosk.toml:3: session.idle_timeout: 5 is out of range; using the default 90"],
    recent_log_lines=["2026-11-28 09:00:01 INFO kiosk.app: started", "second line"],
    usage=usage_rows(make_days()),
)


@pytest.fixture
def make_screen(
    metrics: Metrics, place: Callable[[QWidget], QWidget]
) -> Callable[[PinGate], AdminScreen]:
    def make(gate: PinGate) -> AdminScreen:
        screen = AdminScreen(gate, metrics)
        place(screen)
        return screen

    return make


@pytest.fixture
def ready_gate() -> PinGate:
    return PinGate(hash_pin("2468", n=2**4, r=1))


@pytest.fixture
def screen(make_screen: Callable[[PinGate], AdminScreen], ready_gate: PinGate) -> AdminScreen:
    screen = make_screen(ready_gate)
    screen.set_info(INFO)
    return screen


def test_banner_when_no_pin_is_set(make_screen: Callable[[PinGate], AdminScreen]) -> None:
    screen = make_screen(PinGate(""))
    assert screen.banner.isVisible()
    assert screen.banner.text() == NO_PIN_BANNER
    assert screen.banner.text() == "No admin PIN is set. Set one with: sudo sen-kiosk --set-pin"
    assert screen.banner.accessibleName() == NO_PIN_BANNER


def test_banner_when_the_pin_is_damaged(make_screen: Callable[[PinGate], AdminScreen]) -> None:
    screen = make_screen(PinGate("scrypt$broken"))
    assert screen.banner.isVisible()
    assert screen.banner.text() == DAMAGED_BANNER
    assert screen.banner.text().startswith("The stored PIN is damaged")


def test_no_banner_with_a_good_pin(screen: AdminScreen) -> None:
    assert not screen.banner.isVisible()


def test_banner_follows_the_gate(screen: AdminScreen, ready_gate: PinGate) -> None:
    ready_gate.set_hash("")
    screen.refresh_banner()
    assert screen.banner.isVisible()


def test_shows_the_kiosk_details_problems_and_log(screen: AdminScreen) -> None:
    assert screen.version_value.text() == "0.1.0"
    assert screen.config_value.text() == INFO.config_file
    assert screen.content_value.text() == "bundled leaflet"
    assert [label.text() for label in screen.problem_labels] == list(INFO.problems)
    assert screen.log_lines.text() == "\n".join(INFO.recent_log_lines)


def test_new_info_replaces_the_old(screen: AdminScreen) -> None:
    screen.set_info(AdminInfo(version="0.2.0"))
    assert screen.version_value.text() == "0.2.0"
    assert [label.text() for label in screen.problem_labels] == ["No problems found."]
    assert all(
        label.isHidden() for label in screen.findChildren(type(screen.title), "adminProblem")
    ), "a problem from the old info is still on screen"
    assert screen.log_lines.text() == "The log is empty."
    assert not screen.table.isVisible()
    assert screen.chart.bar_values() == []
    assert "No usage figures" in screen.totals.text()


def test_chart_has_one_bar_per_day(screen: AdminScreen) -> None:
    assert screen.chart.bar_values() == list(range(30))
    rects = screen.chart.bar_rects()
    assert len(rects) == 30
    assert rects[0].height() == 0
    assert max(rects, key=lambda r: r.height()) is rects[-1]
    assert all(a.left() < b.left() for a, b in itertools.pairwise(rects))
    width, height = screen.chart.width(), screen.chart.height()
    for r in rects:
        assert r.left() >= 0 and r.right() <= width
        assert 0 <= r.top() <= r.bottom() <= height
    assert "435 visits" in screen.chart.accessibleDescription()
    assert not screen.chart.grab().isNull()  # paints without complaint


def test_table_has_totals_then_each_day(screen: AdminScreen) -> None:
    table = screen.table
    assert table.columnCount() == 1 + len(COUNTERS)
    assert table.rowCount() == 31

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    assert cell(0, 0) == "Total"
    assert cell(0, 1) == str(sum(range(30)))
    assert cell(0, 2) == "60"
    assert cell(1, 0) == "Sat 28 Nov"
    assert cell(1, 1) == "29"
    assert cell(30, 1) == "0"
    model = table.model()
    headings = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(table.columnCount())
    ]
    assert headings[0] == "Date"
    assert headings[-1].replace("\n", " ") == "Idle resets"
    totals = screen.totals.text()
    assert "Visits: 435" in totals and "Idle resets: 60" in totals


def test_details_scroll(qtbot: QtBot, screen: AdminScreen, host: QWidget) -> None:
    bar = screen.details.verticalScrollBar()
    assert bar.maximum() > 0, "30 days of figures cannot fit on one screen"
    # The kiosk window binds PageDown to "next card"; here it must scroll.
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_PageDown), host)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: fired.append(True))
    screen.details.setFocus()
    QTest.keyClick(screen.details, Qt.Key.Key_PageDown)
    assert bar.value() > 0
    assert not fired
    QTest.keyClick(screen.details, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()


@pytest.mark.parametrize(
    ("button", "signal"),
    [
        ("back", "closeRequested"),
        ("reload", "reloadRequested"),
        ("test_speech", "testSpeechRequested"),
        ("exit", "exitRequested"),
    ],
)
def test_buttons_emit_their_signals(
    qtbot: QtBot, screen: AdminScreen, button: str, signal: str
) -> None:
    emitted: SignalInstance = getattr(screen, signal)
    with qtbot.waitSignal(emitted, timeout=1000):
        getattr(screen, button).click()


def test_escape_closes(qtbot: QtBot, screen: AdminScreen) -> None:
    with qtbot.waitSignal(screen.closeRequested, timeout=1000):
        QTest.keyClick(screen.back, Qt.Key.Key_Escape)


def test_controls_are_big_named_and_menu_free(screen: AdminScreen) -> None:
    check_controls(screen.buttons())
    assert screen.back.hasFocus()
    assert screen.back.property("role") == "primary"
    assert screen.details.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert screen.table.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert screen.details.accessibleName()


def test_upright_screen_puts_buttons_in_two_rows(
    qtbot: QtBot, screen: AdminScreen, host: QWidget
) -> None:
    host.resize(1080, 1920)
    screen.resize(1080, 1920)
    screen.apply_metrics(Metrics.for_size(1080, 1920))
    qtbot.waitUntil(lambda: screen.back.geometry().top() == screen.reload.geometry().top())
    assert screen.test_speech.geometry().top() > screen.back.geometry().top()
    check_controls(screen.buttons())
