"""Launch to the full first screen, measured on the X framebuffer (outside-in).

Each arm is started in turn (interleaved, so all see the same machine load) on a private Xvfb
at 1920x1080 and timed from just before its process is spawned until the framebuffer holds its
whole first screen (sampled rows stop changing for 600 ms; the time is that of the last
change). Arms:
  kiosk            `python -m kiosk`, fullscreen, as deployed (its content cache warm, as on
                   every start but the first after an edit)
  probe            a minimal PySide6 program with the same first-screen widgets and the same
                   style sheet, built by this benchmark (the floor for a Qt widgets kiosk)
  chromium-fresh   Chromium --kiosk on the same leaflet as one HTML page, new profile each run
  chromium-reused  the same with a profile reused from a warm-up run
  frozen           dist/sen-kiosk/sen-kiosk (with --frozen; build it with scripts/dist), and
                   with --compare, that checkout's own dist/ build too when it has one
Chromium arms run where /usr/bin/chromium exists (Debian: apt-get install chromium).

Targets: kiosk <= 0.6x chromium-reused, kiosk <= 1.15x probe, frozen <= 1.1x kiosk.
Prints JSON; exits 1 when a target is missed.

    .venv/bin/python benchmarks/launch.py --runs 7
"""

from __future__ import annotations

import argparse
import html
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import outside
from benchmarks.outside import ROOT, Launched, Screen

CHROMIUM = "/usr/bin/chromium"
# Needed on this kind of machine (root, no GPU, no network): without the background-networking
# flags Chromium keeps trying hosts it cannot reach.
CHROMIUM_FLAGS = [
    "--kiosk",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-gpu",
    "--no-sandbox",
    "--password-store=basic",
    "--window-position=0,0",
    "--window-size=1920,1080",
]


def first_screen_parts() -> tuple[str, str, str, str, str]:
    """(style sheet, title, publisher, call, hint) exactly as the kiosk's first screen has
    them: the probe and the HTML page show the same thing."""
    from kiosk import paths
    from kiosk.content import load_library
    from kiosk.ui import attract
    from kiosk.ui.style import stylesheet
    from kiosk.ui.theme import STANDARD, Metrics

    leaflet = load_library(paths.bundled_content()).leaflets[0]
    metrics = Metrics.for_size(1920, 1080, 1.0)
    sheet = stylesheet(STANDARD, metrics, "Atkinson Hyperlegible")
    sheet += attract.stylesheet_rules(STANDARD, metrics)
    return sheet, leaflet.title, leaflet.publisher, attract.DEFAULT_CALL, attract.DEFAULT_AUDIO_HINT


PROBE = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QMainWindow,
    QPushButton, QStackedWidget, QVBoxLayout, QWidget)
app = QApplication(sys.argv)
for name in ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"):
    QFontDatabase.addApplicationFont({fonts!r} + "/" + name)
window = QMainWindow()
root = QWidget(); root.setObjectName("kioskRoot")
window.setCentralWidget(root)
layout = QVBoxLayout(root); layout.setContentsMargins(0, 0, 0, 0); layout.setSpacing(0)
bar = QWidget(); bar.setObjectName("topBar"); row = QHBoxLayout(bar)
listen = QPushButton("Listen"); listen.setObjectName("listenButton")
display = QPushButton("Aa  Display"); display.setObjectName("displayButton")
row.addWidget(listen); row.addStretch(1); row.addWidget(display)
layout.addWidget(bar)
stack = QStackedWidget(); layout.addWidget(stack, 1)
screen = QWidget(); screen.setObjectName("attractScreen")
screen.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
stack.addWidget(screen)
block = QFrame(); block.setObjectName("attractBlock"); block.setFixedWidth(1500)
outer = QVBoxLayout(screen); outer.addStretch(1); middle = QHBoxLayout(); outer.addLayout(middle)
outer.addStretch(1); middle.addStretch(1); middle.addWidget(block); middle.addStretch(1)
column = QVBoxLayout(block)
for text, name in ({publisher!r}, "attractPublisher"), ({title!r}, "attractTitle"), \\
        ("", "attractRule"), ({call!r}, "attractCall"), ({hint!r}, "attractHint"):
    label = QLabel(text); label.setObjectName(name); label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter); column.addWidget(label)
