"""Narration against the real leaflet: coverage, spoken forms and the word map."""

from __future__ import annotations

import re

import pytest

from kiosk.content import Library
from kiosk.content.model import Card, Paragraph, Span
from kiosk.content.text import card_units
from kiosk.speech.narration import Utterance, narrate_card, split_sentences


def _all_cards(library: Library) -> list[Card]:
    return [c for lf in library.leaflets for c in lf.cards]


def _spoken(u: Utterance, i: int) -> str:
    w = u.words[i]
    return u.text[w.spoken_start : w.spoken_end]


def _by_text(script: list[Utterance], needle: str) -> Utterance:
    matches = [u for u in script if needle in u.text]
    assert matches, f"{needle!r} not spoken in {[u.text for u in script]}"
    return matches[0]


def test_every_card_narrates_every_unit_in_order(library: Library) -> None:
    for card in _all_cards(library):
        units = card_units(card)
        script = narrate_card(card, "Next card")
        shown = [u.unit for u in script if u.unit >= 0]
        assert shown == sorted(shown), card.id
        assert set(shown) == set(range(len(units))), card.id
        assert script[-1].text == "End of card. Next: Next card."
        for u in script:
            assert u.text.strip() and len(u.text) < 400, (card.id, u.text)


def test_sentences_cover_each_paragraph_without_gaps(library: Library) -> None:
    for card in _all_cards(library):
        units = card_units(card)
        script = narrate_card(card, None)
        for index, unit in enumerate(units):
            parts = [u for u in script if u.unit == index]
            covered = "".join(unit.text[u.start : u.end] for u in parts)
            assert re.sub(r"\s", "", covered) == re.sub(r"\s", "", unit.text), card.id


def test_next_title_is_spoken_cleanly() -> None:
    card = _card_with_text("Hello.")
    assert narrate_card(card, "What next?")[-1].text == "End of card. Next: What next?"
    assert narrate_card(card, "About SENDIASS")[-1].text == "End of card. Next: About Sendiass."


def test_last_card_says_end_of_leaflet(library: Library) -> None:
    card = library.leaflets[0].cards[-1]
    assert narrate_card(card, None)[-1].text == "End of card. This is the end of the leaflet."


def test_word_map_points_at_the_same_word_on_screen(library: Library) -> None:
    checked = 0
    for card in _all_cards(library):
        units = card_units(card)
        for u in narrate_card(card, None):
            for i, w in enumerate(u.words):
                shown = units[u.unit].text[w.display_start : w.display_end]
                spoken = _spoken(u, i).strip(".,:;!?()“”‘’\"'")
                assert shown, (card.id, u.text)
                if spoken.lower() == shown.lower():
                    checked += 1
                assert w.spoken_start < w.spoken_end <= len(u.text)
    assert checked > 1000


def test_phone_numbers_are_read_digit_by_digit_in_groups(library: Library) -> None:
    _, card = library.find_card("about-1")
    script = narrate_card(card, None)
    phone = _by_text(script, "Telephone")
    assert phone.text == "Telephone: 0 7 9 7 7, 0 1 5, 6 7 4."
    units = card_units(card)
    shown = units[phone.unit].text
    digits = [shown[w.display_start : w.display_end] for w in phone.words[1:]]
    assert "".join(digits) == "07977015674"


def test_long_digit_groups_are_split(library: Library) -> None:
    card = _card_with_text("ring 0800 0130014 or visit")
    assert "0 8 0 0, 0 1 3, 0 0 1 4" in narrate_card(card, None)[1].text


def test_email_and_web_address_are_spelt_out(library: Library) -> None:
    _, card = library.find_card("about-1")
    script = narrate_card(card, None)
    assert _by_text(script, "Email").text == "Email: info at sendiass rutland dot org dot U K."
    assert _by_text(script, "w w w").text == "w w w dot sendiass rutland dot org dot U K."
    assert _by_text(script, "Twitter").text == "Twitter: at Sendiass R."


def test_inline_email_in_a_sentence() -> None:
    card = _card_with_text(
        "Global Mediation can help. "
        "To contact them, call 0208 441 1355 or email info@globalmediation.co.uk"
    )
    spoken = narrate_card(card, None)[2].text
    assert spoken == (
        "To contact them, call 0 2 0 8, 4 4 1, 1 3 5 5 or email "
        "info at global mediation dot co dot U K."
    )


def test_quotation_is_introduced_and_referenced(library: Library) -> None:
    _, card = library.find_card("mediation-1")
    texts = [u.text for u in narrate_card(card, None)]
    assert "The SEND Code of Practice says:" in texts
    assert "End of quote. SEND Code of Practice, paragraph 11.3." in texts
    # The leaflet already says "The SEND Code of Practice says:"; it must not be said twice.
    assert texts.count("The SEND Code of Practice says:") == 1


def test_quote_without_a_lead_in_gets_one() -> None:
    from kiosk.content.model import Quote

    quote = Quote("6.1", (Paragraph((Span("Decisions should be made jointly."),)),))
    card = _card(quote)
    texts = [u.text for u in narrate_card(card, None)]
    assert texts[1] == "The SEND Code of Practice says:"
    assert texts[2] == "Decisions should be made jointly."
    assert texts[3] == "End of quote. SEND Code of Practice, paragraph 6.1."


def test_abbreviations_are_expanded_and_mapped(library: Library) -> None:
    _, card = library.find_card("about-2")
    units = card_units(card)
    u = _by_text(narrate_card(card, None), "(S E N)")
    s_word = next(w for w in u.words if u.text[w.spoken_start : w.spoken_end] == "S")
    assert units[u.unit].text[s_word.display_start : s_word.display_end] == "SEN"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See paragraph 11.3. Then stop.", ["See paragraph 11.3.", "Then stop."]),
        ("Needs (SEN) matter. We help.", ["Needs (SEN) matter.", "We help."]),
        ("Groups, e.g. local ones. More.", ["Groups, e.g. local ones.", "More."]),
        ("Ask i.e. Someone. Next", ["Ask i.e. Someone.", "Next"]),
        ("It said “yes.” Then", ["It said “yes.”", "Then"]),
        ("sections 11.67 to 11.111.", ["sections 11.67 to 11.111."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("No full stop", ["No full stop"]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_e_g_is_spoken_as_for_example() -> None:
    card = _card_with_text("Ask a group, e.g. a local one.")
    assert narrate_card(card, None)[1].text == "Ask a group, for example a local one."


def test_word_at_finds_words_and_ignores_unmapped_prefix(library: Library) -> None:
    _, card = library.find_card("about-3")
    u = _by_text(narrate_card(card, None), "End of quote")
    assert u.word_at(0) is None  # "End" is not on screen
    para = u.text.index("paragraph")
    word = u.word_at(para + 3)
    assert word is not None and word.spoken_start == para


def test_accents_dashes_and_curly_quotes_keep_offsets() -> None:
    text = "The café’s “best endeavours” – and naïve role-play."
    card = _card_with_text(text)
    u = narrate_card(card, None)[1]
    shown = [text[w.display_start : w.display_end] for w in u.words]
    assert shown == ["The", "café’s", "best", "endeavours", "and", "naïve", "role-play"]


def _card(*blocks: object) -> Card:
    from pathlib import Path

    return Card("t-1", "t", "Test", 1, 1, tuple(blocks), Path("t.md"), 1)  # type: ignore[arg-type]


def _card_with_text(text: str) -> Card:
    return _card(Paragraph((Span(text),)))
