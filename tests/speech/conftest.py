"""Fixtures for the speech tests: the real content and a service built on fakes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.content import Library, load_library
from kiosk.speech.service import SpeechService
from tests.helpers.fake_speech import FakeEngine, FakePlayer

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library(REPO / "content")


@pytest.fixture
def engine() -> FakeEngine:
    return FakeEngine()


@pytest.fixture
def player() -> FakePlayer:
    return FakePlayer()


@pytest.fixture
def make_service(
    qtbot: object, tmp_path: Path, engine: FakeEngine, player: FakePlayer
) -> Iterator[Callable[..., SpeechService]]:
    made: list[SpeechService] = []

    def make(
        watchdog_ms: int = 3000, max_restarts: int = 3, *, player: FakePlayer = player
    ) -> SpeechService:
        """A service on the fake engine; pass `player` for one that, say, never finishes.
        Every service made is shut down after the test."""
        service = SpeechService(
            engine, player, tmp_path / "speech", watchdog_ms=watchdog_ms, max_restarts=max_restarts
        )
        made.append(service)
        return service

    yield make
    for service in made:
        service.shutdown()
