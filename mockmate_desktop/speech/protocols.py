"""Contracts of the speech services. Implementations import their heavy libraries lazily."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from ..domain.enums import Language
from ..domain.transcript import Transcript

SAMPLE_RATE = 16_000
AudioArray = npt.NDArray[np.float32]


class SpeechUnavailableError(Exception):
    """A speech service cannot run here (no model files, no audio device, no TTS library); says what to do."""


class Transcriber(Protocol):
    model_name: str

    def transcribe(
        self, audio: AudioArray, *, language: Language | None = None, initial_prompt: str | None = None
    ) -> Transcript: ...


class SpeechSynthesizer(Protocol):
    def synthesize(self, text: str, language: Language, out_path: Path) -> Path: ...


class AudioCapture(Protocol):
    """An open input stream (see speech.capture.MicrophoneCapture)."""

    @property
    def level(self) -> tuple[float, float]: ...

    @property
    def active(self) -> bool: ...

    def start(self) -> None: ...

    def stop(self) -> object: ...


class AudioPlayer(Protocol):
    """Plays a WAV, stoppable, with a completion callback (see speech.playback.WavPlayer)."""

    @property
    def playing(self) -> bool: ...

    def play(self, path: Path, on_done: Callable[[bool], None] | None = None) -> None: ...

    def stop(self) -> None: ...
