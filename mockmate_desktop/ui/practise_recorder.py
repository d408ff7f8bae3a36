"""Records one practice answer to a WAV on its own QThread until stopped, reporting the input level."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from .microphone import rms

if TYPE_CHECKING:
    from .services import GuiServices

# A practice answer longer than this is cut: the WAV is kept and scored as recorded so far.
MAX_SECONDS = 300.0


class PractiseRecorder(QThread):
    level = Signal(float)
    failed = Signal(object)
    recorded = Signal(object)  # the WAV path, when recording ends with audio kept

    def __init__(self, services: GuiServices, wav_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._wav_path = wav_path
        # Set before start(): a stop() that comes before run() begins must still be seen.
        self._stop = threading.Event()

    def stop(self) -> None:
        self._stop.set()

    def run(self) -> None:
        errors: list[str] = []
        try:
            with self._services.open_microphone(
                wav_path=self._wav_path,
                on_audio=lambda block: self.level.emit(rms(block)),
                on_error=errors.append,
            ):
                # Waiting for Stop is this thread's whole job; the GUI thread never waits here.
                self._stop.wait(MAX_SECONDS)
        except Exception as exc:  # shown to the user with what to do; nothing was recorded
            self.failed.emit(exc)
            return
        if errors and not (self._wav_path.is_file() and self._wav_path.stat().st_size > 44):
            from .errors import ActionableError

            self.failed.emit(ActionableError(errors[0], "Check the microphone in the system sound settings."))
            return
        self.recorded.emit(self._wav_path)
