import multiprocessing

from kiosk.cli import main

if __name__ == "__main__":
    # The speech engine runs in a spawned process; a frozen build must dispatch it here.
    multiprocessing.freeze_support()
    raise SystemExit(main())
