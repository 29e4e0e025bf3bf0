"""The kiosk's own words come from a translation catalogue, in the open leaflet's language.

Through the wired kiosk window, with small test catalogues (tests/i18n/*.ts, compiled by Qt's
lrelease into the content folder's translations/, where a council would put its own).
"""

from __future__ import annotations

import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.app import Kiosk
from kiosk.content import Library, load_library
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.kiosk_words import bypasses
from tests.helpers.leaflets import add_catalogues, library_folder, lupdate
from tests.kiosk.conftest import spoken
from tests.library._kiosk import library_kiosk

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    root = library_folder(tmp_path_factory.mktemp("t") / "content")
    add_catalogues(root, "cy", "ar")
    return load_library(root)


@pytest.fixture
def kiosk(qtbot, library: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    yield from library_kiosk(qtbot, library, fonts, tmp_path)


def _open(window: KioskWindow, leaflet_id: str) -> None:
    window.leave_attract()
    if window.current_screen() != "library":
        window.show_library()
    index = [lf.id for lf in window.library.leaflets].index(leaflet_id)
    window.library_screen.tiles[index].click()  # type: ignore[union-attr]
    QApplication.processEvents()


def test_a_welsh_leaflet_gets_the_kiosks_words_in_welsh(kiosk: Kiosk) -> None:
    window = kiosk.window
    assert kiosk.reading is not None
    _open(window, "help-cy")
    assert window.home.start.text() == "Dechrau darllen  ▶"
    assert window.all_leaflets.text() == "Pob taflen"
    window.show_card(0)
    cards = window.cards
    assert cards.back.text() == "◀  Yn ôl" and cards.back.accessibleName() == "Yn ôl"
    assert cards.next.text() == "Nesaf  ▶" and cards.next.accessibleName() == "Nesaf"
    assert cards.progress.text() == "Cerdyn 1 o 2"
    assert kiosk.reading.bar.read_button.text() == "Darllen yn uchel"
    # A word the catalogue lacks stays in English.
    assert cards.home.text() == "⌂  Home"
    assert kiosk.reading.bar.stop_button.accessibleName() == "Stop reading"
    # The kiosk's spoken words too: the end of the last card is said in Welsh.
    window.show_card(1)
    kiosk.reading.bar.read_button.click()
    said = [u.text for u in kiosk.reading._script]  # type: ignore[attr-defined]
    assert said[-1] == "Diwedd y cerdyn. Dyma ddiwedd y daflen."
    assert spoken(kiosk)[-1] in said
    kiosk.reading.stop()
    # An overlay built on first use is in the language of the leaflet it was built in...
    assert window.idle_warning.heading.text() == "Ydych chi dal yna?"
    # Back to the list: the kiosk's own screens speak English again.
    window.all_leaflets.click()
    QApplication.processEvents()  # Qt posts LanguageChange to the windows
    assert window.current_screen() == "library"
    assert window.all_leaflets.text() == "All leaflets"
    # ...and is built again in the new one when next needed.
    assert window.idle_warning.heading.text() == "Are you still there?"
    assert cards.back.text() == "◀  Back"
    assert kiosk.reading.bar.read_button.text() == "Read aloud"
    _open(window, "sen-disagreements")
    window.show_card(0)
    QApplication.processEvents()
    assert cards.progress.text().startswith("Card 1 of ")
    assert window.home.start.text() == "Start reading  ▶"


def test_a_translated_label_on_a_right_to_left_page(kiosk: Kiosk) -> None:
    window = kiosk.window
    _open(window, "help-ar")
    window.show_card(0)
    cards = window.cards
    # Shown left to right in exactly this order: the arrow at the outer edge of each.
    assert cards.next.text() == "\u200e◀  التالي" and cards.back.text() == "\u200eرجوع  ▶"
    assert cards.home.text() == "⌂  Home"


def test_a_language_without_a_catalogue_stays_in_english(
    qtbot, fonts: Fonts, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    library = load_library(library_folder(tmp_path / "content", "welsh"))
    window = KioskWindow(library, fonts, with_attract=True)
    qtbot.addWidget(window)
    window.resize(1920, 1080)
    caplog.set_level(logging.INFO, "kiosk.i18n")
    for _ in range(2):
        _open(window, "help-cy")
        window.show_card(0)
        assert window.cards.back.text() == "◀  Back"
        assert window.all_leaflets.text() == "All leaflets"
    notes = [r.getMessage() for r in caplog.records if r.name == "kiosk.i18n"]
    assert len(notes) == 1 and "'cy'" in notes[0], notes
    window.allow_close = True


# The screens and voices a visitor (or staff) meets.
VISITOR_FACING = [
    *sorted((REPO / "kiosk" / "ui").glob("*.py")),
    *(REPO / "kiosk" / name for name in ("app.py", "audio_mode.py", "reading.py")),
    REPO / "kiosk" / "speech" / "narration.py",
]


def test_no_visitor_facing_words_bypass_the_catalogue() -> None:
    found = [str(b) for path in VISITOR_FACING for b in bypasses(path, REPO)]
    assert not found, "\n".join(found)


def test_the_scan_finds_words_that_bypass_it(tmp_path: Path) -> None:
    """The scan itself: each way words can reach the screen untranslated is caught."""
    source = tmp_path / "screen.py"
    source.write_text(
        "TITLE = 'Choose one'\n"
        "MARKED = QT_TR_NOOP('Marked')\n"
        "label.setText('Hello there')\n"
        "label.setText(f'Card {n} of {total}')\n"
        "big_button('◀', 'back', 'Go back.')\n"
        "QLabel(TITLE)\n"
        "QLabel(MARKED)\n"
        "label.setText(tr('Fine'))\n"
        "QLabel(tr(MARKED))\n"
        "label.setText('▼ 29')\n"
        "label.setText(leaflet.title)\n"
        "label.setText(f'◀  {tr(\"Back\")}')\n"
        "label.setText('◀  ' + tr('Back'))\n"
        "HelpPage('keep', tr('Keep'), spoken='Kiosk help.')\n"
        "PageItem(term.term, '', 'term:x', 'See what it means.')\n"
    )
    lines = [b.line for b in bypasses(source, tmp_path)]
    assert lines == [3, 4, 5, 6, 7, 12, 14, 15]


def _sources(catalogue: Path) -> set[str]:
    return {s.text or "" for s in ElementTree.parse(catalogue).iter("source")}


def test_the_english_catalogue_holds_every_word_of_the_code(tmp_path: Path) -> None:
    """translations/kiosk.ts is what translators start from: scripts/translations keeps it
    up to date, and this fails when a word was added to the code but not to it."""
    fresh = tmp_path / "kiosk.ts"
    code = sorted(str(p) for p in (REPO / "kiosk").rglob("*.py"))
    subprocess.run(
        [str(lupdate()), *code, "-ts", str(fresh), "-no-obsolete", "-locations", "none"],
        check=True,
        capture_output=True,
    )
    committed = _sources(REPO / "translations" / "kiosk.ts")
    assert committed == _sources(fresh), "run scripts/translations"
    assert {"Back", "Home", "Next", "Read aloud", "Card {number} of {total}"} <= committed