window.setStyleSheet({sheet!r})
window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint)
window.setGeometry(app.primaryScreen().geometry())
window.showFullScreen()
app.exec()
"""


def write_probe(folder: Path) -> Path:
    """The minimal PySide6 program with the kiosk's first-screen widgets and style sheet."""
    from kiosk import paths

    sheet, title, publisher, call, hint = first_screen_parts()
    probe = folder / "probe.py"
    source = PROBE.format(
        fonts=str(paths.asset("fonts")),
        sheet=sheet,
        title=title,
        publisher=publisher,
        call=call,
        hint=hint,
    )
    probe.write_text(source, "utf-8")
    return probe


def html_page(folder: Path) -> Path:
    """The same leaflet as one HTML page: the first screen shown, every card in the page."""
    from kiosk import paths
    from kiosk.content import load_library
    from kiosk.ui import attract

    leaflet = load_library(paths.bundled_content()).leaflets[0]
    fonts = paths.asset("fonts")
    cards = []
    for card in leaflet.cards:
        body = "".join(f"<p>{html.escape(getattr(block, 'text', ''))}</p>" for block in card.blocks)
        cards.append(f"<section hidden><h2>{html.escape(card.title)}</h2>{body}</section>")
    page = f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>{html.escape(leaflet.title)}</title><style>
@font-face {{ font-family: AH; src: url("file://{fonts}/AtkinsonHyperlegible-Regular.ttf"); }}
@font-face {{ font-family: AH; font-weight: 700;
  src: url("file://{fonts}/AtkinsonHyperlegible-Bold.ttf"); }}
