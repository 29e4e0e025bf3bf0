"""Help first: the box at the top of home that says who to talk to and how, in the leaflet's
own words and numbers (its contact details from leaflet.toml, with their QR codes), and the
Marked as the kiosk's help, like every help screen. It holds no buttons: the phone number
and email are the help, and the Contacts tile and "Get help" lead to the rest.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from ..content.help import HELP_LABEL
from ..content.model import Contact
from ..i18n import QT_TR_NOOP, tr
from .help_screen import mark_help
from .qr import payload, qr_image
from .theme import Metrics

# The leaflet's own labels; the website and social handles are on the contacts card.
QR_FIELDS = ("phone", "email")
QR_CAPTIONS = {"phone": QT_TR_NOOP("Scan to phone"), "email": QT_TR_NOOP("Scan to email")}
LABELS = {"phone": QT_TR_NOOP("Telephone: "), "email": QT_TR_NOOP("Email: ")}


class HelpBox(QWidget):
    def __init__(self, contact: Contact | None, metrics: Metrics, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpBox")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        mark_help(self)
        self.contact = contact
        who = contact.organisation if contact is not None else tr("someone")
        self.heading = QLabel(tr(HELP_LABEL) + " · " + tr("Talk to {who}").format(who=who))
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
                    text = tr(LABELS[field]) + value
                    label = self._label(text, "helpBoxDetail")
                    # Shown with break points after @ and dots, so a long address wraps at
                    # large text instead of running off the screen; read without them.
                    label.setText(tr(LABELS[field]) + re.sub(r"([@.])", "\\1\u200b", value))
                    self.details.append(label)
                    spoken.append(text)
        who_is = tr("{help}. Who to talk to: {who}").format(
            help=tr(HELP_LABEL), who=". ".join(spoken)
        )
        self.setAccessibleName(who_is)
        self.grid = QGridLayout(self)
        self.apply_metrics(metrics)
        self._align_to_reading_side()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._align_to_reading_side()

    def _align_to_reading_side(self) -> None:
        """Qt mirrors the grid on a right-to-left page (the codes go to the left), but aligns
        a label by its own words: the kiosk's, English where there is no catalogue, would
        start at the left of a box read from the right. They start where the page does."""
        side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        for label in (self.heading, *self.details):
            label.setAlignment(
                side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
            )

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setAccessibleName(text)
        mark_help(label)
        return label

    def apply_metrics(self, metrics: Metrics) -> None:
        """Each detail with its code beside it; captions under the codes where there is
        room (the codes' accessible names say what they are either way)."""
        pad = metrics.px(12)
        self.grid.setContentsMargins(pad, pad, pad, pad)
        self.grid.setHorizontalSpacing(metrics.gap)
        self.grid.setVerticalSpacing(metrics.px(4))
        for label in self.qr_labels:
            self.grid.removeWidget(label)
            label.hide()  # until deleted it would still paint where it was
            label.deleteLater()
        self.qr_labels, self.qr_data = [], []
        self.grid.addWidget(self.heading, 0, 0, 1, 2)
        captions = metrics.text_scale >= 1.25
        row = 1
        for field, label in zip(self._fields(), self.details, strict=True):
            self.grid.addWidget(label, row, 0, 2 if captions else 1, 1)
            value = getattr(self.contact, field)
            data = payload(field, value)
            if data is not None:
                picture = QLabel()
                picture.setObjectName(f"helpBoxQr-{field}")
                picture.setPixmap(QPixmap.fromImage(qr_image(data, metrics.px(110))))
                picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
                said = tr(QR_CAPTIONS[field]).lower()
                picture.setAccessibleName(
                    tr("QR code: {caption} {value}").format(caption=said, value=value)
                )
                mark_help(picture)
                self.qr_labels.append(picture)
                self.grid.addWidget(picture, row, 1)
                if captions:
                    caption = QLabel(tr(QR_CAPTIONS[field]))
                    caption.setObjectName("helpBoxCaption")
                    caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    # Captions grow with the text too: wrapped, they never widen the box.
                    caption.setWordWrap(True)
                    mark_help(caption)
                    self.qr_labels.append(caption)
                    self.grid.addWidget(caption, row + 1, 1)
                self.qr_data.append(data)
            row += 2 if captions else 1
        self.grid.setColumnStretch(0, 1)

    def _fields(self) -> list[str]:
        if self.contact is None:
            return []
        return [f for f in QR_FIELDS if getattr(self.contact, f)]
