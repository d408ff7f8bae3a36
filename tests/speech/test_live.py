"""The live pipeline (VAD cuts + worker transcription) against a single full pass, fed from files."""

from __future__ import annotations

import itertools
import threading

import numpy as np
import pytest

from mockmate_desktop.domain.segmentation import EndReason, SegmenterConfig
from mockmate_desktop.domain.stream_core import StreamConfig
from mockmate_desktop.services.speech_bench import REAL_SPEECH
from mockmate_desktop.speech.live import LiveCallbacks, LiveConfig, LiveTranscription, feed_array, feed_file
from mockmate_desktop.speech.whisper import WhisperTranscriber
from tests.support.audio import (
    fixture_path,
    joined,
    load_fixture,
    reference,
    silence,
    wer_percent,
)

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("model_fixture", ["tiny_model", "base_model"])
def test_streamed_matches_a_full_pass_within_one_point(
    request: pytest.FixtureRequest, model_fixture: str
) -> None:
    model: WhisperTranscriber = request.getfixturevalue(model_fixture)
    audio, ref = joined(REAL_SPEECH)
    partials: list[tuple[str, str]] = []
    states: list[str] = []
    # No merging: each stretch gets its own pass, as when the audio comes in real time.
    live = LiveTranscription(
        model,
        LiveConfig(segmenter=SegmenterConfig(auto_end=False), stream=StreamConfig(merge_backlog=False)),
        callbacks=LiveCallbacks(on_partial=lambda c, t: partials.append((c, t)), on_state=states.append),
    )
    live.start()
    feed_array(live, audio)
    streamed = live.wait_final(timeout=120)
    assert streamed is not None
    full = model.transcribe(audio, language="en")  # stock faster-whisper: the reference
    streamed_wer, full_wer = wer_percent(ref, streamed.text), wer_percent(ref, full.text)
    assert streamed_wer <= full_wer + 1.0, (streamed_wer, full_wer)
    assert live.stats.stretches >= 3  # really cut into stretches, not one pass at the end
    # Committed text only grows; word times are on the answer's timeline and in order.
    committed = [c for c, _ in partials]
    assert all(b.startswith(a) for a, b in itertools.pairwise(committed) if a)
    starts = [w.start for w in streamed.words]
    assert starts == sorted(starts)
    assert streamed.words[-1].end <= len(audio) / 16000 + 0.5 and streamed.words[-1].end > 30.0
    assert states[0] == "listening" and states[-1] == "done" and "speaking" in states


def test_vad_ends_the_answer_after_speech_then_silence(tiny_model: WhisperTranscriber) -> None:
    audio = np.concatenate([silence(1.0), load_fixture("librivox_0890"), silence(4.0)])
    ended = threading.Event()
    live = LiveTranscription(
        tiny_model,
        LiveConfig(segmenter=SegmenterConfig(end_silence_s=1.5)),
        callbacks=LiveCallbacks(on_end=lambda reason: ended.set()),
    )
    live.start()
    feed_array(live, audio, stop_at_end=False)
    assert ended.wait(30)
    transcript = live.wait_final(30)
    assert live.stats.end_reason is EndReason.SILENCE
    # Ended ~1.5 s after the speech (6.3 s), not at the end of the 10.3 s input.
    assert 7.3 <= live.elapsed_s <= 8.5
    assert transcript is not None and wer_percent(reference("librivox_0890"), transcript.text) <= 15.0


def test_no_speech_ends_after_grace_with_empty_transcript(tiny_model: WhisperTranscriber) -> None:
    live = LiveTranscription(tiny_model, LiveConfig(segmenter=SegmenterConfig(first_word_grace_s=3.0)))
    live.start()
    feed_array(live, load_fixture("noise15"), stop_at_end=False)
    transcript = live.wait_final(30)
    assert live.stats.end_reason is EndReason.NO_SPEECH
    assert transcript is not None and transcript.text == "" and live.elapsed_s <= 3.5


def test_max_answer_length_ends_the_answer(tiny_model: WhisperTranscriber) -> None:
    live = LiveTranscription(tiny_model, LiveConfig(segmenter=SegmenterConfig(max_answer_s=10.0)))
    live.start()
    feed_file(live, fixture_path("jfk"))
    transcript = live.wait_final(30)
    assert live.stats.end_reason is EndReason.MAX_LENGTH
    assert transcript is not None and "americans" in transcript.text.lower()
