"""Shared test set-up: offscreen Qt and an isolated HOME so nothing touches a real desktop."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
