"""A short microphone test on its own QThread: reports the input level until stopped or timed out."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from .microphone import rms

if TYPE_CHECKING:
    from .services import GuiServices


class MicTest(QThread):
    level = Signal(float)
    failed = Signal(object)
    peak = Signal(float)  # the loudest level heard, when the test ends

    def __init__(
        self, services: GuiServices, device: str | None, seconds: float = 6.0, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._device = device
        self._seconds = seconds
        self._stop = threading.Event()
        self._loudest = 0.0

    def stop(self) -> None:
        self._stop.set()

    def _on_audio(self, block: object) -> None:
        level = rms(block)  # type: ignore[arg-type]
        self._loudest = max(self._loudest, level)
        self.level.emit(level)

    def run(self) -> None:
        errors: list[str] = []
        try:
            with self._services.open_microphone(
                self._device, on_audio=self._on_audio, on_error=errors.append
            ):
                # Waiting on the stop flag is this thread's whole job; the GUI thread never waits here.
                self._stop.wait(self._seconds)
        except Exception as exc:  # shown in the banner with what to do
            self.failed.emit(exc)
            return
        if errors:
            from .errors import ActionableError

            self.failed.emit(ActionableError(errors[0], "Check the microphone in the system sound settings."))
        self.peak.emit(self._loudest)
