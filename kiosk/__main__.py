import gc
import sys

import kiosk.frozen
import kiosk.hermetic

if __name__ == "__main__":
    # First, in every process: the frozen build's speech engine is this executable again and
    # imports pyttsx3 at once, so it must find the bundled espeak-ng data.
    kiosk.frozen.prepare()
    kiosk.hermetic.prepare()  # before Qt loads libdbus: no session bus autolaunched
    if sys.argv[1:2] == [kiosk.frozen.ENGINE_FLAG]:
        from kiosk.speech.child import main as engine_main

        raise SystemExit(engine_main(sys.argv[2:]))
    # No cyclic garbage collection while the kiosk starts: kiosk.memory.release_collection.
    gc.disable()
    from kiosk import paths
    from kiosk.import_cost import skip_source_scan

    skip_source_scan(paths.cache_dir())  # before Qt is imported: every later import is cheaper
    from kiosk.cli import main

    raise SystemExit(main())