html, body {{ margin: 0; height: 100%; background: #E9EEF0; font-family: AH, sans-serif; }}
header {{ display: flex; justify-content: space-between; padding: 16px; background: #fff; }}
header button {{ font: 700 32px AH; padding: 16px 32px; border-radius: 16px; }}
main {{ display: flex; align-items: center; justify-content: center; height: 80%; }}
.block {{ width: 1500px; background: #fff; border: 3px solid #4A5A66; border-radius: 28px;
  text-align: center; padding: 32px; }}
.pub {{ font-size: 40px; font-weight: 700; color: #4A5A66; }}
h1 {{ font-size: 80px; margin: 16px 0; }}
.call {{ font-size: 64px; font-weight: 700; color: #fff; background: #0B5FA5;
  border-radius: 16px; padding: 24px 40px; }}
.hint {{ font-size: 40px; }}
</style></head><body>
<header><button>Listen</button><button>Aa Display</button></header>
<main><div class="block"><div class="pub">{html.escape(leaflet.publisher)}</div>
<h1>{html.escape(leaflet.title)}</h1><div class="call">{html.escape(attract.DEFAULT_CALL)}</div>
<p class="hint">{html.escape(attract.DEFAULT_AUDIO_HINT)}</p></div></main>
{"".join(cards)}
</body></html>"""
    target = folder / "leaflet.html"
    target.write_text(page, "utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--python", default=sys.executable, help="interpreter for the kiosk")
    parser.add_argument("--no-chromium", action="store_true")
    parser.add_argument("--frozen", action="store_true", help="also dist/sen-kiosk/sen-kiosk")
    parser.add_argument("--arms", help="comma-separated subset of arms")
    parser.add_argument("--shots", type=Path, help="save each arm's first screen here (PNG)")
    parser.add_argument(
        "--compare",
        type=Path,
        action="append",
        default=[],
        help="another checkout of the kiosk to run as an extra arm (before/after, interleaved)",
    )
    args = parser.parse_args()

    outside.compile_kiosk(args.python)
    work = Path(tempfile.mkdtemp(prefix="bench-launch-"))
    probe = write_probe(work)
    page = html_page(work)
    home = outside.kiosk_home()
    homes = [home]
    reused_profile = work / "chromium-profile"

    arms: dict[str, Callable[[str], Launched]] = {
        "kiosk": lambda d: outside.spawn(
            outside.kiosk_command(python=args.python), d, {"SEN_KIOSK_HOME": str(home)}
        ),
        "probe": lambda d: outside.spawn([args.python, str(probe)], d),
    }
    chromium = shutil.which(CHROMIUM) if not args.no_chromium else None
    if chromium:
        # Chromium leaves a folder in the temporary folder at each start when it is stopped
        # (SingletonSocket, SingletonCookie): 52 a run. They go with the work folder.
        chromium_env = {"TMPDIR": str(work)}

        def fresh(d: str) -> Launched:
            profile = tempfile.mkdtemp(prefix="profile-", dir=work)
            return outside.spawn(
                [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", page.as_uri()],
                d,
                chromium_env,
            )

        arms["chromium-fresh"] = fresh
        arms["chromium-reused"] = lambda d: outside.spawn(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={reused_profile}", page.as_uri()],
            d,
            chromium_env,
        )
    for other in args.compare:
        subprocess.run([args.python, "-m", "compileall", "-q", str(other / "kiosk")], check=True)
        other_home = outside.kiosk_home()
        homes.append(other_home)
        arms[f"kiosk@{other.name}"] = lambda d, o=other, h=other_home: outside.spawn(
            outside.kiosk_command(python=args.python), d, {"SEN_KIOSK_HOME": str(h)}, cwd=o
        )
    if args.frozen:
        # Each checkout's own build beside its source run: ROOT's, and a compared one's when
        # it has a dist/ (so the frozen/source ratio has a before and an after).
        builds = {"frozen": ROOT} | {f"frozen@{o.name}": o for o in args.compare}
        for name, root in builds.items():
            frozen = root / "dist" / "sen-kiosk" / "sen-kiosk"
            if not frozen.exists():
                if root != ROOT:
                    continue
                print("no dist/sen-kiosk/sen-kiosk: run scripts/dist first", file=sys.stderr)
                return 2
            frozen_home = outside.kiosk_home()
            homes.append(frozen_home)
            arms[name] = lambda d, f=frozen, h=frozen_home: outside.spawn(
                [str(f)], d, {"SEN_KIOSK_HOME": str(h)}
            )
    if args.arms:
        arms = {k: v for k, v in arms.items() if k in args.arms.split(",")}

    times: dict[str, list[float]] = {name: [] for name in arms}
    with outside.xvfb() as display:
        screen = Screen(display)
        blank = screen.rows()

        def once(name: str, shot: bool = False) -> float:
            launched = arms[name](display)
            try:
                took = outside.wait_first_screen(screen, launched, blank)
                if shot and args.shots:
                    args.shots.mkdir(parents=True, exist_ok=True)
                    outside.screenshot(display, args.shots / f"launch-{name}.png")
                return took
            finally:
                outside.stop(launched)
                outside.wait_until(lambda: screen.rows() == blank, timeout_s=20)

        for name in arms:  # warm-up: disk cache, the kiosk's content cache, the reused profile
            once(name, shot=True)
        for turn in range(args.runs):
            for name in outside.rotated(list(arms), turn):
                times[name].append(once(name))
        screen.close()

    medians = {name: statistics.median(values) for name, values in times.items()}
    result: dict[str, object] = {
        "benchmark": "launch to full first screen (X framebuffer, Xvfb 1920x1080)",
        "runs": args.runs,
        "ms": {name: outside.summary(values) for name, values in times.items()},
    }
    misses: list[str] = []
    ratios: dict[str, float] = {}

    def ratio(label: str, over: str, under: str, target: float) -> None:
        if over in medians and under in medians:
            ratios[label] = round(medians[over] / medians[under], 2)
            if ratios[label] > target:
                misses.append(f"{label} = {ratios[label]} (target <= {target})")

    ratio("kiosk/chromium-reused", "kiosk", "chromium-reused", 0.6)
    ratio("kiosk/chromium-fresh", "kiosk", "chromium-fresh", 1e9)
    ratio("kiosk/probe", "kiosk", "probe", 1.15)
    ratio("frozen/kiosk", "frozen", "kiosk", 1.1)
    for other in args.compare:
        ratio(f"kiosk@{other.name}/probe", f"kiosk@{other.name}", "probe", 1e9)
        ratio(
            f"frozen@{other.name}/kiosk@{other.name}",
            f"frozen@{other.name}",
            f"kiosk@{other.name}",
            1e9,
        )
    result["ratios_of_medians"] = ratios
    result["targets"] = {
        "kiosk/chromium-reused": 0.6,
        "kiosk/probe": 1.15,
        "frozen/kiosk": 1.1,
    }
    shutil.rmtree(work, ignore_errors=True)
    for folder in homes:
        shutil.rmtree(folder, ignore_errors=True)
    return outside.finish(result, misses)


if __name__ == "__main__":
    raise SystemExit(main())
