from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk import logs, paths


def test_setup_logging_writes_start_line(kiosk_home: Path) -> None:
    settings = kiosk_home / "config" / "kiosk.toml"
    path = logs.setup_logging(settings, "bundled leaflet", "9.8.7")
    assert path == paths.log_dir() / "kiosk.log"
    logging.getLogger("kiosk.test").warning("something odd")
    logs.shutdown_logging()
    text = path.read_text("utf-8")
    assert "sen-kiosk 9.8.7" in text
    assert str(settings) in text and "missing: using defaults" in text
    assert "bundled leaflet" in text
    assert "WARNING kiosk.test: something odd" in text


def test_setup_twice_keeps_one_handler(kiosk_home: Path) -> None:
    logs.setup_logging(None, "x", "1")
    logs.setup_logging(None, "x", "1")
    ours = [h for h in logging.getLogger("kiosk").handlers if h.get_name() == logs.HANDLER_NAME]
    assert len(ours) == 1


def test_logs_rotate(kiosk_home: Path) -> None:
    path = logs.setup_logging(None, "x", "1", max_bytes=2000, backup_count=2)
    assert path is not None
    log = logging.getLogger("kiosk.rotate")
    for i in range(200):
        log.info("line %03d padding padding padding padding", i)
    logs.shutdown_logging()
    assert path.with_name("kiosk.log.1").exists()
    assert not path.with_name("kiosk.log.3").exists()


def test_logs_rotate_as_the_standard_librarys_rotating_handler(tmp_path: Path) -> None:
    # kiosk.log_guard rotates by itself to keep logging.handlers out of the start; the files
    # it leaves must be the ones RotatingFileHandler would: same names, same lines in each.
    import logging.handlers

    from kiosk.log_guard import FallbackFileHandler

    ours_dir, theirs_dir = tmp_path / "ours", tmp_path / "theirs"
    ours_dir.mkdir()
    theirs_dir.mkdir()
    handlers: list[logging.Handler] = [
        FallbackFileHandler(ours_dir / "kiosk.log", 700, 3),
        logging.handlers.RotatingFileHandler(
            theirs_dir / "kiosk.log", maxBytes=700, backupCount=3, encoding="utf-8"
        ),
    ]
    for i in range(120):
        # Lines of different lengths, one longer than a whole file.
        message = "x" * 800 if i == 50 else f"record {i} " + "é" * (i % 17)
        record = logging.LogRecord("kiosk.r", logging.INFO, __file__, 1, message, (), None)
        for handler in handlers:
            handler.handle(record)
    for handler in handlers:
        handler.close()
    names = sorted(path.name for path in theirs_dir.iterdir())
    assert names == ["kiosk.log", "kiosk.log.1", "kiosk.log.2", "kiosk.log.3"]
    assert sorted(path.name for path in ours_dir.iterdir()) == names
    for name in names:
        assert (ours_dir / name).read_bytes() == (theirs_dir / name).read_bytes(), name


def test_recent_lines(kiosk_home: Path) -> None:
    logs.setup_logging(None, "x", "1", max_bytes=3000, backup_count=3)
    log = logging.getLogger("kiosk.recent")
    for i in range(100):
        log.info("entry %03d", i)
    logs.shutdown_logging()
    lines = logs.recent_lines(40)
    assert len(lines) == 40
    assert lines[-1].endswith("entry 099")
    assert lines[0].endswith("entry 060")  # spans the rotated file too


def test_recent_lines_with_no_log(kiosk_home: Path) -> None:
    assert logs.recent_lines(10) == []


def test_unwritable_log_folder_falls_back_to_stderr(
    kiosk_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kiosk_home.mkdir()
    (kiosk_home / "logs").write_text("a file, not a folder", encoding="utf-8")
    assert logs.setup_logging(None, "x", "1") is None
    assert "logging to standard error" in capsys.readouterr().err


def test_excepthook_logs_traceback_and_exits_non_zero(kiosk_home: Path) -> None:
    path = logs.setup_logging(None, "x", "1")
    assert path is not None
    codes: list[int] = []
    restore = logs.install_excepthook(exit_fn=codes.append)
    try:
        try:
            raise RuntimeError("speech engine fell over")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        restore()
    assert codes == [logs.CRASH_EXIT_CODE]
    text = path.read_text("utf-8")
    assert "uncaught exception" in text
    assert "Traceback" in text and "RuntimeError: speech engine fell over" in text


def test_thread_exceptions_exit_too(kiosk_home: Path) -> None:
    path = logs.setup_logging(None, "x", "1")
    assert path is not None
    codes: list[int] = []
    restore = logs.install_excepthook(exit_fn=codes.append)
    try:

        def worker() -> None:
            raise ValueError("worker broke")

        thread = threading.Thread(target=worker, name="speech-worker")
        thread.start()
        thread.join()
    finally:
        restore()
    assert codes == [logs.CRASH_EXIT_CODE]
    assert "speech-worker" in path.read_text("utf-8")


class Emitter(QObject):
    fired = Signal()


class Broken(QObject):
    @Slot()
    def explode(self) -> None:
        raise RuntimeError("slot failed")


@pytest.mark.qt_no_exception_capture
def test_exception_in_qt_slot_reaches_the_hook(kiosk_home: Path, qapp: QApplication) -> None:
    path = logs.setup_logging(None, "x", "1")
    assert path is not None
    codes: list[int] = []
    restore = logs.install_excepthook(exit_fn=codes.append)
    emitter, broken = Emitter(), Broken()
    emitter.fired.connect(broken.explode)
    try:
        emitter.fired.emit()
    finally:
        restore()
    assert codes == [logs.CRASH_EXIT_CODE]
    assert "RuntimeError: slot failed" in path.read_text("utf-8")
