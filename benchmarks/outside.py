"""Measuring the kiosk from outside its process, as a visitor meets it: on an X server.

Shared by the outside-in benchmarks (launch, tap, memory, idle_cpu, scale). What is measured
is what reaches the X framebuffer, read with XGetImage through ctypes on libX11 under a private
Xvfb at 1920x1080, and what the process tree costs, read from /proc. Taps are XTest button
events on the real buttons, which go through the X server and Qt's input handling like a
touch-screen's events.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.damage import DamageWatch

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1920, 1080
# Rows sampled to tell one frame from another: spread over the whole screen, so no part of the
# first screen can be missing when they stop changing.
SAMPLE_ROWS = (40, 160, 300, 420, 540, 660, 780, 900, 1020)


# --- X, through ctypes -----------------------------------------------------------------------
class _XImage(ctypes.Structure):
    _fields_ = [
        ("width", ctypes.c_int),
        ("height", ctypes.c_int),
        ("xoffset", ctypes.c_int),
        ("format", ctypes.c_int),
        ("data", ctypes.POINTER(ctypes.c_char)),
        ("byte_order", ctypes.c_int),
        ("bitmap_unit", ctypes.c_int),
        ("bitmap_bit_order", ctypes.c_int),
        ("bitmap_pad", ctypes.c_int),
        ("depth", ctypes.c_int),
        ("bytes_per_line", ctypes.c_int),
        ("bits_per_pixel", ctypes.c_int),
    ]


class _ShmSegment(ctypes.Structure):
    _fields_ = [
        ("shmseg", ctypes.c_ulong),
        ("shmid", ctypes.c_int),
        ("shmaddr", ctypes.c_void_p),
        ("read_only", ctypes.c_int),
    ]


_ALL_PLANES = 0xFFFFFFFFFFFFFFFF
_Z_PIXMAP = 2
_IPC_PRIVATE, _IPC_CREAT, _IPC_RMID = 0, 0o1000, 0


class _ShmImage:
    """One region size read through MIT-SHM: the X server writes the pixels straight into
    memory shared with this process. XGetImage would copy them through the socket instead,
    and a poll loop doing that every millisecond took about half a core (0.5 ms of this
    process and as much of Xvfb's per read of the tap strip), CPU the kiosk being measured
    then waited for on a 2-core machine."""

    def __init__(self, screen: Screen, width: int, height: int) -> None:
        x11, xext, libc = screen.x11, screen.xext, screen.libc
        self.screen, self.info = screen, _ShmSegment()
        visual = x11.XDefaultVisual(screen.display, 0)
        depth = x11.XDefaultDepth(screen.display, 0)
        image = xext.XShmCreateImage(
            screen.display, visual, depth, _Z_PIXMAP, None, ctypes.byref(self.info), width, height
        )
        if not image:
            raise OSError("XShmCreateImage failed")
        self.image = image
        self.size = image.contents.bytes_per_line * image.contents.height
        self.info.shmid = libc.shmget(_IPC_PRIVATE, self.size, _IPC_CREAT | 0o600)
        if self.info.shmid < 0:
            x11.XFree(image)
            raise OSError(ctypes.get_errno(), "shmget failed")
        self.info.shmaddr = libc.shmat(self.info.shmid, None, 0)
        # Removed once both sides detach, even if this process is killed.
        image.contents.data = ctypes.cast(self.info.shmaddr, ctypes.POINTER(ctypes.c_char))
        attached = xext.XShmAttach(screen.display, ctypes.byref(self.info))
        x11.XSync(screen.display, 0)
        libc.shmctl(self.info.shmid, _IPC_RMID, None)
        if not attached:
            self.close()
            raise OSError("XShmAttach failed")

    def read(self, x: int, y: int, step: int = 1) -> bytes:
        """The region at x, y; with `step`, only every step-th row of it (copied out of the
        shared memory, which is read once either way)."""
        screen = self.screen
        if not screen.xext.XShmGetImage(screen.display, screen.root, self.image, x, y, _ALL_PLANES):
            raise RuntimeError("XShmGetImage failed")
        if step == 1:
            return ctypes.string_at(self.info.shmaddr, self.size)
        line = self.image.contents.bytes_per_line
        rows = range(0, self.image.contents.height, step)
        return b"".join(ctypes.string_at(self.info.shmaddr + r * line, line) for r in rows)

    def close(self) -> None:
        screen = self.screen
        screen.xext.XShmDetach(screen.display, ctypes.byref(self.info))
        screen.x11.XSync(screen.display, 0)
        screen.libc.shmdt(ctypes.c_void_p(self.info.shmaddr))
        screen.x11.XFree(self.image)


class Screen:
    """One connection to the X server: framebuffer reads and XTest input."""

    def __init__(self, display: str) -> None:
        self.x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XGetImage.restype = ctypes.POINTER(_XImage)
        self.x11.XGetImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_ulong,
            ctypes.c_int,
        ]
        self.x11.XFree.argtypes = [ctypes.c_void_p]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
        self.xtst.XTestFakeMotionEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self.xtst.XTestFakeButtonEvent.argtypes = [
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self.display = self.x11.XOpenDisplay(display.encode())
        if not self.display:
            raise RuntimeError(f"cannot open X display {display}")
        self.root = self.x11.XDefaultRootWindow(self.display)
        self._shm: dict[tuple[int, int], _ShmImage] | None = self._shm_setup()
        self.damage = DamageWatch(self)

    def _shm_setup(self) -> dict[tuple[int, int], _ShmImage] | None:
        """MIT-SHM if the server has it (Xvfb does), else None: plain XGetImage."""
        try:
            self.xext = ctypes.CDLL(ctypes.util.find_library("Xext") or "libXext.so.6")
            self.libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        except OSError:
            return None
        self.x11.XDefaultVisual.restype = ctypes.c_void_p
        self.x11.XDefaultVisual.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.x11.XDefaultDepth.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.xext.XShmQueryExtension.argtypes = [ctypes.c_void_p]
        self.xext.XShmCreateImage.restype = ctypes.POINTER(_XImage)
        self.xext.XShmCreateImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_void_p,
            ctypes.POINTER(_ShmSegment),
            ctypes.c_uint,
            ctypes.c_uint,
        ]
        self.xext.XShmAttach.argtypes = [ctypes.c_void_p, ctypes.POINTER(_ShmSegment)]
        self.xext.XShmDetach.argtypes = [ctypes.c_void_p, ctypes.POINTER(_ShmSegment)]
        self.xext.XShmGetImage.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XImage),
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_ulong,
        ]
        self.libc.shmget.argtypes = [ctypes.c_int, ctypes.c_size_t, ctypes.c_int]
        self.libc.shmat.restype = ctypes.c_void_p
        self.libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
        self.libc.shmdt.argtypes = [ctypes.c_void_p]
        self.libc.shmctl.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_void_p]
        if not self.xext.XShmQueryExtension(self.display):
            return None
        return {}

    def grab(self, x: int, y: int, width: int, height: int, step: int = 1) -> bytes:
        """The pixels of a region in one read; with `step`, only every step-th row of it."""
        if self._shm is not None:
            image = self._shm.get((width, height))
            if image is None:
                try:
                    image = self._shm[(width, height)] = _ShmImage(self, width, height)
                except OSError:
                    self._shm = None  # e.g. a remote server: plain reads from now on
                    return self.grab(x, y, width, height, step)
            return image.read(x, y, step)
        if step != 1:
            line = width * 4
            whole = self.grab(x, y, width, height)
            return b"".join(whole[r * line : (r + 1) * line] for r in range(0, height, step))
        image = self.x11.XGetImage(
            self.display, self.root, x, y, width, height, _ALL_PLANES, _Z_PIXMAP
        )
        if not image:
            raise RuntimeError("XGetImage failed")
        try:
            size = image.contents.bytes_per_line * image.contents.height
            return ctypes.string_at(image.contents.data, size)
        finally:
            self.x11.XFree(image.contents.data)
            self.x11.XFree(image)

    def rows(self, ys: Sequence[int] = SAMPLE_ROWS, x: int = 0, width: int = WIDTH) -> bytes:
        return b"".join(self.grab(x, y, width, 1) for y in ys)

    def frame_hash(self) -> str:
        return hashlib.sha1(self.grab(0, 0, WIDTH, HEIGHT)).hexdigest()

    def click(self, x: int, y: int) -> None:
        self.xtst.XTestFakeMotionEvent(self.display, -1, x, y, 0)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 1, 0)
        self.xtst.XTestFakeButtonEvent(self.display, 1, 0, 0)
        self.x11.XFlush(self.display)

    def close(self) -> None:
        if self.display:
            self.damage.close()
            for image in (self._shm or {}).values():
                image.close()
            self._shm = None
            self.x11.XCloseDisplay(self.display)
            self.display = None


@contextlib.contextmanager
def xvfb(width: int = WIDTH, height: int = HEIGHT) -> Iterator[str]:
    """A private Xvfb; yields its DISPLAY. -displayfd picks a free display number."""
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
            "-br",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def screenshot(display: str, target: Path) -> None:
    """The whole screen as PNG (ImageMagick's import), to look at what was measured."""
    subprocess.run(
        ["import", "-display", display, "-window", "root", str(target)], check=False, timeout=60
    )


# --- the process tree, from /proc ------------------------------------------------------------
def tree(pid: int) -> list[int]:
    """`pid` and all its descendants still alive."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _status_kib(pid: int, key: str) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


def _pss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


# How the X server shares a window's image with its client (MIT-SHM): a memfd it made, or a
# System V segment. Both count in the client's RSS once it paints into them.
_X_SHARED = ("/memfd:xorg", "/SYSV")


def x_shared_kib(smaps: str) -> int:
    """Resident KiB of the mappings in `smaps` (a /proc/PID/smaps text) shared with the X
    server: the window's image, the same size for the kiosk and the probe (8 MiB at
    1920x1080). Whether the server shares it, and so whether it is counted, varies between
    X servers and runs."""
    total = 0
    shared = False
    for line in smaps.splitlines():
        fields = line.split()
        if not fields:
            continue
        if "-" in fields[0] and not fields[0].endswith(":"):  # a mapping's header line
            shared = len(fields) >= 6 and fields[5].startswith(_X_SHARED)
        elif shared and fields[0] == "Rss:":
            total += int(fields[1])
    return total


def _x_shared_mib(pid: int) -> float:
    with open(f"/proc/{pid}/smaps") as smaps:
        return round(x_shared_kib(smaps.read()) / 1024, 1)


def _name(pid: int) -> str:
    with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
        parts = cmdline.read().split(b"\0")
    words = [p.decode(errors="replace") for p in parts if p]
    if not words:
        return "?"
    if Path(words[0]).name.startswith("python") and len(words) > 1:
        return " ".join(Path(w).name if "/" in w else w for w in words[1:3])
    return Path(words[0]).name + (" " + words[1] if len(words) > 1 else "")


def memory(pid: int) -> dict[str, Any]:
    """RSS and PSS (MiB) of every process in the tree, and their sums."""
    processes = []
    for member in tree(pid):
        with contextlib.suppress(OSError):
            processes.append(
                {
                    "pid": member,
                    "name": _name(member)[:60],
                    "rss_mib": round(_status_kib(member, "VmRSS") / 1024, 1),
                    "pss_mib": round(_pss_kib(member) / 1024, 1),
                    "x_shared_mib": _x_shared_mib(member),
                }
            )
    return {
        "processes": processes,
        "rss_mib_total": round(sum(p["rss_mib"] for p in processes), 1),
        "pss_mib_total": round(sum(p["pss_mib"] for p in processes), 1),
        "x_shared_mib_total": round(sum(p["x_shared_mib"] for p in processes), 1),
    }


_TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of the tree so far (children already reaped count in their parent)."""
    total = 0
    for member in tree(pid):
        with contextlib.suppress(OSError), open(f"/proc/{member}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
            total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / _TICK


# --- launching and waiting for the first screen ----------------------------------------------
@dataclass
class Launched:
    process: subprocess.Popen[bytes]
    started: float  # time.monotonic() just before the spawn
    log: Path  # its stderr (a file: a full pipe would stall the process being measured)
    screen_ms: float = 0.0  # spawn to the full first screen on the framebuffer

    def errors(self) -> str:
        try:
            return self.log.read_text("utf-8", errors="replace")[-2000:]
        except OSError:
            return ""


def spawn(
    command: Sequence[str],
    display: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> Launched:
    full_env = {**os.environ, **(env or {}), "DISPLAY": display}
    full_env.pop("QT_QPA_PLATFORM", None)
    full_env.pop("WAYLAND_DISPLAY", None)
    fd, log = tempfile.mkstemp(prefix="bench-stderr-", suffix=".log")
    started = time.monotonic()
    process = subprocess.Popen(
        list(command),
        env=full_env,
        stdout=subprocess.DEVNULL,
        stderr=fd,
        start_new_session=True,
        cwd=cwd,
    )
    os.close(fd)
    return Launched(process, started, Path(log))


def wait_first_screen(
    screen: Screen,
    launched: Launched,
    blank: bytes,
    *,
    settle_ms: float = 600,
    timeout_s: float = 60,
    poll_ms: float = 10,
) -> float:
    """Spawn to the last change of the sampled rows before they held still for `settle_ms`:
    the moment the whole first screen was on the framebuffer. Returns milliseconds."""
    last = blank
    changed_at: float | None = None
    deadline = launched.started + timeout_s
    while time.monotonic() < deadline:
        if launched.process.poll() is not None:
            code = launched.process.returncode
            raise RuntimeError(f"exited with {code} before its first screen: {launched.errors()}")
        now = time.monotonic()
        rows = screen.rows()
        if rows != last:
            last, changed_at = rows, now
        elif changed_at is not None and rows != blank and (now - changed_at) * 1000 >= settle_ms:
            launched.screen_ms = (changed_at - launched.started) * 1000
            return launched.screen_ms
        time.sleep(poll_ms / 1000)
    raise RuntimeError("no steady first screen before the timeout")


def stop(launched: Launched) -> None:
    """End the whole process group (a kiosk, its speech engine and player; Chromium's zoo),
    and return once every member has gone, not only the one started: a member still shutting
    down (a renderer, a speech engine) takes CPU from whatever is timed next."""
    group = launched.process.pid
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGTERM)
    try:
        launched.process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)
        launched.process.wait(10)
    if not _group_gone(group, timeout_s=10):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)
        _group_gone(group, timeout_s=10)
    launched.log.unlink(missing_ok=True)


