from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import config
from kiosk._compat import tomllib
from kiosk.config import SCHEMA, Problem, Settings, load_settings, save_setting
from kiosk.session.pin import hash_pin

WriteConfig = Callable[..., Path]


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_schema_and_dataclass_are_one() -> None:
    names = [f.name for f in dataclasses.fields(Settings)]
    assert [k.replace(".", "_") for k in SCHEMA] == names
    for key, spec in SCHEMA.items():
        assert spec.description, key
        value, wrong = config.validate_value(key, spec.default)
        assert wrong is None, (key, wrong)
        assert value == spec.default


def test_required_settings_and_defaults() -> None:
    s = Settings()
    assert s.session_idle_timeout == 90
    assert s.session_warning_seconds == 30
    assert SCHEMA["session.warning_seconds"].minimum == 20
    assert s.display_hide_cursor is True
    assert s.speech_voice == "gmw/en"
    assert s.display_theme == "standard"
    assert SCHEMA["display.theme"].choices == ("standard", "high-contrast", "dark", "cream")
    assert (SCHEMA["display.text_size"].minimum, SCHEMA["display.text_size"].maximum) == (100, 250)
    assert s.content_folder == "" and s.content_path() is None
    assert s.admin_pin_hash == ""
    assert s.stats_enabled is True
    assert (s.speech_rate, s.speech_volume) == (1.0, 0.0)


def test_speech_choices_match_the_speech_service() -> None:
    speech = pytest.importorskip("kiosk.speech")
    assert SCHEMA["speech.rate"].choices == tuple(speech.RATE_STEPS)
    assert SCHEMA["speech.volume"].choices == tuple(speech.VOLUME_STEPS_DB)
    assert SCHEMA["speech.voice"].default == speech.DEFAULT_VOICE


def test_missing_file_gives_defaults_and_no_problems(tmp_path: Path) -> None:
    settings, problems = load_settings(tmp_path / "nope.toml")
    assert settings == Settings()
    assert problems == []


def test_good_file(write_config: WriteConfig, tmp_path: Path) -> None:
    (tmp_path / "leaflets").mkdir()
    path = write_config(
        """
# Library kiosk
[session]
idle_timeout = 120
warning_seconds = 25

[display]
hide_cursor = false
theme = "high-contrast"
text_size = 150

[speech]
voice = "gmw/en-gb-x-rp"
rate = 1.25
volume = -6

[content]
folder = "../../leaflets"

[stats]
enabled = false
"""
    )
    settings, problems = load_settings(path)
    assert problems == []
    assert settings.session_idle_timeout == 120
    assert settings.session_warning_seconds == 25
    assert settings.display_hide_cursor is False
    assert settings.display_theme == "high-contrast"
    assert settings.display_text_size == 150
    assert settings.speech_voice == "gmw/en-gb-x-rp"
    assert (settings.speech_rate, settings.speech_volume) == (1.25, -6.0)
    assert isinstance(settings.speech_volume, float)
    assert settings.content_path() == (tmp_path / "leaflets").resolve()
    assert settings.stats_enabled is False


def test_dotted_keys_at_top_level_work(write_config: WriteConfig) -> None:
    settings, problems = load_settings(write_config("session.idle_timeout = 45\n"))
    assert problems == []
    assert settings.session_idle_timeout == 45


@pytest.mark.parametrize(
    ("body", "key", "line", "wrong", "allowed"),
    [
        (
            '[session]\nidle_timeout = "ninety"\n',
            "session.idle_timeout",
            2,
            "expected a whole",
            "20 to 3600",
        ),
        (
            "[session]\nidle_timeout = 90.5\n",
            "session.idle_timeout",
            2,
            "expected a whole",
            "20 to 3600",
        ),
        (
            "[session]\n\nidle_timeout = 5\n",
            "session.idle_timeout",
            3,
            "out of range",
            "20 to 3600",
        ),
        ("[session]\nwarning_seconds = 10\n", "session.warning_seconds", 2, "out of range", "20"),
        (
            "[display]\nhide_cursor = 1\n",
            "display.hide_cursor",
            2,
            "expected true/false",
            "true or false",
        ),
        ('[display]\ntheme = "blue"\n', "display.theme", 2, "not a choice", "high-contrast"),
        ("[display]\ntext_size = 400\n", "display.text_size", 2, "out of range", "100 to 250"),
        ('[speech]\nvoice = "en gb; rm"\n', "speech.voice", 2, "not a voice id", "gmw/en"),
        ("[speech]\nvolume = -1\n", "speech.volume", 2, "not a choice", "0, -6, -12, -18"),
        ("[speech]\nrate = 3\n", "speech.rate", 2, "not a choice", "0.5, 0.75, 1, 1.25"),
        ('[speech]\nrate = "fast"\n', "speech.rate", 2, "expected a number", "1.5"),
        ('[stats]\nenabled = "yes"\n', "stats.enabled", 2, "expected true/false", "true or false"),
        ('[content]\nfolder = "no/such/folder"\n', "content.folder", 2, "does not exist", "folder"),
    ],
)
def test_bad_value_falls_back_and_names_file_line_key_allowed(
    write_config: WriteConfig, body: str, key: str, line: int, wrong: str, allowed: str
) -> None:
    path = write_config("# staff notes\n" + body)
    settings, problems = load_settings(path)
    problem = only(problems)
    assert (problem.file, problem.line, problem.key) == (path, line + 1, key)
    assert wrong in problem.message
    assert allowed in problem.allowed
    text = str(problem)
    assert text.startswith(f"{path}:{line + 1}: {key}:")
    assert allowed in text
    attr = key.replace(".", "_")
    assert getattr(settings, attr) == SCHEMA[key].default


