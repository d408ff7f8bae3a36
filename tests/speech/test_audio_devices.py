"""Real recording through a PulseAudio virtual microphone (started and stopped by these tests)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from mockmate_desktop.core.settings import Settings
from mockmate_desktop.domain.segmentation import EndReason, SegmenterConfig
from mockmate_desktop.speech.capture import MicrophoneCapture
from mockmate_desktop.speech.duplex import HalfDuplexAudio, HalfDuplexError
from mockmate_desktop.speech.live import LiveCallbacks, LiveConfig, LiveTranscription
from mockmate_desktop.speech.playback import WavPlayer
from mockmate_desktop.speech.tts import Pyttsx3Synthesizer
from mockmate_desktop.speech.wavio import read_wav_16k_mono
from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.audio import fixture_path, reference, wer_percent
from tests.support.pulse import VirtualMic

pytestmark = [pytest.mark.audio, pytest.mark.slow]


def test_answer_played_into_the_mic_is_recorded_transcribed_and_ended_by_vad(
    virtual_mic: VirtualMic, tiny_model: WhisperTranscriber, tmp_path: Path
) -> None:
    levels: list[float] = []
    ended = threading.Event()
    live = LiveTranscription(
        tiny_model,
        LiveConfig(segmenter=SegmenterConfig(end_silence_s=1.5, first_word_grace_s=10.0)),
        callbacks=LiveCallbacks(on_end=lambda reason: ended.set()),
    )
    live.start()
    wav = tmp_path / "answer.wav"
    capture = MicrophoneCapture(wav_path=wav, on_audio=live.feed)
    capture.start()
    playback = virtual_mic.play(fixture_path("jfk"))
    levels_done = threading.Event()

    def sample_levels() -> None:
        while not levels_done.wait(0.1):
            levels.append(capture.level[0])

    sampler = threading.Thread(target=sample_levels, daemon=True)
    sampler.start()
    assert playback.wait(timeout=30) == 0
    # The null sink keeps delivering silence after the clip: the VAD must end the answer by itself.
    assert ended.wait(timeout=15), "end of answer not detected"
    stats = capture.stop()
    levels_done.set()
    sampler.join(5)
    transcript = live.wait_final(timeout=30)
    assert live.stats.end_reason is EndReason.SILENCE
    assert transcript is not None and wer_percent(reference("jfk"), transcript.text) <= 10.0
    assert stats.overflows == 0 and stats.error is None
    assert max(levels) > 0.01
    recorded = read_wav_16k_mono(wav)
    assert abs(len(recorded) - stats.samples) <= 1 and stats.seconds >= 11.0
    assert wer_percent(reference("jfk"), tiny_model.transcribe(recorded, language="en").text) <= 10.0


def test_half_duplex_mic_is_closed_while_the_question_plays(
    virtual_mic: VirtualMic, tiny_model: WhisperTranscriber, tmp_path: Path
) -> None:
    tts = Pyttsx3Synthesizer(Settings(), tmp_path / "tts")
    question = tts.synthesize("Tell me about a project you are proud of and what you learned from it.", "en")
    tts.close()
    duplex = HalfDuplexAudio(WavPlayer())
    before = duplex.listen(wav_path=tmp_path / "before.wav")
    finished = threading.Event()
    duplex.speak(question, on_done=lambda completed: finished.set())
    assert not before.active  # speaking closed the microphone first
    samples_when_closed = before.stats.samples
    with pytest.raises(HalfDuplexError):
        duplex.listen(wav_path=tmp_path / "during.wav")
    assert finished.wait(timeout=30) and duplex._player.completed
    assert before.stats.samples == samples_when_closed  # nothing recorded while the question played
    heard_samples = [0]
    one_second = threading.Event()

    def count(block: object) -> None:
        heard_samples[0] += len(block)  # type: ignore[arg-type]
        if heard_samples[0] >= 16000:
            one_second.set()

    after = duplex.listen(wav_path=tmp_path / "after.wav", on_audio=count)
    assert one_second.wait(10)  # one second of "answer" with nobody speaking
    duplex.stop_listening()
    assert after.stats.seconds >= 0.5
    for name in ("before.wav", "after.wav"):
        heard = tiny_model.transcribe(read_wav_16k_mono(tmp_path / name), language="en")
        assert heard.text == "", (name, heard.text)
    # The question itself is intelligible when transcribed: the silence above is not a broken setup.
    spoken = tiny_model.transcribe(read_wav_16k_mono(question), language="en").text.lower()
    assert "project" in spoken


def test_playback_reports_completion_and_can_be_stopped(virtual_mic: VirtualMic) -> None:
    player = WavPlayer()
    done: list[bool] = []
    player.play(fixture_path("jfk"), on_done=done.append)
    assert player.playing
    player.stop()
    assert player.wait(5) and not player.completed
    player.play(fixture_path("cards_001"), on_done=done.append)
    assert player.wait(10) and player.completed and done[-1] is True
