"""The look of the kiosk's own help, apart from its screens: the window's style sheet holds it
from the start, and the help's screens (and the content's help files they read) are made only
after the first paint."""

from __future__ import annotations

from .theme import Metrics, Theme


def stylesheet_rules(t: Theme, m: Metrics) -> str:
    """The help's own look: a dashed frame in the focus colour and a badge, so it is never
    mistaken for the leaflet's cards."""
    dash = max(3, m.px(4))
    return f"""
QWidget#helpScreen {{
    background: {t.surface}; border: {dash}px dashed {t.accent};
}}
QLabel#helpBadge {{
    font-size: {m.small}px; font-weight: 700; color: {t.accent_text}; background: {t.accent};
    border-radius: {m.radius}px; padding: {m.px(6)}px {m.px(16)}px;
}}
QLabel#helpTitle {{ font-size: {m.chrome_px(50)}px; font-weight: 700; color: {t.heading}; }}
QLabel#helpText {{ font-size: {m.body}px; color: {t.text}; }}
QLabel#helpNote {{ font-size: {m.small}px; color: {t.muted}; }}
QWidget#helpBody, QScrollArea#helpScroll {{ background: {t.surface}; }}
QWidget#helpBox {{
    background: {t.surface}; border: {dash}px dashed {t.accent}; border-radius: {m.radius}px;
}}
QLabel#helpBoxHeading {{ font-size: {m.button_text}px; font-weight: 700; color: {t.heading}; }}
QLabel#helpBoxName {{ font-size: {m.text_px(40)}px; font-weight: 700; color: {t.heading}; }}
QLabel#helpBoxDetail {{ font-size: {m.text_px(38)}px; font-weight: 700; color: {t.text}; }}
QLabel#helpBoxCaption {{ font-size: {m.small}px; color: {t.muted}; }}
QPushButton[kioskHelp="true"] {{ border-style: dashed; }}
"""
