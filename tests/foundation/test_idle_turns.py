"""Work done ahead in idle turns stops while input comes in, and goes on once it pauses."""

from __future__ import annotations

from kiosk.ui.idle_turns import IdleTurns


def steps(order: list[str], count: int) -> IdleTurns:
    """Turns that log `count` steps into `order`."""
    done: list[int] = []

    def step() -> bool:
        done.append(1)
        order.append("step")
        return len(done) < count

    return IdleTurns(step, quiet_ms=150)


def test_input_holds_the_steps_until_it_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    turns = steps(order, 1_000_000)
    turns.start()
    qtbot.waitUntil(lambda: "step" in order)
    turns.hold()
    held = len(order)
    qtbot.wait(60)
    turns.hold()  # more input: the wait starts again
    qtbot.wait(100)
    assert len(order) == held, "a step ran while input was coming in"
    assert turns.active() and not turns.running()
    qtbot.waitUntil(lambda: len(order) > held)
    turns.stop()


def test_asked_to_start_while_held_it_starts_once_input_pauses(qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    turns = steps(order, 2)
    turns.hold()
    turns.start()
    qtbot.wait(80)
    assert order == []
    qtbot.waitUntil(lambda: not turns.active())
    assert order == ["step", "step"]


def test_stopped_it_takes_no_more_steps(qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    turns = steps(order, 50)
    turns.start()
    turns.stop()
    qtbot.wait(50)
    assert order == [] and not turns.active()
