"""Building the speech services from the app's settings and paths (used by the app, the CLI and benches)."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .whisper import WhisperTranscriber
from .whisper_options import APP_WHISPER
from .whisper_process import WhisperProcessTranscriber

if TYPE_CHECKING:
    from ..core.environment import AppEnvironment


def make_transcriber(app: AppEnvironment, model: str | None = None) -> WhisperTranscriber:
    """In-process Whisper, for the CLI and benches: no GUI thread there whose GIL it could hold."""
    return WhisperTranscriber(model or app.settings.whisper_model, app.paths.model_cache, **APP_WHISPER)


def make_window_transcriber(model: str, model_cache: Path) -> WhisperProcessTranscriber | WhisperTranscriber:
    """The window's Whisper: the same interface, served by a child process (speech/whisper_process.py).
    MOCKMATE_WHISPER_IN_PROCESS=1 keeps it in the window's process, for before/after measurements only."""
    if os.environ.get("MOCKMATE_WHISPER_IN_PROCESS") == "1":
        return WhisperTranscriber(model, model_cache, **APP_WHISPER)
    return WhisperProcessTranscriber(model, model_cache, **APP_WHISPER)


def load_in_background(
    transcriber: WhisperTranscriber,
    on_ready: Callable[[], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> threading.Thread:
    """Load and warm up the model off the calling (GUI) thread; the callbacks run on the loader thread."""

    def run() -> None:
        try:
            transcriber.load()
            transcriber.warm_up()
        except Exception as exc:  # reported, never raised into a thread nobody joins
            if on_error:
                on_error(str(exc))
            return
        if on_ready:
            on_ready()

    thread = threading.Thread(target=run, name="whisper-load", daemon=True)
    thread.start()
    return thread
