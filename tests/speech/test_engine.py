"""Engine helpers that need no engine process."""

from __future__ import annotations

from kiosk.speech.engine import SynthResult, _audio_order


def test_word_events_are_put_in_audio_order_and_stray_positions_dropped() -> None:
    # Seen with espeak-ng 1.51: "no-one" after a dash also reported at an earlier comma.
    events = [(0, 0), (4, 3078), (40, 100572), (42, 46770), (80, 83862), (90, 100572), (90, 100572)]
    assert _audio_order(events) == ((0, 0), (4, 3078), (42, 46770), (80, 83862), (90, 100572))


def test_result_duration() -> None:
    assert SynthResult(1, "x.wav", frames=44100, sample_rate=22050).duration == 2.0
