"""A stand-in kiosk for the process-lifetime tests: starts the real engine and/or player,
prints their process ids as one line `pids engine=N player=N`, then runs until killed.

    python -m tests.helpers.child_driver [engine] [player] [hang-player CMD...]
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer


def main(argv: list[str]) -> int:
    app = QCoreApplication(sys.argv[:1])
    keep: list[object] = []
    pids: dict[str, int | None] = {}
    if "engine" in argv:
        from kiosk.speech.engine import ProcessEngine

        engine = ProcessEngine()
        engine.start()
        engine.voices()  # waits until it has loaded pyttsx3
        keep.append(engine)
        pids["engine"] = engine.pid()
    if "player" in argv:
        from kiosk.speech.player import CommandPlayer

        command = argv[argv.index("player") + 1 :] or ["sleep", "60"]
        player = CommandPlayer(command)
        player.play("unused.wav")
        keep.append(player)
        pids["player"] = player.pid()

    def report() -> None:
        print("pids " + " ".join(f"{k}={v}" for k, v in pids.items()), flush=True)

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
