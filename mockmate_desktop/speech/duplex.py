"""Half-duplex audio: the microphone is closed while a question is spoken, so the TTS is never transcribed.

`speak()` closes any open capture before playback starts; `listen()` refuses while a question is playing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .capture import MicrophoneCapture
from .playback import WavPlayer


class HalfDuplexError(RuntimeError):
    """The microphone was asked to open while a question is being spoken."""


class HalfDuplexAudio:
    def __init__(self, player: WavPlayer, *, input_device: str | int | None = None) -> None:
        self._player = player
        self._input_device = input_device
        self._capture: MicrophoneCapture | None = None
        self._lock = threading.Lock()

    @property
    def capture(self) -> MicrophoneCapture | None:
        return self._capture

    def speak(self, wav: Path, on_done: Callable[[bool], None] | None = None) -> None:
        with self._lock:
            if self._capture is not None:
                self._capture.stop()
                self._capture = None
            self._player.play(wav, on_done)

    def stop_speaking(self) -> None:
        self._player.stop()

    def listen(self, **capture_kwargs: Any) -> MicrophoneCapture:
        with self._lock:
            if self._player.playing:
                raise HalfDuplexError("the question is still being spoken; the microphone opens when it ends")
            if self._capture is not None:
                self._capture.stop()
            capture_kwargs.setdefault("device", self._input_device)
            self._capture = MicrophoneCapture(**capture_kwargs)
            self._capture.start()
            return self._capture

    def stop_listening(self) -> None:
        with self._lock:
            if self._capture is not None:
                self._capture.stop()
                self._capture = None
