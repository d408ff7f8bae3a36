"""The encoder window cut to the audio: what it keeps, that faster-whisper still pads with zeros, and that
accuracy holds against stock 30 s windows on the real-speech fixtures."""

from __future__ import annotations

import numpy as np
import pytest

from mockmate_desktop.services.speech_bench import REAL_SPEECH
from mockmate_desktop.speech.live import uses_short_window
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
