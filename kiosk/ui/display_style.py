"""The display panel's style sheet rules (kiosk/ui/display_settings.py), apart from the
panel so the window can build its style sheet without making the panel."""

from __future__ import annotations

from collections.abc import Iterable

from .theme import THEMES, Metrics, Theme

TEXT_SIZES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5)
SAMPLE_PX = 34  # the "A" on each text-size button, at 100%


def stylesheet_rules(t: Theme, m: Metrics, themes: Iterable[Theme] | None = None) -> str:
    """Rules for the panel, to append to `style.stylesheet`; `themes` are the swatches."""
    line = max(2, m.px(3))
    rules = [
        f"""
QWidget#displaySettings, QWidget#displayContent {{ background: {t.background}; }}
QScrollArea#displayScroll {{ background: {t.background}; border: none; }}
QWidget#displayHeader {{
    background: {t.surface}; border-bottom: {line}px solid {t.button_border};
}}
QLabel#displayTitle {{ font-size: {m.chrome_px(44)}px; font-weight: 700; color: {t.heading}; }}
QLabel#displayHint {{ font-size: {m.small}px; color: {t.muted}; }}
QLabel#displaySectionTitle {{
    font-size: {m.button_text}px; font-weight: 700; color: {t.heading};
}}
QPushButton[role="choice"], QPushButton[role="toggle"], QPushButton[role="reset"] {{ padding: 0; }}
QLabel[part="caption"], QLabel[part="state"] {{
    font-size: {m.button_text}px; font-weight: 700; color: {t.button_text};
}}
QLabel[part="caption"][on="true"], QLabel[part="state"][on="true"],
QLabel[part="sample"][on="true"] {{ color: {t.accent_text}; }}
QPushButton[role="choice"]:checked, QPushButton[role="toggle"]:checked {{
    background: {t.accent}; border-color: {t.accent};
}}
QPushButton[role="choice"]:checked:pressed, QPushButton[role="toggle"]:checked:pressed {{
    background: {t.heading}; border-color: {t.heading};
}}
QLabel[part="sample"] {{ color: {t.button_text}; font-weight: 700; }}
"""
    ]
    for scale in TEXT_SIZES:
        # The samples show each step's relative size, so they ignore the current text scale.
        rules.append(
            f"QLabel#textSize-{round(scale * 100)}-sample "
            f"{{ font-size: {m.px(SAMPLE_PX * scale)}px; }}\n"
        )
    for s in themes if themes is not None else THEMES.values():
        # A swatch is a small piece of its theme: its own surface, text, heading and accent.
        # The outline uses the current theme, since it sits on its background.
        key = f"theme-{s.name}"
        rules.append(
            f"""
QPushButton#{key} {{
    background: {s.surface}; border: {line}px solid {t.button_border}; padding: 0;
}}
QPushButton#{key}:pressed {{ background: {s.background}; }}
QPushButton#{key}:checked {{ border: {m.px(8)}px solid {t.heading}; }}
QLabel#{key}-sample {{ color: {s.text}; font-size: {m.chrome_px(44)}px; font-weight: 700; }}
QLabel#{key}-caption, QLabel#{key}-state {{ color: {s.heading}; }}
QFrame#{key}-chip {{ background: {s.accent}; border-radius: {m.px(4)}px; }}
"""
        )
    return "".join(rules)
