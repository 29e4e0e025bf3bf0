"""Shared test set-up: offscreen Qt, the bundled library, the fonts and a shown kiosk window."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator

import pytest

from kiosk import paths
from kiosk.content import Library, load_library
from kiosk.ui.theme import Fonts

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _one_temporary_folder_per_run() -> None:
    """Send every temporary file of this test run to one folder, removed when the run ends.

    The kiosks the tests start leave a lock file each in the temporary folder, and scratch
    folders, homes and pytest's own basetemp add to it: a CI machine that runs the suite on
    every submission filled /tmp with hundreds of them a day. The process that makes the
    folder (pytest itself, or xdist's controller, which its workers inherit it from) is the
    one that removes it.
    """
    if os.environ.get("SEN_KIOSK_TEST_TMP"):
        return
    folder = tempfile.mkdtemp(prefix="sen-kiosk-tests-")
    os.environ["SEN_KIOSK_TEST_TMP"] = os.environ["TMPDIR"] = tempfile.tempdir = folder
    atexit.register(shutil.rmtree, folder, ignore_errors=True)


_one_temporary_folder_per_run()
# Everything the kiosk writes (settings, logs, stats, caches) goes to a throw-away folder.
os.environ.setdefault("SEN_KIOSK_HOME", tempfile.mkdtemp(prefix="home-"))
# ...and no test reads the machine's own /etc/sen-kiosk/kiosk.toml.
os.environ.setdefault(
    "SEN_KIOSK_SYSTEM_CONFIG", os.path.join(os.environ["SEN_KIOSK_HOME"], "etc", "kiosk.toml")
)


@pytest.fixture(autouse=True)
def _event_loops_still_run() -> Iterator[None]:
    """Fail the test that leaves Qt's quit flag set, and clear it for the tests after.

    QApplication.exit() or quit() called outside app.exec() (a stray timer, a slot that quits)
    sets a flag that makes every later QEventLoop.exec() return -1 at once: each later
    qtbot.wait/waitSignal/waitUntil then times out, and dozens of unrelated tests fail far
    from the cause. exec() clears the flag on entry and exit.
    """
    yield
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    app = QCoreApplication.instance()
    if app is None:
        return
    loop = QEventLoop()
    probe = QTimer()
    probe.setSingleShot(True)
    probe.timeout.connect(loop.quit)
    probe.start(0)
    answered = loop.exec()
    probe.stop()
    if answered == 0:
        return
    clear = QTimer()
    clear.setSingleShot(True)
    clear.timeout.connect(app.quit)
    clear.start(0)
    app.exec()
    clear.stop()
    pytest.fail(
        "Qt's quit flag was left set (QApplication.exit()/quit() outside app.exec()): "
        "every later event loop would return at once"
    )


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(paths.bundled_content())


@pytest.fixture
def fonts(qapp: object) -> Fonts:
    from kiosk.fonts import load_fonts

    return load_fonts()


@pytest.fixture
def family(fonts: Fonts) -> str:
    return fonts.reading


@pytest.fixture
def gateway(qapp: object) -> Iterator[object]:
    """The kiosk's one application event filter, installed for the test and removed after."""
    from PySide6.QtWidgets import QApplication

    from kiosk.input_gateway import InputGateway

    made = InputGateway()
    app = QApplication.instance()
    assert app is not None
    made.install(app)
    yield made
    made.remove()


@pytest.fixture
def window(qtbot, library: Library, fonts: Fonts) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The kiosk window at 1920x1080, shown offscreen."""
    from kiosk.ui.main_window import KioskWindow

    win = KioskWindow(library, fonts)
    qtbot.addWidget(win)
    win.resize(1920, 1080)
    win.show()
    qtbot.waitExposed(win)
    yield win
