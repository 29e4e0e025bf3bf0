"""After staff edit the content, the first start writes the new parsed-content cache after
its first paint (34 ms of a 50-leaflet start's way to its first screen), and still writes it
when stopped at once. Through the real entry point, in a fresh interpreter."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk import paths
from tests.helpers.entry_point import run_entry

# `python -m kiosk`, with a look at the cache folder as the window shows and once the cards
# are made, then a normal quit.
ENTRY = """
import sys, runpy
from pathlib import Path
import kiosk.hermetic
kiosk.hermetic.prepare()
import kiosk.app as app

CACHE = Path({cache!r})
real_show = app.show

def written():
    return len(list(CACHE.glob("content-*.json")))

def show(window, *args, **kwargs):
    print("WRITTEN_AT_SHOW", written(), flush=True)

    def built():
        print("WRITTEN_WHEN_BUILT", written(), flush=True)
        window.allow_close = True
        window.close()
        app.QApplication.instance().quit()

    window.cardsBuilt.connect(built)
    real_show(window, *args, **kwargs)

app.show = show
sys.argv = ["kiosk", *{args!r}]
runpy.run_module("kiosk", run_name="__main__")
"""


def run_kiosk(home: Path, *args: str) -> list[str]:
    script = ENTRY.format(cache=str(home / "data" / "cache"), args=list(args))
    return run_entry(home, script).stdout.splitlines()


def edited_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(paths.bundled_content(), content)
    leaflet = next(content.rglob("leaflet.toml"))
    leaflet.write_text(leaflet.read_text("utf-8") + "\n# edited by staff\n", "utf-8")
    return content


def test_the_new_cache_is_written_after_the_first_paint(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    content = edited_content(tmp_path)
    lines = run_kiosk(home, "--content", str(content))
    assert "WRITTEN_AT_SHOW 0" in lines
    assert "WRITTEN_WHEN_BUILT 1" in lines
    # The next start reads it: the cache matches the content as it is now.
    lines = run_kiosk(home, "--content", str(content))
    assert "WRITTEN_AT_SHOW 1" in lines


def test_a_kiosk_stopped_at_its_first_paint_still_writes_it(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    content = edited_content(tmp_path)
    run_kiosk(home, "--content", str(content), "--quit-after-paint")
    assert len(list((home / "data" / "cache").glob("content-*.json"))) == 1
