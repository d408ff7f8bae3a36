"""A recorded answer read from a file comes back with the same words however fast Whisper keeps up: its
passes do not depend on thread timing (services/answer_sources.py:transcribe_audio)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from mockmate_desktop.domain.enums import Language
from mockmate_desktop.domain.transcript import Transcript
from mockmate_desktop.services.answer_sources import transcribe_audio
from mockmate_desktop.speech.live import LiveTranscription
from mockmate_desktop.speech.protocols import AudioArray
from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.audio import load_fixture

SENTENCES = ("goforward", "librivox_0870", "librivox_0880", "librivox_0890", "jfk")


@dataclass
class Recorded:
    """The real transcriber, with each call's audio length kept; `hold` keeps the first call waiting (a
    worker that fell behind while the file was fed)."""

    inner: WhisperTranscriber
    hold: threading.Event | None = None
    calls: list[int] = field(default_factory=list)

    @property
    def model_name(self) -> str:
        return self.inner.model_name

    def transcribe(self, audio: AudioArray, **options: Any) -> Transcript:
        if self.hold is not None and not self.calls:
            assert self.hold.wait(60), "the file was never fully fed"
        self.calls.append(len(audio))
        return self.inner.transcribe(audio, **options)


@pytest.mark.slow
def test_a_file_is_heard_in_the_same_passes_when_whisper_falls_behind(
    tiny_model: WhisperTranscriber, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Short sentences with pauses between them: stretches short enough that queued ones could be joined.
    pause = np.zeros(16000, dtype=np.float32)
    audio = np.concatenate([part for name in SENTENCES for part in (load_fixture(name), pause)])
    free = Recorded(tiny_model)
    first = transcribe_audio(free, audio, Language.EN, "answer.wav").text

    fed = threading.Event()
    stop = LiveTranscription.stop

    def stop_then_release(self: LiveTranscription, *args: Any, **kwargs: Any) -> None:
        stop(self, *args, **kwargs)
        fed.set()

    monkeypatch.setattr(LiveTranscription, "stop", stop_then_release)
    behind = Recorded(tiny_model, hold=fed)
    second = transcribe_audio(behind, audio, Language.EN, "answer.wav").text
    assert len(free.calls) > 1  # more than one stretch: there was something to merge
    assert behind.calls == free.calls and second == first
