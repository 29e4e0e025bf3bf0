"""The systemd user unit asks for what the kiosk does: notify, a watchdog, restarts."""

from __future__ import annotations

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.app import ALREADY_RUNNING_EXIT, EXIT_TO_DESKTOP

UNIT = Path(__file__).resolve().parents[2] / "packaging" / "linux" / "sen-kiosk.service"


def _service() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(UNIT.read_text("utf-8"))
    return parser["Service"]


def test_the_unit_waits_for_ready_and_watches_the_gui() -> None:
    service = _service()
    assert service["Type"] == "notify"
    assert service["NotifyAccess"] == "main"
    watchdog = int(service["WatchdogSec"])
    # Long enough for the slowest legitimate pause of the GUI (a content reload), short
    # enough that a hung screen is back within half a minute.
    assert 10 <= watchdog <= 30
    assert service["Restart"] == "always"
    stops = {int(code) for code in service["RestartPreventExitStatus"].split()}
    assert stops == {ALREADY_RUNNING_EXIT, EXIT_TO_DESKTOP}


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_the_unit(tmp_path: Path) -> None:
    # ExecStart must exist for verify; point it at a stand-in with the same name.
    text = UNIT.read_text("utf-8").replace("/opt/sen-kiosk/sen-kiosk", "/bin/true")
    unit = tmp_path / "sen-kiosk.service"
    unit.write_text(text, "utf-8")
    result = subprocess.run(
        ["systemd-analyze", "--user", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    problems = [
        line
        for line in result.stderr.splitlines()
        if "sen-kiosk.service" in line and "file:///opt" not in line
    ]
    assert not problems, result.stderr
