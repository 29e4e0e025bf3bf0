"""The kiosk's help on screen: help first on home, Get help on every card, words marked and
explained, always marked as the kiosk's help and never as the leaflet."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.content import Library
from kiosk.content.glossary import find_terms
from kiosk.content.help import HelpLoad
from kiosk.content.text import card_units
from kiosk.ui.help_screen import HELP_PROPERTY
from kiosk.ui.kiosk_help import KioskHelp
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts, Look
from tests.foundation.test_qr import decode


def helper(window: KioskWindow) -> KioskHelp:
    assert window.kiosk_help is not None
    return window.kiosk_help


def test_home_shows_who_to_talk_to_from_leaflet_toml(
    help_window: KioskWindow, library: Library
) -> None:
    contact = library.leaflets[0].contacts["sendiass"]
    box = helper(help_window).box
    assert box is not None and box.isVisible()
    # Shown with zero-width break points so a long address can wrap at large text.
    texts = [label.text().replace("\u200b", "") for label in box.findChildren(QLabel)]
    assert f"Telephone: {contact.phone}" in texts
    assert f"Email: {contact.email}" in texts
    assert any(contact.organisation in t for t in texts)
    assert box.qr_data == [f"tel:{contact.phone.replace(' ', '')}", f"mailto:{contact.email}"]
    for field in ("phone", "email"):
        picture = box.findChild(QLabel, f"helpBoxQr-{field}")
        assert picture is not None
        image = picture.pixmap().toImage()
        assert decode(image) in box.qr_data
    first_tile = help_window.home.tiles[0]
    assert (
        box.mapTo(help_window, QPoint(0, 0)).y() < first_tile.mapTo(help_window, QPoint(0, 0)).y()
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_the_phone_number_is_on_screen_at_250_percent(
    qtbot, library: Library, fonts: Fonts, help_load: HelpLoad, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts, Look(text_scale=2.5), help=help_load)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_home()
    qtbot.wait(20)  # every layout the change asked for, done
    box = helper(window).box
    assert box is not None
    # The help's question and Start reading go under the title where they do not fit beside
    # it: at 1366x768 the page was 1526 px wide, cut off at the right.
    page = window.home.page_scroll
    assert page.widget().width() <= page.viewport().width()
    phone = next(x for x in box.findChildren(QLabel) if x.text().startswith("Telephone:"))
    top = phone.mapTo(window, QPoint(0, 0))
    assert top.y() >= 0 and top.y() + phone.height() <= window.height()
    assert top.x() + phone.sizeHint().width() <= window.width() + 1 or phone.wordWrap()
    assert box.width() <= window.width()


def test_get_help_on_every_card_opens_contacts_and_returns(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    target = kiosk_help.data.help_card
    assert target is not None
    assert help_window.leaflet.cards[target].id == "contacts-1"
    back = help_window.cards.back
    for index in range(len(help_window.leaflet.cards)):
        help_window.show_card(index)
        button = kiosk_help.get_help
        assert button.isVisible() and button.height() == back.height()
        if help_window.leaflet.cards[index].section_id == "contacts":
            assert not button.isEnabled(), "already on the contacts card"
            continue
        assert button.isEnabled() and button.accessibleName() == "Get help"
        button.click()
        assert help_window.cards.index == target
        assert button.accessibleName().startswith("Return to ")
        button.click()
        assert help_window.cards.index == index


def test_reading_on_from_the_contacts_forgets_the_way_back(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    help_window.show_card(5)
    kiosk_help.get_help.click()
    help_window.cards.go_back()  # the visitor reads on, into More information
    assert kiosk_help.return_to is None
    assert kiosk_help.get_help.accessibleName() == "Get help"


def test_get_help_from_home_returns_home(help_window: KioskWindow) -> None:
    """Audio mode's help key works from home too: contacts, then back to home."""
    kiosk_help = helper(help_window)
    help_window.show_home()
    kiosk_help.get_help_pressed()
    assert help_window.current_screen() == "card"
    assert kiosk_help.get_help.accessibleName() == "Return to the start screen"
    kiosk_help.get_help.click()
    assert help_window.current_screen() == "home"


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_home_still_fits_every_topic_at_ordinary_text(
    qtbot, library: Library, fonts: Fonts, help_load: HelpLoad, size: tuple[int, int]
) -> None:  # type: ignore[no-untyped-def]
    """Help first, without pushing any topic off the screen (a scrolling page would also
    delay every touch on a tile)."""
    window = KioskWindow(library, fonts, help=help_load)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.show_home()
    qtbot.waitUntil(lambda: window.home.page_scroll.viewport().height() > 0)
    assert window.home.page_scroll.verticalScrollBar().maximum() == 0


