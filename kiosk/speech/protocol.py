"""What the kiosk and its speech engine process say to each other: one JSON object a line.

JSON rather than pickle: the engine's replies are data only, and a damaged or hostile line
can at worst be refused, never run. No Qt and nothing else of the kiosk is imported here,
so the engine process starts in a fraction of a second. The messages are NamedTuples, not
dataclasses: `dataclasses` imports `inspect` (with ast, dis and tokenize), about 1.5 MB of
the engine process's memory for as long as it runs.
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

DEFAULT_VOICE = "gmw/en"
BASE_RATE_WPM = 175  # espeak's own default; 1x on the speed control
SAMPLE_RATE = 22050  # what pyttsx3's espeak driver writes


class SynthRequest(NamedTuple):
    id: int
    text: str
    voice: str
    rate: int  # words per minute
    volume: float  # 0.0 .. 1.0
    out_path: str


class SynthResult(NamedTuple):
    """`words` holds (character offset in the request text, sample offset in the WAV);
    `voice` is the voice the synthesiser itself says it spoke in ("" if it cannot say)."""

    id: int
    wav_path: str
    words: tuple[tuple[int, int], ...] = ()
    sample_rate: int = SAMPLE_RATE
    frames: int = 0
    error: str = ""
    voice: str = ""

    @property
    def duration(self) -> float:
        return self.frames / self.sample_rate if self.sample_rate else 0.0


class _Ready(NamedTuple):
    voices: list[str]
    default_voice: str
    error: str = ""
    extra: dict[str, Any] | None = None


class Cancel(NamedTuple):
    """Drop every queued request with an id below `before`: the visitor moved on."""

    before: int


class ProtocolError(ValueError):
    """A line that is not a message of this protocol."""


Message = SynthRequest | SynthResult | _Ready | Cancel


def encode(message: Message) -> bytes:
    kinds = {SynthRequest: "request", SynthResult: "result", _Ready: "ready", Cancel: "cancel"}
    kind = kinds[type(message)]
    return (json.dumps({"kind": kind, **message._asdict()}) + "\n").encode("utf-8")


def decode(line: bytes) -> Message:
    try:
        data = json.loads(line)
        kind = data.pop("kind")
        if kind == "request":
            return SynthRequest(**data)
        if kind == "result":
            data["words"] = tuple((int(a), int(b)) for a, b in data.get("words", ()))
            return SynthResult(**data)
        if kind == "ready":
            return _Ready(**data)
        if kind == "cancel":
            return Cancel(int(data["before"]))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:
        raise ProtocolError(f"unreadable message from the speech engine: {exc}") from exc
    raise ProtocolError(f"unknown message kind {kind!r}")
