"""The command line shows what the kiosk shows: the same content resolution, one-line errors
naming the file, and a missing system library named with its package."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk import paths, syslibs
from kiosk.cli import main
from tests.helpers.content_factory import card, make_leaflet

ROOT = Path(__file__).resolve().parents[2]
WriteConfig = Callable[..., Path]


def test_export_text_uses_the_content_folder_from_the_settings(
    tmp_path: Path, write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_leaflet(tmp_path / "override", {"01-a.md": card("a", "Our own card", 1, "Hi.")})
    config = write_config(f"[content]\nfolder = '{folder}'\n")
    assert main(["--config", str(config), "--export-text"]) == 0
    out = capsys.readouterr().out
    assert "Our own card" in out and "SENDIASS" not in out


def test_export_text_uses_content_beside_a_frozen_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    make_leaflet(tmp_path / "content", {"01-a.md": card("a", "Beside the program", 1, "Hi.")})
    monkeypatch.setattr("sys.frozen", True, raising=False)
    monkeypatch.setattr("sys.executable", str(tmp_path / "sen-kiosk"))
    assert main(["--export-text"]) == 0
    assert "Beside the program" in capsys.readouterr().out


def test_a_broken_override_falls_back_as_the_kiosk_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--export-text", "--content", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "using the bundled leaflet instead" in captured.err
    assert "no leaflet here" in captured.err
    assert captured.out.startswith("What If I Do Not Agree")


def test_speak_card_finds_cards_of_the_override(
    tmp_path: Path, write_config: WriteConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_leaflet(tmp_path / "override", {"01-a.md": card("a", "A", 1, "Hi.")})
    config = write_config(f"[content]\nfolder = '{folder}'\n")
    # An unknown id lists the valid ones: those of the override, not the bundled leaflet.
    code = main(["--config", str(config), "--speak-card", "nope", "--out", str(tmp_path / "x.wav")])
    assert code == 2
    assert capsys.readouterr().err.endswith("valid ids: a\n")


def test_speak_card_to_an_unwritable_place_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["--speak-card", "about-1", "--out", str(blocker / "out.wav")])
    assert code == 1
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert str(blocker) in lines[0]


def test_export_stats_to_an_unwritable_place_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert main(["--export-stats", str(blocker / "usage.csv")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(blocker) in err[0]


@pytest.mark.parametrize(
    ("error", "package"),
    [
        ("libEGL.so.1: cannot open shared object file: No such file or directory", "libegl1"),
        ("libxcb-cursor.so.0: cannot open shared object file: No such file", "libxcb-cursor0"),
        ("libfontconfig.so.1: cannot open shared object file", "libfontconfig1"),
    ],
)
def test_a_missing_library_names_its_package(error: str, package: str) -> None:
    message = syslibs.explain(ImportError(error))
    assert message is not None
    assert message.endswith(f"sudo apt-get install {package}")


def test_an_unknown_library_says_how_to_find_it() -> None:
    message = syslibs.explain(OSError("libfoo.so.3: cannot open shared object file"))
    assert message is not None and "apt-file search libfoo.so.3" in message


def test_the_cli_turns_a_missing_library_into_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: object) -> int:
        raise ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")

    monkeypatch.setattr("kiosk.cli._dispatch", broken)
    assert main(["--self-test"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "sen-kiosk: the system library libEGL.so.1 is missing; "
        "install it with: sudo apt-get install libegl1\n"
    )


def test_install_sh_knows_the_same_packages() -> None:
    """install.sh --check and the kiosk name the same package for each library."""
    script = (ROOT / "packaging" / "linux" / "install.sh").read_text("utf-8")
    body = script[
        script.index("package_for() {") : script.index("esac", script.index("package_for() {"))
    ]
    in_script: dict[str, str] = {}
    for patterns, package in re.findall(r"^\s*([^)*\n][^)\n]*)\) echo (\S+) ;;", body, re.M):
        for pattern in patterns.split("|"):
            if pattern.strip() != "*":
                in_script[pattern.replace(".*", "").strip()] = package
    assert in_script == syslibs.PACKAGES


def test_the_display_plugin_loads_here() -> None:
    # This machine has every library; the self-test's check passes.
    assert syslibs.check_display_plugin() is None
    assert paths.bundle_root().is_dir()
