"""The four colour themes: the right names, and contrast for every pairing the kiosk paints.

tests/foundation/test_layout.py already holds body text to 7:1 and other text to 4.5:1; these
add the pairings that test does not list (framed boxes, pressed and checked states, swatches).
"""

from __future__ import annotations

import re

import pytest

from kiosk import config
from kiosk.ui.theme import THEMES, Theme, contrast_ratio, luminance

ALL = pytest.mark.parametrize("theme", list(THEMES.values()), ids=list(THEMES))


def test_theme_names_match_the_setting() -> None:
    assert list(THEMES) == ["standard", "high-contrast", "dark", "cream"]
    assert tuple(THEMES) == config.THEMES
    for name, theme in THEMES.items():
        assert theme.name == name
        assert theme.label


@ALL
def test_every_role_is_a_colour(theme: Theme) -> None:
    for role in Theme._fields:
        if role not in ("name", "label"):
            assert re.fullmatch(r"#[0-9A-F]{6}", getattr(theme, role)), role


@ALL
def test_text_in_boxes_and_states(theme: Theme) -> None:
    t = theme
    pairs = {
        "quote reference": (t.heading, t.quote_bg),
        "contact name": (t.heading, t.contact_bg),
        "contact tagline and QR caption": (t.muted, t.contact_bg),
        "heading in a reference box": (t.heading, t.ref_bg),
        "sentence highlight in a quotation": (t.quote_text, t.sentence_bg),
        "pressed button": (t.button_text, t.quote_bg),
        "pressed primary or checked button": (t.accent_text, t.heading),
        "button text on the window": (t.button_text, t.background),
        "body text on the window": (t.text, t.background),
    }
    for what, (fg, bg) in pairs.items():
        assert contrast_ratio(fg, bg) >= 4.5, (what, fg, bg)


@ALL
def test_outlines_are_visible(theme: Theme) -> None:
    # WCAG 1.4.11: boundaries that identify a control or a box need 3:1.
    t = theme
    pairs = {
        "button outline on window": (t.button_border, t.background),
        "button outline on panel": (t.button_border, t.surface),
        "primary button on window": (t.accent, t.background),
        "quotation box": (t.quote_border, t.surface),
        "reference box": (t.ref_border, t.surface),
        "contact box": (t.contact_border, t.surface),
        "focus ring on a button": (t.focus, t.button),
        "scroll bar": (t.muted, t.background),
    }
    for what, (fg, bg) in pairs.items():
        assert contrast_ratio(fg, bg) >= 3, (what, fg, bg)


@ALL
def test_swatches_show_their_theme_legibly_on_every_theme(theme: Theme) -> None:
    # A swatch is drawn in its own colours; its outline is drawn in the current theme's.
    for swatch in THEMES.values():
        assert contrast_ratio(swatch.text, swatch.surface) >= 7
        assert contrast_ratio(swatch.heading, swatch.surface) >= 7
        assert contrast_ratio(theme.button_border, theme.background) >= 3


def test_high_contrast_is_yellow_on_black_with_outlined_buttons() -> None:
    t = THEMES["high-contrast"]
    assert (t.text, t.background, t.surface) == ("#FFFF00", "#000000", "#000000")
    assert t.button_border != t.button
    assert contrast_ratio(t.button_border, t.button) >= 7
    assert contrast_ratio(t.focus, t.background) >= 7
    assert t.focus != t.button_border  # the ring must differ from every outline


def test_dark_has_no_glare() -> None:
    t = THEMES["dark"]
    assert luminance(t.background) > 0 and t.background != "#000000"
    assert t.text != "#FFFFFF" and luminance(t.text) < 0.9
    assert luminance(t.surface) < 0.05


def test_cream_is_a_low_glare_paper() -> None:
    t = THEMES["cream"]
    r, g, b = (int(t.surface[i : i + 2], 16) for i in (1, 3, 5))
    assert r > g > b and b >= 0xD0  # warm, not white
    assert luminance(t.text) < 0.03


@ALL
def test_focus_ring_bands_differ_by_9_to_1(theme: Theme) -> None:
    # focus_ring.py: with the bands 9:1 apart, one of them differs by at least sqrt(9) = 3:1
    # from any fill under it. test_focus_appearance.py measures the rendered ring itself.
    assert contrast_ratio(theme.focus_dark, theme.focus_light) >= 9
