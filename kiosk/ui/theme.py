"""Colours and sizes: themes as data, metrics derived from the window size and text scale.

Contrast is computed, not eyeballed: `contrast_ratio` follows WCAG 2.2's relative luminance,
and the tests hold every theme to 7:1 for body text and 4.5:1 for everything else.
"""

from __future__ import annotations

from typing import NamedTuple

from ..i18n import QT_TR_NOOP


class Theme(NamedTuple):
    """A colour scheme: every colour the style sheet and the painted parts use."""

    name: str
    label: str
    background: str  # window
    surface: str  # the reading panel
    text: str
    muted: str  # secondary text (progress, captions)
    heading: str
    accent: str  # primary buttons
    accent_text: str
    button: str  # secondary buttons
    button_text: str
    button_border: str
    disabled: str
    disabled_text: str
    quote_bg: str
    quote_border: str
    quote_text: str
    ref_bg: str
    ref_border: str
    contact_bg: str
    contact_border: str
    focus: str  # focus border on text areas
    # The focus ring on buttons (focus_ring.py): two bands at least 9:1 apart, so one of them
    # differs by 3:1 from whatever fill lies under it.
    focus_dark: str
    focus_light: str
    sentence_bg: str  # read-aloud highlight of the sentence being read
    word_bg: str
    word_text: str


STANDARD = Theme(
    name="standard",
    label=QT_TR_NOOP("Standard"),  # tr() where shown
    background="#E9EEF0",
    surface="#FFFFFF",
    text="#1C2326",
    muted="#3F4A4F",
    heading="#0B3B4A",
    accent="#0B5D6B",
    accent_text="#FFFFFF",
    button="#FFFFFF",
    button_text="#0B3B4A",
    button_border="#0B5D6B",
    disabled="#D5DCDF",
    disabled_text="#46545A",
    quote_bg="#EAF3F4",
    quote_border="#0B5D6B",
    quote_text="#1C2326",
    ref_bg="#FFF6DB",
    ref_border="#A66A00",
    contact_bg="#F2F6EC",
    contact_border="#3D6B21",
    focus="#C2410C",
    focus_dark="#0B3B4A",
    focus_light="#FFFFFF",
    sentence_bg="#FFF0A8",
    word_bg="#0B3B4A",
    word_text="#FFFFFF",
)

# Yellow on black, the long-standing low-vision choice; every box keeps a coloured outline
# because tinted backgrounds would dull the contrast that is the point of this theme.
HIGH_CONTRAST = Theme(
    name="high-contrast",
    label=QT_TR_NOOP("High contrast"),  # tr() where shown
    background="#000000",
    surface="#000000",
    text="#FFFF00",
    muted="#FFFFFF",
    heading="#FFFFFF",
    accent="#FFFF00",
    accent_text="#000000",
    button="#000000",
    button_text="#FFFF00",
    button_border="#FFFF00",
    disabled="#2E2E2E",
    disabled_text="#C8C8C8",
    quote_bg="#000000",
    quote_border="#00FFFF",
    quote_text="#FFFFFF",
    ref_bg="#000000",
    ref_border="#FF9F1C",
    contact_bg="#000000",
    contact_border="#7CFF6B",
    focus="#00FFFF",
    focus_dark="#000000",
    focus_light="#00FFFF",
    sentence_bg="#00307A",
    word_bg="#FFFFFF",
    word_text="#000000",
)

# Light grey on blue-grey: dark without the glare and halation of white on pure black.
DARK = Theme(
    name="dark",
    label=QT_TR_NOOP("Dark"),  # tr() where shown
    background="#1B252C",
    surface="#24313A",
    text="#E3E8EB",
    muted="#B4C0C7",
    heading="#F1F4F6",
    accent="#86CAD6",
    accent_text="#10191E",
    button="#24313A",
    button_text="#E3E8EB",
    button_border="#86CAD6",
    disabled="#33424C",
    disabled_text="#AAB6BD",
    quote_bg="#1E3A42",
    quote_border="#86CAD6",
    quote_text="#E3E8EB",
    ref_bg="#3A3222",
    ref_border="#E2AE55",
    contact_bg="#26382B",
    contact_border="#94C774",
    focus="#FFAA66",
    focus_dark="#10191E",
    focus_light="#FFAA66",
    sentence_bg="#4D4420",
    word_bg="#FFD970",
    word_text="#1B252C",
)

