"""Work done ahead in idle turns stops while input comes in, and goes on once it pauses; what
is wanted at once comes just after the frame asked for before it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.idle_turns import AfterPaint, IdleTurns


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


@pytest.mark.parametrize(
    ("calls", "ran"),
    [
        (("hold", "start"), 2),  # asked to start while held: it starts once input pauses
        (("start", "stop"), 0),  # stopped: it takes no more steps
    ],
)
def test_no_step_runs_at_once(qtbot, calls: tuple[str, ...], ran: int) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    turns = steps(order, 2)
    for name in calls:
        getattr(turns, name)()
    qtbot.wait(80)
    assert order == []
    qtbot.waitUntil(lambda: not turns.active())
    assert order == ["step"] * ran


class Painted(QWidget):
    def __init__(self, order: list[str]) -> None:
        super().__init__()
        self.order = order

    def paintEvent(self, event: QPaintEvent) -> None:
        self.order.append("paint")


def test_after_paint_comes_after_the_frame_asked_for_before_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    order: list[str] = []
    widget = Painted(order)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: "paint" in order)
    order.clear()
    after = AfterPaint()
    widget.update()  # a tap's new screen
    after.call(lambda: order.append("first"))
    after.call(lambda: order.append("second"))
    assert order == []  # not at once
    qtbot.waitUntil(lambda: "second" in order)
    assert order == ["paint", "first", "second"]
