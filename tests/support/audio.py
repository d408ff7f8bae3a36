"""Speech fixtures for tests: real recordings with reference transcripts (see tests/fixtures/speech/)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mockmate_desktop.domain.wer import word_errors
from mockmate_desktop.speech.protocols import SAMPLE_RATE, AudioArray
from mockmate_desktop.speech.wavio import read_wav_16k_mono

SPEECH_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "speech"


def fixture_path(name: str) -> Path:
    return SPEECH_FIXTURES / f"{name}.wav"


def load_fixture(name: str) -> AudioArray:
    return read_wav_16k_mono(fixture_path(name))


def reference(name: str) -> str:
    return (SPEECH_FIXTURES / f"{name}.txt").read_text(encoding="utf-8").strip()


def silence(seconds: float) -> AudioArray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def joined(names: tuple[str, ...], gap_s: float = 0.8) -> tuple[AudioArray, str]:
    """Fixtures joined with pauses, and their joined reference."""
    parts: list[AudioArray] = []
    for name in names:
        if parts:
            parts.append(silence(gap_s))
        parts.append(load_fixture(name))
    return np.concatenate(parts), " ".join(reference(n) for n in names)


def wer_percent(ref: str, hyp: str) -> float:
    return 100.0 * word_errors(ref, hyp).wer
