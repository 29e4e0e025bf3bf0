#!/usr/bin/env python3
"""A stand-in for `aplay -q FILE`: the sound device is the only thing the journeys replace.

Plays nothing, but takes as long as the WAV lasts (so the kiosk's timeline is real) and
appends one JSON line per file to $JOURNEY_PLAYS: its path, size and length in seconds.
Killed (Stop, a new sentence) it simply ends, as aplay does.
"""

import json
import os
import sys
import time
import wave

path = sys.argv[-1]
with wave.open(path, "rb") as audio:
    seconds = audio.getnframes() / audio.getframerate()
record = {"path": path, "seconds": seconds, "bytes": os.path.getsize(path), "t": time.time()}
with open(os.environ["JOURNEY_PLAYS"], "a", encoding="utf-8") as plays:
    plays.write(json.dumps(record) + "\n")
time.sleep(seconds)
