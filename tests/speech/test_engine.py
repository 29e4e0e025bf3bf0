"""Engine helpers that need no engine process."""

from __future__ import annotations

from kiosk.speech.engine import SynthResult, _audio_order


def test_word_events_are_put_in_audio_order_and_stray_positions_dropped() -> None:
    # Seen with espeak-ng 1.51: "no-one" after a dash also reported at an earlier comma.
    events = [(0, 0), (4, 3078), (40, 100572), (42, 46770), (80, 83862), (90, 100572), (90, 100572)]
    assert _audio_order(events) == ((0, 0), (4, 3078), (42, 46770), (80, 83862), (90, 100572))


def test_result_duration() -> None:
    assert SynthResult(1, "x.wav", frames=44100, sample_rate=22050).duration == 2.0


def test_espeak_is_left_alone_where_pyttsx3_does_not_use_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """On Windows and macOS pyttsx3 speaks through SAPI5 or NSSpeechSynthesizer; importing its
    espeak module there raises when eSpeak NG is not installed."""
    import builtins

    from kiosk.speech import child

    real_import = builtins.__import__

    def no_espeak(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name.startswith("pyttsx3.drivers"):
            raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_espeak)
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(child.sys, "platform", platform)
        assert child._start_espeak_synchronously() is False
        assert child._install_word_hook(object(), [], False) is False
