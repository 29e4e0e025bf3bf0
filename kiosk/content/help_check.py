"""`--check-content`'s check of each leaflet's help (its glossary and routes) and readability.

What was found in a folder before is kept (check_cache.py). The rest is checked while the
cards are laid out: from PARALLEL_FROM cards on, in a process forked before this one makes its
Qt application (kiosk/forked.py), so that on two cores it shares the time with the screen fit
rather than following it; below that, or if the forked process fails, here.
"""

from __future__ import annotations

import logging
from functools import partial

from ..forked import PARALLEL_FROM, Forked
from .check_cache import KnownFolders, encode_help, read_help
from .errors import ContentProblem
from .help import check_leaflet_help
from .model import Leaflet, Library

log = logging.getLogger("kiosk.content")

Findings = tuple[list[ContentProblem], list[str]]  # problems (errors), then advice lines


class HelpCheck:
    """Started before the screen fit (which makes the Qt application); `findings()` after."""

    def __init__(self, library: Library, known: KnownFolders):
        self.library = library
        self.known = known
        pending = [lf for lf in library.leaflets if known.help_of(lf) is None]
        cards = sum(len(lf.cards) for lf in pending)
        self._forked = (
            Forked.start("help check", partial(_check_all, pending), log)
            if cards >= PARALLEL_FROM
            else None
        )

    def wait(self) -> None:
        """Until the forked check has answered (it is not left running, whatever happens)."""
        if self._forked is not None:
            self._forked.result()

    def findings(self) -> list[Findings]:
        """Each leaflet's, in the library's order, kept for the next check."""
        answered = self._forked.result() if self._forked is not None else None
        forked = answered if isinstance(answered, dict) else {}
        out: list[Findings] = []
        for leaflet in self.library.leaflets:
            found = self.known.help_of(leaflet)
            if found is None:
                answer = f"help check: the forked answer for {leaflet.id}"
                found = read_help(forked.get(leaflet.id), answer) or check_leaflet_help(leaflet)
                self.known.put_help(leaflet, *found)
            out.append(found)
        return out


def _check_all(leaflets: list[Leaflet]) -> dict[str, object]:
    """In the forked process: each leaflet's findings by its id, as JSON."""
    return {leaflet.id: encode_help(*check_leaflet_help(leaflet)) for leaflet in leaflets}
