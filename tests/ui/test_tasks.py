"""The task runner's two lanes: store work strictly one at a time in order, the rest in parallel; results and
errors always come back on the GUI thread."""

from __future__ import annotations

import threading

from mockmate_desktop.ui.tasks import Lane, TaskRunner

_WAIT_S = 0.5  # how long a job waits for its partner; the partner either can run meanwhile or cannot


def _pair(runner: TaskRunner, lane: Lane) -> tuple[list[str], dict[str, object]]:
    """Job "a" waits for an event that job "b" (queued after it) sets. Returns the order and results."""
    event = threading.Event()
    order: list[str] = []
    results: dict[str, object] = {}

    def first() -> bool:
        order.append("a")
        return event.wait(_WAIT_S)

    def second() -> bool:
        order.append("b")
        event.set()
        return True

    runner.run(first, lambda r: results.__setitem__("a", r), lane=lane)
    runner.run(second, lambda r: results.__setitem__("b", r), lane=lane)
    return order, results


def test_store_lane_runs_one_job_at_a_time_in_order(qtbot) -> None:
    runner = TaskRunner()
    order, results = _pair(runner, Lane.STORE)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
    # "b" could not start while "a" ran, so "a" waited in vain.
    assert order == ["a", "b"] and results == {"a": False, "b": True}
    assert runner.wait_for_done(5_000)


def test_pool_runs_jobs_side_by_side(qtbot) -> None:
    runner = TaskRunner()
    _order, results = _pair(runner, Lane.POOL)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=10_000)
    assert results == {"a": True, "b": True}


def test_a_slow_pool_job_does_not_hold_up_the_store_lane(qtbot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    stored: list[bool] = []
    runner.run(lambda: release.wait(10), name="slow network call")
    runner.run_store(lambda: True, stored.append)
    qtbot.waitUntil(lambda: stored == [True], timeout=5_000)
    assert runner.active_in(Lane.POOL) == 1
    release.set()
    qtbot.waitUntil(lambda: runner.active == 0, timeout=10_000)


def test_results_and_errors_arrive_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    seen: list[tuple[str, bool]] = []
    gui = threading.current_thread()

    def boom() -> None:
        raise ValueError("bad input")

    for lane in Lane:
        runner.run(lambda: 42, lambda _r: seen.append(("done", threading.current_thread() is gui)), lane=lane)
        runner.run(
            boom, on_error=lambda _e: seen.append(("error", threading.current_thread() is gui)), lane=lane
        )
    qtbot.waitUntil(lambda: len(seen) == 4, timeout=10_000)
    assert sorted(seen) == [("done", True), ("done", True), ("error", True), ("error", True)]


def test_an_unhandled_error_is_announced_not_lost(qtbot) -> None:
    runner = TaskRunner()

    def boom() -> None:
        raise OSError("disk full")

    with qtbot.waitSignal(runner.unhandled_error, timeout=10_000) as signal:
        runner.run_store(boom, name="Saving")
    assert signal.args[0] == "Saving" and isinstance(signal.args[1], OSError)