def _group_gone(group: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False  # the id is someone else's group now
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)


def rotated(names: Sequence[str], turn: int) -> list[str]:
    """The arms' order in round `turn`. Each takes each place in the round in turn (the first
    place comes after a quiet spell), and every other cycle runs backwards, so none always
    comes right after the same one (a start after Chromium's shutdown was always the frozen
    build's)."""
    if not names:
        return []
    shift = turn % len(names)
    order = [*names[shift:], *names[:shift]]
    return order[::-1] if (turn // len(names)) % 2 else order


def wait_until(predicate: Callable[[], bool], timeout_s: float = 30, poll_s: float = 0.05) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting")
        time.sleep(poll_s)


# --- the kiosk, as `python -m kiosk` starts it ------------------------------------------------
def compile_kiosk(python: str = sys.executable, root: Path = ROOT) -> None:
    """Write the bytecode, as pip and PyInstaller do for an installed kiosk: with
    PYTHONDONTWRITEBYTECODE set, a checkout would otherwise compile every module at each start
    and the benchmark would time the compiler."""
    subprocess.run([python, "-m", "compileall", "-q", str(root / "kiosk")], check=True)


def kiosk_home(settings: str = "") -> Path:
    """A fresh SEN_KIOSK_HOME, optionally with a kiosk.toml."""
    home = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    if settings:
        (home / "config").mkdir(parents=True, exist_ok=True)
        (home / "config" / "kiosk.toml").write_text(settings, "utf-8")
    return home


def kiosk_command(*args: str, python: str = sys.executable) -> list[str]:
    return [python, "-m", "kiosk", *args]


def geometry_command(geometry_file: Path, *args: str, python: str = sys.executable) -> list[str]:
    """The kiosk as `python -m kiosk` runs it, plus a report of where its buttons are (the
    benchmark must know where to tap; nothing else about the kiosk changes)."""
    return [python, str(ROOT / "benchmarks" / "_geometry.py"), str(geometry_file), *args]


# --- results ---------------------------------------------------------------------------------
def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": round(statistics.median(values), 2),
        "p99": round(percentile(values, 0.99), 2),
        "min": round(min(values), 2),
        "max": round(max(values), 2),
        "n": len(values),
    }


def machine() -> dict[str, Any]:
    import platform

    load = os.getloadavg()
    return {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "cpus": os.cpu_count(),
        "load_1min": round(load[0], 2),
        "python": platform.python_version(),
        "pyside6": _pyside_version(),
    }


def _pyside_version() -> str:
    try:
        import PySide6

        return str(PySide6.__version__)
    except ImportError:
        return "?"


def finish(result: dict[str, Any], misses: list[str]) -> int:
    """Print the JSON; exit status 1 when any target was missed."""
    result["machine"] = machine()
    result["missed"] = misses
    result["ok"] = not misses
    print(json.dumps(result, indent=2))
    for miss in misses:
        print(f"MISSED: {miss}", file=sys.stderr)
    return 1 if misses else 0
