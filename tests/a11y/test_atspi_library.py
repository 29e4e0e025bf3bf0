"""What a screen reader sees of a library of leaflets: the chooser and a right-to-left leaflet.

The same real run as test_atspi.py (Xvfb, a private D-Bus, the AT-SPI bus, `python -m kiosk`,
the probe under Debian's python3-pyatspi), on a content folder holding the bundled leaflet
and the Welsh and Arabic test leaflets. The probe opens the Arabic leaflet from the chooser
by its accessible name, reads its home screen and last card, and goes back.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.content import Library, load_library
from tests.a11y.test_atspi import CONTROLS, run_probe, showing
from tests.helpers.leaflets import library_folder

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return load_library(library_folder(tmp_path_factory.mktemp("content") / "content"))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Iterator[dict[str, Any]]:
    arabic = next(lf for lf in library.leaflets if lf.language == "ar")
    result = run_probe(
        tmp_path_factory.mktemp("atspi-library"),
        KIOSK_CONTENT=str(library.root),
        LIBRARY_LEAFLET=arabic.title,
    )
    assert result["ok"] and not result["errors"], (
        f"{result['errors']}\n{result.get('traceback', '')}\n{result['logs']}"
    )
    yield result


def _named(snapshot: dict[str, Any], role: str, name: str) -> dict[str, Any]:
    found = [n for n in showing(snapshot) if n["role"] == role and n["name"] == name]
    assert len(found) == 1, f"{role} {name!r}: {len(found)} showing"
    return found[0]


def test_the_chooser_names_each_leaflet_in_its_language(
    report: dict[str, Any], library: Library
) -> None:
    chooser = report["snapshots"]["chooser"]
    frame = next(n for n in chooser["nodes"] if len(n["path"]) == 1)
    assert frame["name"] == "SEN help"
    _named(chooser, "label", "Choose a leaflet")
    languages = {"en-GB": "English", "cy": "Cymraeg", "ar": "العربية"}
    for leaflet in library.leaflets:
        tile = _named(chooser, "push button", leaflet.title)
        assert languages[leaflet.language] in tile["description"], tile
        assert leaflet.description in tile["description"], tile
    # Tab reaches every leaflet, in the order they are listed.
    walk = report["tab_walks"]["chooser"]
    assert walk["outcome"] == "cycled", walk
    titles = [lf.title for lf in library.leaflets]
    # The walk starts on the first leaflet, which has focus, and comes back to it.
    names = [walk["start"]["name"], *(s["name"] for s in walk["stops"])]
    assert [n for n in names if n in titles][: len(titles)] == titles
    # No "All leaflets" here: this is the list.
    assert not [n for n in showing(chooser) if n["name"] == "All leaflets"]


def test_a_right_to_left_leaflet_reads_from_the_right(report: dict[str, Any]) -> None:
    home = report["snapshots"]["rtl_home"]
    first = _named(home, "push button", "من نحن")
    second = _named(home, "push button", "اتصل بنا")
    if first["extents"][1] == second["extents"][1]:
        assert second["extents"][0] < first["extents"][0]

    card = report["snapshots"]["rtl_card"]
    assert card["card"] == 2  # the last: its Next is Finish
    back, home_button, following = (
        _named(card, "push button", name) for name in ("Back", "Home", "Finish")
    )
    # Mirrored on the screen: Next (Finish) at the left, Back at the right.
    assert following["extents"][0] < home_button["extents"][0] < back["extents"][0]
    _named(card, "push button", "All leaflets")
    texts = [n for n in showing(card) if n["role"] == "text" and n.get("text")]
    assert any("اتصل بنا أو زر موقعنا" in n["text"] for n in texts), texts
    # Read in the leaflet's order: the card text, then Back, Home and Finish (right first).
    walk = report["tab_walks"]["rtl_card"]
    assert walk["outcome"] == "cycled", walk
    order = [s["name"] for s in walk["stops"]]
    assert order.index("Back") < order.index("Home") < order.index("Finish"), order
    # Names are words, not the arrows drawn beside them.
    for node in showing(card):
        if node["role"] in CONTROLS:
            assert not set(node["name"]) & set("◀▶\u200e"), node["name"]


def test_the_help_box_reads_from_the_right_on_the_arabic_home(report: dict[str, Any]) -> None:
    """The kiosk-help box follows the page: its QR code at the left, the number at the
    right, and a screen reader meets who to talk to before the number, then the code."""
    home = report["snapshots"]["rtl_home"]
    nodes = showing(home)
    heading = next(n for n in nodes if n["role"] == "label" and "Talk to" in n["name"])
    number = next(n for n in nodes if n["role"] == "label" and n["name"].startswith("Telephone"))
    code = next(n for n in nodes if n["name"].startswith("QR code: scan to phone"))
    assert code["extents"][0] < number["extents"][0], (code, number)
    order = [n["path"] for n in home["nodes"]]
    assert order.index(heading["path"]) < order.index(number["path"]) < order.index(code["path"])


def test_all_leaflets_goes_back_to_the_chooser(report: dict[str, Any], library: Library) -> None:
    again = report["snapshots"]["chooser_again"]
    for leaflet in library.leaflets:
        _named(again, "push button", leaflet.title)


def test_the_report_is_of_a_real_run(report: dict[str, Any]) -> None:
    assert set(report["snapshots"]) == {"chooser", "rtl_home", "rtl_card", "chooser_again"}
    assert Path(report["app"]["name"]).name == "SEN Help Kiosk"


def test_tiles_are_read_once(report: dict[str, Any]) -> None:
    """A tile's words are not read again after the tile: the tile draws them (ui/tile.py)."""
    repeated = []
    for screen, snapshot in report["snapshots"].items():
        nodes = {tuple(n["path"]): n for n in snapshot["nodes"]}
        for node in showing(snapshot):
            parent = nodes.get(tuple(node["path"][:-1]))
            if parent is None or node["role"] != "label" or not node["name"]:
                continue
            if node["name"] == parent["name"] or node["name"] in parent["description"]:
                repeated.append(f"{screen}: {node['name']!r} in {parent['name']!r}")
    assert not repeated, "\n".join(repeated)
