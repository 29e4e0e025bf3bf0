"""A leaflet is read aloud in a voice of its own language (leaflet.toml `language`)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import Kiosk
from kiosk.content import Library, load_library
from kiosk.speech.voices import match_voice
from kiosk.ui.main_window import KioskWindow
from kiosk.ui.theme import Fonts
from tests.helpers.fake_speech import FakeEngine
from tests.helpers.leaflets import library_folder
from tests.kiosk.conftest import shown_kiosk

ESPEAK = ["gmw/en", "gmw/en-gb-x-rp", "gmw/en-us", "cel/cy", "sem/ar", "roa/pap", "inc/pa"]


@pytest.mark.parametrize(
    ("language", "chosen", "voice"),
    [
        ("cy", "gmw/en", "cel/cy"),
        ("CY", "gmw/en", "cel/cy"),
        ("en-GB", "gmw/en", "gmw/en"),
        # Staff's choice stands for leaflets in its language.
        ("en-GB", "gmw/en-gb-x-rp", "gmw/en-gb-x-rp"),
        ("en-US", "cel/cy", "gmw/en-us"),
        ("en", "cel/cy", "gmw/en"),
        ("pa", "gmw/en", "inc/pa"),  # the whole subtag: never Papiamento for Punjabi
        ("so", "gmw/en", None),
        ("", "gmw/en", None),
    ],
)
def test_match_voice(language: str, chosen: str, voice: str | None) -> None:
    assert match_voice(language, ESPEAK, chosen) == voice


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(library_folder(tmp_path_factory.mktemp("v") / "content"))


@pytest.fixture
def kiosk(qtbot, library: Library, fonts: Fonts, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    window = KioskWindow(library, fonts)
    made = shown_kiosk(qtbot, window, tmp_path)
    yield made
    made.shutdown()
    window.allow_close = True


def _read(kiosk: Kiosk, leaflet_id: str) -> str:
    """Open `leaflet_id`, press Read aloud on its first card; the voice the engine was asked."""
    window = kiosk.window
    index = [lf.id for lf in window.library.leaflets].index(leaflet_id)
    window.open_leaflet(index)
    window.show_card(0)
    assert kiosk.reading is not None and kiosk.speech is not None
    kiosk.reading.bar.read_button.click()
    engine = kiosk.speech._engine  # type: ignore[attr-defined]
    assert isinstance(engine, FakeEngine)
    request = engine.requests[-1]
    assert request.text in {u.text for u in kiosk.reading._script}  # type: ignore[attr-defined]
    kiosk.reading.stop()
    return request.voice


def test_each_leaflet_is_read_in_its_languages_voice(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    assert kiosk.speech is not None
    kiosk.speech._engine.voice_list.append("cel/cy")  # type: ignore[attr-defined]
    caplog.set_level(logging.WARNING, "kiosk.speech")
    assert _read(kiosk, "help-cy") == "cel/cy"
    assert _read(kiosk, "sen-disagreements") == "gmw/en"
    # The kiosk's own words (an announcement) stay in the kiosk's voice.
    kiosk.speech.speak([])
    assert kiosk.speech._params().voice == "gmw/en"  # type: ignore[attr-defined]
    assert not caplog.records


def test_a_language_without_a_voice_falls_back_with_one_warning(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, "kiosk.speech")
    # The fake engine has English voices only: nothing speaks Arabic.
    assert _read(kiosk, "help-ar") == "gmw/en"
    assert _read(kiosk, "help-ar") == "gmw/en"
    warnings = [r.getMessage() for r in caplog.records if r.name == "kiosk.speech"]
    assert len(warnings) == 1, warnings
    assert "'help-ar'" in warnings[0] and "'ar'" in warnings[0] and "gmw/en" in warnings[0]
