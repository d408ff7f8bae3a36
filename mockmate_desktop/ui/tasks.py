"""A small task runner: run a callable off the GUI thread, get its result or error back on the GUI thread.

Two lanes. Work that touches the SQLite store runs on the store lane: one thread, strictly in the order it
was asked for, so a delete can never overtake the load that showed the row, and SQLite never sees two
writers from this process. Everything else (models, network, files, audio) runs on a small pool, where a
slow Gemini call or a model load never queues behind store work, nor store work behind them.

The callable must not touch widgets. Its outcome crosses back through a queued signal on a QObject that
lives on the GUI thread, so callbacks always run there, whichever lane ran the work.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class Lane(Enum):
    POOL = "pool"
    STORE = "store"


class _Relay(QObject):
    done = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._job_id = job_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # reported to the GUI thread; never lost on the worker thread
            log.debug("task %s failed", self._job_id, exc_info=True)
            self._relay.failed.emit(self._job_id, exc)
        else:
            self._relay.done.emit(self._job_id, result)


@dataclass
class _Pending:
    name: str
    lane: Lane
    on_done: OnDone | None
    on_error: OnError | None


class TaskRunner(QObject):
    """Owns private thread pools so that shutdown can wait for exactly the work the GUI started."""

    busy_changed = Signal(bool)
    # Every error no caller handled: the main window shows it in the banner.
    unhandled_error = Signal(str, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        # One thread and equal priorities: QThreadPool then starts jobs in the order they were queued.
        self._store_lane = QThreadPool(self)
        self._store_lane.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}

    @property
    def active(self) -> int:
        return len(self._pending)

    def active_in(self, lane: Lane) -> int:
        return sum(1 for p in self._pending.values() if p.lane is lane)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        name: str = "task",
        lane: Lane = Lane.POOL,
    ) -> int:
        """Starts `fn` on `lane`; `on_done(result)` or `on_error(exc)` later runs on the GUI thread.

        Without `on_error`, a failure is announced through `unhandled_error` instead of being lost.
        """
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(name, lane, on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        pool = self._store_lane if lane is Lane.STORE else self._pool
        pool.start(_Job(job_id, fn, self._relay))
        return job_id

    def run_store(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        name: str = "task",
    ) -> int:
        """`run` on the serialized store lane."""
        return self.run(fn, on_done, on_error, name=name, lane=Lane.STORE)

    def wait_for_done(self, timeout_ms: int = 30_000) -> bool:
        """For shutdown only: blocks until both lanes finish (each gets the whole timeout at most)."""
        pool_done = bool(self._pool.waitForDone(timeout_ms))
        store_done = bool(self._store_lane.waitForDone(timeout_ms))
        return pool_done and store_done

    def _finish(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending:
            self.busy_changed.emit(False)
        return pending

    @Slot(int, object)
    def _on_done(self, job_id: int, result: object) -> None:
        pending = self._finish(job_id)
        if pending is not None and pending.on_done is not None:
            pending.on_done(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: object) -> None:
        pending = self._finish(job_id)
        if pending is None:
            return
        assert isinstance(error, BaseException)
        if pending.on_error is not None:
            pending.on_error(error)
        else:
            self.unhandled_error.emit(pending.name, error)
