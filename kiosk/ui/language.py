"""A leaflet's language as Qt sees it: its name in that language and its text direction."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt


def locale_of(language: str) -> QLocale:
    """`language` is a BCP 47 tag from leaflet.toml ("en-GB", "cy", "ar")."""
    return QLocale(language.replace("-", "_"))


def native_name(language: str) -> str:
    """The language named in itself, as a visitor who reads it would look for it:
    "Cymraeg", "Polski", "العربية". An unknown tag is shown as written."""
    locale = locale_of(language)
    if locale.language() == QLocale.Language.C:
        return language
    if locale.language() == QLocale.Language.English:
        return "English"  # not "British English": the chooser names languages, not countries
    name = locale.nativeLanguageName()
    # Polish and Romanian write their names in lower case mid-sentence; this is a label.
    return name[:1].upper() + name[1:]


def direction(language: str) -> Qt.LayoutDirection:
    return locale_of(language).textDirection()


def is_right_to_left(language: str) -> bool:
    return direction(language) == Qt.LayoutDirection.RightToLeft
