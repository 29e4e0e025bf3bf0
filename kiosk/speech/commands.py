"""The speech command-line options (`--list-voices`, `--speak-card`); called from cli.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def run(args: argparse.Namespace, content: Path) -> int:
    from .render import list_voices, render_card_to_wav

    if args.list_voices:
        try:
            voices = list_voices()
        except RuntimeError as exc:
            print(exc, file=sys.stderr)
            return 1
        print("\n".join(voices))
        return 0
    if not 0.5 <= args.rate <= 2.0:
        print(f"--rate must be between 0.5 and 2 (got {args.rate:g})", file=sys.stderr)
        return 2
    if args.out is None:
        print("--speak-card needs --out FILE.wav", file=sys.stderr)
        return 2
    from kiosk.content import ContentError, load_library

    try:
        library = load_library(content)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 1
    try:
        leaflet, card = library.find_card(args.speak_card)
    except KeyError as exc:
        if "/" not in args.speak_card and "several leaflets" in str(exc):
            print(exc.args[0], file=sys.stderr)
            return 2
        valid = ", ".join(library.card_refs())
        print(f"unknown card id {args.speak_card!r}; valid ids: {valid}", file=sys.stderr)
        return 2
    index = leaflet.card_index(card.id)
    next_title = leaflet.cards[index + 1].title if index + 1 < len(leaflet.cards) else None
    try:
        voice = args.voice or _leaflet_voice(leaflet.id, leaflet.language)
        seconds = render_card_to_wav(
            card, next_title, args.out, voice=voice, rate=args.rate, volume=1.0
        )
    except (RuntimeError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"{args.out}: {seconds:.1f} s of speech for card {library.card_ref(leaflet, card)}")
    return 0


def _leaflet_voice(leaflet_id: str, language: str) -> str:
    from .protocol import DEFAULT_VOICE
    from .render import list_voices
    from .voices import LeafletVoices

    return LeafletVoices().voice_for(leaflet_id, language, list_voices(), DEFAULT_VOICE)
