"""Plays a recorded answer or a spoken question on a worker thread; one sound at a time, stoppable."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from .services import GuiServices
    from .tasks import TaskRunner

log = logging.getLogger(__name__)


class SoundPlayer(QObject):
    started = Signal()
    finished = Signal()
    failed = Signal(object)  # the exception

    def __init__(self, services: GuiServices, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._stop: threading.Event | None = None

    @property
    def playing(self) -> bool:
        return self._stop is not None

    def play(
        self,
        path_fn: Callable[[], Path],
        on_done: Callable[[], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """`path_fn` runs on the worker: resolving or synthesising the file may touch the disk.

        The callbacks run only if this sound was not stopped or replaced by another one meanwhile.
        """
        self.stop()
        stop = threading.Event()
        self._stop = stop

        def work() -> None:
            self._services.play_file(path_fn(), stop)

        def done(_result: object) -> None:
            current = self._stop is stop
            if current:
                self._stop = None
            self.finished.emit()
            if current and on_done is not None:
                on_done()

        def fail(exc: BaseException) -> None:
            log.info("sound not played: %s", exc)
            current = self._stop is stop
            if current:
                self._stop = None
            self.failed.emit(exc)
            if current and on_error is not None:
                on_error(exc)

        self._tasks.run(work, done, fail, name="Playing audio")
        self.started.emit()

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None