def test_marking_words_never_changes_the_leaflet_text(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    glossary = kiosk_help.data.glossary
    assert glossary is not None
    for index, card in enumerate(help_window.leaflet.cards):
        view = help_window.cards.view(index)
        expected = "\u2029".join(u.text for u in card_units(card))
        assert view.document().toPlainText().replace("\n", "\u2029") == expected
        assert not view.property(HELP_PROPERTY)
        for hit in find_terms(card, glossary):
            start = view.content.ranges[hit.unit][0] + hit.start
            cursor = view.textCursor()
            cursor.setPosition(start + 1)
            fmt = cursor.charFormat()
            assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine, (card.id, hit.term.term)


def test_touching_a_marked_word_explains_it_and_reads_it(qtbot, help_window: KioskWindow) -> None:  # type: ignore[no-untyped-def]
    kiosk_help = helper(help_window)
    index = help_window.leaflet.card_index("first-steps")
    help_window.show_card(index)
    view = help_window.cards.current_view
    assert view is not None
    glossary = kiosk_help.data.glossary
    assert glossary is not None
    hit = find_terms(view.card, glossary)[0]
    assert hit.term.term == "SENCO"
    cursor = view.textCursor()
    cursor.setPosition(view.content.ranges[hit.unit][0] + hit.start + 3)
    point = view.cursorRect(cursor).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert help_window.current_screen() == "help"
    page = kiosk_help.screen.page
    assert page is not None and page.title == "SENCO"
    assert kiosk_help.screen.read.isVisible()
    with qtbot.waitSignal(kiosk_help.speak) as said:
        kiosk_help.screen.read.click()
    assert said.args == [f"SENCO. {hit.term.explanation}"]
    QTest.keyClick(help_window, Qt.Key.Key_Escape)
    assert help_window.current_screen() == "card" and help_window.cards.index == index


def test_words_explained_tile_lists_every_term(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    tile = kiosk_help.words_tile
    assert tile is not None and tile in help_window.home.tiles
    tile.click()
    page = kiosk_help.screen.page
    assert page is not None and page.name == "words"
    glossary = kiosk_help.data.glossary
    assert glossary is not None
    assert [i.label for i in page.items] == [t.term for t in glossary.sorted_terms()]
    assert len(kiosk_help.screen.controls) == len(glossary.terms)
    kiosk_help.screen.controls[0].click()  # type: ignore[attr-defined]
    assert kiosk_help.screen.page is not None and kiosk_help.screen.page.name == "term"
    kiosk_help.screen.back.click()
    assert kiosk_help.screen.page.name == "words"
    kiosk_help.screen.back.click()
    assert help_window.current_screen() == "home"


def test_words_on_this_card(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    help_window.show_card(help_window.leaflet.card_index("mediation-2"))
    assert kiosk_help.card_words.isVisible()
    kiosk_help.card_words.click()
    page = kiosk_help.screen.page
    assert page is not None
    labels = [i.label for i in page.items]
    assert "mediation advice" in labels and "First-tier Tribunal (SEND)" in labels
    help_window.show_card(help_window.leaflet.card_index("contacts-1"))
    assert not kiosk_help.card_words.isVisible()


def help_widgets(window: KioskWindow) -> list[QWidget]:
    kiosk_help = helper(window)
    assert kiosk_help.box is not None
    found: list[QWidget] = [kiosk_help.screen, kiosk_help.box, kiosk_help.get_help]
    found += [kiosk_help.card_words, kiosk_help.keep, kiosk_help.to_route]
    for root in (kiosk_help.screen, kiosk_help.box):
        found += [
            w
            for w in root.findChildren(QWidget)
            if isinstance(w, QLabel) or w.focusPolicy() != Qt.FocusPolicy.NoFocus
        ]
    return found


def test_everything_added_is_marked_as_the_kiosks_help(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    kiosk_help.open_question()
    for widget in help_widgets(help_window):
        if widget.parent() is kiosk_help.screen.scroll_area:
            continue
        assert widget.property(HELP_PROPERTY) is True, widget.objectName()
    assert kiosk_help.screen.badge.text().startswith("Kiosk help")
    assert kiosk_help.screen.accessibleName().startswith("Kiosk help")
    sheet = help_window.styleSheet()
    assert "QWidget#helpScreen" in sheet and "dashed" in sheet


def test_help_controls_are_in_the_accessibility_tree(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    kiosk_help.open_question()
    controls = kiosk_help.screen.controls
    assert len(controls) == 5
    for control in [*controls, kiosk_help.screen.back, kiosk_help.get_help, kiosk_help.keep]:
        iface = QAccessible.queryAccessibleInterface(control)
        assert iface is not None and iface.isValid()
        assert iface.role() == QAccessible.Role.PushButton
        assert iface.text(QAccessible.Text.Name)
    title = QAccessible.queryAccessibleInterface(kiosk_help.screen.title)
    assert title is not None and "Kiosk help" in title.text(QAccessible.Text.Name)


def test_the_idle_reset_leaves_no_help_page_behind(help_window: KioskWindow) -> None:
    kiosk_help = helper(help_window)
    help_window.show_card(3)
    kiosk_help.get_help.click()
    kiosk_help.open_question()
    help_window.reset_to_start()
    assert help_window.current_screen() == "home"
    assert kiosk_help.history == [] and kiosk_help.return_to is None
    assert kiosk_help.route is None and kiosk_help.screen.page is None
    help_window.show_card(3)
    assert kiosk_help.get_help.accessibleName() == "Get help"
