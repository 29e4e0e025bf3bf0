"""The one style sheet, generated from a Theme and Metrics. Kept small: it is parsed at start-up."""

from __future__ import annotations

from .theme import Metrics, Theme


def stylesheet(t: Theme, m: Metrics, family: str) -> str:
    pad = m.px(18)
    border = max(2, m.px(3))
    # min-height sizes the content box; subtracting the border keeps every button exactly
    # `target` tall. Focus does not touch the border (focus_ring.py paints the ring inside).
    inner = m.target - 2 * border
    return f"""
QWidget#kioskRoot {{ background: {t.background}; }}
QWidget {{ font-family: "{family}"; color: {t.text}; }}
QLabel {{ background: transparent; }}
QWidget#topBar {{
    background: {t.surface}; border-bottom: {max(2, m.px(3))}px solid {t.button_border};
}}
QLabel#brand {{ font-size: {m.small}px; font-weight: 700; color: {t.heading}; }}
QLabel#screenTitle {{ font-size: {m.title}px; font-weight: 700; color: {t.heading}; }}
QLabel#subtitle, QLabel#progress, QLabel#hint {{ font-size: {m.small}px; color: {t.muted}; }}
QLabel#moreBelow {{
    font-size: {m.small}px; font-weight: 700; color: {t.accent_text}; background: {t.accent};
    border-radius: {m.radius}px; padding: {m.px(8)}px {m.px(20)}px;
}}
QTextEdit#cardText {{
    font-size: {m.body}px; background: {t.surface}; border: none; border-radius: {m.radius}px;
    padding: {m.px(8)}px {m.px(24)}px;
}}
QPushButton {{
    font-size: {m.button_text}px; font-weight: 700; min-height: {inner}px;
    min-width: {inner}px; padding: 0 {pad}px; border-radius: {m.radius}px;
    color: {t.button_text}; background: {t.button};
    border: {border}px solid {t.button_border};
}}
QPushButton[role="primary"] {{
    color: {t.accent_text}; background: {t.accent}; border-color: {t.accent};
}}
QPushButton[role="tile"] {{
    text-align: left; padding: {pad}px; qproperty-titleColour: {t.heading};
    qproperty-detailColour: {t.muted}; qproperty-descriptionColour: {t.text};
    qproperty-titleSize: {m.button_text}; qproperty-detailSize: {m.small};
}}
QPushButton:pressed {{ background: {t.quote_bg}; }}
QPushButton[role="primary"]:pressed {{ background: {t.heading}; }}
QPushButton:disabled {{
    color: {t.disabled_text}; background: {t.disabled}; border-color: {t.disabled};
}}
QPushButton:focus {{ outline: none; }}
QTextEdit#cardText:focus {{ border: {m.focus_width}px solid {t.focus}; }}
QLabel#readAloudSpeed, QLabel#readAloudMessage {{ font-size: {m.small}px; color: {t.text}; }}
QScrollBar:vertical {{ width: {m.px(16)}px; background: {t.background}; }}
QScrollBar::handle:vertical {{ background: {t.muted}; border-radius: {m.px(8)}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
"""
