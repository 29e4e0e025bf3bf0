"""The fast layer of the screen-reader checks: Qt's own accessibility interfaces, in-process.

`QAccessible.queryAccessibleInterface` gives, offscreen, the role, name, description, state
and text that Qt hands to AT-SPI (tests/a11y/test_atspi.py checks the real bus, slowly).
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAbstractButton, QPushButton, QTextEdit, QWidget

from kiosk.content.text import card_units
from kiosk.ui.card_view import CardView
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.style import stylesheet
from kiosk.ui.theme import THEMES, Metrics, contrast_ratio

MIN_FOCUS_WIDTH = 3  # px at 1920x1080
MIN_FOCUS_CONTRAST = 3.0  # WCAG 1.4.11 non-text contrast
INTERNAL = {"\ufdd0": "U+FDD0", "\ufdd1": "U+FDD1", "\ufffc": "U+FFFC", "\u2029": "U+2029"}
Role = QAccessible.Role


def iface(widget: QWidget) -> QAccessibleInterface:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None and interface.isValid(), widget.objectName()
    return interface


def tab_focusable(root: QWidget) -> list[QWidget]:
    """Visible widgets under `root` that Tab can stop on, in the order Qt found them."""
    return [
        w
        for w in root.findChildren(QWidget)
        if w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    ]


def label(widget: QWidget) -> str:
    return f"{type(widget).__name__} #{widget.objectName() or '?'} ({widget.accessibleName()!r})"


def check_controls(window: KioskWindow, where: str) -> list[str]:
    """Problems a screen reader user would meet with the focusable controls now showing."""
    problems = []
    for widget in tab_focusable(window):
        interface = iface(widget)
        name = interface.text(QAccessible.Text.Name).strip()
        description = interface.text(QAccessible.Text.Description).strip()
        state = interface.state()
        if not name:
            problems.append(f"{where}: {label(widget)} has no accessible name")
        if not description:
            problems.append(f"{where}: {label(widget)} has no accessible description")
        if not state.focusable or state.invisible:
            problems.append(f"{where}: {label(widget)} not focusable/visible to assistive tech")
        if isinstance(widget, QAbstractButton):
            # A toggle (checkable) is announced as a check box with its state; a button as one.
            checkable = widget.isCheckable()
            wanted = (Role.Button, Role.CheckBox) if checkable else (Role.Button,)
            if interface.role() not in wanted or bool(state.checkable) != checkable:
                problems.append(f"{where}: {label(widget)} has role {interface.role()}, not Button")
        if isinstance(widget, QTextEdit) and interface.role() not in (
            Role.EditableText,
            Role.StaticText,
            Role.Document,
        ):
            problems.append(f"{where}: {label(widget)} has role {interface.role()}, not text")
    return problems


def card_text(view: CardView) -> str:
    text = iface(view).textInterface()
    assert text is not None, "the card text widget has no QAccessibleTextInterface"
    return text.text(0, text.characterCount())


def words(text: str) -> str:
    """Text with Qt's placeholders and runs of white space folded to single spaces."""
    for char in INTERNAL:
        text = text.replace(char, " ")
    return " ".join(text.split())


# --- names, descriptions, roles --------------------------------------------------------------
def test_window_has_a_name(window: KioskWindow) -> None:
    interface = iface(window)
    assert interface.role() == Role.Window
    assert interface.text(QAccessible.Text.Name) == window.leaflet.title


def test_home_controls_are_named_described_and_buttons(window: KioskWindow) -> None:
    assert window.current_screen() == "home"
    focusable = tab_focusable(window)
    assert window.home.start in focusable
    assert set(window.home.tiles) <= set(focusable)
    assert not check_controls(window, "home")


def test_every_card_controls_are_named_described_and_typed(window: KioskWindow) -> None:
    problems = []
    for index in range(len(window.leaflet.cards)):
        window.show_card(index)
        focusable = tab_focusable(window)
        view = window.cards.current_view
        assert view is not None and view in focusable, index
        for button in (window.cards.home, window.cards.next):
            assert button in focusable, (index, button.objectName())
        problems += check_controls(window, f"card {index + 1}")
    assert not problems, "\n".join(sorted(set(problems)))


def test_next_is_named_for_what_it_does(window: KioskWindow) -> None:
    window.show_card(0)
    nxt = iface(window.cards.next)
    assert nxt.text(QAccessible.Text.Name) == "Next"
    assert window.leaflet.cards[1].title in nxt.text(QAccessible.Text.Description)
    window.show_card(len(window.leaflet.cards) - 1)
    assert iface(window.cards.next).text(QAccessible.Text.Name) == "Finish"


