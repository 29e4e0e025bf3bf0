"""One guarded way in for every file (issue 14, item 4): deeply nested TOML, unreadable and
odd files become a named problem (file, line) and a fallback, in the command-line checks,
at start-up and on the admin screen's "Reload content"."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import choose_content
from kiosk.config import Settings, load_settings
from kiosk.content import ContentError, load_library
from kiosk.guarded import FileProblem, guard, load_toml, parse_toml
from kiosk.ui.main_window import KioskWindow
from tests.helpers.cli import leaflet_copy, run_kiosk
from tests.kiosk.conftest import make_kiosk

ROOT = Path(__file__).resolve().parents[2]
DEEP = "a = " + "[" * 5000 + "]" * 5000 + "\n"


def _cli(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    return run_kiosk(*args, home=home)


def _leaflet_copy(tmp_path: Path) -> Path:
    return leaflet_copy(tmp_path / "content" / "leaflet")


def test_deep_nesting_is_named_with_its_line_not_a_recursion_error(tmp_path: Path) -> None:
    with pytest.raises(FileProblem) as caught:
        parse_toml('title = "x"\n' + DEEP, tmp_path / "x.toml")
    assert caught.value.line == 2
    assert "nested more than 32 levels" in str(caught.value)
    # Brackets inside strings and comments are not nesting.
    assert parse_toml('a = "' + "[" * 100 + '"  # ' + "{" * 100 + "\n", tmp_path / "y.toml")


def test_settings_deeply_nested_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[session]\nidle_timeout = 60\n" + DEEP)
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert len(problems) == 1 and problems[0].line == 3
    assert "nested" in problems[0].message and "using all defaults" in problems[0].message


def test_check_config_prints_the_problem_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(DEEP)
    result = _cli("--check-config", str(path), home=tmp_path / "home")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{path}:1: not valid TOML: nested more than 32 levels" in result.stderr


@pytest.mark.parametrize("where", ["leaflet.toml", "card"])
def test_check_content_names_deeply_nested_toml(tmp_path: Path, where: str) -> None:
    folder = _leaflet_copy(tmp_path)
    if where == "leaflet.toml":
        target = folder / "leaflet.toml"
        target.write_text(target.read_text() + DEEP)
        line = len(target.read_text().splitlines())
    else:
        target = sorted(folder.glob("*.md"))[0]
        lines = target.read_text().splitlines()
        lines.insert(1, DEEP.strip())
        target.write_text("\n".join(lines) + "\n")
        line = 2
    result = _cli("--check-content", str(folder), home=tmp_path / "home")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{target}:{line}:" in result.stderr and "nested more than 32" in result.stderr


def test_kiosk_starts_with_deeply_nested_settings_and_content(tmp_path: Path) -> None:
    folder = _leaflet_copy(tmp_path)
    (folder / "leaflet.toml").write_text(DEEP)
    config = tmp_path / "kiosk.toml"
    config.write_text(DEEP)
    result = _cli(
        "--windowed",
        "--quit-after-paint",
        "--config",
        str(config),
        "--content",
        str(folder),
        home=tmp_path / "home",
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "using the bundled leaflet instead" in result.stderr
    log = (tmp_path / "home" / "logs" / "kiosk.log").read_text()
    assert f"{config}:1: not valid TOML: nested" in log


def test_an_unexpected_parser_failure_is_a_named_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _leaflet_copy(tmp_path)
    from kiosk.content import loader

    real_build = loader._CardBuilder.build

    def explode(builder: loader._CardBuilder, md: object) -> object:
        if builder.draft.path.is_relative_to(folder):
            raise RecursionError("maximum recursion depth exceeded")
        return real_build(builder, md)  # type: ignore[arg-type]

    monkeypatch.setattr(loader._CardBuilder, "build", explode)
    with pytest.raises(ContentError) as caught:
        load_library(folder)
    first = caught.value.problems[0]
    assert first.file.suffix == ".md" and "RecursionError" in first.message
    # And the kiosk falls back to the bundled leaflet rather than stopping.
    choice = choose_content([folder, paths.bundled_content()])
    assert choice.source == str(paths.bundled_content()) and choice.problems


def test_files_that_cannot_be_read_are_named(tmp_path: Path) -> None:
    folder = _leaflet_copy(tmp_path)
    (folder / "zz-folder.md").mkdir()
    (folder / "zz-latin1.md").write_bytes(b'+++\ntitle = "caf\xe9"\n+++\n')
    with pytest.raises(ContentError) as caught:
        load_library(folder)
    text = str(caught.value)
    assert f"{folder / 'zz-folder.md'}: cannot read file: it is a folder" in text
    assert f"{folder / 'zz-latin1.md'}:2: not UTF-8 text" in text


def test_wrong_types_are_named_not_raised(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("session = 5\n[display]\ntext_size = [1, 2]\ntheme = {a = 1}\n")
    settings, problems = load_settings(path)
    assert settings == Settings() and problems
    with pytest.raises(FileProblem, match="holds str where dict was expected"):
        guard(path, lambda: "text", expect=dict)


def test_a_disk_error_while_reading_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("[session]\nidle_timeout = 60\n")
    real_open = Path.open

    def failing_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == path:
            raise OSError(5, "Input/output error")
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(FileProblem, match="cannot read file: Input/output error"):
        load_toml(path)
    settings, problems = load_settings(path)
    assert settings == Settings() and "Input/output error" in problems[0].message


def test_reload_content_with_deep_nesting_keeps_the_kiosk_running(
    qtbot: QtBot, window: KioskWindow, tmp_path: Path
) -> None:
    folder = _leaflet_copy(tmp_path)
    card = sorted(folder.glob("*.md"))[0]
    card.write_text(card.read_text().replace("+++\n", "+++\n" + DEEP, 1))
    kiosk = make_kiosk(window, tmp_path)
    try:
        from kiosk.app import Startup

        kiosk.startup = Startup(tmp_path / "kiosk.toml", [], "bundled")
        kiosk.reload_content = lambda: choose_content([folder])
        before = window.library
        kiosk.reload()  # used to exit with code 70
        assert window.library is before
        problems = kiosk.startup.content_problems
        assert any(str(card) in p and "nested more than 32" in p for p in problems), problems
    finally:
        kiosk.shutdown()
