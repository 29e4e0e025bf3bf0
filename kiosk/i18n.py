"""The kiosk's own words (buttons, hints, spoken help), from a Qt translation catalogue.

The words in the source are English, and English is complete: a word missing from a
catalogue is shown in English. Catalogues are Qt's: `kiosk_<language>.ts` files made and
updated with `pyside6-lupdate` (see scripts/translations), translated with Qt Linguist, and
compiled to `kiosk_<language>.qm` with `pyside6-lrelease`. The kiosk looks for the `.qm` of
the open leaflet's language in the content folder's `translations/` (a council adds its own
beside its leaflets) and then in the bundled `assets/translations/`.

Leaflets are never translated here: their words are the publisher's. The kiosk's words take
the language of the leaflet being read, and English everywhere else (the chooser, the
attract screen, the staff screens).

Every visitor-facing string goes through `tr()` (or is marked with `QT_TR_NOOP` where it is
defined and passed through `tr()` where it is shown); `pyside6-lupdate` finds both. One
context (""), so a word is translated once wherever it is used.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator

log = logging.getLogger("kiosk.i18n")

CATALOGUE = "kiosk"  # kiosk_cy.qm
SOURCE_LANGUAGE = "en"


def translation_folders(content_root: Path) -> list[Path]:
    """Where the kiosk looks for catalogues, first found wins: the council's, then ours."""
    from . import paths

    return [content_root / "translations", paths.asset("translations")]


def tr(text: str) -> str:
    """`text` (English) in the kiosk's current language, or as it is."""
    return QCoreApplication.translate("", text)


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """Marks `text` for the catalogue where it is defined; `tr()` it where it is shown."""
    return text


class Catalogues(QObject):
    """Installs the catalogue of one language at a time into the application."""

    def __init__(self, folders: list[Path], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folders = folders
        self.language = SOURCE_LANGUAGE
        self._translator: QTranslator | None = None
        self._missing: set[str] = set()

    def use(self, language: str) -> bool:
        """Speak `language` (a BCP 47 tag from leaflet.toml); English if there is no
        catalogue for it. True if a catalogue was found (or English was asked for)."""
        primary = language.replace("_", "-").partition("-")[0].lower()
        if primary == self.language:
            return True
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)  # Qt sends LanguageChange
        self._translator = None
        self.language = SOURCE_LANGUAGE
        if primary in ("", SOURCE_LANGUAGE):
            return True
        translator = QTranslator(self)
        locale = QLocale(language.replace("-", "_"))
        for folder in self.folders:
            if translator.load(locale, CATALOGUE, "_", str(folder), ".qm"):
                if app is not None:
                    app.installTranslator(translator)  # Qt sends LanguageChange
                self._translator = translator
                self.language = primary
                return True
        if primary not in self._missing:
            self._missing.add(primary)
            # Not a fault: most councils will not translate the kiosk's words.
            log.info("no catalogue of the kiosk's words for %r; they stay in English", language)
        return False


class _OnLanguageChange(QObject):
    def __init__(self, watched: QObject, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        return False


def on_language_change(widget: QObject, callback: Callable[[], None]) -> None:
    """Call `callback` (which sets `widget`'s words again) whenever the language changes."""
    _OnLanguageChange(widget, callback)
