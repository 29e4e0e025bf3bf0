"""Screen-reader-level probe: reads the kiosk's accessibility tree over AT-SPI.

Run with Debian's /usr/bin/python3 (python3-pyatspi), inside an X display and a D-Bus session
where the AT-SPI bus and the kiosk (QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, xcb) are running; see
tests/a11y/test_atspi.py, which sets all of that up. The probe:

1. finds the application on the accessibility bus by name and waits for its window;
2. drives the UI like a keyboard user (xdotool keys in the X display; the AT-SPI "Press"
   action on a button found by name where a keyboard user would Tab to it);
3. on each screen (home, first card, third card with a quotation, First Steps card, first
   contacts card, last card) snapshots the whole tree: role, name, description, states,
   extents, and the text of every showing Text object;
4. walks focus with Tab on each screen, recording the focused accessible until it cycles;
5. writes everything as JSON (--out), and exits 0 even when it finds defects: judging is the
   test's job. It exits 2 only when it could not do its job (no app, a screen never showed).

Kept compatible with Python 3.11 (Debian's pyatspi) and 3.12.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
import traceback
from typing import Any

import pyatspi  # type: ignore[import-not-found]

PROGRESS = re.compile(r"^Card (\d+) of (\d+)$")
STATES = {
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
    "showing": pyatspi.STATE_SHOWING,
    "visible": pyatspi.STATE_VISIBLE,
    "enabled": pyatspi.STATE_ENABLED,
    "sensitive": pyatspi.STATE_SENSITIVE,
    "editable": pyatspi.STATE_EDITABLE,
    "read_only": pyatspi.STATE_READ_ONLY,
    "checkable": pyatspi.STATE_CHECKABLE,
    "checked": pyatspi.STATE_CHECKED,
}
MAX_TEXT = 20000


class ProbeError(Exception):
    """The probe could not do its job (as opposed to finding a defect)."""


def log(message: str) -> None:
    print(f"[probe {time.monotonic():.2f}] {message}", file=sys.stderr, flush=True)


def wait_for(what: str, check: Any, timeout: float, interval: float = 0.05) -> Any:
    """Poll `check()` until it returns something truthy; raise ProbeError after `timeout`."""
    deadline = time.monotonic() + timeout
    last_error = ""
    while True:
        try:
            value = check()
        except Exception as exc:  # the tree changes under us while Qt rebuilds it
            value = None
            last_error = f" (last error: {exc!r})"
        if value:
            return value
        if time.monotonic() > deadline:
            raise ProbeError(f"timed out after {timeout:.0f} s waiting for {what}{last_error}")
        time.sleep(interval)


# --- reading the tree ------------------------------------------------------------------------
def states_of(node: Any) -> dict[str, bool]:
    state_set = node.getState()
    return {key: bool(state_set.contains(value)) for key, value in STATES.items()}


def extents_of(node: Any) -> list[int] | None:
    try:
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    except NotImplementedError:
        return None
    return [box.x, box.y, box.width, box.height]


def text_of(node: Any) -> str | None:
    try:
        text = node.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, min(text.characterCount, MAX_TEXT)))


def interfaces_of(node: Any) -> list[str]:
    try:
        return sorted(str(i) for i in node.get_interfaces())
    except Exception:
        return []


def actions_of(node: Any) -> list[str]:
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [str(action.getName(i)) for i in range(action.nActions)]


def describe(node: Any, path: list[int], full: bool) -> dict[str, Any]:
    states = states_of(node)
    info: dict[str, Any] = {
        "path": path,
        "role": str(node.getRoleName()),
        "name": str(node.name or ""),
        "description": str(node.description or ""),
        "states": states,
    }
    if full:
        info["extents"] = extents_of(node)
        info["interfaces"] = interfaces_of(node)
        info["actions"] = actions_of(node)
        if states["showing"] and "Text" in info["interfaces"]:
            info["text"] = text_of(node)
    return info


def walk(root: Any, showing_only: bool = False, full: bool = True) -> list[dict[str, Any]]:
    """Every node under `root` (root first), depth first, with its child-index path."""
    nodes: list[dict[str, Any]] = []
    stack: list[tuple[Any, list[int]]] = [(root, [])]
    while stack:
        node, path = stack.pop()
        if node is None:
            continue
        info = describe(node, path, full)
        nodes.append(info)
        if showing_only and path and not info["states"]["showing"]:
            continue
        children = [(node.getChildAtIndex(i), [*path, i]) for i in range(node.childCount)]
        stack.extend(reversed(children))
    return nodes


# --- finding things ----------------------------------------------------------------------------
def find_app(name: str) -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == name:
            return app
    return None


def app_names() -> list[str]:
    desktop = pyatspi.Registry.getDesktop(0)
    apps = (desktop.getChildAtIndex(i) for i in range(desktop.childCount))
    return [str(a.name) for a in apps if a is not None]


def window_of(app: Any) -> Any:
    for i in range(app.childCount):
        child = app.getChildAtIndex(i)
        if child is not None and states_of(child)["showing"]:
            return child
    return None


def find_showing(window: Any, role: str, name: str | re.Pattern[str]) -> list[Any]:
    """Showing accessibles with this role whose name equals `name` (or matches the regex)."""
    found = []
    stack = [window]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        state_set = node.getState()
        if node is not window and not state_set.contains(pyatspi.STATE_SHOWING):
            continue
        if node.getRoleName() == role:
            label = str(node.name or "")
            ok = name.search(label) if isinstance(name, re.Pattern) else label == name
            if ok:
                found.append(node)
        stack.extend(node.getChildAtIndex(i) for i in range(node.childCount))
    return found


def focused(app: Any) -> dict[str, Any] | None:
    """The focused accessible, with its path from the application (as in the snapshots)."""
    for info in walk(app, showing_only=True, full=False):
        if info["states"]["focused"] and info["path"]:
            return info
    return None


def current_card(window: Any) -> int:
    """The card number shown by the progress label (1-based), or 0 on the home screen."""
    for label in find_showing(window, "label", PROGRESS):
        match = PROGRESS.match(str(label.name))
        if match:
            return int(match.group(1))
    return 0


# --- acting ------------------------------------------------------------------------------------
def key(name: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True, timeout=10)


def focus_x_window(pid: int) -> None:
    """Give the kiosk's X window the keyboard focus (there is no window manager under Xvfb)."""
    out = subprocess.run(
        ["xdotool", "search", "--sync", "--onlyvisible", "--pid", str(pid)],
        capture_output=True,
        text=True,
        timeout=15,
        check=False,
    ).stdout.split()
    if out:
        subprocess.run(["xdotool", "windowfocus", "--sync", out[-1]], timeout=10, check=False)


