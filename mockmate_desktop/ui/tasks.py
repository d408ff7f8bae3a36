"""A small task runner: run a callable on a thread pool, get its result or error back on the GUI thread.

The callable runs on a pool thread and must not touch widgets. Its outcome crosses back through a queued
signal on a QObject that lives on the GUI thread, so callbacks always run there.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


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
        except BaseException as exc:  # reported to the GUI thread; never lost on the pool thread
            log.debug("task %s failed", self._job_id, exc_info=True)
            self._relay.failed.emit(self._job_id, exc)
        else:
            self._relay.done.emit(self._job_id, result)


@dataclass
class _Pending:
    name: str
    on_done: OnDone | None
    on_error: OnError | None


class TaskRunner(QObject):
    """Owns a private pool so that shutdown can wait for exactly the work the GUI started."""

    busy_changed = Signal(bool)
    # Every error no caller handled: the main window shows it in the banner.
    unhandled_error = Signal(str, object)

    def __init__(self, parent: QObject | None = None, max_threads: int = 3) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay(self)
        self._relay.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}

    @property
    def active(self) -> int:
        return len(self._pending)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        name: str = "task",
    ) -> int:
        job_id = next(self._ids)
        self._pending[job_id] = _Pending(name, on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, fn, self._relay))
        return job_id

    def wait_for_done(self, timeout_ms: int = 30_000) -> bool:
        """For shutdown only: blocks until pool threads finish."""
        return bool(self._pool.waitForDone(timeout_ms))

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
