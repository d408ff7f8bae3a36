"""The encoder window cut to the audio: what it keeps, that faster-whisper still pads with zeros, that
accuracy holds against stock 30 s windows on the real-speech fixtures, and that a pass's short remainder
window is decoded once."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from mockmate_desktop.domain.segmentation import SegmenterConfig
from mockmate_desktop.domain.stream_core import StreamConfig
from mockmate_desktop.services.speech_bench import REAL_SPEECH
from mockmate_desktop.services.spoken_bench import vocabulary_for
from mockmate_desktop.speech.live import LiveConfig, LiveTranscription, feed_array, uses_short_window
from mockmate_desktop.speech.spoken_set import load_set, synthesize
from mockmate_desktop.speech.wavio import read_wav_16k_mono
from mockmate_desktop.speech.whisper import WhisperTranscriber
from mockmate_desktop.speech.whisper_window import (
    FULL_WINDOW_FRAMES,
    KEPT_PADDING_FRAMES,
    window_frames,
)
from tests.support.audio import load_fixture, reference, wer_percent


def _padded(content: int, frames: int = FULL_WINDOW_FRAMES) -> np.ndarray:
    features = np.zeros((80, frames), dtype=np.float32)
    features[:, :content] = np.random.default_rng(content).uniform(-1.5, 1.5, (80, content))
    return features


def test_window_keeps_the_audio_and_ten_seconds_of_padding() -> None:
    assert window_frames(_padded(801)) == 801 + KEPT_PADDING_FRAMES + 1  # even for the stride-2 convolution
    assert window_frames(_padded(500)) == 500 + KEPT_PADDING_FRAMES


def test_a_full_or_nearly_full_window_is_left_alone() -> None:
    assert window_frames(_padded(FULL_WINDOW_FRAMES)) == FULL_WINDOW_FRAMES
    assert window_frames(_padded(2500)) == FULL_WINDOW_FRAMES


def test_a_column_that_is_zero_only_in_part_counts_as_audio() -> None:
    features = _padded(300)
    features[:, 300:] = 0.0
    features[3, 1200] = 0.25  # one mel bin with energy far into the window
    assert window_frames(features) == 1201 + KEPT_PADDING_FRAMES + 1


def test_a_window_with_no_audio_keeps_only_the_margin() -> None:
    assert window_frames(np.zeros((80, FULL_WINDOW_FRAMES), dtype=np.float32)) == KEPT_PADDING_FRAMES


@pytest.mark.parametrize(
    "model,language,short",
    [("base", "en", True), ("base", "hi", False), ("base", "fr", False), ("tiny.en", "en", False)],
)
def test_short_windows_only_where_they_were_measured(model: str, language: str, short: bool) -> None:
    assert uses_short_window(model, language) is short


@pytest.mark.slow
def test_faster_whisper_still_pads_windows_with_zeros(base_model: WhisperTranscriber) -> None:
    """The cut relies on faster-whisper padding features with exact zeros; if an upgrade pads differently,
    the window would silently stay 30 s long and this fails."""
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.feature_extractor import FeatureExtractor

    audio = load_fixture("jfk")[: 8 * 16000]
    features = FeatureExtractor(feature_size=80)(audio)
    content = features.shape[-1]
    assert content < 1000
    kept = window_frames(pad_or_trim(features))
    assert kept == content + KEPT_PADDING_FRAMES + content % 2


@pytest.mark.slow
def test_short_windows_are_as_accurate_as_stock_windows(base_model: WhisperTranscriber) -> None:
    refs = " ".join(reference(name) for name in REAL_SPEECH)
    short = " ".join(
        base_model.transcribe(load_fixture(n), language="en", vad=False, short_window=True).text
        for n in REAL_SPEECH
    )
    stock = " ".join(base_model.transcribe(load_fixture(n), language="en").text for n in REAL_SPEECH)
    assert wer_percent(refs, short) <= wer_percent(refs, stock) + 1.0, (short, stock)


@pytest.mark.slow
def test_the_remainder_after_the_last_timestamp_is_decoded_once(
    base_model: WhisperTranscriber, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """a40 (tune split), streamed with its vocabulary, is one 10.3 s pass. Whisper's last timestamp falls 0.34 s
    before the pass ends, so faster-whisper decodes that remainder as a second window; Whisper loops on it, and
    stock faster-whisper re-decoded it at five more temperatures (a 10 s pass took 11-21 s) before dropping it
    as silence. The remainder is now decoded once, greedily."""
    answer = next(a for a in load_set() if a.id == "a40")
    audio = read_wav_16k_mono(synthesize(answer, tmp_path))
    caplog.set_level(logging.DEBUG, logger="faster_whisper")
    live = LiveTranscription(
        base_model,
        LiveConfig(
            segmenter=SegmenterConfig(auto_end=False),
            stream=StreamConfig(merge_backlog=False, speculate=False),
            vocabulary=vocabulary_for(answer),
            prompt_form="sentence",  # the form with which Whisper leaves this remainder (issue-15d.md)
        ),
    )
    live.start()
    feed_array(live, audio)
    final = live.wait_final(120)
    assert final is not None and "Spring Boot" in final.text and "resources at once" in final.text, final.text
    messages = [r.getMessage() for r in caplog.records if r.name == "faster_whisper"]
    starts = [i for i, m in enumerate(messages) if m.startswith("Processing segment at")]
    later = [i for i in starts if not messages[i].endswith("00:00.000")]
    assert later, messages  # the remainder window this test is about
    for first in later:
        following = [i for i in starts if i > first]
        window = messages[first : following[0] if following else len(messages)]
        assert not [m for m in window if "with temperature 0.2" in m], window
