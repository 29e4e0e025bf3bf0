"""The "Text and colours" panel: every control changes the look at once, is named, big,
reachable by keyboard, and still fits at 250% text on small and portrait screens."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.ui.display_settings import DisplaySettingsPanel, make_display_button
from kiosk.ui.display_style import TEXT_SIZES, stylesheet_rules
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.panel_buttons import PanelButton
from kiosk.ui.theme import THEMES, Fonts, Look

from .conftest import MakePanel, restyle

TOGGLES = ("dyslexic_font", "wide_spacing", "reduced_motion")


# --- values --------------------------------------------------------------------------------
@pytest.mark.parametrize("scale", TEXT_SIZES)
def test_text_size_buttons(qtbot, make_panel: MakePanel, scale: float) -> None:  # type: ignore[no-untyped-def]
    start = Look(text_scale=1.0 if scale != 1.0 else 2.0)
    panel = make_panel(look=start)
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        panel.size_buttons[scale].click()
    assert changed.args == [start._replace(text_scale=scale)]
    assert panel.size_buttons[scale].isChecked()
    assert [b.isChecked() for b in panel.size_buttons.values()].count(True) == 1
    assert (
        panel.size_buttons[scale].accessibleName() == f"Text size {round(scale * 100)}%, selected"
    )


@pytest.mark.parametrize("name", list(THEMES))
def test_theme_swatches(qtbot, make_panel: MakePanel, name: str) -> None:  # type: ignore[no-untyped-def]
    start = Look(theme=THEMES["dark" if name != "dark" else "cream"], text_scale=1.5)
    panel = make_panel(look=start)
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        panel.theme_buttons[name].click()
    assert changed.args == [start._replace(theme=THEMES[name])]
    chosen = [n for n, b in panel.theme_buttons.items() if b.isChecked()]
    assert chosen == [name]
    assert panel.theme_buttons[name].accessibleName().endswith("colours, in use")


@pytest.mark.parametrize("field", TOGGLES)
def test_toggles_show_on_and_off_in_words(qtbot, make_panel: MakePanel, field: str) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    button = panel.toggle_buttons[field]
    assert button.isCheckable() and not button.isChecked()
    assert button.labels[-1].text() == "Off" and button.accessibleName().endswith(": off")
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        button.click()
    assert changed.args == [Look()._replace(**{field: True})]
    assert button.isChecked()
    assert button.labels[-1].text() == "On" and button.accessibleName().endswith(": on")
    state = QAccessible.queryAccessibleInterface(button).state()
    assert state.checkable and state.checked
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        button.click()
    assert changed.args == [Look()]
    assert not QAccessible.queryAccessibleInterface(button).state().checked


def test_reset_returns_to_standard(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    busy = Look(THEMES["cream"], 2.0, dyslexic_font=True, wide_spacing=True, reduced_motion=True)
    panel = make_panel(look=busy)
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        panel.reset.click()
    assert changed.args == [Look()]
    assert panel.size_buttons[1.0].isChecked() and panel.theme_buttons["standard"].isChecked()
    assert not any(b.isChecked() for b in panel.toggle_buttons.values())


def test_reset_target_can_be_the_configured_start(qtbot, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    from kiosk.ui.theme import Metrics

    start = Look(THEMES["high-contrast"], 1.5)
    panel = DisplaySettingsPanel(Look(), Metrics.for_size(1920, 1080), reset_to=start)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        panel.reset.click()
    assert changed.args == [start]


def test_choosing_the_current_option_changes_nothing(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    with qtbot.assertNotEmitted(panel.lookChanged):
        panel.size_buttons[1.0].click()
        panel.theme_buttons["standard"].click()
        panel.set_look(Look(text_scale=2.0))  # the window telling the panel: never echoed
    assert panel.size_buttons[2.0].isChecked() and not panel.size_buttons[1.0].isChecked()
    assert panel.theme_buttons["standard"].isChecked()


def test_done_and_escape_close(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    with qtbot.waitSignal(panel.closed, timeout=1000):
        panel.done.click()
    assert not panel.isVisible()
    panel.show()
    panel.controls()[2].setFocus()
    with qtbot.waitSignal(panel.closed, timeout=1000):
        QTest.keyClick(panel.controls()[2], Qt.Key.Key_Escape)


# --- names, sizes, keyboard ----------------------------------------------------------------
def test_every_control_is_named_and_described(make_panel: MakePanel) -> None:
    panel = make_panel()
    controls = panel.controls()
    assert len(controls) == len(TEXT_SIZES) + len(THEMES) + len(TOGGLES) + 2
    names = [c.objectName() for c in controls]
    assert all(names) and len(set(names)) == len(names)
    for control in controls:
        ai = QAccessible.queryAccessibleInterface(control)
        assert ai.text(QAccessible.Text.Name) == control.accessibleName() != "", control
        assert ai.text(QAccessible.Text.Description) == control.accessibleDescription() != ""
        # Qt reports a checkable push button as a check box, with its checked state.
        role = QAccessible.Role.CheckBox if control.isCheckable() else QAccessible.Role.Button
        assert ai.role() == role
        assert ai.state().checked == control.isChecked()
        assert control.focusPolicy() == Qt.FocusPolicy.StrongFocus
        assert control.autoDefault()  # Enter presses it, not only Space


def test_the_opening_button() -> None:
    button = make_display_button()
    assert button.text() == "Aa  Text and colours"
    assert button.objectName() == "displaySettingsButton"
    assert button.accessibleName() == "Text and colours"
    assert button.accessibleDescription()
    assert button.autoDefault()


def test_targets_are_at_least_88_px(make_panel: MakePanel) -> None:
    panel = make_panel((1920, 1080))
    for control in panel.controls():
        assert control.width() >= 88 and control.height() >= 88, control.objectName()


def test_tab_reaches_every_control_and_stays_in_the_panel(make_panel: MakePanel) -> None:
    panel = make_panel()
    controls = panel.controls()
    controls[0].setFocus()
    seen = []
    for _ in range(len(controls)):
        seen.append(QApplication.focusWidget())
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen == controls
    assert QApplication.focusWidget() is controls[0]  # wrapped round, still inside
    QTest.keyClick(controls[0], Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is controls[-1]


def test_arrow_keys_move_between_controls(make_panel: MakePanel) -> None:
    panel = make_panel()
    controls = panel.controls()
    controls[3].setFocus()
    QTest.keyClick(controls[3], Qt.Key.Key_Down)
    assert QApplication.focusWidget() is controls[4]
    QTest.keyClick(controls[4], Qt.Key.Key_Left)
    QTest.keyClick(controls[3], Qt.Key.Key_Up)
    assert QApplication.focusWidget() is controls[2]


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_enter_and_space_press(qtbot, make_panel: MakePanel, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    toggle = panel.toggle_buttons["wide_spacing"]
    toggle.setFocus()
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        QTest.keyClick(toggle, key)
    assert changed.args == [Look(wide_spacing=True)]
    assert toggle.isChecked()
    swatch = panel.theme_buttons["cream"]
    swatch.setFocus()
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        QTest.keyClick(swatch, key)
    assert changed.args[0].theme is THEMES["cream"]


def test_a_tap_still_works_inside_the_kinetic_scroll_area(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel()
    button = panel.toggle_buttons["reduced_motion"]
    with qtbot.waitSignal(panel.lookChanged, timeout=1000) as changed:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert changed.args == [Look(reduced_motion=True)]


# --- large text ----------------------------------------------------------------------------
def _clipping(panel: DisplaySettingsPanel) -> list[str]:
    """Every way a control can be cut off, squeezed, overlapped or pushed off the side."""
    problems = []
    viewport = panel.scroll_area.viewport()
    boxes: list[tuple[str, QRect]] = []
    for control in panel.controls():
        name = control.objectName()
        geo = control.geometry()
        w, h = geo.width(), geo.height()
        if isinstance(control, PanelButton):
            need_w, need_h = control.minimumSizeHint().width(), control.heightForWidth(w)
        else:
            hint = control.sizeHint()
            need_w, need_h = hint.width(), hint.height()
        if need_w > w or need_h > h:
            problems.append(f"{name}: needs {need_w}x{need_h}, has {w}x{h}")
        for label in control.findChildren(QLabel):
            if not label.isVisible():
                continue
            lw, lh = label.width(), label.height()
            need = label.heightForWidth(lw) if label.wordWrap() else label.sizeHint().height()
            need_lw = label.minimumSizeHint().width()
            text = label.text()
            if need > lh or need_lw > lw or not control.rect().contains(label.geometry()):
                problems.append(f"{name} label {text!r}: needs {need_lw}x{need}, has {lw}x{lh}")
        top_left = control.mapTo(panel, QPoint(0, 0))
        box = QRect(top_left, geo.size())
        if control.parentWidget() is not None and viewport.isAncestorOf(control):
            right = control.mapTo(viewport, QPoint(w, 0)).x()
            if right > viewport.width():
                problems.append(f"{name}: right edge {right} beyond {viewport.width()}")
        elif box.right() >= panel.width() or box.bottom() >= panel.height():
            problems.append(f"{name}: outside the panel at {box.getRect()}")
        boxes.append((name, box))
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        if box_a.intersects(box_b):
            problems.append(f"{a} overlaps {b}")
    header_text = panel.title
    if header_text.heightForWidth(header_text.width()) > header_text.height():
        problems.append("title is cut off")
    return problems


SIZES = [(1366, 768), (1080, 1920), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("dyslexic", [False, True], ids=["reading-font", "dyslexic-font"])
def test_nothing_is_clipped_at_250_percent(
    qtbot,  # type: ignore[no-untyped-def]
    make_panel: MakePanel,
    size: tuple[int, int],
    dyslexic: bool,
) -> None:
    look = Look(text_scale=2.5, dyslexic_font=dyslexic, wide_spacing=dyslexic)
    panel = make_panel(size, look)
    assert _clipping(panel) == []
    # The list scrolls instead: the last control in it can be brought into view.
    viewport = panel.scroll_area.viewport()
    last = [c for c in panel.controls() if viewport.isAncestorOf(c)][-1]
    panel.scroll_area.ensureWidgetVisible(last)
    QApplication.processEvents()
    top = last.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + last.height() <= viewport.height()


def test_reflows_when_the_text_grows_while_open(qtbot, make_panel: MakePanel, fonts: Fonts) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel((1366, 768))
    panel.lookChanged.connect(lambda look: restyle(panel, look, fonts))
    for scale in TEXT_SIZES:
        panel.size_buttons[scale].click()
        assert _clipping(panel) == [], scale  # at once, not after a frame of overlap
    panel.resize(1080, 1920)
    QApplication.processEvents()
    assert _clipping(panel) == []


def test_focus_scrolls_into_view_at_250_percent(make_panel: MakePanel) -> None:
    panel = make_panel((1366, 768), Look(text_scale=2.5))
    controls = panel.controls()
    controls[0].setFocus()
    viewport = panel.scroll_area.viewport()
    for _ in range(len(controls) - 1):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        assert isinstance(focused, QPushButton)
        if viewport.isAncestorOf(focused):
            top = focused.mapTo(viewport, QPoint(0, 0)).y()
            assert top >= 0 and top + min(focused.height(), viewport.height()) <= (
                viewport.height()
            ), focused.objectName()


# --- over the kiosk window -----------------------------------------------------------------
def test_over_the_window_it_covers_and_keeps_keys_from_the_cards(
    qtbot,  # type: ignore[no-untyped-def]
    window: KioskWindow,
) -> None:
    window.show_card(2)
    host = window.centralWidget()
    assert isinstance(host, QWidget)
    panel = DisplaySettingsPanel(window.look, window.metrics)

    def apply(look: Look) -> None:
        window.set_look(look)
        window.setStyleSheet(window.styleSheet() + stylesheet_rules(look.theme, window.metrics))
        panel.apply_metrics(window.metrics)
        panel.set_look(look)

    panel.lookChanged.connect(apply)
    panel.show_over(host)
    QApplication.processEvents()
    assert panel.geometry() == host.rect()
    assert QApplication.focusWidget() is panel.controls()[0]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert window.cards.index == 2  # the card behind did not turn
    panel.theme_buttons["dark"].click()
    assert window.look.theme is THEMES["dark"]
    panel.size_buttons[2.0].click()
    assert window.look.text_scale == 2.0 and window.metrics.text_scale == 2.0
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: panel.geometry() == host.rect())
    panel.controls()[1].setFocus()
    with qtbot.waitSignal(panel.closed, timeout=1000):
        QTest.keyClick(panel.controls()[1], Qt.Key.Key_Escape)
    assert window.current_screen() == "card" and window.cards.index == 2
    assert not panel.isVisible()
