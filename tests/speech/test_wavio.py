"""Answer WAVs: written while recording, readable after a crash; other WAV formats converted."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from mockmate_desktop.speech.wavio import StreamingWavWriter, WavFormatError, read_wav, read_wav_16k_mono
from tests.support.audio import fixture_path, load_fixture


def test_unclosed_recording_reads_in_full(tmp_path: Path) -> None:
    audio = load_fixture("jfk")
    path = tmp_path / "answer.wav"
    writer = StreamingWavWriter(path)
    for i in range(0, len(audio), 1600):
        writer.write(audio[i : i + 1600])
    # No close(): as if the process died. The header may be stale; the reader trusts the file length.
    writer._file.flush()  # type: ignore[union-attr]  # what the OS would have after the crash
    samples, rate = read_wav(path)
    assert rate == 16000 and len(samples) == len(audio)
    assert np.max(np.abs(samples - audio)) < 1e-3
    writer.close()
    with wave.open(str(path)) as w:  # the closed file is a standard WAV
        assert w.getnframes() == len(audio) and w.getframerate() == 16000


def test_stereo_44k_is_converted(tmp_path: Path) -> None:
    out = tmp_path / "stereo.wav"
    subprocess.run(["sox", str(fixture_path("goforward")), "-r", "44100", "-c", "2", str(out)], check=True)
    audio = read_wav_16k_mono(out)
    original = load_fixture("goforward")
    assert abs(len(audio) - len(original)) <= 2
    assert np.corrcoef(audio[: len(original)], original[: len(audio)])[0, 1] > 0.95


def test_not_a_wav_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_text("hello")
    with pytest.raises(WavFormatError, match="not a WAV"):
        read_wav(bad)
    with pytest.raises(WavFormatError, match="cannot read"):
        read_wav(tmp_path / "missing.wav")