# Brown and navy on cream: the low-glare paper tint many dyslexic readers ask for.
CREAM = Theme(
    name="cream",
    label=QT_TR_NOOP("Cream"),  # tr() where shown
    background="#EFE4C6",
    surface="#FBF3DC",
    text="#2E2216",
    muted="#5A4733",
    heading="#1E2F4F",
    accent="#1E3A5F",
    accent_text="#FBF3DC",
    button="#FBF3DC",
    button_text="#1E2F4F",
    button_border="#1E3A5F",
    disabled="#E0D5B7",
    disabled_text="#574A36",
    quote_bg="#F3E7C2",
    quote_border="#1E3A5F",
    quote_text="#2E2216",
    ref_bg="#F8E2B0",
    ref_border="#8F5A00",
    contact_bg="#EAEED5",
    contact_border="#4A6A26",
    focus="#B33C00",
    focus_dark="#1E2F4F",
    focus_light="#FBF3DC",
    sentence_bg="#F4D46E",
    word_bg="#1E2F4F",
    word_text="#FBF3DC",
)

THEMES: dict[str, Theme] = {t.name: t for t in (STANDARD, HIGH_CONTRAST, DARK, CREAM)}


class Fonts(NamedTuple):
    """Families registered at start-up: the reading font and the dyslexia-friendly option."""

    reading: str
    dyslexic: str


class Look(NamedTuple):
    """Everything a visitor can change about how the kiosk looks; reset for each visitor."""

    theme: Theme = STANDARD
    text_scale: float = 1.0  # 1.0 to 2.5
    dyslexic_font: bool = False
    wide_spacing: bool = False  # WCAG 1.4.12: line 1.5, paragraphs 2x, letters 0.12, words 0.16
    reduced_motion: bool = False

    def family(self, fonts: Fonts) -> str:
        return fonts.dyslexic if self.dyslexic_font else fonts.reading


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    hexa = colour.lstrip("#")
    r, g, b = (int(hexa[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


# Design sizes are for 1920x1080 at 100% text; everything scales from these.
DESIGN_LONG, DESIGN_SHORT = 1920, 1080
BODY_PX = 36  # 36 px Atkinson Hyperlegible: capitals about 6.3 mm on a 23-inch 1080p screen
MIN_TARGET_PX = 88  # 2 cm at 1920x1080 on a 23-inch screen
BUTTON_TEXT_PX = 34


class Metrics(NamedTuple):
    """Pixel sizes for one window size and text scale."""

    scale: float
    text_scale: float
    portrait: bool

    @classmethod
    def for_size(cls, width: int, height: int, text_scale: float = 1.0) -> Metrics:
        long_side, short_side = max(width, height), min(width, height)
        scale = min(long_side / DESIGN_LONG, short_side / DESIGN_SHORT)
        # Below 1080p the glyphs would drop under a readable size; let the card scroll instead.
        return cls(max(scale, 0.85), text_scale, height > width)

    def px(self, design: float) -> int:
        return round(design * self.scale)

    def text_px(self, design: float) -> int:
        return round(design * self.scale * self.text_scale)

    @property
    def body(self) -> int:
        return self.text_px(BODY_PX)

    @property
    def title(self) -> int:
        return self.text_px(50)

    @property
    def chrome_scale(self) -> float:
        """How much labels on buttons, tiles and bars grow: with the text up to 150%, then
        half as fast (200% at 250%), so a button keeps its height in the bar and the bars
        keep room for the card text, which is what needs reading."""
        t = self.text_scale
        return t if t <= 1.5 else 1.5 + (t - 1.5) / 2

    def chrome_px(self, design: float) -> int:
        return round(design * self.scale * self.chrome_scale)

    @property
    def small(self) -> int:
        return self.chrome_px(30)

    @property
    def button_text(self) -> int:
        return self.chrome_px(BUTTON_TEXT_PX)

    @property
    def target(self) -> int:
        return max(MIN_TARGET_PX, self.px(104))

    @property
    def margin(self) -> int:
        return self.px(32)

    @property
    def gap(self) -> int:
        return self.px(20)

    @property
    def radius(self) -> int:
        return self.px(14)

    @property
    def focus_width(self) -> int:
        return max(3, self.px(5))
