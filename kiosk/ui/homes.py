"""Leaflets' home screens, made ahead and kept, so choosing a leaflet only shows its home.

Why: making a home (its tiles, the help box, then Qt styling and laying out each new widget)
took 60-110 ms, all of it on the chooser tap. Homes of the leaflets in view on the chooser are
made instead in idle turns of the event loop, one a turn, and shown ready on the tap; a tap on
a leaflet whose home is not made yet makes it on the spot, as before.

A made home costs about 1 MiB (a styled widget is far bigger than its words), so only a
chooser page's worth are kept, the least recently used going first: what the kiosk holds
follows what is on the screen, not the size of the library. A change of look or content makes
them again (their sizes and words were for the old one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .home import HomeScreen

# A chooser page holds 6-10 tiles at 1920x1080 (fewer at large text), plus the open home.
KEPT = 12


class Homes:
    """Made homes by leaflet index, each with the language of the kiosk's words it was made
    in (its help box took its words then). `make(index)` builds one home, wired and dressed."""

    def __init__(self, make: Callable[[int], HomeScreen], kept: int | None = None) -> None:
        self._make = make
        self.kept = kept or KEPT
        self._made: dict[int, HomeScreen] = {}  # least recently used first
        self._language: dict[int, str] = {}
        self.current: HomeScreen | None = None  # never let go while it is the open one

    def get(self, index: int, language: str) -> HomeScreen:
        home = self._made.pop(index, None)
        if home is not None and self._language[index] != language:
            self._delete(home)
            home = None
        if home is None:
            home = self._make(index)
            self._language[index] = language
        self._made[index] = home
        while len(self._made) > self.kept:
            oldest = next(i for i, h in self._made.items() if h is not self.current)
            self._forget(oldest)
        return home

    def made(self, index: int) -> bool:
        return index in self._made

    def next_missing(self, order: Iterable[int]) -> int | None:
        """The first leaflet in `order` whose home is not made yet."""
        return next((i for i in order if i not in self._made), None)

    def drop(self, keep: HomeScreen | None = None) -> None:
        """Forget every home but `keep` (after a new look or new content)."""
        for index, home in list(self._made.items()):
            if home is not keep:
                self._forget(index)

    def _forget(self, index: int) -> None:
        del self._language[index]
        self._delete(self._made.pop(index))

    @staticmethod
    def _delete(home: HomeScreen) -> None:
        # Out of the widget tree now, not at the next turn of the loop (see drop_views).
        home.setParent(None)
        home.deleteLater()

    def __len__(self) -> int:
        return len(self._made)


def wanted(count: int, shown: list[int], kept: int) -> list[int]:
    """The leaflets whose homes to make ahead: those on the chooser's screen now, or before
    it has been laid out, its first tiles; never more than `kept` less the open one."""
    return (shown or list(range(count)))[: kept - 1]
