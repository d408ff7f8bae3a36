"""The real Whisper models on real speech; silence and noise give nothing."""

from __future__ import annotations

import pytest

from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.audio import load_fixture, reference, wer_percent

pytestmark = pytest.mark.slow


def test_tiny_en_transcribes_real_speech_with_word_times(tiny_model: WhisperTranscriber) -> None:
    audio = load_fixture("jfk")
    transcript = tiny_model.transcribe(audio, language="en")
    assert wer_percent(reference("jfk"), transcript.text) <= 10.0
    assert transcript.model_name == "tiny.en" and transcript.duration_s == pytest.approx(11.0)
    starts = [w.start for w in transcript.words]
    assert starts == sorted(starts) and 0.0 <= starts[0] < 1.0 and transcript.words[-1].end <= 11.5


def test_base_assembled_from_parts_transcribes(base_model: WhisperTranscriber) -> None:
    transcript = base_model.transcribe(load_fixture("librivox_0870"), language="en")
    assert wer_percent(reference("librivox_0870"), transcript.text) <= 10.0
    assert transcript.model_name == "base"


@pytest.mark.parametrize("name", ["silence15", "noise15"])
def test_silence_and_noise_give_an_empty_transcript(tiny_model: WhisperTranscriber, name: str) -> None:
    transcript = tiny_model.transcribe(load_fixture(name), language="en")
    assert transcript.text == "" and transcript.words == []
