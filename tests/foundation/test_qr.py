"""QR codes decode (with a real decoder) back to the contact detail they stand for."""

from __future__ import annotations

import zxingcpp
from PySide6.QtGui import QImage

from kiosk.content.model import ContactBlock
from kiosk.ui.card_document import CardDocument
from kiosk.ui.qr import payload, qr_image
from kiosk.ui.theme import STANDARD, Metrics


def decode(image: QImage) -> str:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = rgb.width(), rgb.height()
    data = bytes(rgb.constBits())[: rgb.bytesPerLine() * height]
    rows = [
        data[y * rgb.bytesPerLine() : y * rgb.bytesPerLine() + width * 3] for y in range(height)
    ]
    import numpy  # zxing-cpp accepts numpy arrays; numpy comes with it

    array = numpy.frombuffer(b"".join(rows), dtype=numpy.uint8).reshape(height, width, 3)
    results = zxingcpp.read_barcodes(array)
    assert len(results) == 1
    return str(results[0].text)


def test_payloads() -> None:
    assert payload("phone", "07977 015 674") == "tel:07977015674"
    assert payload("email", "info@sendiassrutland.org.uk") == "mailto:info@sendiassrutland.org.uk"
    assert payload("website", "www.sendiassrutland.org.uk") == "https://www.sendiassrutland.org.uk"
    assert payload("twitter", "@SendiassR") is None


def test_every_qr_on_every_card_decodes_to_its_contact(qapp, library, family) -> None:  # type: ignore[no-untyped-def]
    seen = 0
    for card in library.leaflets[0].cards:
        contacts = [b.contact for b in card.blocks if isinstance(b, ContactBlock)]
        doc = CardDocument(card, STANDARD, Metrics.for_size(1920, 1080), family)
        expected = [payload(f, v) for c in contacts for f, _, v in c.details() if payload(f, v)]
        assert doc.qr_payloads == expected
        for code in (code for box in doc.boxes for code in box.qr):
            assert not code.image.isNull()
            assert decode(code.image) == code.data
            seen += 1
    assert seen >= 9


def test_qr_codes_have_a_text_alternative(qapp, library, family) -> None:  # type: ignore[no-untyped-def]
    leaflet = library.leaflets[0]
    card = leaflet.cards[leaflet.card_index("contacts-1")]
    doc = CardDocument(card, STANDARD, Metrics.for_size(1920, 1080), family)
    assert "scan to phone 07977 015 674" in doc.qr_description()


def test_small_qr_still_decodes(qapp) -> None:  # type: ignore[no-untyped-def]
    assert decode(qr_image("tel:08000130014", 120)) == "tel:08000130014"


def test_cards_with_the_same_contact_share_one_grey_image(qapp, library, family) -> None:  # type: ignore[no-untyped-def]
    # Every card view is made ahead: each keeping its own colour copy of the same few codes
    # was 1.5 MB of the kiosk.
    metrics = Metrics.for_size(1920, 1080)
    codes = [
        code
        for card in library.leaflets[0].cards
        for box in CardDocument(card, STANDARD, metrics, family).boxes
        for code in box.qr
    ]
    keys = {code.data: code.image.cacheKey() for code in codes}
    assert len(keys) < len(codes)
    assert all(code.image.cacheKey() == keys[code.data] for code in codes)
    assert {code.image.format() for code in codes} == {QImage.Format.Format_Grayscale8}
