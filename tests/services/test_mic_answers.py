"""`--mic` answers: the real microphone path (sounddevice from a PulseAudio virtual microphone), ended by
the voice-activity detector, through the same live pipeline as WAV answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.domain.enums import AnswerMode, Language, Source
from mockmate_desktop.domain.interview import Question
from mockmate_desktop.services.answer_sources import MicrophoneAnswers
from mockmate_desktop.speech.protocols import SAMPLE_RATE
from mockmate_desktop.speech.wavio import read_wav_16k_mono, write_wav
from tests.support.pulse import VirtualMic, virtual_mic_fixture

virtual_mic = virtual_mic_fixture(scope="module")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"


@pytest.mark.audio
@pytest.mark.slow
def test_microphone_answer_ends_on_silence_and_is_kept(
    virtual_mic: VirtualMic, tiny_whisper: Any, tmp_path: Path
) -> None:
    # Silence first, so the capture is surely open before the first word arrives (opening PortAudio on a
    # fresh process takes a moment); the clip has no pause long enough to end the answer early.
    speech = read_wav_16k_mono(FIXTURES / "librivox_0870.wav")
    padded = np.concatenate([np.zeros(3 * SAMPLE_RATE, dtype=np.float32), speech])
    clip = write_wav(tmp_path / "padded.wav", padded)
    settings = Settings(silence_to_stop_s=1.5, first_word_grace_s=8.0, max_answer_s=60.0)
    source = MicrophoneAnswers(tiny_whisper, settings)
    question = Question(position=0, text="What motivates you?", source=Source.OFFLINE)
    target = tmp_path / "answer.wav"
    player = virtual_mic.play(clip)
    try:
        answer = source.next_answer(question, target, Language.EN)
    finally:
        player.stop()
    assert answer is not None and answer.mode is AnswerMode.VOICE
    assert "dashwood" in answer.text.lower() and "prudently" in answer.text.lower()
    assert answer.words and answer.audio_path == target
    recorded = read_wav_16k_mono(target)
    # Ended by silence: longer than the speech, far shorter than the 60 s limit.
    assert len(speech) / SAMPLE_RATE < len(recorded) / SAMPLE_RATE < 30
