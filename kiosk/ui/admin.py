"""Staff screens: the PIN pad (`admin_pin`), the usage figures (`admin_usage`) and the admin
screen (`admin_screen`), with the style sheet rules they share."""

from __future__ import annotations

from .admin_pin import DAMAGED_MESSAGE, PIN_PROMPT, PinPad, format_lock
from .admin_screen import DAMAGED_BANNER, NO_PIN_BANNER, AdminInfo, AdminScreen
from .admin_usage import Usage, UsageChart, UsageDay
from .theme import Metrics, Theme

__all__ = [
    "DAMAGED_BANNER",
    "DAMAGED_MESSAGE",
    "NO_PIN_BANNER",
    "PIN_PROMPT",
    "AdminInfo",
    "AdminScreen",
    "PinPad",
    "Usage",
    "UsageChart",
    "UsageDay",
    "format_lock",
    "stylesheet_rules",
]


def stylesheet_rules(t: Theme, m: Metrics) -> str:
    """Rules to append to the kiosk style sheet for the PIN pad and the admin screen."""
    border = max(2, m.px(3))
    # The details scroll area keeps a border in the page's colour: a scroll area's frame is
    # sized when it is styled, so a border only its focus rule gave would lie under the page.
    return f"""
QWidget#pinPad, QWidget#adminScreen {{ background: {t.background}; }}
QFrame#pinPanel {{
    background: {t.surface}; border: {border}px solid {t.button_border};
    border-radius: {m.px(24)}px;
}}
QLabel#pinTitle, QLabel#adminTitle {{
    font-size: {m.title}px; font-weight: 700; color: {t.heading};
}}
QLabel#pinMessage {{ font-size: {m.small}px; color: {t.text}; }}
QLabel#pinDots {{
    font-size: {m.text_px(48)}px; color: {t.heading}; background: {t.background};
    border-radius: {m.radius}px;
}}
QLabel#adminBanner {{
    font-size: {m.body}px; font-weight: 700; color: {t.text}; background: {t.ref_bg};
    border: {border}px solid {t.ref_border}; border-radius: {m.radius}px;
    padding: {m.px(16)}px {m.px(24)}px;
}}
QWidget#adminBody {{ background: {t.background}; }}
QLabel#adminSection {{
    font-size: {m.text_px(40)}px; font-weight: 700; color: {t.heading};
    padding-top: {m.px(16)}px;
}}
QLabel#adminKey {{ font-size: {m.small}px; font-weight: 700; color: {t.muted}; }}
QLabel#adminVersion, QLabel#adminConfigFile, QLabel#adminContent, QLabel#adminTotals,
QLabel#adminNoProblem {{ font-size: {m.small}px; color: {t.text}; }}
QLabel#adminProblem {{
    font-size: {m.small}px; color: {t.text}; background: {t.ref_bg};
    border-left: {m.px(8)}px solid {t.ref_border}; padding: {m.px(8)}px {m.px(16)}px;
}}
QLabel#adminLog {{
    font-family: "DejaVu Sans Mono", "Consolas", monospace; font-size: {m.text_px(24)}px;
    color: {t.text}; background: {t.surface}; border-radius: {m.radius}px;
    padding: {m.px(16)}px;
}}
QWidget#usageChart {{
    font-size: {m.text_px(24)}px; qproperty-barColor: {t.accent};
    qproperty-axisColor: {t.muted}; qproperty-labelColor: {t.text};
}}
QTableWidget#usageTable {{
    font-size: {m.small}px; background: {t.surface}; color: {t.text};
    gridline-color: {t.disabled}; border: none; border-radius: {m.radius}px;
}}
QTableWidget#usageTable QHeaderView::section {{
    font-size: {m.text_px(26)}px; font-weight: 700; color: {t.heading};
    background: {t.quote_bg}; border: none; padding: {m.px(8)}px;
}}
QScrollArea#adminScroll {{
    background: {t.background}; border: {m.focus_width}px solid {t.background};
}}
QScrollArea#adminScroll:focus {{ border-color: {t.focus}; }}
QScrollArea#adminScroll QScrollBar:vertical {{ width: {m.px(36)}px; }}
"""
