"""Adapter over the speech package's microphone capture for the GUI's two uses: an answer and a level test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from ..speech.protocols import AudioArray


def rms(block: AudioArray) -> float:
    return float(np.sqrt(np.mean(np.square(block)))) if len(block) else 0.0


@contextmanager
def open_microphone(
    device: str | None,
    *,
    wav_path: Path | None = None,
    on_audio: Callable[[AudioArray], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> Iterator[Any]:
    """Open the input stream; blocks go to `on_audio` on the capture's own thread; closed on exit."""
    from ..speech.capture import MicrophoneCapture

    capture = MicrophoneCapture(device=device, wav_path=wav_path, on_audio=on_audio, on_error=on_error)
    capture.start()
    try:
        yield capture
    finally:
        capture.stop()
