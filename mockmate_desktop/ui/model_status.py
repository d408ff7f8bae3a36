"""Loads and warms up the Whisper model in the background at start, and tells the window how it went."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .errors import UserError, describe

if TYPE_CHECKING:
    from .services import GuiServices
    from .tasks import TaskRunner


class SpeechModelStatus(QObject):
    changed = Signal()
    ready = Signal(object)  # the transcriber
    failed = Signal(object)  # UserError
    # (bytes joined, bytes in all) while a first run joins the base model; emitted from the worker thread,
    # delivered queued on the GUI thread.
    assembling = Signal(int, int)

    def __init__(self, services: GuiServices, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.transcriber: Any = None
        self.error: UserError | None = None
        self.loading = False
        self.load_seconds: float | None = None
        self._name = ""
        self._progress_dialog: Any = None
        self.assembling.connect(self._show_assembly)

    @property
    def text(self) -> str:
        if self.loading:
            return f"Loading the speech model ({self._name}) in the background…"
        if self.error is not None:
            return f"Speech model not available: {self.error.message}"
        if self.transcriber is not None:
            return f"Speech model ready ({self._name}, loaded in {self.load_seconds or 0:.1f} s)."
        return "Speech model not loaded yet."

    def reload_if_changed(self) -> None:
        """After settings change: load the newly chosen model if one was loaded (or tried) before."""
        if self._name and self._name != self._services.settings.whisper_model:
            self.start()

    def start(self) -> None:
        """Idempotent; a new call after a settings change loads the newly chosen model."""
        name = self._services.settings.whisper_model
        if self.loading or (self.transcriber is not None and name == self._name):
            return
        self._name = name
        self.loading = True
        self.error = None
        self.transcriber = None
        started = time.perf_counter()

        def work() -> Any:
            self._services.prepare_model_files(name, self.assembling.emit)
            return self._services.load_transcriber(name)

        def done(transcriber: Any) -> None:
            self._close_assembly()
            self.loading = False
            self.transcriber = transcriber
            self.load_seconds = time.perf_counter() - started
            self.changed.emit()
            self.ready.emit(transcriber)

        def fail(exc: BaseException) -> None:
            self._close_assembly()
            self.loading = False
            self.error = describe(exc)
            self.changed.emit()
            self.failed.emit(self.error)

        self._tasks.run(work, done, fail, name="Loading the speech model")
        self.changed.emit()

    def _show_assembly(self, done: int, total: int) -> None:
        """A first run joins ~145 MB of model parts: show it as a progress dialog, not a silent wait."""
        if self._progress_dialog is None:
            from PySide6.QtWidgets import QProgressDialog, QWidget

            parent = self.parent()
            dialog = QProgressDialog(parent if isinstance(parent, QWidget) else None)
            dialog.setObjectName("modelAssemblyDialog")
            dialog.setWindowTitle("First run")
            dialog.setCancelButton(None)  # the join takes seconds and must finish for speech to work
            dialog.setRange(0, 100)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setMinimumWidth(460)
            self._progress_dialog = dialog
        mib = 1024 * 1024
        self._progress_dialog.setLabelText(
            "Preparing the speech model for first use (once, offline): "
            f"{done // mib} of {total // mib} MB"
        )
        self._progress_dialog.setValue(int(100 * done / total) if total else 0)

    def _close_assembly(self) -> None:
        if self._progress_dialog is not None:
            self._progress_dialog.close()
            self._progress_dialog.deleteLater()
            self._progress_dialog = None