def press(window: Any, name: str, role: str = "push button") -> None:
    """Press a showing control by its accessible name, as a screen-reader user would."""
    matches = find_showing(window, role, name)
    if not matches:
        raise ProbeError(f"no showing {role} named {name!r}")
    action = matches[0].queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    index = names.index("Press") if "Press" in names else 0
    action.doAction(index)


class Probe:
    def __init__(self, args: argparse.Namespace):
        self.args = args
        self.result: dict[str, Any] = {
            "ok": False,
            "app_name_wanted": args.app,
            "snapshots": {},
            "tab_walks": {},
            "steps": [],
            "errors": [],
            "timings": {},
        }
        self.app: Any = None
        self.window: Any = None
        self.t0 = time.monotonic()

    def step(self, message: str) -> None:
        log(message)
        self.result["steps"].append(f"{time.monotonic() - self.t0:.2f}s {message}")

    def wait_card(self, number: int) -> None:
        wait_for(f"card {number}", lambda: current_card(self.window) == number, self.args.timeout)
        # Once the stack has switched, exactly one card text object is showing.
        wait_for(
            f"card {number} text",
            lambda: len(find_showing(self.window, "text", re.compile("."))) == 1,
            self.args.timeout,
        )

    def leave_attract(self) -> None:
        """The kiosk opens on its attract screen; a touch (here a click) starts a visit."""
        wait_for(
            "the attract screen",
            lambda: find_showing(self.window, "label", re.compile("^Touch the screen to start")),
            self.args.timeout,
        )
        self.step("attract screen: touching it")
        subprocess.run(["xdotool", "mousemove", "960", "700", "click", "1"], check=True, timeout=10)

    def wait_home(self) -> None:
        wait_for(
            "the home screen",
            lambda: (
                current_card(self.window) == 0
                and find_showing(self.window, "push button", re.compile("^Start reading"))
            ),
            self.args.timeout,
        )

    def wait_focus_on(self, pattern: str) -> dict[str, Any]:
        regex = re.compile(pattern)

        def check() -> dict[str, Any] | None:
            info = focused(self.app)
            return info if info and regex.search(info["name"]) else None

        return wait_for(f"focus on {pattern!r}", check, self.args.timeout)

    def snapshot(self, label: str) -> None:
        start = time.monotonic()
        nodes = walk(self.app)
        self.result["snapshots"][label] = {
            "card": current_card(self.window),
            "nodes": nodes,
        }
        self.result["timings"][f"snapshot:{label}"] = round(time.monotonic() - start, 3)
        self.step(f"snapshot {label}: {len(nodes)} nodes")

    def tab_walk(self, label: str) -> None:
        """Press Tab until focus comes back to where it started; record every stop."""
        start = time.monotonic()
        first = focused(self.app)
        stops: list[dict[str, Any]] = []
        outcome = "no-focus"
        previous = first
        for _ in range(self.args.max_tabs):
            if previous is None:
                break
            key("Tab")
            before = previous["path"]
            try:
                now = wait_for(
                    "focus to move",
                    lambda before=before: (
                        (info := focused(self.app)) and info["path"] != before and info
                    ),
                    self.args.tab_timeout,
                    interval=0.02,
                )
            except ProbeError:
                outcome = "stuck"
                break
            stops.append({k: now[k] for k in ("path", "role", "name")})
            if first is not None and now["path"] == first["path"]:
                outcome = "cycled"
                break
            previous = now
        else:
            outcome = "no-cycle"
        self.result["tab_walks"][label] = {
            "start": None if first is None else {k: first[k] for k in ("path", "role", "name")},
            "stops": stops,
            "outcome": outcome,
        }
        self.result["timings"][f"tabs:{label}"] = round(time.monotonic() - start, 3)
        self.step(f"tab walk {label}: {outcome} after {len(stops)} stops")

    def first_key(self) -> None:
        """Send one Tab and note what it did: the kiosk may take the first key of a visit to
        switch on its audio mode (EZ Access style) instead of moving focus."""
        before = focused(self.app)
        key("Tab")
        try:
            wait_for(
                "the first Tab to move focus",
                lambda: (now := focused(self.app)) and before and now["path"] != before["path"],
                self.args.tab_timeout,
            )
            moved = True
        except ProbeError:
            moved = False
        toggles = [
            describe(n, [], full=False)
            for n in find_showing(self.window, "check box", re.compile("."))
            + find_showing(self.window, "toggle button", re.compile("."))
        ]
        self.result["first_key"] = {"moved_focus": moved, "toggles": toggles}
        self.step(f"first Tab moved focus: {moved}; toggles: {toggles}")
        if moved:
            key("shift+Tab")
        self.wait_focus_on("^Start reading")

    def screen(self, label: str) -> None:
        self.snapshot(label)
        self.tab_walk(label)

    def run(self) -> None:
        args = self.args
        self.step(f"waiting for {args.app!r} on the accessibility bus")
        try:
            self.app = wait_for(f"application {args.app!r}", lambda: find_app(args.app), 20)
        except ProbeError:
            self.result["apps_on_bus"] = app_names()
            raise
        self.result["app"] = describe(self.app, [], full=False)
        self.window = wait_for("a showing window", lambda: window_of(self.app), args.timeout)
        self.leave_attract()
        self.wait_home()
        if args.kiosk_pid:
            focus_x_window(args.kiosk_pid)
        self.wait_focus_on("^Start reading")
        self.first_key()
        self.screen("home")

        # Keyboard: focus is back on "Start reading" after the Tab cycle; Return opens card 1.
        self.wait_focus_on("^Start reading")
        key("Return")
        self.wait_card(1)
        self.screen("card1")

        key("Right")
        self.wait_card(2)
        key("Right")
        self.wait_card(3)
        self.snapshot("card3_quote")

        key("Right")
        self.wait_card(4)
        self.snapshot("first_steps")

        key("Escape")
        self.wait_home()
        self.step("Escape went home; pressing the Contacts tile")
        contacts = [
            n
            for n in find_showing(self.window, "push button", re.compile("^Contacts"))
            if n is not None
        ]
        if not contacts:
            raise ProbeError("no showing tile whose name starts with 'Contacts'")
        press(self.window, str(contacts[0].name))
        wait_for("a card", lambda: current_card(self.window) > 0, args.timeout)
        self.snapshot("contacts")
        self.read_aloud()

        total = 0
        for label in find_showing(self.window, "label", PROGRESS):
            match = PROGRESS.match(str(label.name))
            if match:
                total = int(match.group(2))
        while current_card(self.window) < total:
            number = current_card(self.window)
            press(self.window, "Next")
            self.wait_card(number + 1)
        self.screen("last")

        press(self.window, "Finish")
        self.wait_home()
        self.step("Finish went home")
        self.overlays_and_staff()
        self.result["ok"] = True

    def run_library(self) -> None:
        """A library of leaflets (--library): the chooser, then a right-to-left leaflet's home
        screen and second card, then back to the chooser with All leaflets."""
        args = self.args
        self.app = wait_for(f"application {args.app!r}", lambda: find_app(args.app), 20)
        self.result["app"] = describe(self.app, [], full=False)
        self.window = wait_for("a showing window", lambda: window_of(self.app), args.timeout)
        self.leave_attract()
        self.wait_showing("label", "^Choose a leaflet$")
        if args.kiosk_pid:
            focus_x_window(args.kiosk_pid)
        self.wait_focus_on(".")
        self.screen("chooser")
        press(self.window, args.library)
        self.wait_home()
        self.snapshot("rtl_home")
        press(self.window, "Start reading")
        self.wait_card(1)
        # The second (last) card: Back is enabled there, so the whole row is read.
        press(self.window, "Next")
        self.wait_card(2)
        self.wait_focus_on("^Finish$")
        self.screen("rtl_card")
        press(self.window, "All leaflets")
        self.wait_showing("label", "^Choose a leaflet$")
        self.snapshot("chooser_again")
        self.result["ok"] = True

    def read_aloud(self) -> None:
        """With a screen reader running the kiosk names nothing itself, but reading a card
        on request still works: note when it was asked, so the run's plays can be split."""
        self.result["read_aloud_at"] = time.time()
        press(self.window, "Read aloud")
        time.sleep(2)
        matches = find_showing(self.window, "push button", "Stop reading")
        if matches:
            press(self.window, "Stop reading")
        self.step("pressed Read aloud, then Stop reading")

    def corner_gesture(self) -> None:
        """The staff gesture: hold the top-right corner, then the bottom-left one."""
        for x, y in ((1900, 20), (20, 1060)):
            subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1"], check=True)
            time.sleep(2.3)
            subprocess.run(["xdotool", "mouseup", "1"], check=True)
        self.step("made the staff corner gesture")

    def wait_showing(self, role: str, name: str) -> None:
        wait_for(
            f"a showing {role} {name!r}",
            lambda: find_showing(self.window, role, re.compile(name)),
            self.args.timeout,
        )

    def overlays_and_staff(self) -> None:
        args = self.args
        press(self.window, "Text and colours")
        self.wait_showing("push button", "^Done")
        self.snapshot("settings")
        key("Escape")
        self.wait_home()
        if args.pin:
            self.corner_gesture()
            self.wait_showing("push button", "^OK$")
            self.snapshot("pin")
            for digit in args.pin:
                key(digit)
            key("Return")
            self.wait_showing("push button", "^Back to kiosk$")
            self.snapshot("admin")
            press(self.window, "Back to kiosk")
            self.leave_attract()
            self.wait_home()
        # No input now: the idle warning comes (the run's settings shorten the wait).
        wait_for(
            "the idle warning", lambda: find_showing(self.window, "alert", re.compile(".")), 90
        )
        self.snapshot("idle_warning")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", default="SEN Help Kiosk", help="application name on the bus")
    parser.add_argument("--pin", default="", help="the staff PIN the run's settings hold")
    parser.add_argument("--out", required=True, help="write the JSON report here")
    parser.add_argument("--kiosk-pid", type=int, default=0, help="give this X client focus")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per wait")
    parser.add_argument("--tab-timeout", type=float, default=1.5, help="seconds per Tab stop")
    parser.add_argument("--max-tabs", type=int, default=40)
    parser.add_argument(
        "--library", default="", help="the name of the leaflet to open from the chooser"
    )
    args = parser.parse_args(argv)
    probe = Probe(args)
    code = 0
    try:
        if args.library:
            probe.run_library()
        else:
            probe.run()
    except Exception as exc:
        probe.result["errors"].append(f"{type(exc).__name__}: {exc}")
        probe.result["traceback"] = traceback.format_exc()
        log(probe.result["traceback"])
        code = 2
    probe.result["timings"]["total"] = round(time.monotonic() - probe.t0, 3)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(probe.result, handle, ensure_ascii=False, indent=1)
    return code


if __name__ == "__main__":
    sys.exit(main())
