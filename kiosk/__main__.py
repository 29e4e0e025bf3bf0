import multiprocessing

import kiosk.frozen
from kiosk.cli import main

if __name__ == "__main__":
    # Before freeze_support: a frozen build's spawned speech engine imports pyttsx3 right
    # after it, and must find the bundled espeak-ng data.
    kiosk.frozen.prepare()
    multiprocessing.freeze_support()
    raise SystemExit(main())
