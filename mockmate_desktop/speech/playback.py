"""Play a WAV through the output device with sounddevice: stoppable, with a completion callback.

No device -> `SpeechUnavailableError` with a message the UI shows while it displays the question as text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .devices import resolve_device, sounddevice_module
from .protocols import SAMPLE_RATE, SpeechUnavailableError
from .wavio import read_wav_16k_mono


class WavPlayer:
    def __init__(self, device: str | int | None = None) -> None:
        self._device = device
        self._stream: Any = None
        self._done = threading.Event()
        self._done.set()
        self._lock = threading.Lock()
        self.completed = False  # True when the last play reached the end (False if stopped)

    @property
    def playing(self) -> bool:
        return not self._done.is_set()

    def play(self, path: Path, on_done: Callable[[bool], None] | None = None) -> None:
        """Start playing; `on_done(completed)` runs on the audio thread when it ends or is stopped."""
        self.stop()
        audio = read_wav_16k_mono(path)
        sd = sounddevice_module()
        index = resolve_device(self._device, "output")
        position = 0
        self._done.clear()
        self.completed = False

        def callback(outdata: Any, frames: int, time_info: Any, status: Any) -> None:
            nonlocal position
            chunk = audio[position : position + frames]
            outdata[: len(chunk), 0] = chunk
            outdata[len(chunk) :, 0] = 0.0
            position += len(chunk)
            if len(chunk) < frames:
                self.completed = True
                raise sd.CallbackStop

        def finished() -> None:
            self._done.set()
            if on_done:
                on_done(self.completed)

        with self._lock:
            try:
                self._stream = sd.OutputStream(
                    samplerate=SAMPLE_RATE,
                    channels=1,
                    dtype="float32",
                    device=index,
                    callback=callback,
                    finished_callback=finished,
                )
                self._stream.start()
            except Exception as exc:
                self._stream = None
                self._done.set()
                raise SpeechUnavailableError(
                    f"The speaker could not be opened ({exc}); the question is shown as text"
                ) from exc

    def wait(self, timeout: float | None = None) -> bool:
        """True when playback has ended within `timeout`."""
        return self._done.wait(timeout)

    def stop(self) -> None:
        with self._lock:
            stream, self._stream = self._stream, None
        if stream is not None:
            stream.abort()
            stream.close()
        self._done.set()
