"""Read-aloud: narration scripts, the engine process, the player and the SpeechService.

Names are imported lazily: the engine process imports `kiosk.speech.child`, which runs this
file first, and must not pay for Qt and the content loader it never uses.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .engine import ProcessEngine, SpeechEngine
    from .narration import Script, Utterance, WordSpan, narrate_card, split_sentences
    from .player import AudioPlayer, CommandPlayer, child_environment, default_player_command
    from .process import EngineProcess
    from .protocol import BASE_RATE_WPM, DEFAULT_VOICE, SynthRequest, SynthResult
    from .render import list_voices, render_card_to_wav, render_script_to_wav
    from .service import RATE_STEPS, VOLUME_STEPS_DB, SpeechService, State

_WHERE = {
    "BASE_RATE_WPM": "protocol",
    "DEFAULT_VOICE": "protocol",
    "EngineProcess": "process",
    "SynthRequest": "protocol",
    "SynthResult": "protocol",
    "ProcessEngine": "engine",
    "SpeechEngine": "engine",
    "Script": "narration",
    "Utterance": "narration",
    "WordSpan": "narration",
    "narrate_card": "narration",
    "split_sentences": "narration",
    "AudioPlayer": "player",
    "CommandPlayer": "player",
    "child_environment": "player",
    "default_player_command": "player",
    "list_voices": "render",
    "render_card_to_wav": "render",
    "render_script_to_wav": "render",
    "RATE_STEPS": "service",
    "VOLUME_STEPS_DB": "service",
    "SpeechService": "service",
    "State": "service",
}

__all__ = [
    "BASE_RATE_WPM",
    "DEFAULT_VOICE",
    "RATE_STEPS",
    "VOLUME_STEPS_DB",
    "AudioPlayer",
    "CommandPlayer",
    "EngineProcess",
    "ProcessEngine",
    "Script",
    "SpeechEngine",
    "SpeechService",
    "State",
    "SynthRequest",
    "SynthResult",
    "Utterance",
    "WordSpan",
    "child_environment",
    "default_player_command",
    "list_voices",
    "narrate_card",
    "render_card_to_wav",
    "render_script_to_wav",
    "split_sentences",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)