def test_control_names_are_words_not_symbols(window: KioskWindow) -> None:
    """Orca reads "▶" as "black right-pointing triangle": arrows belong in the label only."""
    noisy = set()
    for index in (None, 0, 1):
        if index is not None:
            window.show_card(index)
        for widget in tab_focusable(window):
            name = iface(widget).text(QAccessible.Text.Name)
            symbols = [
                unicodedata.name(c, hex(ord(c))) for c in name if unicodedata.category(c) == "So"
            ]
            if symbols:
                noisy.add(f"{label(widget)}: {', '.join(symbols)}")
    assert not noisy, "accessible names with symbols a screen reader reads out:\n" + "\n".join(
        sorted(noisy)
    )


# --- the card text ---------------------------------------------------------------------------
def test_card_text_is_exposed_through_the_text_interface(window: KioskWindow) -> None:
    missing = []
    for index, card in enumerate(window.leaflet.cards):
        window.show_card(index)
        view = window.cards.current_view
        assert view is not None
        interface = iface(view)
        assert interface.text(QAccessible.Text.Name) == card.title
        assert interface.state().readOnly, "the card text must be announced read-only"
        exposed = words(card_text(view))
        for unit in card_units(card):
            if words(unit.text) not in exposed:
                missing.append(f"card {index + 1} ({card.title}): {unit.kind} {unit.text!r}")
    assert not missing, "text not exposed to assistive tech:\n" + "\n".join(missing)


def test_first_steps_sentence_is_exposed(window: KioskWindow) -> None:
    index = next(i for i, c in enumerate(window.leaflet.cards) if c.section_id == "first-steps")
    window.show_card(index)
    view = window.cards.current_view
    assert view is not None
    assert "you can also contact Rutland City Council." in card_text(view)


def test_card_text_reads_without_internal_characters(window: KioskWindow) -> None:
    """Qt's frame markers and image placeholders are noise (or glued-together words) in speech."""
    found = []
    for index, card in enumerate(window.leaflet.cards):
        window.show_card(index)
        view = window.cards.current_view
        assert view is not None
        text = card_text(view)
        hits = sorted({name for char, name in INTERNAL.items() if char in text})
        if hits:
            found.append(f"card {index + 1} ({card.title}): {', '.join(hits)}")
    assert not found, "\n".join(found)


# --- focus indicator -------------------------------------------------------------------------
FOCUS_RULE = re.compile(
    r"(?P<selector>[\w#]+):focus\s*\{[^}]*?border:\s*(?P<width>\d+)px\s+solid\s+(?P<colour>#[0-9A-Fa-f]{6})"
)


def focus_rules(sheet: str) -> dict[str, tuple[int, str]]:
    return {
        m["selector"]: (int(m["width"]), m["colour"].upper()) for m in FOCUS_RULE.finditer(sheet)
    }


def test_the_window_uses_a_visible_focus_rule(window: KioskWindow) -> None:
    # Buttons show focus with the ring focus_ring.py paints (Qt's own dotted rectangle is
    # turned off); tests/a11y_display/test_focus_appearance.py measures it in pixels.
    rules = focus_rules(window.styleSheet())
    assert "QTextEdit#cardText" in rules
    assert window.focus_ring.host is window


@pytest.mark.parametrize("theme_name", sorted(THEMES))
@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1280, 720)])
def test_focus_indicator_is_thick_and_contrasting(theme_name: str, size: tuple[int, int]) -> None:
    theme = THEMES[theme_name]
    rules = focus_rules(stylesheet(theme, Metrics.for_size(*size), "Sans"))
    assert set(rules) >= {"QTextEdit#cardText"}, rules
    for selector, (width, colour) in rules.items():
        assert width >= MIN_FOCUS_WIDTH, (selector, width)
        for ground in ("background", "surface"):
            ratio = contrast_ratio(colour, getattr(theme, ground))
            assert ratio >= MIN_FOCUS_CONTRAST, (selector, ground, round(ratio, 2))


def test_buttons_take_focus_from_tab_and_click(window: KioskWindow) -> None:
    for button in [window.home.start, *window.home.tiles, window.cards.next, window.cards.home]:
        assert isinstance(button, QPushButton)
        assert button.focusPolicy() == Qt.FocusPolicy.StrongFocus, label(button)
        assert button.autoDefault(), f"{label(button)} does not answer Enter"
