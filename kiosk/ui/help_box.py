"""Help first: the box at the top of home that says who to talk to and how, in the leaflet's
own words and numbers (its contact details from leaflet.toml, with their QR codes), and the
way in to "What is happening?". Marked as the kiosk's help, like every help screen.

Signals: routesRequested(), contactsRequested().
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QVBoxLayout, QWidget

from ..content.help import HELP_LABEL
from ..content.model import Contact
from .help_screen import mark_help
from .qr import payload, qr_image
from .theme import Metrics
from .widgets import big_button

# The leaflet's own labels; the website and social handles are on the contacts card.
QR_FIELDS = ("phone", "email")
QR_CAPTIONS = {"phone": "Scan to phone", "email": "Scan to email"}
LABELS = {"phone": "Telephone: ", "email": "Email: "}


class HelpBox(QWidget):
    routesRequested = Signal()
    contactsRequested = Signal()

    def __init__(
        self,
        contact: Contact | None,
        metrics: Metrics,
        *,
        has_routes: bool,
        has_contacts_card: bool,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("helpBox")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        mark_help(self)
        self.contact = contact
        who = contact.organisation if contact is not None else "someone"
        self.heading = QLabel(f"{HELP_LABEL} · Talk to {who}")
        self.heading.setObjectName("helpBoxHeading")
        self.heading.setWordWrap(True)
        mark_help(self.heading)
        self.details: list[QLabel] = []
        self.qr_labels: list[QLabel] = []
        self.qr_data: list[str] = []
        spoken: list[str] = []
        if contact is not None:
            spoken.append(contact.organisation)
            for field in QR_FIELDS:
                value = getattr(contact, field)
                if value:
                    text = LABELS[field] + value
                    label = self._label(text, "helpBoxDetail")
                    # Shown with break points after @ and dots, so a long address wraps at
                    # large text instead of running off the screen; read without them.
                    label.setText(LABELS[field] + re.sub(r"([@.])", "\\1\u200b", value))
                    self.details.append(label)
                    spoken.append(text)
        self.setAccessibleName(f"{HELP_LABEL}. Who to talk to: " + ". ".join(spoken))
        self.routes = big_button(
            "What is happening?",
            "whatIsHappening",
            "Kiosk help: choose what is happening to you, and see which of the leaflet's "
            "cards are about it.",
            role="primary",
        )
        self.contacts = big_button(
            "All contacts",
            "allContacts",
            "Open the leaflet's contacts card, with every phone number and email.",
        )
        for button in (self.routes, self.contacts):
            mark_help(button)
        self.routes.setVisible(has_routes)
        self.contacts.setVisible(has_contacts_card)
        self.routes.clicked.connect(self.routesRequested)
        self.contacts.clicked.connect(self.contactsRequested)
        self.text_column = QVBoxLayout()
        self.text_column.addWidget(self.heading)
        for label in self.details:
            self.text_column.addWidget(label)
        self.qr_grid = QGridLayout()
        self.buttons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.buttons.addWidget(self.routes)
        self.buttons.addWidget(self.contacts)
        # One band in landscape (details, codes, buttons), so the topics still fit below it.
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer.addLayout(self.text_column, 1)
        self.outer.addLayout(self.qr_grid)
        self.outer.addLayout(self.buttons)
        self.apply_metrics(metrics)

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAccessibleName(text)
        mark_help(label)
        return label

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(16)
        self.outer.setContentsMargins(pad, pad, pad, pad)
        self.outer.setSpacing(metrics.gap)
        self.text_column.setSpacing(metrics.px(4))
        self.buttons.setSpacing(metrics.gap)
        large = metrics.portrait or metrics.text_scale >= 1.25
        # At large text the details need the whole width: codes and buttons go under them.
        self.outer.setDirection(
            QBoxLayout.Direction.TopToBottom if large else QBoxLayout.Direction.LeftToRight
        )
        self.buttons.setDirection(
            QBoxLayout.Direction.TopToBottom
            if metrics.text_scale >= 2 or (metrics.portrait and metrics.text_scale >= 1.5)
            else QBoxLayout.Direction.LeftToRight
        )
        self.buttons.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self._build_qr(metrics)

    def _build_qr(self, metrics: Metrics) -> None:
        for label in self.qr_labels:
            self.qr_grid.removeWidget(label)
            label.hide()  # until deleted it would still paint where it was
            label.deleteLater()
        self.qr_labels, self.qr_data = [], []
        if self.contact is None:
            return
        side = metrics.px(130)
        column = 0
        for field in QR_FIELDS:
            value = getattr(self.contact, field)
            data = payload(field, value) if value else None
            if data is None:
                continue
            picture = QLabel()
            picture.setObjectName(f"helpBoxQr-{field}")
            picture.setPixmap(QPixmap.fromImage(qr_image(data, side)))
            picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
            picture.setAccessibleName(f"QR code: {QR_CAPTIONS[field].lower()} {value}")
            caption = QLabel(QR_CAPTIONS[field])
            caption.setObjectName("helpBoxCaption")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setWordWrap(True)
            for label in (picture, caption):
                mark_help(label)
                self.qr_labels.append(label)
            self.qr_grid.addWidget(picture, 0, column)
            self.qr_grid.addWidget(caption, 1, column)
            self.qr_data.append(data)
            column += 1
        self.qr_grid.setHorizontalSpacing(metrics.gap)
        self.qr_grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