def test_other_values_survive_a_bad_one(write_config: WriteConfig) -> None:
    path = write_config("[session]\nidle_timeout = 1\nwarning_seconds = 40\n")
    settings, problems = load_settings(path)
    assert len(problems) == 1
    assert settings.session_idle_timeout == 90
    assert settings.session_warning_seconds == 40


@pytest.mark.parametrize(
    ("body", "key", "suggestion"),
    [
        ("[session]\nidle_timout = 60\n", "session.idle_timout", "session.idle_timeout"),
        ("[dispaly]\ntheme = 'dark'\n", "dispaly.theme", "display.theme"),
        ("idle_timeout = 60\n", "idle_timeout", "session.idle_timeout"),
        ("[mystery]\nthing = 1\n", "mystery.thing", None),
    ],
)
def test_unknown_key_is_a_problem_with_nearest_suggestion(
    write_config: WriteConfig, body: str, key: str, suggestion: str | None
) -> None:
    path = write_config(body)
    settings, problems = load_settings(path)
    problem = only(problems)
    assert problem.key == key
    assert problem.line is not None
    assert "unknown setting" in problem.message
    if suggestion:
        assert f"did you mean '{suggestion}'" in problem.message
    else:
        assert "did you mean" not in problem.message
    assert settings == Settings()


def test_invalid_toml_names_line_and_uses_all_defaults(write_config: WriteConfig) -> None:
    path = write_config("[session]\nidle_timeout = 120\nwarning_seconds = = 3\n")
    settings, problems = load_settings(path)
    problem = only(problems)
    assert problem.line == 3
    assert "not valid TOML" in problem.message
    assert settings == Settings()


def test_not_utf8_is_a_problem(kiosk_home: Path) -> None:
    path = kiosk_home / "latin1.toml"
    kiosk_home.mkdir()
    path.write_bytes(b"# ok\n# caf\xe9\n")
    settings, problems = load_settings(path)
    assert only(problems).line == 2
    assert settings == Settings()


def test_unreadable_path_is_a_problem(kiosk_home: Path) -> None:
    folder = kiosk_home / "a-folder.toml"
    folder.mkdir(parents=True)
    settings, problems = load_settings(folder)
    assert "cannot read" in only(problems).message
    assert settings == Settings()


def test_damaged_pin_hash_fails_closed(write_config: WriteConfig) -> None:
    path = write_config('[admin]\npin_hash = "1234"\n')
    settings, problems = load_settings(path)
    assert "stays locked" in only(problems).message
    assert settings.admin_pin_hash == "1234"  # kept: PinGate treats it as DAMAGED, never open


def test_every_kind_of_problem_at_once(write_config: WriteConfig) -> None:
    path = write_config(
        '[session]\nidle_timeout = "x"\nwarning_seconds = 5\n[display]\ntheme = "pink"\n'
        "colour = 1\n"
    )
    _settings, problems = load_settings(path)
    assert [p.line for p in problems] == [2, 3, 5, 6]


def test_save_setting_keeps_comments_and_other_keys(write_config: WriteConfig) -> None:
    path = write_config(
        "# Kiosk at Oakham library; ask IT before changing\n"
        "[session]\n"
        "idle_timeout = 120  # long forms\n"
        "\n"
        "[admin]\n"
        'pin_hash = ""\n'
    )
    stored = hash_pin("2468", n=2**10)
    save_setting(path, "admin.pin_hash", stored)
    text = path.read_text("utf-8")
    assert "# Kiosk at Oakham library; ask IT before changing" in text
    assert "idle_timeout = 120  # long forms" in text
    assert tomllib.loads(text)["admin"]["pin_hash"] == stored
    settings, problems = load_settings(path)
    assert problems == []
    assert settings.admin_pin_hash == stored


def test_save_setting_creates_file_and_table(kiosk_home: Path) -> None:
    path = kiosk_home / "new" / "kiosk.toml"
    save_setting(path, "display.theme", "cream")
    save_setting(path, "session.idle_timeout", 60)
    settings, problems = load_settings(path)
    assert problems == []
    assert settings.display_theme == "cream"
    assert settings.session_idle_timeout == 60
    assert [p.name for p in path.parent.iterdir()] == ["kiosk.toml"]  # no temp files left


def test_save_setting_refuses_bad_key_or_value(kiosk_home: Path) -> None:
    path = kiosk_home / "kiosk.toml"
    with pytest.raises(ValueError, match=r"did you mean 'display\.theme'"):
        save_setting(path, "display.them", "dark")
    with pytest.raises(ValueError, match="allowed"):
        save_setting(path, "display.theme", "pink")
    assert not path.exists()


def test_save_setting_leaves_file_intact_when_write_fails(
    write_config: WriteConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config("[display]\ntheme = 'dark'\n")
    before = path.read_text("utf-8")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("kiosk.config.os.replace", broken_replace)
    with pytest.raises(config.ConfigWriteError, match="No space left"):
        save_setting(path, "display.theme", "cream")
    assert path.read_text("utf-8") == before
    assert [p.name for p in path.parent.iterdir()] == ["kiosk.toml"]


def test_save_setting_refuses_unparseable_file(write_config: WriteConfig) -> None:
    path = write_config("[display\n")
    with pytest.raises(config.ConfigWriteError):
        save_setting(path, "display.theme", "cream")
    assert path.read_text("utf-8") == "[display\n"


def test_example_file_is_valid_and_all_defaults() -> None:
    example = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "kiosk.example.toml"
    settings, problems = load_settings(example)
    assert problems == []
    assert settings == Settings()
    # It documents every setting.
    assert set(config._flatten(tomllib.loads(example.read_text("utf-8")))) == set(SCHEMA)
