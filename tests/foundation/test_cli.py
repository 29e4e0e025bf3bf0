"""The command-line forms IT staff and tests rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import __version__
from kiosk.cli import build_parser, main, parse
from tests.helpers.cli import run_kiosk

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_export_text_is_every_card_in_reading_order(
    capsys: pytest.CaptureFixture[str], library
) -> None:  # type: ignore[no-untyped-def]
    assert main(["--export-text"]) == 0
    out = capsys.readouterr().out
    leaflet = library.leaflets[0]
    assert out.startswith(leaflet.title + "\nVersion 1.0, Aug 2020\n")
    positions = [out.index(f": {card.id}]\n{card.title}\n") for card in leaflet.cards]
    assert positions == sorted(positions)


def test_self_test_passes_cleanly() -> None:
    result = run_kiosk("--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test: OK" in result.stdout
    assert result.stderr == ""  # no Qt warnings, no tracebacks


def test_bad_content_override_falls_back_to_the_bundled_leaflet(tmp_path: Path) -> None:
    result = run_kiosk("--self-test", "--content", str(tmp_path))
    assert result.returncode == 0
    assert "using the bundled leaflet instead" in result.stderr
    assert "no leaflet here" in result.stderr


@pytest.mark.parametrize(
    "argv", [["--check-content", "FOLDER"], ["--export-text"], ["--print-config"]]
)
def test_commands_run_with_the_garbage_collector_on(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # `python -m kiosk` holds the collector off for the window's start (kiosk/memory.py); a
    # command such as --check-content on fifty leaflets must not run minutes without it.
    import gc

    from kiosk import cli

    seen: list[bool] = []

    def record(*_args: object, **_kwargs: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli, "_check_content", record)
    monkeypatch.setattr(cli, "_export_text", record)
    monkeypatch.setattr(cli, "_content_folder", lambda _args: tmp_path)
    monkeypatch.setattr("kiosk.settings_layers.print_layered_main", record)
    gc.disable()
    try:
        assert main([a.replace("FOLDER", str(tmp_path)) for a in argv]) == 0
    finally:
        enabled = gc.isenabled()
        gc.enable()
    assert seen == [True]
    assert enabled


def test_no_arguments_start_the_kiosk_with_the_parsers_own_defaults() -> None:
    # The unattended start skips the parser: what it uses must be what the parser would give.
    assert vars(parse([])) == vars(build_parser().parse_args([]))
    assert parse(["--windowed"]).windowed is True
